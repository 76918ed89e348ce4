"""Saves made with other content: another game, a mod that is not loaded, a pack that has changed
since (a room or an item gone), a mod loaded now that was not then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from elysium.engine import Game
from elysium.state.saves import SaveError
from elysium.state.saved_history import REST_ABSENT
from elysium.state.store import copy_state
from saves_support import (FIXTURE_WORLD, folder_snapshot, new_game, play, quoted, read_body, state_of, world,
                           write_body)

CHANGED = "(This game was saved with a different fixture_world (its files have changed); " \
          "what no longer exists has been left out.)"
ROOM_GONE = "The place where you stood (garden) is no longer in the game; you find yourself at Vestibule."
HANDS_EMPTIED = "No longer in the game, and gone from your hands:"

GARDEN = """\
rooms:
  garden:
    name: Walled Garden
    position: [2, 0]
    description: A little walled garden behind the cloakroom, gone to seed.
    exits:
      west: cloakroom
items:
  trowel:
    name: garden trowel
    nouns: [trowel]
    adjectives: [garden]
    location: garden
    description: A rusty garden trowel.
"""

PEBBLE_MOD = {
    "pack.yaml": "id: pebble_mod\nname: The Pebble\nversion: 1.0.0\nrequires: [fixture_world]\n",
    "pebble.yaml": ("items:\n  pebble:\n    name: smooth pebble\n    nouns: [pebble]\n"
                    "    adjectives: [smooth]\n    location: fixture_world:vestibule\n"
                    "    description: A smooth grey pebble.\n"),
}


@pytest.fixture
def world_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "world"
    shutil.copytree(FIXTURE_WORLD, folder)
    return folder


@pytest.fixture
def pebble_mod(tmp_path: Path) -> Path:
    folder = tmp_path / "mods" / "pebble_mod"
    folder.mkdir(parents=True)
    for name, text in PEBBLE_MOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def add_garden(world: Path) -> None:
    """A walled garden east of the cloakroom, with a trowel in it."""
    (world / "garden.yaml").write_text(GARDEN, encoding="utf-8")
    rooms = yaml.safe_load((world / "rooms.yaml").read_text(encoding="utf-8"))
    rooms["rooms"]["cloakroom"]["exits"]["east"] = "garden"
    (world / "rooms.yaml").write_text(yaml.safe_dump(rooms, sort_keys=False), encoding="utf-8")


def remove_garden(world: Path) -> None:
    (world / "garden.yaml").unlink()
    shutil.copy(FIXTURE_WORLD / "rooms.yaml", world / "rooms.yaml")


def remove_item(world: Path, item: str) -> None:
    items = yaml.safe_load((world / "items.yaml").read_text(encoding="utf-8"))
    del items["items"][item]
    (world / "items.yaml").write_text(yaml.safe_dump(items, sort_keys=False), encoding="utf-8")


# -- another game, a missing mod ------------------------------------------------------------------

def test_a_save_of_another_game_is_refused_with_the_reason(game: Game, saves: Path) -> None:
    play(game, "take lantern", "save conservatory")
    other = new_game(saves, content=None)  # the default game, Starred Blocks
    before, files = state_of(other), folder_snapshot(saves)
    reply = other.turn("restore conservatory")
    assert reply == (f"That game was saved with the pack {quoted('fixture_world')}, "
                     f"not {quoted(other.content.pack.id)}.")
    assert other.errors == []
    assert world(other.state) == world(before)
    assert folder_snapshot(saves) == files


def test_a_save_of_another_game_is_refused_by_game_restore(game: Game, saves: Path) -> None:
    play(game, "save conservatory")
    other = new_game(saves, content=None)
    before = state_of(other)
    with pytest.raises(SaveError, match="saved with the pack"):
        other.restore(other.slots, "conservatory")
    assert other.state == before


def test_a_save_with_a_mod_that_is_not_loaded_is_refused_and_says_to_load_it(
        saves: Path, pebble_mod: Path) -> None:
    modded = new_game(saves, mods=(pebble_mod,))
    play(modded, "take pebble", "save pebble")
    plain = new_game(saves)
    play(plain, "n")
    before = state_of(plain)
    reply = plain.turn("restore pebble")
    assert reply == (f"That game was saved with the mod {quoted('pebble_mod')}, which is not loaded now. "
                     "Load it with --mod (or put it in the mods folder) to restore this game.")
    assert plain.errors == []
    assert world(plain.state) == world(before)


def test_a_save_with_a_mod_restores_when_the_mod_is_loaded(saves: Path, pebble_mod: Path) -> None:
    modded = new_game(saves, mods=(pebble_mod,))
    play(modded, "take pebble", "save pebble")
    again = new_game(saves, mods=(pebble_mod,))
    [reply] = play(again, "restore pebble")
    assert reply.startswith(f"Restored {quoted('pebble')}.\n\nVestibule")  # no notes: nothing differs
    [inventory] = play(again, "i")
    assert "smooth pebble" in inventory


def test_restoring_with_a_new_mod_loaded_says_so(game: Game, saves: Path, pebble_mod: Path) -> None:
    play(game, "take lantern", "save before-mod")
    modded = new_game(saves, mods=(pebble_mod,))
    [reply] = play(modded, "restore before-mod")
    assert reply.startswith("Restored")
    assert "(Loaded now but not when this game was saved: pebble_mod.)" in reply
    assert "(This game was saved with a different" not in reply
    [inventory] = play(modded, "i")
    assert "brass lantern" in inventory
    [look] = play(modded, "look")
    assert "pebble" in look  # the mod's things are there, where the mod puts them


def test_the_command_line_refuses_a_save_that_needs_a_mod(tmp_path: Path, pebble_mod: Path) -> None:
    from saves_support import play_plain, replies

    saves = tmp_path / "saves"
    modded = new_game(saves, mods=(pebble_mod,))
    play(modded, "take pebble", "save pebble")
    shutil.move(str(pebble_mod), str(tmp_path / "elsewhere"))  # out of the mods folder beside saves/
    result = play_plain(saves, "--load", "pebble", stdin="")
    assert result.returncode == 0
    assert "which is not loaded now. Load it with --mod" in result.stderr
    assert "Starting a new game instead." in result.stderr
    assert replies(result.stdout)[0].startswith("THE LITTLE CONSERVATORY")
    with_mod = play_plain(saves, "--load", "pebble", "--mod", str(tmp_path / "elsewhere"), stdin="i\n")
    assert with_mod.stderr == ""
    assert "smooth pebble" in replies(with_mod.stdout)[1]


# -- a changed pack -------------------------------------------------------------------------------

def test_a_changed_pack_with_nothing_gone_loads_and_says_it_changed(world_copy: Path, saves: Path) -> None:
    game = new_game(saves, content=world_copy)
    play(game, "take lantern", "n", "save mine")
    saved = state_of(game)
    text = (world_copy / "items.yaml").read_text(encoding="utf-8")
    (world_copy / "items.yaml").write_text(text.replace("A brass lantern, unlit.", "A dull brass lantern."),
                                           encoding="utf-8")
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore mine")
    assert reply.startswith(f"Restored {quoted('mine')}.\n\n{CHANGED}\nPractice Hall")
    assert later.state == saved


def test_a_new_version_of_the_pack_says_which_versions(world_copy: Path, saves: Path) -> None:
    game = new_game(saves, content=world_copy)
    play(game, "save mine")
    pack = world_copy / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("version: 0.1.0", "version: 0.2.0"),
                    encoding="utf-8")
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore mine")
    assert "(This game was saved with a different fixture_world (version 0.1.0 then, 0.2.0 now); " \
           "what no longer exists has been left out.)" in reply


def test_a_room_the_player_is_not_in_is_gone(world_copy: Path, saves: Path) -> None:
    add_garden(world_copy)
    game = new_game(saves, content=world_copy)
    play(game, "take lantern", "e", "e", "w", "w", "save mine")  # visited the garden, back in the vestibule
    saved = state_of(game)
    remove_garden(world_copy)
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore mine")
    assert reply.startswith(f"Restored {quoted('mine')}.\n\n{CHANGED}\nNo longer in the game: "), reply
    assert ROOM_GONE not in reply and HANDS_EMPTIED not in reply
    assert later.state["location"] == "vestibule"
    assert later.state["items"]["lantern"] == saved["items"]["lantern"]
    assert "trowel" not in later.state["items"]
    assert later.state["time"] == saved["time"] and later.state["turn"] == saved["turn"]
    [reply] = play(later, "e")
    assert "Exits: west." in reply  # no way east into a garden that is not there
    for _ in range(6):  # "e", then the five saved moves
        play(later, "undo")  # the saved history fits the new content too
    assert later.state["location"] == "vestibule" and later.state["turn"] == 0


def test_the_room_the_player_is_in_is_gone(world_copy: Path, saves: Path) -> None:
    add_garden(world_copy)
    game = new_game(saves, content=world_copy)
    play(game, "take lantern", "e", "e", "save in the garden")
    saved = state_of(game)
    assert saved["location"] == "garden"
    remove_garden(world_copy)
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore in the garden")
    assert CHANGED in reply
    assert ROOM_GONE in reply
    assert later.state["location"] == later.content.game.start == "vestibule"
    assert reply.endswith(new_game(None).turn("look").replace("A brass lantern sits by the cellar door.\n", ""))
    [inventory] = play(later, "i")
    assert "brass lantern" in inventory  # what still exists is kept
    assert later.state["time"] == saved["time"]
    [undo] = play(later, "undo")
    assert undo.startswith("You take back") and later.state["location"] in later.content.rooms


def test_an_item_the_player_carries_is_gone(world_copy: Path, saves: Path) -> None:
    game = new_game(saves, content=world_copy)
    play(game, "take beads", "take lantern", "n", "save mine")
    remove_item(world_copy, "glass_beads")
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore mine")
    assert CHANGED in reply and HANDS_EMPTIED in reply
    assert ROOM_GONE not in reply
    assert "glass_beads" not in later.state["items"]
    assert later.state["location"] == "practice_hall"
    [inventory] = play(later, "i")
    assert "brass lantern" in inventory and "beads" not in inventory


def test_an_item_in_a_room_that_is_gone_goes_back_where_the_content_starts_it(
        world_copy: Path, saves: Path) -> None:
    add_garden(world_copy)
    game = new_game(saves, content=world_copy)
    play(game, "take lantern", "e", "e", "drop lantern", "w", "w", "save mine")
    remove_garden(world_copy)
    later = new_game(saves, content=world_copy)
    play(later, "restore mine")
    assert later.state["items"]["lantern"]["at"] == "vestibule"  # where the lantern starts


def test_a_pack_change_that_makes_a_save_unusable_changes_nothing(world_copy: Path, saves: Path) -> None:
    """The game pack's id changed: the save is refused, with the reason, and nothing changes."""
    game = new_game(saves, content=world_copy)
    play(game, "save mine")
    pack = world_copy / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("id: fixture_world", "id: renamed_world"),
                    encoding="utf-8")
    later = new_game(saves, content=world_copy)
    play(later, "n")
    before = state_of(later)
    reply = later.turn("restore mine")
    assert reply == f"That game was saved with the pack {quoted('fixture_world')}, not {quoted('renamed_world')}."
    assert later.errors == [] and world(later.state) == world(before)


