"""Helpers for the TUI tests: the fixture world, saved games with a fixed date, and driving the app."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot

from elysium.engine import Game
from elysium.state.saves import SaveSlots, checksum
from elysium.tui.screens.game import GameScreen
from elysium.tui.widgets import CommandLine

FIXTURE_WORLD = Path(__file__).resolve().parents[1] / "fixtures" / "world"
SAVED_AT = "2025-01-06T09:00:00+00:00"


def write_save(folder: Path, name: str, commands: tuple[str, ...] = ()) -> None:
    """A saved game of the fixture world made by playing `commands`, with a fixed saved_at."""
    game = Game.new(FIXTURE_WORLD, 0)
    for line in commands:
        game.turn(line)
    slots = SaveSlots(folder)
    game.save(slots, name)
    path = slots.path(name)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["saved_at"] = SAVED_AT
    body["checksum"] = checksum(body)  # a fixed date for stable snapshots, and a checksum to match
    path.write_text(json.dumps(body), encoding="utf-8")


async def loaded(pilot: Pilot) -> None:
    """Wait for the title screen to finish reading the content."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def start(pilot: Pilot) -> GameScreen:
    """From the title screen, a new game."""
    await loaded(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GameScreen)
    return pilot.app.screen


async def play(pilot: Pilot, line: str) -> None:
    """Type a line and press Enter once (pilot.press is slow: one key at a time)."""
    command = pilot.app.screen.query_one(CommandLine)
    command.value = line
    command.cursor_position = len(line)
    await pilot.press("enter")
    await pilot.pause()
