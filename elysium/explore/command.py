"""`elysium explore`: walk the game, report what went wrong, and keep or compare a golden transcript.

Exit status: 0 when the walk found nothing and the golden transcript (if any) has not changed,
1 when it found something or a reply changed, 2 when the packs or the save cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from elysium.content import ContentError, load_content
from elysium.content.styles import without_controls
from elysium.engine import Game
from elysium.explore.findings import ERROR, KINDS, RAW_ID, TEMPLATE, WARNING
from elysium.explore.golden import Change, compare, golden_text
from elysium.explore.walker import Exploration, explore
from elysium.state.saves import SUFFIX, SaveError, SaveSlots

EXIT_FOUND, EXIT_UNREADABLE = 1, 2


def run(args: argparse.Namespace) -> int:
    if args.steps < 1:
        print("elysium explore: --steps needs a whole number of at least 1", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.update and args.golden is None:
        print("elysium explore: --update needs --golden FILE", file=sys.stderr)
        return EXIT_UNREADABLE
    old = None
    if args.golden is not None and not args.update:
        try:  # read before the walk, so that an unreadable file does not cost a walk first
            old = _read(args.golden)
        except (OSError, UnicodeDecodeError) as error:
            print(f"{args.golden}: cannot read the golden transcript ({error})", file=sys.stderr)
            return EXIT_UNREADABLE
    started = _game(args)
    if started is None:
        return EXIT_UNREADABLE
    game, opening = started
    found = explore(game, args.steps, opening)
    changes, note = [], ""
    if args.golden is not None:
        text = golden_text(found, args.golden, args.content, tuple(args.mod), args.seed, args.steps)
        if old is not None:
            changes = compare(old, text)
        else:
            try:
                args.golden.parent.mkdir(parents=True, exist_ok=True)
                args.golden.write_text(text, encoding="utf-8", newline="\n")
            except OSError as error:
                print(f"{args.golden}: cannot write ({error.strerror or error})", file=sys.stderr)
                return EXIT_UNREADABLE
            note = f"wrote {args.golden} ({len(found.replies)} replies)"
    _report(args, found, changes, note)
    return EXIT_FOUND if found.findings or changes else 0


def _game(args: argparse.Namespace) -> tuple[Game, str | None] | None:
    """The game to walk, new or restored from `--from`, and what restoring it said; None (with
    the problems said) when the packs or the save cannot be read."""
    try:
        content = load_content(args.content, tuple(args.mod))
    except ContentError as error:
        error.tell(f"content has {len(error.problems)} error(s); nothing was explored")
        return None
    game = Game.from_content(content, args.seed)
    if args.save is None:
        return game, None
    try:
        return game, game.restore(SaveSlots(args.save.parent), args.save.name.removesuffix(SUFFIX))
    except SaveError as error:
        print(f"elysium explore: {without_controls(str(error))}", file=sys.stderr)
        return None


def _report(args: argparse.Namespace, found: Exploration, changes: list[Change], note: str) -> None:
    counts = {kind: sum(f.kind == kind for f in found.findings) for kind in KINDS}
    summary = (f"explore: {len(found.rooms)} rooms, {found.steps} commands"
               f"{' (the budget ran out)' if found.budget_spent else ''}, {counts[ERROR]} internal errors, "
               f"{counts[WARNING]} warnings, {counts[RAW_ID]} raw ids, {counts[TEMPLATE]} templates"
               + (f", {len(changes)} replies changed" if args.golden is not None and not note else ""))
    if args.json:
        report = {"rooms": found.rooms, "steps": found.steps, "budget_spent": found.budget_spent,
                  "findings": [f.as_json() for f in found.findings],
                  "changes": [{"test": c.name, "how": c.how, "diff": list(c.lines)} for c in changes],
                  "golden": note or None, "summary": summary}
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for finding in found.findings:
        print(without_controls(finding.describe()))
    for change in changes:
        print(without_controls(change.describe()))
    if note:
        print(note)
    print(summary)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
