"""The bus: one handler per request, fan-out events after the handler, JSON round trips, tracing."""

from __future__ import annotations

import dataclasses
import json
import typing
from dataclasses import dataclass
from typing import Any

import pytest

import elysium.bus.protocol  # noqa: F401 - registers every message type of the game
from elysium.bus import (
    MAX_CHAIN, MESSAGE_TYPES, Bus, Event, Reply, Request, Runaway, Service, UnhandledRequest, WrongReply,
    from_data, handles, subscribes, to_data,
)


def sample(hint: Any) -> Any:
    """A non-trivial value of the given field type."""
    origin = typing.get_origin(hint)
    if hint is str:
        return "fountain_court"
    if hint is int:
        return 42
    if hint is bool:
        return True
    if hint is float:
        return 1.5
    if origin is tuple:
        return (sample(typing.get_args(hint)[0]),)
    if origin is dict or hint is dict:
        return {"say": "The bell tolls.", "if": {"flag": "rung"}, "list": [1, "two"]}
    if origin in (typing.Union, __import__("types").UnionType):
        return sample(next(a for a in typing.get_args(hint) if a is not type(None)))
    if hint is Any:
        return {"any": ["json", 1]}
    raise AssertionError(f"no sample for {hint!r}")


GAME_MESSAGES = sorted(
    (cls for cls in MESSAGE_TYPES.values() if cls.__module__ == "elysium.bus.protocol"),
    key=lambda cls: cls.__name__,
)


def test_the_game_defines_many_message_types():
    assert len(GAME_MESSAGES) > 40


@pytest.mark.parametrize("message_type", GAME_MESSAGES, ids=lambda cls: cls.__name__)
def test_every_message_type_round_trips_through_json(message_type):
    hints = typing.get_type_hints(message_type)
    values = {f.name: sample(hints[f.name]) for f in dataclasses.fields(message_type)}
    message = message_type(**values)
    text = json.dumps(to_data(message))
    assert from_data(json.loads(text)) == message


@pytest.mark.parametrize("message_type", GAME_MESSAGES, ids=lambda cls: cls.__name__)
def test_every_message_is_immutable(message_type):
    assert message_type.__dataclass_params__.frozen


@dataclass(frozen=True)
class Ping(Request["Pong"]):
    word: str


@dataclass(frozen=True)
class Pong(Reply):
    word: str


Ping.reply_type = Pong


@dataclass(frozen=True)
class Rang(Event):
    bell: str


@dataclass(frozen=True)
class Unanswered(Request[Pong]):
    pass


class Belfry(Service):
    name = "belfry"

    def __init__(self, log: list[str]) -> None:
        self.log = log

    @handles(Ping)
    def ping(self, msg: Ping, ctx) -> Pong:
        ctx.publish(Rang(msg.word))
        self.log.append(f"handler done {msg.word}")
        return Pong(msg.word.upper())


class Listeners(Service):
    name = "listeners"

    def __init__(self, log: list[str]) -> None:
        self.log = log

    @subscribes(Rang)
    def first(self, msg: Rang, ctx) -> None:
        self.log.append(f"first heard {msg.bell}")
        if msg.bell == "again":
            return
        reply = ctx.ask(Ping("again"))  # asking from a subscriber is allowed
        self.log.append(f"first got {reply.word}")

    @subscribes(Rang)
    def second(self, msg: Rang, ctx) -> None:
        self.log.append(f"second heard {msg.bell}")


def test_request_gets_its_typed_reply_and_events_follow_the_handler():
    log: list[str] = []
    bus = Bus()
    bus.register(Belfry(log))
    bus.register(Listeners(log))
    assert bus.ask(Ping("dong")) == Pong("DONG")
    assert log == [
        "handler done dong",
        "first heard dong",
        "handler done again",
        "first got AGAIN",
        "second heard dong",
        "first heard again",
        "second heard again",
    ]


