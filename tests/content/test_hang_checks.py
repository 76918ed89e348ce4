"""Validation refuses content that can be seen to hang the game or break the world: waits beyond the
longest allowed, rules and rooms that set themselves off for ever, things moved into themselves.
Each case is a mod on top of the fixture world; the broken-mod corpus holds the plainest ones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content.jsonschema import content_schema
from elysium.content.schema import MAX_WAIT

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "world"


def mod(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "trial"
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text("id: trial\nname: Trial\nversion: 1.0.0\n")
    (folder / "trial.yaml").write_text(textwrap.dedent(text))
    return folder


def errors(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(FIXTURE, (mod(tmp_path, text),))
    return [f"{p.mark.line}:{p.mark.column}: {p.message}" for p in caught.value.problems]


def warnings(tmp_path: Path, text: str) -> list[str]:
    content = load_content(FIXTURE, (mod(tmp_path, text),))
    return [f"{p.mark.line}:{p.mark.column}: {p.message}" for p in content.warnings if p.mark.file.endswith("trial.yaml")]


NAP = """\
rules:
  long_nap:
    on: nap
    do: [{{wait: {minutes}}}]
"""


def test_the_longest_wait_is_a_week_and_a_minute_more_is_an_error(tmp_path):
    assert MAX_WAIT == 7 * 24 * 60
    load_content(FIXTURE, (mod(tmp_path, NAP.format(minutes=MAX_WAIT)),))
    assert errors(tmp_path, NAP.format(minutes=MAX_WAIT + 1)) == [
        f"4:17: 'wait' in the 'wait' effect must be a number of minutes from 0 to {MAX_WAIT} (a week), "
        f"not {MAX_WAIT + 1}"]
    assert errors(tmp_path, NAP.format(minutes=-5))[0].endswith("not -5")


def test_the_json_schema_bounds_waits_as_validation_does():
    wait = content_schema()["$defs"]["effect"]["properties"]["wait"]
    assert (wait["minimum"], wait["maximum"]) == (0, MAX_WAIT)


# -- moving a thing into itself ------------------------------------------------------------------

def test_a_move_onto_itself_is_an_error_where_the_place_is_written(tmp_path):
    assert errors(tmp_path, """\
        rules:
          stack_stand:
            on: nap
            do:
              - move: music_stand
                to: {on: music_stand}
        """) == ["6:13: this moves 'music_stand' onto itself, which the game always refuses: a thing cannot hold itself"]


def test_a_move_into_what_the_item_holds_two_deep_is_an_error_when_nothing_takes_it_out(tmp_path):
    assert errors(tmp_path, """\
        items:
          lining:
            name: silk lining
            description: Stitched in for good.
            location: {in: oak_chest}
            portable: false
            container: true
          pocket:
            name: inner pocket
            description: Sewn into the lining.
            location: {in: lining}
            scenery: true
            container: true
        rules:
          fold_chest:
            on: nap
            do: [{move: oak_chest, to: {in: pocket}}]
        """) == ["17:32: 'pocket' lies inside 'oak_chest' and nothing ever takes it out, so this move could only "
                 "put 'oak_chest' inside itself, which the game always refuses"]


@pytest.mark.parametrize("how", ["the player can take it out", "an effect takes it out"])
def test_a_move_into_what_the_item_holds_is_a_warning_when_the_holder_may_leave_first(tmp_path, how):
    portable = "true" if how == "the player can take it out" else "false"
    taken_out = "" if portable == "true" else "\n              - move: purse\n                to: player"
    assert warnings(tmp_path, f"""\
        items:
          purse:
            name: small purse
            description: A purse.
            location: {{in: wicker_basket}}
            portable: {portable}
            container: true
        rules:
          pack_basket:
            on: nap
            do:
              - move: wicker_basket
                to: {{in: purse}}
          empty_basket:
            on: pray
            do:
              - say: You shake the basket out.{taken_out}
        """) == ["13:13: 'purse' starts inside 'wicker_basket': unless it has been taken out by then, this move is "
                 "refused, since a thing cannot go inside itself"]
