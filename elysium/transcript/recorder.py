"""Record a play session as a .regtest transcript that replays as a passing test.

Used by `elysium play --plain --record FILE`. The file gets the `**` headers that
rebuild the same game, one `* recorded-...` test, and after the opening and after
each command one check per non-blank output line. A line that the parser would read
as syntax (it starts with > * ! / { or #) is written as an escaped regex, `/` plus
`re.escape(line)`, which still matches the line literally.

The test is named `recorded-<date-time>` unless a name is given, which is used as is.
Missing parent folders are created. The file is flushed after every command, so a
session that is killed keeps what it recorded so far.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from elysium.content.styles import without_controls
from elysium.transcript.checks import SYNTAX_LEADERS, output_lines


class TranscriptRecorder:
    """Writes a transcript while a game is played; use as a context manager or close()."""

    def __init__(
        self,
        path: Path,
        content: Path | None = None,
        seed: int = 0,
        mods: tuple[Path, ...] = (),
        name: str | None = None,
    ):
        self.path = Path(path)
        started = datetime.now()
        test_name = name or f"recorded-{started:%Y-%m-%d-%H%M%S}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: TextIO | None = self.path.open("w", encoding="utf-8", newline="\n")
        self._commands = 0
        lines = [f"# Recorded by elysium play on {started:%Y-%m-%d %H:%M:%S}."]
        if content is not None:
            lines.append(f"** content: {self._relative(content)}")
        lines.extend(f"** mod: {self._relative(mod)}" for mod in mods)
        lines += [f"** seed: {seed}", "", f"* {' '.join(test_name.split())}"]
        self._write(lines)

    def opening(self, text: str) -> None:
        """Record the opening text; call it before the first command."""
        if self._commands:
            raise RuntimeError("the opening must be recorded before any command")
        self._write(check_lines(without_controls(text)))

    def command(self, line: str, output: str) -> None:
        """Record one command and the game's reply to it."""
        self._commands += 1
        # a command is one line; a stray line break would split it in the file
        command = " ".join(line.splitlines())
        self._write(["", f"> {command}".rstrip(), *check_lines(without_controls(output))])

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> TranscriptRecorder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _write(self, lines: list[str]) -> None:
        if self._file is None:
            raise ValueError(f"the recording {self.path} is already closed")
        # A transcript is read on a terminal too: no line of it (a command typed, a path, the
        # game's reply) may carry a control character. Replies are cleaned before they are
        # escaped as well, so that a line which only reads as syntax once cleaned is escaped.
        self._file.write("".join(f"{without_controls(line)}\n" for line in lines))
        self._file.flush()

    def _relative(self, target: Path) -> str:
        """The path relative to the transcript's folder, or absolute when that fails."""
        folder = self.path.parent.absolute()
        target = Path(target).absolute()
        try:
            return Path(os.path.relpath(target, folder)).as_posix()
        except ValueError:  # e.g. another drive on Windows
            return target.as_posix()


def check_lines(output: str) -> list[str]:
    """One check per non-blank output line, escaped when it would read as syntax."""
    checks = []
    for line in output_lines(output):
        if not line:
            continue
        checks.append("/" + re.escape(line) if line.startswith(SYNTAX_LEADERS) else line)
    return checks
