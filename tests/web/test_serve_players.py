"""Two browsers on one `elysium serve`: each is its own player, with its own saves; the same
browser coming back finds its own games (issue 13 §2 and §6)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from browser import Browser
from elysium.state.saves import SaveSlots
from test_serve_page import serving

FIXTURE_WORLD = Path(__file__).parent.parent / "fixtures" / "world"


@pytest.fixture
def server(tmp_path: Path):
    with serving(tmp_path, "--content", str(FIXTURE_WORLD), "--no-mods") as address:
        yield address


async def new_game_then(tab, line: str, reply: str) -> None:
    """From the title screen: a new game, one line typed, its reply drawn, and the tab closed."""
    await tab.wait_for("New game")
    await tab.press("n")
    await tab.wait_for("What do you do")
    await tab.type_line(line)
    await tab.wait_for(reply)
    await tab.close()


def saves_of(tmp_path: Path) -> dict[str, set[str]]:
    """Each player's folder and the saves in it."""
    return {folder.name: {info.name for info in SaveSlots(folder).list()}
            for folder in (tmp_path / "players").iterdir()}


def test_two_browsers_never_see_each_others_games(server: str, tmp_path: Path) -> None:
    async def play() -> None:
        async with Browser(server) as alice, Browser(server) as bob:
            tab = await alice.open_tab()
            await new_game_then(tab, "save alices game", "Saved as")

            theirs = await bob.open_tab()
            title = await theirs.wait_for("No saved games yet")
            assert "alices" not in title
            await new_game_then(theirs, "save bobs game", "Saved as")

            # Alice again, in a new tab: her own game is there, Bob's is not.
            again = await alice.open_tab()
            title = await again.wait_for("Continue")
            await again.press("l")
            listing = await again.wait_for("alices game")
            assert "bobs game" not in listing
            await again.close()

    asyncio.run(play())
    folders = saves_of(tmp_path)
    assert len(folders) == 2
    assert sorted(folders.values(), key=sorted) == sorted([{"alices game", "autosave"}, {"bobs game", "autosave"}],
                                                          key=sorted)


def test_a_closed_tab_autosaves_its_last_move(server: str, tmp_path: Path) -> None:
    async def play() -> None:
        async with Browser(server) as player:
            await new_game_then(await player.open_tab(), "n", "What do you do")

    asyncio.run(play())
    deadline = time.monotonic() + 20
    while not list((tmp_path / "players").glob("*/autosave.save.json")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list((tmp_path / "players").glob("*/autosave.save.json"))
