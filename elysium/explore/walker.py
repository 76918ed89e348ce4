"""The game plays itself: breadth first over the rooms it can reach, every verb on everything.

From each room reached (first from the start, or a save), the explorer tries each way out, then
every verb of the engine's tables (and the game's own verbs) that takes one object on each thing
in scope, then asks each person present about each of their topics and about one thing they know
nothing of (for their default reply); the ways out of every room come before the tries on things,
so that a small budget still covers the map. Every try starts from the room as it was reached
(the state is plain data: a checkpoint takes it back), so the tries do not disturb one another,
and each reply is recorded with the commands that lead to it from the start: a golden transcript
of them replays as a test. A try that lands in a room not seen yet adds that room, with its path,
to the queue; one that sets a flag or a counter, or opens or unlocks a door of the room, has the
room's ways out tried again from there. A step budget bounds the whole walk, and the game's seed
makes it the same walk every time.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from elysium import parser
from elysium.commands import META_ACTIONS
from elysium.engine import Game
from elysium.explore.findings import Finding, leaks, raw_names, watching_the_log
from elysium.explore.options import DEFAULT_STEPS
from elysium.parser.grammar import VERBS
from elysium.parser.rules import Slot
from elysium.state.store import copy_state

NOT_TRIED = frozenset({"ask"})  # asked about each topic instead, below
UNKNOWN_TOPIC = "xyzzy"  # a word no one has a topic for: their default reply


@dataclass(frozen=True)
class Reply:
    path: tuple[str, ...]  # every command from the start; the last one is the one replied to
    text: str


@dataclass
class Exploration:
    """What a walk found: every reply in the order tried, the findings, and how far it got."""

    opening: str = ""
    replies: list[Reply] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rooms: list[str] = field(default_factory=list)  # in the order reached
    steps: int = 0
    budget_spent: bool = False


@dataclass(frozen=True)
class Place:
    """A room reached, as it was on arrival: where the tries from it start."""

    path: tuple[str, ...]
    state: dict[str, Any]
    confirming: tuple[str, str] | None
    over: bool


def object_verbs(game: Game) -> list[tuple[str, str]]:
    """(action, word) of every verb that takes one thing and nothing else ("examine X", "push X"),
    one word per action, from the parser's tables and then the game's own verbs."""
    missing = game.vocabulary.missing_verbs
    chosen: dict[str, str] = {}
    for verb in VERBS:
        for rule in verb.rules:
            action, shape = rule.action, rule.shape
            if (action is None or action in META_ACTIONS or action in NOT_TRIED or len(shape) != 1
                    or not isinstance(shape[0], Slot) or shape[0].name != "objects"):
                continue
            word = verb.words[0]
            if word in missing or word in game.vocabulary.custom_verbs:
                continue  # a campus verb this game lacks, or a word the game's own verb took over
            if action not in chosen or word == action:  # "examine", not "look", for examine
                chosen[action] = word
    for verb in game.content.verbs.values():
        if verb.id not in chosen and verb.words:
            chosen[verb.id] = verb.words[0]
    return list(chosen.items())


def phrase_for(game: Game, thing: parser.Thing, scope: list[parser.Thing]) -> str:
    """Words that name `thing` and nothing else in scope, when some do: its noun, or an adjective
    and its noun, or all its adjectives and its noun."""
    tries: list[str] = []
    for noun in thing.nouns:
        tries.append(noun)
        tries.extend(f"{adjective} {noun}" for adjective in thing.adjectives)
        if len(thing.adjectives) > 1:
            tries.append(" ".join((*thing.adjectives, noun)))
    for words in tries:
        result = parser.parse(f"examine {words}", scope, game.vocabulary, {})
        if isinstance(result, parser.Command) and result.objects == (thing.id,):
            return words
    return tries[-1] if tries else thing.name


class Explorer:
    def __init__(self, game: Game, steps: int = DEFAULT_STEPS) -> None:
        self.game = game
        self.budget = steps
        self.found = Exploration()
        self.names = raw_names(game.content, game.state)
        self.verbs = object_verbs(game)
        self.seen_findings: set[tuple[str, str]] = set()
        self.reached: set[str] = set()  # the rooms in found.rooms, to look up
        self.conditions: set[tuple[Any, ...]] = set()  # (room, flags, counters, doors) whose ways were tried

    def explore(self, opening: str) -> Exploration:
        game, found = self.game, self.found
        found.opening = opening
        with watching_the_log() as watch:
            self.watch = watch
            self.note((), opening)
            # The ways out of every room reached come first, so that a small budget still
            # covers the map; the tries on things follow, room by room, in the order reached.
            first = self.arrived(())
            found.rooms.append(game.state["location"])
            self.reached.add(game.state["location"])
            self.conditions.add(self.condition())
            ways, things = deque([first]), deque([first])
            while (ways or things) and not found.budget_spent:
                going = bool(ways)
                place = ways.popleft() if going else things.popleft()
                self.settle(place)
                for command in self.ways_out() if going else self.tries():
                    if found.steps >= self.budget:
                        found.budget_spent = True
                        break
                    reached, changed = self.attempt(place, command)
                    if reached is not None:
                        ways.append(reached)
                        things.append(reached)
                    elif changed is not None:  # a flag set may open a way: try the ways out again
                        ways.append(changed)
        return found

    def arrived(self, path: tuple[str, ...]) -> Place:
        game = self.game
        return Place(path, copy_state(dict(game.state)), game.confirming, game.over)

    def settle(self, place: Place) -> None:
        """Put the game where `place` was reached."""
        game = self.game
        game.state.replace(copy_state(place.state))
        game.confirming, game.over, game.oops = place.confirming, place.over, None
        game.history.replace([])

    def ways_out(self) -> list[str]:
        """Each way out of the room the game is in, hidden ones too."""
        game = self.game
        if game.state["ending"] or game.over:
            return []
        return list(game.content.rooms[game.state["location"]].exits)

    def tries(self) -> list[str]:
        """The commands to try on what is in scope: each verb on each thing, each topic."""
        game = self.game
        if game.state["ending"] or game.over:
            return []
        commands: list[str] = []
        scope = game.scope()
        for thing in scope:
            words = phrase_for(game, thing, scope)
            commands.extend(f"{verb} {words}" for _, verb in self.verbs)
            if thing.kind == "npc":
                person = game.content.npcs[thing.id]
                commands.extend(f"ask {words} about {topic.keywords[0]}" for topic in person.topics.values()
                                if topic.keywords)
                if UNKNOWN_TOPIC not in {word for topic in person.topics.values() for word in topic.keywords}:
                    commands.append(f"ask {words} about {UNKNOWN_TOPIC}")  # what they say to anything else
        return list(dict.fromkeys(commands))

    def attempt(self, place: Place, command: str) -> tuple[Place | None, Place | None]:
        """Try one command from `place`. Returns the place it leads to when that is a room not
        seen yet, or else the place as it left it when it set flags or counters, or opened,
        closed, locked or unlocked a door of the room, in a way not seen in that room before (a
        gate that opens for a letter shown, a door unlocked by a lever)."""
        game, found = self.game, self.found
        mark = game.state.begin()
        path = (*place.path, command)
        try:
            reply = game.turn(command)
            found.steps += 1
            self.note(path, reply)
            if game.state["ending"] or game.over:
                return None, None
            where = game.state["location"]
            if where not in self.reached:
                self.reached.add(where)
                found.rooms.append(where)
                self.conditions.add(self.condition())
                return self.arrived(path), None
            condition = self.condition()
            if condition not in self.conditions:
                self.conditions.add(condition)
                return None, self.arrived(path)
            return None, None
        finally:
            game.state.rewind(mark)
            game.confirming, game.over, game.oops = place.confirming, place.over, None
            game.history.replace([])

    def condition(self) -> tuple[Any, ...]:
        """Where the player is and what the ways out of there depend on most: the flags, the
        counters and whether the room's doors are open and locked."""
        state, content = self.game.state, self.game.content
        here = state["location"]
        flags = tuple(sorted(name for name, value in state.get("flags", {}).items() if value))
        counters = tuple(sorted(state.get("counters", {}).items()))
        doors = tuple((bool(state["items"][door].get("open")), bool(state["items"][door].get("locked")))
                      for door in content.doors_by_room.get(here, ()))
        return here, flags, counters, doors

    def note(self, path: tuple[str, ...], reply: str) -> None:
        self.found.replies.append(Reply(path, reply))
        for kind, detail in [*self.watch.take(), *leaks(reply, self.names)]:
            if (kind, detail) not in self.seen_findings:  # the first, shortest way to it is enough
                self.seen_findings.add((kind, detail))
                self.found.findings.append(Finding(kind, path, detail))


def explore(game: Game, steps: int = DEFAULT_STEPS, opening: str | None = None) -> Exploration:
    """Walk the game from where it is (a new game, or one restored from a save, whose `opening` is
    what restoring it said)."""
    return Explorer(game, steps).explore(game.opening() if opening is None else opening)
