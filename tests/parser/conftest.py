"""A small corner of the college for the parser tests: two hooks, a lute, cloaks, beads, the warden."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from elysium.parser import Thing, Vocabulary, parse, resolve_answer

SCOPE = (
    Thing("brass_hook", "small brass hook", ("hook",), ("small", "brass"), portable=True),
    Thing("iron_hook", "large iron hook", ("hook",), ("large", "iron"), portable=True),
    Thing("lute", "battered lute", ("lute",), ("battered",), portable=True),
    Thing(
        "red_cloak", "red cloak", ("cloak",), ("red",),
        carried=True, worn=True, portable=True, wearable=True, in_room=False,
    ),
    Thing(
        "grey_cloak", "grey cloak", ("cloak",), ("grey",),
        carried=True, portable=True, wearable=True, in_room=False,
    ),
    Thing("beads", "glass beads", ("beads",), ("glass",), portable=True, plural=True),
    Thing("warden", "Warden Ilsa Marrow", ("warden", "ilsa"), ("stern",), kind="npc"),
    Thing("oak_door", "oak door", ("door",), ("oak",), kind="door"),
    Thing("old_scroll", "old scroll", ("scroll",), ("old",), carried=True, portable=True, in_room=False),
    Thing("new_scroll", "new scroll", ("scroll",), ("new",), portable=True),
    Thing("candle", "tallow candle", ("candle",), ("tallow",), carried=True, portable=True, in_room=False),
    Thing("chest", "wooden chest", ("chest",), ("wooden",), holds=("brass_key",)),
    Thing("brass_key", "small brass key", ("key",), ("small", "brass"), portable=True, in_room=False),
)

# "read" and "blow" are table words: the game's versions must not take over the table's sentences.
CUSTOM_VERBS = {
    "ring": "ring", "strike": "ring", "toll": "ring", "play": "play_music", "knock": "knock",
    "pull rope": "pull_rope", "blow": "blow_horn", "read": "not_read",
}

VOCABULARY = Vocabulary(
    nouns=frozenset(n for t in SCOPE for n in t.nouns) | {"lantern", "bell", "mallet", "horn"},
    adjectives=frozenset(a for t in SCOPE for a in t.adjectives) | {"silver", "bronze"},
    custom_verbs=CUSTOM_VERBS,
    topics=frozenset({"wards"}),
)


@dataclass
class World:
    """Parses against the fixture scope; tests can override scope, vocabulary or pronouns."""

    scope: tuple[Thing, ...] = SCOPE
    vocabulary: Vocabulary = VOCABULARY
    pronouns: dict[str, list[str]] = field(default_factory=dict)

    def parse(self, segment: str, pronouns=None, scope=None, vocabulary=None):
        return parse(
            segment,
            self.scope if scope is None else scope,
            vocabulary or self.vocabulary,
            self.pronouns if pronouns is None else pronouns,
        )

    def answer(self, text: str, question, scope=None):
        return resolve_answer(
            text, question.pending, self.scope if scope is None else scope, self.vocabulary, self.pronouns
        )

    def without(self, *ids: str) -> tuple[Thing, ...]:
        return tuple(thing for thing in self.scope if thing.id not in ids)


@pytest.fixture(scope="session")
def world() -> World:
    # Session-wide (and never changed) so that hypothesis tests may use it too.
    return World()
