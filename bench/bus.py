"""(4) The bus: request/reply round trips per second, against a direct method call doing the same
work and against pykka's `ask` (an actor library; installed only with the `bench` extra).

The work is the same on every side: build a frozen request dataclass, the handler builds a frozen
reply from it. Direct: `service.echo(request, None)`. Bus: `bus.ask(request)` (lookup, Context,
the handler, the reply-type check, draining events). pykka: `actor_ref.ask(request)` to a
ThreadingActor whose on_receive calls the same handler. Targets: a bus round trip at most 5x a
direct call, and at least 10x pykka's throughput. Also reported (no target): a real request, Look
on the default campus, through the bus vs a direct call of the world service's handler.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.util import Row, Settings, interleaved, median, ratio_row
from elysium.bus import Bus, Context, Reply, Request, Service, handles

DIRECT_TARGET = ("<=", 5.0)
PYKKA_TARGET = (">=", 10.0)


@dataclass(frozen=True)
class BenchEchoed(Reply):
    value: int = 0


@dataclass(frozen=True)
class BenchEcho(Request[BenchEchoed]):
    value: int = 0


class EchoService(Service):
    name = "bench"

    @handles(BenchEcho)
    def echo(self, msg: BenchEcho, ctx: Any) -> BenchEchoed:
        return BenchEchoed(msg.value + 1)


def _loop_direct(service: EchoService, n: int) -> None:
    echo = service.echo
    for i in range(n):
        echo(BenchEcho(i), None)


def _loop_bus(bus: Bus, n: int) -> None:
    ask = bus.ask
    for i in range(n):
        ask(BenchEcho(i))


def _loop_pykka(ref: Any, n: int) -> None:
    ask = ref.ask
    for i in range(n):
        ask(BenchEcho(i))


def measure(settings: Settings) -> list[Row]:
    n = settings.reps(200_000, 50_000)
    reps = settings.reps(7, 3)
    service = EchoService()
    bus = Bus()
    bus.register(service)
    assert bus.ask(BenchEcho(1)).value == 2
    samples = interleaved({"direct": lambda: _loop_direct(service, n), "bus": lambda: _loop_bus(bus, n)}, reps)
    direct_us = median(samples["direct"]) / n * 1e6
    bus_us = median(samples["bus"]) / n * 1e6
    rows = [ratio_row("bus.direct", "(4) bus round trip vs direct method call (echo)", bus_us, direct_us, "µs",
                      DIRECT_TARGET, f"bus {1e6 / bus_us:,.0f}/s, direct {1e6 / direct_us:,.0f}/s",
                      calls=n, samples_s=samples)]
    try:
        import pykka
    except ImportError:
        rows.append(Row("bus.pykka", "(4) bus round trips/s vs pykka ask", 1e6 / bus_us, None, "/s", None,
                        PYKKA_TARGET, "SKIP", "pykka is not installed (pip install '.[bench]')"))
    else:
        class EchoActor(pykka.ThreadingActor):
            def __init__(self) -> None:
                super().__init__()
                self.service = EchoService()

            def on_receive(self, message: Any) -> Any:
                return self.service.echo(message, None)

        ref = EchoActor.start()
        try:
            assert ref.ask(BenchEcho(1)).value == 2
            m = settings.reps(20_000, 5_000)
            pk = interleaved({"bus": lambda: _loop_bus(bus, m), "pykka": lambda: _loop_pykka(ref, m)}, reps)
        finally:
            ref.stop()
        bus_rate = m / median(pk["bus"])
        pykka_rate = m / median(pk["pykka"])
        rows.append(ratio_row("bus.pykka", "(4) bus round trips/s vs pykka ask (ThreadingActor)", bus_rate,
                              pykka_rate, "/s", PYKKA_TARGET, "ThreadingActor, on_receive", calls=m, samples_s=pk))
    rows.append(_look_row(settings))
    return rows


def _look_row(settings: Settings) -> Row:
    from elysium.bus.protocol import Look
    from elysium.content import load_content
    from elysium.engine import Game

    game = Game.from_content(load_content(), 1)
    bus = game.bus
    label, handler = bus._handlers[Look]
    n = settings.reps(3_000, 1_000)

    def direct() -> None:
        for _ in range(n):
            handler(Look(), Context(bus.state, bus.content, bus, "engine", 1))

    def through_bus() -> None:
        for _ in range(n):
            bus.ask(Look())

    samples = interleaved({"direct": direct, "bus": through_bus}, settings.reps(5, 3))
    bus_us = median(samples["bus"]) / n * 1e6
    direct_us = median(samples["direct"]) / n * 1e6
    return ratio_row("bus.look", f"(4) Look on the campus via bus vs {label} called directly", bus_us, direct_us,
                     "µs", None, "a real request: the bus's share of its cost", calls=n, samples_s=samples)
