"""The content of a game as immutable models: what the YAML says, checked and linked.

Conditions and effects stay plain data (dicts and lists) because they travel inside messages and
are interpreted by the rules service; everything else is a frozen dataclass (`@frozen`: see
frozen.py; after changing a class's fields, run `python -m elysium.content.model_gen`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, ValuesView
from dataclasses import field, fields
from functools import cached_property
from operator import attrgetter
from typing import Any

from elysium.content.frozen import frozen
from elysium.content.rounds import walked

TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

DIRECTIONS = (
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "up", "down", "in", "out",
)
OPPOSITE = {
    "north": "south", "south": "north", "east": "west", "west": "east",
    "northeast": "southwest", "southwest": "northeast", "northwest": "southeast",
    "southeast": "northwest", "up": "down", "down": "up", "in": "out", "out": "in",
}

WEEK = ("Moonday", "Tideday", "Quillday", "Harpday", "Fireday", "Starday", "Restday")  # unless a game names its own


def parse_time(text: str) -> int | None:
    """Minutes after midnight for "HH:MM", or None when it is not a time of day."""
    match = TIME_PATTERN.match(text.strip())
    return int(match[1]) * 60 + int(match[2]) if match else None


Condition = dict[str, Any]
Effect = dict[str, Any]


@frozen
class Variant:
    """One version of a text, used when its condition holds (None: always)."""

    condition: Condition | None
    text: str


# A text is a plain string or a tuple of variants, the first whose condition holds being shown.
Text = str | tuple[Variant, ...]


@frozen
class Exit:
    """A way out of a room; one with no `to` only ever refuses, with its `refusal`."""

    direction: str
    to: str | None
    door: str | None = None
    condition: Condition | None = None
    refusal: Text | None = None
    hidden: bool = False  # left out of the Exits: line, but works (or refuses) when taken


_new = object.__new__


class Ways(Mapping):
    """A room's exits: a read-only mapping of direction -> Exit, as a dict of them would be (its
    order, `len`, `in`, `get`, its views, and equal to a dict of the same Exits), kept as one flat
    tuple of key and value: a plain way out (a direction and its `to`, nothing else) as its `to`,
    made into an Exit when it is asked for, any other as its Exit. At 50,000 rooms a dict and an
    Exit for each way out were 25.5 MB of the content; a Ways and its tuple are 7.6 MB."""

    __slots__ = ("_flat",)

    def __init__(self, exits: Mapping[str, Exit] | Iterable[tuple[str, Exit]] = ()) -> None:
        flat: list[Any] = []
        # pairs: a key given twice is the last one, as in a dict
        for key, way in (exits if exits.__class__ is dict else dict(exits)).items():
            if way.__class__ is Exit and way.door is None and way.condition is None and way.refusal is None \
                    and way.hidden is False and way.direction == key:
                flat += (key, way.to)
            else:
                flat += (key, way)
        self._flat = tuple(flat)

    @staticmethod
    def _from_flat(flat: tuple[Any, ...]) -> Ways:
        """The Ways whose flat tuple this is (see the class): no Exit is made or looked at."""
        ways = _new(Ways)
        ways._flat = flat
        return ways

    @staticmethod
    def written(ways: Iterable[tuple[str, str | None, str | None, Condition | None, Text | None, bool]]) -> Ways:
        """The Ways of these ways out, each (direction, to, door, condition, refusal, hidden) as
        an Exit takes them: the loader's, which makes no Exit for a plain one."""
        flat: list[Any] = []
        for direction, to, door, condition, refusal, hidden in ways:
            if door is None and condition is None and refusal is None and hidden is False:
                flat += (direction, to)
            else:
                flat += (direction, Exit(direction, to, door, condition, refusal, hidden))
        return Ways._from_flat(tuple(flat))

    def __getitem__(self, key: str) -> Exit:
        flat = self._flat
        try:
            at = flat[::2].index(key) * 2  # keys and values apart: a room's id may be a direction
        except ValueError:
            raise KeyError(key) from None
        return _exit(key, flat[at + 1])

    def __contains__(self, key: object) -> bool:
        return key in self._flat[::2]

    def __iter__(self) -> Iterator[str]:
        return iter(self._flat[::2])

    def __len__(self) -> int:
        return len(self._flat) >> 1

    def _exits(self) -> Iterator[tuple[str, Exit]]:
        flat = self._flat
        for key, way in zip(flat[::2], flat[1::2]):
            yield key, _exit(key, way)

    def items(self) -> _WaysItems:
        return _WaysItems(self)

    def values(self) -> _WaysValues:
        return _WaysValues(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is Ways and self._flat == other._flat:
            return True
        if isinstance(other, Mapping):
            return dict(self._exits()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # as a dict's

    def __repr__(self) -> str:
        return repr(dict(self._exits()))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return Ways, (dict(self._exits()),)


class _WaysItems(ItemsView):
    __slots__ = ()

    def __iter__(self) -> Iterator[tuple[str, Exit]]:
        return self._mapping._exits()


class _WaysValues(ValuesView):
    __slots__ = ()

    def __iter__(self) -> Iterator[Exit]:
        return (way for _, way in self._mapping._exits())


def _exit(key: str, way: Any) -> Exit:
    """A value of a Ways' tuple as the Exit it stands for: a plain way out is kept as its `to`."""
    return way if way.__class__ is Exit else Exit._from_fields(key, way)


@frozen
class Room:
    """A place: its name, description and ways out (a Ways when loaded; a dict of Exits works the
    same)."""

    id: str
    name: str
    description: Text
    exits: Mapping[str, Exit]
    dark: bool | Condition = False  # a condition: dark while it holds (see places.has_light)
    position: tuple[int, int] | None = None
    on_enter: tuple[Effect, ...] = ()
    bed: bool = False
    practice: bool = False
    names: Text | None = None  # a name with variants (`name` is then the one with no condition)
    arrival: Text | None = None  # shown on arrival instead of the description, when it holds

    @property
    def shown_exits(self) -> dict[str, Exit]:
        """The exits a player is told of (Exits:, MAP, the sidebar): all but the hidden ones."""
        return {way: exit_ for way, exit_ in self.exits.items() if not exit_.hidden}

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled (the content cache) with its exits as their Ways' flat tuple (see Ways): an
        Exit pickled for each way out left its values' tuple, its dict's and its own entry in the
        unpickler's memo until the whole content was read."""
        _, values = self._fields_reduce()
        return Room._from_pickle, (*values[:3], _flat_ways(self.exits), *values[4:])

    @staticmethod
    def _from_pickle(id: str, name: str, description: Text, ways: tuple[Any, ...], *rest: Any) -> Room:
        return Room._from_fields(id, name, description, Ways._from_flat(ways), *rest)

    @staticmethod
    def _from_row(values: list[Any], start: int, end: int, stop: int) -> Room:
        """A room of a table (see _table): its values from `start` to `end` but its exits, then its
        exits' flat tuple to `stop`."""
        return Room._from_fields(values[start], values[start + 1], values[start + 2],
                                 Ways._from_flat(tuple(values[end:stop])), *values[start + 3:end])


def leads_to(exits: Mapping[str, Exit]) -> list[str | None]:
    """Where each of a room's ways out leads (None: it only refuses), in order: read from a Ways'
    tuple without making an Exit of each (the load's indexes and its audit read every room's)."""
    if exits.__class__ is not Ways:
        return [way.to for way in exits.values()]
    return [way.to if way.__class__ is Exit else way for way in exits._flat[1::2]]


def _flat_ways(exits: Mapping[str, Exit]) -> tuple[Any, ...]:
    """A room's exits as a Ways holds them (and Room.__reduce__ pickles them)."""
    return (exits if exits.__class__ is Ways else Ways(exits))._flat


@frozen
class Item:
    """A thing in the world: the words that name it, where it starts and what it allows."""

    id: str
    name: str
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    description: Text
    location: str
    here: Text | None = None
    portable: bool = True
    scenery: bool = False
    plural: bool = False
    container: bool = False
    supporter: bool = False
    openable: bool = False
    open: bool = True
    lockable: bool = False
    locked: bool = False
    key: str | None = None
    wearable: bool = False
    worn: bool = False
    text: Text | None = None
    light: bool = False
    lit: bool = False
    door: tuple[str, str] | None = None
    lore: str | None = None
    transparent: bool = False  # a closed container that still lets its light out
    device: bool = False  # switched on and off; a device that is a light is lit while on
    switched_on: bool = False
    findable_in_dark: bool = False  # in reach in the dark, like a light switch by the door
    capacity: int | None = None  # how many things it holds directly; None: no limit
    room_scenery: bool = False  # one line of a room's `scenery:`, not an entry of its own
    person_scenery: bool = False  # one line of a person's `scenery:`: there while its text says something


@frozen
class Topic:
    """Something an NPC can be asked about: the words that raise it and the answer."""

    id: str
    keywords: tuple[str, ...]
    text: Text
    condition: Condition | None = None
    effects: tuple[Effect, ...] = ()


@frozen
class Npc:
    """A person in the world: the words that name them, where they are and what they say."""

    id: str
    name: str
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    description: Text
    location: str
    here: Text | None = None
    schedule: tuple[tuple[int, str, tuple[str, ...]], ...] = ()  # (minute, room, weekdays; () for every day)
    greeting: Text | None = None
    default: Text | None = None
    topics: dict[str, Topic] = field(default_factory=dict)
    shows_holdings: bool | None = None  # EXAMINE names what they carry; None: as the game says
    asleep: Condition | None = None  # while it holds they sleep: TALK, ASK and WAKE get no answer
    asleep_reply: Text | None = None  # what TALK and ASK get then (default: world.person_asleep)
    walks: bool = False  # sets out early, room by room, to be in each scheduled place on time
    leaving: Text | None = None  # said when a conversation has kept them past their time to go


@frozen
class Lore:
    """A titled text the player can come to know."""

    id: str
    title: str
    text: Text


@frozen
class Piece:
    """A song, poem, tale or instrumental a student can learn, practise and perform."""

    id: str
    name: str
    skill: str
    description: Text
    kind: str = "song"
    difficulty: int = 30
    performance: Text | None = None  # what the hall sees and hears when it is performed at a recital
    practice: Text | None = None  # said after the practice line until mastered: what the piece asks of the work


@frozen
class SchoolClass:
    """A class on the timetable: where and when it meets, who teaches it, what attending it gives."""

    id: str
    name: str
    instructor: str
    room: str
    days: tuple[str, ...]
    start: int
    end: int
    skill: str
    gain: int = 5
    text: Text | None = None
    energy: int = 15
    teaches: tuple[str, ...] = ()
    missed: tuple[Effect, ...] | None = None
    do: tuple[Effect, ...] = ()
    late: tuple[Effect, ...] | None = None  # run for a student who comes in after the grace
    grace: int = 10  # minutes after the start a student may still come in on time


@frozen
class Recital:
    """A performance on a stage at a set day and time, and how it is judged."""

    id: str
    name: str
    stage: str
    day: int
    time: int
    skill: str = "performance"
    text: Text | None = None
    missed: tuple[Effect, ...] | None = None
    triumph: Text | None = None
    good: Text | None = None
    fair: Text | None = None
    poor: Text | None = None
    call: Text | None = None  # the steward's call when it begins with the player on its stage
    patience: int = 3  # minutes the call waits for an answer
    unanswered: tuple[Effect, ...] | None = None  # called, and the player let the moment go
    suits: tuple[str, ...] = ()  # the kinds of piece its theme is for (none: any)
    fit: int = 10  # points a suited piece gains in judging, and an unsuited one loses
    unsuited: Text | None = None  # said after the verdict when the piece does not suit the theme
    late: tuple[Effect, ...] | None = None  # performing after the steward's call went by unheard


@frozen
class Ending:
    """A way the game can end: its title and closing text."""

    id: str
    title: str
    text: Text
    win: bool = False


@frozen
class Verb:
    """A verb a game adds: the words that say it and the reply when no rule answers it."""

    id: str
    words: tuple[str, ...]
    default: Text | None = None
    time: int = 1


@frozen
class Rule:
    """What happens when the player does something: the verbs and things it answers, and its effects."""

    id: str
    on: tuple[str, ...]
    object: str | None = None
    second: str | None = None
    where: str | None = None
    condition: Condition | None = None
    effects: tuple[Effect, ...] = ()
    once: bool = False
    proceed: bool | None = None  # `continue: true` / `stop: true`; None: as its phase does (see goes_on)
    text: tuple[str, ...] = ()  # what the player must say after the verb (SAY, SING ...), if anything
    directions: tuple[str, ...] | None = None  # for `go`: the directions it is about ("nowhere": no exit)
    excluded: tuple[str, ...] = ()  # for `on: any`: the verbs it leaves alone
    phase: str = "instead"
    replace: bool = False  # an after rule whose text replaces the action's own

    def goes_on(self, stops_by_default: bool) -> bool:
        """Whether later rules (and the action) go ahead once this rule has fired: instead rules
        stop by default, every other kind goes on; `continue`/`stop` say otherwise."""
        return (not stops_by_default) if self.proceed is None else self.proceed


@frozen
class Timer:
    """Effects that happen at a time of day, on one day or every day, when their condition holds."""

    id: str
    at: int
    day: int | None = None
    daily: bool = True
    condition: Condition | None = None
    effects: tuple[Effect, ...] = ()
    interrupts: bool | Condition = False  # a condition: stops a wait when it holds as the timer fires


@frozen
class EnergyDrain:
    """What an hour awake costs (game: energy:); none by default."""
    per_hour: int = 0
    late_per_hour: int = 0  # instead of per_hour, from late_from to late_until
    late_from: int = 0
    late_until: int = 6 * 60 + 30


@frozen
class MasteryFade:
    """How an unpractised piece slips from the fingers (game: mastery:); it never does by default."""
    fresh_days: int = 2
    fades_per_day: int = 0


@frozen
class GameInfo:
    """The game's manifest: its title, introduction, start, features and settings."""

    title: str
    intro: Text
    start: str
    start_day: int = 1
    start_time: int = 8 * 60
    max_score: int = 0
    days: tuple[str, ...] = WEEK
    term_days: int = 21
    subtitle: str | None = None
    help: str | None = None
    term_end: tuple[Effect, ...] = ()
    messages: dict[str, Text] = field(default_factory=dict)  # the game's wording of engine sentences
    features: frozenset[str] = frozenset()  # the campus systems it uses (content/features.py); none: a plain game
    # describing and travelling
    player: Text | None = None  # what X ME shows
    room_descriptions: str = "verbose"  # verbose, brief or superbrief, until the player chooses
    credits: Text | None = None
    directions: dict[str, str] = field(default_factory=dict)  # the game's word -> its direction
    opposites: dict[str, str] = field(default_factory=dict)  # the game's own directions' opposites
    banner: bool = True
    carrying_capacity: int | None = None  # how many things the player holds directly; None: no limit
    shows_holdings: bool = False  # EXAMINE on a person names what they carry (an NPC may say otherwise)
    unlocks_with_held_key: bool = True  # OPEN or walking through a locked door first turns the key in hand
    energy: EnergyDrain = EnergyDrain()
    mastery: MasteryFade = MasteryFade()


@frozen
class PackInfo:
    """A loaded pack: its id, name and version."""

    id: str
    name: str
    version: str
    folder: str
    author: str | None = None
    description: str | None = None


@frozen(slots=False)
class Content:
    """Everything one game is made of, indexed by id."""

    pack: PackInfo
    game: GameInfo
    rooms: dict[str, Room]
    items: dict[str, Item]
    npcs: dict[str, Npc]
    lore: dict[str, Lore]
    pieces: dict[str, Piece]
    classes: dict[str, SchoolClass]
    recitals: dict[str, Recital]
    endings: dict[str, Ending]
    verbs: dict[str, Verb]
    rules: dict[str, Rule]
    timers: dict[str, Timer]
    warnings: tuple[Any, ...] = ()  # problems that do not stop play (see content/audit.py)
    packs: tuple[dict[str, str], ...] = ()  # each pack's id, version and hash, in load order
    mods: tuple[PackInfo, ...] = ()  # the mods in play, in load order, each with its folder (absolute)
    # The file that writes each rule, timer and room with on_enter effects (kind -> id -> file), so
    # that the log can point at content that sets itself off without end (see bus.Runaway).
    origins: dict[str, dict[str, str]] = field(default_factory=dict)
    rules_by_verb: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    # The same rules split by the thing they are about (None: any thing), each with its place in
    # rules_by_verb, so that a verb's rules for one thing are found without reading every rule.
    rules_by_target: dict[tuple[str, str | None], tuple[tuple[int, Rule], ...]] = field(default_factory=dict)
    doors_by_room: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Every NPC's scheduled minutes of the day, sorted: (minute, the NPC's place in content order, id).
    schedule_times: list[tuple[int, int, str]] = field(default_factory=list)
    # The schedules of the people who walk, with the steps of their walks (content/rounds.py).
    rounds: dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]] = field(default_factory=dict)
    # Named states (`states: {mood: [calm, uneasy, furious]}`): each one's values, the first its start.
    states: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The indexes are made anew from the content, never added to what was passed: `replace()`
        # passes the indexes of the content it copies, which would otherwise be doubled (a
        # schedule_times twice over is no longer sorted, and bisecting it misses NPCs' moves).
        by_verb: dict[str, list[Rule]] = {}
        for rule in self.rules.values():
            for verb in rule.on:
                by_verb.setdefault(verb, []).append(rule)
        by_target: dict[tuple[str, str | None], list[tuple[int, Rule]]] = {}
        order = {rule.id: n for n, rule in enumerate(self.rules.values())}  # the order rules are written in
        for verb, rules in by_verb.items():
            for rule in rules:
                by_target.setdefault((verb, rule.object), []).append((order[rule.id], rule))
        doors: dict[str, list[str]] = {}
        for item in self.items.values():
            for room in item.door or ():
                doors.setdefault(room, []).append(item.id)
        ways = {room.id: [to for to in leads_to(room.exits) if to] for room in self.rooms.values()}
        rounds = {npc.id: walked(npc.schedule, ways) for npc in self.npcs.values() if npc.walks}
        made = {"rules_by_verb": {verb: tuple(rules) for verb, rules in by_verb.items()},
                "rules_by_target": {key: tuple(rules) for key, rules in by_target.items()},
                "doors_by_room": {room: tuple(ids) for room, ids in doors.items()},
                "rounds": rounds}
        for name, index in made.items():
            object.__setattr__(self, name, index)
        object.__setattr__(self, "schedule_times", sorted({(at, n, npc.id) for n, npc in enumerate(self.npcs.values())
                                                           for at, *_ in self.schedule_of(npc)}))

    def with_load_facts(self, warnings: tuple, packs: tuple[dict[str, str], ...], mods: tuple[PackInfo, ...]) -> Content:
        """A copy with what the load learns once the content is built (its warnings, the packs'
        fingerprints, the mods), sharing the same indexes: `replace()` would make them all again."""
        copy = object.__new__(Content)
        for each in fields(Content):
            object.__setattr__(copy, each.name, getattr(self, each.name))
        for name, value in (("warnings", warnings), ("packs", packs), ("mods", mods)):
            object.__setattr__(copy, name, value)
        return copy

    def schedule_of(self, npc: Npc) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
        """Where someone goes and when: their schedule, with the steps of their walks if they walk."""
        return self.rounds.get(npc.id, npc.schedule)

    def rules_for(self, verb: str, thing: str | None) -> list[Rule]:
        """The rules for `verb` (or for any action) that could apply to `thing`, in the order they
        are written."""
        verbs = (verb,) if verb in ("any", "arrive", "turn") else (verb, "any")  # moments are not actions
        keys = [(each, target) for each in verbs for target in dict.fromkeys((None, thing))]
        found = [pairs for key in keys if (pairs := self.rules_by_target.get(key))]
        if not found:
            return []
        if len(found) == 1:
            return [rule for _, rule in found[0]]
        return [rule for _, rule in sorted((pair for pairs in found for pair in pairs), key=lambda pair: pair[0])]

    @cached_property
    def timers_by_minute(self) -> dict[int, tuple[Timer, ...]]:
        """Timers by the minute of the day they go off, each minute's in id order (the order they
        fire in), so that the clock finds a moment's timers without reading every timer."""
        by_minute: dict[int, list[Timer]] = {}
        for timer in sorted(self.timers.values(), key=attrgetter("id")):
            by_minute.setdefault(timer.at, []).append(timer)
        return {minute: tuple(timers) for minute, timers in by_minute.items()}

    @cached_property
    def daily_timer_minutes(self) -> list[int]:
        """The minutes of the day at which timers for every day (no `day`) go off, in order."""
        return sorted({timer.at for timer in self.timers.values() if timer.day is None})

    @cached_property
    def dated_timers(self) -> list[tuple[int, int]]:
        """(day, minute of the day) of the timers for one day of term, in order."""
        return sorted({(timer.day, timer.at) for timer in self.timers.values() if timer.day is not None}
                      | {(recital.day, recital.time) for recital in self.recitals.values()}  # the steward's call
                      | {(recital.day + (recital.time + recital.patience) // (24 * 60),
                          (recital.time + recital.patience) % (24 * 60)) for recital in self.recitals.values()})

    def __getstate__(self) -> dict[str, Any]:
        return self.cache_state()

    def cache_state(self, share: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None) -> dict[str, Any]:
        """Its fields, with the rooms and items as tables (see _table): pickled one by one, every
        room and item left a tuple of its values and two entries in the unpickler's memo until the
        whole content had been read. `share` may give each model's values with equal ones made one
        (see cache.write). What the cached properties worked out is left out: it is made again."""
        state = {each.name: getattr(self, each.name) for each in fields(self)}
        for name, cls in TABLED.items():
            table = _table(cls, state[name], share if cls in HOLDS_DATA else None)
            if table is not None:
                state[name] = table
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, cls in TABLED.items():
            if isinstance(state.get(name), tuple):
                state[name] = _from_table(cls, state[name])
        vars(self).update(state)

    @classmethod
    def from_state(cls, state: Any) -> Content:
        """The content whose `cache_state()` this is: the cache pickles the state rather than the
        content, so that its tables are made into models once the unpickler (and its memo, which
        holds every object it has read) is gone, not beside it."""
        if not isinstance(state, dict) or state.keys() != {each.name for each in fields(cls)}:
            raise ValueError("not the state of a content")
        content = object.__new__(cls)
        content.__setstate__(state)
        return content

    def origin(self, kind: str, entry_id: str) -> str:
        """The file an entry is written in, or "" when that is not known."""
        return self.origins.get(kind, {}).get(entry_id, "")

    def thing(self, thing_id: str) -> Item | Npc | None:
        return self.items.get(thing_id) or self.npcs.get(thing_id)

    def summary(self) -> str:
        return (
            f"{len(self.rooms)} rooms, {len(self.items)} items, {len(self.npcs)} npcs, "
            f"{len(self.lore)} lore, {len(self.classes)} classes, {len(self.recitals)} recitals, "
            f"{len(self.endings)} endings"
        )


