"""pytest plugin: every `* test` in a `*.regtest` file becomes a pytest item.

Registered through the `pytest11` entry point `elysium_regtest`, so any `.regtest` file
in a folder pytest walks is collected. A failing item shows the same FAIL text as
`run_paths` (file:line, check, output) instead of a Python traceback; a file with
syntax errors becomes a collection error listing `file:line: message` problems.

Items play the real engine. To play something else (the plugin's own tests use a fake
game), set `GAME_FACTORY` from a conftest.py and put it back afterwards:

    import elysium.pytest_plugin as regtest

    def pytest_configure(config):
        config.saved_game_factory = regtest.GAME_FACTORY
        regtest.GAME_FACTORY = FakeGame.new

    def pytest_unconfigure(config):
        regtest.GAME_FACTORY = config.saved_game_factory

While the items run, what they play of each game is recorded (elysium/transcript/coverage.py), and
pytest's summary ends with the content coverage of the campus, Starred Blocks, when any of its
transcripts ran: a line per kind, like `elysium test --coverage` without the untouched ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from elysium.content.styles import without_controls
from elysium.transcript.model import Transcript, TranscriptError, TranscriptTest
from elysium.transcript.parser import parse_transcript
from elysium.transcript.runner import GameFactory, default_game_factory, run_test

# Read when each item runs, so a conftest can swap it after this module is imported.
GAME_FACTORY: GameFactory = default_game_factory
# What the items of a session played, kept with its config (a pytester session inside has its own).
COVERAGE: pytest.StashKey[Any] = pytest.StashKey()


def pytest_configure(config: pytest.Config) -> None:
    from elysium.transcript.coverage import ContentCoverage  # here: pytest loads this plugin in any project

    config.stash[COVERAGE] = ContentCoverage()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The campus's content coverage, when its transcripts ran in this session."""
    import os

    from elysium.content.loader import default_content_dir
    from elysium.transcript.coverage_report import game_figures, summary_lines

    coverage = terminalreporter.config.stash.get(COVERAGE, None)
    campus = coverage.games.get((os.path.realpath(default_content_dir()), ())) if coverage else None
    if campus is None:
        return
    terminalreporter.write_sep("-", "content coverage")
    for line in summary_lines(game_figures(campus, positions=False)):
        terminalreporter.write_line(line)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".regtest":
        return RegtestFile.from_parent(parent, path=file_path)
    return None


class RegtestFile(pytest.File):
    """A .regtest file; its tests are the items."""

    def collect(self):
        try:
            transcript = parse_transcript(self.path)
        except TranscriptError as error:
            # CollectError is shown as its message alone, without a traceback
            raise self.CollectError(without_controls(str(error))) from None
        for test in transcript.tests:
            yield RegtestItem.from_parent(self, name=test.name, transcript=transcript, test=test)


class TranscriptFailed(Exception):
    """Raised by an item whose test failed; the message is the FAIL report."""


class RegtestItem(pytest.Item):
    """One `* name` test, played on a fresh game."""

    def __init__(self, *, transcript: Transcript, test: TranscriptTest, **kwargs: Any):
        super().__init__(**kwargs)
        self.transcript = transcript
        self.test = test

    def runtest(self) -> None:
        outcome = run_test(self.transcript, self.test, GAME_FACTORY, self.config.stash.get(COVERAGE, None))
        if not outcome.passed:
            raise TranscriptFailed(outcome.describe())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None):
        if isinstance(excinfo.value, TranscriptFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.test.line - 1, self.name
