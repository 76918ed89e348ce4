"""Plain line mode: text in on stdin, plain text out on stdout, for screen readers, pipes and
IF tools such as regtest.py (which waits for a line that starts with the prompt ">")."""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

from elysium.content.styles import plain, without_controls
from elysium.engine import Game

PROMPT = ">"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C
# The ways a game in plain mode is told to stop (a kill, a closed terminal): it autosaves, then exits.
LEAVING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Leaving(BaseException):
    """SIGTERM or SIGHUP, raised between two turns (never inside one, which would save it half done)."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


def run_plain(game: Game, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, recorder=None,
              reloader=None, opening: str | None = None) -> int:
    """Play until the input ends or the player quits (0), is stopped with Ctrl+C (130) or by SIGTERM
    or SIGHUP (128 + its number); every way out autosaves first."""
    previous = _leave_on_signals()
    try:
        return _play(game, stdin, stdout, recorder, reloader, opening)
    except KeyboardInterrupt:
        _ignore_signals(previous)  # a second Ctrl+C must not cut the autosave short
        note = game.autosave() or (game.say("engine.interrupted") if game.slots is not None else "")
        try:
            stdout.write("\n")
            _show(stdout, note)
        except (OSError, ValueError):
            pass  # nowhere to say it: the game is kept all the same
        return EXIT_INTERRUPTED
    except Leaving as leaving:
        _ignore_signals(previous)
        game.autosave()
        return 128 + leaving.signal_number
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _play(game: Game, stdin: TextIO, stdout: TextIO, recorder, reloader, opening: str | None) -> int:
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
        with _signals_held():  # a signal that comes now is acted on once the turn is over
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


def _leave_on_signals() -> dict[int, object]:
    """Turn SIGTERM and SIGHUP into Leaving; returns the handlers they had. Only the main thread
    can set handlers: elsewhere (a test playing in a thread) nothing changes."""
    def leave(number: int, frame: object) -> None:
        raise Leaving(number)

    previous: dict[int, object] = {}
    try:
        previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)
        for number in LEAVING_SIGNALS:
            previous[number] = signal.signal(number, leave)
    except ValueError:
        for number in LEAVING_SIGNALS:
            previous.pop(number, None)
        return {}
    return previous


def _ignore_signals(handled: dict[int, object]) -> None:
    """While the game is autosaved on its way out: run_plain puts the old handlers back after."""
    for number in handled:
        signal.signal(number, signal.SIG_IGN)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl+C, SIGTERM and SIGHUP back for a moment: one that comes meanwhile is acted on after."""
    held = {signal.SIGINT, *LEAVING_SIGNALS}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
