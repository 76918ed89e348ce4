"""Plain mode at a terminal edits lines and keeps a history; piped, it reads lines as they come."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from elysium import plain

WORLD = Path(__file__).parents[1] / "fixtures" / "world"
UP = "\x1b[A"
PROMPT = b"\n> "


def _read_past(fd: int, marker: bytes, pending: bytearray) -> bytes:
    """What the terminal shows up to and including the next `marker`; what came after it stays in
    `pending` (the limit only stops a broken run from hanging the suite; nothing here is timed)."""
    while marker not in pending:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            raise AssertionError(f"no {marker!r} in {bytes(pending)!r}")
        pending.extend(os.read(fd, 4096))
    end = pending.index(marker) + len(marker)
    shown = bytes(pending[:end])
    del pending[:end]
    return shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_up_arrow_at_a_terminal_brings_back_the_last_command(tmp_path):
    pytest.importorskip("readline")
    main, side = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "INPUTRC": "/dev/null"}
    game = subprocess.Popen(
        [sys.executable, "-m", "elysium", "play", "--plain", "--no-mods", "--saves", str(tmp_path), str(WORLD)],
        stdin=side, stdout=side, stderr=side, env=env, close_fds=True)
    os.close(side)
    try:
        pending = bytearray()
        _read_past(main, PROMPT, pending)
        os.write(main, b"inventory\r")
        assert b"carrying" in _read_past(main, PROMPT, pending)
        os.write(main, UP.encode() + b"\r")  # the same command again, from the history
        again = _read_past(main, PROMPT, pending)
        assert b"carrying" in again, again
    finally:
        game.kill()
        game.wait()
        os.close(main)


def test_piped_input_does_not_load_readline():
    script = (
        "import sys\n"
        "from elysium.plain import line_reader\n"
        "line = line_reader(sys.stdin, sys.stdout)()\n"
        "print(repr(line), 'readline' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], input="look\n", capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "> 'look\\n' False"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_python_without_readline_reads_plain_lines(monkeypatch):
    stdin, stdout = _Terminal("look\n"), io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setitem(sys.modules, "readline", None)  # import readline fails, as on Windows
    assert plain.line_reader(stdin, stdout)() == "look\n"
    assert stdout.getvalue() == "\n> "
