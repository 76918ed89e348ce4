"""Transcript tests for Elysium: regtest.py-style `.regtest` files, plus `{state}` checks.

A transcript is a list of commands to play and checks on what comes back:

    ** content: ../content/starred_blocks
    ** seed: 7
    * opening-and-look
    The Gatehouse
    > look
    /marble\\s+arches
    !Traceback
    {state} location == gatehouse

parser.py describes the file, checks.py how output is matched (line by line, as
regtest.py does), state_checks.py the `{state}` checks, runner.py how tests run,
recorder.py how `elysium play --record` writes them, elysium/pytest_plugin.py
how pytest collects them, and coverage.py with coverage_report.py what of a game
they played (`elysium test --coverage`).
"""

from elysium.transcript.model import Step, Transcript, TranscriptError, TranscriptTest
from elysium.transcript.parser import parse_transcript
from elysium.transcript.recorder import TranscriptRecorder
from elysium.transcript.report import Failure
from elysium.transcript.runner import (
    TestOutcome,
    default_game_factory,
    find_transcripts,
    run_paths,
    run_test,
)

__all__ = [
    "Failure",
    "Step",
    "TestOutcome",
    "Transcript",
    "TranscriptError",
    "TranscriptRecorder",
    "TranscriptTest",
    "default_game_factory",
    "find_transcripts",
    "parse_transcript",
    "run_paths",
    "run_test",
]
