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


def _read_until(fd: int, marker: bytes, seen: bytearray) -> None:
    """Read from the terminal until `marker` has come since `seen` was last cleared (the limit only
    stops a broken run from hanging the suite)."""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            raise AssertionError(f"no {marker!r} in {bytes(seen)!r}")
        seen.extend(os.read(fd, 4096))


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
        seen = bytearray()
        _read_until(main, b"> ", seen)
        os.write(main, b"inventory\r")
        _read_until(main, b"carrying", seen)
        _read_until(main, b"> ", seen)
        seen.clear()
        os.write(main, UP.encode() + b"\r")  # the same command again, from the history
        _read_until(main, b"> ", seen)
        assert b"carrying" in seen, bytes(seen)
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
