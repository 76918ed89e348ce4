"""Fixtures for the saved-game tests: a saves folder in tmp_path and a game of the fixture world
that saves there (a test must never write to the project's own saves/ folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.engine import Game
from saves_support import new_game


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def game(saves: Path) -> Game:
    return new_game(saves)
