"""Asking "Which do you mean ...?" and the pending state that lets the answer finish the command.

The pending state is plain JSON (strings, integers, lists, dicts) so the engine can keep it in a
save file: the original segment, which phrase was unclear, the candidates in the order offered,
and the choices already made for earlier phrases of the same sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Question, Thing
from .replies import listing, question


def ask_which(
    segment: str,
    key: str,
    candidates: Sequence[Thing],
    many: bool,
    choices: Mapping[str, list[str]],
    message: str = "parser.which",
    **params: str,
) -> Question:
    pending = {
        "segment": segment,
        "key": key,
        "candidates": [thing.id for thing in candidates],
        "many": int(many),
        "choices": {name: list(ids) for name, ids in choices.items()},
    }
    return question(message, pending, things=listing(candidates), **params)


def read_pending(pending: object) -> tuple[str, str, list[str], bool, dict[str, list[str]]] | None:
    """The parts of a pending state, or None if it is not one this parser made."""
    if not isinstance(pending, Mapping):
        return None
    segment, key = pending.get("segment"), pending.get("key")
    candidates, choices = pending.get("candidates"), pending.get("choices", {})
    if not isinstance(segment, str) or not isinstance(key, str):
        return None
    if not isinstance(candidates, list) or not all(isinstance(c, str) for c in candidates):
        return None
    if not isinstance(choices, Mapping):
        return None
    clean: dict[str, list[str]] = {}
    for name, ids in choices.items():
        if not isinstance(name, str) or not isinstance(ids, list):
            return None
        if not all(isinstance(id_, str) for id_ in ids):
            return None
        clean[name] = list(ids)
    return segment, key, list(candidates), bool(pending.get("many", 0)), clean
