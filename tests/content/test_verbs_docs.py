"""docs/content.md, "The verbs players try, people who hold things, capacity and scenery": its
example is a game that loads and plays as the section says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from elysium.content import load_content
from elysium.content.problems import ContentError
from elysium.engine import Game

DOCS = Path(__file__).resolve().parents[2] / "docs" / "content.md"
HEADING = "## The verbs players try, people who hold things, capacity and scenery"


def _example() -> str:
    section = DOCS.read_text(encoding="utf-8").split(HEADING, 1)[1].split("\n## ", 1)[0]
    return re.search(r"```yaml\n(.*?)```", section, re.S)[1]


def _pack(folder: Path, body: str) -> Path:
    (folder / "pack.yaml").write_text("id: docs_garden\nname: Docs Garden\nversion: 0.1.0\n" + body,
                                      encoding="utf-8")
    return folder


@pytest.fixture
def game(tmp_path: Path) -> Game:
    game_part, _, world = _example().partition("\nrooms:")
    _pack(tmp_path, game_part + "\n")
    (tmp_path / "world.yaml").write_text("rooms:" + world, encoding="utf-8")
    return Game.from_content(load_content(tmp_path), seed=1)


def test_the_documented_example_plays_as_the_section_says(game: Game) -> None:
    game.opening()
    assert game.turn("x stair") == "Broad white steps, worn hollow in the middle."
    assert game.turn("take drum") == "That's hardly something you can carry."
    assert "The gardener is carrying a trowel." in game.turn("x gardener")  # the hat is not listed
    assert game.turn("x hat") == "The brim is frayed where it has been pulled down against the sun."
    assert game.turn("take hat") == "The straw hat is the gardener's."
    assert game.turn("take trowel") == "The trowel is the gardener's."
    assert game.turn("x palm") == 'You can\'t see any "palm" here.'
    assert game.turn("toss penny into fountain").splitlines() == [
        "(first taking the copper penny)", "You make a wish.", "You toss the copper penny into the stone fountain."]
    assert game.state["items"]["penny"]["at"] == "in:fountain"
    game.turn("take penny")
    assert game.turn("x palm") == "The gardener's palm is held out, hopefully, for your penny."
    assert game.turn('say "Sing them home!"') == "The birds lift from the wall and wheel away home."
    assert game.turn("sing them home") == "The birds lift from the wall and wheel away home."
    assert game.turn("compose a song") == "You have nothing to write with."
    assert game.turn("sit beside gardener") == game.turn("sit with gardener") == "The gardener is not something to sit on."
    assert game.turn("caress fountain") == "You feel nothing unexpected about the stone fountain."


def test_a_scenery_noun_written_twice_in_one_room_is_a_warning(tmp_path: Path) -> None:
    _pack(tmp_path, "game: {title: T, intro: I, start: shed}\n")
    (tmp_path / "world.yaml").write_text(
        "rooms:\n  shed:\n    name: Shed\n    description: Pots.\n    scenery:\n"
        "      pots: Clay pots.\n      \"clay pots, jars\": More pots.\n", encoding="utf-8")
    warnings = [str(w) for w in load_content(tmp_path).warnings]
    assert any("world.yaml:7:7: warning: the scenery noun 'pots' is used twice" in w for w in warnings), warnings


@pytest.mark.parametrize("scenery, message", [
    ('"steps,": Broad steps.', "must be nouns separated by commas"),
    ("steps: true", "must be text"),  # a number is kept as the text written (YAML 1.2 traps)
    ("[steps, stair]", "must map nouns"),
])
def test_bad_scenery_is_an_error_at_its_place(tmp_path: Path, scenery: str, message: str) -> None:
    _pack(tmp_path, "game: {title: T, intro: I, start: shed}\n")
    body = f"      {scenery}\n" if ":" in scenery else f" {scenery}\n"
    (tmp_path / "world.yaml").write_text(
        "rooms:\n  shed:\n    name: Shed\n    description: Pots.\n    scenery:" + ("\n" + body if ":" in scenery else body),
        encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert message in str(raised.value)


def test_a_capacity_below_nothing_is_an_error(tmp_path: Path) -> None:
    _pack(tmp_path, "game: {title: T, intro: I, start: shed, carrying_capacity: -1}\n")
    (tmp_path / "world.yaml").write_text("rooms:\n  shed:\n    name: Shed\n    description: Pots.\n",
                                         encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert "pack.yaml:4:" in str(raised.value) and "must be 0 or more, not -1" in str(raised.value)


def test_an_item_held_by_an_unknown_person_is_named(tmp_path: Path) -> None:
    _pack(tmp_path, "game: {title: T, intro: I, start: shed}\n")
    (tmp_path / "world.yaml").write_text(
        "rooms:\n  shed:\n    name: Shed\n    description: Pots.\n"
        "npcs:\n  potter:\n    name: potter\n    description: A potter.\n    location: shed\n"
        "items:\n  jug:\n    name: jug\n    description: A jug.\n    location: poter\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert "unknown room or NPC 'poter' (did you mean 'potter'?)" in str(raised.value)
