"""Message kinds that services exchange: requests with typed replies, and events.

Every message is a frozen dataclass of plain, JSON-friendly fields (str, int, float, bool, None,
tuples and dicts of those), registered by class name so that a trace or a test can turn any message
into JSON and back.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, ClassVar, Generic, TypeVar

ReplyT = TypeVar("ReplyT", bound="Reply")

MESSAGE_TYPES: dict[str, type[Message]] = {}


@dataclasses.dataclass(frozen=True)
class Message:
    """Base of every message; subclasses register themselves by name."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__name__ in MESSAGE_TYPES and MESSAGE_TYPES[cls.__name__] is not cls:
            raise TypeError(f"two message types are called {cls.__name__}")
        MESSAGE_TYPES[cls.__name__] = cls


@dataclasses.dataclass(frozen=True)
class Reply(Message):
    """What a request's one handler returns."""


@dataclasses.dataclass(frozen=True)
class Request(Message, Generic[ReplyT]):
    """A message with exactly one handler, which returns `reply_type`."""

    reply_type: ClassVar[type[Reply]] = Reply

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in getattr(cls, "__orig_bases__", ()):
            if typing.get_origin(base) is Request:
                (reply_type,) = typing.get_args(base)
                if isinstance(reply_type, type):
                    cls.reply_type = reply_type


@dataclasses.dataclass(frozen=True)
class Event(Message):
    """Something that happened; any number of subscribers hear it, after the current handler."""


def to_data(message: Message) -> dict[str, Any]:
    """The message as JSON-serialisable data, tagged with its type name."""
    data: dict[str, Any] = {"type": type(message).__name__}
    for field in dataclasses.fields(message):
        data[field.name] = _plain(getattr(message, field.name))
    return data


def from_data(data: dict[str, Any]) -> Message:
    """Rebuild a message from `to_data` output (tuples come back as tuples)."""
    cls = MESSAGE_TYPES[data["type"]]
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            values[field.name] = _typed(data[field.name], hints[field.name])
    return cls(**values)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _typed(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple and isinstance(value, list):
        args = typing.get_args(hint)
        inner = args[0] if args else Any
        return tuple(_typed(v, inner) for v in value)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if typing.get_origin(arg) is tuple and isinstance(value, list):
                return _typed(value, arg)
    return value
