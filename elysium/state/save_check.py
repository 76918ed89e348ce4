"""Checking a saved game's values before anything uses them.

`check_save` measures the body of a save, parsed (save_text.py) and brought up to the current
format, against the shape and the ranges that a real game of the loaded content can produce: only
the keys a save has, every value of its type, skills, energy and mastery in range, the clock within
the term, no item inside itself, nothing worn that is not held; and the same for every undo
checkpoint. Ids that the content no longer has are not checked here: `reconcile` drops them with a
note, as for any save made with packs that have changed since. Anything else wrong refuses the whole
save, so that a game is never loaded half-way.

Each problem is said as the end of the sentence "The saved game “x” is damaged: ...", naming where
it is ("state.energy should be a whole number from 0 to 100"). The checks follow the shape of a
save, never the depth of its data, and copy nothing; the state and the checkpoints are checked
together, key by key (see save_values.py), so that restoring stays cheap.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from elysium.content.model import Content
from elysium.state.save_text import Damaged
from elysium.state.save_values import (
    HELD, ONLY_TEXT, OPTIONAL_STATE, SHORT_TEXT, STATE, Limits, at, items, npcs, short_text, shown,
    unknown_key, whole,
)
from elysium.state.saved_history import REST_ABSENT
from elysium.state.store import UNDO_DEPTH, WORLD

__all__ = ["Damaged", "SHORT_TEXT", "check_save"]

BODY_KEYS = frozenset({"name", "format", "game_version", "packs", "summary", "saved_at", "state", "history", "checksum"})
PACK_KEYS = frozenset({"id", "version", "hash"})
SUMMARY_KEYS = frozenset({"day", "clock", "location", "turn"})  # turn: in a game without the clock
CHECKPOINT_KEYS = frozenset({"rest", *WORLD})
CHANGES_KEYS = CHECKPOINT_KEYS | {REST_ABSENT}  # a rest written as changes from the next step's (format 5)
WHOLE_CHECKPOINT_KEYS = CHECKPOINT_KEYS | {"whole"}  # a checkpoint open across a restore (Store.replace)
REST = {key: checks for key, checks in STATE.items() if key not in WORLD}
OPTIONAL_KEYS = frozenset(OPTIONAL_STATE)
REST_OR_OPTIONAL = frozenset(REST) | OPTIONAL_KEYS


def check_save(body: dict[str, Any], content: Content) -> None:
    """Raise Damaged for the first thing in `body` that no game of `content` could have saved."""
    problem = unknown_key(body, BODY_KEYS) or at("packs", _packs(body.get("packs", []))) \
        or at("summary", _summary(body.get("summary", {}))) \
        or at("saved_at", short_text(body.get("saved_at", ""))) \
        or at("name", short_text(body.get("name", "")))
    if problem:
        raise Damaged(problem[1:])  # each starts with the "." before a key
    history = body.get("history", [])
    if type(history) is not list or len(history) > UNDO_DEPTH:
        raise Damaged(f"history should be a list of at most {UNDO_DEPTH} undo steps")
    limits = Limits.of(content)
    state = body["state"]
    _check_part("state", state, STATE)
    _check_things("state", state, limits)
    parts, wholes, changes, steps = [("state", state)], [state], [], []
    next_has_rest = False  # whether the step after this one (undone before it) has a rest to change
    for n in range(len(history) - 1, -1, -1):  # newest first, as undoing meets them
        checkpoint = history[n]
        keys = checkpoint.keys() if type(checkpoint) is dict else ()
        if keys == CHECKPOINT_KEYS or keys == CHANGES_KEYS:
            rest, changed_items, changed_npcs = checkpoint["rest"], checkpoint["items"], checkpoint["npcs"]
            if keys == CHANGES_KEYS:
                _check_changes(n, rest, checkpoint[REST_ABSENT], next_has_rest)
                changes.append(rest)
            else:
                if type(rest) is not dict or not REST.keys() <= rest.keys() <= REST_OR_OPTIONAL:  # (most often it is)
                    _check_part(f"history.{n}.rest", rest, REST)
                wholes.append(rest)
            parts.append((f"history.{n}.rest", rest))
            if type(changed_items) is not dict or type(changed_npcs) is not dict or changed_items or changed_npcs:
                _check_things(f"history.{n}", checkpoint, limits)
            next_has_rest = True
        elif type(checkpoint) is dict and "whole" in checkpoint and checkpoint.keys() <= WHOLE_CHECKPOINT_KEYS:
            _check_part(f"history.{n}.whole", checkpoint["whole"], STATE)
            _check_things(f"history.{n}.whole", checkpoint["whole"], limits)
            wholes.append(checkpoint["whole"])
            parts.append((f"history.{n}.whole", checkpoint["whole"]))
            next_has_rest = False  # its rest (if any) is not what it rewinds to
        else:
            raise Damaged(f"history.{n} should be a mapping of rest, items and npcs")
        steps.append((n, checkpoint))
    _check_columns(parts, wholes, changes, limits)
    _check_containment(state, steps)


def _check_changes(n: int, rest: Any, absent: Any, next_has_rest: bool) -> None:
    """That an undo step written as what differs from the next one's rest (see saved_history.py)
    has a next step to take the rest from, only parts of a state, and leaves out only optional
    parts. Its values are checked with the others, in _check_columns."""
    if not next_has_rest:
        raise Damaged(f"history.{n} holds only what differs from the next undo step, and there is no "
                      "next step with a rest")
    if type(rest) is not dict:
        raise Damaged(f"history.{n}.rest should be a mapping")
    if not rest.keys() <= REST_OR_OPTIONAL:
        raise Damaged(f"history.{n}.rest.{shown(min(rest.keys() - REST_OR_OPTIONAL))} is no part of a saved game")
    if type(absent) is not list or absent and not (set(map(type, absent)) <= ONLY_TEXT
                                                   and set(absent) <= OPTIONAL_KEYS
                                                   and rest.keys().isdisjoint(absent)):
        raise Damaged(f"history.{n}.{REST_ABSENT} should be a list of the parts of a state that it lacks "
                      "and the next step has")


def _raise(where: str, problem: str | None) -> None:
    if problem:
        raise Damaged(f"{where}{problem}")


def _check_part(where: str, state: Any, checks: dict[str, Any]) -> None:
    """That a state (or the part of one beside the world) has the keys of one."""
    if type(state) is not dict:
        raise Damaged(f"{where} should be a mapping")
    if state.keys() != checks.keys():
        missing = checks.keys() - state.keys()
        if missing:
            raise Damaged(f"{where}.{min(missing)} is missing")
        unknown = state.keys() - checks.keys() - OPTIONAL_STATE.keys()
        if unknown:
            raise Damaged(f"{where}.{shown(min(unknown))} is no part of a saved game")


def _check_things(where: str, world: dict[str, Any], limits: Limits) -> None:
    _raise(f"{where}.items", items(world["items"], limits))
    _raise(f"{where}.npcs", npcs(world["npcs"], limits))


def _check_columns(parts: list[tuple[str, dict[str, Any]]], wholes: list[dict[str, Any]],
                   changes: list[dict[str, Any]], limits: Limits) -> None:
    """Every value beside the world, in the state and in each checkpoint, key by key: a whole
    column at once, and one value at a time only when the column does not pass, to say where.
    `parts`: every part checked, newest first, with where it is ("state", "history.<n>.rest",
    "history.<n>.whole"); of them, `wholes` are the state and every rest written whole, and
    `changes` the rests written as changes: each value written is checked once, however many
    steps share it."""
    changed: dict[str, list[Any]] = {}
    for rest in changes:
        for key, value in rest.items():
            changed.setdefault(key, []).append(value)
    for key, (check, column_passes) in REST.items():
        column = list(map(itemgetter(key), wholes))
        if column_passes(column + changed[key] if key in changed else column, limits):
            continue
        for place, state in parts:
            if key in state:
                _raise(f"{place}.{key}", check(state[key], limits))
    for key, (check, column_passes) in OPTIONAL_STATE.items():
        having = [state[key] for state in wholes if key in state] + changed.get(key, [])
        if not having or column_passes(having, limits):
            continue
        for place, state in parts:
            if key in state:
                _raise(f"{place}.{key}", check(state[key], limits))


def _check_containment(state: dict[str, Any], checkpoints: list[tuple[int, dict[str, Any]]]) -> None:
    """No item is in or on itself, in the state or at any undo step. A checkpoint holds only the
    things that its step changed, so what holds what is followed back from the state, step by step,
    and only the chains of the things that changed are walked again."""
    holders = _holders(state["items"])
    _raise("state.items", _no_cycle(holders, holders))
    for n, checkpoint in checkpoints:
        if "whole" in checkpoint:
            holders = _holders(checkpoint["whole"]["items"])
            _raise(f"history.{n}.whole.items", _no_cycle(holders, holders))
            continue
        changed = [key for key in checkpoint["items"] if key in state["items"]]
        for key in changed:
            place = checkpoint["items"][key]["at"]
            if place.startswith(HELD):
                holders[key] = place[3:]
            else:
                holders.pop(key, None)
        if changed:
            _raise(f"history.{n}.items", _no_cycle(holders, changed))


def _holders(entries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """What each item in or on another is in or on."""
    return {key: entry["at"][3:] for key, entry in entries.items() if entry["at"].startswith(HELD)}


def _no_cycle(holders: dict[str, str], starts: Any) -> str | None:
    settled: set[str] = set()
    for start in starts:
        trail = []
        key = start
        while key in holders and key not in settled:
            if key in trail:
                return f".{shown(key)} is inside itself"
            trail.append(key)
            key = holders[key]
        settled.update(trail)
    return None


def _packs(packs: Any) -> str | None:
    """The packs the game was saved with: id, version and a hash of their files."""
    if type(packs) is not list:
        return " should be a list"
    for n, pack in enumerate(packs):
        if type(pack) is not dict or not pack.keys() <= PACK_KEYS or not pack.get("id"):
            return f".{n} should be a mapping of id, version and hash"
        for key, value in pack.items():
            if short_text(value):
                return f".{n}.{key}{short_text(value)}"
    return None


def _summary(summary: Any) -> str | None:
    """What a list of saves shows of this one."""
    if type(summary) is not dict:
        return " should be a mapping"
    problem = unknown_key(summary, SUMMARY_KEYS)
    if "day" in summary:
        problem = problem or at("day", DAY(summary["day"]))
    if "turn" in summary:
        problem = problem or at("turn", TURN(summary["turn"]))
    for key in ("clock", "location"):
        if key in summary:
            problem = problem or at(key, short_text(summary[key]))
    return problem


DAY = whole(1, 2 ** 53)
TURN = whole(0, 2 ** 53)
