"""`elysium new-mod` makes a mod that works, and `--dev` reloads packs without losing the game."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from elysium.cli import main
from elysium.content import load_content
from elysium.content.watch import PackWatcher
from elysium.engine import Game
from elysium.transcript import run_paths

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


def test_new_mod_creates_a_mod_that_validates_and_whose_playthrough_passes(tmp_path, capsys):
    assert main(["new-mod", "Herb Garden", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "herb_garden"
    assert "created" in capsys.readouterr().out
    content = load_content(None, (folder,))
    assert content.rooms["fountain_court"].exits["northeast"].to == "herb_garden:herb_garden"
    assert content.warnings == ()
    out = io.StringIO()
    assert run_paths([folder / "tests"], out) == 0, out.getvalue()
    assert all(p.read_text().startswith("# yaml-language-server") for p in folder.glob("*.yaml"))


def test_new_mod_never_overwrites(tmp_path, capsys):
    assert main(["new-mod", "Herb Garden", "--dir", str(tmp_path)]) == 0
    assert main(["new-mod", "Herb Garden", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


@pytest.fixture
def pack(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "world"))


def test_the_watcher_notices_changed_added_and_removed_files(pack):
    watcher = PackWatcher([pack])
    assert watcher.changed() == []
    (pack / "extra.yaml").write_text("lore: {}\n")
    assert watcher.changed() == [pack / "extra.yaml"]
    (pack / "extra.yaml").unlink()
    assert watcher.changed() == [pack / "extra.yaml"]


def test_reloading_keeps_place_belongings_time_and_flags(pack):
    game = Game.new(pack, seed=1)
    game.opening()
    game.turn("take lantern. e. ring bell")
    before = {key: game.state[key] for key in ("location", "time", "flags", "score")}
    rooms = (pack / "rooms.yaml").read_text()
    (pack / "rooms.yaml").write_text(rooms.replace("name: Cloakroom", "name: The Cloakroom"))
    message = game.reload(load_content(pack))
    assert message == "(The content was reloaded: 1 room changed.)"
    assert {key: game.state[key] for key in before} == before
    assert game.state["items"]["lantern"]["at"] == "player"
    assert game.turn("look").startswith("The Cloakroom")
    assert game.errors == []


def test_a_room_that_disappears_sends_the_player_back_to_the_start(pack):
    from dataclasses import replace

    game = Game.new(pack, seed=1)
    game.opening()
    game.turn("e")
    assert game.state["location"] == "cloakroom"
    content = load_content(pack)
    without = replace(content, rooms={k: v for k, v in content.rooms.items() if k != "cloakroom"})
    message = game.reload(without)
    assert "1 room removed" in message
    assert "The place where you stood (cloakroom) is no longer in the game" in message
    assert game.state["location"] == content.game.start
