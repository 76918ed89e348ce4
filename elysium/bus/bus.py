"""The bus: services register handlers by message type; requests get one reply, events fan out.

Dispatch is synchronous and deterministic. Events published while any handler runs wait in a queue
and are delivered, in order, once the outermost handler has returned, so no handler ever runs inside
another's event delivery half-way through its work. A tracer, when set, sees every delivery.

Because queued events never nest, content that sets itself off (a room whose arrival moves the
player back into it) would turn the queue into an endless loop. So the bus bounds what one piece
of work can cause: a chain of events each set off by the one before stops at MAX_CHAIN, and
within an `allowance` (one command's worth, set by the engine) deliveries stop at its number.
Either way the bus raises `Runaway`, naming the content a service said it was running last.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from elysium.bus.message import Event, Message, Reply, Request, to_data

ReplyT = TypeVar("ReplyT", bound=Reply)


class UnhandledRequest(LookupError):
    """A request was sent that no service answers."""


class WrongReply(TypeError):
    """A handler returned something other than its request's reply type."""


NOTED = "(noted)"  # the handler a trace shows for an event no service hears (Bus.note, or no subscriber)
MAX_CHAIN = 100  # events in a row, each set off by the one before: far more than any story needs
# Each service class's methods marked @handles or @subscribes, found once: the web service wires
# up a game's services on every request, and looking through every attribute each time costs more
# than the turn.
_MARKED: dict[type, tuple[tuple[str, tuple, tuple], ...]] = {}


class Runaway(RuntimeError):
    """Work that would never end: `why` says which bound it passed, `running` names the content a
    service said it was running last (a rule, a room's on_enter, a timer), or is empty."""

    def __init__(self, why: str, running: str = "") -> None:
        super().__init__(f"{why} (the content running last: {running})" if running else why)
        self.why = why
        self.running = running


@dataclass(frozen=True)
class Delivery:
    """One message handed to one handler, as the tracer sees it."""

    sender: str
    message: Message
    handler: str
    microseconds: int

    def describe(self) -> str:
        fields = {k: v for k, v in to_data(self.message).items() if k != "type"}
        return (
            f"{self.sender} -> {type(self.message).__name__} {fields} "
            f"=> {self.handler} ({self.microseconds} us)"
        )


@dataclass
class Context:
    """What a handler may touch: the game state, the content, and the bus itself."""

    state: Any
    content: Any
    bus: Bus
    sender: str
    depth: int = 0

    def ask(self, request: Request[ReplyT]) -> ReplyT:
        return self.bus.ask(request, sender=self.sender)

    def publish(self, event: Event) -> None:
        self.bus.publish(event, sender=self.sender)

    def now_running(self, what: str) -> None:
        """Name the content about to run, so that a Runaway can say where the work ran away."""
        self.bus.running = what

    def note(self, event_type: type[Event], *fields: Any) -> None:
        """Tell the tracer alone that something happened (see Bus.note); the event is only made
        when a tracer listens."""
        if self.bus.tracer is not None:
            self.bus.note(event_type(*fields), sender=self.sender)


Handler = Callable[[Any, Context], Any]


