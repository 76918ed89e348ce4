"""How each kind of check judges output and state."""

from __future__ import annotations

import pytest

from elysium.transcript.checks import parse_check

BELL = "You pull the rope.\n  Bong!\nBong! Bong!\nThe bell falls silent.\n"
STATE = {
    "location": "fountain_court",
    "flags": {"met_warden": True, "gate_open": False},
    "score": 5,
    "time": 451.5,
    "title": "Starred Blocks",
    "items": {"brass_key": {"at": "player"}, "42": {"at": "vault"}},
    "visited": ["gatehouse", "fountain_court"],
    "nothing": None,
    "counts": [1, 2],
}


def judge(source: str, output: str = BELL, state=STATE) -> str | None:
    """None when the check passes, else its reason."""
    return parse_check(source, 1).evaluate(output, lambda: state)


@pytest.mark.parametrize("source", [
    "Bong!",                 # a substring of a line
    "You pull the rope.",    # a whole line
    "Bong! Bong!",           # whitespace inside a line matches exactly
    "/^Bong!$",              # lines are stripped before matching, so ^ and $ fit
    "/b[ae]ll\\s+falls",
    "!Traceback",
    "!/rope\\.\\s*Bong",     # never across a line break
    "!rope. Bong",
    "{count=3} Bong",        # three times over two lines, as regtest.py counts
    "{count=2} /^Bong",
    "!{count=4} Bong",       # not four times
])
def test_text_checks_that_pass(source):
    assert judge(source) is None


@pytest.mark.parametrize("source, reason", [
    ("Bang!", ""),
    ("/^bong", ""),
    ("!Bong", "found, but should not be"),
    ("!/silent\\.$", "found, but should not be"),
    # "Bong! Bong!" is one line, so it counts once: regtest.py counts matching lines
    ("{count=4} Bong", "occurs 3 times, should occur at least 4 times"),
    ("{count=2} rope", "occurs once, should occur at least 2 times"),
    ("!{count=2} Bong", "occurs 3 times, should occur fewer than 2 times"),
])
def test_text_checks_that_fail(source, reason):
    assert judge(source) == reason


def test_text_checks_never_read_the_state():
    def no_state():
        raise AssertionError("a text check read the state")

    assert parse_check("Bong", 1).evaluate(BELL, no_state) is None


@pytest.mark.parametrize("source", [
    "{state} location == fountain_court",
    '{state} location == "fountain_court"',
    "{state} flags.met_warden == true",
    "{state} flags.gate_open == false",
    "{state} flags.gate_open != true",
    "{state} nothing == null",
    "{state} score == 5",
    "{state} score == 5.0",
    "{state} score != 6",
    "{state} score >= 5",
    "{state} score <= 5",
    "{state} score > 4",
    "{state} score < 6",
    "{state}score>=5",
    "{state} time > 451",
    "{state} title == Starred Blocks",
    "{state} title > Starred",
    "{state} title contains Blocks",
    "{state} visited contains gatehouse",
    "{state} visited.1 == fountain_court",
    "{state} counts == [1, 2]",
    "{state} counts contains 2",
    "{state} items contains brass_key",
    "{state} items contains 42",      # the key "42", though 42 reads as a number
    "{state} items.brass_key.at == player",
    "{state} items.brass_key == {\"at\": \"player\"}",
    "!{state} flags.gate_open == true",
    "!{state} visited contains cellar",
    "!{state} flags.lantern_lit == true",  # a missing path: the negated form passes
    "!{state} visited.5 == cellar",
])
def test_state_checks_that_pass(source):
    assert judge(source) is None


@pytest.mark.parametrize("source, reason", [
    ("{state} location == gatehouse", 'location is "fountain_court"'),
    ("{state} score > 5", "score is 5"),
    ("{state} score == true", "score is 5"),              # booleans only equal booleans
    ("{state} counts contains true", "counts is [1, 2]"),
    ("{state} score == \"5\"", "score is 5"),
    ("!{state} flags.met_warden == true", "flags.met_warden is true"),
    ("{state} flags.lantern_lit == true",
     "state path 'flags.lantern_lit' does not exist (flags has: gate_open, met_warden)"),
    ("{state} nowhere.deep == 1",
     "state path 'nowhere.deep' does not exist (the state has: counts, flags, items, "
     "location, nothing, score, time, title, visited)"),
    ("{state} visited.2 == x", "state path 'visited.2' does not exist (visited is a list of 2)"),
    ("{state} score.points == 1", "state path 'score.points' does not exist (score is 5)"),
    ("{state} title < 5", 'cannot compare title = "Starred Blocks" with < 5'),
    # a check that cannot be judged is wrong either way, so negating it does not help
    ("!{state} title < 5", 'cannot compare title = "Starred Blocks" with < 5'),
    ("{state} score contains 5", "cannot look inside score = 5 with contains"),
])
def test_state_checks_that_fail(source, reason):
    assert judge(source) == reason


def test_long_values_are_cut_short_in_reasons():
    reason = judge("{state} text == short", state={"text": "x" * 500})
    assert reason == "text is " + '"' + "x" * 196 + "..."


def test_booleans_stay_apart_from_numbers_inside_lists_and_dicts():
    assert judge("{state} counts == [true, 2]") == "counts is [1, 2]"
    assert judge('{state} flags == {"met_warden": 1, "gate_open": 0}') is not None
    assert judge('{state} flags == {"met_warden": true, "gate_open": false}') is None


def test_a_counter_nothing_has_changed_reads_as_zero_as_conditions_read_it():
    state = {**STATE, "counters": {"stars": 3}}
    assert judge("{state} counters.disturbed == 0", state=state) is None
    assert judge("{state} counters.stars == 3", state=state) is None
    assert judge("{state} counters.disturbed == 1", state=state) is not None
    assert judge("{state} flags.never_set == true", state=state) is not None  # flags still must exist
