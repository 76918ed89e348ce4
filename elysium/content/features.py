"""The campus systems a game may use, named in its manifest as `game: features: [...]`.

A game that names none is a plain parser game: rooms, things, people, rules, score and endings,
with time passing unseen. Each feature brings its verbs, its kinds of content, its fields and
its conditions and effects; these tables say which, so that validation refuses campus content in
a game without its feature and the engine leaves out the verbs and panels of the ones it lacks.
"""

from __future__ import annotations

# name -> what it brings (for error messages, the docs and the JSON Schema)
FEATURES: dict[str, str] = {
    "clock": "the time of day, the days of the week and of term, TIME, WAIT UNTIL and the end of term",
    "energy": "the player's energy, spent by classes, practice and recitals and restored by sleep",
    "standing": "standing with the faculty and reputation",
    "classes": "skills, the timetable, classes and ATTEND",
    "recitals": "pieces, recitals, the repertoire, PRACTISE and PERFORM",
    "lore": "lore entries and the JOURNAL",
    "sleep": "SLEEP in a bed until morning",
}
ALL = frozenset(FEATURES)

# A feature that cannot work without others: classes and recitals meet at an hour and tire the
# player, and sleeping lasts until the morning and restores energy.
NEEDS: dict[str, tuple[str, ...]] = {
    "classes": ("clock", "energy"),
    "recitals": ("clock", "energy"),
    "sleep": ("clock", "energy"),
}

# The engine's actions that only a game with the feature understands (their words are then
# unknown verbs, which a game's own verb may take).
ACTIONS: dict[str, str] = {
    "time": "clock", "timetable": "classes", "attend": "classes", "recitals": "recitals",
    "repertoire": "recitals", "perform": "recitals", "practice": "recitals", "journal": "lore",
    "sleep": "sleep",
}

# Content that belongs to a feature: kinds of entries, fields of entries, conditions, effects.
KINDS: dict[str, str] = {"classes": "classes", "pieces": "recitals", "recitals": "recitals", "lore": "lore"}
FIELDS: dict[str, dict[str, str]] = {
    "rooms": {"bed": "sleep", "practice": "recitals"},
    "items": {"lore": "lore"},
    "game": {"days": "clock", "term_days": "clock", "term_end": "clock"},
}
CONDITIONS: dict[str, str] = {
    "skill": "classes", "energy": "energy", "standing": "standing", "reputation": "standing",
    "piece": "recitals", "lore": "lore",
}
EFFECTS: dict[str, str] = {
    "skill": "classes", "energy": "energy", "standing": "standing", "reputation": "standing",
    "learn_piece": "recitals", "learn": "lore",
}


def missing_actions(features: frozenset[str]) -> frozenset[str]:
    """The engine's actions a game with these features does not have."""
    return frozenset(action for action, feature in ACTIONS.items() if feature not in features)


def lacking(feature: str) -> str:
    """The end of a validation error for content whose feature the game does not name."""
    return (f"belongs to the feature {feature!r}, which this game does not use: "
            f"add {feature!r} to game: features in the game's pack.yaml")
