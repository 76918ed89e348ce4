"""Flags, counters and named states by name: each one a pack reads should be set somewhere, and
each one it sets should be read somewhere, or a typo quietly changes the story (issue 12 §4).

The checker notes every use as it reads the files (`Checker.names`); once every pack of the game
is read, mods included, `warnings` compares the names read with the names set, all packs together
(a mod may read a flag its game sets, and the other way round).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import NamedTuple

from elysium.content.problems import Problem
from elysium.content.yamlsafe import Document, Path_

# Counters the engine keeps itself, which content may read (and even change) without setting.
ENGINE_COUNTERS = frozenset({"classes_attended", "classes_missed", "recitals_performed", "recitals_missed",
                             "recital_acclaim"})


class NameUse(NamedTuple):
    """One use of a name: `kind` flag or counter, `read` or set, where it is written."""

    kind: str
    name: str
    read: bool
    doc: Document
    path: Path_


def warnings(uses: Iterable[NameUse], records: Iterable[str] = ()) -> list[Problem]:
    """A warning at each read of a name nothing sets, and at each setting of a name nothing reads;
    `records`: names the packs keep for something outside the story, which are never warned about."""
    uses = list(uses)
    read: dict[str, set[str]] = {kind: set() for kind in ("flag", "counter")}
    written: dict[str, set[str]] = {kind: set() for kind in ("flag", "counter")}
    for use in uses:
        (read if use.read else written)[use.kind].add(use.name)
    for kind in read:
        read[kind] |= {*records, *ENGINE_COUNTERS}
        written[kind] |= {*records, *ENGINE_COUNTERS}
    found = []
    # The did-you-mean indexes are made only for a warning that needs one: over a big world's many
    # names (and its records) they would be the largest thing a load makes, for nothing.
    setting, reading = SuggestionsByKind(written), SuggestionsByKind(read)
    for use in uses:
        if (warning := warning_at(use, read, written, setting, reading)) is not None:
            found.append(warning)
    return found


def warning_at(use: NameUse, read: dict[str, set[str]], written: dict[str, set[str]],
               setting: dict[str, _Suggestions], reading: dict[str, _Suggestions]) -> Problem | None:
    """The warning for one use, given every name read and set (see `warnings`), or None."""
    if use.read and use.name not in written[use.kind]:
        return Problem(use.doc.mark(use.path), f"the {use.kind} {use.name!r} is read here, but nothing "
                       f"ever sets it{setting[use.kind].close(use.name)}", "warning")
    if not use.read and use.name not in read[use.kind]:
        return Problem(use.doc.mark(use.path), f"the {use.kind} {use.name!r} is set here, but nothing "
                       f"ever reads it{reading[use.kind].close(use.name)}", "warning")
    return None


class SuggestionsByKind(dict):
    """The did-you-mean tables by kind of name, each made only when a warning asks for it."""

    def __init__(self, names: dict[str, set[str]]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, kind: str) -> "_Suggestions":
        made = self[kind] = _Suggestions(self.names[kind])
        return made


class _Suggestions:
    """Did-you-mean over many names, quickly: only names a typo away (one letter dropped, added,
    changed or two swapped, found through each name with one letter left out) are compared, so a
    pack with thousands of flags costs no more than a few comparisons per warning. Stricter than
    for ids: flag and counter names often share a long prefix (`lantern_walk_...`), which alone
    must not make two names look alike."""

    def __init__(self, names: set[str]) -> None:
        self.by_shortening: dict[str, list[str]] = {}
        for name in sorted(names):
            for shorter in _shortenings(name):
                self.by_shortening.setdefault(shorter, []).append(name)

    def close(self, name: str) -> str:
        candidates = sorted({other for shorter in _shortenings(name) for other in self.by_shortening.get(shorter, ())
                             if other != name})
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.8)
        return f" (did you mean {close[0]!r}?)" if close else ""


def _shortenings(name: str) -> set[str]:
    return {name, *(name[:i] + name[i + 1:] for i in range(len(name)))}
