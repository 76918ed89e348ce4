"""Plain line mode: text in on stdin, plain text out on stdout, for screen readers, pipes and
IF tools such as regtest.py (which waits for a line that starts with the prompt ">")."""

from __future__ import annotations

import sys
from typing import Callable, TextIO

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
    read_line = line_reader(stdin, stdout)
    while not game.over:
        line = read_line()
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


def line_reader(stdin: TextIO, stdout: TextIO) -> Callable[[], str]:
    """A function that shows the prompt and reads one line ("" at the end of input). A player at a
    terminal gets line editing and history (Up/Down) from the standard library's readline, where
    it exists; piped input never loads it (it could write escape codes into the output)."""
    if stdin is sys.stdin and stdout is sys.stdout and _is_terminal(stdin):
        try:
            import readline  # noqa: F401  (loading it is what gives input() editing and history)
        except ImportError:
            pass
        else:
            return lambda: _read_with_editing(stdout)

    def read() -> str:
        stdout.write(f"\n{PROMPT} ")
        stdout.flush()
        return stdin.readline()
    return read


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _read_with_editing(stdout: TextIO) -> str:
    # The blank line goes before input(): readline redraws only the prompt's own line.
    stdout.write("\n")
    stdout.flush()
    try:
        return input(f"{PROMPT} ") + "\n"
    except EOFError:
        return ""


def _show(stdout: TextIO, text: str) -> None:
    # Everything shown passes here: the game's replies, autosave notes, reload news (which quote
    # file names). None of it may carry a control character, which a terminal would act on.
    stdout.write(without_controls(text) + "\n")
    stdout.flush()
