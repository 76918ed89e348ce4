"""What each kind of content entry may contain: field names, value shapes, required fields.

One table drives both validation (with positions) and, later, the JSON Schema for editors.
Shapes are short names: `str`, `text` (a string or a list of {if, text} variants), `bool`, `int`,
`time` ("HH:MM"), `words` (a word or a list of words), `ref:KIND` (an id of another entry),
`place`, `condition`, `effects`, `minutes` (a whole number from 0 to MAX_WAIT), and a few
structured ones handled by the loader.
"""

from __future__ import annotations

# The longest a `wait:` effect may last: a week of minutes. Longer than any story's scene needs,
# short enough that time passing stays quick, and the engine holds content to it at run time too.
MAX_WAIT = 7 * 24 * 60

KINDS = ("rooms", "items", "npcs", "lore", "pieces", "classes", "recitals", "endings", "verbs", "rules", "timers")

# kind -> field -> shape; a leading "*" marks a required field.
FIELDS: dict[str, dict[str, str]] = {
    "rooms": {
        "name": "*text", "description": "text", "exits": "exits", "dark": "dark",
        "position": "position", "on_enter": "effects", "bed": "bool", "practice": "bool",
        "arrival": "text",
        "scenery": "scenery",
    },
    "items": {
        "name": "*str", "nouns": "words", "adjectives": "words", "description": "text",
        "location": "place", "here": "text", "portable": "bool", "scenery": "bool", "plural": "bool",
        "container": "bool", "supporter": "bool", "openable": "bool", "open": "bool",
        "lockable": "bool", "locked": "bool", "key": "ref:items", "wearable": "bool", "worn": "bool",
        "text": "text", "light": "bool", "lit": "bool", "door": "door", "rules": "item_rules",
        "lore": "ref:lore", "transparent": "bool", "device": "bool", "switched_on": "bool",
        "findable_in_dark": "bool", "capacity": "count",
    },
    "npcs": {
        "name": "*str", "nouns": "words", "adjectives": "words", "description": "*text",
        "location": "*ref:rooms", "here": "text", "schedule": "schedule", "greeting": "text",
        "default": "text", "topics": "topics", "shows_holdings": "bool",
        "asleep": "condition", "asleep_reply": "text", "walks": "bool", "leaving": "text",
        "scenery": "scenery",
    },
    "lore": {"title": "*str", "text": "*text"},
    "pieces": {
        "name": "*str", "kind": "piece_kind", "skill": "*str", "difficulty": "int",
        "description": "*text", "performance": "text", "practice": "text",
    },
    "classes": {
        "name": "*str", "instructor": "*ref:npcs", "room": "*ref:rooms", "days": "*days",
        "start": "*time", "end": "*time", "skill": "*str", "gain": "int", "text": "text",
        "energy": "int", "teaches": "pieces", "missed": "effects", "do": "effects",
        "late": "effects", "grace": "minutes",
    },
    "recitals": {
        "name": "*str", "stage": "*ref:rooms", "day": "*int", "time": "*time", "skill": "str",
        "text": "text", "missed": "effects", "triumph": "text", "good": "text", "fair": "text",
        "poor": "text", "call": "text", "patience": "int", "unanswered": "effects", "suits": "piece_kinds", "fit": "int",
        "unsuited": "text", "late": "effects",
    },
    "endings": {"title": "*str", "text": "*text", "win": "bool"},
    "verbs": {"words": "words", "default": "action_text", "time": "int"},
    "rules": {
        "on": "*words", "object": "ref:things", "with": "ref:things", "where": "ref:rooms",
        "if": "condition", "do": "action_effects", "once": "bool", "continue": "bool", "text": "words",
        "direction": "rule_directions", "except": "words", "phase": "phase", "stop": "bool", "replace": "bool",
    },
    "timers": {
        "at": "*time", "day": "int", "daily": "bool", "if": "condition", "do": "effects",
        "interrupts": "bool_or_condition",
    },
}

ITEM_RULE_FIELDS = {k: v for k, v in FIELDS["rules"].items() if k != "object"}

# `audit:` (a top-level key of a content file, by custom its own audit.yaml): findings of `elysium
# audit` the pack accepts, each with the reason why (see elysium/audit/allowances.py). Finding kind ->
# the fields of one allowance; of the fields that name a thing, exactly one is given.
AUDIT_FIELDS: dict[str, dict[str, str]] = {
    "scenery": {"room": "str", "npc": "str", "noun": "*str", "why": "*str"},
    "unreachable": {"room": "str", "item": "str", "topic": "str", "lore": "str", "ending": "str", "why": "*str"},
    "unset": {"flag": "str", "counter": "str", "state": "str", "why": "*str"},
    "unused": {"flag": "str", "counter": "str", "state": "str", "why": "*str"},
    "verbs": {"verb": "*str", "why": "*str"},
}
AUDIT_SUBJECTS = {"scenery": ("room", "npc"), "unreachable": ("room", "item", "topic", "lore", "ending"),
                  "unset": ("flag", "counter", "state"), "unused": ("flag", "counter", "state"), "verbs": ("verb",)}

TOPIC_FIELDS = {"keywords": "words", "text": "*text", "if": "condition", "do": "effects"}
EXIT_FIELDS = {"to": "ref:rooms", "door": "ref:items", "if": "condition", "else": "text", "hidden": "bool"}
SCHEDULE_FIELDS = {"at": "*time", "room": "*ref:rooms", "days": "days"}

MANIFEST_FIELDS = {"id": "*str", "name": "*str", "version": "*str", "game": "game",
                   "description": "str", "author": "str", "engine": "str", "requires": "requires",
                   "load_after": "words", "adds_score": "int", "records": "words"}
