"""What a game can do to its state stays within what a saved game may hold (state/save_values.py),
whatever the content says: energy from 0 to 100 and skills from 0 to 100 even for a class that
gives energy back or takes skill away, and no thing ever inside itself, even when an effect asks
for it. So every game can be saved and restored."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from elysium.content.validate import Checker
from elysium.engine import Game
from elysium.state.saves import SaveSlots
from engine_walks import FIXTURE_WORLD

CARELESS_MOD = {
    "pack.yaml": "id: careless\nname: Careless Effects\nversion: 1.0.0\nrequires: [fixture_world]\n",
    "rules.yaml": """\
rules:
  chest_into_itself:
    "on": ring
    do:
      - move: fixture_world:oak_chest
        to: {in: fixture_world:oak_chest}
  basket_into_chest_and_chest_into_basket:
    "on": sing
    do:
      - move: fixture_world:wicker_basket
        to: {in: fixture_world:oak_chest}
      - move: fixture_world:oak_chest
        to: {"on": fixture_world:wicker_basket}
      - say: You hum to yourself.
""",
}


def saved_and_restored(game: Game, saves: Path) -> str:
    game.slots = SaveSlots(saves)
    game.turn("save check")
    return Game.from_content(game.content, 1).restore(game.slots, "check")


def test_a_class_that_gives_energy_back_and_takes_skill_away_keeps_both_in_range(tmp_path: Path) -> None:
    world = tmp_path / "world"
    shutil.copytree(FIXTURE_WORLD, world)
    data = yaml.safe_load((world / "world.yaml").read_text(encoding="utf-8"))
    data["classes"]["voice_training"].update(gain=-5, energy=-30)
    (world / "world.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    game = Game.new(world, seed=1)
    for line in ("n", "wait until 10:00", "attend"):
        game.turn(line)
    assert game.state["attended"] == ["voice_training@1"]
    assert (game.state["energy"], game.state["skills"]["voice"]) == (100, 0)
    assert game.errors == []
    assert "Practice Hall" in saved_and_restored(game, tmp_path / "saves")


def test_an_effect_never_puts_a_thing_inside_itself(tmp_path: Path, monkeypatch) -> None:
    # validate refuses the first rule; play must refuse it too, for content that never met that check
    monkeypatch.setattr(Checker, "check_move", lambda *args: None)
    mod = tmp_path / "careless"
    mod.mkdir()
    for name, text in CARELESS_MOD.items():
        (mod / name).write_text(text, encoding="utf-8")
    game = Game.new(FIXTURE_WORLD, seed=1, mods=(mod,))
    game.turn("ring")
    assert game.state["items"]["oak_chest"]["at"] == "vestibule"
    game.turn("sing")
    assert game.state["items"]["wicker_basket"]["at"] == "in:oak_chest"
    assert game.state["items"]["oak_chest"]["at"] == "vestibule"  # not on the basket that is in it
    assert game.errors == []
    assert "Vestibule" in saved_and_restored(game, tmp_path / "saves")
