"""The values the parser takes in and hands back.

The engine builds `Thing`s and a `Vocabulary` from the game's content; the parser answers each
segment of player input with a `Command`, a `Question` (when a phrase names several things) or a
`Failure` (a reply for the player).  These are plain frozen dataclasses so that the parser stays
independent of how the world is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Thing:
    """One object the player can currently refer to."""

    id: str
    name: str
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    kind: str = "item"  # "item" | "npc" | "door"
    carried: bool = False
    worn: bool = False
    portable: bool = False
    wearable: bool = False
    plural: bool = False
    in_room: bool = True
    holds: tuple[str, ...] = ()  # ids of the things directly in or on it
    held_by: str | None = None  # the person holding it: it can be seen, not handled
    lightable: bool = False  # LIGHT means something for it: a light that is out, or one the game's rules light


@dataclass(frozen=True)
class Vocabulary:
    """Every word the game's content knows, built once per game."""

    nouns: frozenset[str]
    adjectives: frozenset[str]
    custom_verbs: Mapping[str, str]
    topics: frozenset[str] = frozenset()
    # Words of the engine's own verbs that this game does not have (a campus system it does not
    # use): read as unknown verbs, which the game's own verbs may take.
    missing_verbs: frozenset[str] = frozenset()
    directions: Mapping[str, str] = field(default_factory=dict)  # the game's own direction words


@dataclass(frozen=True)
class Command:
    """A fully understood instruction, with every object resolved to an id."""

    action: str
    objects: tuple[str, ...] = ()
    second: str | None = None
    direction: str | None = None
    text: str | None = None
    used_all: bool = False
    preposition: str | None = None


@dataclass(frozen=True)
class Question:
    """Asks the player to choose; `pending` is what `resolve_answer` needs to finish the job.

    `key` and `params` name the engine message the question is (`text` is its default wording),
    so that a game can reword it."""

    text: str
    pending: dict = field(default_factory=dict)
    key: str = field(default="", compare=False)
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Failure:
    """A reply for the player when the segment cannot become a command.

    `key` and `params` name the engine message it is (`text` is its default wording); `unknown`
    is the word the parser did not know, which OOPS replaces."""

    text: str
    key: str = field(default="", compare=False)
    params: dict = field(default_factory=dict, compare=False)
    unknown: str | None = field(default=None, compare=False)
