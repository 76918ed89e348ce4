"""Where each room of a map goes: a grid laid out from the rooms' positions and compass exits.

Used by the TUI's map of the campus explored so far and by `elysium map`; plain Python, no
Textual. A room is anything with an `id`, a `position` ((x, y) or None) and `exits` (direction ->
room id). A room without a `position` is placed beside a placed neighbour, by the compass
direction of the exit between them, when that spot is free; a room reached only by up, down, in
or out goes to a free spot next door (up to the north-east first, down to the south-west, in to
the north-west, out to the south-east). North is up: positions count y southward, as
docs/content.md says, unless the pack's own exits show that it counts y northward.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

STEP = {
    "north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0),
    "northeast": (1, 1), "northwest": (-1, 1), "southeast": (1, -1), "southwest": (-1, -1),
}
# Where a room reached by a way with no compass point is placed: these spots, the first one free.
AROUND = ((1, 1), (-1, -1), (-1, 1), (1, -1), (0, 1), (0, -1), (1, 0), (-1, 0))
OTHER_WAYS = {"up": (1, 1), "down": (-1, -1), "in": (-1, 1), "out": (1, -1)}
GAP = 3  # columns between two cells, where the east-west and diagonal links are drawn
MIN_CELL, MAX_CELL = 3, 12


def placed(rooms: Sequence[Any]) -> dict[str, tuple[int, int]]:
    """Each room's (x, y) with y growing north: its position, or one worked out from a neighbour."""
    where = {room.id: room.position for room in rooms if room.position is not None}
    if y_grows_south(rooms, where):
        where = {room_id: (x, -y) for room_id, (x, y) in where.items()}
    taken = set(where.values())
    links = [(room.id, direction, to) for room in rooms for direction, to in room.exits.items()
             if direction in STEP]
    other_links = [(room.id, direction, to) for room in rooms for direction, to in room.exits.items()
                   if direction in OTHER_WAYS]
    while True:
        changed = True
        while changed:
            changed = False
            for source, direction, target in links:
                dx, dy = STEP[direction]
                for known, unknown, sign in ((source, target, 1), (target, source, -1)):
                    if known in where and unknown not in where:
                        x, y = where[known]
                        spot = (x + sign * dx, y + sign * dy)
                        if spot not in taken:
                            where[unknown] = spot
                            taken.add(spot)
                            changed = True
        # The compass placed all it could: one room by up, down, in or out, then the compass again.
        if not place_one_other_way(other_links, where, taken):
            return where


def place_one_other_way(links: list[tuple[str, str, str]], where: dict[str, tuple[int, int]],
                        taken: set[tuple[int, int]]) -> bool:
    """Place one unplaced room reached by up, down, in or out from a placed one; False if none."""
    for source, direction, target in links:
        for known, unknown, sign in ((source, target, 1), (target, source, -1)):
            if known not in where or unknown in where:
                continue
            x, y = where[known]
            first = OTHER_WAYS[direction]
            for dx, dy in (first, *(step for step in AROUND if step != first)):
                spot = (x + sign * dx, y + sign * dy)
                if spot not in taken:
                    where[unknown] = spot
                    taken.add(spot)
                    return True
    return False


def y_grows_south(rooms: Sequence[Any], where: dict[str, tuple[int, int]]) -> bool:
    """Whether the pack counts y southward (as docs/content.md says) rather than northward: the
    exits between placed rooms decide, and the documented way wins a tie."""
    votes = 0
    for room in rooms:
        for direction, to in room.exits.items():
            if direction in STEP and STEP[direction][1] and room.id in where and to in where:
                rise = where[to][1] - where[room.id][1]
                votes += (rise > 0) - (rise < 0) if STEP[direction][1] > 0 else (rise < 0) - (rise > 0)
    return votes <= 0


SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "at", "to"})


def label(name: str, width: int) -> str:
    """The room's name in `width` cells: whole words from the start if they fit, else cut short."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(" ".join(words)) > width and len(words) > 1:
        words.pop()
        while len(words) > 1 and words[-1].lower() in SMALL_WORDS:
            words.pop()
    short = " ".join(words)
    return short if len(short) <= width else short[: max(width - 1, 1)] + "…"


def diagonal(rising: bool, solid: bool) -> str:
    if solid:
        return "╱" if rising else "╲"
    return "⋰" if rising else "⋱"
