"""The PostgreSQL store (psycopg 3), for several machines sharing one database.

A versioned write is one conditional statement (UPDATE ... WHERE version = the version read, or
INSERT ... ON CONFLICT DO NOTHING for a first game): PostgreSQL re-checks the WHERE against the
newest row when two writers meet, so exactly one of them changes it and the other gets Conflict.
Tables are made on first use; `?options=-csearch_path%3Dname` in the URL puts them in a schema.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from elysium.web.store.model import Conflict, SaveInfo, Stored, check_version, decode, encode, now_utc
from elysium.web.store.pool import Pool

try:
    import psycopg
except ImportError:  # pragma: no cover - depends on what is installed
    psycopg = None

CONNECT_TIMEOUT_SECONDS = 5

SCHEMA = """
CREATE TABLE IF NOT EXISTS elysium_games (
    player TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS elysium_saves (
    player TEXT NOT NULL,
    name TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    made BIGSERIAL,
    summary TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (player, name)
);
"""
# Any constant: workers starting together take this lock so that only one creates the tables.
SCHEMA_LOCK = 0x656C7973


def where(url: str) -> str:
    """The server of a URL without its password, for messages."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or ''}"


class PostgresStore:
    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise ValueError("The PostgreSQL store needs psycopg: pip install 'elysium[server]'.")
        self._url = url
        try:
            first = self._connect()
            with first.transaction():
                first.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                first.execute(SCHEMA)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise ValueError(f"Cannot use the PostgreSQL store at {where(url)}: {reason.rstrip('.')}.") from None
        self._pool: Pool[psycopg.Connection] = Pool(self._connect, psycopg.Connection.close, first)

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)

    def read(self, player: str) -> Stored | None:
        with self._pool.connection() as db:
            row = db.execute("SELECT state, version FROM elysium_games WHERE player = %s", (player,)).fetchone()
        return None if row is None else Stored(decode(row[0]), row[1])

    def write(self, player: str, state: dict, version: int) -> int:
        check_version(version)
        text = encode(state)
        with self._pool.connection() as db:
            if version == 0:
                changed = db.execute(
                    "INSERT INTO elysium_games (player, version, state) VALUES (%s, 1, %s) "
                    "ON CONFLICT (player) DO NOTHING", (player, text)).rowcount
            else:
                changed = db.execute(
                    "UPDATE elysium_games SET state = %s, version = version + 1 "
                    "WHERE player = %s AND version = %s", (text, player, version)).rowcount
        if changed != 1:
            raise Conflict(f"the game is no longer at version {version}")
        return version + 1

    def delete_game(self, player: str) -> None:
        with self._pool.connection() as db:
            db.execute("DELETE FROM elysium_games WHERE player = %s", (player,))

    def saves(self, player: str) -> list[SaveInfo]:
        with self._pool.connection() as db:
            rows = db.execute(
                "SELECT name, saved_at, summary FROM elysium_saves WHERE player = %s "
                "ORDER BY saved_at DESC, made DESC", (player,)).fetchall()
        return [SaveInfo(*row) for row in rows]

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        text = encode(state)
        with self._pool.connection() as db:
            # excluded.made is the new row's fresh serial: an overwritten save sorts as the newest.
            db.execute(
                "INSERT INTO elysium_saves (player, name, saved_at, summary, state) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (player, name) DO UPDATE SET saved_at = excluded.saved_at, made = excluded.made, "
                "summary = excluded.summary, state = excluded.state",
                (player, name, now_utc(), summary, text))

    def load(self, player: str, name: str) -> dict | None:
        with self._pool.connection() as db:
            row = db.execute(
                "SELECT state FROM elysium_saves WHERE player = %s AND name = %s", (player, name)).fetchone()
        return None if row is None else decode(row[0])

    def delete_save(self, player: str, name: str) -> bool:
        with self._pool.connection() as db:
            deleted = db.execute(
                "DELETE FROM elysium_saves WHERE player = %s AND name = %s", (player, name)).rowcount
        return deleted > 0

    def close(self) -> None:
        self._pool.close()
