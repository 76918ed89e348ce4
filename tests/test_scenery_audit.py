"""The scenery audit (elysium/audit): every noun a room's prose or a presence line names can be
examined there. It finds a planted gap in a tiny pack and passes what is covered; the campus and
the examples are held to it, each gap either closed or allowed with its reason in the pack's own
audit.yaml (the allowances `elysium audit` reads)."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.audit import scenery_coverage, unexaminable_nouns
from elysium.audit.allowances import allowances
from elysium.audit.phrases import noun_phrases, runs
from elysium.content import load_content
from elysium.content.loader import default_content_dir

ROOT = Path(__file__).resolve().parents[1]
YARD = ROOT / "tests" / "fixtures" / "scenery"


def _allowed(folder: Path) -> dict[tuple[str, str], str]:
    """The pack's allowances of a noun in a room (its `audit:`, see docs/modding.md, "elysium
    audit"), (room, noun) -> why: the heuristic reads a noun where the prose means no thing to
    examine there (a simile, a sound, the room itself), or a thing that comes and goes."""
    return {(allowance.subject["room"], allowance.subject["noun"]): allowance.why
            for allowance in allowances(load_content(folder))
            if allowance.kind == "scenery" and "room" in allowance.subject and "npc" not in allowance.subject}


CAMPUS_ALLOWED = _allowed(default_content_dir())
# The stand-alone example games (the example mods are audited with the campus, tests/audit).
EXAMPLES = ("cloak_of_darkness",)


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
    assert (coverage.nouns, coverage.covered) == (16, 12)
    assert coverage.figure() == "16 nouns, 12 examinable (75.0%)"


def test_a_persons_scenery_covers_their_lines_only_in_the_rooms_it_can_be_there():
    gaps = _gaps(YARD)
    assert ("hayloft", "cap") not in gaps  # his night line in the loft; the cap is his, there
    assert ("yard", "pitchfork") in gaps  # his pitchfork is his only in the loft


def test_the_campus_has_no_unexaminable_noun():
    coverage = scenery_coverage(load_content(default_content_dir()))
    print(f"\nscenery audit, campus: {coverage.figure()}")
    open_gaps = [str(gap) for gap in coverage.gaps if (gap.room, gap.noun) not in CAMPUS_ALLOWED]
    assert not open_gaps, f"{coverage.figure()}; not examinable:\n" + "\n".join(open_gaps)


def test_every_allowed_campus_gap_is_still_a_gap():
    """An allowance outlives its reason when the noun was given scenery or the prose changed."""
    gaps = _gaps(default_content_dir())
    assert not set(CAMPUS_ALLOWED) - gaps


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_examples_have_no_unexaminable_noun(example):
    coverage = scenery_coverage(load_content(ROOT / "examples" / example))
    print(f"\nscenery audit, {example}: {coverage.figure()}")
    allowed = _allowed(ROOT / "examples" / example)
    open_gaps = [str(gap) for gap in coverage.gaps if (gap.room, gap.noun) not in allowed]
    assert not open_gaps, f"{coverage.figure()}; not examinable:\n" + "\n".join(open_gaps)


def test_the_documented_yard_has_the_findings_the_docs_say(tmp_path):
    docs = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    section = docs.split("**Checking that every noun can be examined.**", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pack.yaml").write_text("id: docs_yard\nname: Docs Yard\nversion: 0.1.0\ngame:\n"
                                        "  title: The Yard\n  intro: You come into the yard.\n"
                                        "  start: yard\n  features: []\n", encoding="utf-8")
    (tmp_path / "yard.yaml").write_text(example, encoding="utf-8")
    assert _gaps(tmp_path) == {("yard", "crank"), ("yard", "pitchfork")}
    assert scenery_coverage(load_content(tmp_path)).figure() == "8 nouns, 6 examinable (75.0%)"


def test_what_an_allowance_points_the_player_to_is_there_to_examine():
    """An allowance that says "(X LAMPS)" is only true if EXAMINE LAMPS finds something in that room."""
    from elysium import parser
    from elysium.engine import Game

    game = Game.from_content(load_content(default_content_dir()))
    game.state["lighting"] = {room_id: True for room_id in game.content.rooms}
    pointers = [(room, reason.split("(X ", 1)[1].split(" ", 1)[0].split(")", 1)[0].lower())
                for (room, _), reason in CAMPUS_ALLOWED.items() if "(X " in reason]
    assert len(pointers) > 20
    for room, word in pointers:
        game.state["location"] = room
        result = parser.parse(f"examine {word}", game.scope(), game.vocabulary, {})
        assert isinstance(result, parser.Command) and result.objects, (room, word, result)
