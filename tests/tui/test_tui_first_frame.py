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
