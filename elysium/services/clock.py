"""The clock service: game time passing, timers firing on the hour, and telling the time."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any
from operator import attrgetter

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import (
    AdvanceClock, ClockStep, ConfirmFirst, FireTimers, Narration, RunEffects, Sleep, TellTime, TimePassed,
    TimersFired, Wait,
)
from elysium.content.model import Content, Timer, parse_time
from elysium.state import calendar
from elysium.state.conditions import holds
from elysium.state.store import MAX_ENERGY
from elysium.state.text import say

DEFAULT_WAIT = 5
WAKING = 6 * 60 + 30
LONGEST_WAIT = 24 * 60  # the longest a player's WAIT lasts
NAMED_TIMES = {"dawn": 6 * 60, "morning": 6 * 60, "noon": 12 * 60, "midday": 12 * 60,
               "afternoon": 12 * 60, "evening": 17 * 60, "dusk": 19 * 60, "night": 21 * 60,
               "midnight": 0}
DURATION = re.compile(r"(\d+)\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours)?")  # "20", "2 hours"


class Clock(Service):
    name = "clock"

    @handles(AdvanceClock)
    def advance(self, msg: AdvanceClock, ctx: Context) -> ClockStep:
        """Move the clock to the next moment something is due (a timer, the end of term), or to
        `until`; whatever happens in between hears TimePassed before that moment's timers fire."""
        state = ctx.state
        start = state["time"]
        due = next_due(ctx.content, start)
        reached = due if due is not None and due <= msg.until else max(start, msg.until)
        state["time"] = reached
        if reached > start:
            ctx.publish(TimePassed(start, reached))
        return ClockStep(reached)

    @handles(FireTimers)
    def fire_timers(self, msg: FireTimers, ctx: Context) -> TimersFired:
        """Run the timers due exactly at the current moment, in order of their ids. A timer that
        speaks and `interrupts` (asked as it fires) stops a wait here; said during a longer action,
        the timers' words come with the time they were heard."""
        state, content = ctx.state, ctx.content
        texts, interrupts = [], False
        for timer in due_at(content, state["time"]):
            key = f"timer:{timer.id}"
            if not timer.daily and key in state["fired"]:
                continue
            if holds(timer.condition, state, content):
                if not timer.daily:
                    state["fired"].append(key)
                stops = interrupts_now(timer, state, content)
                text = ctx.ask(RunEffects(timer.effects, source=key)).text
                texts.append(text)
                interrupts = interrupts or (stops and bool(text))
            if state["ending"]:
                break
        said = "\n".join(t for t in texts if t)
        stopped_here = interrupts and msg.waiting
        if said and state["time"] < msg.until and not stopped_here and "clock" in content.game.features:
            said = f"{say('campus.heard_during', state, content, time=calendar.clock_text(state['time']))} {said}"
        return TimersFired(said, interrupts=interrupts)

    @handles(TellTime)
    def tell_time(self, msg: TellTime, ctx: Context) -> Narration:
        spoken = calendar.spoken_time(ctx.state["time"], ctx.content.game.days)
        return Narration(say("world.time", ctx.state, ctx.content, time=spoken))

    @handles(Sleep)
    def sleep(self, msg: Sleep, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        beds = [room for room in content.rooms.values() if room.bed]
        if beds and not content.rooms[state["location"]].bed:
            return Narration(say("world.sleep_elsewhere", state, content, bed=beds[0]), done=False)
        if calendar.period_of(state["time"]) in ("morning", "afternoon"):
            return Narration(say("world.too_early_to_sleep", state, content), done=False)
        minutes = (WAKING - calendar.minute_of_day(state["time"])) % calendar.MINUTES_PER_DAY
        # Rested before the clock runs, so that anything the night brings finds you refreshed.
        state["energy"] = MAX_ENERGY
        state["asleep_until"] = state["time"] + minutes  # no energy is spent in the night slept
        return Narration(say("world.slept", state, content), minutes=minutes)

    @handles(Wait)
    def wait(self, msg: Wait, ctx: Context) -> Narration:
        if "clock" not in ctx.content.game.features:
            return self.wait_unseen(msg, ctx)
        state, content = ctx.state, ctx.content
        minutes = wait_minutes(msg.how, state["time"])
        if minutes is None:
            return Narration(say("world.wait_how", state, content), done=False)
        passed = passed_today(msg.how, state["time"])
        if passed is not None:  # "wait until 9:00" at 09:08 is a slip far more often than a day's wait
            return ConfirmFirst(say("campus.wait_past_question", state, content,
                                    now=calendar.clock_text(state["time"]), time=calendar.clock_text(passed)),
                                done=False, on_yes=f"wait until {calendar.clock_text(passed)} tomorrow")
        if minutes <= 0:
            return Narration(say("world.wait_already_now", state, content), done=False)
        capped = ""
        if minutes > LONGEST_WAIT:
            minutes, capped = LONGEST_WAIT, say("world.wait_capped", state, content) + " "
        last_minute = _moment(term_end(content).day, term_end(content).at) - 1
        if state["time"] < last_minute < state["time"] + minutes:
            # Never straight through the end: the player stops a minute short, and chooses to go on.
            return Narration(say("campus.wait_before_end", state, content, time=calendar.clock_text(last_minute)),
                             minutes=last_minute - state["time"])
        if minutes == DEFAULT_WAIT and not msg.how.strip():
            return Narration(say("world.time_passes", state, content), minutes=minutes)
        now = state["time"]
        until = calendar.clock_text(now + minutes)
        if calendar.day_of(now + minutes) != calendar.day_of(now):
            day = calendar.weekday_of(now + minutes, content.game.days)
            waited = say("world.waited_to_another_day", state, content, time=until, day=day)
        else:
            waited = say("world.waited", state, content, time=until)
        return Narration(capped + waited, minutes=minutes)


    @staticmethod
    def wait_unseen(msg: Wait, ctx: Context) -> Narration:
        """WAIT in a game without the clock: minutes and hours pass, but there is no hour to wait
        until and no time of day to tell."""
        words = msg.how.lower().replace("for ", " ").split()
        minutes = wait_minutes(msg.how, 0) if not words or DURATION.fullmatch(" ".join(words)) else None
        if minutes is None:
            return Narration(say("campus.wait_how_long", ctx.state, ctx.content), done=False)
        return Narration(say("campus.time_passes", ctx.state, ctx.content), minutes=min(minutes, LONGEST_WAIT))


def interrupts_now(timer: Timer, state: dict[str, Any], content: Content) -> bool:
    """Whether `timer` stops a wait now: its `interrupts` is true, or a condition that holds."""
    if isinstance(timer.interrupts, dict):
        return holds(timer.interrupts, state, content)
    return bool(timer.interrupts)


def term_end(content: Content) -> Timer:
    """The end of term, as one more timer: at midnight after the term's last day."""
    game = content.game
    return Timer("term_end", 0, day=game.term_days + 1, daily=False, effects=game.term_end)


def _moment(day: int, minute: int) -> int:
    return (day - 1) * calendar.MINUTES_PER_DAY + minute


def next_due(content: Content, after: int) -> int | None:
    """The first moment after `after` at which a timer (or the end of term) is due, or None.

    Found by bisection in the content's timer index, so that passing a long stretch of time costs
    the moments at which something happens, not the minutes in between."""
    candidates = []
    daily = content.daily_timer_minutes
    if daily:
        minute, midnight = calendar.minute_of_day(after), after - calendar.minute_of_day(after)
        later = bisect_right(daily, minute)
        candidates.append(midnight + daily[later] if later < len(daily)
                          else midnight + calendar.MINUTES_PER_DAY + daily[0])
    dated = content.dated_timers
    first = bisect_right(dated, (calendar.day_of(after), calendar.minute_of_day(after)))
    if first < len(dated):
        candidates.append(_moment(*dated[first]))
    end = term_end(content)
    if "clock" in content.game.features and _moment(end.day, end.at) > after:
        candidates.append(_moment(end.day, end.at))
    return min(candidates, default=None)


def due_at(content: Content, moment: int) -> list[Timer]:
    """The timers (and the end of term) due at exactly `moment`, in order of their ids."""
    day = calendar.day_of(moment)
    due = [timer for timer in content.timers_by_minute.get(calendar.minute_of_day(moment), ())
           if timer.day is None or timer.day == day]
    end = term_end(content)
    if "clock" in content.game.features and _moment(end.day, end.at) == moment:
        due.append(end)
        due.sort(key=attrgetter("id"))  # stable: a pack timer called term_end still goes first
    return due


def wait_minutes(how: str, now: int) -> int | None:
    """Minutes to wait for what the player said after WAIT, or None when it makes no sense."""
    words = how.lower().replace("for ", " ").split()
    if not words:
        return DEFAULT_WAIT
    target = _target_minute(words)
    if target is not None:
        minute, tomorrow = target
        if tomorrow:  # that minute of the next day of the calendar
            return calendar.MINUTES_PER_DAY - calendar.minute_of_day(now) + minute
        return (minute - calendar.minute_of_day(now)) % calendar.MINUTES_PER_DAY
    if words[0] in ("until", "till", "til", "to"):
        return None
    match = DURATION.fullmatch(" ".join(words))
    if not match:
        return None
    amount = int(match[1][:6]) * (60 if (match[2] or "m").startswith("h") else 1)
    return amount or None


def passed_today(how: str, now: int) -> int | None:
    """The minute of the day a WAIT UNTIL names when that time passed earlier today, within the last
    half day ("until 9:00" at 09:08); None otherwise, and for a time named "tomorrow". (At 23:00,
    "until 7:00" means the morning, and is not asked about.)"""
    target = _target_minute(how.lower().replace("for ", " ").split())
    if target is None or target[1]:
        return None
    since = calendar.minute_of_day(now) - target[0]
    return target[0] if 0 < since < calendar.MINUTES_PER_DAY // 2 else None


def _target_minute(words: list[str]) -> tuple[int, bool] | None:
    """The minute of the day WAIT's words name ("until 9:00", "till noon", "9am", "until 9 tomorrow"),
    and whether they said tomorrow; None when they name no time of day."""
    tomorrow = bool(words) and words[-1] == "tomorrow"
    words = words[:-1] if tomorrow else words
    if words[:1] and words[0] in ("until", "till", "til", "to"):
        words = words[1:]
    elif not words or DURATION.fullmatch(" ".join(words)):
        return None  # "wait 20" is minutes, not eight in the evening
    text = " ".join(words)
    minute = NAMED_TIMES.get(text)
    if minute is None:
        minute = _clock_minute(text)
    return None if minute is None else (minute, tomorrow)


def _clock_minute(text: str) -> int | None:
    """'9:00', '09:00', '9.45', '9', '9am', '9 pm', '21:30' as minutes of the day."""
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?", text.strip())
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return parse_time(f"{hour}:{minute:02d}") if hour < 24 and minute < 60 else None
