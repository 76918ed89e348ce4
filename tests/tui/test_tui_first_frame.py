"""The way to the title screen's first frame does no work twice (bench section 5, "first frame")."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

import elysium.tui.app as tui_app
from elysium import cli
from elysium.tui.screens import title as title_screen
from elysium.tui.screens.title import TitleScreen
from tui_support import FIXTURE_WORLD, loaded


async def test_showing_the_title_screen_parses_no_style_sheet_again(make_app, monkeypatch: pytest.MonkeyPatch):
    """Textual parses every style sheet of the app again when a screen brings one of its own, the
    widgets' defaults included; the title screen's is read with the app's instead."""
    reparsed = []
    real_reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: (reparsed.append(sheet), real_reparse(sheet))[1])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, TitleScreen) and app.screen.content is not None
    assert reparsed == []


async def test_a_pack_read_at_once_makes_no_loading_indicator(make_app, monkeypatch: pytest.MonkeyPatch):
    """Only a slow pack shows the loading indicator (test_tui_play tests that one): a quick one's
    first frame is spared making it and styling it. "Quick" is widened here, as a busy test machine
    can take longer than a tenth of a second to read even the small fixture world."""
    from textual.widgets import LoadingIndicator

    monkeypatch.setattr(title_screen, "QUICK_READ_S", 30.0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen
        assert isinstance(title, TitleScreen) and title.content is not None
        assert not title.has_class("-loading")
        assert list(title.query(LoadingIndicator)) == []
        assert list(title.query("#loading-label")) == []


def _play_in_the_tui(monkeypatch: pytest.MonkeyPatch, saves: Path) -> list[tuple[bool, bool]]:
    """`elysium play` on a terminal, the app's run recording whether the collector was on and
    whether the app was told to turn it back on: [(enabled, collector_paused)]."""
    seen = []

    class Recorded(tui_app.ElysiumApp):
        def run(self, *args, **kwargs):
            seen.append((gc.isenabled(), self.collector_paused))

    monkeypatch.setattr(tui_app, "ElysiumApp", Recorded)
    monkeypatch.setattr(cli, "wants_tui", lambda args: True)
    assert cli.main(["play", "--content", str(FIXTURE_WORLD), "--saves", str(saves)]) == 0
    return seen


def test_playing_in_the_tui_starts_with_the_collector_paused(monkeypatch, saves):
    """The way to the title screen makes tens of thousands of objects and frees few, which the
    cyclic collector would only scan: `elysium play` starts the TUI with it paused (the app turns
    it back on), and it is on again once `main` returns whatever the app did."""
    assert gc.isenabled()
    assert _play_in_the_tui(monkeypatch, saves) == [(False, True)]
    assert gc.isenabled()


def test_a_collector_that_was_off_is_left_off(monkeypatch, saves):
    gc.disable()
    try:
        assert _play_in_the_tui(monkeypatch, saves) == [(False, False)]
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_app_turns_the_collector_back_on_once_the_pack_is_read(make_app):
    app = make_app()
    app.collector_paused = True
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.screen.content is not None
            assert gc.isenabled() and not app.collector_paused
    finally:
        gc.enable()


async def test_the_app_turns_the_collector_back_on_when_the_pack_cannot_be_read(make_app, tmp_path):
    pack = tmp_path / "broken"
    pack.mkdir()
    (pack / "game.yaml").write_text("game: [not, a, mapping\n", encoding="utf-8")
    app = make_app(pack)
    app.collector_paused = True
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.screen.has_class("-failed")
            assert gc.isenabled() and not app.collector_paused
    finally:
        gc.enable()


def test_the_way_to_the_first_frame_imports_only_what_it_needs(saves):
    """`elysium play` imports the TUI, its title screen and the saves; not the error log's file
    handler (made with the first report), nor the options of commands it does not run."""
    script = ("import sys\n"
              "from elysium import cli\n"
              "cli.wants_tui = lambda args: True\n"
              "import elysium.tui.app as tui_app\n"
              "tui_app.ElysiumApp.run = lambda self, *args, **kwargs: None\n"
              "cli.main(['play', '--saves', sys.argv[1]])\n"
              "print(sorted(name for name in ('logging.handlers', 'shlex', 'elysium.web.run', "
              "'elysium.explore.options', 'elysium.worldmap.options') if name in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", script, str(saves)], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


@pytest.mark.parametrize(("rows", "height_class"), [(40, "-tall"), (24, "-short")])
async def test_the_title_screen_is_made_with_the_class_for_its_height(make_app, monkeypatch, rows, height_class):
    """Set on the screen's first resize instead, the class restyled every widget a second time."""
    composed_with = []
    compose = TitleScreen.compose
    monkeypatch.setattr(TitleScreen, "compose", lambda screen: (composed_with.append(set(screen.classes)),
                                                                 compose(screen))[1])
    app = make_app()
    async with app.run_test(size=(80, rows)) as pilot:
        await loaded(pilot)
        assert app.screen.has_class(height_class)
    assert composed_with == [{height_class}]


async def test_the_title_screen_is_the_first_screen(make_app):
    """Pushed over Textual's blank default screen instead, two screens were made, styled and laid
    out on the way to the first frame."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert [type(screen) for screen in app.screen_stack] == [TitleScreen]


async def test_leaving_a_game_comes_back_to_the_title_screen_beneath_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is not title
        app.end_game(None)
        await pilot.pause()
        assert app.screen_stack == [title]


async def test_the_first_frame_shows_the_pack_read_at_once(make_app, monkeypatch: pytest.MonkeyPatch):
    """A pack read from its cache is on the screen's first frame, with the menu as the saves make
    it: posted to the screen as news instead, it was shown only after Textual had drawn the
    screen once without it, and the whole screen was laid out and drawn again."""
    monkeypatch.setattr(title_screen, "QUICK_READ_S", 30.0)  # a busy test machine is slow to read too
    frames = []

    class Watched(tui_app.ElysiumApp):
        def post_display_hook(self) -> None:
            screen = self.screen
            frames.append((screen.content is not None, str(screen.query_one("#pack-title").render()),
                           screen.query_one("#continue").disabled))

    app = Watched(FIXTURE_WORLD, 0, (), make_app().slots.folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen.content.game.title
    assert frames[0] == (True, title, True)


async def test_the_saves_are_listed_once_at_start_and_again_after_a_game(make_app, monkeypatch: pytest.MonkeyPatch):
    """Listing the saves reads every save file: once on the way to the first frame, and again
    whenever the title screen is shown again (a game may have saved meanwhile)."""
    from elysium.state.saves import SaveSlots

    monkeypatch.setattr(title_screen, "QUICK_READ_S", 30.0)
    listings = []
    real_list = SaveSlots.list
    monkeypatch.setattr(SaveSlots, "list", lambda slots: (listings.append(1), real_list(slots))[1])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert len(listings) == 1
        title = app.screen
        assert str(title.query_one("#newest").render()) == "No saved games yet."
        await pilot.press("n")
        await pilot.pause()
        app.screen.game.turn("north")
        app.end_game(None)  # autosaves
        await pilot.pause()
        assert app.screen is title and len(listings) >= 2
        assert str(title.query_one("#newest").render()).startswith("Continue: ")
        assert not title.query_one("#continue").disabled


async def test_the_game_widgets_rules_come_with_the_game_screen(make_app):
    """The title screen's first frame parses no rules for the game's widgets (and matches none
    against its own); the game screen brings them, and Textual parses every sheet again then anyway."""
    game_widgets = {"NarrativeLog", "CommandLine", "StatusLine", "Meter", "CampusMap", "Sidebar"}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert not game_widgets & {name for rule in app.stylesheet.rules for name in rule.selector_names}
        await pilot.press("n")
        await pilot.pause()
        assert game_widgets <= {name for rule in app.stylesheet.rules for name in rule.selector_names}


async def test_a_pack_read_at_once_makes_no_hidden_widgets(make_app, monkeypatch: pytest.MonkeyPatch):
    """The loading indicator's place and the problems' text are made only for a slow pack and a
    broken one (test_tui_play tests both): hidden, they were still styled for the first frame."""
    monkeypatch.setattr(title_screen, "QUICK_READ_S", 30.0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.screen.content is not None
        assert [widget.id for widget in app.screen.query("#loading, #problems")] == []
        assert all(widget.display for widget in app.screen.query("*"))
