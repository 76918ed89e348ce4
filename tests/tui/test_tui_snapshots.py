"""Screenshots of every screen (pytest-textual-snapshot), on the fixture world with seed 0.

Accept changes with `pytest tests/tui --snapshot-update`, after looking at the SVGs in
tests/tui/__snapshots__/ (a failing run writes a side-by-side report).
"""

from __future__ import annotations

from tui_support import loaded, play, start, write_save


async def new_game(pilot) -> None:
    await start(pilot)


async def walked_north(pilot) -> None:
    await start(pilot)
    await play(pilot, "take lantern")
    await play(pilot, "n")


def test_title_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=loaded)


def test_title_screen_with_a_save_to_continue(snap_compare, make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=loaded)


def test_main_screen_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=walked_north)


def test_main_screen_80x24_with_the_sidebar(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await walked_north(pilot)
        await pilot.press("f6")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_main_screen_120x40(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=walked_north)


def test_main_screen_120x40_after_a_class(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await walked_north(pilot)
        for line in ("wait until 10:00", "attend", "e", "sing"):
            await play(pilot, line)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_game, press=["f1"])


def test_journal_screen(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await walked_north(pilot)
        await play(pilot, "read songbook")
        await play(pilot, "ask maestra about bell")

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before, press=["f2"])


def test_timetable_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=new_game, press=["f3"])


def test_map_screen(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await walked_north(pilot)
        await play(pilot, "e")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before, press=["f4"])


def test_save_dialog(snap_compare, make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_game, press=["ctrl+s"])


def test_load_dialog(snap_compare, make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    write_save(saves, "at-the-start")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_game, press=["ctrl+o"])


def test_settings_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_game, press=["f9"])
