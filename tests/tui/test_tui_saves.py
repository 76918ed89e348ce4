"""Saving and loading through the dialogs, and continuing from the title screen."""

from __future__ import annotations

import os
import subprocess
import sys

from textual.widgets import Button, DataTable, Input

from elysium.state.saves import SaveSlots, writer_tag
from elysium.tui.app import CONTINUE
from elysium.tui.menu_item import MenuItem
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.load_dialog import LoadDialog
from elysium.tui.screens.save_dialog import SaveDialog
from elysium.tui.screens.title import TitleScreen
from elysium.tui.widgets import NarrativeLog
from tui_support import loaded, play, start, write_save


async def test_save_then_load_through_the_dialogs(make_app, saves):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await play(pilot, "take lantern")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveDialog)
        dialog.query_one("#save-name", Input).value = "Before the Cellar!"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert [info.name for info in SaveSlots(saves).list()] == ["Before the Cellar!", "autosave"]
        assert "Saved as \u201cBefore the Cellar!\u201d (Vestibule, day 1" in screen.query_one(NarrativeLog).text

        await play(pilot, "n")
        await play(pilot, "drop lantern")
        assert screen.sub_title == "Practice Hall"

        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LoadDialog)
        table = dialog.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "autosave"  # the newest: the last move's
        assert [str(cell) for cell in table.get_row_at(1)][:4] == ["Before the Cellar!", "1", "09:31", "Vestibule"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert screen.sub_title == "Vestibule"
        assert "Restored \u201cBefore the Cellar!\u201d." in screen.query_one(NarrativeLog).text
        await play(pilot, "inventory")
        assert "brass lantern" in screen.query_one(NarrativeLog).text.split("> inventory")[-1]


async def test_the_save_dialog_offers_the_saves_there_are_and_can_be_cancelled(make_app, saves):
    write_save(saves, "older")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#save-name", Input).value == "Vestibule"  # the room, not a save
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert [info.name for info in SaveSlots(saves).list()] == ["older"]


async def test_the_load_dialog_with_no_saves_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#no-saves")
        assert app.screen.query_one("#load", Button).disabled


async def test_typed_save_and_restore_use_the_same_folder(make_app, saves):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await play(pilot, "save typed")
        assert [info.name for info in SaveSlots(saves).list()] == ["typed"]


async def test_continue_and_load_from_the_title_screen(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen
        assert not title.query_one("#continue", MenuItem).disabled
        assert "in-the-hall" in str(title.query_one("#newest").render())
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"
        await play(pilot, "quit")
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"


async def test_continue_on_the_command_line_goes_straight_into_the_newest_save(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    app = make_app(resume=CONTINUE)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"
        assert "Restored \u201cin-the-hall\u201d." in "\n".join(text for _, text in app.screen.query_one(NarrativeLog).entries)
        await play(pilot, "quit")
        assert isinstance(app.screen, TitleScreen)  # the title screen was beneath all along


async def test_continue_past_a_damaged_newest_save_names_it_and_plays_the_newest_that_can_be_read(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    write_save(saves, "autosave", ("n", "s"))
    damaged, kept = SaveSlots(saves).path("autosave"), SaveSlots(saves).path("in-the-hall")
    damaged.write_bytes(damaged.read_bytes()[:-40])
    os.utime(damaged, ns=(kept.stat().st_atime_ns, kept.stat().st_mtime_ns + 10**9))
    app = make_app(resume=CONTINUE)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"
        [told] = [str(n.message) for n in app._notifications]
        assert "\u201cautosave\u201d is damaged" in told
        assert told.endswith("Continuing \u201cin-the-hall\u201d, the newest saved game that can be read.")


async def test_load_on_the_command_line_goes_into_the_save_it_names(make_app, saves):
    write_save(saves, "at-the-door")
    write_save(saves, "in-the-hall", ("n",))
    app = make_app(resume="at-the-door")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Vestibule"


async def test_continue_with_no_saves_leaves_the_player_at_the_title_and_says_why(make_app, saves):
    app = make_app(resume=CONTINUE)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, TitleScreen)
        assert any("no saved game to continue" in str(n.message) for n in app._notifications)


async def test_load_of_a_missing_save_leaves_the_player_at_the_title_and_says_why(make_app, saves):
    app = make_app(resume="nowhere")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, TitleScreen)
        assert any("no saved game called" in str(n.message) for n in app._notifications)


async def test_a_damaged_save_is_reported_and_changes_nothing(make_app, saves):
    write_save(saves, "good")
    (saves / "good.save.json").write_text("{not json", encoding="utf-8")
    write_save(saves, "other")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await play(pilot, "n")
        screen.load("good")
        await pilot.pause()
        assert screen.sub_title == "Practice Hall"
        assert any("damaged" in str(n.message) for n in app._notifications)


async def test_the_tui_cleans_up_after_interrupted_saves_but_not_a_save_being_written(make_app, saves):
    """Every way into the TUI (`elysium`, `--continue`, a tab of `elysium serve`) starts here."""
    saves.mkdir(parents=True)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left_over = saves / f".slot.{writer_tag().split('-')[0]}-{ended.stdout.strip()}.abc123.tmp"
    being_written = saves / f".slot.{writer_tag()}.def456.tmp"  # by a game still running: this one
    for path in (left_over, being_written):
        path.write_text('{"format": 3, "sta', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert not left_over.exists()
        assert being_written.exists()
