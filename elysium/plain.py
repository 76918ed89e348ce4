"""Plain line mode: text in on stdin, plain text out on stdout, for screen readers, pipes and
IF tools such as regtest.py (which waits for a line that starts with the prompt ">")."""

from __future__ import annotations

import sys
from typing import TextIO

from elysium.content.styles import plain, without_controls
from elysium.engine import Game

PROMPT = ">"


def run_plain(game: Game, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, recorder=None,
              reloader=None, opening: str | None = None) -> int:
    """Play until the input ends or the player quits; returns the exit status (0)."""
    for stream in (stdin, stdout):
        # Bytes that are not text in the locale's encoding become U+FFFD (in) or '?' (out) rather
        # than ending the game with a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    opening = plain(opening if opening is not None else game.opening())
    _show(stdout, opening)
    if recorder is not None:
        recorder.opening(opening)
    while not game.over:
        stdout.write(f"\n{PROMPT} ")
        stdout.flush()
        line = stdin.readline()
        if not line:
            # The end of input is leaving the game: keep the place, as QUIT does.
            if note := game.autosave():
                _show(stdout, note)
            stdout.write("\n")
            break
        line = line.rstrip("\r\n")
        if reloader is not None and (news := reloader(game)):
            _show(stdout, news)
        reply = plain(game.turn(line))
        _show(stdout, reply)
        if recorder is not None:
            recorder.command(line, reply)
    stdout.flush()
    return 0


def _show(stdout: TextIO, text: str) -> None:
    # Everything shown passes here: the game's replies, autosave notes, reload news (which quote
    # file names). None of it may carry a control character, which a terminal would act on.
    stdout.write(without_controls(text) + "\n")
    stdout.flush()
