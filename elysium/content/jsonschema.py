"""A JSON Schema (draft 2020-12) for content files, made from the same tables that validate them,
so that editors can autocomplete and check a pack as it is written."""

from __future__ import annotations

from typing import Any

from elysium.content import schema
from elysium.content.features import FEATURES
from elysium.content.messages import DEFAULTS
from elysium.content.model import DIRECTIONS

SCHEMA_ID = "https://elysium.invalid/schema/content.schema.json"
ID = {"type": "string", "pattern": r"^([a-z][a-z0-9_]*:)?[a-z][a-z0-9_]*$"}
WORDS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]}


def shape(name: str) -> dict[str, Any]:
    """The JSON Schema of one value shape of the schema tables."""
    name = name.lstrip("*")
    if name.startswith("ref:"):
        return {**ID, "description": f"the id of one of the {name[4:]}"}
    simple: dict[str, Any] = {
        "str": lambda: {"type": ["string", "number"]},
        "text": lambda: {"$ref": "#/$defs/text"},
        "action_text": lambda: {"$ref": "#/$defs/text"},
        "bool": lambda: {"type": "boolean"},
        "dark": lambda: {"oneOf": [{"type": "boolean"}, {"$ref": "#/$defs/condition"}]},
        "bool_or_condition": lambda: {"oneOf": [{"type": "boolean"}, {"$ref": "#/$defs/condition"}]},
        "int": lambda: {"type": "integer"},
        "count": lambda: {"type": "integer", "minimum": 0},
        "scenery": lambda: {"type": "object", "additionalProperties": {"$ref": "#/$defs/text"},
                            "description": 'nouns ("white steps, stair") and the line EXAMINE gives'},
        "minutes": lambda: {"type": "integer", "minimum": 0, "maximum": schema.MAX_WAIT,
                            "description": f"minutes, at most {schema.MAX_WAIT} (a week)"},
        "time": lambda: {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$", "description": 'a time like "07:30"'},
        "words": lambda: WORDS,
        "days": lambda: WORDS,
        "place": lambda: {"$ref": "#/$defs/place"},
        "position": lambda: {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "condition": lambda: {"$ref": "#/$defs/condition"},
        "conditions": lambda: {"type": "array", "items": {"$ref": "#/$defs/condition"}},
        "action_effects": lambda: shape("effects"),
        "effects": lambda: {"oneOf": [{"type": "array", "items": {"$ref": "#/$defs/effect"}}, {"$ref": "#/$defs/effect"}]},
        "compare": lambda: {"oneOf": [{"type": "integer"}, {"const": True}, _object(
            {k: "int" for k in schema.COMPARISONS}, required=False)]},
        "period": lambda: {"enum": list(schema.PERIODS)},
        "piece_kind": lambda: {"enum": list(schema.PIECE_KINDS)},
        "piece_kinds": lambda: {"oneOf": [{"enum": list(schema.PIECE_KINDS)},
                                          {"type": "array", "items": {"enum": list(schema.PIECE_KINDS)}}]},
        "phase": lambda: {"enum": list(schema.PHASES)},
        "rule_directions": lambda: {"oneOf": [{"enum": [*DIRECTIONS, schema.NOWHERE]}, {
            "type": "array", "items": {"enum": [*DIRECTIONS, schema.NOWHERE]}, "minItems": 1}]},
        "span": lambda: _object({"from": "*time", "to": "*time"}),
        "rooms": lambda: {"oneOf": [ID, {"type": "array", "items": ID}]},
        "pieces": lambda: {"oneOf": [ID, {"type": "array", "items": ID}]},
        # A game may add direction words of its own (game: directions), so any word may name an exit.
        "exits": lambda: {"type": "object", "propertyNames": {"anyOf": [{"enum": list(DIRECTIONS)}, {"type": "string"}]},
                  "additionalProperties": {"oneOf": [ID, _object(schema.EXIT_FIELDS), {"type": "null"}]}},
        "door": lambda: _object({"between": "*words"}),
        "schedule": lambda: {"type": "array", "items": _object(schema.SCHEDULE_FIELDS)},
        "topics": lambda: {"type": "object", "additionalProperties": _object(schema.TOPIC_FIELDS)},
        "item_rules": lambda: {"type": "array", "items": _object(schema.ITEM_RULE_FIELDS)},
        "requires": lambda: {"oneOf": [WORDS, {"type": "object", "additionalProperties": {"type": ["string", "null"]}}]},
        "game": lambda: _object(schema.GAME_FIELDS),
        "features": lambda: {"type": "array", "uniqueItems": True, "items": {"enum": list(FEATURES)},
                             "description": "the campus systems the game uses; none: a plain parser game"},
        "room_descriptions": lambda: {"enum": list(schema.ROOM_DESCRIPTIONS)},
        "energy_drain": lambda: _object(schema.ENERGY_DRAIN_FIELDS),
        "mastery_fade": lambda: _object(schema.MASTERY_FADE_FIELDS),
        "directions": lambda: {"type": "object", "additionalProperties": {"oneOf": [
            {"type": "string", "description": "the direction this word names"}, _object(schema.DIRECTION_FIELDS)]}},
        "messages": lambda: {"type": "object", "additionalProperties": False, "properties": {
            key: {"$ref": "#/$defs/text", "description": f"default: {text}"} for key, text in DEFAULTS.items()}},
    }
    return simple[name]()


def _object(fields: dict[str, str], required: bool = True) -> dict[str, Any]:
    result: dict[str, Any] = {
        "type": "object",
        "properties": {key: shape(value) for key, value in fields.items()},
        "additionalProperties": False,
    }
    needed = [key for key, value in fields.items() if value.startswith("*")]
    if needed and required:
        result["required"] = needed
    return result


def content_schema() -> dict[str, Any]:
    """One schema for every file of a pack: a content file (kinds and patches) or pack.yaml."""
    kinds = {kind: {"type": "object", "propertyNames": {"pattern": ID["pattern"]},
                    "additionalProperties": _object(schema.FIELDS[kind])} for kind in schema.KINDS}
    patches = {kind: {"type": "object", "additionalProperties": _object(schema.FIELDS[kind], required=False)}
               for kind in schema.KINDS}
    manifest = {key: shape(value) for key, value in schema.MANIFEST_FIELDS.items()}
    effect_fields = {key: shape(value) for key, value in schema.EFFECT_KEYS.items()}
    for companions in schema.EFFECT_COMPANIONS.values():
        for key, value in companions.items():
            # 'set' names flags on its own and a number beside 'counter': either is allowed.
            effect_fields[key] = {"anyOf": [effect_fields[key], shape(value)]} if key in effect_fields else shape(value)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Elysium content pack file",
        "description": "A content file of an Elysium pack (rooms, items, ...) or its pack.yaml manifest. "
                       "See docs/content.md and docs/modding.md.",
        "type": "object",
        "properties": {**kinds, "patch": {"type": "object", "properties": patches,
                                           "additionalProperties": False}, **manifest,
                       "states": {"type": "object", "propertyNames": {"pattern": ID["pattern"]},
                                  "additionalProperties": {"type": "array", "items": {"type": "string"},
                                                           "minItems": 2},
                                  "description": "named states and their values, the first the start"},
                       "audit": {"type": "object", "additionalProperties": False,
                                 "description": "findings of elysium audit the pack accepts, each with why",
                                 "properties": {finding: {"type": "array", "items": _object(fields)}
                                                for finding, fields in schema.AUDIT_FIELDS.items()}}},
        "additionalProperties": False,
        "$defs": {
            "text": {"oneOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {
                "type": "object", "properties": {"if": {"$ref": "#/$defs/condition"},
                                                 "text": {"$ref": "#/$defs/text"}},
                "required": ["text"], "additionalProperties": False}}]},
            "place": {"anyOf": [ID, {
                "type": "object", "minProperties": 1, "maxProperties": 1,
                "properties": {"in": ID, "on": ID}, "additionalProperties": False}]},
            "condition": {"type": "object", "additionalProperties": False,
                          "properties": {key: shape(value) for key, value in schema.CONDITION_KEYS.items()}},
            "effect": {"type": "object", "minProperties": 1, "additionalProperties": False,
                       "properties": effect_fields},
        },
    }
