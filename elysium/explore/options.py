"""The options of `elysium explore`, kept light: the command line builds them on every start."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_STEPS = 2000


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", metavar="DIR", type=Path, help="the game's content pack (default: Starred Blocks)")
    command.add_argument("--mod", metavar="DIR", type=Path, action="append", default=[],
                         help="a mod pack to load on top (repeatable; the mods folder is not read)")
    command.add_argument("--from", dest="save", metavar="SAVE", type=Path,
                         help="start from a saved game (a .save.json file) instead of a new one")
    command.add_argument("--steps", metavar="N", type=int, default=DEFAULT_STEPS,
                         help=f"how many commands to try at most (default {DEFAULT_STEPS})")
    command.add_argument("--seed", type=int, default=0, help="seed for the game's dice (default 0)")
    command.add_argument("--golden", metavar="FILE", type=Path,
                         help="a golden transcript: written when it does not exist, else compared with")
    command.add_argument("--update", action="store_true", help="rewrite the golden transcript with this walk")
    command.add_argument("--json", action="store_true", help="write the report as JSON")
