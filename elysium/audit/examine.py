"""Whether EXAMINE finds a thing by a noun phrase of the prose, asking the parser only where it
could say yes.

The scenery checks try every run of words of every noun phrase in every room (22,000 runs at
1,000 rooms), and most runs name nothing there: the parser, read whole, costs far more than the
answer. A run can cover a noun only if the parser answers with a question (it names several
things) or with a thing one of whose nouns is among its words, and neither can happen when no word
of the run is a word of anything in scope nor one with a job in sentences: every reading of
"examine <such words>" then ends in "you see no such thing" or "I don't know that word". So such
a run is answered "no" at once, and every other run goes to the parser as before
(tests/audit/test_examine_index.py holds the two to the same answers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from operator import attrgetter

from elysium import parser
from elysium.parser.directions import game_directions, read_direction
from elysium.parser.matching import nouns_of, words_of
from elysium.parser.phrases import is_grammar
from elysium.parser.words import tokenise

from .phrases import runs

VERB = "examine"


def for_examine(vocabulary: parser.Vocabulary) -> parser.Vocabulary:
    """The vocabulary with only the game's own verbs that "examine ..." can be read as: the parser
    reads every custom verb's words again for each command, which the audit's thousands of
    EXAMINEs need not pay for; the answers are the same."""
    custom = {typed: action for typed, action in vocabulary.custom_verbs.items()
              if str(typed).split()[:1] == [VERB]}
    return replace(vocabulary, custom_verbs=custom)


class Examiner:
    """EXAMINE of noun phrases with one game's vocabulary, in any scope."""

    def __init__(self, vocabulary: parser.Vocabulary) -> None:
        self.vocabulary = for_examine(vocabulary)
        # A game verb "examine ..." of its own may read any words its own way: then every run is parsed.
        self.shortcut = not self.vocabulary.custom_verbs
        self._tokens: dict[str, tuple[str, ...]] = {}  # words -> _plain_words: they recur from room to room
        self._phrase_words: dict[str, frozenset[str] | None] = {}  # phrase -> _words_of_runs
        self._answers: dict[tuple, bool] = {}  # see _covers

    def examinable(self, phrase: str, scope: list[parser.Thing], scope_words: frozenset[str] | None = None) -> bool:
        """Whether the phrase, or a shorter run of its words, names something in `scope` by one of
        its nouns (or several things there at once); `scope_words`: every noun and adjective of
        the things in scope, when the caller has them already."""
        known = words_in(scope) if scope_words is None else scope_words
        if self.shortcut and self._names_nothing_at_all(phrase, known):
            return False
        for words in runs(phrase):
            if self.shortcut and self._names_nothing(words, known):
                continue
            if self._covers(words, scope):
                return True
        return False

    def _covers(self, words: str, scope: list[parser.Thing]) -> bool:
        """Whether "examine <words>" names something in `scope` by one of its nouns, or several things.

        When the words are read as EXAMINE of plain words, the parser's answer hangs only on the
        things in scope that have one of those words (any other is no candidate, and whether a
        word is known asks the vocabulary and the things that have it), and on those only as far
        as anything but their ids goes. A big world's rooms hold the same things under other ids,
        so the answer is worked out once per words and such things (10,000 rooms: 1,180 parses
        for 13,938 runs)."""
        tokens = self._tokens.get(words) if self.shortcut else None
        if tokens is None and self.shortcut:
            tokens = self._tokens[words] = self._plain_words(words)
        if not tokens:
            return self._parsed(words, scope)
        wanted = frozenset(tokens)
        named = [thing for thing in scope if not wanted.isdisjoint(words_of(thing))]
        ids = [thing.id for thing in named]
        key = (words, tuple(map(_likeness, named)), tuple(map(ids.index, ids)))
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._parsed(words, scope)
        return answer

    def _parsed(self, words: str, scope: list[parser.Thing]) -> bool:
        """The parser's own answer for the words in `scope`."""
        result = parser.parse(f"{VERB} {words}", scope, self.vocabulary, {})
        if isinstance(result, parser.Question):
            return True  # it names several things there: each of them can be examined
        if isinstance(result, parser.Command) and result.objects:
            thing = next((t for t in scope if t.id == result.objects[0]), None)
            # named by a noun of it: "white" alone finding the white steps does not cover "buildings"
            return thing is not None and bool(set(words.split()) & nouns_of(thing))
        return False

    def _names_nothing_at_all(self, phrase: str, known: frozenset[str]) -> bool:
        """Whether every run of the phrase surely names nothing here (see _names_nothing): a big world
        checks a hundred thousand phrases, and most name nothing where they are read."""
        words = self._phrase_words.get(phrase, ())
        if words == ():
            words = self._phrase_words[phrase] = self._words_of_runs(phrase)
        return words is not None and known.isdisjoint(words)

    def _words_of_runs(self, phrase: str) -> frozenset[str] | None:
        """Every word of every run of the phrase, as typed and as the parser reads it; None when a
        run is not surely read as EXAMINE of plain words (then the runs are tried one by one)."""
        found: set[str] = set()
        for words in runs(phrase):
            tokens = self._tokens.get(words)
            if tokens is None:
                tokens = self._tokens[words] = self._plain_words(words)
            if not tokens:
                return None
            found.update(tokens, words.split())
        return frozenset(found)

    def _names_nothing(self, words: str, known: frozenset[str]) -> bool:
        """Whether "examine <words>" surely finds nothing here: the verb is read as EXAMINE, some
        word follows it, and none of its words is a word of a thing in scope or of the grammar
        (a pronoun, "all", "and", a direction, another verb...)."""
        tokens = self._tokens.get(words)
        if tokens is None:
            tokens = self._tokens[words] = self._plain_words(words)
        return bool(tokens) and known.isdisjoint(tokens) and known.isdisjoint(words.split())

    def _plain_words(self, words: str) -> tuple[str, ...]:
        """The words the parser reads after the verb in "examine <words>", or () when one of them
        has a job in sentences or the command is not read as EXAMINE of them (whatever the scope)."""
        tokens = tokenise(f"{VERB} {words}")
        if len(tokens) < 2 or tokens[0] != VERB or any(is_grammar(token) for token in tokens[1:]):
            return ()
        with game_directions(self.vocabulary.directions):
            if read_direction(tokens, 0) is not None:
                return ()
        return tuple(tokens[1:])


# Of the ids a thing names, the parser asks only whether a person holds it and whether it holds
# anything; every other field is read as it is (a field added to Thing is read too).
_NAMING_IDS = ("id", "holds", "held_by")
_OTHER_FIELDS = attrgetter(*(field.name for field in fields(parser.Thing) if field.name not in _NAMING_IDS))


def _likeness(thing: parser.Thing) -> tuple:
    """Everything of a thing the parser can read, but the ids it names."""
    return _OTHER_FIELDS(thing), bool(thing.holds), thing.held_by is None


def words_in(scope: Iterable[parser.Thing]) -> frozenset[str]:
    """Every noun and adjective of the things in `scope`."""
    return frozenset(word for thing in scope for word in words_of(thing))
