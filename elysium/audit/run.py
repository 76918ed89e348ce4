"""`elysium audit`: every check of this package over a game and its mods, the packs' allowances set
aside, as lines at file:line:col and a summary (or as JSON)."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path
from typing import TextIO

from elysium.content import ContentError
from elysium.content.files import PackFiles
from elysium.content.loader import default_content_dir
from elysium.content.styles import without_controls
from elysium.engine import Game

from .allowances import allowances
from .findings import AuditFinding, Report, set_aside
from .load import keep, load
from .names import name_findings
from .phrases import PhrasesRead
from .places import CloseNouns, TextPlaces
from .reach import reach, unreachable
from .scenery import Scopes, reply_gaps, scenery_coverage
from .verbs import unknown_verbs

EXIT_FOUND = 1  # something is found that the packs do not allow
EXIT_CONTENT = 2  # the packs do not load (as for every command of the cli)


def command(args: argparse.Namespace) -> int:
    """`elysium audit [--content DIR] [--mod DIR]... [--json]`."""
    try:
        report = audit(args.content, tuple(args.mod))
    except ContentError as error:
        error.tell("the packs do not load, so they cannot be audited: elysium validate says more")
        return EXIT_CONTENT
    write(report, sys.stdout, as_json=args.json)
    return EXIT_FOUND if report.findings else 0


def audit(game: Path | None = None, mods: tuple[Path, ...] = ()) -> Report:
    """The report on the game in `game` (default: the campus) with `mods`; raises ContentError
    when the packs do not load (the audit needs a game that plays)."""
    collecting = gc.isenabled()
    # As the load does: the checks make many objects and keep most of them (a finding, its
    # message and place, each phrase and answer), so the collector's passes over the growing heap
    # found next to nothing (244 objects in 900 passes at 10,000 rooms, an eighth of the CPU).
    gc.disable()
    try:
        return _audit(game, mods)
    finally:
        if collecting:
            gc.enable()


def _audit(game: Path | None, mods: tuple[Path, ...]) -> Report:
    packs = [PackFiles(Path(game) if game else default_content_dir()), *(PackFiles(Path(m)) for m in mods)]
    loaded = load(packs)
    content = loaded.content
    places = TextPlaces(content, loaded.written, loaded.places)
    close = CloseNouns(content)
    phrases, scopes = PhrasesRead(), Scopes()  # the room checks and the reply checks share them
    found: list[AuditFinding] = []
    for gap in scenery_coverage(content, places, phrases, scopes).gaps:
        found.append(AuditFinding("scenery", {"room": gap.room, "noun": gap.noun},
                                  f"{gap.room}: {gap.noun!r} ({gap.source}) cannot be examined there"
                                  f"{close.suggestion(gap.room, gap.noun)}", gap.where))
    for npc, gap in reply_gaps(content, places, phrases, scopes):
        found.append(AuditFinding("scenery", {"room": gap.room, "npc": npc, "noun": gap.noun},
                                  f"{gap.room}: {gap.noun!r} ({gap.source}, read where {npc} stands) cannot be "
                                  f"examined there{close.suggestion(gap.room, gap.noun)}", gap.where))
    found += unreachable(content, reach(content, loaded.records, loaded.states), places)
    found += name_findings(loaded.names, loaded.state_uses, loaded.records)
    found += unknown_verbs(content, Game.from_content(content).vocabulary, places)
    keep(loaded, places.learned)
    return Report(len(content.rooms), set_aside(found, allowances(content)))


def write(report: Report, out: TextIO, as_json: bool = False) -> None:
    if as_json:
        json.dump(report.as_json(), out, indent=2)
        out.write("\n")
        return
    for finding in report.findings:  # a finding quotes the pack's text: no control characters
        out.write(f"{without_controls(str(finding))}\n")
    if by_room := report.by_room():
        out.write("nouns unexaminable by room: " + ", ".join(f"{room} {n}" for room, n in by_room.items()) + "\n")
    if also := report.also():
        out.write(also + "\n")
    out.write(report.summary() + "\n")
