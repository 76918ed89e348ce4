"""The Save dialog asks before it saves over a saved game, and starts with a fresh name."""

from __future__ import annotations

import json

from textual.widgets import Input, Label

from elysium.state.saves import SaveSlots
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.save_dialog import ReplaceDialog, SaveDialog
from tui_support import play, start, write_save


def location_in(saves, name: str) -> str:
    return json.loads(SaveSlots(saves).path(name).read_text(encoding="utf-8"))["state"]["location"]


async def save_as(pilot, name: str) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaveDialog)
    pilot.app.screen.query_one("#save-name", Input).value = name
    await pilot.press("enter")
    await pilot.pause()


async def test_saving_over_a_save_asks_and_cancel_keeps_it(make_app, saves):
    write_save(saves, "Before Dinner")
    before = SaveSlots(saves).path("Before Dinner").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await play(pilot, "n")
        await save_as(pilot, "before dinner")
        assert isinstance(app.screen, ReplaceDialog)
        question = str(app.screen.query_one("#replace-question", Label).content)
        assert question == "A saved game called \u201cbefore dinner\u201d already exists. Replace it?"
        await pilot.click("#keep")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)  # back to choose another name
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
    assert SaveSlots(saves).path("Before Dinner").read_bytes() == before


async def test_saving_over_a_save_asks_and_replace_replaces_it(make_app, saves):
    write_save(saves, "Before Dinner")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await play(pilot, "n")
        await save_as(pilot, "Before Dinner")
        assert isinstance(app.screen, ReplaceDialog)
        await pilot.click("#replace")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert "Saved as \u201cBefore Dinner\u201d (Practice Hall" in screen.query_one("NarrativeLog").text
    assert location_in(saves, "Before Dinner") == "practice_hall"


async def test_a_new_name_is_saved_without_a_question(make_app, saves):
    write_save(saves, "older")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await save_as(pilot, "newer")
        assert isinstance(app.screen, GameScreen)
    assert sorted(info.name for info in SaveSlots(saves).list()) == ["newer", "older"]


async def name_offered(pilot) -> str:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaveDialog)
    return pilot.app.screen.query_one("#save-name", Input).value


async def test_the_save_dialog_offers_the_rooms_name_and_never_the_newest_saves(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await play(pilot, "n")
        assert await name_offered(pilot) == "Practice Hall"


async def test_the_offered_name_is_fresh_when_a_save_has_it_already(make_app, saves):
    write_save(saves, "Vestibule")
    write_save(saves, "vestibule 2")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert await name_offered(pilot) == "Vestibule 3"
        await pilot.press("enter")  # saved at once: nothing to ask about
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
    assert len(SaveSlots(saves).list()) == 3
