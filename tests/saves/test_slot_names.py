"""Slot names are sanitised: whatever the player types after SAVE, RESTORE or DELETE, nothing is
written, read or deleted outside the saves folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from elysium.engine import Game
from elysium.state.saves import SUFFIX, SaveError, SaveSlots, shown_name, slot_name
from saves_support import folder_snapshot, new_game, play, quoted, save_files

SAFE = re.compile(r"^[a-z0-9_-]{1,40}$")

# typed name -> the readable part of its slot. A name that is a safe file name already (in any
# case) is its own slot; any other is that part, "-" and 8 hex digits of a hash of the name.
NAMES = {
    "../../x": "x",
    "..": "save",
    ".": "save",
    "../": "save",
    "/tmp/evil": "tmp-evil",
    "/etc/passwd": "etc-passwd",
    "a/b": "a-b",
    "a\\b": "a-b",
    "..\\..\\x": "x",
    "C:\\Windows\\evil": "c-windows-evil",
    "~/.bashrc": "bashrc",
    "%2e%2e%2fx": "2e-2e-2fx",
    "a\x00b": "ab",
    "a\nb": "a-b",
    "\x1b[31mred\x1b[0m": "31mred-0m",
    "tab\there": "tab-here",
    "\u202eevil": "evil",
    "x" * 1000: "x" * 31,  # a name is cut at 200 characters, and its slot at 40
    "": "quicksave",
    "   ": "quicksave",
    "---": "---",
    "My Save!": "my-save",
    "été": "t",
    "日本語": "save",
    "***": "save",
    "autosave": "autosave",
    "Autosave": "autosave",
    "quicksave": "quicksave",
}
OWN_SLOTS = {"", "   ", "---", "a\x00b", "autosave", "Autosave", "quicksave"}  # no hash: safe names already


def expected_slot(typed: str) -> re.Pattern:
    readable = re.escape(NAMES[typed])
    return re.compile(readable if typed in OWN_SLOTS else readable + "-[0-9a-f]{8}")


ABSOLUTE_TARGETS = [Path("/tmp/evil"), Path("/tmp/evil.save.json"), Path("/etc/passwd.save.json")]


@pytest.fixture
def deep_saves(tmp_path: Path) -> Path:
    """A saves folder two levels down, so that '../../x' would land inside tmp_path, where the test
    can see it."""
    folder = tmp_path / "home" / "player" / "saves"
    folder.mkdir(parents=True)
    return folder


def outside(tmp_path: Path, saves: Path) -> dict:
    """Everything under tmp_path but the saves folder, the names in tmp_path's parent (the other
    tests' folders), and whether the absolute targets exist."""
    seen: dict = {path: info for path, info in folder_snapshot(tmp_path).items()
                  if not (tmp_path / path).is_relative_to(saves)}
    seen["../"] = sorted(p.name for p in tmp_path.parent.iterdir())
    seen.update({str(path): path.exists() for path in ABSOLUTE_TARGETS})
    return seen


@pytest.mark.parametrize("typed", NAMES, ids=[repr(n)[:24] for n in NAMES])
def test_slot_name_is_always_a_plain_file_name(typed: str) -> None:
    slot = slot_name(typed)
    assert expected_slot(typed).fullmatch(slot), slot
    assert SAFE.match(slot)
    assert SaveSlots(Path("/saves")).path(typed) == Path("/saves") / f"{slot}{SUFFIX}"


@pytest.mark.parametrize("typed", NAMES, ids=[repr(n)[:24] for n in NAMES])
def test_writing_any_name_stays_inside_the_saves_folder(tmp_path: Path, deep_saves: Path, typed: str) -> None:
    game = new_game(deep_saves)
    before = outside(tmp_path, deep_saves)
    info = game.save(game.slots, typed)
    assert info.name == shown_name(typed)
    assert save_files(deep_saves) == [f"{slot_name(typed)}{SUFFIX}"]
    assert outside(tmp_path, deep_saves) == before
    assert SaveSlots(deep_saves).read(typed)["state"] == game.state


