"""The values every store gives and takes, and the helpers they share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime


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
    """States are plain JSON data; a state that is not is refused here, before anything is stored."""
    if not isinstance(state, dict):
        raise TypeError(f"a game state is a dict, not {type(state).__name__}")
    return json.dumps(state, separators=(",", ":"), ensure_ascii=False)


def decode(text: str | bytes) -> dict:
    return json.loads(text)


def check_version(version: int) -> None:
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ValueError(f"a version is a whole number from 0 up, not {version!r}")
