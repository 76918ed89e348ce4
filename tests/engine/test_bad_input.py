"""Whatever the player types, the game answers in words and never falls over."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from elysium.content import load_content
from elysium.content.styles import plain
from elysium.engine import Game
from elysium.state.store import copy_state

from engine_walks import FIXTURE_WORLD

# Loaded once for the whole module: every example builds its game from it in well under a
# millisecond, so the property tests can afford many examples.
CONTENT = load_content(FIXTURE_WORLD)


@pytest.fixture(scope="module")
def content():
    return CONTENT


NOUNS = sorted({word for thing in (*CONTENT.items.values(), *CONTENT.npcs.values())
                for word in (*thing.nouns, *thing.adjectives)})
VERBS = [
    "look", "l", "x", "examine", "search", "take", "get", "drop", "put", "hang", "open", "close",
    "lock", "unlock", "wear", "remove", "read", "light", "douse", "put out", "ask", "talk to",
    "wait", "z", "wait until", "sleep", "attend", "perform", "practice", "inventory", "i", "score",
    "time", "journal", "timetable", "status", "help", "?", "again", "g", "undo", "quit",
    "n", "s", "e", "w", "u", "d", "up", "down", "in", "out", "go", "enter",
    "ring", "strike", "sing", "hum", "nap", "pull", "jump", "pray",
]
GRAMMAR = ["take", "all", "except", "but", "it", "them", "him", "her", "then", ".", ";", ",", "and",
           "from", "in", "on", "with", "to", "about", "the", "a", "some", "my", "one", "both",
           "everything", "until", "9:00", "12", "30 minutes", "small", "large"]
MARKUP = ["[/]", "[bold", "[@click=app.quit]x[/]", "[bold]", "[/bold]", "[red on white]",
          "[link=https://example.com]x[/link]", "\\[", "[[", "]]", ":smile:", "<b>", "</b>", "&amp;",
          "%s", "{0}", "{}", "$(id)", "\\", "*", "_", "`"]
ODD = ["😀", "🎻", "👩\u200d👩\u200d👧", "🇬🇧", "\u200d", "\ufe0f", "\x00", "\x1b", "\x1b[31m",
       "\x1b[2J", "\x1b]0;owned\x07", "\x07", "\x08", "\r", "\n", "\t", "\x7f", "\u2028", "\u2029",
       "\x85", "\ufeff", "\u200b", "\u202e", "\ud800", "\uffff", "\U0010ffff", "ǅ", "İ", "ß", "ﬁ"]
FRAGMENTS = NOUNS + VERBS + GRAMMAR + MARKUP + ODD

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6))
lines = st.one_of(
    st.text(),  # any Unicode at all, control characters included
    st.lists(fragment, max_size=10).map(" ".join),
    st.lists(fragment, max_size=10).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join),
)
# Lines are also thrown at a game in the middle of things: a question waiting for its answer, the
# dark cellar, the top of the tower, and a game that has already ended.
PREFIXES = [
    "",
    "e. remove cloak. put cloak on hook",
    "open chest. take key. unlock door with key. d",
    "pull lever. u",
    "pull lever. u. jump",
]


def printable(reply: str) -> bool:
    """Only printable characters and line breaks: nothing that could drive a terminal."""
    return all(ch == "\n" or ch.isprintable() for ch in reply)


def fresh(seed: int, prefix: str) -> Game:
    game = Game.from_content(CONTENT, seed)
    game.opening()
    if prefix:
        game.turn(prefix)
    return game


@settings(max_examples=1500, deadline=None)
@given(seed=st.integers(0, 2**32), prefix=st.sampled_from(PREFIXES),
       typed=st.lists(lines, min_size=1, max_size=4))
@example(seed=1, prefix="", typed=["."])
def test_random_lines_get_a_reply_and_no_internal_error(seed: int, prefix: str, typed: list[str]) -> None:
    game = fresh(seed, prefix)
    for line in typed:
        reply = game.turn(line)
        assert isinstance(reply, str)
        assert reply.strip(), f"empty reply to {line!r}"
        assert printable(reply), f"unprintable characters in the reply to {line!r}"
        assert game.errors == [], f"{line!r} caused {game.errors}"


@settings(max_examples=1500, deadline=None)
@given(seed=st.integers(0, 2**32), prefix=st.sampled_from(PREFIXES),
       typed=st.lists(lines, min_size=1, max_size=4))
def test_random_lines_never_cause_an_internal_error(seed: int, prefix: str, typed: list[str]) -> None:
    """The same as above, leaving out only the lines that hold no command at all (the known bug
    in the test above): everything else must get a non-empty, printable reply."""
    game = fresh(seed, prefix)
    for line in typed:
        reply = game.turn(line)
        assert isinstance(reply, str)
        assert game.errors == [], f"{line!r} caused {game.errors}"
        assert printable(reply), f"unprintable characters in the reply to {line!r}"
        assert reply.strip(), f"empty reply to {line!r}"


# -- explicit cases --------------------------------------------------------------------------------

def check_sensible(game: Game, line: str) -> str:
    reply = game.turn(line)
    assert isinstance(reply, str)
    assert reply.strip(), f"empty reply to {line!r}"
    assert printable(reply), f"unprintable characters in the reply to {line!r}: {reply!r}"
    assert "internal error" not in reply
    assert game.errors == []
    return reply


@pytest.mark.parametrize("line", ["", " ", "   ", "\t", " \t \n ", "\r\n", "\u3000", "\u00a0\u2003"])
def test_empty_and_blank_lines_get_a_polite_reply_and_change_nothing(content, line: str) -> None:
    game = Game.from_content(content, 1)
    game.opening()
    snapshot = copy_state(game.state)
    reply = check_sensible(game, line)
    assert "help" in reply.lower()
    assert game.state == snapshot
    assert len(game.history) == 0


@pytest.mark.parametrize("line", [
    "x " + "a" * 10_000,
    "a" * 10_000,
    "take " + "b" * 9_995,
    "[" * 10_000,
    "x " + "[bold]" * 1_666,
    "😀" * 10_000,
    "\x00" * 10_000,
    "\x1b[31m" * 2_000,
    " ".join(["frobozz"] * 1_250),
    "take " + ", ".join(["lantern"] * 1_111),
    "ask maestra about " + "weather " * 1_248,
])
def test_a_ten_thousand_character_line_gets_a_short_reply(content, line: str) -> None:
    assert len(line) >= 9_990
    game = Game.from_content(content, 1)
    game.opening()
    reply = check_sensible(game, line)
    assert len(reply) < 2_000


@pytest.mark.parametrize("line", [
    "\x00", "look\x00", "\x00look", "lo\x00ok", "x \x00lantern",
    "\x1b", "\x1b[2J", "\x1b[31mlook", "look\x1b[0m", "x \x1b]0;owned\x07lantern", "\x1bc",
    "\x07\x08\x7f", "take lantern\x00then drop it", "\ud800", "look\ufeff", "\u202elook",
])
def test_nul_and_escape_characters_get_a_sensible_reply(content, line: str) -> None:
    game = Game.from_content(content, 1)
    game.opening()
    reply = check_sensible(game, line)
    assert "\x1b" not in reply and "\x00" not in reply and "\x07" not in reply


def test_control_characters_around_a_command_do_not_stop_it(content) -> None:
    game = Game.from_content(content, 1)
    game.opening()
    assert check_sensible(game, "look\x00").startswith("Vestibule")
    assert "Taken" in check_sensible(game, "\x1btake lantern\x00")
    assert game.state["items"]["lantern"]["at"] == "player"


MARKUP_LINES = [
    "[/]",
    "[bold",
    "[@click=app.quit]x[/]",
    "x [/]",
    "take [bold",
    "x [@click=app.quit]x[/]",
    "[bold]look[/bold]",
    "take [red]lantern[/red]",
    "ask maestra about [/]",
    "x [link=file:///etc/passwd]",
]


@pytest.mark.parametrize("line", MARKUP_LINES)
def test_markup_is_never_interpreted(content, line: str) -> None:
    game = Game.from_content(content, 1)
    game.opening()
    reply = plain(check_sensible(game, line))  # as every front-end shows it
    # Whatever the reply quotes back from the line is the typed text itself, character for
    # character (lower-cased, as the parser reads words), not markup turned into something else.
    for quoted in re.findall(r'"([^"]*)"', reply):
        shown = quoted.removesuffix("\u2026")
        if shown and any(ch in line for ch in "[]@/"):
            assert shown in line.lower(), f"{shown!r} is not what was typed in {line!r}"


@pytest.mark.parametrize("line, echoed", [
    ("[/]", "[/]"),
    ("x [/]", "[/]"),
    ("take [/]", "[/]"),
    ("take [bold]lantern[/bold]", "[/bold"),
    ("x [@click=app.quit]x[/]", "click=app"),
])
def test_markup_that_is_echoed_comes_back_literally(content, line: str, echoed: str) -> None:
    game = Game.from_content(content, 1)
    game.opening()
    reply = check_sensible(game, line)
    assert echoed in plain(reply)
    assert "[" not in reply.replace("\\[", ""), "a quoted bracket is escaped, so no front-end styles it"
