"""Run transcripts against the game and report the results.

Every test starts a fresh game through `game_factory(content=..., seed=..., mods=...)`,
which has the signature of `elysium.engine.Game.new`. Checks are judged right after the
step they belong to, so `{state}` checks see the state at that point of the play.

When a test goes wrong it keeps going where that still makes sense: a failed check does
not stop the test, but an exception from the game does (its state is then unknown), and
so does a command sent after the game is over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, TextIO

from elysium.content.styles import plain, without_controls

from elysium.transcript.model import Transcript, TranscriptError, TranscriptTest
from elysium.transcript.parser import parse_transcript
from elysium.transcript.report import Failure, describe_exception, display_path

if TYPE_CHECKING:  # coverage imports the bus's messages, which a run without it never needs
    from elysium.transcript.coverage import ContentCoverage

GameFactory = Callable[..., Any]


def default_game_factory(content: Path | None = None, seed: int = 0, mods: tuple[Path, ...] = ()):
    """Start the real engine; imported here so transcripts load without the engine."""
    from elysium.engine import Game

    return Game.new(content=content, seed=seed, mods=mods)


@dataclass
class TestOutcome:
    """What happened in one test; it passed when there are no failures."""

    __test__ = False  # not a pytest test class, despite the name

    test: TranscriptTest
    failures: list[Failure] = field(default_factory=list)
    started: bool = True  # False when the game could not even be created

    @property
    def passed(self) -> bool:
        return not self.failures

    def describe(self) -> str:
        return "\n".join(failure.describe() for failure in self.failures)


def run_test(
    transcript: Transcript, test: TranscriptTest, game_factory: GameFactory = default_game_factory,
    coverage: ContentCoverage | None = None,
) -> TestOutcome:
    """Play one test on a fresh game and collect its failures; with `coverage`, record there what
    of the content it plays."""
    outcome = TestOutcome(test)

    def fail(line: int, step: str, **details: Any) -> None:
        outcome.failures.append(Failure(transcript.path, line, test.name, step, **details))

    try:
        game = game_factory(content=transcript.content, seed=transcript.seed, mods=transcript.mods)
    except Exception as error:  # any start-up error, typically ContentError, fails the test
        fail(test.line, "could not start the game", error=describe_exception(error))
        outcome.started = False
        return outcome
    if coverage is not None:
        from elysium.content.loader import default_content_dir

        coverage.watch(game, transcript.content or default_content_dir(), transcript.mods)
    for step in test.steps:
        try:
            if step.command is None:
                output = _text(game.opening())
            elif game.over:
                fail(step.line, step.label, reason="the game is over, so this command was not sent")
                return outcome
            else:
                output = _text(game.turn(step.command))
            state_reader = _StateReader(game)
            for check in step.checks:
                reason = check.evaluate(output, state_reader)
                if reason is not None:
                    fail(check.line, step.label, check=check.source, reason=reason,
                         output=output if check.shows_output else None)
        except Exception as error:  # the game crashed: report it and move on to the next test
            fail(step.line, step.label, error=describe_exception(error))
            return outcome
    return outcome


def run_paths(
    paths: Iterable[Path],
    out: TextIO,
    game_factory: GameFactory = default_game_factory,
    verbose: bool = False,
    only: str | None = None,
    coverage: ContentCoverage | None = None,
) -> int:
    """Run every test in the given files and folders; return 0 when all passed. With `coverage`,
    what the tests play of each game is recorded there (see coverage.py).

    Prints a FAIL block per failed check, `ok <file>: <test>` per passing test when
    verbose, and finally one `N passed, N failed` line. A path that does not exist or
    a file that cannot be parsed counts as one failed test, so it cannot go unnoticed.
    Returns 1 when anything failed or when no test ran at all.
    """
    shown = _Printable(out)
    paths = [Path(p) for p in paths]
    passed = failed = 0
    files, missing = find_transcripts(paths)
    for path in missing:
        print(f"{display_path(path)}: no such file or folder", file=shown)
        failed += 1
    for path in files:
        try:
            transcript = parse_transcript(path)
        except TranscriptError as error:
            print(error, file=shown)
            failed += 1
            continue
        could_not_start = False
        for test in transcript.tests:
            if only is not None and test.name != only:
                continue
            if could_not_start:
                # the same content and seed fail the same way; say so briefly
                print(f"FAIL {display_path(path)}:{test.line} {test.name}: "
                      f"could not start the game (see above)", file=shown)
                failed += 1
                continue
            outcome = run_test(transcript, test, game_factory, coverage)
            if outcome.passed:
                passed += 1
                if verbose:
                    print(f"ok {display_path(path)}: {test.name}", file=shown)
                continue
            failed += 1
            print(outcome.describe(), file=shown)
            could_not_start = not outcome.started
    if passed + failed == 0:
        print(_nothing_ran(files, paths, only), file=shown)
    print(f"{passed} passed, {failed} failed", file=shown)
    return 0 if failed == 0 and passed > 0 else 1


def find_transcripts(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Expand folders into their *.regtest files, searched recursively and sorted by path.

    Hidden folders (.git, .venv, ...) and __pycache__ are skipped. A file named directly
    is used whatever its suffix. Returns the files in order without duplicates, and the
    paths that do not exist.
    """
    files: list[Path] = []
    missing: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(_regtest_files(path))
        elif path.is_file():
            found = [path]
        else:
            missing.append(path)
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _regtest_files(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        # pruning here keeps a search from the project root out of .venv
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        yield from (Path(root, name) for name in names if name.endswith(".regtest"))


def _nothing_ran(files: list[Path], paths: list[Path], only: str | None) -> str:
    if not files:
        where = ", ".join(display_path(p) for p in paths) or "(no paths given)"
        return f"no transcripts (*.regtest) were found in {where}"
    if only is not None:
        return f"no test named {only!r} was found"
    return "the transcripts contain no tests"


def _text(reply: Any) -> str:
    """The reply as plain mode shows it: text styles removed, as a player at a terminal sees it."""
    return "" if reply is None else plain(str(reply))


class _Printable:
    """`out` without control characters: file names, test names, checks and the game's output all
    come from files anyone may write, and what is written here is read on a terminal."""

    def __init__(self, out: TextIO):
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(without_controls(text))

    def flush(self) -> None:
        self.out.flush()


class _StateReader:
    """Reads game.state at most once per step, and only if a {state} check asks."""

    def __init__(self, game: Any):
        self._game = game
        self._state: Any = None
        self._read = False

    def __call__(self) -> Any:
        if not self._read:
            self._state = self._game.state
            self._read = True
        return self._state
