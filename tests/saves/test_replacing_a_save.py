"""SAVE over a saved game asks first, as DELETE and RESTART do; the autosaves never ask."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE, Game
from elysium.state.saves import SUFFIX, slot_name
from saves_support import play, quoted, read_body, save_files


def question(name: str) -> str:
    return f"A saved game called {quoted(name)} already exists. Replace it? (YES/NO)"


@pytest.mark.parametrize("answer", ["yes", "YES", "y", "Yes."])
def test_save_over_a_save_asks_and_yes_replaces_it(game: Game, saves: Path, answer: str) -> None:
    play(game, "save Before Dinner")
    [asked] = play(game, "n", "save before dinner")[1:]
    assert asked == question("before dinner")
    assert read_body(saves, slot_name("Before Dinner"))["state"]["location"] == "vestibule"  # not yet
    [reply] = play(game, answer)
    assert reply.startswith(f"Saved as {quoted('before dinner')} (Practice Hall")
    assert read_body(saves, slot_name("Before Dinner"))["state"]["location"] == "practice_hall"
    assert len(save_files(saves)) == 1


@pytest.mark.parametrize("answer", ["no", "n", "NO", ""])
def test_save_over_a_save_keeps_it_for_no(game: Game, saves: Path, answer: str) -> None:
    play(game, "save old", "n")
    before = (saves / f"old{SUFFIX}").read_bytes()
    [asked, reply] = play(game, "save old", answer)
    assert asked == question("old") and reply == "Nothing is changed."
    assert (saves / f"old{SUFFIX}").read_bytes() == before


def test_a_command_instead_of_an_answer_is_played_and_the_save_kept(game: Game, saves: Path) -> None:
    play(game, "save old")
    before = (saves / f"old{SUFFIX}").read_bytes()
    [_, looked] = play(game, "save old", "look")
    assert looked.startswith("Vestibule")
    assert (saves / f"old{SUFFIX}").read_bytes() == before
    [reply] = play(game, "yes")  # the question is over: YES is no longer an answer to it
    assert not reply.startswith("Saved as")
    assert (saves / f"old{SUFFIX}").read_bytes() == before


def test_save_without_a_name_asks_before_replacing_the_quicksave(game: Game, saves: Path) -> None:
    play(game, "save", "n")
    [asked, reply] = play(game, "save", "yes")
    assert asked == question("quicksave")
    assert reply.startswith(f"Saved as {quoted('quicksave')} (Practice Hall")


def test_a_new_name_is_saved_without_a_question(game: Game, saves: Path) -> None:
    play(game, "save first")
    [reply] = play(game, "save second")
    assert reply.startswith(f"Saved as {quoted('second')}")


def test_quit_replaces_the_autosave_without_asking(game: Game, saves: Path) -> None:
    game.autosave()
    play(game, "n")
    game.autosave()  # the autosave of a new day, say: no question
    assert game.confirming is None
    assert read_body(saves, AUTOSAVE)["state"]["location"] == "practice_hall"
    play(game, "s")
    [farewell] = play(game, "quit")
    assert "Replace it?" not in farewell and game.confirming is None
    assert read_body(saves, AUTOSAVE)["state"]["location"] == "vestibule"
