"""The condition language of content (see docs/content.md), evaluated against the game state.

Conditions are plain mappings; every key must hold. Evaluation may roll the seeded dice (`chance`),
which advances the generator in the state, so the same seed and commands still give the same game.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elysium.content.model import Content, Variant, parse_time
from elysium.state import calendar, places, rng
from elysium.state.text import expand

State = dict[str, Any]


def holds(condition: dict[str, Any] | None, state: State, content: Content) -> bool:
    if not condition:
        return True
    subject_value = _subject(condition, state)
    for key, value in condition.items():
        if key in ("at_least", "at_most", "equals") or (key == "at" and ("item" in condition or "npc" in condition)):
            continue
        if not _holds_key(key, value, condition, subject_value, state, content):
            return False
    if subject_value is not None and not _compare(subject_value, condition,
                                                  default_at_least=0 if "piece" in condition else 1):
        return False
    return True


def _subject(condition: dict[str, Any], state: State) -> int | None:
    """The number that sibling at_least/at_most/equals keys compare, if there is one."""
    if "counter" in condition:
        return state["counters"].get(condition["counter"], 0)
    if "skill" in condition:
        return state["skills"].get(condition["skill"], 0)
    if "visits" in condition:
        return state["visits"].get(condition["visits"], 0)
    if "piece" in condition:
        entry = state["repertoire"].get(condition["piece"])
        return None if entry is None else entry["mastery"]
    for key in ("score", "reputation", "standing", "energy"):
        if condition.get(key) is True:
            return state[key]
    return None


def _compare(value: int, spec: Any, default_at_least: int | None = None) -> bool:
    if isinstance(spec, int) and not isinstance(spec, bool):
        return value == spec
    keys = {k: spec[k] for k in ("at_least", "at_most", "equals") if k in spec}
    if not keys and default_at_least is not None:
        keys = {"at_least": default_at_least}
    return (value >= keys.get("at_least", value) and value <= keys.get("at_most", value)
            and value == keys.get("equals", value))


def _holds_key(key: str, value: Any, condition: dict, subject: int | None, state: State, content: Content) -> bool:
    items = state["items"]
    match key:
        case "flag":
            return bool(state["flags"].get(value))
        case "counter" | "skill" | "visits":
            return True  # compared through the sibling keys
        case "state":
            return state.get("states", {}).get(value) in condition.get("is", ())
        case "is":
            return True  # read with "state"
        case "has":
            return places.is_carried(state, value)
        case "worn":
            return places.is_worn(state, value)
        case "item":
            return "at" not in condition or places.place_of(state, value) == places.place_string(condition["at"])
        case "npc":
            return "at" not in condition or state["npcs"][value]["at"] == condition["at"]
        case "at":
            return True
        case "here":
            return value in places.things_in_reach(state, content, state["location"])
        case "in":
            rooms = (value,) if isinstance(value, str) else tuple(value)
            return state["location"] in rooms
        case "period":
            return calendar.period_of(state["time"]) == value
        case "time":
            start, end = parse_time(value["from"]), parse_time(value["to"])
            return calendar.in_span(calendar.minute_of_day(state["time"]), start, end)
        case "day":
            return _compare(calendar.day_of(state["time"]), value)
        case "weekday":
            return calendar.weekday_of(state["time"], content.game.days).lower() == str(value).lower()
        case "piece":
            return value in state["repertoire"]
        case "performed":
            return value in state["performed"]
        case "last_performed":  # the piece of the player's latest performance
            pieces = state.get("recital_pieces") or {}
            latest = list(pieces.values())[-1] if pieces else None
            return latest in ((value,) if isinstance(value, str) else tuple(value))
        case "performed_piece":  # a piece the player has performed at any recital so far
            sung = (state.get("recital_pieces") or {}).values()
            return any(piece in sung for piece in ((value,) if isinstance(value, str) else tuple(value)))
        case "score" | "reputation" | "standing" | "energy":
            if value is True:
                return True  # compared through the sibling keys
            return _compare(state[key], value) if isinstance(value, dict) else state[key] >= value
        case "visited":
            return state["visits"].get(value, 0) > 0
        case "lore":
            return value in state["lore"]
        case "met":
            return value in state.get("met", ())
        case "open" | "locked" | "lit" | "switched_on":
            return bool(items[value].get(key))
        case "dark":
            return (not places.has_light(state, content, state["location"])) == bool(value)
        case "chance":
            return rng.roll(state) <= value
        case "not":
            return not holds(value, state, content)
        case "any":
            return any(holds(c, state, content) for c in value)
        case "all":
            return all(holds(c, state, content) for c in value)
    raise ValueError(f"unknown condition {key!r}")



def render(text: Any, state: State, content: Content, params: Mapping[str, Any] | None = None) -> str:
    """The words of a text field: a string, model variants, or raw {if, text} variants from effects,
    with its `{...}` substitutions read (see state/text.py); `params` are the sentence's own."""
    if text is None:
        return ""
    if isinstance(text, str):
        return expand(text, state, content, params)
    for variant in text:
        if isinstance(variant, Variant):
            condition, words = variant.condition, variant.text
        else:
            condition, words = variant.get("if"), variant.get("text")
        if holds(condition, state, content):
            return render(words, state, content, params)
    return ""
