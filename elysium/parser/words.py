"""Turning a segment of player input into words, and quoting words back to the player.

The player may type anything at all, so this module is deliberately forgiving: it never raises, it
treats the input as plain text (no markup of any kind means anything here), and `quote` keeps the
echo of a hostile or enormous word short and printable.
"""

from __future__ import annotations

import re

ARTICLES = frozenset({"the", "a", "an", "some"})

# A comma separates items in a list ("lute, beads and cloak"), so it must survive as a word of its
# own; a comma between digits is part of a number and stays put.
COMMA = ","
_LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")

_QUOTE_LIMIT = 40


def _keeps(ch: str) -> bool:
    return ch.isalnum() or ch in "-'"


def _trim(raw: str) -> str:
    start, end = 0, len(raw)
    while start < end and not _keeps(raw[start]):
        start += 1
    while end > start and not _keeps(raw[end - 1]):
        end -= 1
    return raw[start:end]


def tokenise(text: str) -> list[str]:
    """Lower-cased words of `text`, with punctuation trimmed from their edges.

    A word made only of symbols ("[/]", "?") is kept exactly as typed, so that it can be quoted
    back as an unknown word, or recognised ("?" asks for help).
    """
    words: list[str] = []
    for raw in _LIST_COMMA.sub(" , ", text.lower()).split():
        if raw == COMMA:
            words.append(COMMA)
            continue
        trimmed = _trim(raw)
        # A word with symbols inside ("[bold]x[/]") is not a word of the game: keep it whole, so
        # that it is quoted back exactly as typed.
        words.append(trimmed if trimmed and all(_keeps(ch) for ch in trimmed) else raw)
    return words


def without_articles(words: list[str]) -> list[str]:
    return [word for word in words if word not in ARTICLES]


def as_text(words: list[str]) -> str | None:
    """The words of an unparsed tail (a topic, a time, a save name), or None if there are none."""
    kept = [word for word in words if word not in ARTICLES and word != COMMA]
    return " ".join(kept) if kept else None


def quote(phrase: str) -> str:
    """`phrase` in double quotes, short and printable, for echoing back in a reply."""
    # Control characters could drive the player's terminal, so they are shown as a placeholder.
    shown = "".join(ch if ch.isprintable() else "\ufffd" for ch in phrase[: _QUOTE_LIMIT + 1])
    if len(phrase) > _QUOTE_LIMIT:
        shown = shown[:_QUOTE_LIMIT] + "…"
    # The player's words shown inside the game's text are never read as a text style.
    return '"' + shown.replace("[", "\\[") + '"'
