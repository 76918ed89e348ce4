"""Running transcripts: reports, summary line, exit codes, crashes and content errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from elysium.transcript import parse_transcript, run_test
from transcript_fakes import FakeGame

PASSING = """
    * opening-and-look
    The Gatehouse
    /marble\\s+arches
    > look
    White marble
    !Traceback
    {state} location == gatehouse

    * walk-north
    > north
    Fountain Court
    {state} location == fountain_court
    {state} visited contains fountain_court
    > take key
    Taken.
    {state} items.brass_key.at == player
    {state} score >= 5
    > talk to warden
    {state} flags.met_warden == true
"""


def test_a_passing_file(write, run):
    write("intro.regtest", PASSING)
    code, text = run("intro.regtest")
    assert (code, text) == (0, "2 passed, 0 failed\n")


def test_verbose_lists_passing_tests(write, run):
    write("intro.regtest", PASSING)
    code, text = run("intro.regtest", verbose=True)
    assert text == (
        "ok intro.regtest: opening-and-look\n"
        "ok intro.regtest: walk-north\n"
        "2 passed, 0 failed\n"
    )


def test_a_failing_check_is_reported_with_file_line_check_and_output(write, run):
    write("tests/playthroughs/intro.regtest", """
        * opening-and-look
        The Gatehouse
        > look
        White marble
        /marble\\s+halls
        Gatehouse
    """)
    code, text = run("tests")
    assert code == 1
    assert text == (
        "FAIL tests/playthroughs/intro.regtest:5 opening-and-look: > look\n"
        "  check:  /marble\\s+halls\n"
        "  output:\n"
        "    The Gatehouse\n"
        "    White marble arches rise over the gate.\n"
        "0 passed, 1 failed\n"
    )


def test_each_failing_check_is_reported_and_the_test_goes_on(write, run):
    write("many.regtest", """
        * many
        Nowhere
        > ring bell
        {count=4} Bong
        !silent
        > look
        Gatehouse
    """)
    code, text = run("many.regtest")
    assert code == 1
    assert text.count("FAIL ") == 3
    assert "FAIL many.regtest:2 many: (opening)\n  check:  Nowhere\n  output:\n" in text
    assert (
        "FAIL many.regtest:4 many: > ring bell\n"
        "  check:  {count=4} Bong\n"
        "  reason: occurs 3 times, should occur at least 4 times\n"
        "  output:\n"
        "    You pull the rope.\n"
    ) in text
    assert "FAIL many.regtest:5 many: > ring bell\n  check:  !silent\n  reason: found, but" in text
    assert text.endswith("0 passed, 1 failed\n")


def test_a_failing_state_check_shows_the_value_not_the_output(write, run):
    write("state.regtest", """
        * state
        > north
        {state} score >= 5
        {state} flags.lantern == true
    """)
    code, text = run("state.regtest")
    assert text == (
        "FAIL state.regtest:3 state: > north\n"
        "  check:  {state} score >= 5\n"
        "  reason: score is 0\n"
        "FAIL state.regtest:4 state: > north\n"
        "  check:  {state} flags.lantern == true\n"
        "  reason: state path 'flags.lantern' does not exist (flags has: met_warden)\n"
        "0 passed, 1 failed\n"
    )


def test_the_summary_counts_tests_not_checks(write, run):
    write("mixed.regtest", """
        * good
        > look
        Gatehouse
        * bad
        > look
        Fountain
        Court
        * also-good
        > north
        Fountain Court
    """)
    code, text = run("mixed.regtest")
    assert code == 1
    assert text.splitlines()[-1] == "2 passed, 1 failed"


def test_every_test_gets_a_fresh_game(write, run):
    write("fresh.regtest", """
        * takes-the-key
        > take key
        {state} score == 5
        * starts-over
        {state} score == 0
        {state} items.brass_key.at == gatehouse
    """)
    FakeGame.created.clear()
    assert run("fresh.regtest") == (0, "2 passed, 0 failed\n")
    assert len(FakeGame.created) == 2


def test_headers_reach_the_game_factory(write, run, workdir):
    write("play/seeded.regtest", """
        ** content: ../content/starred_blocks
        ** mod: mods/lanterns
        ** mod: mods/bells
        ** seed: 7
        * seeded
        > seed
        Seed 7, mods lanterns, bells.
    """)
    FakeGame.created.clear()
    assert run("play") == (0, "1 passed, 0 failed\n")
    game = FakeGame.created[0]
    assert game.content == workdir / "content" / "starred_blocks"
    assert game.mods == (workdir / "play/mods/lanterns", workdir / "play/mods/bells")
    assert game.seed == 7


def test_commands_reach_the_game_as_written(write, run):
    write("commands.regtest", "* t\n> look\n>look\n>\n>   talk to warden  \n")
    FakeGame.created.clear()
    run("commands.regtest")
    assert FakeGame.created[0].received == ["look", "look", "", "talk to warden"]


def test_an_exception_in_a_turn_fails_that_test_and_the_run_goes_on(write, run):
    write("crash.regtest", """
        * crashes
        > look
        > crash
        > look
        Gatehouse
        * carries-on
        > look
        Gatehouse
    """)
    code, text = run("crash.regtest", verbose=True)
    assert code == 1
    lines = text.splitlines()
    assert lines[0] == "FAIL crash.regtest:3 crashes: > crash"
    assert lines[1] == "  error:  RuntimeError: the floor gave way"
    assert lines[2].startswith("    at ") and lines[2].endswith(" in turn")
    assert "transcript_fakes.py:" in lines[2]
    assert lines[3:] == ["ok crash.regtest: carries-on", "1 passed, 1 failed"]
    assert "Traceback" not in text


def test_a_content_error_fails_the_files_tests_without_a_traceback(write, run):
    write("a_broken.regtest", """
        ** content: broken
        * first
        > look
        * second
        > look
    """)
    write("b_fine.regtest", "* fine\n> look\nGatehouse\n")
    code, text = run(".")
    assert code == 1
    assert text == (
        "FAIL a_broken.regtest:2 first: could not start the game\n"
        "  error:  FakeContentError: 2 problems in the content\n"
        "    rooms.yaml:3:5: exit 'north' leads to unknown room 'nowhere'\n"
        "    items.yaml:9:1: item 'lamp' has no name\n"
        "FAIL a_broken.regtest:4 second: could not start the game (see above)\n"
        "1 passed, 2 failed\n"
    )


def test_a_command_after_the_game_is_over_fails(write, run):
    write("over.regtest", "* t\n> quit\nGoodbye.\n> look\n")
    code, text = run("over.regtest")
    assert text == (
        "FAIL over.regtest:4 t: > look\n"
        "  reason: the game is over, so this command was not sent\n"
        "0 passed, 1 failed\n"
    )


def test_folders_are_searched_recursively_in_sorted_order(write, run):
    write("suite/b.regtest", "* b\n")
    write("suite/a/z.regtest", "* az\n")
    write("suite/a.regtest", "* a\n")
    write("suite/notes.txt", "* not a transcript\n")
    code, text = run("suite", "suite/a.regtest", verbose=True)
    # sorted part by part, so a folder's files come before a sibling named like it
    assert text == (
        "ok suite/a/z.regtest: az\n"
        "ok suite/a.regtest: a\n"
        "ok suite/b.regtest: b\n"
        "3 passed, 0 failed\n"
    )


def test_a_file_named_directly_runs_whatever_its_suffix(write, run):
    write("notes.txt", "* named\n> look\nGatehouse\n")
    assert run("notes.txt") == (0, "1 passed, 0 failed\n")


def test_no_transcripts_found(write, run, workdir):
    (workdir / "empty").mkdir()
    code, text = run("empty")
    assert code == 1
    assert text == "no transcripts (*.regtest) were found in empty\n0 passed, 0 failed\n"


def test_a_missing_path_counts_as_a_failure(write, run):
    write("fine.regtest", "* fine\n")
    code, text = run("fine.regtest", "typo.regtest")
    assert (code, text) == (1, "typo.regtest: no such file or folder\n1 passed, 1 failed\n")


def test_syntax_errors_are_reported_and_count_as_a_failure(write, run):
    write("a_bad.regtest", "* t\n{count=x} Bong\n** seed: 1\n")
    write("b_good.regtest", "* good\n")
    code, text = run(".")
    assert code == 1
    assert text == (
        "a_bad.regtest:2: {count=x} needs a whole number of at least 1\n"
        "a_bad.regtest:3: header 'seed' must come before the first test\n"
        "1 passed, 1 failed\n"
    )


def test_only_runs_the_named_tests(write, run):
    write("one.regtest", "* wanted\n> look\n* other\n> look\nNever\n")
    write("two.regtest", "* wanted\n> north\n")
    code, text = run(".", only="wanted", verbose=True)
    assert code == 0
    assert text == "ok one.regtest: wanted\nok two.regtest: wanted\n2 passed, 0 failed\n"


def test_only_with_no_such_test_fails(write, run):
    write("one.regtest", "* wanted\n")
    code, text = run(".", only="unwanted")
    assert (code, text) == (1, "no test named 'unwanted' was found\n0 passed, 0 failed\n")


def test_paths_outside_the_current_folder_are_shown_absolute(write, run, workdir, monkeypatch):
    write("away/t.regtest", "* t\nNowhere\n")
    (workdir / "elsewhere").mkdir()
    monkeypatch.chdir(workdir / "elsewhere")
    code, text = run(workdir / "away")
    assert text.startswith(f"FAIL {workdir / 'away' / 't.regtest'}:2 t: (opening)\n")


def test_run_test_can_be_used_on_its_own(write):
    transcript = parse_transcript(write("solo.regtest", "* solo\n> look\nFountain\n"))
    outcome = run_test(transcript, transcript.tests[0], FakeGame.new)
    assert not outcome.passed
    assert [(f.line, f.step, f.check) for f in outcome.failures] == [(3, "> look", "Fountain")]


def test_importing_the_package_does_not_import_the_engine():
    code = (
        "import sys, elysium.transcript, elysium.pytest_plugin; "
        "assert 'elysium.engine' not in sys.modules; "
        "assert not {'textual', 'rich'} & set(sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_hidden_folders_are_not_searched(write, run):
    write("suite/.venv/lib/stray.regtest", "* stray\nNever\n")
    write("suite/__pycache__/stray.regtest", "* stray\nNever\n")
    write("suite/real.regtest", "* real\n")
    assert run("suite") == (0, "1 passed, 0 failed\n")


def test_a_content_error_whose_message_is_its_problem_list(write, run):
    class ListedError(Exception):
        problems = ["pack.yaml:1:1: no id"]

    def factory(**settings):
        raise ListedError("pack.yaml:1:1: no id")

    write("t.regtest", "* t\n")
    code, text = run("t.regtest", game_factory=factory)
    assert text.startswith(
        "FAIL t.regtest:1 t: could not start the game\n"
        "  error:  ListedError: 1 problem(s)\n"
        "    pack.yaml:1:1: no id\n"
    )


def test_a_pipe_or_a_device_named_like_a_transcript_is_refused_not_waited_on(write, run, workdir):
    """A folder of someone else's transcripts may hold anything under a *.regtest name."""
    import os
    import signal

    write("fine.regtest", "* fine\n")
    os.mkfifo(workdir / "pipe.regtest")
    (workdir / "zero.regtest").symlink_to("/dev/zero")

    def hung(signum, frame):
        raise AssertionError("the runner waited on a named pipe")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        code, text = run(".")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 1
    assert text == (
        "pipe.regtest: cannot read: this is a named pipe (FIFO), not a regular file\n"
        "zero.regtest: cannot read: this is a character device, not a regular file\n"
        "1 passed, 2 failed\n"
    )
