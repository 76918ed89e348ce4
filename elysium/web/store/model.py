"""The values every store gives and takes, and the helpers they share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

try:  # a live game is encoded and decoded on every turn: orjson does it several times faster
    import orjson
except ImportError:  # the standard library's json is the floor, and reads and writes the same records
    orjson = None


class Conflict(Exception):
    """The live game changed since it was read (another tab played first)."""


@dataclass(frozen=True)
class Stored:
    """A player's live game and its version (1, 2, ...)."""

    state: dict
    version: int


@dataclass(frozen=True)
class SaveInfo:
    name: str
    saved_at: str  # ISO 8601 UTC
    summary: str


def now_utc() -> str:
    """ISO 8601 UTC to the microsecond, so that saves made in the same second still sort."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def encode(state: dict) -> str:
    """States are plain JSON data; a state that is not is refused here, before anything is stored.
    What orjson will not write exactly (keys that are not text, whole numbers past 64 bits) the
    standard library writes, after one space: `decode` then reads it with the standard library too."""
    if not isinstance(state, dict):
        raise TypeError(f"a game state is a dict, not {type(state).__name__}")
    if orjson is not None:
        try:
            return orjson.dumps(state).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is one
            return " " + json.dumps(state, separators=(",", ":"), ensure_ascii=False)
    return json.dumps(state, separators=(",", ":"), ensure_ascii=False)


def decode(text: str | bytes) -> dict:
    if orjson is not None and text[:1] not in (" ", b" "):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # what json reads beyond strict JSON (NaN, which it writes itself): json decides
    return json.loads(text)


def check_version(version: int) -> None:
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ValueError(f"a version is a whole number from 0 up, not {version!r}")
