"""Every way out of a game in the TUI keeps it: Ctrl+Q, the palette's Quit and Title screen,
SIGTERM and SIGHUP autosave first (the autosave of the last move is removed first, so that only
the way out can have written the one found), and Continue carries on exactly there."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE
from elysium.state.saves import SaveSlots
from elysium.tui.screens.title import TitleScreen
from tui_support import loaded, play, start


async def moved(pilot, saves: Path) -> dict:
    """Play a few moves, then forget their autosave; returns the game's state."""
    screen = await start(pilot)
    for line in ("take lantern", "n", "e"):
        await play(pilot, line)
    SaveSlots(saves).delete(AUTOSAVE)
    return screen.game.state


def autosaved(saves: Path) -> dict:
    return SaveSlots(saves).read(AUTOSAVE)["state"]


async def test_ctrl_q_autosaves_then_quits(make_app, saves: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        state = dict(await moved(pilot, saves))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert autosaved(saves)["turn"] == state["turn"] == 3
    assert autosaved(saves)["location"] == state["location"]


@pytest.mark.parametrize("command", ["Quit", "Title screen"])
async def test_the_palette_ways_out_autosave(make_app, saves: Path, command: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        state = dict(await moved(pilot, saves))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*command)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        if command == "Title screen":
            assert isinstance(app.screen, TitleScreen)
    assert autosaved(saves)["turn"] == state["turn"] == 3


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
async def test_a_signal_autosaves_then_quits(make_app, saves: Path, name: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        state = dict(await moved(pilot, saves))
        os.kill(os.getpid(), getattr(signal, name))
        await pilot.pause(0.2)
    assert autosaved(saves)["turn"] == state["turn"] == 3


async def test_continue_resumes_where_the_title_screen_way_out_left(make_app, saves: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        state = dict(await moved(pilot, saves))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Title screen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
    from elysium.tui.app import CONTINUE

    again = make_app(resume=CONTINUE)
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert again.screen.game.state["location"] == state["location"]
        assert again.screen.game.state["turn"] == 3


async def test_a_browser_tab_closed_autosaves(make_app, saves: Path) -> None:
    """textual-serve tells the app to leave with Textual's ExitApp message when its tab goes."""
    from textual import messages

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        state = dict(await moved(pilot, saves))
        app.post_message(messages.ExitApp())
        await pilot.pause(0.2)
        assert autosaved(saves)["turn"] == state["turn"] == 3


class WidgetFailure(Exception):
    pass


async def test_a_crash_in_a_widget_autosaves_before_the_error_screen(make_app, saves: Path) -> None:
    app = make_app()
    with pytest.raises(WidgetFailure):
        async with app.run_test(size=(120, 40)) as pilot:
            state = dict(await moved(pilot, saves))

            def fail() -> None:
                assert not SaveSlots(saves).exists(AUTOSAVE)  # nothing saved it before the crash
                raise WidgetFailure("a widget failed")

            app.screen.query_one("Input").call_later(fail)
            await pilot.pause(0.2)
    assert autosaved(saves)["turn"] == state["turn"] == 3
