"""Where the web service keeps each player's live game and saves, behind one small interface.

Workers hold no game between requests: each turn reads the player's state, plays, and writes it back
with the version it read, so that two tabs sending at once cannot lose a turn (one wins, the other
gets `Conflict` and retries). `open_store(url)` picks the backend from the URL; the server backends
import their client library only when their URL is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from elysium.web.store.memory import MemoryStore
from elysium.web.store.model import Conflict, SaveInfo, Stored

__all__ = [
    "Conflict", "MemoryStore", "SaveInfo", "Store", "Stored", "default_store_url", "open_store",
]


class Store(Protocol):
    """Everything is per player; a player id is an opaque string the service gives."""

    def read(self, player: str) -> Stored | None:
        """The live game, None if none."""

    def write(self, player: str, state: dict, version: int) -> int:
        """`version` is the version that was read (0: there was none). Atomically: if the stored
        version is not `version`, raise Conflict; else store `state` as version+1 and return it."""

    def delete_game(self, player: str) -> None: ...

    def saves(self, player: str) -> list[SaveInfo]:
        """Newest first."""

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        """Overwrites a save of the same name."""

    def load(self, player: str, name: str) -> dict | None: ...

    def delete_save(self, player: str, name: str) -> bool: ...

    def close(self) -> None: ...


USAGE = "use memory://, sqlite:///absolute/path.db, sqlite:relative.db, postgresql://... or redis://..."


def open_store(url: str) -> Store:
    """The store at `url`; a bad URL (or a server that cannot be reached) raises ValueError with a
    sentence the person starting the service can act on."""
    if not isinstance(url, str) or ":" not in url:
        raise ValueError(f"{url!r} is not a store URL: {USAGE}.")
    scheme = url.split(":", 1)[0].lower()
    if scheme == "memory":
        if url.lower() not in ("memory:", "memory://"):
            raise ValueError(f"The memory store takes no path ({url!r}): write memory://.")
        return MemoryStore()
    if scheme == "sqlite":
        path = sqlite_path(url)
        from elysium.web.store.sqlite import SqliteStore

        return SqliteStore(path)
    if scheme in ("postgresql", "postgres"):
        from elysium.web.store.postgres import PostgresStore

        return PostgresStore(url)
    if scheme in ("redis", "rediss"):
        from elysium.web.store.redis_store import RedisStore

        return RedisStore(url)
    raise ValueError(f"Unknown store {scheme!r} in {url!r}: {USAGE}.")


def sqlite_path(url: str) -> Path:
    """sqlite:///abs/path.db is absolute, sqlite:relative.db is relative to the current folder."""
    rest = url.split(":", 1)[1]
    if rest.startswith("//"):
        rest = rest[2:]
        if not rest.startswith("/"):
            raise ValueError(
                f"{url!r} names a host; a SQLite store is a file: write sqlite:///absolute/path.db "
                "or sqlite:relative.db.")
    rest = rest.split("?", 1)[0]
    if not rest or rest.endswith("/"):
        raise ValueError(f"{url!r} names no file: write sqlite:///absolute/path.db or sqlite:relative.db.")
    return Path(rest)


def default_store_url() -> str:
    """A SQLite file beside the saves folder (nothing to install)."""
    from elysium.state.saves import default_saves_folder

    path = (default_saves_folder().parent / "web.db").resolve().as_posix()
    return f"sqlite:///{path.lstrip('/')}"
