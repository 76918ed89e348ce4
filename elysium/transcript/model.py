"""The parsed form of a .regtest transcript: the file, its tests and their steps.

A transcript holds file-wide settings (content pack, mods, seed) and a list of tests.
Each test is a list of steps; a step is one command sent to the game (or the opening,
before any command) together with the checks that apply to its output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol


class Check(Protocol):
    """Anything that can judge one step's output; see checks.py and state_checks.py."""

    source: str  # the check as written in the file, shown in failure reports
    line: int
    shows_output: bool  # whether a failure report should print the step's output

    def evaluate(self, output: str, read_state: Callable[[], Any]) -> str | None:
        """Return None when the check passes, else a reason ("" when none is needed)."""


@dataclass
class Step:
    """One command (None for the opening text) and the checks on its reply."""

    command: str | None
    line: int
    checks: list[Check] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How reports name the step: the command as typed, or the opening."""
        if self.command is None:
            return "(opening)"
        return f"> {self.command}".rstrip()


@dataclass
class TranscriptTest:
    """One `* name` block; it always runs on a fresh game."""

    name: str
    line: int
    steps: list[Step] = field(default_factory=list)


@dataclass
class Transcript:
    """A whole .regtest file with its `**` settings resolved to real values."""

    path: Path
    content: Path | None = None
    seed: int = 0
    mods: tuple[Path, ...] = ()
    headers: dict[str, list[str]] = field(default_factory=dict)  # every ** header, raw
    tests: list[TranscriptTest] = field(default_factory=list)


class TranscriptError(Exception):
    """A transcript that cannot be read or parsed; each problem is `file:line: message`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
