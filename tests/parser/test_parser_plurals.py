"""Plural words, THEM, and what ALL gathers from a container or from the player's hands."""

from __future__ import annotations

from elysium.parser import Command, Question, Thing, Vocabulary, parse, pronouns_after

C = Command

SHELVES = Thing("shelves", "shelves", ("shelves", "shelf", "books"), (), plural=True)
RED = Thing("red_book", "red book", ("book",), ("red",), portable=True)
BLUE = Thing("blue_book", "blue book", ("book",), ("blue",), portable=True)
FOLIO = Thing("folio", "loose folio", ("folio", "leaves"), ("loose",), portable=True)
SATCHEL = Thing("satchel", "worn satchel", ("satchel",), ("worn",), carried=True, worn=True,
                wearable=True, portable=True, in_room=False, holds=("penny",))
PENNY = Thing("penny", "silver penny", ("penny",), ("silver",), carried=True, portable=True, in_room=False)
LETTER = Thing("letter", "letter", ("letter",), (), carried=True, portable=True, in_room=False)
CASE = Thing("case", "lute case", ("case",), ("lute",), carried=True, portable=True, in_room=False,
             holds=("lute",))
LUTE = Thing("lute", "lute", ("lute",), (), carried=True, portable=True, in_room=False)
CHEST = Thing("chest", "oak chest", ("chest",), ("oak",), holds=("sash",))
SASH = Thing("sash", "blue sash", ("sash",), ("blue",), portable=True, in_room=False)
STUB = Thing("stub", "candle stub", ("stub",), ("candle",), portable=True, in_room=False)
SCOPE = (SHELVES, RED, BLUE, FOLIO, SATCHEL, PENNY, LETTER, CASE, LUTE, CHEST, SASH, STUB)
WORDS = Vocabulary(
    nouns=frozenset(n for t in SCOPE for n in t.nouns), adjectives=frozenset(a for t in SCOPE for a in t.adjectives),
    custom_verbs={},
)


def read(typed: str):
    return parse(typed, SCOPE, WORDS, {})


def test_a_plural_noun_takes_every_such_thing_not_what_merely_mentions_them() -> None:
    assert read("take books") == C("take", ("red_book", "blue_book"))
    assert read("take red books") == C("take", ("red_book",))


def test_a_plural_noun_for_a_verb_without_all_reads_as_written() -> None:
    assert read("x books") == C("examine", ("shelves",))
    assert isinstance(read("x book"), Question)


def test_a_plural_noun_the_verb_cannot_take_falls_back_to_what_it_names() -> None:
    assert read("take shelves") == C("take", ("shelves",))


def test_a_single_thing_called_by_a_plural_word_is_them() -> None:
    command = read("take leaves")
    assert command == C("take", ("folio",))
    assert pronouns_after(command, SCOPE, "take leaves") == {"it": ["folio"], "them": ["folio"]}
    assert "them" not in pronouns_after(read("take folio"), SCOPE, "take folio")
    assert "them" not in pronouns_after(read("take chest"), SCOPE, "take glass")


def test_take_all_from_takes_only_what_is_in_it_even_when_held() -> None:
    assert read("take all from case") == C("take", ("lute",), second="case", used_all=True)
    assert read("take all from chest") == C("take", ("sash",), second="chest", used_all=True)


def test_drop_all_drops_only_what_is_directly_held() -> None:
    assert read("drop all") == C("drop", ("letter", "case"), used_all=True)
