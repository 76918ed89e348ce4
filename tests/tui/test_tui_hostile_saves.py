"""The hostile saves of tests/saves/hostile.py in the TUI: the title screen, its Continue and its
Load dialog, `--continue` and `--load NAME` (the app's `resume`), and the Load dialog of a game in
progress. One app run meets every case, one after another, as a player could in one sitting: each
is refused with its message, and the title screen or the game is left as it was.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from textual.widgets import DataTable

from elysium.content.styles import first_control
from elysium.state.saves import SUFFIX
from elysium.tui.app import CONTINUE
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.load_dialog import LoadDialog
from elysium.tui.screens.title import TitleScreen
from tui_support import SAVED_AT, loaded, play, start, write_save


def _corpus():
    """tests/saves/hostile.py, shared with the plain-mode tests there (as they import it, by name)."""
    if "hostile" in sys.modules:
        return sys.modules["hostile"]
    spec = importlib.util.spec_from_file_location("hostile", Path(__file__).parents[1] / "saves" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module
    spec.loader.exec_module(module)
    return module


hostile = _corpus()


def good_save(saves: Path) -> dict:
    write_save(saves, "good", ("n",))
    return json.loads((saves / f"good{SUFFIX}").read_text(encoding="utf-8"))


CONTINUING_GOOD = "Continuing \u201cgood\u201d, the newest saved game that can be read."


def messages(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def newest_only(saves: Path, good: dict, case) -> None:
    """The corpus with `case` as its only hostile save, so that it is the one Continue picks."""
    for other in hostile.CASES:
        other.path(saves).unlink(missing_ok=True)
    hostile.make_corpus(saves, good, [case])


async def test_the_title_screen_continue_and_load_refuse_every_hostile_save(make_app, saves):
    good = good_save(saves)
    hostile.make_corpus(saves, good)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        title = app.screen
        assert isinstance(title, TitleScreen)
        newest = str(title.query_one("#newest").render())
        assert newest.startswith("Continue: \u201c") and first_control(newest) is None

        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LoadDialog)
        table = dialog.query_one(DataTable)
        rows = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert set(rows) == {"good"} | {case.name for case in hostile.CASES if case.listed}
        assert all(first_control(str(cell)) is None for n in range(table.row_count) for cell in table.get_row_at(n))
        listed = [case for case in hostile.CASES if case.listed]
        for case in (listed[0], listed[len(listed) // 2], listed[-1]):  # chosen in the dialog itself
            table.move_cursor(row=rows.index(case.name))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen), case.name
            assert messages(app)[-1] == case.message(), case.name
            await pilot.press("l")
            await pilot.pause()
            table = app.screen.query_one(DataTable)
        await pilot.press("escape")
        await pilot.pause()

        for case in hostile.CASES:  # each named, as the dialog and --load NAME name them
            title.load_chosen(case.name)
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen), case.name
            assert messages(app)[-1] == case.message(), case.name
            app.resume = case.name
            app.resume_game(title.content)
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen), case.name
            assert messages(app)[-1] == case.message(), case.name

        for case in listed:  # each the newest, as Continue and --continue take it
            newest_only(saves, good, case)
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen), case.name
            assert messages(app)[-1] == case.message(), case.name
            app.resume = CONTINUE  # names the save it cannot play, and plays the next newest
            app.resume_game(title.content)
            await pilot.pause()
            assert isinstance(app.screen, GameScreen) and app.screen.sub_title == "Practice Hall", case.name
            assert messages(app)[-1] == f"{case.message()} {CONTINUING_GOOD}", case.name
            app.pop_screen()
            await pilot.pause()

        for case in listed:  # and what no list shows is passed over for the newest real save
            case.path(saves).unlink(missing_ok=True)
        hostile.make_corpus(saves, good, [case for case in hostile.CASES if not case.listed])
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.screen.sub_title == "Practice Hall"


async def test_the_load_dialog_of_a_game_in_progress_refuses_every_hostile_save(make_app, saves):
    good = good_save(saves)
    hostile.make_corpus(saves, good)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot)
        await play(pilot, "take lantern")
        state = json.dumps(screen.game.state, sort_keys=True)
        for case in hostile.CASES:
            screen.load(case.name)
            await pilot.pause()
            assert app.screen is screen, case.name
            assert messages(app)[-1] == case.message(), case.name
            assert json.dumps(screen.game.state, sort_keys=True) == state, case.name
        await play(pilot, "inventory")
        assert screen.game.errors == []


async def test_continue_on_the_command_line_passes_over_what_it_cannot_read(make_app, saves):
    """The issue's title screen that died: a save nested 100,000 deep, beside a pipe and a link
    to /dev/zero, all named like saves; `--continue` goes into the real one."""
    good = good_save(saves)
    hostile.make_corpus(saves, good, [hostile.BY_NAME[name] for name in
                                      ("nested-100000-deep", "fifo", "link-to-dev-zero", "huge-sparse")
                                      if name in hostile.BY_NAME])
    app = make_app(resume=CONTINUE)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"
        assert SAVED_AT.startswith(app.screen.slots.newest().saved_at[:10])
