"""Tab completion for the command line: verbs first, then the words of the things in reach.

The words of things in reach are ranked, not sorted: the nouns in a thing's shown name first
("warden" for Warden Ilsa Marrow), then the adjectives in it, then the other nouns and adjectives
a thing answers to; alphabetical only within a rank.

The words come from the engine (`game.vocabulary`, `game.scope()`) and the parser's grammar;
`CommandSuggester.refresh(game)` is called after every turn, since what is in reach changes.
"""

from __future__ import annotations

import re

from textual.suggester import Suggester

from elysium.engine import Game
from elysium.parser.directions import DIRECTIONS
from elysium.parser.grammar import GRAMMAR, GRAMMAR_WORDS

MIN_LENGTH = 3  # "x", "ne" and "up" are not worth completing to


def _words(words) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in words if len(w) >= MIN_LENGTH and w.isalpha()}))


def ranked_words(things) -> tuple[str, ...]:
    """The words of `things`, the ones a player sees in their names first (see the module's note)."""
    rank: dict[str, int] = {}
    for thing in things:
        shown = set(re.findall(r"[a-z]+", thing.name.lower()))
        for word in _words(thing.nouns):
            rank[word] = min(rank.get(word, 4), 0 if word in shown else 2)
        for word in _words(thing.adjectives):
            rank[word] = min(rank.get(word, 4), 1 if word in shown else 3)
    return tuple(sorted(rank, key=lambda word: (rank[word], word)))


class CommandSuggester(Suggester):
    """Suggests the rest of the last word typed: a verb or direction at the start of the line,
    otherwise a noun or adjective of something in reach, then a direction or a word like "with"."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.verbs: tuple[str, ...] = _words([*GRAMMAR, *DIRECTIONS])
        self.nouns: tuple[str, ...] = ()
        # After the verb: the little words of sentences ("with", "about") and the compass.
        self.grammar: tuple[str, ...] = _words((GRAMMAR_WORDS - set(GRAMMAR)) | set(DIRECTIONS))

    def refresh(self, game: Game) -> None:
        """Take the verbs of this game and the words of what is in reach now."""
        known = [word for word in GRAMMAR if word not in game.vocabulary.missing_verbs]
        self.verbs = _words([*known, *DIRECTIONS, *game.vocabulary.custom_verbs])
        self.nouns = ranked_words(game.scope())

    def complete(self, value: str) -> str | None:
        """`value` with its last word finished, or None when there is nothing to add."""
        if not value or value[-1].isspace():
            return None
        head, _, last = value.rpartition(" ")
        prefix = last.lower()
        if not prefix.isalpha():
            return None
        choices = self.verbs if not head.strip() else (*self.nouns, *self.grammar)
        for word in choices:
            if word.startswith(prefix) and word != prefix:
                return value + word[len(prefix):]
        return None

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)
