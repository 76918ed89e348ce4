"""The autosave after every line that changed the game, when a front-end asks for it: one write a
line, none for a line that changed nothing, and a failing autosave said once, not every line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE, Game
from elysium.state.saves import SaveSlots
from saves_support import folder_snapshot, new_game, play


def fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", fsync)


@pytest.fixture
def game(saves: Path) -> Game:
    game = new_game(saves)
    game.autosave_each_line = True
    return game


def autosaved(saves: Path) -> dict:
    return SaveSlots(saves).read(AUTOSAVE)


def test_every_acting_line_is_autosaved_at_once(game: Game, saves: Path) -> None:
    play(game, "take lantern")
    assert autosaved(saves)["state"] == game.state
    play(game, "n")
    body = autosaved(saves)
    assert body["state"]["location"] == game.state["location"] != "vestibule"
    assert body["state"]["turn"] == game.state["turn"] == 2


def test_a_line_that_changes_nothing_writes_nothing(game: Game, saves: Path) -> None:
    play(game, "take lantern")
    before = folder_snapshot(saves)
    play(game, "xyzzy plugh", "saves", "help", "")  # none of these moves the game on
    assert folder_snapshot(saves) == before


def test_undo_is_autosaved_too(game: Game, saves: Path) -> None:
    play(game, "n")
    play(game, "undo")
    assert autosaved(saves)["state"]["location"] == "vestibule" == game.state["location"]


def test_a_game_without_a_front_end_asking_keeps_the_old_autosaves(saves: Path) -> None:
    game = new_game(saves)
    play(game, "take lantern", "n")
    assert not saves.exists() or not list(saves.iterdir())


def test_a_failing_autosave_is_said_once_then_again_after_it_worked(game: Game, saves: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    play(game, "take lantern")
    fail_fsync(monkeypatch)
    first, second = play(game, "n", "s")
    monkeypatch.undo()
    assert "(The autosave failed:" in first
    assert "autosave" not in second
    play(game, "n")  # it works again
    fail_fsync(monkeypatch)
    [again] = play(game, "s")
    assert "(The autosave failed:" in again
