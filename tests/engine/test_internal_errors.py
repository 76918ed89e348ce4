"""An error inside the game, in plain mode, is a sentence for the player, never a traceback: while
starting, while loading a save, while autosaving at the end, or in a turn (which goes on). The
details go to elysium.log in the saves folder, and to stderr as well with --debug."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from elysium import cli
from elysium.engine import Game
from elysium.error_log import LOG_NAME
from engine_walks import FIXTURE_WORLD, ROOT, carousel_mod

STOPS = "Something inside the game went wrong, and it has to stop."


def run(saves: Path, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "look\n") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(["play", "--plain", "--content", str(FIXTURE_WORLD), "--saves", str(saves), *args])


def fail(*args, **kwargs):
    raise RuntimeError("a fault planted by the test")


@pytest.mark.parametrize("where", ["opening", "restore", "autosave"])
def test_an_error_outside_a_turn_is_a_sentence_and_its_details_go_to_the_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str) -> None:
    saves = tmp_path / "saves"
    monkeypatch.setattr(Game, where, fail)
    args = ("--load", "anything") if where == "restore" else ()
    assert run(saves, monkeypatch, *args) == cli.EXIT_INTERNAL
    out, err = capsys.readouterr()
    log = saves / LOG_NAME
    assert err.splitlines()[-1] == (f"{STOPS} The details are in {log}; run the game with --debug to see "
                                    "them here.")
    assert "Traceback" not in out + err
    details = log.read_text(encoding="utf-8")
    assert "the game stopped" in details and "Traceback" in details
    assert "RuntimeError: a fault planted by the test" in details


def test_with_debug_the_details_are_on_stderr_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(Game, "opening", fail)
    assert run(tmp_path / "saves", monkeypatch, "--debug") == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: a fault planted by the test" in err
    assert err.splitlines()[-1] == f"{STOPS} (The details are above.)"
    assert "Traceback" in (tmp_path / "saves" / LOG_NAME).read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_is_said_to_be_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    saves = tmp_path / "a-file" / "saves"
    monkeypatch.setattr(Game, "opening", fail)
    assert run(saves, monkeypatch) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(f"{STOPS} The details are meant for {saves / LOG_NAME}, which could "
                                           "not be written;")
    assert "Traceback" not in err


def test_an_error_in_a_turn_is_logged_and_the_game_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    real_act = Game.act
    monkeypatch.setattr(Game, "act", lambda self, command, scope: fail() if command.action == "take"
                        else real_act(self, command, scope))
    assert run(tmp_path / "saves", monkeypatch, stdin="take lantern\nn\n") == 0
    out, err = capsys.readouterr()
    assert "(That command caused an internal error; the game has been put back as it was.)" in out
    assert "Practice Hall" in out.split("\n> ")[2]  # the next command is played as ever
    assert err == ""
    details = (tmp_path / "saves" / LOG_NAME).read_text(encoding="utf-8")
    assert "turn failed: 'take lantern'" in details and "RuntimeError: a fault planted by the test" in details


def test_a_real_process_prints_the_sentence_and_no_traceback(tmp_path: Path) -> None:
    planted = ("import sys; from elysium import cli; from elysium.engine import Game; "
               "Game.opening = lambda self: 1 / 0; sys.exit(cli.main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", planted, "play", "--plain", "--content", str(FIXTURE_WORLD),
                             "--saves", str(tmp_path)], input="", capture_output=True, text=True, timeout=60,
                            cwd=ROOT)
    assert result.returncode == cli.EXIT_INTERNAL
    assert result.stderr.startswith(STOPS) and "Traceback" not in result.stderr
    assert "ZeroDivisionError" in (tmp_path / LOG_NAME).read_text(encoding="utf-8")


def test_content_that_runs_away_is_named_in_the_log_not_on_the_screen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    mod = carousel_mod(tmp_path)
    saves = tmp_path / "saves"
    assert run(saves, monkeypatch, "--mod", str(mod), "--no-mods", stdin="west\n") == 0
    out, err = capsys.readouterr()
    assert "everything stands still" in out
    assert err == ""
    assert "the on_enter of room 'carousel:carousel'" in (saves / LOG_NAME).read_text(encoding="utf-8")
