"""Names in sentences: articles, capitals and lists, so every service phrases things alike."""

from __future__ import annotations

from collections.abc import Sequence


def is_proper(name: str) -> bool:
    return name[:1].isupper()


def definite(name: str) -> str:
    """'the small brass key', or a proper name as it is."""
    return name if is_proper(name) else f"the {name}"


def indefinite(name: str, plural: bool = False) -> str:
    """'a small brass key', 'an iron hook', 'some beads', or a proper name as it is."""
    if is_proper(name):
        return name
    if plural:
        return f"some {name}"
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def listed(names: Sequence[str], conjunction: str = "and") -> str:
    """'a, b and c'."""
    if not names:
        return "nothing"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
