"""Light, darkness and devices beyond what the transcripts in tests/playthroughs/light play.

- docs/content.md's "Light and darkness" shows the light pack's own bar.yaml, and its fragment
  loads and plays as the text says;
- `validate` refuses a darkness condition that would ask itself or roll dice, a switch of
  something that is no device, and `lit:` on a device that gives light;
- every sentence about light is the game's to reword;
- a save keeps what effects did to rooms and devices, and restores it;
- content that slipped past validation with a room whose darkness asks itself does not hang.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content.yamlsafe import parse_document
from elysium.engine import Game
from elysium.state import places
from elysium.state.saves import SaveSlots

ROOT = Path(__file__).resolve().parents[2]
LIGHT_PACK = ROOT / "tests" / "fixtures" / "light"
GUIDE = ROOT / "docs" / "content.md"

MANIFEST = """\
id: tiny
name: Tiny
version: 0.1.0
game:
  title: Tiny
  intro: You arrive.
  start: porch
"""

PORCH = """\
rooms:
  porch:
    name: Porch
    description: A porch.
    exits: {down: cellar}
"""


def section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text[text.index("## Light and darkness"):text.index("\n## ", text.index("## Light and darkness") + 1)]


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def pack(tmp_path: Path, manifest: str = MANIFEST, **files: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(manifest)
    (folder / "porch.yaml").write_text(PORCH)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text))
    return folder


def play(folder: Path, *lines: str) -> list[str]:
    game = Game.new(folder, seed=1)
    game.opening()
    return [game.turn(line) for line in lines]


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(p) for p in caught.value.problems]


def test_the_guide_shows_the_light_pack_bar_as_it_is():
    first = yaml_blocks(section())[0]
    assert first == (LIGHT_PACK / "bar.yaml").read_text(encoding="utf-8")


def test_the_guides_fragment_loads_and_plays_as_it_says(tmp_path):
    fragment = yaml_blocks(section())[1]
    parse_document(fragment, "fragment.yaml")  # plain YAML, before the engine reads it
    fragment = fragment.replace("    name: electric lamp\n", "    name: electric lamp\n    location: porch\n")
    fragment = fragment.replace("    dark: {not: {switched_on: light_switch}}\n",
                                "    dark: {not: {switched_on: light_switch}}\n    exits: {up: porch}\n")
    folder = pack(tmp_path, lamp=fragment)
    down, switched, looked = play(folder, "down", "turn on switch", "look")
    assert down.startswith("Darkness")
    assert "You switch the light switch on." in switched and "A damp cellar" in switched
    assert looked.startswith("Cellar")


@pytest.mark.parametrize("condition, message", [
    ("{dark: true}", "a room's darkness cannot depend on 'dark'"),
    ("{not: {here: cloak}}", "a room's darkness cannot depend on 'here'"),
    ("{any: [{flag: x}, {chance: 50}]}", "a room's darkness cannot depend on 'chance'"),
])
def test_a_darkness_condition_cannot_ask_itself_or_the_dice(tmp_path, condition, message):
    folder = pack(tmp_path, cellar=f"""\
        rooms:
          cellar:
            name: Cellar
            description: Damp.
            dark: {condition}
        """)
    found = problems(folder)
    assert any(message in p and "cellar.yaml:5:" in p for p in found), found


def test_only_a_device_is_switched(tmp_path):
    folder = pack(tmp_path, things="""\
        items:
          box:
            name: box
            description: A box.
            location: porch
        rules:
          kick_box:
            "on": take
            object: box
            if: {switched_on: box}
            do: [{switch_on: box}]
        """)
    found = problems(folder)
    assert sum("'box' is not a device" in p for p in found) == 2, found


def test_a_device_that_gives_light_says_switched_on_not_lit(tmp_path):
    folder = pack(tmp_path, things="""\
        items:
          torch:
            name: torch
            description: A torch.
            location: porch
            light: true
            device: true
            lit: true
        """)
    assert any("say switched_on, not lit" in p for p in problems(folder))


def test_every_sentence_about_light_is_the_games_to_reword(tmp_path):
    manifest = MANIFEST + textwrap.indent(textwrap.dedent("""\
          messages:
            light.darkness_name: Pitch Black
            light.dark_room:
              - if: {in: cellar}
                text: You smell damp earth.
              - text: You see nothing.
            light.goes_dark: The lamp dies.
            light.switched_on: Click. {The noun} {is} on now.
            light.switched_off: Clack.
            light.blunder: "{Direction}? A wall."
        """), "  ")
    folder = pack(tmp_path, manifest, things="""\
        items:
          lamp:
            name: lamp
            description: A lamp.
            location: player
            light: true
            device: true
        rooms:
          cellar:
            name: Cellar
            description: A cellar.
            dark: true
            exits: {up: porch}
        """)
    down, blundered, on, off = play(folder, "down", "north", "turn on lamp", "turn off lamp")
    assert down == "Pitch Black\nYou smell damp earth."
    assert blundered == "North? A wall."
    assert on.startswith("Click. The lamp is on now.") and "A cellar." in on
    assert off == "Clack.\n\nThe lamp dies.\nPitch Black\nYou smell damp earth."


def test_a_save_keeps_rooms_and_devices_as_effects_left_them(tmp_path):
    game = Game.new(LIGHT_PACK, seed=1)
    game.slots = SaveSlots(tmp_path / "saves")
    game.opening()
    for line in ("turn on radio", "e", "clap"):
        game.turn(line)
    assert game.state["lighting"] == {"vault": False}
    game.turn("save here")
    fresh = Game.new(LIGHT_PACK, seed=1)
    fresh.slots = game.slots
    fresh.opening()
    restored = fresh.turn("restore here")
    assert "Darkness" in restored
    assert fresh.state["lighting"] == {"vault": False}
    assert fresh.state["items"]["radio"]["switched_on"] is True


def test_a_darkness_that_asks_itself_past_validation_does_not_hang():
    game = Game.new(LIGHT_PACK, seed=1)
    cellar = game.content.rooms["cellar"]
    game.content.rooms["cellar"] = dataclasses.replace(cellar, dark={"not": {"dark": True}})
    game.state["location"] = "cellar"
    assert places.has_light(game.state, game.content, "cellar") in (True, False)
    assert game.turn("look")
