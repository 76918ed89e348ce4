"""What coverage observes on the bus: events no service hears and events only noted (a rule fired,
a topic answered) reach a tracer, cost nothing without one, and never count against a turn."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from elysium.bus import Bus, Event, Request, Reply, Service, handles
from elysium.bus.bus import NOTED
from elysium.bus.protocol import GameEnded, RuleFired, TopicAnswered
from elysium.engine import Game

HOUSE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "coverage"


@dataclass(frozen=True)
class TracedHappening(Event):
    what: str


MADE: list[str] = []


@dataclass(frozen=True)
class TracedCounted(Event):
    def __post_init__(self) -> None:
        MADE.append("made")


@dataclass(frozen=True)
class TracedDone(Reply):
    pass


@dataclass(frozen=True)
class TracedDoIt(Request[TracedDone]):
    noted: str = "happening"


class Doer(Service):
    name = "doer"

    @handles(TracedDoIt)
    def do_it(self, msg: TracedDoIt, ctx) -> TracedDone:
        if msg.noted == "happening":
            ctx.note(TracedHappening, "noted")
        else:
            ctx.note(TracedCounted)
        ctx.publish(TracedHappening("published"))  # no service subscribes to TracedHappening
        return TracedDone()


def test_a_tracer_sees_noted_events_and_events_no_service_hears():
    bus = Bus()
    bus.register(Doer())
    seen = []
    bus.tracer = seen.append
    with bus.allowance(1):  # the request is the one delivery: what is only seen spends nothing
        bus.ask(TracedDoIt())
    assert [(d.sender, d.message, d.handler) for d in seen] == [
        ("doer", TracedHappening("noted"), NOTED),
        ("engine", TracedDoIt(), "doer.do_it"),
        ("doer", TracedHappening("published"), NOTED),
    ]


def test_without_a_tracer_a_noted_event_is_never_even_made():
    bus = Bus()
    bus.register(Doer())
    MADE.clear()
    bus.ask(TracedDoIt(noted="counted"))
    assert MADE == []
    bus.tracer = [].append
    bus.ask(TracedDoIt(noted="counted"))
    assert MADE == ["made"]


def test_the_game_notes_rules_fired_topics_answered_and_endings_for_a_trace():
    seen = []
    game = Game.new(content=HOUSE, trace=seen.append)
    game.opening()
    for line in ("take key", "north", "ask keeper about bell", "push bell"):
        game.turn(line)
    noted = [d.message for d in seen if d.handler == NOTED]
    assert RuleFired("key__rule1") in noted
    assert TopicAnswered("keeper", "bell") in noted
    assert RuleFired("ring_bell") in noted
    assert GameEnded("rang_out") in noted
