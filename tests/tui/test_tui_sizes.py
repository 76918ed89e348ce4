"""The TUI at every size: the story, the completion, the map and the sidebar when the window changes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from elysium.tui.screens.help import help_markdown
from elysium.tui.widgets import CampusMap, CommandLine, InventoryPanel, NarrativeLog, Sidebar, StatusLine
from tui_support import play, start

CAMPUS = Path(__file__).resolve().parents[2] / "content" / "starred_blocks"
POCKETS = Path(__file__).resolve().parents[1] / "fixtures" / "tuisize"  # up, down, in, out; a bag


async def test_after_the_window_shrinks_the_story_still_shows_its_newest_lines(make_app):
    app = make_app(CAMPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await play(pilot, "x warden")
        log = app.screen.query_one(NarrativeLog)
        assert log.scroll_offset.y == log.max_scroll_y

        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        await pilot.pause()

        assert log.max_scroll_y > 0
        assert log.scroll_offset.y == log.max_scroll_y
        last_shown = log.lines[log.scroll_offset.y + log.scrollable_content_region.height - 1].text
        assert last_shown.strip() and last_shown == log.lines[-1].text


async def test_tab_finishes_the_word_of_a_thing_in_reach_before_the_alphabetically_first(make_app):
    # At the gate, "ward" (a word of the silver wards) sorts before "warden", but the Warden is here.
    app = make_app(CAMPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        command = app.screen.query_one(CommandLine)
        command.focus()
        for key in ("x", "space", "w", "tab"):
            await pilot.press(key)
        await pilot.pause()
        assert command.value == "x warden"

        command.value = ""
        for key in ("x", "space", "l", "e", "tab"):  # "le": Lantern Lane's "lane" is at the gate too
            await pilot.press(key)
        await pilot.pause()
        assert command.value == "x ledger"  # a thing's noun before "leather", the satchel's adjective


def drawn(widget) -> str:
    return str(widget.render())


async def test_the_map_shows_rooms_reached_by_up_down_in_and_out(make_app):
    app = make_app(POCKETS)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        for way in ("up", "down", "down", "up", "in", "out", "out", "in"):
            await play(pilot, way)
        campus = drawn(screen.query_one(CampusMap))
        for room in ("Hall", "Attic", "Crypt", "Closet", "Garden"):
            assert room in campus
        assert "⋰" in campus and "⋱" in campus  # the dotted links to them


async def test_the_carrying_panel_shows_what_is_in_an_open_container_held(make_app):
    app = make_app(POCKETS)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        carrying = drawn(screen.query_one(InventoryPanel)).splitlines()
        assert carrying == ["• a canvas satchel", "  • an apple", "  • a leather pouch"]  # the pouch is shut

        await play(pilot, "open pouch")
        carrying = drawn(screen.query_one(InventoryPanel)).splitlines()
        assert carrying[-1] == "    • a coin"


async def test_at_80x24_the_sidebar_fits_with_the_map_folded_away(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("f6")
        await pilot.pause()
        sidebar = screen.query_one(Sidebar)
        assert sidebar.display and sidebar.max_scroll_y == 0  # every panel fits
        assert not screen.query_one(CampusMap).display  # the map folded away: F4 still shows it
        for panel in ("#location", "#clock", "#student", "#inventory"):
            assert screen.query_one(panel).region.bottom <= sidebar.region.bottom

        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.query_one(CampusMap).display  # room for it again


async def test_the_sidebar_is_focused_and_scrolled_from_the_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        screen = await start(pilot)
        await pilot.press("f6")
        await pilot.pause()
        sidebar = screen.query_one(Sidebar)
        assert sidebar.max_scroll_y > 0  # too short for its panels

        await pilot.press("shift+tab")
        assert screen.focused is sidebar
        await pilot.press("pagedown")
        await pilot.pause()
        assert sidebar.scroll_y > 0
        assert screen.query_one(NarrativeLog).scroll_y == screen.query_one(NarrativeLog).max_scroll_y

        await pilot.press("escape")
        assert screen.focused is screen.query_one(CommandLine)
        await pilot.press("l")
        assert screen.query_one(CommandLine).value == "l"
    assert "| Shift+Tab | the sidebar" in help_markdown(None)  # and the help's keys say so


async def test_the_footer_loses_the_palette_key_when_the_window_narrows(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        assert screen.query(FooterKey).filter(".-command-palette")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not screen.query(FooterKey).filter(".-command-palette")
        assert screen.query_one(Footer).compact


async def test_at_60x20_the_status_line_shows_the_exits_on_a_second_line(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await start(pilot)
        await play(pilot, "n")
        status = screen.query_one(StatusLine)
        shown = [strip.text for strip in status.render_lines(status.region.reset_offset)]
        assert status.size.height == 2
        assert "…" not in "".join(shown)
        assert "Exits: s e" in "".join(shown)


async def test_at_60x20_the_timetable_shows_every_detail_uncut(make_app):
    from textual.containers import VerticalScroll
    from textual.widgets import DataTable, Static

    from elysium.tui.screens.timetable import TimetableScreen

    app = make_app(CAMPUS)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await start(pilot)
        await pilot.press("f3")
        await pilot.pause()
        timetable = app.screen
        assert isinstance(timetable, TimetableScreen) and not timetable.query(DataTable)
        scroll = timetable.query_one("#timetable-scroll", VerticalScroll)
        for section in ("#classes", "#recitals"):
            shown = timetable.query_one(section, Static)
            text = shown.content.plain
            assert all(len(line) <= shown.region.width for line in text.splitlines())
            if section == "#classes":
                for lesson in screen.game.content.classes.values():
                    assert lesson.name in text
                assert "Maestro Corvin Vell, music theory" in text and "09:00-10:30" in text
            else:
                assert "The Starfall Recital" in text and "Starday, day 21, 19:00" in text
        assert app.focused is scroll  # Up and Down scroll the whole page
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y > 0


async def test_a_wide_window_shows_the_timetable_as_tables(make_app):
    from textual.widgets import DataTable

    app = make_app(CAMPUS)
    async with app.run_test(size=(160, 50)) as pilot:
        await start(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert [table.id for table in app.screen.query(DataTable)] == ["classes", "recitals"]
