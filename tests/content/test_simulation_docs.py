"""docs/content.md, "The student's day": the manifest's `energy:` and `mastery:` as the section
says, in a pack made of its YAML, and a clear message for a mistake in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from elysium.content import load_content
from elysium.content.problems import ContentError
from elysium.content.model import EnergyDrain
from elysium.engine import Game
from elysium.services.upkeep import drained_by

DOCS = Path(__file__).resolve().parents[2] / "docs" / "content.md"
ROOMS = """
rooms:
  cloister:
    name: Cloister
    description: Cold arches round a square of grass.
    bed: true
    practice: true
pieces:
  nocturne:
    name: The Nocturne
    kind: instrumental
    skill: performance
    difficulty: 10
    description: A slow air for the small hours.
"""


def _manifest() -> str:
    section = DOCS.read_text(encoding="utf-8").split("## The student's day", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```yaml\n(.*?)```", section, re.S)
    return "id: night_school\nname: Night School\nversion: 1.0.0\n" + re.sub(r"(?m)^  ", "", block)


def _game(tmp_path: Path, manifest: str) -> Game:
    (tmp_path / "pack.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "world.yaml").write_text(ROOMS, encoding="utf-8")
    content = load_content(tmp_path)
    assert not content.warnings, content.warnings
    return Game.from_content(content, seed=1)


def test_energy_drains_by_the_hour_faster_in_the_small_hours_and_not_in_sleep(tmp_path: Path) -> None:
    game = _game(tmp_path, _manifest())
    game.turn("wait 10 hours")  # 08:00 to 18:00 at 2 an hour
    assert game.state["energy"] == 80
    game.turn("wait until 6:30 tomorrow")  # six hours at 2, six and a half at 8
    assert game.state["energy"] == 80 - 12 - 52
    game.turn("wait until 21:00")
    game.turn("sleep")
    assert game.state["energy"] == 100 and "asleep_until" not in game.state


def test_a_piece_fades_after_its_fresh_days_and_repertoire_says_so(tmp_path: Path) -> None:
    game = _game(tmp_path, _manifest())
    game.state["repertoire"]["nocturne"] = {"mastery": 0, "practised": None}
    game.turn("practise nocturne")
    mastery = game.state["repertoire"]["nocturne"]["mastery"]
    assert "in your fingers" in game.turn("repertoire")
    game.turn("wait 24 hours")
    game.turn("wait 24 hours")
    assert game.state["repertoire"]["nocturne"]["mastery"] == mastery
    game.turn("wait 24 hours")  # the third midnight is more than two days after practice
    assert game.state["repertoire"]["nocturne"]["mastery"] == mastery - 4
    assert "fading: unpractised for 3 days" in game.turn("repertoire")


def test_the_late_hours_may_run_across_midnight() -> None:
    drain = EnergyDrain(per_hour=0, late_per_hour=6, late_from=22 * 60, late_until=2 * 60)
    assert drained_by(drain, 24 * 60) - drained_by(drain, 22 * 60) == 12  # 22:00 to midnight
    assert drained_by(drain, 22 * 60) - drained_by(drain, 2 * 60) == 0  # the day
    assert drained_by(drain, 26 * 60) - drained_by(drain, 24 * 60) == 12
    assert drained_by(drain, 30 * 60) - drained_by(drain, 26 * 60) == 0


def test_a_mistake_in_the_rates_is_told_plainly(tmp_path: Path) -> None:
    manifest = _manifest().replace("per_hour: 2,", "per_hour: 2, per_day: 3,")
    with pytest.raises(ContentError, match="unknown field 'per_day' in 'energy'"):
        _game(tmp_path, manifest)
    manifest = _manifest().replace("fades_per_day: 4", "fades_per_day: -1")
    with pytest.raises(ContentError, match="must be 0 or more"):
        _game(tmp_path, manifest)
