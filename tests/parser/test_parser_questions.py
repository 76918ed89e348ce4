"""Which do you mean? Preferring by verb, asking, and reading the player's answer."""

from __future__ import annotations

import json

import pytest

from elysium.parser import Command, Failure, Question, Thing

C = Command
WHICH_HOOK = "Which do you mean, the small brass hook or the large iron hook?"


def test_a_phrase_naming_two_things_asks_which(world) -> None:
    question = world.parse("take hook")
    assert isinstance(question, Question)
    assert question.text == WHICH_HOOK


def test_candidates_are_listed_in_scope_order(world) -> None:
    question = world.parse("x brass")
    assert isinstance(question, Question)
    assert question.text == "Which do you mean, the small brass hook or the small brass key?"


def test_a_person_is_named_without_an_article(world) -> None:
    scope = world.scope + (
        Thing("porter", "Porter Hobb", ("porter", "warden"), ("old",), kind="npc"),
    )
    question = world.parse("talk to warden", scope=scope)
    assert isinstance(question, Question)
    assert question.text == "Which do you mean, Warden Ilsa Marrow or Porter Hobb?"


def test_pending_is_plain_json(world) -> None:
    question = world.parse("put hook on hook")
    assert isinstance(question, Question)
    assert json.loads(json.dumps(question.pending)) == question.pending


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("take scroll", C("take", ("new_scroll",))),  # you take what you are not holding
        ("drop scroll", C("drop", ("old_scroll",))),  # and drop what you are
        ("read scroll", C("read", ("old_scroll",))),
        ("put scroll in chest", C("put", ("old_scroll",), second="chest", preposition="in")),
        ("wear cloak", C("wear", ("grey_cloak",))),  # the one you are not wearing yet
        ("remove cloak", C("remove", ("red_cloak",))),  # the one you are
        ("take off cloak", C("remove", ("red_cloak",))),
        ("drop cloak", C("drop", ("grey_cloak",))),
    ],
)
def test_the_verb_settles_which_is_meant(world, typed: str, expected: Command) -> None:
    assert world.parse(typed) == expected


def test_examining_has_no_preference(world) -> None:
    assert isinstance(world.parse("x scroll"), Question)


@pytest.mark.parametrize(
    "answer", ["brass", "the brass one", "small brass hook", "small", "first", "the first one", "1", "1st"]
)
def test_an_answer_picks_the_brass_hook(world, answer: str) -> None:
    question = world.parse("take hook")
    assert world.answer(answer, question) == C("take", ("brass_hook",))


@pytest.mark.parametrize("answer", ["iron", "the iron one", "large", "second", "the second one", "2", "last"])
def test_an_answer_picks_the_iron_hook(world, answer: str) -> None:
    question = world.parse("take hook")
    assert world.answer(answer, question) == C("take", ("iron_hook",))


def test_an_answer_that_fits_every_candidate_is_not_asked_again(world) -> None:
    # Asking the same question again was a loop with no way out (campus playtest B6).
    question = world.parse("take hook")
    reply = world.answer("hook", question)
    assert isinstance(reply, Failure)
    assert reply.key == "parser.still_unclear"
    assert reply.text == ("That could still mean the small brass hook or the large iron hook. "
                          "Try again with a word only one of them has.")


def test_an_answer_that_fits_every_candidate_takes_the_one_held(world) -> None:
    question = world.parse("x scroll")
    assert world.answer("scroll", question) == C("examine", ("old_scroll",))


def test_an_answer_that_is_a_whole_name_takes_that_thing(world) -> None:
    scope = world.scope + (Thing("plain_lute", "lute", ("lute",), (), portable=True),)
    question = world.parse("x lute", scope=scope)
    assert isinstance(question, Question)
    assert world.answer("lute", question, scope=scope) == C("examine", ("plain_lute",))
    assert world.answer("the lute", question, scope=scope) == C("examine", ("plain_lute",))


@pytest.mark.parametrize("answer", ["my scroll", "mine", "my own", "the first", "first one"])
def test_my_mine_and_ordinals_answer(world, answer: str) -> None:
    question = world.parse("x scroll")
    assert world.answer(answer, question) == C("examine", ("old_scroll",))