def test_the_notes_name_what_no_longer_exists(world_copy: Path, saves: Path) -> None:
    add_garden(world_copy)
    game = new_game(saves, content=world_copy)
    play(game, "e", "e", "take trowel", "w", "w", "save mine")
    remove_garden(world_copy)
    later = new_game(saves, content=world_copy)
    [reply] = play(later, "restore mine")
    notes = reply.split("\nVestibule\n")[0].lower()  # what is said before the room
    assert "garden" in notes and "trowel" in notes, notes


def test_a_history_written_as_changes_fits_new_content_as_the_same_history_written_whole(
        world_copy: Path, saves: Path) -> None:
    """Older steps inherit from the next one what they did not change (saved_history.py), fitted
    already: two steps in a garden that is gone both stand at the start again, as each would."""
    add_garden(world_copy)
    game = new_game(saves, content=world_copy)
    play(game, "take lantern", "e", "e", "wait", "wait", "w", "w", "save mine")
    body = read_body(saves, "mine")
    assert any(REST_ABSENT in step for step in body["history"])
    write_body(saves, "whole", {**body, "history": copy_state(game.history.checkpoints())})
    remove_garden(world_copy)
    changes, whole = new_game(saves, content=world_copy), new_game(saves, content=world_copy)
    play(changes, "restore mine")
    play(whole, "restore whole")
    assert changes.history.checkpoints() == whole.history.checkpoints()
    assert [step["rest"]["location"] for step in changes.history.checkpoints()] == \
        ["vestibule", "vestibule", "cloakroom", "vestibule", "vestibule", "vestibule", "cloakroom"]
