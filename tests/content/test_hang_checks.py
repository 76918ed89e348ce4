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
