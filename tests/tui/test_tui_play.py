"""Playing in the TUI: commands reach the engine, and the log, the map and the status follow."""

from __future__ import annotations

import threading

from textual.widgets import LoadingIndicator

from elysium.tui.app import ElysiumApp
from elysium.tui.messages import TurnPlayed
from elysium.tui.screens.game import GameScreen
from elysium.tui.screens.title import TitleScreen
from elysium.tui.widgets import (CampusMap, ClockPanel, CommandLine, InventoryPanel, LocationPanel,
                                 NarrativeLog, Sidebar, StatusLine, StudentPanel)
from tui_support import FIXTURE_WORLD, loaded, play, start


def typed(command: CommandLine, text: str) -> None:
    """What typing `text` leaves: that value, and the cursor at its end."""
    command.value = text
    command.cursor_position = len(text)


def log_text(app) -> str:
    return app.screen.query_one(NarrativeLog).text


def rendered(widget) -> str:
    return str(widget.render())


async def test_the_opening_then_a_move_shows_in_the_log_map_and_status(make_app):
    app = make_app()
    seen = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        screen = await start(pilot)
        assert "THE LITTLE CONSERVATORY" in log_text(app)
        assert "Vestibule" in rendered(screen.query_one(LocationPanel))
        assert "Practice" not in rendered(screen.query_one(CampusMap))  # not visited yet: a "?"
        assert "09:30" in rendered(screen.query_one(ClockPanel))

        await play(pilot, "north")

        assert "> north" in log_text(app)
        assert "Practice Hall" in log_text(app).split("> north")[1]
        assert "Practice Hall" in rendered(screen.query_one(LocationPanel))
        assert "Exits: south, east" in rendered(screen.query_one(LocationPanel))
        assert "Practice" in rendered(screen.query_one(CampusMap))
        assert "09:32" in rendered(screen.query_one(ClockPanel))  # walking takes two minutes
        assert screen.sub_title == "Practice Hall"
        turns = [m for m in seen if isinstance(m, TurnPlayed)]
        assert turns and turns[-1].line == "north" and turns[-1].view.room == "Practice Hall"


async def test_skills_energy_and_inventory_follow_the_game(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        await play(pilot, "take lantern")
        assert "brass lantern" in rendered(screen.query_one(InventoryPanel))
        await play(pilot, "n")
        await play(pilot, "wait until 10:00")
        await play(pilot, "attend")
        assert "scales" in log_text(app)
        meters = {meter.label: meter.value for meter in screen.query_one(StudentPanel).query("Meter")}
        assert meters["Voice"] == 5
        assert meters["Energy"] < 100


async def test_quit_goes_back_to_the_title_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await play(pilot, "quit")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("n")  # and a new game can begin
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)


async def test_undo_binding_takes_back_a_move(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await play(pilot, "n")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "You take back your last move. (Vestibule)" in log_text(app)
        assert "Vestibule" in rendered(screen.query_one(StatusLine))


async def test_commands_with_markup_characters_are_shown_literally(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for line in ("x [/]", "take [bold", "[@click=app.quit]x[/]", "[link=https://example.com]hi[/link]",
                     "[b]x[/i]", "\\[red]"):
            await play(pilot, line)
            assert app.is_running
            assert f"> {line}" in log_text(app)
        assert isinstance(app.screen, GameScreen)


async def test_history_goes_back_and_forth(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await play(pilot, "look")
        await play(pilot, "inventory")
        command = app.screen.query_one(CommandLine)
        typed(command, "half typ")
        await pilot.press("up")
        assert command.value == "inventory"
        await pilot.press("up", "up")
        assert command.value == "look"
        await pilot.press("down")
        assert command.value == "inventory"
        await pilot.press("down")
        assert command.value == "half typ"


async def test_tab_completes_verbs_and_the_nouns_in_reach(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        command = app.screen.query_one(CommandLine)
        typed(command, "exa")
        await pilot.press("tab")
        assert command.value == "examine"
        typed(command, "take lan")
        await pilot.press("tab")
        assert command.value == "take lantern"
        typed(command, "take song")  # the songbook is in the next room, not in reach
        await pilot.press("tab")
        assert command.value == "take song"
        await play(pilot, "n")
        typed(command, "take song")
        await pilot.press("tab")
        assert command.value == "take songbook"
        typed(command, "rin")  # the game's own verbs complete too
        await pilot.press("tab")
        assert command.value == "ring"
        assert command.has_focus


async def test_the_sidebar_collapses_at_80_columns_and_f6_shows_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert not screen.query_one(Sidebar).display
        assert screen.query_one(StatusLine).display
        assert "Vestibule" in rendered(screen.query_one(StatusLine))
        await pilot.press("f6")
        await pilot.pause()
        assert screen.query_one(Sidebar).display
        assert not screen.query_one(StatusLine).display
        assert screen.query_one(CommandLine).has_focus
        await pilot.press("f6")
        await pilot.pause()
        assert not screen.query_one(Sidebar).display


async def test_the_sidebar_is_open_at_120_columns(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        assert screen.query_one(Sidebar).display
        assert not screen.query_one(StatusLine).display


async def test_the_title_screen_shows_progress_while_the_content_loads(saves):
    release = threading.Event()

    class SlowApp(ElysiumApp):
        def read_content(self):
            release.wait(10)
            return super().read_content()

    app = SlowApp(FIXTURE_WORLD, 0, (), saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = app.screen
        assert isinstance(title, TitleScreen)
        assert title.has_class("-loading")
        assert title.query_one(LoadingIndicator).display
        await pilot.press("n")  # nothing to start yet
        assert isinstance(app.screen, TitleScreen)
        release.set()
        await loaded(pilot)
        assert not title.has_class("-loading")
        assert "The Little Conservatory" in rendered(title.query_one("#pack-title"))


async def test_broken_content_is_reported_on_the_title_screen(make_app, tmp_path):
    pack = tmp_path / "broken"
    pack.mkdir()
    for source in FIXTURE_WORLD.glob("*.yaml"):
        (pack / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (pack / "extra.yaml").write_text("rooms:\n  attic:\n    name: Attic\n    description: Dusty.\n"
                                     "    exits:\n      down: vestibul\n", encoding="utf-8")
    app = make_app(pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.screen.has_class("-failed")
        assert "extra.yaml:6:" in rendered(app.screen.query_one("#problems"))
        await pilot.press("enter")  # the only button left is Quit
    assert app.return_code == 2


async def test_the_mods_in_play_are_named_before_the_opening(tmp_path, saves):
    """No mod is in play unseen: the story starts by naming each, with its version and folder."""
    mod = tmp_path / "pebble_mod"
    mod.mkdir()
    (mod / "pack.yaml").write_text("id: pebble_mod\nname: The [b]Pebble[/b]\nversion: 1.2.0\n", encoding="utf-8")
    app = ElysiumApp(FIXTURE_WORLD, 0, (mod,), saves)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        entries = screen.query_one(NarrativeLog).entries
        assert entries[0] == ("notice", f"You are playing with 1 mod: The Pebble (pebble_mod 1.2.0, from {mod}).")
        assert entries[1][0] == "reply" and "THE LITTLE CONSERVATORY" in entries[1][1]
        assert log_text(app).startswith("You are playing with 1 mod: The Pebble")
