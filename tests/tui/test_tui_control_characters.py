"""No screen of the TUI draws a control character from a pack or a save (issue 11).

Every text of the pack here carries escape sequences (tests/escapes_support.py), loaded as if
validation had missed them, and so do a save's summary, pack id and file name. Each screen is
rendered as Textual would send it to the terminal, and no character of what it draws may be a
control character: Rich keeps ESC and C1, and the terminal would act on them.
"""

from __future__ import annotations

from textual.app import App

from elysium.state import saves as saves_module
from elysium.state.saves import SaveSlots
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.title import TitleScreen
from escapes_support import CLIPBOARD, HOSTILE_SAVE, controls_in, unchecked, write_hostile_save, write_pack  # noqa: F401
from tui_support import loaded, play

DIALOG_KEYS = ("f1", "f2", "f3", "f4", "ctrl+s", "ctrl+o")


def drawn(app: App) -> str:
    """Every character of the screen as Textual would write it, the screens beneath included."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(segment.text for strip in update.strips for segment in strip)


def assert_clean(app: App, where: str) -> str:
    text = drawn(app)
    assert controls_in(text) == [], where
    titles = [app.title, app.sub_title, app.screen.title or "", app.screen.sub_title or ""]
    assert controls_in("".join(titles)) == [], where
    return text


async def test_no_screen_draws_a_control_character(make_app, tmp_path, saves, unchecked):
    write_hostile_save(saves)
    app = make_app(write_pack(tmp_path / "hostile"))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        # The save reader may refuse such saves rather than list them; what it lists is shown clean.
        listed = any("\x1b" in info.location for info in SaveSlots(saves).list())
        assert ("Continue: \u201c" in assert_clean(app, "the title screen")) == listed
        newest = str(app.screen.query_one("#newest").render())  # wider than the screen shows of it
        assert ("Vestibule]52;c;" in newest) == listed and controls_in(newest) == []
        await pilot.press("l")
        await pilot.pause()
        assert ("Vestibule]52;c;" in assert_clean(app, "the load dialog over the title screen")) == listed
        await pilot.press("escape")
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GameScreen)
        assert CLIPBOARD in assert_clean(app, "the opening")
        for line in ("examine sign", "read sign", "take trinket", "ask keeper about wall\x1b[2J", "east"):
            await play(pilot, line)
            assert_clean(app, f"after {line!r}")
        for key in DIALOG_KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not screen
            assert_clean(app, f"the dialog that {key} opens")
            await pilot.press("escape")
            await pilot.pause()
        # Whatever sets them, the titles the header shows refuse control characters.
        app.title, screen.title, screen.sub_title = ("Title\x1b]0;PWNED\x07",) * 3
        assert app.title == screen.title == screen.sub_title == "Title]0;PWNED"
        screen.load(HOSTILE_SAVE)  # made with another pack, whose id the refusal quotes
        screen.save("mine")
        await pilot.pause()
        assert app._notifications and "Saved as \u201cmine\u201d (Yard]0;PWNED" in assert_clean(app, "a notification")
        app.end_game("Farewell \x1b]0;PWNED\x07")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert_clean(app, "the title screen after the game")
        assert controls_in("".join(n.message + n.title for n in app._notifications)) == []


async def test_content_errors_on_the_title_screen_show_no_control_character(make_app, tmp_path, monkeypatch):
    monkeypatch.setattr(saves_module, "default_saves_folder", lambda: tmp_path / "saves")
    app = make_app(write_pack(tmp_path / "pack\x1b]0;PWNED\x07"))  # its path is in every message
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.screen.has_class("-failed")
        assert_clean(app, "the content's errors")
        problems = str(app.screen.query_one("#problems").render())
        assert "pack]0;PWNED" in problems and "control character U+001B in 'description'" in problems
