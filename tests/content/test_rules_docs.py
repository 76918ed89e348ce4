"""The examples of docs/content.md's "Rules" and "Named states" load and play as the text says."""

from __future__ import annotations

from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game

from docs_examples import guide_example

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = """\
id: docs_example
name: Docs example
version: 1.0.0
game:
  title: Docs example
  intro: Hello.
  start: foyer
"""


def pack(tmp_path: Path, *texts: str) -> Path:
    (tmp_path / "pack.yaml").write_text(MANIFEST)
    for n, text in enumerate(texts):
        (tmp_path / f"part{n}.yaml").write_text(text)
    return tmp_path


def test_the_rules_example_plays_cloak_of_darknesss_bar(tmp_path):
    folder = pack(tmp_path, guide_example("rules"))
    assert load_content(folder).warnings == ()
    game = Game.new(folder)
    assert "Exits: south." in game.opening()
    assert "weather outside" in game.turn("n")
    assert "You stoop.\nTaken.\nThat makes 0 disturbances so far." in game.turn("take coin")
    game.turn("s")
    assert game.turn("w") == "Blundering around in the dark isn't a good idea!"
    assert game.turn("i") == "In the dark? You could easily disturb something!"
    assert "disturb" not in game.turn("look")
    assert game.state["counters"]["disturbed"] == 3


def test_the_named_states_example_plays(tmp_path):
    room = """\
rooms:
  foyer:
    name: Foyer
    description: "The barman looks {state mood}."
    exits: {south: bar}
  bar: {name: Bar, description: A bar., exits: {north: foyer}}
items:
  bell: {name: bell, description: A bell., location: foyer, portable: false}
"""
    folder = pack(tmp_path, guide_example("named states"), room)
    game = Game.new(folder)
    assert "The barman looks calm." in game.opening()
    game.turn("take bell")
    game.turn("take bell")
    assert game.state["states"] == {"mood": "furious"}
    assert game.turn("s") == "The barman is furious: you think better of going in."
