"""The way to the title screen's first frame does no work twice (bench section 5, "first frame")."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.css.stylesheet import Stylesheet

from elysium.tui.screens.title import TitleScreen
from tui_support import loaded


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


async def test_a_pack_read_at_once_makes_no_loading_indicator(make_app):
    """Only a slow pack shows the loading indicator (test_tui_play tests that one): a quick one's
    first frame is spared making it and styling it."""
    from textual.widgets import LoadingIndicator

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        title = app.screen
        assert isinstance(title, TitleScreen) and title.content is not None
        assert not title.has_class("-loading")
        assert list(title.query(LoadingIndicator)) == []
        assert list(title.query("#loading-label")) == []


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
