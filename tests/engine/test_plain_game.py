"""A game without campus systems (tests/fixtures/plain_game): the opening, saves and restores."""

from __future__ import annotations

import re
from pathlib import Path

from elysium.engine import Game
from elysium.state.saves import SaveSlots

ROOT = Path(__file__).resolve().parents[2]
PLAIN = ROOT / "tests" / "fixtures" / "plain_game"
CLOCK = re.compile(r"\d:\d\d")


def test_the_opening_shows_no_day_or_hour():
    opening = Game.new(PLAIN).opening()
    assert "THE PLAIN COTTAGE" in opening and "Garden" in opening
    assert not CLOCK.search(opening) and "day" not in opening.lower()


def test_save_and_restore_tell_the_room_and_the_turn(tmp_path):
    game = Game.new(PLAIN)
    game.slots = SaveSlots(tmp_path)
    game.turn("take coin")
    game.turn("north")
    assert game.turn("save cottage") == "Saved as \u201ccottage\u201d (Kitchen, turn 2)."
    listing = game.turn("saves")
    assert re.fullmatch(r"Saved games:\n  cottage: turn 2, Kitchen \(saved [\d -:]+\)", listing), listing
    game.turn("south")
    game.turn("drop coin")
    restored = game.turn("restore cottage")
    assert restored.startswith("Restored \u201ccottage\u201d.") and "Kitchen" in restored
    assert game.state["location"] == "kitchen" and game.state["turn"] == 2
    assert game.state["items"]["coin"]["at"] == "player"
    assert not CLOCK.search(restored)


def test_a_campus_save_still_tells_the_day_and_hour(tmp_path):
    game = Game.new(ROOT / "tests" / "fixtures" / "world")
    game.slots = SaveSlots(tmp_path)
    assert game.turn("save here") == "Saved as \u201chere\u201d (Vestibule, day 1, 09:30)."
    info = game.slots.list()[0]
    assert (info.day, info.clock, info.turn, info.when) == (1, "09:30", None, "day 1, 09:30")


def test_undo_after_the_ending_goes_back_into_play():
    game = Game.new(PLAIN)
    game.turn("eat mushroom")
    assert game.state["ending"] == "poisoned"
    assert "Garden" in game.turn("undo")
    assert game.state["ending"] is None and "Taken" in game.turn("take coin")


def small_game(tmp_path: Path, features: str, extra: str = "") -> Game:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: small\nname: Small\nversion: 0.1.0\ngame:\n  title: Small\n"
                                      f"  intro: Hello.\n  start: hall\n  features: {features}\n")
    (folder / "hall.yaml").write_text("rooms:\n  hall: {name: Hall, description: A hall.}\n" + extra)
    return Game.new(folder)


def test_a_game_has_the_verbs_and_status_lines_of_the_features_it_names(tmp_path):
    game = small_game(tmp_path, "[lore, standing]", "lore:\n  tale: {title: A tale, text: Once.}\n")
    assert game.turn("journal").startswith("Your journal's pages are still blank.")
    assert game.turn("status") == "Standing with the faculty: 0    Reputation: 0    Score: 0"
    assert game.turn("time").startswith("You don't know how to")
    assert game.turn("sleep").startswith("You don't know how to")


def test_a_game_s_own_verb_may_take_the_word_of_a_campus_verb_it_does_not_have(tmp_path):
    game = small_game(tmp_path, "[]", "verbs:\n  doze: {words: [sleep, doze], default: You doze off for a moment.}\n")
    assert game.turn("sleep") == "You doze off for a moment."
