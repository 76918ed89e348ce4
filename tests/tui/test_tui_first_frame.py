"""The way to the title screen's first frame does no work twice (bench section 5, "first frame")."""

from __future__ import annotations

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
