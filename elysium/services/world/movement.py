"""Moving about: exits, doors and conditions, the player's arrival, and people on their rounds."""

from __future__ import annotations

from bisect import bisect_left

from elysium.bus import Context, handles, subscribes
from elysium.bus.protocol import Enter, Go, MovePlayer, Narrated, Narration, NpcMoved, PlayerMoved, TimePassed
from elysium.content.model import Exit, Npc
from elysium.state import calendar, places
from elysium.state.conditions import holds, render
from elysium.state.text import say
from elysium.services.world.describe import The, arrival_text, exit_words, room_text, tell, text, the
from elysium.services.world import lingering
from elysium.services.world.light import note_sight
from elysium.services.world.unlocking import unlock_with_held_key

WALK = 2  # minutes a walk from one room to the next takes


class Movement:
    @handles(Go)
    def go(self, msg: Go, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        room = content.rooms[state["location"]]
        way = room.exits.get(msg.direction)
        if way is None:
            if not places.has_light(state, content, room.id):
                return Narration(say("light.blunder", state, content, direction=msg.direction), done=False)
            shown = room.shown_exits
            ways = ", ".join(exit_words(content, shown)) or say("world.no_exits", state, content)
            return Narration(say("world.no_way", state, content, exits=ways), done=False)
        return self.through(ctx, way, msg.passing)

    @handles(Enter)
    def enter(self, msg: Enter, ctx: Context) -> Narration:
        room = ctx.content.rooms[ctx.state["location"]]
        for way in room.exits.values():
            if way.door == msg.thing:
                return self.through(ctx, way)
        return Narration(tell(ctx, "world.cannot_enter", msg.thing), done=False)

    def through(self, ctx: Context, way: Exit, passing: bool = False) -> Narration:
        state, content = ctx.state, ctx.content
        if way.to is None or (way.condition and not holds(way.condition, state, content)):
            refusal = text(ctx, way.refusal) if way.refusal else say("world.way_barred", state, content)
            return Narration(refusal, done=False)
        note = ""
        if way.door:
            door = state["items"][way.door]
            if not door.get("open"):
                if door.get("locked"):
                    unlocked = unlock_with_held_key(ctx, way.door)
                    if unlocked is None:
                        return Narration(tell(ctx, "world.door_locked", way.door), done=False)
                    note = unlocked + "\n"
                places.change_item(state, way.door, open=True)
                note += tell(ctx, "world.first_opening", way.door) + "\n"
        return Narration(note + self.arrive(ctx, way.to, passing=passing), minutes=WALK)

    @handles(MovePlayer)
    def move_player(self, msg: MovePlayer, ctx: Context) -> Narration:
        return Narration(self.arrive(ctx, msg.room, msg.quietly))

    def arrive(self, ctx: Context, room_id: str, quietly: bool = False, passing: bool = False) -> str:
        state = ctx.state
        origin = state["location"]
        state["location"] = room_id
        state["visits"][room_id] = state["visits"].get(room_id, 0) + 1
        ctx.publish(PlayerMoved(origin, room_id))
        note_sight(ctx)
        return "" if quietly else arrival_text(ctx, passing)

    @subscribes(TimePassed)
    def npcs_keep_their_schedules(self, msg: TimePassed, ctx: Context) -> None:
        state, content = ctx.state, ctx.content
        for npc_id in lingering.let_go(ctx, msg.end):
            self.leave_conversation(ctx, content.npcs[npc_id], msg.end)
        for npc_id in _due(content.schedule_times, msg.start, msg.end):
            npc = content.npcs[npc_id]
            schedule = content.schedule_of(npc)
            if not _counts_between(schedule, msg.start, msg.end, content.game.days):
                continue  # what was passed is an entry for another day of the week
            if lingering.held(ctx, npc_id):
                continue  # still talking: where they are due now is worked out when they go
            if lingering.in_conversation(ctx, npc_id, msg.end):
                if _scheduled_room(schedule, msg.end, content.game.days) not in (None, state["npcs"][npc_id]["at"]):
                    lingering.hold(ctx, npc_id, msg.end)
                continue
            target = _scheduled_room(schedule, msg.end, content.game.days)
            origin = state["npcs"][npc.id]["at"]
            if target is None or target == origin:
                continue
            places.move_npc(state, npc.id, target)
            ctx.publish(NpcMoved(npc.id, origin, target))
            here = state["location"]
            if here in (origin, target) and places.has_light(state, content, here):
                key = "world.person_leaves" if here == origin else "world.person_arrives"
                ctx.publish(Narrated(say(key, state, content, noun=npc), routine=True))
            elif (npc.walks and places.has_light(state, content, here)
                  and here in _rooms_between(schedule, msg.start, msg.end, content.game.days)):
                ctx.publish(Narrated(say("world.person_passes", state, content, noun=npc), routine=True))

    def leave_conversation(self, ctx: Context, npc: Npc, now: int) -> None:
        """Someone a conversation kept goes where their schedule puts them now, saying their
        `leaving:` line (or the plain one) if the player is there to see it."""
        state, content = ctx.state, ctx.content
        origin = state["npcs"][npc.id]["at"]
        target = _scheduled_room(content.schedule_of(npc), now, content.game.days)
        if target is None or target == origin:
            return
        places.move_npc(state, npc.id, target)
        ctx.publish(NpcMoved(npc.id, origin, target))
        here = state["location"]
        if here == origin and places.has_light(state, content, here):
            line = render(npc.leaving, state, content) if npc.leaving else ""
            ctx.publish(Narrated(line or say("world.person_leaves", state, content, noun=npc)))


def _due(times: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    """Ids, in content order, of the NPCs with a scheduled minute of the day in (start, end]."""
    if end - start >= calendar.MINUTES_PER_DAY:
        spans = [(0, calendar.MINUTES_PER_DAY)]
    else:
        first, last = calendar.minute_of_day(start) + 1, calendar.minute_of_day(end) + 1
        spans = [(first, last)] if first <= last else [(first, calendar.MINUTES_PER_DAY), (0, last)]
    due = {entry for low, high in spans
           for entry in times[bisect_left(times, (low,)):bisect_left(times, (high,))]}
    return [npc_id for _, npc_id in sorted({(n, npc_id) for _, n, npc_id in due})]


def _counts_between(schedule: tuple[tuple[int, str, tuple[str, ...]], ...], start: int, end: int,
                    days: tuple[str, ...]) -> bool:
    """Whether an entry falls in (start, end] on a day it is for."""
    if end - start >= calendar.MINUTES_PER_DAY:
        return True
    midnight = start - calendar.minute_of_day(start)
    for at, _, on in schedule:
        for moment in (midnight + at, midnight + calendar.MINUTES_PER_DAY + at):
            if start < moment <= end and (not on or _weekday(moment, days) in (d.lower() for d in on)):
                return True
    return False


def _rooms_between(schedule: tuple[tuple[int, str, tuple[str, ...]], ...], start: int, end: int,
                   days: tuple[str, ...]) -> set[str]:
    """The rooms of the entries in (start, end] on the days they are for: the places a walker
    went through on the way, when time passed in one stretch (a day at most)."""
    if end - start >= calendar.MINUTES_PER_DAY:
        return set()
    midnight = start - calendar.minute_of_day(start)
    return {room for at, room, on in schedule
            for moment in (midnight + at, midnight + calendar.MINUTES_PER_DAY + at)
            if start < moment <= end and (not on or _weekday(moment, days) in (d.lower() for d in on))}


def _weekday(time: int, days: tuple[str, ...]) -> str:
    return calendar.weekday_of(time, days).lower()


def _scheduled_room(schedule: tuple[tuple[int, str, tuple[str, ...]], ...], time: int,
                    days: tuple[str, ...]) -> str | None:
    """Where a schedule puts someone at `time`: the latest of today's entries at or before it, else
    the last entry of the latest day before that has one (a week back at most). Entries with
    weekdays count only on those days; None when no entry counts on any day."""
    minute = calendar.minute_of_day(time)
    for back in range(len(days) + 1):
        day = _weekday(time - back * calendar.MINUTES_PER_DAY, days)
        rooms = [room for at, room, on in schedule
                 if (not on or day in (d.lower() for d in on)) and (back or at <= minute)]
        if rooms:
            return rooms[-1]
    return None
