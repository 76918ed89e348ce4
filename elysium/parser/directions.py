"""The compass words of the college's map, and the player's abbreviations for them; and the
words a game adds (`game: directions`), which the parser is given for the command it reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

DIRECTIONS: dict[str, str] = {
    "north": "north", "n": "north",
    "south": "south", "s": "south",
    "east": "east", "e": "east",
    "west": "west", "w": "west",
    "northeast": "northeast", "ne": "northeast", "north-east": "northeast",
    "northwest": "northwest", "nw": "northwest", "north-west": "northwest",
    "southeast": "southeast", "se": "southeast", "south-east": "southeast",
    "southwest": "southwest", "sw": "southwest", "south-west": "southwest",
    "up": "up", "u": "up", "upstairs": "up",
    "down": "down", "d": "down", "downstairs": "down",
    "in": "in", "inside": "in",
    "out": "out", "outside": "out",
}

# Players sometimes type the diagonals as two words: "go north east".
_PAIRS = {
    ("north", "east"): "northeast",
    ("north", "west"): "northwest",
    ("south", "east"): "southeast",
    ("south", "west"): "southwest",
}


# The game's own words (word -> direction) while a command of that game is read.
_GAME_WORDS: ContextVar[Mapping[str, str]] = ContextVar("game_direction_words", default={})


@contextmanager
def game_directions(words: Mapping[str, str]) -> Iterator[None]:
    """Read commands with the game's direction words (`fore`, `aft`) as well as the compass's."""
    token = _GAME_WORDS.set(words)
    try:
        yield
    finally:
        _GAME_WORDS.reset(token)


def read_direction(words: list[str], start: int) -> tuple[str, int] | None:
    """The direction named at `words[start]` and how many words it took, or None."""
    pair = tuple(words[start : start + 2])
    if pair in _PAIRS:
        return _PAIRS[pair], 2
    if start < len(words) and words[start] in DIRECTIONS:
        return DIRECTIONS[words[start]], 1
    if start < len(words) and words[start] in (game := _GAME_WORDS.get()):
        return game[words[start]], 1
    return None
