"""Reading .regtest files: headers, tests, steps, and readable syntax errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.transcript import TranscriptError, parse_transcript
from elysium.transcript.checks import TextCheck
from elysium.transcript.state_checks import StateCheck


def test_headers_are_resolved_relative_to_the_transcript_folder(write, workdir):
    path = write("play/intro.regtest", """
        ** game: starred_blocks.ulx
        ** interpreter: glulxe -q
        ** content: ../content/starred_blocks
        ** mod: mods/lanterns
        ** mod: /opt/elysium/mods/bells
        ** seed: 7
        * only-test
    """)
    transcript = parse_transcript(path)
    assert transcript.content == workdir / "content" / "starred_blocks"
    assert transcript.mods == (workdir / "play/mods/lanterns", Path("/opt/elysium/mods/bells"))
    assert transcript.seed == 7
    assert transcript.headers["game"] == ["starred_blocks.ulx"]
    assert transcript.headers["interpreter"] == ["glulxe -q"]


def test_defaults_without_headers(write):
    transcript = parse_transcript(write("plain.regtest", "* t\n"))
    assert (transcript.content, transcript.seed, transcript.mods) == (None, 0, ())


def test_tests_steps_commands_and_line_numbers(write):
    path = write("steps.regtest", """
        # comments and blank lines are ignored anywhere

        * first
        The Gatehouse
        > look
        # a comment between checks
        White marble
        >look again
        >
          /Pardon/

        * second
        > north
    """)
    first, second = parse_transcript(path).tests
    assert (first.name, first.line) == ("first", 3)
    assert [step.command for step in first.steps] == [None, "look", "look again", ""]
    assert [step.label for step in first.steps] == ["(opening)", "> look", "> look again", ">"]
    assert [check.line for step in first.steps for check in step.checks] == [4, 7, 10]
    assert [check.source for step in first.steps for check in step.checks] == [
        "The Gatehouse", "White marble", "/Pardon/",
    ]
    assert [step.command for step in second.steps] == [None, "north"]


def test_check_kinds_are_recognised(write):
    path = write("kinds.regtest", """
        * t
        plain text
        /re+gex
        !negated
        !/negated regex
        {count=2} Bong
        {state} score >= 5
        !{state} flags.gate_open == true
    """)
    checks = parse_transcript(path).tests[0].steps[0].checks
    plain, regex, negated, negated_regex, count, state, negated_state = checks
    assert isinstance(plain, TextCheck) and plain.pattern is None and plain.text == "plain text"
    assert regex.pattern.pattern == "re+gex"
    assert negated.negated and negated.text == "negated"
    assert negated_regex.negated and negated_regex.pattern.pattern == "negated regex"
    assert count.min_count == 2 and count.text == "Bong"
    assert isinstance(state, StateCheck)
    assert (state.path, state.op, state.value) == ("score", ">=", 5)
    assert negated_state.negated and negated_state.value is True


def test_every_syntax_problem_is_reported_with_file_and_line(write):
    path = write("bad.regtest", """
        > look
        orphan check
        ** seed: seven
        ** no colon here
        * t
        ** content: too/late
        /unclosed(
        {count=0} bell
        {count=two} bell
        {vital} bell
        {state} score
        {state} score >=
        {state} a..b == 1
        {count=2} {state} score == 1
        !
        * t
        *
    """)
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(path)
    problems = caught.value.problems
    # the regex message comes from the re module and may change between Pythons
    assert problems.pop(5).startswith("bad.regtest:7: bad regular expression: missing )")
    assert problems == [
        "bad.regtest:1: a command must come after a '* name' test line",
        "bad.regtest:2: a check must come after a '* name' test line",
        "bad.regtest:3: seed must be a whole number, not 'seven'",
        "bad.regtest:4: a header needs the form '** key: value'",
        "bad.regtest:6: header 'content' must come before the first test",
        "bad.regtest:8: {count=0} needs a whole number of at least 1",
        "bad.regtest:9: {count=two} needs a whole number of at least 1",
        "bad.regtest:10: unsupported check modifier {vital} (supported: {count=N}, {state})",
        "bad.regtest:11: {state} check needs '<path> <operator> <value>' "
        "with one of == != < <= > >= contains",
        "bad.regtest:12: {state} check has no value after >=",
        "bad.regtest:13: {state} path 'a..b' has an empty part",
        "bad.regtest:14: {count=N} cannot be used with {state}",
        "bad.regtest:15: empty check",
        "bad.regtest:16: there is already a test named 't'",
        "bad.regtest:17: a test needs a name: '* name'",
    ]
    assert len(str(caught.value).splitlines()) == 16


def test_repeated_content_and_seed_headers_are_errors(write):
    path = write("twice.regtest", "** seed: 1\n** seed: 2\n** content: a\n** content: b\n* t\n")
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(path)
    assert caught.value.problems == [
        "twice.regtest:2: only one 'seed' header is allowed",
        "twice.regtest:4: only one 'content' header is allowed",
    ]


def test_an_unreadable_file_is_a_transcript_error(workdir):
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(Path("missing.regtest"))
    assert caught.value.problems[0].startswith("missing.regtest: cannot read: ")


def test_braces_that_are_not_a_modifier_are_plain_text(write):
    path = write("braces.regtest", "* t\n{The End}\n")
    check = parse_transcript(path).tests[0].steps[0].checks[0]
    assert isinstance(check, TextCheck) and check.text == "{The End}"


def test_a_line_of_three_stars_is_a_check_not_a_header(write):
    # Games print their endings so ("*** You have won ***"); only "** key: value" is a header.
    path = write("ending.regtest", "* t\n> read message\n*** You have won ***\n")
    check = parse_transcript(path).tests[0].steps[1].checks[0]
    assert isinstance(check, TextCheck) and check.text == "*** You have won ***"
