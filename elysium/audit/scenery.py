"""Which nouns a room's prose names that the player cannot examine there.

For every room: its description and arrival text (every variant), the presence lines (`here:`) of
the items that start there, and those of the people who can be there (where they start, and every
room of their schedule). Each noun phrase of those texts (see phrases.py) is tried on the parser
as EXAMINE would try it, with the player put in that room: it is covered when the phrase, or a
shorter run of its words, names something in scope by one of its nouns (a thing there, a person
who can be there and what they hold, a scenery line of the room). The game is not played: one state is made and the
player moved from room to room, with every room lit, since prose is only read in the light.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from elysium import parser
from elysium.content.model import Content, Item, Npc, Room, Text
from elysium.engine import Game
from elysium.state.conditions import holds, render
from elysium.state.places import move_npc
from .examine import Examiner, words_in
from .phrases import PhrasesRead
from .scopes import things_here
from .places import TextPlaces


@dataclass(frozen=True)
class Finding:
    """A noun the player reads in `room` and cannot examine there."""

    room: str
    noun: str
    source: str  # which text names it: "room gatehouse description", "npc warden here"
    text: str  # that text, as written
    where: str = ""  # file:line:col of the text, when the pack's files can be read

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{place}{self.room}: {self.noun!r} ({self.source}) cannot be examined"


@dataclass(frozen=True)
class Coverage:
    """How many of the nouns the rooms' prose names can be examined, and the ones that cannot."""

    nouns: int
    gaps: tuple[Finding, ...]

    @property
    def covered(self) -> int:
        return self.nouns - len(self.gaps)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.nouns if self.nouns else 100.0

    def figure(self) -> str:
        return f"{self.nouns} nouns, {self.covered} examinable ({self.percent:.1f}%)"


def unexaminable_nouns(content: Content) -> list[Finding]:
    """Every noun a room's prose names that EXAMINE does not find there, in room order."""
    return list(scenery_coverage(content).gaps)


def scenery_coverage(content: Content, places: TextPlaces | None = None,
                     phrases: PhrasesRead | None = None, scopes: Scopes | None = None) -> Coverage:
    """The nouns counted (each once a room) and those EXAMINE does not find where they are read."""
    phrases = PhrasesRead() if phrases is None else phrases
    scopes = Scopes() if scopes is None else scopes
    game = Game.from_content(content)
    game.state["lighting"] = {room_id: True for room_id in content.rooms}
    places = places or TextPlaces(content)
    people = _people_by_room(content)
    placed = Placed(content)
    examiner = Examiner(game.vocabulary)
    nouns, gaps = 0, []
    for room in content.rooms.values():
        game.state["location"] = room.id
        for npc in people.get(room.id, ()):  # everyone who can be here, with what they hold
            move_npc(game.state, npc.id, room.id)
        scope, known = scopes.of(room.id, game, people.get(room.id, ()), placed)
        seen: set[str] = set()  # each noun counts once a room, however many texts name it
        for source, path, text in _read_in(content, room, people.get(room.id, ()), game.state, placed):
            for phrase in phrases[render(text, game.state, content)]:
                if phrase in seen:
                    continue
                seen.add(phrase)
                nouns += 1
                if not examiner.examinable(phrase, scope, known):
                    gaps.append(Finding(room.id, phrase, source, text, places.where(path, text, phrase)))
    return Coverage(nouns, tuple(gaps))


class Scopes(dict):
    """room id -> (what is in scope there as the checks read the room, every word of those things),
    made once an audit: the room checks and the reply checks read the same rooms in the same
    order, people moved the same way, so each finds the same scope in each room."""

    def of(self, room_id: str, game: Game, people: tuple[Npc, ...], placed: Placed) -> tuple[list[parser.Thing],
                                                                                           frozenset[str]]:
        """The scope in `room_id`, where `game` has the player and `people`."""
        made = self.get(room_id)
        if made is None:
            scope = _with_all_their_scenery(things_here(game), game.content, people, game.state, placed)
            made = self[room_id] = (scope, words_in(scope))
        return made


class Placed:
    """The items where each starts (a room, a person), in content order, made once an audit: the
    audit reads every room, and looking through every item for each would make it grow with the
    square of the world."""

    def __init__(self, content: Content) -> None:
        self.at: dict[str, list[Item]] = {}
        for item in content.items.values():
            self.at.setdefault(item.location, []).append(item)
        self.order = {item_id: n for n, item_id in enumerate(content.items)}

    def items_at(self, *places: str) -> list[Item]:
        """The items that start in any of `places`, in content order."""
        found = [item for place in dict.fromkeys(places) for item in self.at.get(place, ())]
        return sorted(found, key=lambda item: self.order[item.id]) if len(places) > 1 else found


def _read_in(content: Content, room: Room, people: tuple[Npc, ...],
             state: dict, placed: Placed) -> Iterator[tuple[str, tuple, str]]:
    """(which text, its path in the pack's YAML, the words) of every text that can be read in `room`."""
    for source, field_path, field_text in _texts(content, room, people, placed):
        for path, text in _shown(field_path, field_text, state, content):
            yield source, path, text


def _texts(content: Content, room: Room, people: tuple[Npc, ...],
           placed: Placed) -> Iterator[tuple[str, tuple, Text | None]]:
    """(which text, its path in the pack's YAML, the text) of everything read in `room`."""
    for field in ("description", "arrival"):
        yield f"room {room.id} {field}", ("rooms", room.id, field), getattr(room, field)
    for item in placed.items_at(room.id):
        if item.here and not (item.scenery or item.door):
            yield f"item {item.id} here", ("items", item.id, "here"), item.here
    for npc in people:
        yield f"npc {npc.id} here", ("npcs", npc.id, "here"), npc.here


