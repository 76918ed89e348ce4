"""Replies when the parser cannot act: each names the word it did not know, briefly, and nothing
the player types can make the parser raise."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elysium.parser import Command, Failure, Question, parse, resolve_answer, split_commands

HELP_TIP = " (Type HELP for the verbs you can use.)"


def test_unknown_first_word(world) -> None:
    assert world.parse("xyzzy") == Failure('You don\'t know how to "xyzzy".' + HELP_TIP)
    reply = world.parse("Frobnicate the lute")
    assert isinstance(reply, Failure) and '"frobnicate"' in reply.text


def test_a_noun_as_the_first_word_is_not_a_verb(world) -> None:
    reply = world.parse("lute")
    assert isinstance(reply, Failure) and '"lute"' in reply.text


def test_unknown_word_in_a_noun_phrase(world) -> None:
    assert world.parse("take glorb") == Failure('You don\'t know the word "glorb".')
    assert world.parse("take the shiny lute") == Failure('You don\'t know the word "shiny".')
    assert world.parse("put lute in glorb") == Failure('You don\'t know the word "glorb".')
    assert world.parse("take all except glorb") == Failure('You don\'t know the word "glorb".')
    assert world.parse("ring glorb") == Failure('You don\'t know the word "glorb".')


def test_unknown_word_after_a_verb_that_takes_nothing(world) -> None:
    assert world.parse("score glorb") == Failure('You don\'t know the word "glorb".')
    assert world.parse("go glorb") == Failure('You don\'t know the word "glorb".')


def test_known_word_but_nothing_here(world) -> None:
    assert world.parse("take lantern") == Failure('You can\'t see any "lantern" here.')
    assert world.parse("take the silver lantern") == Failure('You can\'t see any "silver lantern" here.')
    assert world.parse("take iron lute") == Failure('You can\'t see any "iron lute" here.')
    assert world.parse("put lute in lantern") == Failure('You can\'t see any "lantern" here.')


def test_a_grammar_word_out_of_place(world) -> None:
    reply = world.parse("take lute with lute")
    assert isinstance(reply, Failure) and '"with"' in reply.text


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("take", "What do you want to take?"),
        ("get", "What do you want to get?"),
        ("x", "What do you want to examine?"),
        ("open", "What do you want to open?"),
        ("close", "What do you want to close?"),
        ("read", "What do you want to read?"),
        ("wear", "What do you want to wear?"),
        ("drop", "What do you want to drop?"),
        ("put", "What do you want to put?"),
        ("take off", "What do you want to take off?"),
        ("pick up", "What do you want to pick up?"),
        ("look at", "What do you want to look at?"),
        ("look in", "What do you want to look in?"),
        ("unlock door with", "What do you want to unlock the oak door with?"),
        ("put lute in", "What do you want to put the battered lute in?"),
        ("take the", "What do you want to take?"),
        ("ask warden about", "What do you want to ask Warden Ilsa Marrow about?"),
        ("ask", "Who do you want to ask?"),
        ("talk to", "Who do you want to talk to?"),
        ("go", "Which way do you want to go?"),
        ("put lute", "Where do you want to put the battered lute?"),
        ("hang grey cloak", "What do you want to hang the grey cloak on?"),
    ],
)
def test_a_verb_without_its_object_asks_for_it(world, typed: str, reply: str) -> None:
    asked = world.parse(typed)
    assert isinstance(asked, Question) and asked.text == reply
    assert asked.pending["complete"] == typed


def test_talking_with_nobody_here(world) -> None:
    alone = world.without("warden")
    assert world.parse("talk", scope=alone) == Failure("There is nobody here to talk to.")
    assert world.parse("ask about wards", scope=alone) == Failure("There is nobody here to ask.")


def test_a_sentence_the_verb_does_not_allow(world) -> None:
    # ("turn candle" is turning it, one of the verbs players try; "pick candle" takes it, as PICK LILY)
    reply = world.parse("exit north")
    assert isinstance(reply, Failure)
    assert '"exit north"' in reply.text and "OUT" in reply.text
    assert world.parse("pick candle").action == "take"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", ","])
def test_saying_nothing(world, blank: str) -> None:
    assert world.parse(blank) == Failure("You pause, but say nothing.")


@pytest.mark.parametrize("markup", ["[/]", "[bold]", "[@click=app.quit]x[/]", "[/bold]"])
def test_markup_is_plain_text(world, markup: str) -> None:
    reply = world.parse(markup)
    assert isinstance(reply, Failure)
    assert reply.text.startswith("You don't know how to")


def test_a_word_of_symbols_is_quoted_exactly(world) -> None:
    # A quoted bracket is escaped so that no front-end reads the player's words as a text style.
    assert world.parse("[/]") == Failure('You don\'t know how to "\\[/]".' + HELP_TIP)
    assert world.parse("take [/]") == Failure('You don\'t know the word "\\[/]".')
    assert world.parse("take [bold") == Failure('You don\'t know the word "bold".')


def test_long_words_are_cut_short_in_replies(world) -> None:
    reply = world.parse("x" * 10_000)
    assert reply == Failure('You don\'t know how to "' + "x" * 40 + '…".' + HELP_TIP)
    reply = world.parse("take " + "glorb" * 2000)
    assert reply == Failure('You don\'t know the word "' + ("glorb" * 8) + '…".')


def test_long_phrases_are_cut_short_in_replies(world) -> None:
    reply = world.parse("take " + "silver " * 2000 + "lantern")
    assert isinstance(reply, Failure) and len(reply.text) < 100
    assert '"silver silver' in reply.text and "…" in reply.text


def test_control_characters_are_not_echoed(world) -> None:
    reply = world.parse("take \x07\x1b")
    assert reply == Failure('You don\'t know the word "\ufffd\ufffd".')
    reply = world.parse("\x1b[31mred")
    assert isinstance(reply, Failure) and "\x1b" not in reply.text


def test_emoji_and_other_scripts(world) -> None:
    assert world.parse("🎻") == Failure('You don\'t know how to "🎻".' + HELP_TIP)
    assert world.parse("take 竪琴") == Failure('You don\'t know the word "竪琴".')
    assert world.parse("take lute 🎻") == Failure('You don\'t know the word "🎻".')


REPLIES = (Command, Question, Failure)
PRONOUNS = {"it": ["lute"], "them": ["beads", "gone"], "him": ["warden"], "her": ["nobody"]}
GAME_WORDS = st.sampled_from(
    "take drop put in on off from out of all except but and , it them the hook brass iron lute beads "
    "warden ask about wear remove x look at go north ring with play knock then . ; [/] glorb 9:00 "
    "first second both up down talk to wait until".split()
)
SENTENCES = st.one_of(st.text(), st.lists(GAME_WORDS, max_size=10).map(" ".join))


@settings(max_examples=500, deadline=None)
@given(SENTENCES)
def test_parse_never_raises(world, text: str) -> None:
    for segment in split_commands(text) + [text]:
        reply = parse(segment, world.scope, world.vocabulary, PRONOUNS)
        assert isinstance(reply, REPLIES)
        if isinstance(reply, Question):
            assert json.loads(json.dumps(reply.pending)) == reply.pending
        if isinstance(reply, Failure):
            assert reply.text and len(reply.text) < 200


@settings(max_examples=300, deadline=None)
@given(SENTENCES, SENTENCES)
def test_answers_never_raise(world, segment: str, answer: str) -> None:
    for pending in ({}, {"segment": segment, "key": "objects:0", "candidates": ["brass_hook", "iron_hook"]}):
        reply = resolve_answer(answer, pending, world.scope, world.vocabulary, PRONOUNS)
        assert reply is None or isinstance(reply, REPLIES)
    question = parse("take hook", world.scope, world.vocabulary, PRONOUNS)
    reply = resolve_answer(answer, question.pending, world.scope, world.vocabulary, PRONOUNS)
    assert reply is None or isinstance(reply, REPLIES)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_commands_never_raises(text: str) -> None:
    assert all(segment and segment == segment.strip() for segment in split_commands(text))


def test_a_very_long_line_is_quick(world) -> None:
    import time

    lines = [
        "take " + "hook and " * 2000 + "lute",
        "put " + "lute " * 3000 + "in " + "chest " * 3000,
        "take " + "in " * 5000,
        "x" * 10_000,
        "take all except " + "lute, " * 3000,
    ]
    started = time.perf_counter()
    for line in lines:
        assert isinstance(world.parse(line), REPLIES)
    assert time.perf_counter() - started < 2


def test_the_answer_to_a_prompt_finishes_the_command(world) -> None:
    asked = world.parse("open")
    assert world.answer("the chest", asked) == Command("open", objects=("chest",))
    asked = world.parse("put lute")
    assert world.answer("on the small hook", asked) == Command(
        "put", objects=("lute",), second="brass_hook", preposition="on")


def test_a_command_instead_of_an_answer_to_a_prompt_is_a_fresh_command(world) -> None:
    asked = world.parse("open")
    assert world.answer("north", asked) is None
    assert world.answer("take lute", asked) is None