GAME_FIELDS = {
    "title": "*str", "intro": "text", "start": "*ref:rooms", "start_day": "int",
    "start_time": "time", "max_score": "int", "days": "days", "term_days": "int",
    "subtitle": "str", "help": "str", "term_end": "effects", "messages": "messages",
    "features": "features",
    # describing and travelling
    "player": "text", "room_descriptions": "room_descriptions", "credits": "text",
    "directions": "directions", "banner": "bool",
    "carrying_capacity": "count", "shows_holdings": "bool", "unlocks_with_held_key": "bool",
    # the simulation: energy spent by the hours awake, and mastery that fades unpractised
    "energy": "energy_drain", "mastery": "mastery_fade",
}
# `game: energy:`: points of energy an hour awake costs, and more in the small hours.
ENERGY_DRAIN_FIELDS = {"per_hour": "count", "late_per_hour": "count", "late_from": "time", "late_until": "time"}
# `game: mastery:`: a piece practised within `fresh_days` keeps its mastery; after that it loses
# `fades_per_day` each midnight until it is practised again.
MASTERY_FADE_FIELDS = {"fresh_days": "count", "fades_per_day": "count"}
ROOM_DESCRIPTIONS = ("verbose", "brief", "superbrief")
# A direction of the game's own (`fore: {opposite: aft, words: [f]}`), beside plain words for
# the compass's directions (`forward: north`).
DIRECTION_FIELDS = {"opposite": "str", "words": "words"}

# What a rule's `on:` may name besides the pack's own verbs: the built-in verbs, and two moments.
BUILTIN_VERBS = (
    "look", "examine", "search", "take", "drop", "put", "open", "close", "lock", "unlock", "wear",
    "remove", "read", "light", "douse", "go", "enter", "wait", "sleep", "ask", "talk", "attend",
    "perform", "practice", "switch_on", "switch_off", "flip", "inventory",
    # the verbs players try, and people who hold things (services/world/actions.py)
    "touch", "sit", "stand", "lie", "climb", "throw", "say", "shout", "sing", "write", "knock", "wake",
    "jump", "yes", "no", "kiss", "attack", "dance", "taste", "drink", "eat", "smell", "listen",
    "look_under", "look_behind", "buy", "count", "pray", "wave", "pull", "push", "turn", "give", "show",
)
MOMENTS = ("arrive", "turn")
# What a rule's texts (and a verb's default reply) may name besides ids: the action's own parts.
ACTION_PARAMETERS = ("noun", "second", "text", "direction")
ANY_ACTION = "any"  # `on: any`: every action that reaches rules (with `except:` for some)
# When a rule fires in an action (docs/content.md, "Rules"): before, instead of, or after it.
PHASES = ("before", "instead", "after")
NOWHERE = "nowhere"  # `direction: nowhere`: a way the room has no exit

# Conditions: key -> shape of its value. Comparison keys go with counter/skill/visits/score/...
COMPARISONS = ("at_least", "at_most", "equals")
CONDITION_KEYS: dict[str, str] = {
    "flag": "str", "counter": "str", "has": "ref:items", "worn": "ref:items", "item": "ref:items",
    "at": "place", "here": "ref:things", "in": "rooms", "npc": "ref:npcs",
    "period": "period", "time": "span", "day": "compare", "weekday": "str", "skill": "str",
    "score": "compare", "reputation": "compare", "standing": "compare", "energy": "compare",
    "piece": "ref:pieces", "visited": "ref:rooms", "visits": "ref:rooms",
    "lore": "ref:lore", "open": "ref:items", "locked": "ref:items", "lit": "ref:items",
    "dark": "bool", "chance": "int", "not": "condition", "any": "conditions", "all": "conditions",
    "switched_on": "ref:items",
    "met": "ref:npcs",  # the player has talked with that person (services/lore.py keeps the list)
    "at_least": "int", "at_most": "int", "equals": "int",
    "state": "str", "is": "words",  # a named state, and the value (or any of the values) it must have
    "performed": "ref:recitals", "last_performed": "pieces",  # a recital the player performed at; their latest piece
    "performed_piece": "pieces",  # a piece the player has performed at any recital so far
}
PERIODS = ("morning", "afternoon", "evening", "night")
PIECE_KINDS = ("song", "poem", "tale", "instrumental")

# Effects: key -> shape; companions are further keys allowed beside it.
EFFECT_KEYS: dict[str, str] = {
    "say": "text", "set": "words", "clear": "words", "counter": "str", "move": "ref:items",
    "move_npc": "ref:npcs", "go": "ref:rooms", "score": "int", "reputation": "int", "skill": "str",
    "learn": "ref:lore", "open": "ref:items", "close": "ref:items", "lock": "ref:items",
    "unlock": "ref:items", "light": "ref:items", "douse": "ref:items", "wait": "minutes",
    "end": "ref:endings", "if": "condition", "learn_piece": "ref:pieces", "standing": "int",
    "energy": "int", "light_room": "ref:rooms", "darken_room": "ref:rooms", "switch_on": "ref:items",
    "switch_off": "ref:items", "state": "str",
}
EFFECT_COMPANIONS: dict[str, dict[str, str]] = {
    "counter": {"add": "int", "set": "int"},
    "move": {"to": "*place"},
    "move_npc": {"to": "*ref:rooms"},
    "skill": {"add": "*int"},
    "if": {"then": "*effects", "else": "effects"},
    "go": {"quietly": "bool"},
    "state": {"to": "*str"},
}
