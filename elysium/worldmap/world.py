"""The map as data: every room with its pack and its ways out, and a spot on the grid for each.

Read from the content alone, as the game starts: a door is marked locked when it starts locked,
and a way with a condition (`if:`) is marked as such whatever the game's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from elysium.content.model import Content
from elysium.content.styles import without_controls
from elysium.worldmap.layout import placed

PLAIN, CONDITIONAL, DOOR, LOCKED = "way", "if", "door", "locked"


@dataclass(frozen=True)
class Way:
    room: str
    direction: str
    to: str
    condition: dict[str, Any] | None = None
    door: str | None = None
    locked: bool = False
    hidden: bool = False

    @property
    def mark(self) -> str:
        """What the map marks on it: a locked door, a condition, a door, or nothing."""
        if self.locked:
            return LOCKED
        if self.condition is not None:
            return CONDITIONAL
        return DOOR if self.door else PLAIN

    def note(self) -> str:
        """The condition, door and hiddenness in words, for lists and labels."""
        notes = []
        if self.condition is not None:
            notes.append(f"if {condition_text(self.condition)}")
        if self.door:
            notes.append(f"{'locked ' if self.locked else ''}door {self.door}")
        if self.hidden:
            notes.append("hidden")
        return "; ".join(notes)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    pack: str
    position: tuple[int, int] | None
    exits: dict[str, str]  # direction -> room, for the layout
    ways: tuple[Way, ...]


@dataclass(frozen=True)
class Pack:
    id: str
    name: str
    number: int  # 0 for the game, then each mod in load order from 1


@dataclass
class WorldMap:
    title: str
    places: dict[str, Place]
    packs: dict[str, Pack]
    where: dict[str, tuple[int, int]] = field(default_factory=dict)  # (x, y), y growing north

    def ways(self) -> list[Way]:
        return [way for place in self.places.values() for way in place.ways]


def world_map(content: Content) -> WorldMap:
    packs = {content.pack.id: Pack(content.pack.id, content.pack.name, 0)}
    for number, mod in enumerate(content.mods, start=1):
        packs[mod.id] = Pack(mod.id, mod.name, number)
    places = {}
    for room in content.rooms.values():
        owner = room.id.partition(":")[0] if ":" in room.id else content.pack.id
        ways = tuple(way_of(content, room.id, direction, exit_) for direction, exit_ in room.exits.items()
                     if exit_.to and exit_.to in content.rooms)
        places[room.id] = Place(room.id, without_controls(room.name), owner if owner in packs else content.pack.id,
                                room.position, {way.direction: way.to for way in ways}, ways)
    world = WorldMap(without_controls(content.game.title), places, packs)
    world.where = spots(list(places.values()))
    return world


def way_of(content: Content, room: str, direction: str, exit_: Any) -> Way:
    door = content.items.get(exit_.door) if exit_.door else None
    return Way(room, direction, exit_.to, exit_.condition, exit_.door, bool(door and door.locked), exit_.hidden)


@dataclass(frozen=True)
class _Spot:
    id: str
    position: tuple[int, int] | None
    exits: dict[str, str]


def spots(places: list[Place]) -> dict[str, tuple[int, int]]:
    """A grid spot for every room that can have one: the rooms placed from their positions and
    compass exits, then each part of the world that none of them reaches, begun to the east of
    what is placed (the TUI's layout, run again for each such part)."""
    where = placed(places)
    for _ in range(len(places)):
        loose = [place for place in places if place.id not in where]
        if not loose:
            break
        right = max((x for x, _ in where.values()), default=-2) + 2
        top = max((y for _, y in where.values()), default=0)
        # The layout reads positions with y growing south: give it what is placed that way.
        fixed = {place_id: (x, -y) for place_id, (x, y) in where.items()}
        fixed[loose[0].id] = (right, -top)
        before = len(where)
        where = placed([_Spot(p.id, fixed.get(p.id), p.exits) for p in places])
        if len(where) <= before:
            break
    return where


def condition_text(condition: Any) -> str:
    """A condition as it is written in YAML's flow style: `flag: ladder_down`."""
    if isinstance(condition, dict):
        inner = ", ".join(f"{key}: {_flow(value)}" for key, value in condition.items())
        return inner
    return _flow(condition)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + condition_text(value) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return without_controls(str(value))
