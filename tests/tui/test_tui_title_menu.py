"""The title screen's menu: chosen by its keys, by Tab, Up, Down, Enter and Space, and by the mouse,
and the labels shown as text; its entries bring no Button style sheet to the first frame."""

from __future__ import annotations

from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.load_dialog import LoadDialog
from elysium.tui.screens.title import TitleScreen
from tui_support import loaded, write_save

ENTRIES = {"new": "New game", "continue": "Continue", "load": "Load\u2026", "quit": "Quit"}


async def test_the_first_frame_parses_no_button_style_sheet(make_app):
    """Button's default CSS (7 kB) was the largest sheet parsed on the way to the first frame, and
    its rules were matched against every widget of the title screen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, TitleScreen) and app.screen.content is not None
        sources = [name for _, name in app.stylesheet.source]
    assert not [name for name in sources if name.startswith("Button.")]


async def test_the_menu_shows_its_labels_as_text(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        shown = {name: str(app.screen.query_one(f"#{name}").render()).strip() for name in ENTRIES}
    assert shown == ENTRIES


async def test_enter_chooses_the_focused_entry(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.focused.id == "new"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)


async def test_tab_up_and_down_move_through_the_entries_and_space_chooses(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        focused = [app.focused.id]
        for key in ("tab", "down", "down", "up"):
            await pilot.press(key)
            focused.append(app.focused.id)
        assert focused == ["new", "continue", "load", "quit", "load"]
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)


async def test_disabled_entries_are_passed_over_and_cannot_be_chosen(make_app):
    """With no saved game, Continue and Load are disabled: Down goes from New game to Quit, and a
    click on them does nothing."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen
        await pilot.press("down")
        assert app.focused.id == "quit"
        for name in ("continue", "load"):
            await pilot.click(f"#{name}")
            await pilot.pause()
            assert app.screen is title


async def test_a_click_chooses_an_entry(make_app, saves):
    write_save(saves, "in-the-hall", ("n",))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.click("#continue")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.screen.sub_title == "Practice Hall"


async def test_quit_chosen_by_a_click_leaves(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_menu_is_made_as_the_saves_make_it(make_app, monkeypatch):
    """With no saved game, Continue and Load are made disabled: disabled once the menu had been
    styled, they were styled again before the first frame."""
    from textual.widget import Widget

    from elysium.tui.menu_item import MenuItem

    toggled = []
    watch = Widget.watch_disabled
    monkeypatch.setattr(MenuItem, "watch_disabled", lambda item, disabled: (toggled.append(item.id),
                                                                            watch(item, disabled))[1],
                        raising=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.screen.query_one("#continue").disabled and app.screen.query_one("#load").disabled
    assert toggled == []
