"""The options of `elysium map`, kept light: the command line builds them on every start."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", metavar="DIR", type=Path, help="the game's content pack (default: Starred Blocks)")
    command.add_argument("--mod", metavar="DIR", type=Path, action="append", default=[],
                         help="a mod pack to load on top (repeatable; the mods folder is not read)")
    drawing = command.add_mutually_exclusive_group()
    drawing.add_argument("--svg", metavar="FILE", type=Path, help="write the map as SVG to FILE")
    drawing.add_argument("--dot", metavar="FILE", type=Path, help="write the map as Graphviz DOT to FILE")