def test_an_unhandled_request_is_a_clear_error():
    with pytest.raises(UnhandledRequest, match="no service handles Unanswered"):
        Bus().ask(Unanswered())


def test_two_handlers_for_one_request_are_refused():
    bus = Bus()
    bus.register(Belfry([]))
    with pytest.raises(ValueError, match="Ping is handled by belfry.ping and belfry.ping"):
        bus.register(Belfry([]))


def test_a_reply_of_the_wrong_type_is_an_error():
    class Liar(Service):
        name = "liar"

        @handles(Ping)
        def ping(self, msg, ctx):
            return "not a reply"

    bus = Bus()
    bus.register(Liar())
    with pytest.raises(WrongReply):
        bus.ask(Ping("x"))


def test_the_tracer_sees_sender_type_fields_handler_and_time():
    seen = []
    bus = Bus()
    bus.register(Belfry([]))
    bus.register(Listeners([]))
    bus.tracer = seen.append
    bus.ask(Ping("dong"))
    first = seen[0]
    assert (first.sender, type(first.message).__name__, first.handler) == ("engine", "Ping", "belfry.ping")
    assert first.microseconds >= 0
    assert "engine -> Ping {'word': 'dong'} => belfry.ping" in first.describe()
    assert any(d.sender == "belfry" and d.handler == "listeners.first" for d in seen)
    assert any(d.sender == "listeners" and d.handler == "belfry.ping" for d in seen)


def test_a_failing_handler_leaves_no_events_behind():
    log: list[str] = []

    class Faulty(Service):
        name = "faulty"

        @handles(Ping)
        def ping(self, msg, ctx):
            ctx.publish(Rang("lost"))
            raise RuntimeError("boom")

    bus = Bus()
    bus.register(Faulty())
    bus.register(Listeners(log))
    with pytest.raises(RuntimeError):
        bus.ask(Ping("x"))
    bus.publish(Rang("again"))
    assert log == ["first heard again", "second heard again"]


class Echo(Service):
    """Hears every bell and rings it again: an event that sets itself off for ever."""

    name = "echo"

    def __init__(self) -> None:
        self.heard = 0

    @subscribes(Rang)
    def ring_again(self, msg: Rang, ctx) -> None:
        self.heard += 1
        ctx.now_running(f"echo of {msg.bell}")
        ctx.publish(Rang(msg.bell))


def test_events_that_set_themselves_off_stop_at_the_chain_limit_and_the_bus_recovers():
    bus = Bus()
    echo = Echo()
    bus.register(echo)
    with pytest.raises(Runaway) as stopped:
        bus.publish(Rang("dong"))
    assert echo.heard == MAX_CHAIN
    assert stopped.value.running == "echo of dong"
    assert f"{MAX_CHAIN} events in a row" in stopped.value.why

    log: list[str] = []
    bus.clear()
    bus.register(Listeners(log))
    bus.publish(Rang("again"))  # nothing of the runaway is left in the queue or the chain
    assert log == ["first heard again", "second heard again"]


def test_a_chain_as_long_as_the_limit_is_allowed():
    class Countdown(Service):
        name = "countdown"

        @subscribes(Rang)
        def ring_on(self, msg: Rang, ctx) -> None:
            if int(msg.bell) > 1:
                ctx.publish(Rang(str(int(msg.bell) - 1)))

    bus = Bus()
    bus.register(Countdown())
    bus.publish(Rang(str(MAX_CHAIN)))  # no Runaway


def test_within_an_allowance_deliveries_stop_at_its_number_and_outside_it_they_do_not():
    bus = Bus()
    bus.register(Belfry([]))
    with bus.allowance(10):
        for n in range(10):
            bus.ask(Ping(str(n)))
        with pytest.raises(Runaway, match="allowance of 10 deliveries is spent"):
            bus.ask(Ping("one too many"))
    for n in range(20):
        bus.ask(Ping(str(n)))
    with bus.allowance(10):  # a new allowance starts from nothing
        bus.ask(Ping("fresh"))
