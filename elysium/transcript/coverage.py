"""Content coverage: which parts of a game the transcripts played, as coverage.py does for code.

While a test plays, a `Watcher` is the game bus's tracer and sees every message: PlayerMoved says
a room was entered, an examine (its rules or the Examine request) that an item was examined, and
so on for each kind of KINDS. Rules and topics are told to the tracer alone (Bus.note), so a game
played without coverage pays nothing for it. What is touched is gathered per game (its pack and
mods), since one run may play several packs; coverage_report.py turns it into tables and JSON.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elysium.bus.bus import Delivery
from elysium.bus.protocol import (
    Examine, GameEnded, LoreLearned, PlayerMoved, RuleFired, RunEffects, RunRules, TopicAnswered,
)
from elysium.content.model import Content

# Each kind, and what playing one of its entries is called.
KINDS: dict[str, str] = {
    "rooms": "entered",
    "items": "examined",
    "rules": "fired",
    "topics": "asked",
    "lore": "learned",
    "timers": "fired",
    "endings": "reached",
}

GameKey = tuple[str, tuple[str, ...]]  # the real paths of the game's pack folder and of its mods


def all_ids(content: Content) -> dict[str, list[str]]:
    """Every id of each kind, in the order the content lists them; a topic is `npc:topic`."""
    return {
        "rooms": list(content.rooms),
        "items": list(content.items),
        "rules": list(content.rules),
        "topics": [topic_id(npc.id, topic) for npc in content.npcs.values() for topic in npc.topics],
        "lore": list(content.lore),
        "timers": list(content.timers),
        "endings": list(content.endings),
    }


def topic_id(npc: str, topic: str) -> str:
    return f"{npc}:{topic}"


@dataclass
class GameCoverage:
    """What was touched of one game, by kind; `folder` and `mods` are its packs as the tests named
    them (the content's own record of its folder may be another run's, when it came from the cache)."""

    content: Content
    folder: Path
    mods: tuple[Path, ...] = ()
    touched: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in KINDS})
    tests: int = 0  # the tests played on it

    def touch(self, kind: str, entry_id: str) -> None:
        self.touched[kind].add(entry_id)


class ContentCoverage:
    """Coverage gathered over any number of tests, for every game they played."""

    def __init__(self) -> None:
        self.games: dict[GameKey, GameCoverage] = {}

    def watch(self, game: Any, folder: Path, mods: tuple[Path, ...] = ()) -> None:
        """Record what `game`, made from the pack `folder` and `mods`, plays from now on. A game
        without a bus (a test's fake) is not watched."""
        bus, content = getattr(game, "bus", None), getattr(game, "content", None)
        if bus is None or not isinstance(content, Content):
            return
        key = (os.path.realpath(folder), tuple(os.path.realpath(mod) for mod in mods))
        if key not in self.games:
            self.games[key] = GameCoverage(content, Path(folder), tuple(map(Path, mods)))
        coverage = self.games[key]
        coverage.tests += 1
        coverage.touch("rooms", game.state["location"])  # where the player starts counts as entered
        bus.tracer = Watcher(coverage, bus.tracer)


class Watcher:
    """A bus tracer that marks what each message shows was played, then passes it on to the
    tracer that was there before, if any."""

    def __init__(self, coverage: GameCoverage, then: Callable[[Delivery], None] | None = None) -> None:
        self.coverage = coverage
        self.items = coverage.content.items
        self.then = then
        self.readers: dict[type, Callable[[Any], None]] = {
            PlayerMoved: lambda m: coverage.touch("rooms", m.destination),
            RunRules: self.examined_by_rules,
            Examine: self.examined,
            RuleFired: lambda m: coverage.touch("rules", m.rule),
            TopicAnswered: lambda m: coverage.touch("topics", topic_id(m.npc, m.topic)),
            LoreLearned: lambda m: coverage.touch("lore", m.lore),
            RunEffects: self.timer_fired,
            GameEnded: lambda m: coverage.touch("endings", m.ending),
        }

    def __call__(self, delivery: Delivery) -> None:
        reader = self.readers.get(type(delivery.message))
        if reader is not None:
            reader(delivery.message)
        if self.then is not None:
            self.then(delivery)

    def examined_by_rules(self, message: RunRules) -> None:
        # The rules are asked first: an examine that a rule answers still examined the item.
        if message.verb == "examine":
            self.examined(message)

    def examined(self, message: RunRules | Examine) -> None:
        if message.thing in self.items:
            self.coverage.touch("items", message.thing)

    def timer_fired(self, message: RunEffects) -> None:
        kind, _, timer = message.source.partition(":")
        if kind == "timer":
            self.coverage.touch("timers", timer)
