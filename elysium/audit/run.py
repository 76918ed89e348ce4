"""`elysium audit`: every check of this package over a game and its mods, the packs' allowances set
aside, as lines at file:line:col and a summary (or as JSON)."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import TextIO

from elysium.content.files import PackFiles
from elysium.content.loader import default_content_dir
from elysium.engine import Game

from .allowances import allowances
from .findings import AuditFinding, Report, set_aside
from .names import name_findings
from .places import TextPlaces
from .reach import reach, unreachable
from .scenery import reply_gaps, scenery_coverage
from .verbs import unknown_verbs


def audit(game: Path | None = None, mods: tuple[Path, ...] = ()) -> Report:
    """The report on the game in `game` (default: the campus) with `mods`; raises ContentError
    when the packs do not load (the audit needs a game that plays)."""
    from elysium.content.assemble import Assembly

    packs = [PackFiles(Path(game) if game else default_content_dir()), *(PackFiles(Path(m)) for m in mods)]
    assembly = Assembly()
    collecting = gc.isenabled()
    gc.disable()  # as load_content does: loading makes many objects and frees none
    try:
        content = assembly.run(packs[0], packs[1:])
    finally:
        if collecting:
            gc.enable()
    places = TextPlaces(content)
    found: list[AuditFinding] = []
    for gap in scenery_coverage(content).gaps:
        found.append(AuditFinding("scenery", {"room": gap.room, "noun": gap.noun},
                                  f"{gap.room}: {gap.noun!r} ({gap.source}) cannot be examined there", gap.where))
    for npc, gap in reply_gaps(content, places):
        found.append(AuditFinding("scenery", {"room": gap.room, "npc": npc, "noun": gap.noun},
                                  f"{gap.room}: {gap.noun!r} ({gap.source}, read where {npc} stands) cannot be "
                                  "examined there", gap.where))
    states = {name: values for name, (values, _) in assembly.states.items()}
    found += unreachable(content, reach(content, frozenset(assembly.records), states), places)
    found += name_findings(assembly.checker.names, assembly.checker.state_uses, assembly.records)
    found += unknown_verbs(content, Game.from_content(content).vocabulary, places)
    return Report(len(content.rooms), set_aside(found, allowances(content)))


def write(report: Report, out: TextIO, as_json: bool = False) -> None:
    if as_json:
        json.dump(report.as_json(), out, indent=2)
        out.write("\n")
        return
    for finding in report.findings:
        out.write(f"{finding}\n")
    if by_room := report.by_room():
        out.write("nouns unexaminable by room: " + ", ".join(f"{room} {n}" for room, n in by_room.items()) + "\n")
    out.write(report.summary() + "\n")
