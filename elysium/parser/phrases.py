"""Resolving the words of one noun-phrase slot into the ids of the things the player means.

A slot holds a list ("the lute, the beads and the cloak"), a sweep ("all", "everything except the
lute", "all hooks"), a pronoun, or a plain phrase ("small brass hook").  Nothing here asks the
player anything: a phrase that still names several things is reported as `Unsure` and the caller
turns the first of those into a Question, once it is sure nothing else is wrong with the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import replies
from .grammar import GRAMMAR_WORDS
from .matching import gather_all, knows, prefer, things_called
from .model import Failure, Thing, Vocabulary
from .pronouns import PRONOUNS, looks_plural, things_meant
from .words import ARTICLES, COMMA

ALL_WORDS = frozenset({"all", "everything"})
_BUT_WORDS = frozenset({"except", "but"})
_JOINS = frozenset({"and", COMMA})
# "drop my cloak" means the cloak; the preference for held things does the rest.
_FILLERS = ARTICLES | {"my", "of"}  # "of": "the book of tales" is the tales book
_NOT_NOUNS = GRAMMAR_WORDS | PRONOUNS | ALL_WORDS | _BUT_WORDS | _FILLERS | _JOINS


@dataclass
class Unsure:
    key: str  # which phrase: "objects:0", "objects:1", "second:0"
    candidates: list[Thing]
    many: bool  # whether the slot could take them all ("both")


@dataclass
class Resolved:
    ids: list[str] = field(default_factory=list)
    used_all: bool = False
    unsure: Unsure | None = None


@dataclass
class Context:
    """What every phrase in a sentence is resolved against."""

    action: str
    scope: Sequence[Thing]
    vocabulary: Vocabulary
    pronouns: Mapping[str, list[str]]
    choices: Mapping[str, list[str]]
    verb_phrase: str  # "take", "look at": for "You can only look at one thing at a time."
    second: str | None = None  # already resolved, so "put all in the bag" leaves out the bag


def is_empty(words: Sequence[str]) -> bool:
    return all(word in _FILLERS or word in _JOINS for word in words)


def resolve_slot(name: str, many: bool, words: Sequence[str], context: Context) -> Resolved | Failure:
    words = [word for word in words if word not in _FILLERS]
    # After "all ... except" every "and" belongs to the exceptions; otherwise it joins phrases.
    sweeping = bool(words) and words[0] in ALL_WORDS and any(word in _BUT_WORDS for word in words)
    phrases = [words] if sweeping else _split(words, _JOINS)
    if not many and len(phrases) > 1:
        return replies.one_at_a_time(context.verb_phrase)
    result = Resolved()
    seen: set[str] = set()
    for index, phrase in enumerate(phrases):
        if phrase[0] in ALL_WORDS:
            if not many:
                return replies.all_not_allowed()
            found = _sweep(phrase[1:], context)
            result.used_all = True
        else:
            found = _phrase(f"{name}:{index}", many, phrase, name, context)
        if isinstance(found, Failure):
            return found
        if isinstance(found, Unsure):
            result.unsure = result.unsure or found
            continue
        if not many and len(found) > 1:
            return replies.one_at_a_time(context.verb_phrase)
        for id_ in found:
            if id_ not in seen:
                seen.add(id_)
                result.ids.append(id_)
    return result


def _split(words: Sequence[str], separators: frozenset[str]) -> list[list[str]]:
    phrases: list[list[str]] = [[]]
    for word in words:
        if word in separators:
            phrases.append([])
        else:
            phrases[-1].append(word)
    return [phrase for phrase in phrases if phrase]


def _phrase(
    key: str, many: bool, words: list[str], slot: str, context: Context
) -> list[str] | Unsure | Failure:
    chosen = context.choices.get(key)
    if chosen is not None:
        by_id = {thing.id: thing for thing in context.scope}
        if not chosen or any(id_ not in by_id for id_ in chosen):
            return replies.gone()
        return list(chosen)
    candidates = _candidates(words, context)
    group = _plural_group(words, context) if many and not _is_pronoun(words) else None
    if group:
        return group
    if isinstance(candidates, Failure):
        return candidates
    if _is_pronoun(words):
        # "Them" already says exactly which things; no preference may drop one.
        return [thing.id for thing in candidates]
    candidates = prefer(context.action, slot, candidates)
    if len(candidates) > 1:
        return Unsure(key, candidates, many)
    return [thing.id for thing in candidates]


def _plural_group(words: list[str], context: Context) -> list[str] | None:
    """What a plural noun means to a verb that takes "all": every such thing it could take, drop
    or wear ("take books" takes each book, not the shelves that merely have books), or None."""
    last = words[-1]
    singular = _singular_noun(last, context) if looks_plural(last) else None
    pool = gather_all(context.action, context.scope, context.second) if singular else None
    if not pool:
        return None
    called = things_called(words[:-1] + [singular], pool)
    called += [thing for thing in things_called(words, pool) if thing not in called]
    return [thing.id for thing in called] or None


def _singular_noun(word: str, context: Context) -> str | None:
    """The singular the game knows for a plural word: "books" -> "book", "shelves" -> "shelf"."""
    for ending, replacement in (("ies", "y"), ("ves", "f"), ("ves", "fe"), ("es", ""), ("s", "")):
        if word.endswith(ending):
            singular = word[: -len(ending)] + replacement
            if singular and knows(singular, context.vocabulary, context.scope):
                return singular
    return None


def _is_pronoun(words: Sequence[str]) -> bool:
    return len(words) == 1 and words[0] in PRONOUNS


def _candidates(words: Sequence[str], context: Context) -> list[Thing] | Failure:
    """Every thing in scope the words could mean, or why there is none."""
    if _is_pronoun(words):
        return things_meant(words[0], context.pronouns, context.scope)
    failure = check_words(words, context.vocabulary, context.scope)
    if failure is not None:
        return failure
    candidates = things_called(words, context.scope)
    return candidates or replies.not_here(words)


def check_words(words: Sequence[str], vocabulary: Vocabulary, scope: Sequence[Thing]) -> Failure | None:
    """A reply naming the first word that cannot be part of a noun phrase, if there is one."""
    for word in words:
        if knows(word, vocabulary, scope):
            continue
        if is_grammar(word):
            return replies.misplaced(word)
        return replies.unknown_word(word)
    return None


def first_unknown(words: Sequence[str], vocabulary: Vocabulary, scope: Sequence[Thing]) -> str | None:
    """The first word that is neither the game's nor the grammar's, if there is one."""
    for word in words:
        if word != COMMA and not knows(word, vocabulary, scope) and not is_grammar(word):
            return word
    return None


def is_grammar(word: str) -> bool:
    """Whether the word has a job in sentences (a verb, a preposition, "all", "it" ...)."""
    return word in _NOT_NOUNS


def _sweep(words: list[str], context: Context) -> list[str] | Failure:
    """What "all ..." means: everything the verb could apply to, narrowed or with exceptions."""
    pool = gather_all(context.action, context.scope, context.second)
    if pool is None:
        return replies.all_not_allowed()
    if words and words[0] == "of":
        words = words[1:]
    cut = next((i for i, word in enumerate(words) if word in _BUT_WORDS), len(words))
    narrowing, exceptions = words[:cut], words[cut + 1 :]
    if narrowing:
        narrowing = [_singular(word, context) for word in narrowing]
        failure = check_words(narrowing, context.vocabulary, context.scope)
        if failure is not None:
            return failure
        pool = things_called(narrowing, pool)
    for phrase in _split(exceptions, _JOINS):
        # Exceptions never ask which: "all but the hook" leaves out every hook.
        excluded = _candidates([_singular(word, context) for word in phrase], context)
        if isinstance(excluded, Failure):
            return excluded
        ids = {thing.id for thing in excluded}
        pool = [thing for thing in pool if thing.id not in ids]
    if not pool:
        return replies.nothing_for_all(context.action, taking_from=context.second is not None)
    return [thing.id for thing in pool]


def _singular(word: str, context: Context) -> str:
    # "all hooks": content lists nouns in the singular.
    if word.endswith("s") and not knows(word, context.vocabulary, context.scope):
        if knows(word[:-1], context.vocabulary, context.scope):
            return word[:-1]
    return word