def _shown(path: tuple, text: Text | None, state: dict, content: Content) -> Iterator[tuple[tuple, str]]:
    """The variants of `text` that can be read with the player where `state` puts them. One that
    asks for another room (`in:`, alone or beside other tests) is never read here; one that asks
    only for this room is, and hides those after it; any other may hold at some time, so it is."""
    if text is None:
        return
    if isinstance(text, str):
        yield path, text
        return
    for number, variant in enumerate(text):
        condition = variant.condition if isinstance(variant.condition, dict) else {}
        if "in" in condition and not holds({"in": condition["in"]}, state, content):
            continue
        yield path + (number, "text"), variant.text
        if set(condition) == {"in"}:
            return


def _people_by_room(content: Content) -> dict[str, tuple[Npc, ...]]:
    rooms: dict[str, dict[str, Npc]] = {}
    for npc in content.npcs.values():
        for room_id in (npc.location, *(room for _, room, _ in npc.schedule)):
            rooms.setdefault(room_id, {})[npc.id] = npc
    return {room_id: tuple(found.values()) for room_id, found in rooms.items()}


def _with_all_their_scenery(scope: list[parser.Thing], content: Content, people: tuple[Npc, ...],
                            state: dict, placed: Placed) -> list[parser.Thing]:
    """The scope, with every line of these people's scenery that can be there in this room: one
    that is there only at times is there whenever the text that names it is read (the audit reads
    every variant at once), but not one that asks for another room."""
    present = {thing.id for thing in scope}
    return scope + [parser.Thing(item.id, item.name, item.nouns, item.adjectives, in_room=False, held_by=item.location)
                    for item in placed.items_at(*(npc.id for npc in people))
                    if item.person_scenery and item.id not in present
                    and any(True for _ in _shown((), item.description, state, content))]


# What a person says aloud is about anything anywhere ("the library shuts at ten"): only the
# narration around it ("She taps the ledger.") shows what is there.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# The narration of a reply is about the person as much as the room: what it does with their face
# and hands ("taps her nose", "a long pause") names no thing to examine. A phrase ending in one of
# these is not read (phrases.py already leaves out the commonest parts of a body).
PERSON = frozenset("""
    nose ear ears beard moustache eyebrow eyebrows knuckle knuckles curls hips forefinger thumb
    wrist wrists temple temples smile grin frown nod wink pause business direction
""".split())


def reply_gaps(content: Content, places: TextPlaces | None = None, phrases: PhrasesRead | None = None,
               scopes: Scopes | None = None) -> list[tuple[str, Finding]]:
    """(the person, a noun) for every noun the narration of a person's replies (each topic and the
    default reply, every variant) names that EXAMINE does not find in a room where they can be; each
    noun once a room, and not again where the room's own texts already named it."""
    phrases = PhrasesRead() if phrases is None else phrases
    scopes = Scopes() if scopes is None else scopes
    game = Game.from_content(content)
    game.state["lighting"] = {room_id: True for room_id in content.rooms}
    places = places or TextPlaces(content)
    people = _people_by_room(content)
    placed = Placed(content)
    examiner = Examiner(game.vocabulary)
    gaps = []
    for room in content.rooms.values():
        if room.id not in people:
            continue
        game.state["location"] = room.id
        for npc in people[room.id]:  # everyone who can be here, with what they hold
            move_npc(game.state, npc.id, room.id)
        scope, known = scopes.of(room.id, game, people[room.id], placed)
        seen = {phrase for _, _, text in _read_in(content, room, people[room.id], game.state, placed)
                for phrase in phrases[render(text, game.state, content)]}
        for npc in people[room.id]:
            for source, path, text, given in _replies(npc, game.state, content):
                for phrase in phrases[QUOTED.sub(",", render(text, game.state, content))]:
                    if phrase in seen or phrase.split()[-1] in PERSON:
                        continue
                    seen.add(phrase)
                    brought = _given(given, content)
                    if not (examiner.examinable(phrase, scope + brought) if brought
                            else examiner.examinable(phrase, scope, known)):
                        gaps.append((npc.id, Finding(room.id, phrase, source, text, places.where(path, text, phrase))))
    return gaps


def _replies(npc: Npc, state: dict, content: Content) -> Iterator[tuple[str, tuple, str, tuple]]:
    """(which reply, its path, its words, the effects that come with it) of each of `npc`'s replies."""
    texts = [(f"npc {npc.id} default", ("npcs", npc.id, "default"), npc.default, ())]
    texts += [(f"npc {npc.id} topic {topic.id}", ("npcs", npc.id, "topics", topic.id, "text"), topic.text,
               topic.effects) for topic in npc.topics.values()]
    for source, field_path, field_text, effects in texts:
        for path, text in _shown(field_path, field_text, state, content):
            yield source, path, text, effects


def _given(effects: tuple, content: Content) -> list[parser.Thing]:
    """The things a reply's own effects bring into the world ("she presses a key into your hand"):
    the player has them as the reply is read."""
    moved, stack = [], list(effects)
    while stack:  # nested `if:` branches too: the reply's text is usually the one that gives
        effect = stack.pop()
        if "move" in effect and effect.get("to") != "nowhere" and effect["move"] in content.items:
            moved.append(content.items[effect["move"]])
        stack.extend(effect.get("then", ()) or ())
        stack.extend(effect.get("else", ()) or ())
    return [parser.Thing(item.id, item.name, item.nouns, item.adjectives) for item in moved]
