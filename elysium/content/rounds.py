"""People who walk their rounds: a schedule spelled out as the steps of the walks between its places.

Each entry of a schedule says where someone is to be, and from when. A person who `walks:` sets
out early enough to be there at that time, going one room at a time along the shortest way from
the place the entry before names (the last entry of the day before, for the first), a room every
STEP_MINUTES. The way goes through any exit, whatever its door or condition: a college's people
hold its keys. A walk that does not fit between the two entries, or a place with no way to it,
leaves the move as it is written: there at the entry's time.

Worked out once, when the content is built, so that moving people costs the clock what it did.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

MINUTES_PER_DAY = 24 * 60
STEP_MINUTES = 2  # as long as the player's walk from one room to the next (services/world/movement.WALK)

Entry = tuple[int, str, tuple[str, ...]]  # (minute of the day, room, weekdays; () for every day)


def walked(schedule: tuple[Entry, ...], ways: Mapping[str, Iterable[str]]) -> tuple[Entry, ...]:
    """The schedule with the steps of each walk added before the entry it leads to, in time order."""
    steps: list[Entry] = []
    for n, (at, room, days) in enumerate(schedule):
        before_at, before_room, _ = schedule[n - 1]
        if n == 0:
            before_at -= MINUTES_PER_DAY
        path = _shortest_way(before_room, room, ways)
        if path is not None and len(path) > 2 and at - (len(path) - 2) * STEP_MINUTES > before_at:
            moves = len(path) - 1
            steps.extend(((at - (moves - k) * STEP_MINUTES) % MINUTES_PER_DAY, path[k], days)
                         for k in range(1, moves))
        steps.append((at, room, days))
    return tuple(sorted(steps, key=lambda step: step[0]))


def _shortest_way(start: str, goal: str, ways: Mapping[str, Iterable[str]]) -> list[str] | None:
    """The rooms of the shortest way from start to goal, both included (exits in written order)."""
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        room = queue.popleft()
        if room == goal:
            path = [room]
            while (room := came_from[room]) is not None:
                path.append(room)
            return path[::-1]
        for onward in ways.get(room, ()):
            if onward not in came_from:
                came_from[onward] = room
                queue.append(onward)
    return None
