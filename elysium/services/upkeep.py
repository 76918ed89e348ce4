"""The upkeep service: what time awake costs the player, and what time unpractised costs a piece.

Both are the game's own rates (`game: energy:` and `game: mastery:` in the manifest); a game that
names neither loses nothing to the clock.
"""

from __future__ import annotations

from elysium.bus import Context, Service, subscribes
from elysium.bus.protocol import TimePassed
from elysium.content.model import EnergyDrain
from elysium.state import calendar

DAY = calendar.MINUTES_PER_DAY


class Upkeep(Service):
    name = "upkeep"

    @subscribes(TimePassed)
    def wear(self, msg: TimePassed, ctx: Context) -> None:
        state, game = ctx.state, ctx.content.game
        awake_from = msg.start
        asleep_until = state.get("asleep_until")
        if asleep_until is not None:
            awake_from = min(max(awake_from, asleep_until), msg.end)
            if msg.end >= asleep_until:
                del state["asleep_until"]
        if game.energy.per_hour or game.energy.late_per_hour:
            spent = drained_by(game.energy, msg.end) - drained_by(game.energy, awake_from)
            state["energy"] = max(0, state["energy"] - spent)
        if game.mastery.fades_per_day:
            fade(state, game.mastery.fresh_days, game.mastery.fades_per_day, msg.start, msg.end)


def drained_by(drain: EnergyDrain, moment: int) -> int:
    """The energy an hour-by-hour drain would have taken from the start of the calendar to
    `moment`: the difference of two of these is what a stretch costs, with no fraction lost
    however finely the time is cut."""
    late = _late_minutes(drain, DAY)
    per_day = drain.per_hour * (DAY - late) + drain.late_per_hour * late
    minute = moment % DAY
    late_today = _late_minutes(drain, minute)
    today = drain.per_hour * (minute - late_today) + drain.late_per_hour * late_today
    return (moment // DAY * per_day + today) // 60


def _late_minutes(drain: EnergyDrain, minute: int) -> int:
    """How many of the day's first `minute` minutes fall in the late hours."""
    start, end = drain.late_from, drain.late_until
    if start <= end:
        return max(0, min(minute, end) - start)
    return min(minute, end) + max(0, minute - start)  # the late hours run across midnight


def fade(state: dict, fresh_days: int, per_day: int, start: int, end: int) -> None:
    """At each midnight from `start` to `end`, a piece last practised more than `fresh_days` ago
    loses `per_day` mastery."""
    for midnight in range(start - start % DAY + DAY, end + 1, DAY):
        for entry in state["repertoire"].values():
            practised = entry["practised"]
            if practised is not None and midnight - practised > fresh_days * DAY:
                entry["mastery"] = max(0, entry["mastery"] - per_day)
