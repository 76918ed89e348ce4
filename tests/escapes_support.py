"""A pack and a saved game whose every text carries terminal escape sequences, for the tests that
show no control character ever reaches a screen (issue 11).

`write_pack(folder)` writes a small, complete game whose texts hold PAYLOAD: the issue's repro
(OSC 52 writing the clipboard, OSC 0 retitling the window), BEL, BS, NUL, C1 CSI clearing the
screen, C1 OSC, and an OSC 8 hyperlink. `elysium validate` refuses it; `unchecked` lets it load as
content that slipped past validation would (a stale compiled cache, a loader bug), so that each
front-end's own guard is what is tested. `write_hostile_save(folder)` writes a save of the fixture
world, with a matching checksum, whose summary, pack id and file name carry escapes too.

Importable by name from any test file: tests/ is on sys.path through tests/conftest.py.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from elysium.content import yamlsafe
from elysium.content.styles import CONTROL
from elysium.engine import Game
from elysium.state.saves import SUFFIX, SaveSlots, checksum

FIXTURE_WORLD = Path(__file__).resolve().parent / "fixtures" / "world"

# As YAML writes it, inside double quotes.
PAYLOAD = ("\\e]52;c;ZWNobyBwd25lZA==\\e\\\\ \\e]0;PWNED\\e\\\\ \\a\\b\\0 \\x9b2J \\x9d2;PWNED\\a "
           "\\e]8;;https://pwned.example/\\e\\\\link\\e]8;;\\e\\\\")
CLIPBOARD = "ZWNobyBwd25lZA=="  # base64 of "echo pwned"

PACK = {
    "pack.yaml": f"""\
        id: hostile
        name: "Hostile {PAYLOAD}"
        version: 0.1.0
        game:
          title: "Title {PAYLOAD}"
          subtitle: "Subtitle {PAYLOAD}"
          intro: "Intro {PAYLOAD}"
          help: "Help {PAYLOAD}"
          start: hall
          features: [clock, energy, standing, classes, recitals, lore, sleep]
          start_time: "09:00"
          days: ["Moon\\eday", "Sun\\aday"]
          max_score: 5
        """,
    "rooms.yaml": f"""\
        rooms:
          hall:
            name: "Hall {PAYLOAD}"
            description:
              - if: {{period: night}}
                text: "Night {PAYLOAD}"
              - text: "Day {PAYLOAD}"
            position: [0, 0]
            exits:
              east: yard
          yard:
            name: "Yard\\e]0;PWNED\\a"
            description: "Yard {PAYLOAD}"
            position: [1, 0]
            exits:
              west: hall
        """,
    "items.yaml": f"""\
        items:
          sign:
            name: "sign\\e[2J"
            nouns: [sign]
            description: "Sign {PAYLOAD}"
            text: "Writing {PAYLOAD}"
            location: hall
            lore: tale
          trinket:
            name: "trinket\\e]0;PWNED\\a"
            nouns: [trinket]
            description: "Trinket {PAYLOAD}"
            location: hall
            rules:
              - on: take
                do:
                  - say: "Taken {PAYLOAD}"
                  - score: 1
                continue: true
        """,
    "people.yaml": f"""\
        npcs:
          keeper:
            name: "keeper\\x9b2J"
            nouns: [keeper]
            description: "Keeper {PAYLOAD}"
            location: hall
            topics:
              wall:
                text: "Wall {PAYLOAD}"
        lore:
          tale:
            title: "Tale {PAYLOAD}"
            text: "Once {PAYLOAD}"
        classes:
          lute:
            name: "Lute {PAYLOAD}"
            instructor: keeper
            room: yard
            days: ["Moon\\eday"]
            start: "10:00"
            end: "11:00"
            skill: "lute\\e]0;PWNED\\a"
        recitals:
          showcase:
            name: "Showcase {PAYLOAD}"
            stage: yard
            day: 2
            time: "18:00"
        """,
}


def write_pack(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in PACK.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Content with control characters loads, as if validation had missed them; nothing is cached."""
    monkeypatch.setattr(yamlsafe.Document, "control_problems", lambda self: [])
    monkeypatch.setenv("ELYSIUM_CACHE", "off")


# Run in a child process (`python -c UNCHECKED_MAIN play ...`): `elysium` with `unchecked` in force.
UNCHECKED_MAIN = ("import sys; from elysium.content import yamlsafe; "
                  "yamlsafe.Document.control_problems = lambda self: []; "
                  "from elysium.cli import main; sys.exit(main(sys.argv[1:]))")

HOSTILE_SAVE = "evil"
HOSTILE_FILE_NAME = "evil\x1b]0;PWNED\x07"  # a file name may hold any byte but / and NUL


def write_hostile_save(folder: Path) -> str:
    """Two saves of the fixture world whose summary location and pack id carry escapes, with
    checksums that match: HOSTILE_SAVE, and a copy whose file name carries them too."""
    game = Game.new(FIXTURE_WORLD, seed=0)
    slots = SaveSlots(folder)
    game.save(slots, HOSTILE_SAVE)
    path = slots.path(HOSTILE_SAVE)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["summary"]["location"] = "Vestibule\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\x9b2J"
    body["packs"][0]["id"] = "fixture_world\x1b]0;PWNED\x07"
    body["checksum"] = checksum(body)
    text = json.dumps(body, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    (folder / f"{HOSTILE_FILE_NAME}{SUFFIX}").write_text(text, encoding="utf-8")
    return HOSTILE_SAVE


def controls_in(text: str) -> list[str]:
    """The control characters in `text` (newline and tab are text), for a readable failure."""
    return sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
