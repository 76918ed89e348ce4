"""The TUI of a game without campus systems: the sidebar shows what the game has (location, map,
score, inventory), and neither the journal nor the timetable is offered."""

from __future__ import annotations

from pathlib import Path

from elysium.tui.screens.help import help_markdown
from elysium.tui.widgets import (CampusMap, ClockPanel, InventoryPanel, LocationPanel, Sidebar, StatusLine,
                                 StudentPanel)
from tui_support import play, start

PLAIN = Path(__file__).resolve().parents[1] / "fixtures" / "plain_game"


async def test_the_sidebar_of_a_plain_game_has_no_clock_energy_or_skills(make_app):
    app = make_app(PLAIN)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        sidebar = screen.query_one(Sidebar)
        assert not sidebar.query(ClockPanel)
        for panel in (LocationPanel, CampusMap, InventoryPanel):
            assert sidebar.query(panel)
        score = sidebar.query_one(StudentPanel)
        assert score.border_title == "Score" and [m.label for m in score.query("Meter")] == ["Score"]
        await play(pilot, "take coin")
        assert "silver coin" in str(sidebar.query_one(InventoryPanel).render())
        status = str(screen.query_one(StatusLine).render())
        assert "Energy" not in status and ":" not in status.split("Score")[0].replace("Exits:", "")
        assert "Score 1/2" in status
        assert not screen.check_action("journal", ()) and not screen.check_action("timetable", ())
        assert {name for name, _, _ in screen.PALETTE} >= {"Save game", "Map"}
        assert not {"Journal", "Timetable"} & {name for name, _, _ in screen.PALETTE}


async def test_the_campus_sidebar_keeps_every_panel(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        sidebar = screen.query_one(Sidebar)
        assert sidebar.query(ClockPanel)
        labels = [m.label for m in sidebar.query_one(StudentPanel).query("Meter")]
        assert labels[:3] == ["Energy", "Standing", "Reputation"]
        assert screen.check_action("journal", ()) and screen.check_action("timetable", ())


def test_the_tui_help_of_a_plain_game_names_no_campus_key_or_verb():
    text = help_markdown(None, features=frozenset())
    assert "journal" not in text.lower() and "timetable" not in text.lower() and "<!--" not in text
    assert "| F4 | the map |" in text and "WAIT (Z)" in text
    campus = help_markdown(None)
    assert "| F2 | the journal |" in campus and "TIMETABLE" in campus and "<!--" not in campus
