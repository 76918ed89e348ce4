"""GO TO a place the player knows: which place the words name, and the shortest way there.

The way is found over the rooms the player has been in, through exits as the player would meet
them now (their conditions hold, their doors are not locked), so a search costs what the player
has seen of the world, never the size of the whole world. The engine walks it step by step.
"""

from __future__ import annotations

import re
from collections import deque

from elysium.bus import Context, handles
from elysium.bus.protocol import FindWay, Route
from elysium.content.model import Room
from elysium.state.conditions import holds
from elysium.state.text import say
from elysium.services.world.describe import room_name

ARTICLES = frozenset({"the", "a", "an"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[\w'-]+", text.lower()) if w not in ARTICLES)


class Travel:
    @handles(FindWay)
    def find_way(self, msg: FindWay, ctx: Context) -> Route:
        state, content = ctx.state, ctx.content
        asked = " ".join(msg.words.split())
        wanted = _words(asked)
        if not wanted:
            return Route(text=say("world.travel_where", state, content))
        known = [room for room_id, times in state["visits"].items()
                 if times and (room := content.rooms.get(room_id)) is not None]
        named = _named(ctx, known, wanted)
        if not named:
            return Route(text=say("world.travel_unknown", state, content, place=asked))
        if len(named) > 1:
            names = [room_name(ctx, room) for room in named]
            return Route(text=say("world.travel_which", state, content,
                                  places=f"{', '.join(names[:-1])} or {names[-1]}"))
        room = named[0]
        place = room_name(ctx, room)
        if room.id == state["location"]:
            return Route(text=say("world.travel_here", state, content, place=place))
        directions = _shortest_way(ctx, state["location"], room.id, {r.id for r in known})
        if directions is None:
            return Route(text=say("world.travel_no_path", state, content, place=place))
        return Route(directions, place, room.id)


def _named(ctx: Context, rooms: list[Room], wanted: tuple[str, ...]) -> list[Room]:
    """The rooms whose name has every word asked for; the one whose whole name it is, if any."""
    found = []
    for room in rooms:
        words = _words(room_name(ctx, room))
        if words == wanted:
            return [room]
        if set(wanted) <= set(words):
            found.append(room)
    return found


def _shortest_way(ctx: Context, start: str, goal: str, known: set[str]) -> list[str] | None:
    """The directions of a shortest walk from `start` to `goal` through `known` rooms (breadth
    first, exits in the order the room lists them), or None when there is none."""
    state, content = ctx.state, ctx.content
    came_from: dict[str, tuple[str, str] | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here == goal:
            directions: list[str] = []
            while (step := came_from[here]) is not None:
                here, direction = step
                directions.append(direction)
            return directions[::-1]
        for direction, way in content.rooms[here].exits.items():
            there = way.to
            if there is None or there in came_from or there not in known:
                continue
            if way.condition and not holds(way.condition, state, content):
                continue
            if way.door and state["items"][way.door].get("locked"):
                continue
            came_from[there] = (here, direction)
            queue.append(there)
    return None