def test_narrowing_from_three(world) -> None:
    scope = world.scope + (
        Thing("tin_hook", "small tin hook", ("hook",), ("small", "tin"), portable=True),
    )
    question = world.parse("take hook", scope=scope)
    assert isinstance(question, Question)
    assert question.text == (
        "Which do you mean, the small brass hook, the large iron hook or the small tin hook?"
    )
    narrower = world.answer("small", question, scope=scope)
    assert isinstance(narrower, Question)
    assert narrower.text == "Which do you mean, the small brass hook or the small tin hook?"
    assert world.answer("second", narrower, scope=scope) == C("take", ("tin_hook",))


def test_a_fresh_command_is_not_an_answer(world) -> None:
    question = world.parse("take hook")
    assert world.answer("look", question) is None
    assert world.answer("go north", question) is None
    assert world.answer("take lute", question) is None
    assert world.answer("inventory", question) is None
    assert world.answer("", question) is None


def test_both_takes_both_when_the_verb_allows_several(world) -> None:
    question = world.parse("take hook")
    assert world.answer("both", question) == C("take", ("brass_hook", "iron_hook"))
    assert world.answer("the brass and the iron", question) == C("take", ("brass_hook", "iron_hook"))


def test_both_is_refused_when_the_verb_wants_one(world) -> None:
    question = world.parse("ring hook")
    again = world.answer("both", question)
    assert isinstance(again, Question)
    assert again.text.endswith(WHICH_HOOK)


def test_an_ordinal_past_the_end_asks_again(world) -> None:
    question = world.parse("take hook")
    again = world.answer("fifth", question)
    assert isinstance(again, Question)
    assert again.text.endswith(WHICH_HOOK)


def test_two_unclear_phrases_are_asked_about_in_turn(world) -> None:
    question = world.parse("strike hook with brass")
    assert isinstance(question, Question)
    assert question.text == WHICH_HOOK
    second_question = world.answer("iron", question)
    assert isinstance(second_question, Question)
    assert second_question.text == "Which do you mean, the small brass hook or the small brass key?"
    assert world.answer("key", second_question) == C(
        "ring", ("iron_hook",), second="brass_key", text="hook with brass"
    )


def test_nothing_goes_on_itself(world) -> None:
    question = world.parse("put hook on hook")
    assert world.answer("iron", question) == C("put", ("iron_hook",), second="brass_hook", preposition="on")


def test_the_rest_of_the_command_survives_the_question(world) -> None:
    question = world.parse("put hook in chest")
    assert world.answer("brass", question) == C("put", ("brass_hook",), second="chest", preposition="in")
    question = world.parse("take hook and lute")
    assert world.answer("iron", question) == C("take", ("iron_hook", "lute"))


def test_a_choice_that_has_left_scope(world) -> None:
    question = world.parse("take hook")
    scope = world.without("iron_hook")
    assert isinstance(world.answer("second", question, scope=scope), Failure)
    assert world.answer("brass", question, scope=scope) == C("take", ("brass_hook",))


def test_addressing_someone_ambiguous_asks_who(world) -> None:
    scope = world.scope + (
        Thing("porter", "Porter Hobb", ("porter", "warden"), ("old",), kind="npc"),
    )
    question = world.parse("warden, wards", scope=scope)
    assert isinstance(question, Question)
    assert world.answer("porter", question, scope=scope) == C("ask", ("porter",), text="wards")


def test_a_pending_state_from_elsewhere_is_ignored(world) -> None:
    assert world.answer("brass", Question("?", {"nonsense": 1})) is None
    assert world.answer("brass", Question("?", {})) is None


def test_a_whole_name_answers_even_with_words_that_name_nothing(world) -> None:
    scope = world.scope + (
        Thing("history", "history of the bardic orders", ("history", "book"), ("bardic",), portable=True),
        Thing("primer", "primer of the seven modes", ("primer", "book"), (), portable=True),
    )
    question = world.parse("x book", scope=scope)
    assert isinstance(question, Question)
    assert world.answer("the history of the bardic orders", question, scope=scope) == C("examine", ("history",))
    assert world.answer("orders", question, scope=scope) == C("examine", ("history",))
    assert world.answer("seven modes", question, scope=scope) == C("examine", ("primer",))
