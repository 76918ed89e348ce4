"""The default store: one SQLite file (WAL), nothing to install, safe for several worker processes.

A versioned write is one statement (an UPDATE of the version read, or an INSERT where there is no
game), which SQLite runs as one transaction under the file's write lock, so two processes cannot
both pass the check. A writer that finds the lock taken waits for it rather than fail, polling
every fraction of a millisecond (`_patiently`): SQLite's own busy handler sleeps 1, 2, 5, 10, 15 ms
and on between tries, so a lock held for 0.3 ms cost the writer behind it up to tens of
milliseconds, which was the tail of a turn's latency with two workers.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable, TypeVar

from elysium.web.store.checkpoints import BACKSTOP_PAGES, EVERY_SECONDS, Checkpointer
from elysium.web.store.model import Conflict, SaveInfo, Stored, check_version, decode, encode, now_utc
from elysium.web.store.pool import Pool

BUSY_TIMEOUT_SECONDS = 30.0
FIRST_PAUSE_SECONDS = 0.0001  # between two tries for a lock, doubling up to
LONGEST_PAUSE_SECONDS = 0.002
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS games (
    player TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS saves (
    player TEXT NOT NULL,
    name TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    summary TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (player, name)
);
"""


class SqliteStore:
    def __init__(self, path: Path, checkpoint_every: float | None = EVERY_SECONDS,
                 busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        """`checkpoint_every`: seconds between the WAL's checkpoints, made by a thread of this
        process (None: none, tests). `busy_timeout`: how long a writer waits for the lock."""
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            first = self._connect()
            self._patiently(lambda: first.executescript(SCHEMA))
        except (OSError, sqlite3.Error) as error:
            raise ValueError(f"Cannot open the SQLite store {str(self.path)!r}: {error}.") from None
        self._pool: Pool[sqlite3.Connection] = Pool(self._connect, sqlite3.Connection.close, first)
        self.checkpoints = Checkpointer(self.path, checkpoint_every)
        self.checkpoints.watch(self)

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we begin and commit ourselves; check_same_thread=False: the pool
        # hands a connection to one thread at a time, not always the thread that opened it;
        # timeout=0: a lock that is taken is reported at once, and waited for by _patiently.
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
        self._patiently(lambda: connection.execute("PRAGMA journal_mode=WAL"))
        # In WAL mode NORMAL never corrupts the file; a power cut may lose the last turns.
        connection.execute("PRAGMA synchronous=NORMAL")
        # The WAL is checkpointed by a thread (checkpoints.py), not by the write that fills it.
        connection.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        return connection

    def _patiently(self, work: Callable[[], T]) -> T:
        """`work`, tried again while the file is locked by another writer, for up to busy_timeout.
        Every statement here is a transaction of its own, so a try that met the lock changed nothing."""
        pause, deadline = FIRST_PAUSE_SECONDS, None
        while True:
            try:
                return work()
            except sqlite3.OperationalError as error:
                if (getattr(error, "sqlite_errorcode", 0) & 0xFF) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                now = time.monotonic()
                deadline = deadline or now + self.busy_timeout
                if now >= deadline:
                    raise
                time.sleep(pause)  # lets go of the GIL, so the other threads of the worker go on
                pause = min(pause * 2, LONGEST_PAUSE_SECONDS)

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._pool.connection() as db:
            return self._patiently(lambda: work(db))

    def read(self, player: str) -> Stored | None:
        row = self._run(lambda db: db.execute("SELECT state, version FROM games WHERE player = ?", (player,)).fetchone())
        return None if row is None else Stored(decode(row[0]), row[1])

    def write(self, player: str, state: dict, version: int) -> int:
        check_version(version)
        text = encode(state)
        # One statement, which SQLite runs as one transaction holding the write lock: the check of
        # the version and the write cannot be split by another process. A new game (version 0)
        # inserts only where there is none; a turn updates only the version it read.
        if version == 0:
            statement = "INSERT INTO games (player, version, state) VALUES (?, 1, ?) ON CONFLICT (player) DO NOTHING"
            parameters: tuple = (player, text)
        else:
            statement = "UPDATE games SET version = ?, state = ? WHERE player = ? AND version = ?"
            parameters = (version + 1, text, player, version)

        def update(db: sqlite3.Connection) -> int | None:
            if db.execute(statement, parameters).rowcount == 1:
                return None
            row = db.execute("SELECT version FROM games WHERE player = ?", (player,)).fetchone()
            return 0 if row is None else row[0]

        stored = self._run(update)
        if stored is not None:
            raise Conflict(f"the game is at version {stored}, not {version}")
        return version + 1

    def delete_game(self, player: str) -> None:
        self._run(lambda db: db.execute("DELETE FROM games WHERE player = ?", (player,)))

    def saves(self, player: str) -> list[SaveInfo]:
        rows = self._run(lambda db: db.execute(
            "SELECT name, saved_at, summary FROM saves WHERE player = ? ORDER BY saved_at DESC, rowid DESC",
            (player,)).fetchall())
        return [SaveInfo(*row) for row in rows]

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        text, saved_at = encode(state), now_utc()
        # REPLACE deletes the old row and inserts a new one with a higher rowid: newest on ties.
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO saves (player, name, saved_at, summary, state) VALUES (?, ?, ?, ?, ?)",
            (player, name, saved_at, summary, text)))

    def load(self, player: str, name: str) -> dict | None:
        row = self._run(lambda db: db.execute(
            "SELECT state FROM saves WHERE player = ? AND name = ?", (player, name)).fetchone())
        return None if row is None else decode(row[0])

    def delete_save(self, player: str, name: str) -> bool:
        deleted = self._run(lambda db: db.execute(
            "DELETE FROM saves WHERE player = ? AND name = ?", (player, name)).rowcount)
        return deleted > 0

    def close(self) -> None:
        self.checkpoints.stop()
        self._pool.close()
