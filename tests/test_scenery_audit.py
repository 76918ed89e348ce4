"""The scenery audit (elysium/audit): every noun a room's prose or a presence line names can be
examined there. It finds a planted gap in a tiny pack and passes what is covered; the campus and
the examples are held to it, each gap either closed or allowed below with its reason."""

from __future__ import annotations

from pathlib import Path

from elysium.audit import scenery_coverage, unexaminable_nouns
from elysium.audit.phrases import noun_phrases, runs
from elysium.content import load_content

ROOT = Path(__file__).resolve().parents[1]
YARD = ROOT / "tests" / "fixtures" / "scenery"


def _gaps(folder: Path | None, mods: tuple[Path, ...] = ()) -> set[tuple[str, str]]:
    return {(gap.room, gap.noun) for gap in unexaminable_nouns(load_content(folder, mods))}


def test_noun_phrases_start_at_a_determiner_and_stop_at_a_closed_word_or_punctuation():
    text = ("An old well stands in the middle of the yard, its rope wound on a crank. "
            "The Warden's high desk has two brass lamps.")
    assert noun_phrases(text) == ["old well", "yard", "rope", "crank", "warden high desk", "brass lamps"]
    assert runs("old stone well") == ["old stone well", "old stone", "stone well", "old", "stone", "well"]


def test_the_audit_finds_the_planted_gaps_and_nothing_that_is_covered():
    gaps = _gaps(YARD)
    # the crank and the stable door in the yard's description, the ostler's pitchfork in his
    # yard line, and the trapdoor in his hayloft line
    assert gaps == {("yard", "crank"), ("yard", "stable door"), ("yard", "pitchfork"), ("hayloft", "trapdoor")}
    covered = {"old well", "rope", "inn", "cobbled yard", "wooden bucket", "ostler", "hay", "rafters"}
    assert not {noun for _, noun in gaps} & covered


def test_a_presence_line_for_another_room_is_not_read_in_this_one():
    gaps = _gaps(YARD)
    assert ("yard", "trapdoor") not in gaps  # his hayloft line is never shown in the yard
    assert ("hayloft", "pitchfork") not in gaps
    assert ("yard", "hay") not in gaps and ("yard", "rafters") not in gaps  # his night line in the loft


def test_a_finding_says_where_the_noun_is_written():
    findings = {gap.noun: gap for gap in unexaminable_nouns(load_content(YARD))}
    crank = findings["crank"]
    assert crank.source == "room yard description"
    assert crank.where.endswith("world.yaml:7:23")
    line = (YARD / "world.yaml").read_text(encoding="utf-8").splitlines()[6]
    assert line[22:27] == "crank"
    assert str(crank).endswith("yard: 'crank' (room yard description) cannot be examined")


def test_the_figure_counts_every_noun_once_per_room():
    coverage = scenery_coverage(load_content(YARD))
    assert (coverage.nouns, coverage.covered) == (15, 11)
    assert coverage.figure() == "15 nouns, 11 examinable (73.3%)"

