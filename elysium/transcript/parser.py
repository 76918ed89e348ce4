"""Read a .regtest file into a Transcript, reporting every syntax problem at once.

Line kinds (each line is stripped first; blank lines are ignored):

    # comment              ignored anywhere
    ** key: value          a header, before the first test (content, mod, seed; any
                           other key, such as regtest.py's game or interpreter, is kept
                           in Transcript.headers and otherwise ignored)
    * name                 starts a test; names are unique within a file
    > command              sends a command (">" alone sends an empty line)
    anything else          a check on the latest output; see checks.py

`content` and `mod` paths are relative to the folder holding the transcript.
"""

from __future__ import annotations

import os
from pathlib import Path

from elysium.content.files import Refused, read_regular
from elysium.transcript.checks import CheckSyntaxError, parse_check
from elysium.transcript.model import Step, Transcript, TranscriptError, TranscriptTest
from elysium.transcript.report import display_path


def parse_transcript(path: Path) -> Transcript:
    """Parse one file; raises TranscriptError listing `file:line: message` problems."""
    path = Path(path)
    try:
        # Looked at before it is read: a transcript named on the command line may be anything,
        # a pipe or a device among them, and must never hang the runner.
        text = read_regular(path).decode("utf-8")
    except Refused as refused:
        raise TranscriptError([f"{display_path(path)}: cannot read: {refused.message}"]) from None
    except UnicodeDecodeError as error:
        raise TranscriptError([f"{display_path(path)}: cannot read: {error}"]) from None
    return _Parser(path).parse(text)


class _Parser:
    def __init__(self, path: Path):
        self.transcript = Transcript(path=path)
        self.problems: list[str] = []
        self.test: TranscriptTest | None = None

    def parse(self, text: str) -> Transcript:
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("***"):  # "*** You have won ***": what a game prints, so a check
                self._check(line, number)
            elif line.startswith("**"):
                self._header(line, number)
            elif line.startswith("*"):
                self._start_test(line[1:].strip(), number)
            elif line.startswith(">"):
                self._command(line[1:].strip(), number)
            else:
                self._check(line, number)
        if self.problems:
            raise TranscriptError(self.problems)
        return self.transcript

    def _problem(self, number: int, message: str) -> None:
        self.problems.append(f"{display_path(self.transcript.path)}:{number}: {message}")

    def _header(self, line: str, number: int) -> None:
        key, colon, value = line[2:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if not colon or not key:
            self._problem(number, "a header needs the form '** key: value'")
            return
        if self.test is not None:
            self._problem(number, f"header '{key}' must come before the first test")
            return
        transcript = self.transcript
        repeated = key in transcript.headers
        transcript.headers.setdefault(key, []).append(value)
        if key == "content":
            if repeated:
                self._problem(number, "only one 'content' header is allowed")
            elif not value:
                self._problem(number, "'content' needs a folder")
            else:
                transcript.content = self._relative_path(value)
        elif key == "mod":
            if not value:
                self._problem(number, "'mod' needs a folder")
            else:
                transcript.mods += (self._relative_path(value),)
        elif key == "seed":
            if repeated:
                self._problem(number, "only one 'seed' header is allowed")
            else:
                try:
                    transcript.seed = int(value)
                except ValueError:
                    self._problem(number, f"seed must be a whole number, not {value!r}")

    def _relative_path(self, value: str) -> Path:
        # normpath, not resolve(): keep symlinked folders as the author wrote them
        folder = self.transcript.path.parent.absolute()
        return Path(os.path.normpath(folder / Path(value).expanduser()))

    def _start_test(self, name: str, number: int) -> None:
        if not name:
            self._problem(number, "a test needs a name: '* name'")
            name = f"(unnamed test at line {number})"
        elif any(test.name == name for test in self.transcript.tests):
            self._problem(number, f"there is already a test named {name!r}")
        self.test = TranscriptTest(name=name, line=number, steps=[Step(None, number)])
        self.transcript.tests.append(self.test)

    def _command(self, command: str, number: int) -> None:
        if self.test is None:
            self._problem(number, "a command must come after a '* name' test line")
            return
        self.test.steps.append(Step(command, number))

    def _check(self, line: str, number: int) -> None:
        if self.test is None:
            self._problem(number, "a check must come after a '* name' test line")
            return
        try:
            check = parse_check(line, number)
        except CheckSyntaxError as error:
            self._problem(number, str(error))
            return
        self.test.steps[-1].checks.append(check)
