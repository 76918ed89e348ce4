"""Every screen opens and closes; the journal, timetable, theme and palette do their jobs."""

from __future__ import annotations

import os

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Markdown, OptionList, Static

from elysium.tui.app import DEFAULT_THEME
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.help import HelpScreen, help_markdown
from elysium.tui.screens.journal import JournalScreen
from elysium.tui.screens.load_dialog import LoadDialog
from elysium.tui.screens.map import MapScreen
from elysium.tui.screens.save_dialog import SaveDialog
from elysium.tui.screens.settings import SettingsScreen
from elysium.tui.screens.timetable import TimetableScreen
from elysium.tui.widgets import CampusMap, CommandLine
from tui_support import play, start

SCREENS = [
    ("f1", HelpScreen), ("f2", JournalScreen), ("f3", TimetableScreen), ("f4", MapScreen),
    ("f9", SettingsScreen), ("ctrl+s", SaveDialog), ("ctrl+o", LoadDialog),
]


@pytest.mark.parametrize(("key", "screen_type"), SCREENS, ids=[s.__name__ for _, s in SCREENS])
async def test_each_screen_opens_with_its_key_and_closes_with_escape(make_app, key, screen_type):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.screen.query_one(CommandLine).has_focus


async def test_help_is_the_packaged_markdown_with_the_packs_own_words(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("f1")
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        assert "# How to play" in markdown.source
        assert "## Keys" in markdown.source
    assert "## About this game" in help_markdown("A [b]little[/b] help [@click=app.quit]x")
    assert "[@click=app.quit]x" in help_markdown("[@click=app.quit]x")


async def test_the_journal_lists_known_lore_and_reads_the_chosen_entry(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert "empty" in str(app.screen.query_one("#journal-empty", Static).render())
        await pilot.press("escape")
        await play(pilot, "n")
        await play(pilot, "read songbook")
        await play(pilot, "ask maestra about bell")
        await pilot.press("f2")
        await pilot.pause()
        entries = app.screen.query_one(OptionList)
        assert [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)] == [
            "The Legend of the Altar", "The Conservatory Bell"]
        assert "violet gem was lost" in str(app.screen.query_one("#entry", Static).render())
        await pilot.press("down")
        await pilot.pause()
        assert "older than the building" in str(app.screen.query_one("#entry", Static).render())


async def test_the_timetable_lists_classes_and_recitals(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("f3")
        await pilot.pause()
        classes = app.screen.query_one("#classes", DataTable)
        recitals = app.screen.query_one("#recitals", DataTable)
        assert [str(cell) for cell in classes.get_row_at(0)] == [
            "Voice Training", "Firstday, Thirdday", "10:00-11:00", "Practice Hall", "voice", "Maestra Liesl Brand"]
        assert [str(cell) for cell in recitals.get_row_at(0)][:3] == [
            "The Evening Recital", "Secondday, day 2", "19:00"]
        assert "Voice Training, today 10:00" in str(app.screen.query_one("#next", Static).render())


async def test_the_map_screen_shows_the_explored_campus(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await play(pilot, "e")
        await pilot.press("f4")
        await pilot.pause()
        drawn = str(app.screen.query_one(CampusMap).render())
        assert "Vestibule" in drawn and "Cloakroom" in drawn and "?" in drawn


async def test_the_theme_can_be_chosen_and_escape_puts_the_old_one_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        before = app.theme
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        tried = app.theme
        assert tried != before
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == before
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.theme == tried


async def test_a_chosen_theme_is_kept_for_the_next_session(make_app, saves):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        tried = app.theme
        await pilot.press("escape")  # tried, not kept
        await pilot.pause()
    assert make_app().theme == DEFAULT_THEME
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.theme == tried != DEFAULT_THEME
    assert make_app().theme == tried
    assert not list(saves.glob(".*.tmp"))


@pytest.mark.parametrize("written", ["{not json", '["a list"]', '{"theme": 7}', '{"theme": "no-such-theme"}'])
def test_a_damaged_or_strange_preferences_file_means_the_default_theme(make_app, saves, written):
    saves.mkdir(parents=True)
    (saves / "preferences.json").write_text(written, encoding="utf-8")
    assert make_app().theme == DEFAULT_THEME


@pytest.mark.parametrize("kind", ["nested-deep", "pipe", "link"])
def test_a_preferences_file_that_could_crash_or_hold_up_the_start_means_the_default_theme(make_app, saves, kind):
    saves.mkdir(parents=True)
    path = saves / "preferences.json"
    if kind == "nested-deep":
        path.write_text('{"theme": "textual-light", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        (saves / "mine.json").write_text('{"theme": "textual-light"}', encoding="utf-8")
        path.symlink_to(saves / "mine.json")
    assert make_app().theme == DEFAULT_THEME


async def choose_in_palette(pilot) -> None:
    """Enter runs the only match at once; with several, the first Enter highlights, the next runs."""
    await pilot.press("enter")
    await pilot.pause(0.3)
    if isinstance(pilot.app.screen, CommandPalette):
        await pilot.press("enter")
        await pilot.pause(0.3)


@pytest.mark.parametrize(("query", "screen_type"), [
    ("journal", JournalScreen), ("timetable", TimetableScreen), ("map", MapScreen), ("help", HelpScreen),
    ("save game", SaveDialog), ("load game", LoadDialog), ("theme", SettingsScreen),
])
async def test_the_command_palette_offers_the_games_actions(make_app, query, screen_type):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*query)
        await pilot.pause(0.3)
        await choose_in_palette(pilot)
        assert isinstance(app.screen, screen_type)


async def test_undo_from_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await play(pilot, "n")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"undo")
        await pilot.pause(0.3)
        await choose_in_palette(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Vestibule"
