"""The bus: services register handlers by message type; requests get one reply, events fan out.

Dispatch is synchronous and deterministic. Events published while any handler runs wait in a queue
and are delivered, in order, once the outermost handler has returned, so no handler ever runs inside
another's event delivery half-way through its work. A tracer, when set, sees every delivery.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from elysium.bus.message import Event, Message, Reply, Request, to_data

ReplyT = TypeVar("ReplyT", bound=Reply)


class UnhandledRequest(LookupError):
    """A request was sent that no service answers."""


class WrongReply(TypeError):
    """A handler returned something other than its request's reply type."""


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


Handler = Callable[[Any, Context], Any]


class Bus:
    """Routes messages between services; holds no game state of its own."""

    def __init__(self, state: Any = None, content: Any = None) -> None:
        self.state = state
        self.content = content
        self.tracer: Callable[[Delivery], None] | None = None
        self._handlers: dict[type[Request], tuple[str, Handler]] = {}
        self._subscribers: dict[type[Event], list[tuple[str, Handler]]] = {}
        self._queue: deque[tuple[str, Event]] = deque()
        self._depth = 0
        self._draining = False

    def register(self, service: Any) -> None:
        """Wire up every method of `service` marked with @handles or @subscribes."""
        for attribute in dir(type(service)):
            method = getattr(service, attribute)
            label = f"{service.name}.{attribute}"
            for request_type in getattr(method, "handles", ()):
                if request_type in self._handlers:
                    other = self._handlers[request_type][0]
                    raise ValueError(f"{request_type.__name__} is handled by {other} and {label}")
                self._handlers[request_type] = (label, method)
            for event_type in getattr(method, "subscribes", ()):
                self._subscribers.setdefault(event_type, []).append((label, method))
        for subscribers in self._subscribers.values():
            subscribers.sort(key=lambda entry: entry[0])

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
        self._queue.append((sender, event))
        self._drain()

    def _deliver(self, sender: str, message: Message, label: str, handler: Handler) -> Any:
        self._depth += 1
        context = Context(self.state, self.content, self, label.partition(".")[0], self._depth)
        started = time.perf_counter_ns()
        try:
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
                sender, event = self._queue.popleft()
                for label, handler in self._subscribers.get(type(event), ()):
                    self._deliver(sender, event, label, handler)
        finally:
            self._queue.clear()
            self._draining = False
