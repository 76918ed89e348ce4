"""Check raw YAML data against the schema table, converting values and noting every problem.

The checker never stops at the first problem: it reports each one with the position of the value
at fault, and records references to other entries so they can be resolved once all files are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from elysium.content import features as campus
from elysium.content import schema, substitutions, yaml_traps
from elysium.content.messages import DEFAULTS, PARAMETERS
from elysium.content.model import DIRECTIONS, EnergyDrain, MasteryFade, Variant, parse_time
from elysium.content.names_check import NameUse
from elysium.content.problems import Problem, suggestion
from elysium.content.yamlsafe import Document, Mark, Path_

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PLACE_WORDS = ("player", "nowhere")
INVALID = object()
VARIANT_FIELDS = {"if": "condition", "text": "*text"}
DOOR_FIELDS = {"between": "*rooms"}
SPAN_FIELDS = {"from": "*time", "to": "*time"}
# Conditions a room's darkness may not ask: each would ask whether a room is dark, or roll the dice,
# every time anyone looks.
DARKNESS_UNASKABLE = {
    "dark": "whether a room is dark is what this condition decides",
    "here": "what is in reach depends on whether the room is dark",
    "chance": "darkness is asked many times a turn, and each would roll the dice",
}
NUMBER_SUBJECTS = ("counter", "skill", "visits", "piece")  # what at_least/at_most/equals compare
TRUE_SUBJECTS = ("score", "reputation", "standing", "energy")  # ... when set to true
READ_IN_TEXT = re.compile(r"\{(counter|state) ([A-Za-z_][\w:]*)\}", re.IGNORECASE)
EFFECT_FIELDS = {primary: {primary: "*" + shape, **schema.EFFECT_COMPANIONS.get(primary, {})}
                 for primary, shape in schema.EFFECT_KEYS.items()}


@dataclass(frozen=True)
class Reference:
    kind: str  # rooms, items, npcs, lore, endings, things (an item or an NPC)
    id: str
    doc: Document
    path: Path_

    @property
    def mark(self) -> Mark:
        """Where the reference is written (worked out only when a message needs it)."""
        return self.doc.mark(self.path)


def _same(kind: str, value: str) -> str:
    return value


@dataclass
class Checker:
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    # Turns an id as written in the current pack into the id the game uses (see loader.py).
    qualify: Callable[[str, str], str] = _same
    # In a patch, null means "remove this field or this exit/topic".
    allow_null: bool = False
    # The game's days of the week, once its manifest is read: other day names must be among them.
    week: tuple[str, ...] = ()
    # The campus systems the game uses, once its manifest is read: content of the others is refused.
    features: frozenset[str] = campus.ALL
    # The game's own direction words, once its manifest is read: word -> the direction it names.
    directions: dict[str, str] = field(default_factory=dict)
    # Every `move` effect into or onto an item: (item, place, where the place is written), to be
    # checked once every item's starting place is known (see assemble.check_moves); and every item
    # that some `move` effect moves anywhere.
    moves: list[tuple[str, str, Document, Path_]] = field(default_factory=list)
    moved: set[str] = field(default_factory=set)
    # Where each `go` and `wait` effect's value is written, by the effect's identity (the effect
    # itself is kept, so that its identity is never reused): loops.py reports loops at them.
    effect_places: dict[int, tuple[dict, Document, Path_]] = field(default_factory=dict)
    # Every item that a `switch_on`/`switch_off` effect or a `switched_on` condition names, and
    # where: it must be a device (see assemble.check_devices).
    switched: list[tuple[str, Document, Path_]] = field(default_factory=list)
    # Substitutions in texts that name an item or NPC, checked once every id is known; and the
    # parameters the engine gives the message whose text is being read (none for content's own texts).
    named: list[substitutions.Named] = field(default_factory=list)
    parameters: tuple[str, ...] = ()
    # Doubtful but playable content noticed while checking (a room's scenery noun written twice).
    warnings: list[Problem] = field(default_factory=list)
    # Every flag and counter read (conditions, `{counter X}`) or set (effects): see names_check.py.
    names: list[NameUse] = field(default_factory=list)
    # Every named state used: (name, the values it is compared with or set to, or None, where the
    # name is written, where the values are), checked once every pack's states are known.
    state_uses: list[tuple[str, tuple[str, ...] | None, Document, Path_, Path_]] = field(default_factory=list)

    def error(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(mark, message))

    def fields(self, doc: Document, path: Path_, value: Any, table: dict[str, str], what: str) -> dict | None:
        """Check a mapping against a field table (a module-level constant: see `_compiled`);
        returns converted fields (absent ones left out)."""
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must be a mapping of fields, not {_kind(value)}")
            return None
        _, checkers, required = _compiled(table)
        result: dict[str, Any] = {}
        for key, item in value.items():
            checker = checkers.get(key)
            if checker is None:
                self.error(doc.key_mark(path + (key,)), f"unknown field {key!r} in {what}{suggestion(key, table)}")
                continue
            if item is None and self.allow_null:
                if key in required:
                    self.error(doc.mark(path + (key,)), f"a patch cannot remove the required field {key!r}")
                else:
                    result[key] = None
                continue
            converted = checker(self, doc, path + (key,), item, f"{key!r} in {what}")
            if converted is not INVALID:
                result[key] = converted
        if not self.allow_null:
            for key in required:
                if key not in value:
                    self.error(doc.key_mark(path), f"{what} needs the field {key!r}")
        return result

    def shape(self, doc: Document, path: Path_, value: Any, shape: str, what: str) -> Any:
        return _checker(shape)(self, doc, path, value, what)

    def reference(self, kind: str, doc: Document, path: Path_, value: Any, what: str) -> Any:
        if not isinstance(value, str) or not value:
            self.error(doc.mark(path), f"{what} must be an id, not {_kind(value)}")
            return INVALID
        value = self.qualify(kind, value)
        self.references.append(Reference(kind, value, doc, path))
        return value

    def written_text(self, doc: Document, path: Path_, value: Any, what: str) -> Any:
        """A plain number where text belongs, as it is written, with a warning to quote it."""
        if (kept := yaml_traps.number_as_text(doc, path, value, what)) is None:
            return value
        self.warnings.append(kept[1])
        return kept[0]

    def meant_boolean(self, doc: Document, path: Path_, value: Any, what: str) -> Any:
        """`yes`/`no`/`on`/`off` where true or false belongs, as the boolean meant, with a warning."""
        if (taken := yaml_traps.old_boolean(doc, path, value, what)) is None:
            return value
        self.warnings.append(taken[1])
        return taken[0]

    # -- simple shapes -------------------------------------------------------------------------
    def shape_str(self, doc, path, value, what):
        value = self.written_text(doc, path, value, what)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(doc.mark(path), f"{what} must be text, not {_kind(value)}")
            return INVALID
        if isinstance(value, str) and not value.strip():
            self.error(doc.mark(path), f"{what} is empty")
            return INVALID
        return str(value)

    def shape_bool(self, doc, path, value, what):
        value = self.meant_boolean(doc, path, value, what)
        if not isinstance(value, bool):
            self.error(doc.mark(path), f"{what} must be true or false, not {_kind(value)}")
            return INVALID
        return value

    def shape_dark(self, doc, path, value, what):
        """A room's darkness: true, false, or a condition that holds while the room is dark."""
        value = self.meant_boolean(doc, path, value, what)
        if isinstance(value, bool):
            return value
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must be true, false or a condition, not {_kind(value)}")
            return INVALID
        converted = self.shape_condition(doc, path, value, what)
        for where, key in _condition_keys(value, path):
            if key in DARKNESS_UNASKABLE:
                self.error(doc.key_mark(where), f"a room's darkness cannot depend on {key!r}: "
                           f"{DARKNESS_UNASKABLE[key]}")
        return converted

    def shape_bool_or_condition(self, doc, path, value, what):
        """True, false, or a condition asked when it matters (a timer's `interrupts`)."""
        value = self.meant_boolean(doc, path, value, what)
        if isinstance(value, bool):
            return value
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must be true, false or a condition, not {_kind(value)}")
            return INVALID
        return self.shape_condition(doc, path, value, what)

    def shape_int(self, doc, path, value, what):
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(doc.mark(path), f"{what} must be a whole number, not {_kind(value)}")
            return INVALID
        if warning := yaml_traps.leading_zero(doc, path, value, what):
            self.warnings.append(warning)
        return value

    def shape_count(self, doc, path, value, what):
        number = self.shape_int(doc, path, value, what)
        if number is not INVALID and number < 0:
            self.error(doc.mark(path), f"{what} must be 0 or more, not {number}")
            return INVALID
        return number

    def shape_minutes(self, doc, path, value, what):
        number = self.shape_int(doc, path, value, what)
        if number is not INVALID and not 0 <= number <= schema.MAX_WAIT:
            self.error(doc.mark(path), f"{what} must be a number of minutes from 0 to {schema.MAX_WAIT} (a week), "
                       f"not {number}")
            return INVALID
        return number

    def shape_time(self, doc, path, value, what):
        minutes = parse_time(value) if isinstance(value, str) else None
        if minutes is None:
            self.error(doc.mark(path), f'{what} must be a time of day like "07:30", not {value!r}')
            return INVALID
        return minutes

    def shape_words(self, doc, path, value, what):
        if isinstance(value, list):
            value = [self.written_text(doc, path + (i,), word, what) for i, word in enumerate(value)]
        else:
            value = self.written_text(doc, path, value, what)
        words = [value] if isinstance(value, str) else value
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            self.error(doc.mark(path), f"{what} must be a word or a list of words")
            return INVALID
        return tuple(intern(w.strip().lower()) for w in words)  # shared, like the YAML's own words

    def shape_text(self, doc, path, value, what):
        value = self.written_text(doc, path, value, what)
        if isinstance(value, str):
            if not value.strip():
                self.error(doc.mark(path), f"{what} is empty")
                return INVALID
            self.check_substitutions(doc, path, value)
            if "{" in value:
                for form, name in READ_IN_TEXT.findall(value):
                    if form.lower() == "counter":
                        self.names.append(NameUse("counter", name, True, doc, path))
                    else:
                        self.state_uses.append((name, None, doc, path, path))
            return _tidy(value)
        if isinstance(value, list) and value:
            variants = []
            for i, entry in enumerate(value):
                fields = self.fields(doc, path + (i,), entry, VARIANT_FIELDS, f"a variant of {what}")
                if fields and isinstance(fields.get("text"), str):
                    variants.append(Variant(fields.get("if"), fields["text"]))
            return tuple(variants)
        self.error(doc.mark(path), f"{what} must be text or a list of {{if, text}} variants")
        return INVALID

    def check_substitutions(self, doc: Document, path: Path_, text: str) -> None:
        """Unknown `{...}` forms are errors now; names that may be ids wait for every file."""
        for fragment, nth, problem, kind in substitutions.check(text, self.parameters):
            if problem is not None:
                self.error(doc.mark_within(path, fragment, nth), problem)
                continue
            written = fragment[1:-1].split(" ")[-1]
            written = written if " " in fragment else written.lower()
            self.named.append(substitutions.Named(kind, self.qualify(kind, written), written, fragment, nth, doc,
                                                  path, self.parameters))

    def shape_position(self, doc, path, value, what):
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            self.error(doc.mark(path), f"{what} must be two whole numbers, like [0, 1]")
            return INVALID
        return (value[0], value[1])

    def shape_days(self, doc, path, value, what):
        """Day names keep the author's capitals: they are shown to the player."""
        days = [value] if isinstance(value, str) else value
        if not isinstance(days, list) or not days or not all(isinstance(d, str) and d.strip() for d in days):
            self.error(doc.mark(path), f"{what} must be a day name or a list of day names")
            return INVALID
        known = {day.lower() for day in self.week}
        for i, day in enumerate(days):
            if known and day.strip().lower() not in known:
                self.error(doc.mark(path + ((i,) if isinstance(value, list) else ())),
                           f"{day.strip()!r} is not one of the game's days{suggestion(day.strip(), self.week)}")
        return tuple(d.strip() for d in days)

    def shape_place(self, doc, path, value, what):
        if isinstance(value, str):
            if value not in PLACE_WORDS:  # a room, or a person who holds the thing
                value = self.qualify("rooms", value)
                self.references.append(Reference("places", value, doc, path))
            return value
        if isinstance(value, dict) and len(value) == 1:
            (how, holder), = value.items()
            if how in ("in", "on") and isinstance(holder, str):
                holder = self.qualify("items", holder)
                self.references.append(Reference("items", holder, doc, path + (how,)))
                return f"{how}:{holder}"
        self.error(doc.mark(path), f"{what} must be a room id, an NPC id, player, nowhere, {{in: item}} or {{on: item}}")
        return INVALID

    # -- structured shapes ---------------------------------------------------------------------
    def shape_exits(self, doc, path, value, what):
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must map directions to rooms")
            return INVALID
        exits = {}
        for direction, target in value.items():
            where = path + (direction,)
            if direction in self.directions:
                direction = self.directions[direction]  # the game's word for it: `fore` or `forward`
            elif direction not in DIRECTIONS:
                known = (*DIRECTIONS, *self.directions)
                self.error(doc.key_mark(where), f"{direction!r} is not a direction{suggestion(direction, known)}")
                continue
            if target is None and self.allow_null:
                exits[direction] = None
            elif isinstance(target, str):
                target = self.qualify("rooms", target)
                self.references.append(Reference("rooms", target, doc, where))
                exits[direction] = {"to": target}
            else:
                fields = self.fields(doc, where, target, schema.EXIT_FIELDS, f"the {direction} exit")
                if fields and "to" not in fields and "else" not in fields:
                    self.error(doc.mark(where), f"the {direction} exit needs 'to' (where it leads) or "
                               "'else' (why it leads nowhere)")
                elif fields:
                    exits[direction] = fields
        return exits

    def shape_door(self, doc, path, value, what):
        fields = self.fields(doc, path, value, DOOR_FIELDS, what)
        if not fields or "between" not in fields:
            return INVALID
        if len(fields["between"]) != 2:
            self.error(doc.mark(path + ("between",)), "a door stands between exactly two rooms")
            return INVALID
        return tuple(fields["between"])

    def shape_rooms(self, doc, path, value, what):
        rooms = [value] if isinstance(value, str) else value
        if not isinstance(rooms, list) or not all(isinstance(r, str) for r in rooms):
            self.error(doc.mark(path), f"{what} must be a room id or a list of room ids")
            return INVALID
        rooms = [self.qualify("rooms", room) for room in rooms]
        for i, room in enumerate(rooms):
            self.references.append(Reference("rooms", room, doc, path + ((i,) if isinstance(value, list) else ())))
        return tuple(rooms)

    def shape_schedule(self, doc, path, value, what):
        if not isinstance(value, list):
            self.error(doc.mark(path), f"{what} must be a list of {{at, room}} entries (and days, if not daily)")
            return INVALID
        entries = []
        for i, entry in enumerate(value):
            fields = self.fields(doc, path + (i,), entry, schema.SCHEDULE_FIELDS, "a schedule entry")
            if fields and "at" in fields and "room" in fields:
                entries.append((fields["at"], fields["room"], fields.get("days", ())))
        return tuple(sorted(entries))

    def shape_topics(self, doc, path, value, what):
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must map topic ids to answers")
            return INVALID
        topics = {}
        for topic_id, entry in value.items():
            if entry is None and self.allow_null:
                topics[topic_id] = None
                continue
            fields = self.fields(doc, path + (topic_id,), entry, schema.TOPIC_FIELDS, f"the topic {topic_id!r}")
            if fields and "text" in fields:
                topics[topic_id] = fields
        return topics

    def shape_item_rules(self, doc, path, value, what):
        if not isinstance(value, list):
            self.error(doc.mark(path), f"{what} must be a list of rules")
            return INVALID
        rules = []
        for i, entry in enumerate(value):
            fields = self.fields(doc, path + (i,), entry, schema.ITEM_RULE_FIELDS, "a rule")
            if fields and "on" in fields:
                rules.append(fields)
        return rules

    def one_of(self, doc, path, value, what, choices: tuple[str, ...], written: bool = False):
        """`value` when it is one of `choices`, else an error naming them (and what was written)."""
        if value not in choices:
            self.error(doc.mark(path), f"{what} must be one of {', '.join(choices)}"
                       f"{f', not {value!r}' if written else ''}{suggestion(str(value), choices)}")
            return INVALID
        return value

    def shape_phase(self, doc, path, value, what):
        return self.one_of(doc, path, value, what, schema.PHASES)

    def shape_rule_directions(self, doc, path, value, what):
        """The directions a `go` rule is about: a direction, `nowhere`, or a list of them."""
        ways = [value] if isinstance(value, str) else value
        if not isinstance(ways, list) or not ways or not all(isinstance(w, str) for w in ways):
            self.error(doc.mark(path), f"{what} must be a direction, nowhere, or a list of them")
            return INVALID
        choices = (*DIRECTIONS, schema.NOWHERE)
        for i, way in enumerate(ways):
            if way not in choices:
                self.error(doc.mark(path + ((i,) if isinstance(value, list) else ())),
                           f"{way!r} is not a direction{suggestion(way, choices)}")
        return tuple(ways)

    def shape_requires(self, doc, path, value, what):
        """Packs needed first: a list of pack ids, or a mapping of pack id to a version range."""
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return {v: "" for v in value}
        if isinstance(value, dict):
            value = {k: self.written_text(doc, path + (k,), v, f"the version range of {k!r}") for k, v in value.items()}
        if isinstance(value, dict) and all(isinstance(v, str) or v is None for v in value.values()):
            return {str(k): v or "" for k, v in value.items()}
        self.error(doc.mark(path), f"{what} must be a list of pack ids, or pack ids with version ranges")
        return INVALID

    def shape_messages(self, doc, path, value, what):
        """The game's own wording of engine sentences: a mapping of known keys to texts."""
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must map message keys (such as 'world.empty_inventory') to texts")
            return INVALID
        wording = {}
        for key, text in value.items():
            if key not in DEFAULTS:
                self.error(doc.key_mark(path + (key,)), f"unknown message {key!r}{suggestion(str(key), DEFAULTS)}")
                continue
            self.parameters = PARAMETERS.get(key, ())
            try:
                converted = self.shape_text(doc, path + (key,), text, f"the message {key!r}")
            finally:
                self.parameters = ()
            if converted is not INVALID:
                wording[key] = converted
        return wording

    def shape_features(self, doc, path, value, what):
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            self.error(doc.mark(path), f"{what} must be a list of feature names, such as [clock, lore] (or [])")
            return INVALID
        for n, name in enumerate(value):
            if name not in campus.FEATURES:
                self.error(doc.mark(path + (n,)), f"unknown feature {name!r}{suggestion(name, campus.FEATURES)}")
        named = frozenset(value) & campus.ALL
        for name in sorted(named):
            for needed in campus.NEEDS.get(name, ()):
                if needed not in named:
                    self.error(doc.mark(path + (value.index(name),)),
                               f"the feature {name!r} needs the feature {needed!r} too: add it to the list")
        return named

    def need(self, feature: str, mark: Callable[[], Mark], what: str) -> None:
        """Refuse content of a campus system the game does not use. `mark` finds where it is
        written only when needed: finding a position reads the file a second time."""
        if feature not in self.features:
            self.error(mark(), f"{what} {campus.lacking(feature)}")

    def shape_energy_drain(self, doc, path, value, what):
        self.need("energy", lambda: doc.key_mark(path), what)
        fields = self.fields(doc, path, value, schema.ENERGY_DRAIN_FIELDS, what)
        return INVALID if fields is None else EnergyDrain(**fields)

    def shape_mastery_fade(self, doc, path, value, what):
        self.need("recitals", lambda: doc.key_mark(path), what)
        fields = self.fields(doc, path, value, schema.MASTERY_FADE_FIELDS, what)
        return INVALID if fields is None else MasteryFade(**fields)

    def shape_room_descriptions(self, doc, path, value, what):
        return self.one_of(doc, path, value, what, schema.ROOM_DESCRIPTIONS, written=True)

    def shape_directions(self, doc, path, value, what):
        """The game's direction words: `word: north` for another word for a direction, or
        `word: {opposite: other, words: [...]}` for a direction of the game's own. Gives
        (word -> direction, direction -> opposite)."""
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must map words to directions, such as {{forward: north}}")
            return INVALID
        own = {word for word, meaning in value.items() if isinstance(meaning, dict)}
        words: dict[str, str] = {}
        opposites: dict[str, str] = {}
        for word, meaning in value.items():
            where = path + (word,)
            if not isinstance(word, str) or not word.strip() or " " in word.strip():
                self.error(doc.key_mark(where), f"{word!r} must be one word")
                continue
            word = intern(word.strip().lower())
            if word in DIRECTIONS:
                self.error(doc.key_mark(where), f"{word!r} is already a direction of the compass")
                continue
            if isinstance(meaning, dict):
                fields = self.fields(doc, where, meaning, schema.DIRECTION_FIELDS, f"the direction {word!r}")
                if fields is None:
                    continue
                words[word] = word
                for other in fields.get("words", ()):
                    words[other] = word
                opposite = fields.get("opposite")
                if opposite is not None:
                    opposite = opposite.strip().lower()
                    if opposite not in (*DIRECTIONS, *own):
                        self.error(doc.mark(where + ("opposite",)), f"{opposite!r} is not a direction"
                                   f"{suggestion(opposite, (*DIRECTIONS, *own))}")
                        continue
                    opposites[word] = opposite
            elif isinstance(meaning, str) and meaning.strip().lower() in (*DIRECTIONS, *own):
                words[word] = intern(meaning.strip().lower())
            else:
                self.error(doc.mark(where), f"{word!r} must name a direction (north, up, ...) or be "
                           f"{{opposite: ...}}, a direction of the game's own{suggestion(str(meaning), DIRECTIONS)}")
        return words, opposites

    def shape_scenery(self, doc, path, value, what):
        """A room's scenery: `nouns: text` per thing, the nouns of one thing written "steps, stair"
        (the last word of each is a noun, any words before it adjectives; the first names it)."""
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must map nouns (\"steps\" or \"white steps, stair\") to descriptions")
            return INVALID
        groups, seen = [], set()
        for key, description in value.items():
            phrases = [p.split() for p in str(key).lower().split(",")]
            if not all(phrases) or not all(ID_PATTERN.match(w.replace("-", "_")) for p in phrases for w in p):
                self.error(doc.key_mark(path + (key,)), f"{key!r} in {what} must be nouns separated by commas, "
                                                        "such as \"white steps, stair\"")
                continue
            text = self.shape_text(doc, path + (key,), description, f"the scenery {key!r}")
            if text is INVALID:
                continue
            nouns = tuple(intern(p[-1]) for p in phrases)
            for noun in nouns:
                if noun in seen:
                    self.warnings.append(Problem(doc.key_mark(path + (key,)), f"the scenery noun {noun!r} is "
                                                 f"used twice in {what}: EXAMINE {noun.upper()} will ask which "
                                                 "is meant", "warning"))
                seen.add(noun)
            adjectives = tuple(dict.fromkeys(intern(w) for p in phrases for w in p[:-1]))
            groups.append((" ".join(phrases[0]), nouns, adjectives, text, path + (key,)))
        return tuple(groups)

    def shape_action_effects(self, doc, path, value, what):
        """A rule's effects: their texts may name the action's parts ({the noun}, {the second})."""
        self.parameters = schema.ACTION_PARAMETERS
        try:
            return self.shape_effects(doc, path, value, what)
        finally:
            self.parameters = ()

    def shape_action_text(self, doc, path, value, what):
        self.parameters = schema.ACTION_PARAMETERS
        try:
            return self.shape_text(doc, path, value, what)
        finally:
            self.parameters = ()

    def shape_game(self, doc, path, value, what):
        return self.fields(doc, path, value, schema.GAME_FIELDS, "the game section") or INVALID

    # -- the rule language ---------------------------------------------------------------------
    def shape_condition(self, doc, path, value, what):
        if not isinstance(value, dict):
            self.error(doc.mark(path), f"{what} must be a condition (a mapping such as {{flag: x}})")
            return INVALID
        converted = {}
        for key, item in value.items():
            where = path + (key,)
            if key not in schema.CONDITION_KEYS:
                self.error(doc.key_mark(where), f"unknown condition {key!r}{suggestion(key, schema.CONDITION_KEYS)}")
                continue
            if key in campus.CONDITIONS:
                self.need(campus.CONDITIONS[key], lambda: doc.key_mark(where), f"the condition {key!r}")
            result = self.shape(doc, where, item, schema.CONDITION_KEYS[key], f"the condition {key!r}")
            converted[key] = item if result is INVALID else result
            if key == "switched_on" and isinstance(result, str):
                self.switched.append((result, doc, where))
            if key in ("flag", "counter") and isinstance(result, str):
                self.names.append(NameUse(key, result, True, doc, where))
        if ("state" in value) != ("is" in value):
            self.error(doc.key_mark(path + (next(k for k in ("state", "is") if k in value),)),
                       "a condition on a named state needs both state: NAME and is: VALUE (or a list of values)")
        elif isinstance(converted.get("state"), str) and isinstance(converted.get("is"), tuple):
            self.state_uses.append((converted["state"], converted["is"], doc, path + ("state",), path + ("is",)))
        compared = [key for key in schema.COMPARISONS if key in value]
        if compared and not any(key in value for key in NUMBER_SUBJECTS) and not any(
                value.get(key) is True for key in TRUE_SUBJECTS):
            self.error(doc.key_mark(path + (compared[0],)), f"{compared[0]!r} compares a number, but this condition "
                       "names none: add counter: NAME (or skill, visits or piece), or score, reputation, standing "
                       "or energy: true")
        return converted

    def shape_conditions(self, doc, path, value, what):
        if not isinstance(value, list):
            self.error(doc.mark(path), f"{what} must be a list of conditions")
            return INVALID
        return [self.shape_condition(doc, path + (i,), entry, "each condition") for i, entry in enumerate(value)]

    def shape_compare(self, doc, path, value, what):
        if value is True or (isinstance(value, int) and not isinstance(value, bool)):
            return value  # true: compared by the sibling at_least/at_most/equals keys
        if isinstance(value, dict) and value and set(value) <= set(schema.COMPARISONS):
            for key, number in value.items():
                self.shape_int(doc, path + (key,), number, key)
            return value
        self.error(doc.mark(path), f"{what} must be a number or {{at_least: N}}, {{at_most: N}}, {{equals: N}}")
        return INVALID

    def shape_piece_kind(self, doc, path, value, what):
        return self.one_of(doc, path, value, what, schema.PIECE_KINDS)

    def shape_piece_kinds(self, doc, path, value, what):
        kinds = [value] if isinstance(value, str) else value
        if not isinstance(kinds, list) or not all(kind in schema.PIECE_KINDS for kind in kinds):
            self.error(doc.mark(path), f"{what} must be a kind of piece or a list of them: {', '.join(schema.PIECE_KINDS)}")
            return INVALID
        return tuple(kinds)

    def shape_pieces(self, doc, path, value, what):
        pieces = [value] if isinstance(value, str) else value
        if not isinstance(pieces, list) or not all(isinstance(p, str) for p in pieces):
            self.error(doc.mark(path), f"{what} must be a piece id or a list of piece ids")
            return INVALID
        pieces = [self.qualify("pieces", piece) for piece in pieces]
        for i, piece in enumerate(pieces):
            self.references.append(Reference("pieces", piece, doc, path + ((i,) if isinstance(value, list) else ())))
        return tuple(pieces)

    def shape_period(self, doc, path, value, what):
        if value not in schema.PERIODS:
            self.error(doc.mark(path), f"{what} must be one of {', '.join(schema.PERIODS)}")
            return INVALID
        return value

    def shape_span(self, doc, path, value, what):
        fields = self.fields(doc, path, value, SPAN_FIELDS, what)
        return value if fields else INVALID

    def shape_effects(self, doc, path, value, what):
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            self.error(doc.mark(path), f"{what} must be a list of effects")
            return INVALID
        return tuple(self.effect(doc, path + (i,), effect) for i, effect in enumerate(value))

    def effect(self, doc: Document, path: Path_, effect: Any) -> Any:
        """The effect with its ids as the game knows them; texts stay plain data, since effects
        travel inside messages."""
        if not isinstance(effect, dict) or not effect:
            self.error(doc.mark(path), "an effect must be a mapping such as {say: ...}")
            return effect
        primary = next((k for k in schema.EFFECT_COMPANIONS if k in effect), None)
        if primary is None:
            if len(effect) != 1:
                self.error(doc.mark(path), "each effect needs its own list entry (one key per effect)")
                return effect
            primary = next(iter(effect))
        if primary not in schema.EFFECT_KEYS:
            self.error(doc.key_mark(path + (primary,)), f"unknown effect {primary!r}{suggestion(primary, schema.EFFECT_KEYS)}")
            return effect
        if primary in campus.EFFECTS:
            self.need(campus.EFFECTS[primary], lambda: doc.key_mark(path + (primary,)), f"the effect {primary!r}")
        converted = self.fields(doc, path, effect, EFFECT_FIELDS[primary], f"the {primary!r} effect") or {}
        if primary == "counter" and ("add" in effect) == ("set" in effect):
            self.error(doc.mark(path), "a counter effect needs either add: N or set: N")
        if primary == "state" and isinstance(converted.get("state"), str) and isinstance(converted.get("to"), str):
            converted["to"] = converted["to"].strip().lower()  # values are words, as `states:` lists them
            self.state_uses.append((converted["state"], (converted["to"],), doc, path + ("state",), path + ("to",)))
        if primary == "counter" and isinstance(converted.get("counter"), str):
            self.names.append(NameUse("counter", converted["counter"], False, doc, path + ("counter",)))
        if primary in ("set", "clear") and isinstance(converted.get(primary), tuple):
            many = isinstance(effect[primary], list)
            self.names.extend(NameUse("flag", flag, False, doc, path + ((primary, i) if many else (primary,)))
                              for i, flag in enumerate(converted[primary]))
        if primary == "move" and isinstance(converted.get("move"), str):
            self.moved.add(converted["move"])
            if isinstance(converted.get("to"), str):
                self.check_move(doc, path + ("to",), converted["move"], converted["to"])
        if isinstance(converted.get("say"), tuple):
            converted["say"] = [{"if": v.condition, "text": v.text} if v.condition else {"text": v.text}
                                for v in converted["say"]]
        result = {**effect, **converted}
        if primary in ("go", "wait"):
            self.effect_places[id(result)] = (result, doc, path + (primary,))
        if primary in ("switch_on", "switch_off") and isinstance(converted.get(primary), str):
            self.switched.append((converted[primary], doc, path + (primary,)))
        return result

    def effect_mark(self, effect: dict) -> Mark:
        """Where a `go` or `wait` effect's value is written."""
        _, doc, path = self.effect_places[id(effect)]
        return doc.mark(path)

    def check_move(self, doc: Document, path: Path_, item: str, place: str) -> None:
        if not place.startswith(("in:", "on:")):
            return
        if place[3:] == item:
            self.error(doc.mark(path), f"this moves {bare_id(item)!r} {'into' if place[:2] == 'in' else 'onto'} "
                       "itself, which the game always refuses: a thing cannot hold itself")
        else:
            self.moves.append((item, place, doc, path))

    def check_id(self, doc: Document, path: Path_, entry_id: Any, kind: str) -> bool:
        if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
            self.error(doc.key_mark(path), f"{entry_id!r} is not a valid id for {kind} "
                       "(use lower-case letters, digits and _ , starting with a letter)")
            return False
        return True


