"""Where the details of an internal error go, so that the player reads a sentence, not a traceback.

`error_log(folder)` sends the game's own reports (a command that failed inside the engine, a game
that could not go on, and the warnings about content that misbehaves in play: a rule that set off
events without end, a move that would put a thing inside itself) to `elysium.log` in `folder`, the saves folder: the one place
the game already writes to, per player, and one that `--saves` moves. The file is made only when
there is something to write, and kept to a size (with one older file beside it). With `debug`,
the reports go to stderr as well (plain mode's `--debug`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOG_NAME = "elysium.log"
LOG_BYTES = 1_000_000
LOGGER = "elysium"


class _LogFile(logging.Handler):
    """A log file, kept to LOG_BYTES with one older file beside it, that makes its folder when first
    written, and that fails quietly: a log that cannot be written must not become a second error
    on the player's screen. The rotating handler that writes it (and logging.handlers, which the
    game's start has no other use for) is made only when there is a first report."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.file is None:
                self.file = _rotating_file(self.path)
                self.file.setFormatter(self.formatter)
            self.file.handle(record)
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _rotating_file(path: Path) -> logging.Handler:
    from logging.handlers import RotatingFileHandler

    class Rotating(RotatingFileHandler):
        def _open(self):  # type: ignore[override]
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            return super()._open()

        def handleError(self, record: logging.LogRecord) -> None:
            pass

    return Rotating(path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8", delay=True)


@contextmanager
def error_log(folder: Path, debug: bool = False) -> Iterator[Path]:
    """While in this block, send the game's error reports to the log file in `folder` (and to
    stderr with `debug`); yields the log file's path."""
    path = Path(folder) / LOG_NAME
    handlers: list[logging.Handler] = [_LogFile(path)]
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    logger = logging.getLogger(LOGGER)
    for handler in handlers:
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    try:
        yield path
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
            handler.close()


def internal_error(log: Path, debug: bool) -> str:
    """What the player reads when the game cannot go on: what happened, and where the details are."""
    if debug:
        return "Something inside the game went wrong, and it has to stop. (The details are above.)"
    where = f"in {log}" if log.is_file() else f"meant for {log}, which could not be written"
    return (f"Something inside the game went wrong, and it has to stop. The details are {where}; "
            "run the game with --debug to see them here.")
