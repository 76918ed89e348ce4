"""Splitting one line of input into the separate commands the player chained together.

"take key. go north then drop key" is three commands; each is parsed on its own, in order.
"""

from __future__ import annotations

import re

# A full stop between digits is part of a time ("wait until 9.30"), not the end of a command.
_STOPS = re.compile(r"(?<!\d)\.|\.(?!\d)|;")
# "then" only as a whole word, so "athens" or "then-ish" are left alone; ", then" goes as one.
_THEN = re.compile(r"\s*,?\s*(?<![\w'-])then(?![\w'-])", re.IGNORECASE)


def split_commands(line: str) -> list[str]:
    """The non-empty command segments of `line`, stripped, in the order typed."""
    segments: list[str] = []
    for sentence in _STOPS.split(line):
        for part in _THEN.split(sentence):
            part = part.strip()
            if part:
                segments.append(part)
    return segments
