"""How transcript failures are described to people: the FAIL blocks and short paths.

A failure prints as

    FAIL tests/playthroughs/intro.regtest:14 opening-and-look: > look
      check:  /marble\\s+arches
      output:
        <the actual output, indented>

with `reason:` and `error:` lines added when they say more than the check itself.
The runner and the pytest plugin share this text so both read the same.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from elysium.content.styles import without_controls


@dataclass(frozen=True)
class Failure:
    """One thing that went wrong in a test, tied to a line of the transcript."""

    path: Path
    line: int
    test: str
    step: str  # "> look", "(opening)" or "could not start the game"
    check: str | None = None
    reason: str | None = None
    output: str | None = None
    error: list[str] | None = None

    def describe(self) -> str:
        lines = [f"FAIL {display_path(self.path)}:{self.line} {self.test}: {self.step}"]
        if self.check is not None:
            lines.append(f"  check:  {self.check}")
        if self.reason:
            lines.append(f"  reason: {self.reason}")
        if self.error:
            lines.append(f"  error:  {self.error[0]}")
            lines.extend(f"    {line}" for line in self.error[1:])
        if self.output is not None:
            lines.append("  output:")
            lines.extend(_indented_output(self.output))
        # Checks, errors and output come from transcripts and packs anyone may write, and this is
        # printed on a terminal: it shows no control character.
        return without_controls("\n".join(lines))


def describe_exception(error: BaseException) -> list[str]:
    """Type, message and where it was raised, without the full traceback.

    An error with a `.problems` list (the engine's ContentError) lists each problem
    instead of a location, since those already read as `file:line:col: message`.
    """
    name = type(error).__name__
    message = str(error).splitlines() or [""]
    problems = getattr(error, "problems", None)
    if isinstance(problems, (list, tuple)) and problems:
        problem_lines = [str(problem) for problem in problems]
        headline = message[0]
        if not headline or headline in problem_lines:  # the message is the problem list
            headline = f"{len(problems)} problem(s)"
        return [f"{name}: {headline}", *problem_lines]
    lines = [f"{name}: {message[0]}" if message[0] else name, *message[1:]]
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        last = frames[-1]
        lines.append(f"at {display_path(Path(last.filename))}:{last.lineno} in {last.name}")
    return lines


def display_path(path: Path) -> str:
    """The path relative to the current folder when it lies inside it, else absolute."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


def _indented_output(output: str) -> list[str]:
    lines = output.rstrip().splitlines()
    if not lines:
        return ["    (no output)"]
    return [f"    {line}".rstrip() for line in lines]
