"""Moving and describing, beyond what the transcripts in tests/playthroughs/travel show: the room
description mode is saved with the game, a save with a mode no game writes is refused, and the
content checks of the game's direction words and modes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.engine import Game
from elysium.state.save_check import Damaged, check_save
from elysium.state.saves import SaveSlots

ROOT = Path(__file__).resolve().parents[2]
HARBOUR = ROOT / "tests" / "fixtures" / "travel"


def test_the_room_description_mode_is_saved_and_restored(tmp_path: Path) -> None:
    game = Game.new(HARBOUR, seed=1)
    game.slots = SaveSlots(tmp_path)
    game.turn("superbrief")
    game.turn("save harbour")
    game.turn("verbose")
    game.turn("restore harbour")
    assert game.state["room_descriptions"] == "superbrief"
    game.turn("n")
    assert "Stalls of silver fish" not in game.turn("s. n")


def test_a_save_with_a_mode_no_game_writes_is_damaged(tmp_path: Path) -> None:
    game = Game.new(HARBOUR, seed=1)
    slots = SaveSlots(tmp_path)
    game.turn("brief")
    game.save(slots, "good")
    body = slots.read("good")
    check_save(json.loads(json.dumps(body)), game.content)
    body["state"]["room_descriptions"] = "chatty"
    with pytest.raises(Damaged) as raised:
        check_save(json.loads(json.dumps(body)), game.content)
    assert str(raised.value) == "state.room_descriptions should be one of verbose, brief, superbrief"


def _pack(tmp_path: Path, game_extra: str, rooms: str) -> Path:
    (tmp_path / "pack.yaml").write_text(
        "id: tiny\nname: Tiny\nversion: 0.1.0\ngame:\n  title: Tiny\n  start: hall\n" + game_extra,
        encoding="utf-8")
    (tmp_path / "rooms.yaml").write_text(rooms, encoding="utf-8")
    return tmp_path


ROOMS = "rooms:\n  hall: {name: Hall, exits: {fore: deck}}\n  deck: {name: Deck, exits: {south: hall}}\n"


def test_exits_may_be_written_with_the_games_words(tmp_path: Path) -> None:
    content = load_content(_pack(tmp_path, "  directions: {fore: north}\n", ROOMS))
    assert content.rooms["hall"].exits["north"].to == "deck"
    assert content.game.directions == {"fore": "north"}


@pytest.mark.parametrize("game_extra, rooms, message", [
    ("", ROOMS, "'fore' is not a direction"),
    ("  directions: {fore: nroth}\n", ROOMS, "'fore' must name a direction (north, up, ...) or be {opposite: ...}, "
                                             "a direction of the game's own (did you mean 'north'?)"),
    ("  directions: {north: south}\n", ROOMS, "'north' is already a direction of the compass"),
    ("  directions: {fore: {opposite: aftt}, aft: {opposite: fore}}\n", ROOMS,
     "'aftt' is not a direction (did you mean 'aft'?)"),
    ("  room_descriptions: breif\n", ROOMS.replace("fore", "north"),
     "must be one of verbose, brief, superbrief, not 'breif' (did you mean 'brief'?)"),
])
def test_bad_direction_words_and_modes_are_refused_with_a_clear_message(
        tmp_path: Path, game_extra: str, rooms: str, message: str) -> None:
    with pytest.raises(ContentError) as raised:
        load_content(_pack(tmp_path, game_extra, rooms))
    assert message in str(raised.value)
