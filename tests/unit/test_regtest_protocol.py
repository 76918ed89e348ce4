"""Plain mode speaks the protocol of regtest.py's "cheap" interpreter mode.

regtest.py starts `INTERPRETER ARGS... GAMEFILE`, reads bytes until the output ends with "\\n>",
writes one command line, and reads again; its checks look at the lines of each output. This test
drives the game exactly that way, byte by byte, with the same timeouts' logic.
"""

from __future__ import annotations

import select
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0


def read_until_prompt(stream) -> list[str]:
    output = bytearray()
    deadline = time.monotonic() + TIMEOUT
    while select.select([stream], [], [], TIMEOUT)[0]:
        byte = stream.read(1)
        if byte == b"":
            break
        output += byte
        if output[-2:] == b"\n>":
            break
    assert time.monotonic() < deadline, "timed out waiting for the prompt"
    return output.decode("utf-8").split("\n")


def test_plain_mode_answers_regtest_cheap_protocol():
    game = ROOT / "content" / "starred_blocks"
    process = subprocess.Popen(
        [sys.executable, "-m", "elysium", "play", "--plain", "--seed", "1", str(game)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
    )
    try:
        opening = read_until_prompt(process.stdout)
        assert any("The Gatehouse" in line for line in opening)
        assert opening[-1] == ">"
        for command, expected in (("look", "The Gatehouse"), ("xyzzy", '"xyzzy"'), ("inventory", "letter")):
            process.stdin.write(command.encode() + b"\n")
            process.stdin.flush()
            lines = read_until_prompt(process.stdout)
            assert any(expected in line for line in lines), lines
            assert lines[-1] == ">"
    finally:
        process.stdin.close()
        assert process.wait(timeout=TIMEOUT) == 0
        process.stdout.close()
