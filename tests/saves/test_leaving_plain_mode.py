"""Every way out of plain mode keeps the game: Ctrl+C (exit 130, a short note, no traceback),
SIGTERM and SIGHUP (autosave, then exit), and `--continue` carries on exactly there."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE
from elysium.state.saves import SaveSlots
from saves_support import FIXTURE_WORLD, ROOT, TIMEOUT, play_plain, replies

MOVES = ("take lantern", "n", "e")  # from the vestibule to the practice hall, then the chapel


class PlainGame:
    """`elysium --plain` as a process that a test types into, one line at a time."""

    def __init__(self, saves: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "elysium", "play", "--plain", "--seed", "1", "--content", str(FIXTURE_WORLD),
             "--saves", str(saves)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        self.output = b""
        self.wait_for_prompt()

    def wait_for_prompt(self) -> None:
        """Read until the game asks for the next line (so that the line before has been played)."""
        deadline = time.monotonic() + TIMEOUT
        while not self.output.endswith(b"\n> "):
            assert time.monotonic() < deadline, self.output
            ready, _, _ = select.select([self.process.stdout], [], [], 1)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                assert chunk, self.output  # the game ended early
                self.output += chunk

    def type(self, *lines: str) -> None:
        for line in lines:
            self.process.stdin.write(line.encode() + b"\n")
            self.process.stdin.flush()
            self.output = b""
            self.wait_for_prompt()

    def stop(self, signal_number: int) -> tuple[int, str, str]:
        self.process.send_signal(signal_number)
        out, err = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, (self.output + out).decode(), err.decode()


@pytest.fixture
def game(saves: Path):
    game = PlainGame(saves)
    yield game
    if game.process.poll() is None:
        game.process.kill()
        game.process.communicate()


def autosaved(saves: Path) -> dict:
    return SaveSlots(saves).read(AUTOSAVE)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_autosaves_the_moves_then_exits(game: PlainGame, saves: Path, name: str) -> None:
    number = getattr(signal, name)
    game.type(*MOVES)
    code, _, err = game.stop(number)
    assert code == 128 + number
    assert "Traceback" not in err
    body = autosaved(saves)
    assert body["state"]["turn"] == len(MOVES)
    assert body["summary"]["location"] == "Chapel"
    assert "lantern" in str(body["state"]["items"])


def test_ctrl_c_autosaves_then_exits_130_with_a_short_note(game: PlainGame, saves: Path) -> None:
    game.type(*MOVES)
    code, out, err = game.stop(signal.SIGINT)
    assert code == 130
    assert err == ""
    assert "(Stopped. The game is autosaved: continue it to carry on from here.)" in out
    assert autosaved(saves)["state"]["turn"] == len(MOVES)


def test_continue_resumes_exactly_where_a_signal_left_the_game(game: PlainGame, saves: Path) -> None:
    game.type(*MOVES)
    left = autosaved(saves)
    game.stop(signal.SIGTERM)
    result = play_plain(saves, "--continue", stdin="i\n")
    opening, inventory, _ = replies(result.stdout)
    assert opening.startswith("Restored \u201cautosave\u201d.") and "Chapel" in opening
    assert "lantern" in inventory
    assert autosaved(saves)["state"]["turn"] == left["state"]["turn"] + 1


def test_a_signal_waiting_for_input_keeps_every_move_even_when_the_last_line_was_no_move(
        game: PlainGame, saves: Path) -> None:
    game.type("take lantern", "xyzzy")
    code, _, _ = game.stop(signal.SIGTERM)
    assert code == 128 + signal.SIGTERM
    assert autosaved(saves)["state"]["turn"] == 1
