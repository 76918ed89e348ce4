"""The map as text for the terminal: the rooms on their grid spots joined by their compass ways,
then every other connection as a line, the packs, and a legend.

A link between two rooms next to each other on the grid is drawn with its mark at its middle:
`?` a way with a condition, `#` a locked door, `+` a door; a room of a mod shows the mod's number
before its name (`1:Herb Garden`).
"""

from __future__ import annotations

from elysium.worldmap.layout import GAP, STEP, label
from elysium.worldmap.world import CONDITIONAL, DOOR, LOCKED, PLAIN, Way, WorldMap

MAX_CELL = 16
MARKS = {LOCKED: "#", CONDITIONAL: "?", DOOR: "+"}
RANK = (PLAIN, DOOR, CONDITIONAL, LOCKED)  # of two ways between the same rooms, the later mark shows
LEGEND = ("Legend: ─ │ ╱ ╲ a way between rooms next to each other; on it ? a way with a condition, "
          "# a door that starts locked, + a door; N:Name a room of mod N.")


def text_map(world: WorldMap) -> str:
    drawn, grid = grid_lines(world)
    others = [way for way in world.ways() if (way.room, way.to) not in drawn]
    count = len(world.places)
    lines = [f"{world.title}: {count} room{'s' * (count != 1)}, {len(world.packs)} "
             f"pack{'s' * (len(world.packs) != 1)}", "", *grid]
    if others:
        lines += ["", "Other connections:"]
        lines += [f"  {_name(world, way.room)} {way.direction} → {_name(world, way.to)}"
                  + (f" ({way.note()})" if way.note() else "") for way in others]
    loose = [place_id for place_id in world.places if place_id not in world.where]
    if loose:
        lines += ["", "Not on the grid: " + ", ".join(_name(world, place_id) for place_id in loose)]
    lines += ["", "Packs:"]
    for pack in world.packs.values():
        rooms = sum(place.pack == pack.id for place in world.places.values())
        role = "the game" if pack.number == 0 else f"mod {pack.number}"
        lines.append(f"  {pack.name} ({pack.id}, {role}): {rooms} room{'s' * (rooms != 1)}")
    lines += ["", LEGEND]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _name(world: WorldMap, place_id: str) -> str:
    return _prefix(world, place_id) + world.places[place_id].name


def _prefix(world: WorldMap, place_id: str) -> str:
    """`N:` before the name of a room of mod N; nothing for the game's own."""
    number = world.packs[world.places[place_id].pack].number
    return f"{number}:" if number else ""


def grid_lines(world: WorldMap) -> tuple[set[tuple[str, str]], list[str]]:
    """The grid as lines, and the (room, room) pairs whose way it draws."""
    where = world.where
    if not where:
        return set(), []
    names = {place_id: _name(world, place_id) for place_id in where}
    cell = min(max(len(name) for name in names.values()), MAX_CELL)
    xs, ys = [x for x, _ in where.values()], [y for _, y in where.values()]
    left, top = min(xs), max(ys)
    columns, rows = max(xs) - left + 1, top - min(ys) + 1
    canvas = [[" "] * (columns * (cell + GAP) - GAP) for _ in range(rows * 2 - 1)]

    def put(line: int, column: int, text: str) -> None:
        for offset, char in enumerate(text):
            if 0 <= line < len(canvas) and 0 <= column + offset < len(canvas[line]):
                canvas[line][column + offset] = char

    def origin(place_id: str) -> tuple[int, int]:
        x, y = where[place_id]
        return (top - y) * 2, (x - left) * (cell + GAP)

    links: dict[frozenset[str], list[Way]] = {}
    for way in world.ways():
        if way.room not in where or way.to not in where or way.direction not in STEP:
            continue
        dx, dy = where[way.to][0] - where[way.room][0], where[way.to][1] - where[way.room][1]
        if (dx, dy) == STEP[way.direction]:
            links.setdefault(frozenset((way.room, way.to)), []).append(way)
    drawn = {(way.room, way.to) for ways in links.values() for way in ways}
    for ways in links.values():
        first = ways[0]
        mark = MARKS.get(max((way.mark for way in ways), key=RANK.index), "")
        (line, column), (to_line, to_column) = origin(first.room), origin(first.to)
        dx, dy = where[first.to][0] - where[first.room][0], where[first.to][1] - where[first.room][1]
        if dy == 0:  # the mark in the middle of the gap between the two names
            put(line, min(column, to_column) + cell // 2 + 1, "─" * (cell + GAP - 1))
            put(line, min(column, to_column) + cell + GAP // 2, mark or "─")
        elif dx == 0:
            put((line + to_line) // 2, column + cell // 2, mark or "│")
        else:
            put((line + to_line) // 2, min(column, to_column) + cell + GAP // 2, mark or ("╱" if dx == dy else "╲"))
    for place_id in names:
        line, column = origin(place_id)
        prefix = _prefix(world, place_id)  # kept whole: the name after it is what gets cut short
        shown = prefix + label(world.places[place_id].name, max(cell - len(prefix), 1))
        put(line, column + (cell - len(shown)) // 2, shown)
    return drawn, ["".join(row).rstrip() for row in canvas]
