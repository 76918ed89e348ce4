"""Named states in saves (issue 12 §6): a save keeps them, a save from before them gets their first
values, a value the game no longer has starts again, and a value that is not text refuses the save."""

from __future__ import annotations

from pathlib import Path

from elysium.engine import Game
from elysium.state.saves import SaveSlots
from saves_support import read_body, write_body

RULES_WORLD = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def game_in(saves: Path) -> Game:
    game = Game.new(RULES_WORLD, seed=1)
    game.slots = SaveSlots(saves)
    return game


def test_a_save_keeps_a_named_state(tmp_path):
    game = game_in(tmp_path)
    game.turn("take bell")
    game.turn("save mood")
    assert read_body(tmp_path, "mood")["state"]["states"] == {"mood": "uneasy"}
    fresh = game_in(tmp_path)
    assert fresh.state["states"] == {"mood": "calm"}
    fresh.turn("restore mood")
    assert fresh.state["states"] == {"mood": "uneasy"}
    assert "sounds uneasy" in fresh.turn("x bell")


def test_a_save_from_before_named_states_starts_them_at_their_first_value(tmp_path):
    game = game_in(tmp_path)
    game.turn("take bell")
    game.turn("save old")
    body = read_body(tmp_path, "old")
    del body["state"]["states"]
    for step in body["history"]:
        step.get("rest", {}).pop("states", None)
    write_body(tmp_path, "old", body)
    game.turn("restore old")
    assert game.state["states"] == {"mood": "calm"}


def test_a_value_the_game_no_longer_has_starts_again(tmp_path):
    game = game_in(tmp_path)
    game.turn("save gone")
    body = read_body(tmp_path, "gone")
    body["state"]["states"] = {"mood": "ecstatic", "weather": "rain"}
    write_body(tmp_path, "gone", body)
    game.turn("restore gone")
    assert game.state["states"] == {"mood": "calm"}


def test_a_named_state_that_is_not_text_refuses_the_save(tmp_path):
    game = game_in(tmp_path)
    game.turn("take bell")
    game.turn("save bad")
    body = read_body(tmp_path, "bad")
    body["state"]["states"] = {"mood": ["furious"]}
    write_body(tmp_path, "bad", body)
    reply = game.turn("restore bad")
    assert "is damaged: state.states.mood should be text" in reply
    assert game.state["states"] == {"mood": "uneasy"}
