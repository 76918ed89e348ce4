"""Content with markup in it: the safe styles show, everything else is shown as written.

A pack's names, descriptions, lore, classes and help may contain `[@click=...]` actions, links,
unknown tags and stray brackets; none of it may run, and no screen may crash on it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.tui.screens.game import GameScreen
from elysium.tui.widgets import CampusMap, InventoryPanel, LocationPanel, NarrativeLog
from tui_support import play, start

EVIL = "[@click=app.quit]x[/]"

PACK = {
    "pack.yaml": f"""\
        id: hostile
        name: Hostile
        version: 0.1.0
        game:
          title: '[b]Bold[/b] {EVIL} Title ['
          subtitle: '[link=https://example.com]a link[/link]'
          intro: '[/] [bold [red]red[/red] {EVIL} \\[b] [on red]x[/]'
          help: 'Pack help {EVIL} [/]'
          start: hall
          features: [clock, energy, standing, classes, recitals, lore, sleep]
        """,
    "rooms.yaml": f"""\
        rooms:
          hall:
            name: '[red]Hall[/red] {EVIL}'
            description: 'A hall. [i]Quiet[/i]. [@click=app.bell]ring[/] [/]'
            position: [0, 0]
            exits:
              east: yard
          yard:
            name: 'Yard [/] ['
            description: '[link=file:///etc/passwd]Open[/link] sky.'
            position: [1, 0]
            exits:
              west: hall
        """,
    "items.yaml": f"""\
        items:
          trinket:
            name: '[b]odd[/b] trinket {EVIL}'
            nouns: [trinket]
            description: 'It says {EVIL}.'
            location: hall
            lore: old_tale
        """,
    "lore.yaml": f"""\
        lore:
          old_tale:
            title: '[@click=app.quit]Tale[/] of [b]old[/b]'
            text: '[i]Once[/i] {EVIL} upon [/] a time ['
        classes:
          odd_class:
            name: '[red]Odd[/red] {EVIL}'
            instructor: keeper
            room: hall
            days: [Moonday]
            start: "09:00"
            end: "10:00"
            skill: '[b]lore'
        npcs:
          keeper:
            name: '[@click=app.quit]Keeper[/]'
            nouns: [keeper]
            description: '{EVIL}'
            location: yard
        """,
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, text in PACK.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


async def test_markup_in_content_is_shown_literally_and_never_runs(make_app, hostile):
    app = make_app(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(pilot)
        log = screen.query_one(NarrativeLog)
        assert EVIL in log.text and "[bold" in log.text and "[on red]x[/]" in log.text
        assert "[red]red[/red]" not in log.text and "red" in log.text
        assert EVIL in str(screen.query_one(LocationPanel).render())
        await play(pilot, "take trinket")
        await play(pilot, "x trinket")
        assert EVIL in str(screen.query_one(InventoryPanel).render())
        await play(pilot, "e")
        assert "Yard [/] [" in str(screen.query_one(LocationPanel).render())
        assert "Yard" in str(screen.query_one(CampusMap).render())
        for target in ("#location", "#map", "#inventory", "#log"):
            await pilot.click(target)
        for key in ("f1", "f2", "f3", "f4", "ctrl+s", "ctrl+o", "f9"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.click("#dialog")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, GameScreen)
        assert app.is_running
