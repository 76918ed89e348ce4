"""The map as a file: SVG written by hand (no library), or Graphviz DOT.

SVG: each pack's rooms sit on a shaded region of the pack's colour; a way is a line (one for the
ways both ways between two rooms next to each other), dashed when it has a condition, red when it
is a door that starts locked, with a small square at its middle when it is a door; a way that is
not to the next spot of the grid (up, down, in, out, or far) is curved and named. A legend below
says all of that. DOT: one cluster per pack and one edge per way, with the same marks as styles,
and a legend node.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from elysium.worldmap.layout import STEP
from elysium.worldmap.world import CONDITIONAL, DOOR, LOCKED, Way, WorldMap

WIDTH, HEIGHT = 150, 48  # a room's box
PITCH_X, PITCH_Y = 200, 100  # from one grid spot to the next
MARGIN = 40
COLOURS = ("#dbe8f6", "#f6e3c6", "#d8f0d4", "#f3d6e6", "#e6dcf5", "#f5f0c4")
LOCKED_COLOUR, WAY_COLOUR = "#c0392b", "#555555"
LEGEND_LINES = (
    ("way", "a way between two rooms"),
    ("way if", "a way with a condition (dashed)"),
    ("way locked", "a door that starts locked (red)"),
    ("way door", "a door (square at the middle)"),
)


def colour(number: int) -> str:
    return COLOURS[number % len(COLOURS)]


def svg_map(world: WorldMap) -> str:
    where = world.where
    xs = [x for x, _ in where.values()] or [0]
    ys = [y for _, y in where.values()] or [0]
    left, top = min(xs), max(ys)
    width = (max(xs) - left) * PITCH_X + WIDTH + 2 * MARGIN
    grid_height = (top - min(ys)) * PITCH_Y + HEIGHT + 2 * MARGIN + 30
    legend_height = 26 * (len(LEGEND_LINES) + len(world.packs) + 1) + 20
    height = grid_height + legend_height
    width = max(width, 520)

    def centre(place_id: str) -> tuple[float, float]:
        x, y = where[place_id]
        return MARGIN + (x - left) * PITCH_X + WIDTH / 2, MARGIN + 30 + (top - y) * PITCH_Y + HEIGHT / 2

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
           f"<title>{escape(world.title)}: map</title>",
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="{MARGIN}" y="{MARGIN}" font-size="18" font-weight="bold">{escape(world.title)}</text>']
    for pack in world.packs.values():  # the regions first, under everything
        mine = [place_id for place_id, place in world.places.items() if place.pack == pack.id and place_id in where]
        out.append(f'<g class="region" id={quoteattr("region-" + pack.id)}>')
        for place_id in mine:
            cx, cy = centre(place_id)
            out.append(f'<rect x="{cx - PITCH_X / 2 + 4:g}" y="{cy - PITCH_Y / 2 + 4:g}" width="{PITCH_X - 8}" '
                       f'height="{PITCH_Y - 8}" rx="14" fill="{colour(pack.number)}" opacity="0.55"/>')
        out.append("</g>")
    out.append('<g class="ways">')
    # The ways both ways between two rooms next to each other are one line, with the marks of both.
    straight: dict[frozenset[str], list[Way]] = {}
    for way in world.ways():
        if way.room in where and way.to in where and way.room != way.to:
            if _next_door(world, way):
                straight.setdefault(frozenset((way.room, way.to)), []).append(way)
            else:
                out.append(_way([way], centre(way.room), centre(way.to), False))
    out.extend(_way(ways, centre(ways[0].room), centre(ways[0].to), True) for ways in straight.values())
    out.append("</g>")
    for pack in world.packs.values():
        out.append(f'<g class="pack" id={quoteattr("pack-" + pack.id)}><title>{escape(pack.name)}</title>')
        for place_id, place in world.places.items():
            if place.pack != pack.id or place_id not in where:
                continue
            cx, cy = centre(place_id)
            out.append(f'<g class="room" id={quoteattr("room-" + place_id)}><title>{escape(place_id)}</title>'
                       f'<rect x="{cx - WIDTH / 2:g}" y="{cy - HEIGHT / 2:g}" width="{WIDTH}" height="{HEIGHT}" '
                       f'rx="6" fill="{colour(pack.number)}" stroke="#333333"/>'
                       f'<text x="{cx:g}" y="{cy + 4:g}" text-anchor="middle">{escape(_short(place.name))}</text></g>')
        out.append("</g>")
    out.extend(_legend(world, grid_height))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _short(name: str, most: int = 22) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def _next_door(world: WorldMap, way: Way) -> bool:
    (x, y), (to_x, to_y) = world.where[way.room], world.where[way.to]
    return STEP.get(way.direction) == (to_x - x, to_y - y)


def _way(ways: list[Way], start: tuple[float, float], end: tuple[float, float], straight: bool) -> str:
    """One line (or, when not `straight`, one curve named by its direction) for the ways given,
    which all join the same two rooms."""
    conditional = any(way.condition is not None for way in ways)
    locked = any(way.mark == LOCKED for way in ways)
    door = any(way.door for way in ways)
    stroke = LOCKED_COLOUR if locked else WAY_COLOUR
    dash = ' stroke-dasharray="6 4"' if conditional else ""
    classes = " ".join(("way", *((CONDITIONAL,) if conditional else ()), *((LOCKED,) if locked else ()),
                        *((DOOR,) if door else ())))
    said = "; ".join(f"{way.room} {way.direction} → {way.to}" + (f" ({way.note()})" if way.note() else "")
                     for way in ways)
    (x1, y1), (x2, y2) = start, end
    mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2
    parts = [f'<g class="{classes}"><title>{escape(said)}</title>']
    if straight:
        parts.append(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{stroke}" '
                     f'stroke-width="2"{dash}/>')
    else:  # bent to one side, so that the ways back and forth between two rooms stay apart
        bend_x, bend_y = mid_x + (y2 - y1) * 0.2, mid_y - (x2 - x1) * 0.2
        mid_x, mid_y = (x1 + 2 * bend_x + x2) / 4, (y1 + 2 * bend_y + y2) / 4
        parts.append(f'<path d="M {x1:g} {y1:g} Q {bend_x:g} {bend_y:g} {x2:g} {y2:g}" fill="none" '
                     f'stroke="{stroke}" stroke-width="1.5"{dash}/>')
        parts.append(f'<text x="{mid_x:g}" y="{mid_y - 4:g}" font-size="11" text-anchor="middle" '
                     f'fill="{stroke}">{escape(ways[0].direction)}</text>')
    if door:
        parts.append(f'<rect x="{mid_x - 5:g}" y="{mid_y - 5:g}" width="10" height="10" fill="{stroke}"/>')
    parts.append("</g>")
    return "".join(parts)


def _legend(world: WorldMap, top: int) -> list[str]:
    out = [f'<g id="legend" transform="translate({MARGIN} {top})">',
           '<text x="0" y="0" font-weight="bold">Legend</text>']
    y = 24
    samples = {"way": (WAY_COLOUR, "", False), "way if": (WAY_COLOUR, ' stroke-dasharray="6 4"', False),
               "way locked": (LOCKED_COLOUR, "", True), "way door": (WAY_COLOUR, "", True)}
    for key, words in LEGEND_LINES:
        stroke, dash, door = samples[key]
        out.append(f'<line x1="0" y1="{y - 4}" x2="50" y2="{y - 4}" stroke="{stroke}" stroke-width="2"{dash}/>')
        if door:
            out.append(f'<rect x="20" y="{y - 9}" width="10" height="10" fill="{stroke}"/>')
        out.append(f'<text x="62" y="{y}">{escape(words)}</text>')
        y += 26
    for pack in world.packs.values():
        role = "the game" if pack.number == 0 else f"mod {pack.number}"
        out.append(f'<rect x="0" y="{y - 14}" width="50" height="18" rx="4" fill="{colour(pack.number)}" '
                   'stroke="#333333"/>')
        out.append(f'<text x="62" y="{y}">{escape(f"{pack.name} ({pack.id}, {role})")}</text>')
        y += 26
    out.append("</g>")
    return out


def dot_map(world: WorldMap) -> str:
    lines = ["digraph world {",
             f"  graph [label={_quoted(world.title)}, labelloc=t, fontname=\"sans-serif\"];",
             '  node [shape=box, style="rounded,filled", fontname="sans-serif"];',
             '  edge [fontname="sans-serif", fontsize=10];']
    for pack in world.packs.values():
        role = "the game" if pack.number == 0 else f"mod {pack.number}"
        lines.append(f"  subgraph {_quoted('cluster_' + pack.id)} {{")
        lines.append(f"    label={_quoted(f'{pack.name} ({pack.id}, {role})')};")
        lines.append(f'    style=filled; color="{colour(pack.number)}";')
        for place_id, place in world.places.items():
            if place.pack == pack.id:
                lines.append(f'    {_quoted(place_id)} [label={_quoted(place.name)}, fillcolor="#ffffff"];')
        lines.append("  }")
    for way in world.ways():
        attributes = [f"label={_quoted(way.direction + (chr(10) + way.note() if way.note() else ''))}"]
        if way.condition is not None:
            attributes.append("style=dashed")
        if way.mark == LOCKED:
            attributes.append(f'color="{LOCKED_COLOUR}", penwidth=2')
        if way.door:
            attributes.append("arrowhead=teebox")
        lines.append(f"  {_quoted(way.room)} -> {_quoted(way.to)} [{', '.join(attributes)}];")
    legend = ("Legend\\l"
              "solid: a way between two rooms\\l"
              "dashed: a way with a condition\\l"
              "red: a door that starts locked\\l"
              "box at the arrow: a door\\l"
              "a shaded box: the rooms of one pack\\l")
    lines.append(f'  legend [shape=note, style=filled, fillcolor="#ffffff", label="{legend}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
