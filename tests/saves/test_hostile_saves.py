"""The hostile saves of hostile.py in plain mode: RESTORE and SAVES in a running game, and
`elysium play --load NAME` and `--continue` (in this process, through cli.main; the files that
could hold a process up, again in a process of their own, with a timeout). Each is refused with its
message, the game goes on exactly as it was (or a new one starts), and nothing prints a traceback.
The same corpus meets the TUI in tests/tui/test_tui_hostile_saves.py.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from elysium import cli
from elysium.content import yamlsafe
from elysium.content.styles import first_control
from elysium.engine import Game
from elysium.state.saves import SUFFIX, SaveSlots
from elysium.state.store import copy_state
from hostile import BY_NAME, CASES, Hostile, fifo, link_to_a_good_save, link_to_dev_zero, make_corpus
from saves_support import FIXTURE_WORLD, folder_snapshot, new_game, play, play_plain, read_body, replies, state_of, world

OPENING = "THE LITTLE CONSERVATORY"
CONTINUING_GOOD = "Continuing \u201cgood\u201d, the newest saved game that can be read."
IDS = [case.name for case in CASES]


@pytest.fixture
def good(game: Game, saves: Path) -> dict:
    """A real save, "good", with undo steps in it; its body."""
    play(game, "take lantern", "open chest", "n", "save good", "s")
    return read_body(saves, "good")


def run_cli(saves: Path, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(["play", "--plain", "--seed", "1", "--content", str(FIXTURE_WORLD), "--saves", str(saves), *args])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_restore_refuses_it_and_the_game_goes_on_as_it_was(game: Game, saves: Path, good: dict,
                                                           case: Hostile) -> None:
    make_corpus(saves, good, [case])
    state, history = state_of(game), copy_state(game.history.checkpoints())
    before = folder_snapshot(saves)
    reply = game.turn(f"restore {case.name}")
    assert reply == case.message()
    assert game.errors == []
    assert world(game.state) == world(state)
    assert game.history.checkpoints() == history
    assert folder_snapshot(saves) == before
    [undo] = play(game, "undo")
    assert undo.startswith("You take back")


def test_saves_lists_every_save_it_can_read_and_prints_nothing_from_the_others(
        game: Game, saves: Path, good: dict) -> None:
    make_corpus(saves, good)
    (saves / f"\x1b[2J{SUFFIX}").write_text(json.dumps(good), encoding="utf-8")  # no slot's name
    (saves / f"Good{SUFFIX}").write_text(json.dumps(good), encoding="utf-8")
    [reply] = play(game, "saves")
    listed = {line.split(":")[0].strip() for line in reply.splitlines()[1:]}
    assert listed == {"good"} | {case.name for case in CASES if case.listed}
    assert first_control(reply) is None
    assert [info.name for info in SaveSlots(saves).list()][-1] == "good"  # the value cases are newer


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_load_on_the_command_line_refuses_it_and_starts_a_new_game(
        saves: Path, good: dict, case: Hostile, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus(saves, good, [case])
    assert run_cli(saves, monkeypatch, "--load", case.name, stdin="look\n") == 0
    out, err = capsys.readouterr()
    assert err == f"{case.message()} Starting a new game instead.\n"
    assert replies(out)[0].startswith(OPENING)
    assert "Vestibule" in replies(out)[1]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_continue_takes_the_newest_save_it_can_read(
        saves: Path, good: dict, case: Hostile, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A hostile save written after the real one is refused with its message when continued, and
    the newest real save is played; what is no plain file (a pipe, a link) is passed over in
    silence, since no game wrote it."""
    make_corpus(saves, good, [case])
    assert run_cli(saves, monkeypatch, "--continue", stdin="look\n") == 0
    out, err = capsys.readouterr()
    if case.make in (fifo, link_to_dev_zero, link_to_a_good_save):
        assert err == ""
    else:
        assert err == f"{case.message()} {CONTINUING_GOOD}\n"
    assert replies(out)[0].startswith("Restored \u201cgood\u201d.")
    assert "Practice Hall" in replies(out)[1]


SPECIAL = [BY_NAME[name] for name in ("fifo", "link-to-dev-zero", "huge-sparse") if name in BY_NAME]


def test_files_that_could_hold_a_process_up_do_not(saves: Path, good: dict) -> None:
    """In a process of its own (with a timeout): a pipe nobody writes to, a link to an endless
    device and a file far too large are never read; beside them and a save nested 100,000 deep,
    --continue names the newest of the damaged files and goes into the newest real save."""
    make_corpus(saves, good, [*SPECIAL, BY_NAME["nested-100000-deep"]])
    result = play_plain(saves, "--continue", stdin="look\n")
    assert result.returncode == 0
    assert result.stderr in {f"{BY_NAME[name].message()} {CONTINUING_GOOD}\n"
                             for name in ("huge-sparse", "nested-100000-deep")}
    assert replies(result.stdout)[0].startswith("Restored \u201cgood\u201d.")
    for case in SPECIAL:
        result = play_plain(saves, "--load", case.name, stdin="")
        assert (result.returncode, result.stderr) == (0, f"{case.message()} Starting a new game instead.\n")


def test_a_room_name_with_control_characters_is_saved_without_them_and_the_save_restores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save's summary names the room, and listings print it; the game's own saves must pass its
    own check, whatever the content's names hold (validate refuses such a name; this is content
    that never met that check)."""
    monkeypatch.setattr(yamlsafe.Document, "control_problems", lambda self: [])
    world = tmp_path / "world"
    shutil.copytree(FIXTURE_WORLD, world)
    rooms = yaml.safe_load((world / "rooms.yaml").read_text(encoding="utf-8"))
    rooms["rooms"]["vestibule"]["name"] = "Vestibule\x1b[2J\x9b"
    (world / "rooms.yaml").write_text(yaml.safe_dump(rooms, sort_keys=False, allow_unicode=True), encoding="utf-8")
    game = new_game(tmp_path / "saves", content=world)
    [saved] = play(game, "save here")
    assert saved == "Saved as \u201chere\u201d (Vestibule[2J, day 1, 09:30)."
    assert [info.location for info in SaveSlots(tmp_path / "saves").list()] == ["Vestibule[2J"]
    assert new_game(tmp_path / "saves", content=world).turn("restore here").startswith("Restored")
