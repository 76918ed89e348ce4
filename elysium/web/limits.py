"""What one browser may ask of the server: a terminal of a sane size, input at the pace of a
person typing or pasting, and messages of a sane length."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

# Bigger than any screen a person reads a game on; smaller sizes than these cannot show it.
COLUMNS = (20, 400)
ROWS = (8, 150)


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size from the client, as whole cells within COLUMNS and ROWS (80x24 when the
    client sends something that is not a number)."""
    return _within(width, COLUMNS, 80), _within(height, ROWS, 24)


def _within(value: object, bounds: tuple[int, int], default: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default
    low, high = bounds
    return min(max(number, low), high)


@dataclass
class InputBudget:
    """A token bucket of characters: `burst` at once (a paste), then `per_second` (fast typing is
    about 15). Input beyond it is dropped, so one client cannot keep a game process busy."""

    burst: int = 8192
    per_second: float = 1024.0
    clock: Callable[[], float] = time.monotonic
    _tokens: float = field(init=False)
    _last: float = field(init=False)

    def __post_init__(self) -> None:
        self._tokens = float(self.burst)
        self._last = self.clock()

    def allow(self, characters: int) -> bool:
        now = self.clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.per_second)
        self._last = now
        if characters > self._tokens:
            return False
        self._tokens -= characters
        return True


@dataclass(frozen=True)
class Limits:
    max_sessions: int = 16
    max_message_bytes: int = 64 * 1024
    input_burst: int = 8192
    input_per_second: float = 1024.0
    # How long a game has to leave after its client goes (it autosaves first), before it is
    # terminated, and then killed.
    leave_seconds: float = 5.0
