"""The map of the campus explored so far, drawn from the rooms' positions.

Shown: every room the player has visited and the rooms next to those (unvisited ones as `?`).
A room without a `position` is placed beside a placed neighbour, by the compass direction of
the exit between them, when that spot is free; a room reached only by up, down, in or out goes
to a free spot next door (up to the north-east first, down to the south-west, in to the
north-west, out to the south-east) and its link is dotted. North is up: positions count y southward, as
docs/content.md says, unless the pack's own exits show that it counts y northward.
"""

from __future__ import annotations

from itertools import groupby

from rich.style import Style
from rich.text import Text
from textual import on
from textual.widget import Widget

from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.tui.styled import without_controls
from elysium.view import GameView, MapRoom
from elysium.worldmap.layout import GAP, MAX_CELL, MIN_CELL, OTHER_WAYS, STEP, diagonal, label, placed

def shown(rooms: tuple[MapRoom, ...]) -> set[str]:
    """The visited rooms, the room the player is in, and their neighbours."""
    known = {room.id for room in rooms if room.visited or room.here}
    ids = {room.id for room in rooms}
    near = {to for room in rooms if room.id in known for to in room.exits.values() if to in ids}
    near |= {room.id for room in rooms for to in room.exits.values() if to in known}
    return known | near


def extent(view: GameView) -> tuple[int, int]:
    """The columns and rows of rooms that `draw_map` draws: at a given width, the map's size."""
    where = placed(view.rooms)
    spots = [where[r] for r in shown(view.rooms) if r in where]
    if not spots:
        return 0, 0
    xs, ys = {x for x, _ in spots}, {y for _, y in spots}
    return max(xs) - min(xs) + 1, max(ys) - min(ys) + 1


def draw_map(view: GameView, width: int, styles: dict[str, Style], max_cell: int = MAX_CELL) -> Text:
    """The map as lines of text `width` cells wide, at most."""
    rooms = {room.id: room for room in view.rooms}
    where = placed(view.rooms)
    visible = [rid for rid in shown(view.rooms) if rid in where]
    if not visible:
        return Text("No map of this place.", style=styles["unknown"])
    xs = [where[r][0] for r in visible]
    ys = [where[r][1] for r in visible]
    left, top = min(xs), max(ys)
    columns, rows = max(xs) - left + 1, top - min(ys) + 1
    cell = min(max((width - GAP * (columns - 1)) // columns, MIN_CELL), max_cell)
    canvas = [[(" ", styles["link"]) for _ in range(columns * (cell + GAP) - GAP)] for _ in range(rows * 2 - 1)]

    def put(line: int, column: int, text: str, style: Style) -> None:
        for offset, char in enumerate(text):
            if 0 <= line < len(canvas) and 0 <= column + offset < len(canvas[line]):
                canvas[line][column + offset] = (char, style)

    def origin(room_id: str) -> tuple[int, int]:
        x, y = where[room_id]
        return (top - y) * 2, (x - left) * (cell + GAP)

    for room_id in visible:  # the links first, centre to centre; the names go over them
        line, column = origin(room_id)
        for direction, target in rooms[room_id].exits.items():
            if direction not in STEP and direction not in OTHER_WAYS or target not in visible:
                continue
            dx, dy = where[target][0] - where[room_id][0], where[target][1] - where[room_id][1]
            if direction in STEP and (dx, dy) != STEP[direction] or max(abs(dx), abs(dy)) != 1:
                continue  # not next door on the grid: no line to draw
            solid = direction in STEP
            to_line, to_column = origin(target)
            middle = (line + to_line) // 2
            if dy == 0:
                put(line, min(column, to_column) + cell // 2, ("─" if solid else "┄") * (cell + GAP), styles["link"])
            elif dx == 0:
                put(middle, column + cell // 2, "│" if solid else "┆", styles["link"])
            else:
                put(middle, min(column, to_column) + cell + GAP // 2, diagonal(dx == dy, solid), styles["link"])
    for room_id in visible:
        room = rooms[room_id]
        line, column = origin(room_id)
        known = room.visited or room.here
        name = label(without_controls(room.name), cell) if known else "?"
        style = styles["here"] if room.here else styles["room"] if known else styles["unknown"]
        put(line, column + (cell - len(name)) // 2, name, style)
    text = Text(end="")
    for index, row in enumerate(canvas):
        if index:
            text.append("\n")
        for style, run in groupby(row, key=lambda cell: cell[1]):
            text.append("".join(char for char, _ in run), style)
    return text


class CampusMap(Widget):
    """The map, redrawn after every turn; `here` is highlighted."""

    COMPONENT_CLASSES = {"campus-map--here", "campus-map--room", "campus-map--unknown", "campus-map--link"}

    def __init__(self, view: GameView | None = None, max_cell: int = MAX_CELL, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self.max_cell = max_cell
        self.add_class(LISTENER)

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        before, self.view = self.view, message.view
        if before is not None and before.rooms == message.view.rooms:
            return  # the map only shows rooms: no move, nothing new seen, nothing to draw
        # A layout (the costly part of a frame) only when the map may have changed its height.
        self.refresh(layout=before is None or extent(before) != extent(message.view))

    def render(self) -> Text:
        if self.view is None:
            return Text("")
        styles = {name: self.get_component_rich_style(f"campus-map--{name}")
                  for name in ("here", "room", "unknown", "link")}
        return draw_map(self.view, self.content_region.width or 30, styles, self.max_cell)
