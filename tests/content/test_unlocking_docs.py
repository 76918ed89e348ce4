"""docs/content.md, "Locked doors and the key in hand": its example unlocks on the way with the key in
hand, and a game that says `unlocks_with_held_key: false` keeps the door locked until UNLOCK."""

from __future__ import annotations

from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game

from docs_examples import guide_example


def _pack(folder: Path, *game_lines: str) -> Path:
    text = guide_example("a locked door")
    manifest = ["id: docs_shed", "name: Docs shed", "version: 1.0.0", "game:", "  title: Docs shed",
                "  intro: Hello.", "  start: foyer", "  features: []", *(f"  {line}" for line in game_lines)]
    (folder / "pack.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    (folder / "example.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_key_in_hand_unlocks_the_door_on_the_way(tmp_path: Path) -> None:
    folder = _pack(tmp_path)
    assert load_content(folder).warnings == ()
    game = Game.new(folder)
    game.opening()
    assert game.turn("n").splitlines()[:3] == [
        "(first unlocking the shed door with the shed key)", "(first opening the shed door)", "Shed"]
    assert game.state["items"]["shed_door"]["locked"] is False


def test_a_game_can_turn_unlocking_on_the_way_off(tmp_path: Path) -> None:
    game = Game.new(_pack(tmp_path, "unlocks_with_held_key: false"))
    game.opening()
    assert game.turn("n") == "The shed door is locked."
    assert game.turn("open door") == "The shed door is locked."
    assert game.turn("unlock door").startswith("(with the shed key)")
    assert game.turn("n").splitlines()[:2] == ["(first opening the shed door)", "Shed"]
