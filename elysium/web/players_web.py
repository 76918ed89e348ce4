"""Who is asking the web service: an anonymous player id in a signed cookie, and what one player
may ask of it (a pace of requests).

The cookie holds the id, a mark of the shared secret it was let in with (when the service has
one, see --auth), and an HMAC of both under the server's secret: no one can make up a cookie for
an id they were not given, and changing --auth shuts out every cookie let in with the old one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

COOKIE = "elysium_web"
A_YEAR = 365 * 24 * 60 * 60
SECRET_FILE = "web-secret"
_ID = re.compile(r"[A-Za-z0-9_-]{32}")
_MARK = re.compile(r"[0-9a-f]{16}|-")


@dataclass(frozen=True)
class Pass:
    """What a valid cookie says: the player, and whether they gave the shared secret."""

    player: str
    admitted: bool


class Cookies:
    """Signs and checks the player cookie with the server's secret."""

    def __init__(self, secret: str, auth: str | None = None) -> None:
        self._key = hashlib.sha256(b"elysium web cookie\0" + secret.encode("utf-8")).digest()
        # A mark of the shared secret, not the secret: the cookie never carries it.
        self._mark = hashlib.sha256(b"elysium web auth\0" + auth.encode("utf-8")).hexdigest()[:16] if auth else None

    def new_player(self) -> str:
        """192 random bits: nobody guesses another player's id."""
        return secrets.token_urlsafe(24)

    def value(self, player: str, admitted: bool = False) -> str:
        mark = self._mark if admitted and self._mark else "-"
        return f"{player}.{mark}.{self._signature(player, mark)}"

    def read(self, value: str | None) -> Pass | None:
        """The pass a cookie carries; None for a missing, malformed or forged one."""
        if not value or len(value) > 200:
            return None
        parts = value.split(".")
        if len(parts) != 3:
            return None
        player, mark, signature = parts
        if not _ID.fullmatch(player) or not _MARK.fullmatch(mark):
            return None
        if not hmac.compare_digest(signature, self._signature(player, mark)):
            return None
        return Pass(player, self._mark is not None and hmac.compare_digest(mark, self._mark))

    def _signature(self, player: str, mark: str) -> str:
        digest = hmac.new(self._key, f"{player}.{mark}".encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def kept_secret(folder: Path) -> str:
    """The server's cookie secret kept in `folder` (made the first time, readable by its owner
    only), so that players keep their games across restarts. Two workers starting at once agree:
    the file is created exclusively, and the one that loses the race reads the winner's."""
    path = folder / SECRET_FILE
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(handle, "w", encoding="ascii") as stream:
        stream.write(secrets.token_urlsafe(32))
    return _read_secret(path)


def _read_secret(path: Path) -> str:
    for _ in range(50):  # a worker that created it may still be writing it
        text = path.read_text(encoding="ascii").strip()
        if text:
            return text
        time.sleep(0.01)
    raise ValueError(f"the secret file {path} is empty: delete it, or give --secret")


@dataclass
class Pace:
    """How often one player may ask: a token bucket of `burst` requests refilled at `per_second`,
    per player, in this worker (each worker keeps its own: with N workers a player may go N times
    as fast at most, still a bound). Only the players seen most recently are remembered."""

    burst: float = 20.0
    per_second: float = 5.0
    remembered: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _buckets: OrderedDict[str, tuple[float, float]] = field(default_factory=OrderedDict)

    def wait(self, player: str) -> float:
        """0 when the player may go on now (and it is counted), else the seconds to wait."""
        now = self.clock()
        tokens, then = self._buckets.pop(player, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.per_second)
        if tokens < 1:
            self._buckets[player] = (tokens, now)
            return (1 - tokens) / self.per_second
        self._buckets[player] = (tokens - 1, now)
        while len(self._buckets) > self.remembered:
            self._buckets.popitem(last=False)
        return 0.0
