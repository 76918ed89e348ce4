"""The default store: one SQLite file (WAL), nothing to install, safe for several worker processes.

A versioned write is one statement (an UPDATE of the version read, or an INSERT where there is no
game), which SQLite runs as one transaction under the file's write lock, so two processes cannot
both pass the check; a busy timeout makes a writer wait for the lock rather than fail.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from elysium.web.store.checkpoints import BACKSTOP_PAGES, EVERY_SECONDS, Checkpointer
from elysium.web.store.model import Conflict, SaveInfo, Stored, check_version, decode, encode, now_utc
from elysium.web.store.pool import Pool

BUSY_TIMEOUT_SECONDS = 30.0

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
    def __init__(self, path: Path, checkpoint_every: float | None = EVERY_SECONDS) -> None:
        """`checkpoint_every`: seconds between the WAL's checkpoints, made by a thread of this
        process (None: none, tests)."""
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            first = self._connect()
            with first:
                first.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise ValueError(f"Cannot open the SQLite store {str(self.path)!r}: {error}.") from None
        self._pool: Pool[sqlite3.Connection] = Pool(self._connect, sqlite3.Connection.close, first)
        self.checkpoints = Checkpointer(self.path, checkpoint_every)
        self.checkpoints.watch(self)

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we begin and commit ourselves; check_same_thread=False: the pool
        # hands a connection to one thread at a time, not always the thread that opened it.
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the file; a power cut may lose the last turns.
        connection.execute("PRAGMA synchronous=NORMAL")
        # The WAL is checkpointed by a thread (checkpoints.py), not by the write that fills it.
        connection.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        return connection

    def read(self, player: str) -> Stored | None:
        with self._pool.connection() as db:
            row = db.execute("SELECT state, version FROM games WHERE player = ?", (player,)).fetchone()
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
        with self._pool.connection() as db:
            if db.execute(statement, parameters).rowcount != 1:
                row = db.execute("SELECT version FROM games WHERE player = ?", (player,)).fetchone()
                raise Conflict(f"the game is at version {0 if row is None else row[0]}, not {version}")
        return version + 1

    def delete_game(self, player: str) -> None:
        with self._pool.connection() as db:
            db.execute("DELETE FROM games WHERE player = ?", (player,))

    def saves(self, player: str) -> list[SaveInfo]:
        with self._pool.connection() as db:
            rows = db.execute(
                "SELECT name, saved_at, summary FROM saves WHERE player = ? ORDER BY saved_at DESC, rowid DESC",
                (player,)).fetchall()
        return [SaveInfo(*row) for row in rows]

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        text = encode(state)
        with self._pool.connection() as db:
            # REPLACE deletes the old row and inserts a new one with a higher rowid: newest on ties.
            db.execute(
                "INSERT OR REPLACE INTO saves (player, name, saved_at, summary, state) VALUES (?, ?, ?, ?, ?)",
                (player, name, now_utc(), summary, text))

    def load(self, player: str, name: str) -> dict | None:
        with self._pool.connection() as db:
            row = db.execute("SELECT state FROM saves WHERE player = ? AND name = ?", (player, name)).fetchone()
        return None if row is None else decode(row[0])

    def delete_save(self, player: str, name: str) -> bool:
        with self._pool.connection() as db:
            deleted = db.execute("DELETE FROM saves WHERE player = ? AND name = ?", (player, name)).rowcount
        return deleted > 0

    def close(self) -> None:
        self.checkpoints.stop()
        self._pool.close()
