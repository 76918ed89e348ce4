"""`elysium map`: the world's map from the exits, as text on the terminal or as SVG or DOT in a file.

Exit status: 0 when the map was drawn, 1 when its file cannot be written, 2 when the packs cannot
be read.
"""

from __future__ import annotations

import argparse
import sys

from elysium.content import ContentError, load_content
from elysium.worldmap.drawing import dot_map, svg_map
from elysium.worldmap.text import text_map
from elysium.worldmap.world import world_map

EXIT_UNWRITABLE, EXIT_UNREADABLE = 1, 2


def run(args: argparse.Namespace) -> int:
    try:
        content = load_content(args.content, tuple(args.mod))
    except ContentError as error:
        error.tell(f"content has {len(error.problems)} error(s); no map was drawn")
        return EXIT_UNREADABLE
    world = world_map(content)
    target, drawing = (args.svg, svg_map) if args.svg else (args.dot, dot_map) if args.dot else (None, None)
    if target is None or drawing is None:
        sys.stdout.write(text_map(world))
        return 0
    try:
        target.write_text(drawing(world), encoding="utf-8", newline="\n")
    except OSError as error:
        print(f"{target}: cannot write the map ({error.strerror or error})", file=sys.stderr)
        return EXIT_UNWRITABLE
    print(f"wrote {target} ({len(world.places)} rooms)")
    return 0