Check = Callable[[Checker, Document, Path_, Any, str], Any]
_CHECKERS: dict[str, Check] = {
    name[len("shape_"):]: method for name, method in vars(Checker).items() if name.startswith("shape_")}
_COMPILED: dict[int, tuple[dict[str, str], dict[str, Check], tuple[str, ...]]] = {}


def _checker(shape: str) -> Check:
    """The function that checks a shape named in the schema ("text", "ref:rooms", ...)."""
    checker = _CHECKERS.get(shape)
    if checker is None:
        if not shape.startswith("ref:"):
            raise KeyError(f"no shape {shape!r} in the schema")
        kind = shape[len("ref:"):]

        def checker(self: Checker, doc: Document, path: Path_, value: Any, what: str) -> Any:
            return self.reference(kind, doc, path, value, what)
        _CHECKERS[shape] = checker
    return checker


def _compiled(table: dict[str, str]) -> tuple[dict[str, str], dict[str, Check], tuple[str, ...]]:
    """(table, each field's checker, the required fields in order), worked out once per table
    rather than once per entry. Keyed by identity, and holding the table so that its id is never
    reused: so tables are the schema's constants, never built per call."""
    compiled = _COMPILED.get(id(table))
    if compiled is None or compiled[0] is not table:
        checkers = {key: _checker(shape.lstrip("*")) for key, shape in table.items()}
        required = tuple(key for key, shape in table.items() if shape.startswith("*"))
        compiled = _COMPILED[id(table)] = (table, checkers, required)
    return compiled


def _condition_keys(condition: Any, path: Path_) -> list[tuple[Path_, str]]:
    """(where, key) of every key of a condition, however deeply nested in not/any/all."""
    found: list[tuple[Path_, str]] = []
    if isinstance(condition, dict):
        for key, value in condition.items():
            found.append((path + (key,), key))
            if key == "not":
                found.extend(_condition_keys(value, path + (key,)))
            elif key in ("any", "all") and isinstance(value, list):
                for i, inner in enumerate(value):
                    found.extend(_condition_keys(inner, path + (key, i)))
    return found


def bare_id(entry_id: str) -> str:
    """An id as its own pack writes it (a mod's own ids are known to the game as `mod:id`)."""
    return entry_id.partition(":")[2] or entry_id


def _tidy(text: str) -> str:
    """Text as the author laid it out (`>` folds prose, `|` keeps verse), without stray blanks."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)
