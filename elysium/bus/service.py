"""The shape of a service: a named class whose methods are marked with what they answer or hear.

A service instance holds no game data: everything it reads or changes comes through the `Context`
the bus hands to each call, so an instance can be thrown away and rebuilt between any two messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from elysium.bus.message import Event, Request

F = TypeVar("F", bound=Callable[..., Any])


class Service:
    """Base class for services; `name` identifies it in traces."""

    name: str = "service"


def handles(*request_types: type[Request]) -> Callable[[F], F]:
    """Mark a method as the one handler of these request types."""

    def mark(method: F) -> F:
        method.handles = request_types  # type: ignore[attr-defined]
        return method

    return mark


def subscribes(*event_types: type[Event]) -> Callable[[F], F]:
    """Mark a method as a subscriber to these event types."""

    def mark(method: F) -> F:
        method.subscribes = event_types  # type: ignore[attr-defined]
        return method

    return mark
