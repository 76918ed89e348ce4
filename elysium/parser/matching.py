"""Which things in scope a phrase could mean, and which of them the player most likely means.

A thing matches when every word of the phrase is one of its nouns or adjectives.  Things matched
by a noun beat things matched only by adjectives ("take brass" still works when only one thing is
brass), and things every word names as a noun beat both.  Then the verb breaks ties the way a person would: you take what you are not holding, drop
what you are holding, take off what you are wearing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from .model import Thing, Vocabulary

Test = Callable[[Thing], bool]


@lru_cache(maxsize=4096)
def _words(words: tuple[str, ...]) -> frozenset[str]:
    # Content may give a noun of several words ("bell rope"); each of its words names the thing.
    return frozenset(part for word in words for part in word.lower().split())


def nouns_of(thing: Thing) -> frozenset[str]:
    return _words(tuple(thing.nouns))


def words_of(thing: Thing) -> frozenset[str]:
    return _words(tuple(thing.nouns) + tuple(thing.adjectives))


def knows(word: str, vocabulary: Vocabulary, scope: Sequence[Thing]) -> bool:
    """Whether the game has `word` as a noun or adjective (of anything, here or elsewhere)."""
    if word in vocabulary.nouns or word in vocabulary.adjectives:
        return True
    return any(word in words_of(thing) for thing in scope)


def things_called(words: Sequence[str], things: Sequence[Thing]) -> list[Thing]:
    """The things `words` describe, those named by a noun first if there are any."""
    wanted = set(words)
    described = [thing for thing in things if wanted <= words_of(thing)]
    named = [thing for thing in described if wanted & nouns_of(thing)]
    # "chalk line": the chalk line, whose nouns are both words, over the felt walls, for which
    # "chalk" is only a word that describes them.
    wholly = [thing for thing in named if wanted <= nouns_of(thing)]
    return wholly or named or described


def _carried(thing: Thing) -> bool:
    return thing.carried


def _held_not_worn(thing: Thing) -> bool:
    return thing.carried and not thing.worn


def _not_carried(thing: Thing) -> bool:
    return not thing.carried


def _worn(thing: Thing) -> bool:
    return thing.worn


def _wearable_unworn(thing: Thing) -> bool:
    return thing.wearable and not thing.worn


def _person(thing: Thing) -> bool:
    return thing.kind == "npc"


def _holds_something(thing: Thing) -> bool:
    return bool(thing.holds)


def _lightable(thing: Thing) -> bool:
    return thing.lightable


def _directly_at_hand(thing: Thing) -> bool:
    # held, or lying in the room: not a candle left in an offering bowl
    return thing.carried or thing.in_room


def _door(thing: Thing) -> bool:
    return thing.kind == "door"


# Tried in order; each narrows the candidates unless it would rule them all out.
_PREFERENCES: dict[tuple[str, str], tuple[Test, ...]] = {
    ("take", "objects"): (_not_carried,),
    ("take", "second"): (_holds_something,),
    ("drop", "objects"): (_carried, _held_not_worn),
    ("put", "objects"): (_carried, _held_not_worn),
    ("wear", "objects"): (_carried, _wearable_unworn),
    ("read", "objects"): (_carried,),
    ("remove", "objects"): (_worn,),
    ("lock", "second"): (_carried,),
    ("unlock", "second"): (_carried,),
    ("light", "objects"): (_lightable, _directly_at_hand),
    ("light", "second"): (_carried,),
    ("ask", "objects"): (_person,),
    ("talk", "objects"): (_person,),
    ("enter", "objects"): (_door,),
}


def _not_someone_elses(thing: Thing) -> bool:
    return thing.held_by is None


def prefer(action: str, slot: str, candidates: list[Thing]) -> list[Thing]:
    # Last, for every verb: "lute" means the player's own, not the one Wren is holding.
    for test in (*_PREFERENCES.get((action, slot), ()), _not_someone_elses):
        kept = [thing for thing in candidates if test(thing)]
        if kept:
            candidates = kept
    return candidates


# What "all" gathers for each verb that allows it.
def gather_all(action: str, scope: Sequence[Thing], second: str | None) -> list[Thing] | None:
    """The things "all" means for `action`, or None if the verb does not take "all"."""
    if action == "take" and second is None:
        test: Test = lambda t: t.in_room and t.portable and not t.carried and t.kind == "item"
    elif action == "take":
        # "Take all from the case": what is in or on it, even when the case itself is held.
        source = next((thing for thing in scope if thing.id == second), None)
        inside = frozenset(source.holds) if source is not None else frozenset()
        test = lambda t: t.id in inside and t.portable and t.kind == "item"
    elif action in ("drop", "put"):
        # Only what is directly in hand: the penny in a held satchel stays in the satchel.
        within = frozenset(id_ for thing in scope if thing.carried for id_ in thing.holds)
        test = lambda t: _held_not_worn(t) and t.id not in within
    elif action == "wear":
        test = lambda t: t.carried and t.wearable and not t.worn
    elif action == "remove":
        test = _worn
    else:
        return None
    return [thing for thing in scope if test(thing) and thing.id != second]
