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
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "elysium.log"
LOG_BYTES = 1_000_000
LOGGER = "elysium"


class _LogFile(RotatingFileHandler):
    """A log file that makes its folder when first written, and that fails quietly: a log that
    cannot be written must not become a second error on the player's screen."""

    def _open(self):  # type: ignore[override]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


@contextmanager
def error_log(folder: Path, debug: bool = False) -> Iterator[Path]:
    """While in this block, send the game's error reports to the log file in `folder` (and to
    stderr with `debug`); yields the log file's path."""
    path = Path(folder) / LOG_NAME
    handlers: list[logging.Handler] = [_LogFile(path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8",
                                                delay=True)]
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
