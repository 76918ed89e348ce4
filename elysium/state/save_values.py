"""What each value of a saved state may be: one check for each key of the state, from the shape and
the ranges a real game produces (see store.initial_state and the services that change the state).

A check takes the value and the content's `Limits` and returns None, or the end of a message:
" should be ..." about the value itself, ".key should be ..." about a part of it.

Beside most checks is a quicker one for a whole column of values (the same key in the state and in
each undo checkpoint): it looks at every value at once, at C speed (the set of their types, their
least and greatest), and says only whether all of them pass. A column that does not pass is checked
value by value, which says where the problem is; so a column check must never pass a value that its
own check refuses (tests/saves/test_save_values.py holds them to that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

from elysium.content.model import Content
from elysium.content.schema import ROOM_DESCRIPTIONS
from elysium.state.calendar import MINUTES_PER_DAY
from elysium.state.save_text import SHORT_TEXT
from elysium.state.store import FORMAT_VERSION, MAX_ENERGY, MAX_SKILL

BIG = 2 ** 53  # beyond any score or count a game reaches, and what every JSON reader holds exactly
DICE = 2 ** 64  # the dice are 64 bits (state/rng.py)
SEEDS = 2 ** 256  # far beyond any seed a player types; the dice keep 64 bits of it
LONGEST_TERM = 1000 * 366 * MINUTES_PER_DAY  # for a game whose term's end need not end the story
KEY_SHOWN = 40  # characters of a save's own key that a message shows

ITEM_KEYS = frozenset({"at", "open", "locked", "worn", "lit", "switched_on"})
NPC_KEYS = frozenset({"at"})
PIECE_KEYS = frozenset({"mastery", "practised"})
PRONOUNS = frozenset({"it", "them", "him", "her"})  # as parser/pronouns.py
PENDING_TEXTS = frozenset({"segment", "key", "complete", "glue"})  # as parser/questions.py, commands.py
PENDING_KEYS = frozenset({*PENDING_TEXTS, "candidates", "many", "choices"})
COMMAND_TEXTS = ("second", "direction", "text", "preposition")  # as parser.Command
COMMAND_KEYS = frozenset({"action", "objects", "used_all", *COMMAND_TEXTS})
ONLY_TEXT, ONLY_WHOLE, ONLY_TRUE_OR_FALSE = frozenset({str}), frozenset({int}), frozenset({bool})
ONLY_LIST, ONLY_MAPPING, ONLY_NONE = frozenset({list}), frozenset({dict}), frozenset({type(None)})
TEXT_OR_NONE = frozenset({str, type(None)})
DESCRIPTION_CHOICES = frozenset(ROOM_DESCRIPTIONS)
HELD = ("in:", "on:")  # the places that are another item

Problem = str | None


@dataclass(frozen=True)
class Limits:
    """What the loaded content allows of a state."""

    latest_time: int  # the end of term, when the term's end always ends the story
    longest_delay: int
    worn_at_start: dict[str, str]  # items the content starts worn, and where

    @classmethod
    def of(cls, content: Content) -> Limits:
        game = content.game
        term_end = game.term_days * MINUTES_PER_DAY  # day term_days + 1 at midnight (services/clock.py)
        start = (game.start_day - 1) * MINUTES_PER_DAY + game.start_time
        latest = term_end if start <= term_end and always_ends(game.term_end) else LONGEST_TERM
        return cls(latest, max(term_end, MINUTES_PER_DAY),
                   {item.id: item.location for item in content.items.values() if item.worn})


def always_ends(effects: Any, depth: int = 0) -> bool:
    """Whether running `effects` ends the story whatever the state: an `end`, or an `if` whose
    branches both end it. No deeper than the rules service runs nested effects."""
    if depth > 8 or not isinstance(effects, (list, tuple)):
        return False
    for effect in effects:
        if not isinstance(effect, dict):
            continue
        if "if" in effect:
            if always_ends(effect.get("then"), depth + 1) and always_ends(effect.get("else"), depth + 1):
                return True
        elif "end" in effect:
            return True
    return False


Check = Callable[[Any, Limits], Problem]
ColumnCheck = Callable[[list[Any], Limits], bool]


# -- single values -------------------------------------------------------------------------------

def whole(low: int, high: int) -> Check:
    words = (f" should be a whole number from {low} to {high}" if high < BIG else
             f" should be a whole number of {low} or more" if low > -BIG else " should be a whole number")

    def check(value: Any, limits: Limits | None = None) -> Problem:
        return None if type(value) is int and low <= value <= high else words
    return check


def time(value: Any, limits: Limits) -> Problem:
    if type(value) is int and 0 <= value <= limits.latest_time:
        return None
    return f" should be a time within the term (0 to {limits.latest_time} minutes)"


def delay(value: Any, limits: Limits) -> Problem:
    if type(value) is int and 0 <= value <= limits.longest_delay:
        return None
    return f" should be a whole number of minutes from 0 to {limits.longest_delay}"


def room_descriptions(value: Any, limits: Limits) -> Problem:
    return None if value in ROOM_DESCRIPTIONS else f" should be one of {', '.join(ROOM_DESCRIPTIONS)}"


def text(value: Any, limits: Limits | None = None) -> Problem:
    return None if type(value) is str and value else " should be text"


def text_or_none(value: Any, limits: Limits | None = None) -> Problem:
    return None if value is None or type(value) is str else " should be text or null"


def short_text(value: Any, limits: Limits | None = None) -> Problem:
    if type(value) is str and len(value) <= SHORT_TEXT:
        return None
    return f" should be text of at most {SHORT_TEXT} characters"


def true_or_false(value: Any, limits: Limits | None = None) -> Problem:
    return None if type(value) is bool else " should be true or false"


def names(value: Any, limits: Limits | None = None) -> Problem:
    if type(value) is not list:
        return " should be a list of names"
    if set(map(type, value)) <= ONLY_TEXT:  # the whole list at once; a loop only to say where
        return None
    return next(f".{n} should be text" for n, name in enumerate(value) if type(name) is not str)


def each(check: Check) -> Check:
    """A mapping of names to values that `check` accepts."""
    def check_each(value: Any, limits: Limits) -> Problem:
        if type(value) is not dict:
            return " should be a mapping"
        for key, entry in value.items():
            problem = check(entry, limits)
            if problem:
                return f".{shown(key)}{problem}"
        return None
    return check_each


def items(value: Any, limits: Limits) -> Problem:
    """Where each thing is (a room, `player`, `nowhere`, `in:<item>`, `on:<item>`) and how it is."""
    if type(value) is not dict:
        return " should be a mapping"
    worn_at_start = limits.worn_at_start
    for key, entry in value.items():
        if type(entry) is not dict:
            return f".{shown(key)} should be a mapping of at, open, locked, worn, lit and switched_on"
        at = entry.get("at")
        if type(at) is not str or not at:
            return f".{shown(key)}.at should be a place"
        if len(entry) > 1:  # most things are only somewhere
            if not entry.keys() <= ITEM_KEYS:
                return f".{shown(key)} should be a mapping of at, open, locked, worn, lit and switched_on"
            for field, flag in entry.items():
                if type(flag) is not bool and field != "at":
                    return f".{shown(key)}.{field} should be true or false"
            if entry.get("worn") and at != "player" and worn_at_start.get(key) != at:
                return f".{shown(key)} is worn but not held"
    return None


def sight(value: Any, limits: Limits) -> Problem:
    if type(value) is dict and value.keys() == {"room", "lit"} and type(value["room"]) is str \
            and type(value["lit"]) is bool:
        return None
    return " should be a mapping of room (text) and lit (true or false)"


def npcs(value: Any, limits: Limits) -> Problem:
    if type(value) is not dict:
        return " should be a mapping"
    for key, entry in value.items():
        if type(entry) is not dict or entry.keys() != NPC_KEYS or text(entry["at"]):
            return f".{shown(key)} should be a mapping with the room they are in, at"
    return None


def piece(entry: Any, limits: Limits) -> Problem:
    """A piece in the repertoire: how well the player knows it, and when they last practised."""
    if type(entry) is not dict or entry.keys() != PIECE_KEYS:
        return " should be a mapping of mastery and practised"
    practised = entry["practised"]
    return at("mastery", MASTERY(entry["mastery"])) or \
        (None if practised is None else at("practised", time(practised, limits)))


def pronouns(value: Any, limits: Limits) -> Problem:
    if type(value) is not dict:
        return " should be a mapping"
    return unknown_key(value, PRONOUNS) or NAMED_LISTS(value, limits)


def pending(value: Any, limits: Limits) -> Problem:
    """The question a command asked, waiting on its answer (see parser/questions.py)."""
    if value is None:
        return None
    if type(value) is not dict:
        return " should be null or a mapping"
    problem = unknown_key(value, PENDING_KEYS)
    for key in PENDING_TEXTS & value.keys():
        problem = problem or (None if type(value[key]) is str else f".{key} should be text")
    if "candidates" in value:
        problem = problem or at("candidates", names(value["candidates"]))
    if "many" in value and type(value["many"]) not in (int, bool):
        problem = problem or ".many should be a whole number"
    if "choices" in value:
        problem = problem or at("choices", NAMED_LISTS(value["choices"], limits))
    return problem


def last_command(value: Any, limits: Limits) -> Problem:
    """The command AGAIN repeats: a parser.Command as a mapping."""
    if value is None:
        return None
    if type(value) is not dict or "action" not in value or "objects" not in value:
        return " should be null or a mapping with an action and objects"
    if value.keys() <= COMMAND_KEYS and type(value["action"]) is str and value["action"] \
            and type(value["objects"]) is list and set(map(type, value["objects"])) <= ONLY_TEXT \
            and type(value.get("used_all", False)) is bool \
            and set(map(type, map(value.get, COMMAND_TEXTS))) <= TEXT_OR_NONE:
        return None  # as every command leaves it; below, only to say what is wrong
    problem = unknown_key(value, COMMAND_KEYS) or at("action", text(value["action"])) \
        or at("objects", names(value["objects"])) or at("used_all", true_or_false(value.get("used_all", False)))
    return problem or next((at(key, text_or_none(value.get(key))) for key in COMMAND_TEXTS
                            if text_or_none(value.get(key))), None)


def unknown_key(mapping: dict[str, Any], known: frozenset[str]) -> Problem:
    if mapping.keys() <= known:
        return None
    return f".{shown(min(mapping.keys() - known))} is no part of a saved game"


def at(key: str, problem: Problem) -> Problem:
    """A problem of the value at `key`, said from the mapping that holds it."""
    return f".{key}{problem}" if problem else None


def shown(key: str) -> str:
    """A key of the save as a message shows it: never so long that it buries the message."""
    return key if len(key) <= KEY_SHOWN else f"{key[:KEY_SHOWN]}\u2026"


MASTERY = whole(0, MAX_SKILL)
NAMED_LISTS = each(names)


# -- whole columns -------------------------------------------------------------------------------

def whole_column(low: int, high: int) -> ColumnCheck:
    def column(values: list[Any], limits: Limits) -> bool:
        return set(map(type, values)) <= ONLY_WHOLE and low <= min(values) and max(values) <= high
    return column


def time_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_WHOLE and 0 <= min(values) and max(values) <= limits.latest_time


def text_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_TEXT and "" not in values


def text_or_none_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= TEXT_OR_NONE


def names_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_LIST and set(map(type, chain.from_iterable(values))) <= ONLY_TEXT


def counts_column(low: int, high: int) -> ColumnCheck:
    def column(values: list[Any], limits: Limits) -> bool:
        if not set(map(type, values)) <= ONLY_MAPPING:
            return False
        numbers = list(chain.from_iterable(map(dict.values, values)))
        return set(map(type, numbers)) <= ONLY_WHOLE and (not numbers or low <= min(numbers) and max(numbers) <= high)
    return column


def flags_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_MAPPING and \
        set(map(type, chain.from_iterable(map(dict.values, values)))) <= ONLY_TRUE_OR_FALSE


def pronouns_column(values: list[Any], limits: Limits) -> bool:
    if not (set(map(type, values)) <= ONLY_MAPPING and set(chain.from_iterable(values)) <= PRONOUNS):
        return False
    return names_column(list(chain.from_iterable(map(dict.values, values))), limits)


def commands_column(values: list[Any], limits: Limits) -> bool:
    commands = [value for value in values if value is not None]
    if not set(map(type, commands)) <= ONLY_MAPPING:
        return False
    actions = list(map(dict.get, commands, repeat("action")))
    objects = list(map(dict.get, commands, repeat("objects")))
    return (set(chain.from_iterable(commands)) <= COMMAND_KEYS
            and set(map(type, actions)) <= ONLY_TEXT and "" not in actions
            and set(map(type, objects)) <= ONLY_LIST and set(map(type, chain.from_iterable(objects))) <= ONLY_TEXT
            and set(map(type, map(dict.get, commands, repeat("used_all"), repeat(False)))) <= ONLY_TRUE_OR_FALSE
            and all(set(map(type, map(dict.get, commands, repeat(key)))) <= TEXT_OR_NONE for key in COMMAND_TEXTS))


def none_column(values: list[Any], limits: Limits) -> bool:
    """For what is null in most states (a question waiting on its answer)."""
    return set(map(type, values)) <= ONLY_NONE


def empty_column(values: list[Any], limits: Limits) -> bool:
    """For what is empty in most states (no piece learned yet)."""
    return set(map(type, values)) <= ONLY_MAPPING and not any(values)


def never(values: list[Any], limits: Limits) -> bool:
    return False


def delay_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_WHOLE and 0 <= min(values) and max(values) <= limits.longest_delay


def sight_column(values: list[Any], limits: Limits) -> bool:
    if not set(map(type, values)) <= ONLY_MAPPING or set(map(len, values)) != {2}:
        return False
    rooms, lit = list(map(dict.get, values, repeat("room"))), list(map(dict.get, values, repeat("lit")))
    return set(map(type, rooms)) <= ONLY_TEXT and set(map(type, lit)) <= ONLY_TRUE_OR_FALSE


def texts_column(values: list[Any], limits: Limits) -> bool:
    """Mappings of names to text that is not empty."""
    if not set(map(type, values)) <= ONLY_MAPPING:
        return False
    texts = list(chain.from_iterable(map(dict.values, values)))
    return set(map(type, texts)) <= ONLY_TEXT and "" not in texts


def room_descriptions_column(values: list[Any], limits: Limits) -> bool:
    return set(map(type, values)) <= ONLY_TEXT and set(values) <= DESCRIPTION_CHOICES


# -- the state: key -> (check, column check) -----------------------------------------------------

def _whole_both(low: int, high: int) -> tuple[Check, ColumnCheck]:
    return whole(low, high), whole_column(low, high)


def _counts_both(low: int, high: int) -> tuple[Check, ColumnCheck]:
    return each(whole(low, high)), counts_column(low, high)


STATE: dict[str, tuple[Check, ColumnCheck]] = {
    "version": _whole_both(FORMAT_VERSION, FORMAT_VERSION),
    "seed": _whole_both(-SEEDS, SEEDS),
    "rng": _whole_both(0, DICE - 1),
    "turn": _whole_both(0, BIG),
    "time": (time, time_column),
    "location": (text, text_column),
    "score": _whole_both(-BIG, BIG),
    "reputation": _whole_both(-BIG, BIG),
    "standing": _whole_both(-BIG, BIG),
    "energy": _whole_both(0, MAX_ENERGY),
    "skills": _counts_both(0, MAX_SKILL),
    "repertoire": (each(piece), empty_column),
    "flags": (each(true_or_false), flags_column),
    "counters": _counts_both(-BIG, BIG),
    "visits": _counts_both(0, BIG),
    "items": (items, never),
    "npcs": (npcs, never),
    "lore": (names, names_column),
    "fired": (names, names_column),
    "attended": (names, names_column),
    "performed": (names, names_column),
    "ending": (text_or_none, text_or_none_column),
    "pronouns": (pronouns, pronouns_column),
    "pending": (pending, none_column),
    "last_command": (last_command, commands_column),
}
OPTIONAL_STATE: dict[str, tuple[Check, ColumnCheck]] = {
    "delay": (delay, delay_column),  # time that a turn's effects asked for, still to pass
    "asleep_until": _whole_both(0, BIG),  # when a night's sleep ends (services/upkeep.py); may be past the term
    "lighting": (each(true_or_false), flags_column),  # rooms lit (true) or darkened by effects
    "sight": (sight, sight_column),  # the room as the player last saw it (services/world/light.py)
    # Saves made before there was a choice have none, and take the game's default.
    "room_descriptions": (room_descriptions, room_descriptions_column),
    "states": (each(text), texts_column),  # named states' values, in games that have them
    "recital_pieces": (each(text), texts_column),  # recital -> the piece performed at it, in the order performed
    "recital_calls": (each(text), texts_column),  # recital -> "called" (awaiting an answer), "passed" or "missed"
    "met": (names, names_column),  # the people the player has talked with, once they have
    "spoken_to": _counts_both(0, BIG),  # the person last spoken to -> when (services/world/lingering.py)
    "lingering": _counts_both(0, BIG),  # people a conversation keeps -> since when they were due to go
}