COMMANDS = ["save ../../x", "save /tmp/evil", "save a/b", "save a\\b", "save ..\\..\\evil",
            "save a\x00b", "save \x1b[2J", "save " + "y" * 500, "save", "save ~/x", "save .",
            "save C:\\evil", "save x; rm", "save /", "save \\"]


@pytest.mark.parametrize("line", COMMANDS, ids=[repr(c)[:24] for c in COMMANDS])
def test_the_save_command_writes_only_inside_the_saves_folder(tmp_path: Path, deep_saves: Path,
                                                              line: str) -> None:
    game = new_game(deep_saves)
    before = outside(tmp_path, deep_saves)
    reply = game.turn(line)
    assert game.errors == []
    assert reply.startswith("Saved as \u201c"), reply
    assert outside(tmp_path, deep_saves) == before
    names = save_files(deep_saves)
    assert len(names) == 1 and names[0].endswith(SUFFIX)
    assert SAFE.match(names[0][: -len(SUFFIX)])
    assert slot_name(names[0][: -len(SUFFIX)]) == names[0][: -len(SUFFIX)]


def test_restore_and_delete_never_reach_outside_the_saves_folder(tmp_path: Path, deep_saves: Path) -> None:
    """A save file just outside the folder, where '../x' would point, is neither read nor deleted."""
    decoy_maker = new_game(deep_saves.parent)
    play(decoy_maker, "n", "save x")  # deep_saves/../x.save.json
    decoy = deep_saves.parent / f"x{SUFFIX}"
    game = new_game(deep_saves)
    play(game, "e")
    before = outside(tmp_path, deep_saves)
    absolute = f"{deep_saves.parent}/x"
    assert "." not in absolute  # the parser would take a full stop for the end of a command
    for name in ("../x", "..\\x", absolute, "../x.save.json", str(decoy)):
        with pytest.raises(SaveError, match="There is no saved game called"):
            game.restore(game.slots, name)
        with pytest.raises(SaveError, match="There is no saved game called"):
            game.slots.delete(name)
    for line in (f"restore {absolute}", f"load {absolute}"):
        reply = game.turn(line)
        assert reply.startswith("There is no saved game called"), (line, reply)
    assert game.turn(f"delete {absolute}").startswith("Delete the saved game")
    assert game.turn("yes").startswith("There is no saved game called")
    assert game.errors == []
    assert game.state["location"] == "cloakroom"
    assert decoy.exists()
    assert outside(tmp_path, deep_saves) == before


def test_names_that_differ_only_outside_the_safe_letters_keep_their_own_slots(game: Game, saves: Path) -> None:
    play(game, "save a/b")
    play(game, "n", "save a\\b")
    assert len(save_files(saves)) == 2
    assert SaveSlots(saves).read("a/b")["state"]["location"] == "vestibule"
    assert SaveSlots(saves).read("a\\b")["state"]["location"] == "practice_hall"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_over_a_link_replaces_the_link_not_what_it_points_to(tmp_path: Path, saves: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("do not touch", encoding="utf-8")
    saves.mkdir()
    try:
        (saves / f"linked{SUFFIX}").symlink_to(target)
    except OSError:
        pytest.skip("cannot make symbolic links here")
    game = new_game(saves)
    play(game, "save linked", "yes")
    assert target.read_text(encoding="utf-8") == "do not touch"
    assert not (saves / f"linked{SUFFIX}").is_symlink()
    assert SaveSlots(saves).read("linked")["state"] == game.state


def test_a_very_long_name_is_cut_and_restores_by_the_same_name(game: Game, saves: Path) -> None:
    long = "the longest name anyone ever gave a saved game " * 20
    typed = long.replace("the ", "").replace(" a ", " ")  # the parser drops articles (see test_save_commands)
    [reply] = play(game, f"save {typed}")
    slot = slot_name(typed)
    assert len(slot) == 40 and reply.startswith(f"Saved as {quoted(shown_name(typed))}")
    [reply] = play(game, f"restore {typed}")
    assert reply.startswith("Restored")