TABLED = {"rooms": Room, "items": Item}  # the Content fields pickled as tables: most of the models
HOLDS_DATA = {Room}  # of those, the ones whose values may hold conditions and effects (dicts)
TABLE_ROWS = 256  # models a part of a table holds: the unpickler holds a whole part on its stack
Table = tuple[list[Any], bytes]  # a part of a table: the models' values, and their shapes (see _table)


def _table(cls: type, models: dict[str, Any],
           share: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None) -> tuple[Table, ...] | None:
    """The models in parts of TABLE_ROWS, each (a list of the models' pickled values one after the
    other, two bytes for each model: how many values, and 0 for one made by `_from_fields` or 1 +
    how many flat exits follow them for a room made by `_from_pickle`); None when one is not a
    `cls` kept under its id. A list, not a tuple: it is emptied as soon as its models are made,
    where a tuple would wait in the unpickler's memo until the whole content is read; a room's
    exits are in it for the same reason."""
    parts = []
    from_pickle = getattr(cls, "_from_pickle", None)
    ordered = list(models.items())
    for first in range(0, len(ordered), TABLE_ROWS):
        values: list[Any] = []
        shapes = bytearray()
        for key, model in ordered[first:first + TABLE_ROWS]:
            if model.__class__ is not cls or key != model.id:
                return None
            make, its = model.__reduce__()
            if make == cls._from_fields:
                ways, flat = (), 0
            elif make == from_pickle:
                ways = its[3]
                its, flat = its[:3] + its[4:], len(ways) + 1
            else:
                return None
            if len(its) > 255 or flat > 255:
                return None
            values += its if share is None else share(its)
            values += ways
            shapes += bytes((len(its), flat))
        parts.append((values, bytes(shapes)))
    return tuple(parts)


def _from_table(cls: type, parts: tuple[Table, ...]) -> dict[str, Any]:
    make, from_row = cls._from_fields, getattr(cls, "_from_row", None)
    models = {}
    for values, shapes in parts:
        start = 0
        for count, flat in zip(shapes[::2], shapes[1::2]):
            end = start + count
            if flat:
                model = from_row(values, start, end, end + flat - 1)
                end += flat - 1
            else:
                model = make(*values[start:end])
            models[model.id] = model
            start = end
        values.clear()  # the models hold what they need: the part's array goes before the next part's models come
    return models