class Bus:
    """Routes messages between services; holds no game state of its own."""

    def __init__(self, state: Any = None, content: Any = None) -> None:
        self.state = state
        self.content = content
        self.tracer: Callable[[Delivery], None] | None = None
        self._handlers: dict[type[Request], tuple[str, Handler]] = {}
        self._subscribers: dict[type[Event], list[tuple[str, Handler]]] = {}
        # sender, event, the length of its chain, and the content running when it was published
        self._queue: deque[tuple[str, Event, int, str]] = deque()
        self._depth = 0
        self._draining = False
        self._chain = 0  # the chain of the event being delivered (0: none), which its effects extend
        self._allowed: int | None = None
        self._spent = 0
        self.running = ""  # see Context.now_running

    @contextmanager
    def allowance(self, deliveries: int) -> Iterator[None]:
        """Within the block, delivering more than `deliveries` messages raises Runaway."""
        self._allowed, self._spent, self.running = deliveries, 0, ""
        try:
            yield
        finally:
            self._allowed = None

    def register(self, service: Any) -> None:
        """Wire up every method of `service` marked with @handles or @subscribes."""
        kind = type(service)
        if kind not in _MARKED:
            _MARKED[kind] = tuple(
                (a, tuple(getattr(getattr(kind, a), "handles", ())), tuple(getattr(getattr(kind, a), "subscribes", ())))
                for a in dir(kind) if getattr(getattr(kind, a, None), "handles", ())
                or getattr(getattr(kind, a, None), "subscribes", ()))
        # A game wires up its services each time it is rebuilt (a web turn does it per request):
        # what a class handles is read once, and only the lists this service joined are sorted again.
        joined = set()
        for attribute, handled, subscribed in _MARKED[kind]:
            method = getattr(service, attribute)
            label = f"{service.name}.{attribute}"
            for request_type in handled:
                if request_type in self._handlers:
                    other = self._handlers[request_type][0]
                    raise ValueError(f"{request_type.__name__} is handled by {other} and {label}")
                self._handlers[request_type] = (label, method)
            for event_type in subscribed:
                self._subscribers.setdefault(event_type, []).append((label, method))
                joined.add(event_type)
        for event_type in joined:
            self._subscribers[event_type].sort(key=lambda entry: entry[0])

    def clear(self) -> None:
        """Forget every registered service (the state and content stay)."""
        self._handlers.clear()
        self._subscribers.clear()

    def handled_requests(self) -> list[type[Request]]:
        return list(self._handlers)

    def ask(self, request: Request[ReplyT], sender: str = "engine") -> ReplyT:
        try:
            label, handler = self._handlers[type(request)]
        except KeyError:
            raise UnhandledRequest(
                f"no service handles {type(request).__name__} (sent by {sender})"
            ) from None
        reply = self._deliver(sender, request, label, handler)
        self._drain()
        if not isinstance(reply, request.reply_type):
            raise WrongReply(
                f"{label} answered {type(request).__name__} with {type(reply).__name__}, "
                f"not {request.reply_type.__name__}"
            )
        return reply

    def publish(self, event: Event, sender: str = "engine") -> None:
        self._queue.append((sender, event, self._chain + 1, self.running))
        self._drain()

    def note(self, event: Event, sender: str = "engine") -> None:
        """Show the tracer an event that no service listens for (a rule fired, a topic was
        answered), so that a trace and content coverage see it. It is not queued nor delivered, so
        it spends nothing of an allowance or a chain; without a tracer nothing happens."""
        if self.tracer is not None:
            self.tracer(Delivery(sender, event, NOTED, 0))

    def _deliver(self, sender: str, message: Message, label: str, handler: Handler) -> Any:
        self._depth += 1
        context = Context(self.state, self.content, self, label.partition(".")[0], self._depth)
        started = time.perf_counter_ns()
        try:
            self._spent += 1
            if self._allowed is not None and self._spent > self._allowed:
                raise Runaway(f"the allowance of {self._allowed} deliveries is spent "
                              f"(the next: {type(message).__name__} to {label})", self.running)
            result = handler(message, context)
        except BaseException:
            if self._depth == 1:
                # A failed turn must not leave its events to leak into the next one.
                self._queue.clear()
            raise
        finally:
            self._depth -= 1
        if self.tracer is not None:
            elapsed = (time.perf_counter_ns() - started) // 1000
            self.tracer(Delivery(sender, message, label, elapsed))
        return result

    def _drain(self) -> None:
        """Deliver queued events once no handler is running; events they publish join the queue."""
        if self._depth or self._draining:
            return
        self._draining = True
        try:
            while self._queue:
                sender, event, self._chain, cause = self._queue.popleft()
                if self._chain > MAX_CHAIN:
                    raise Runaway(f"{MAX_CHAIN} events in a row were each set off by the one before "
                                  f"(the next: {type(event).__name__} from {sender})", cause)
                subscribers = self._subscribers.get(type(event), ())
                if not subscribers and self.tracer is not None:
                    self.tracer(Delivery(sender, event, NOTED, 0))  # heard by no service, yet seen by a trace
                for label, handler in subscribers:
                    self._deliver(sender, event, label, handler)
        finally:
            self._queue.clear()
            self._draining = False
            self._chain = 0
