"""What only the SQLite store promises: one WAL file, safe when several processes write at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from elysium.web.store import Conflict, Stored, default_store_url, open_store

COUNTER = textwrap.dedent("""
    import sys
    from elysium.web.store import Conflict, open_store

    store = open_store(sys.argv[1])
    conflicts = 0
    for _ in range(int(sys.argv[2])):
        while True:
            stored = store.read("ada")
            try:
                store.write("ada", {"count": stored.state["count"] + 1}, stored.version)
                break
            except Conflict:
                conflicts += 1
    store.close()
    print(conflicts)
""")


def test_two_processes_writing_the_same_game_lose_no_turn(tmp_path):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    store = open_store(url)
    store.write("ada", {"count": 0}, 0)
    runs = [subprocess.Popen([sys.executable, "-c", COUNTER, url, "500"], stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    for run in runs:
        run.communicate(timeout=120)
        assert run.returncode == 0
    assert store.read("ada") == Stored({"count": 1000}, 1001)
    store.close()


def test_a_stale_write_from_another_process_is_a_conflict(tmp_path):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    store = open_store(url)
    store.write("ada", {"turn": 1}, 0)
    other = f"from elysium.web.store import open_store; open_store({url!r}).write('ada', {{'turn': 2}}, 1)"
    subprocess.run([sys.executable, "-c", other], check=True)
    with pytest.raises(Conflict):
        store.write("ada", {"turn": "mine"}, 1)
    assert store.read("ada") == Stored({"turn": 2}, 2)
    store.close()


def test_the_file_is_in_wal_mode_and_survives_reopening(tmp_path):
    path = tmp_path / "web.db"
    store = open_store(f"sqlite:///{path}")
    store.write("ada", {"turn": 1}, 0)
    store.save("ada", "slot", {"turn": 1}, "one")
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = open_store(f"sqlite:///{path}")
    assert again.read("ada") == Stored({"turn": 1}, 1)
    assert again.load("ada", "slot") == {"turn": 1}
    again.close()


def test_a_relative_url_is_relative_to_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store("sqlite:games/web.db")
    store.write("ada", {}, 0)
    store.close()
    assert (tmp_path / "games" / "web.db").is_file()


def test_a_file_that_is_not_a_database_is_a_plain_value_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(ValueError, match="Cannot open the SQLite store"):
        open_store(f"sqlite:///{path}")


def test_a_closed_store_refuses_more_work(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    store.close()
    with pytest.raises(RuntimeError):
        store.read("ada")


def test_the_default_store_is_a_sqlite_file_beside_the_saves_folder():
    from pathlib import Path

    from elysium.state.saves import default_saves_folder

    url = default_store_url()
    assert url.startswith("sqlite:///")
    assert Path(url.removeprefix("sqlite://")).parent == default_saves_folder().parent.resolve()


def test_a_turn_is_written_in_one_statement_and_a_stale_one_in_none_that_changes(tmp_path):
    """The version check and the write are one UPDATE (its own transaction under the write lock):
    no BEGIN, SELECT and COMMIT around it on every turn. A stale write changes nothing."""
    store = open_store(f"sqlite:///{(tmp_path / 'games.db').as_posix().lstrip('/')}")
    store.write("ada", {"count": 1}, 0)
    statements: list[str] = []
    for connection in store._pool._idle:
        connection.set_trace_callback(statements.append)
    store.write("ada", {"count": 2}, 1)
    assert len(statements) == 1 and statements[0].startswith("UPDATE games")
    with pytest.raises(Conflict, match="at version 2, not 1"):
        store.write("ada", {"count": 9}, 1)
    with pytest.raises(Conflict, match="at version 2, not 0"):
        store.write("ada", {"count": 9}, 0)
    assert store.read("ada") == Stored({"count": 2}, 2)
    store.close()


def _filled(store, megabytes: int) -> None:
    """Turns of one player with a record of 20 kB each, until that many megabytes were written
    (each different: SQLite does not write again the pages of a row that stay the same)."""
    version = 0
    for turn in range(megabytes * 50):
        version = store.write("ada", {"turn": turn, "items": os.urandom(10_000).hex()}, version)


def test_a_turns_write_leaves_the_wals_checkpoint_to_the_stores_thread(tmp_path):
    """SQLite's own checkpoint (every 4 MB of WAL) would run inside the write that crossed it, and
    that player's turn would wait for megabytes to be copied and synced."""
    from elysium.web.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "web.db", checkpoint_every=None)
    _filled(store, 8)
    wal = tmp_path / "web.db-wal"
    assert wal.stat().st_size > 7_000_000  # no write checkpointed it
    with store._pool.connection() as db:
        assert store.checkpoints.checkpoint(db)  # what the thread does: the whole WAL moved
    assert store.checkpoints.done == 1
    assert store.read("ada").state["turn"] == 399
    store.close()


def test_the_stores_thread_checkpoints_the_wal_and_stops_with_the_store(tmp_path):
    import time

    from elysium.web.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "web.db", checkpoint_every=0.02)
    _filled(store, 1)
    deadline = time.monotonic() + 30
    while store.checkpoints.done == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert store.checkpoints.done >= 1
    thread = store.checkpoints._thread
    store.close()
    assert not thread.is_alive()


def _hold_the_write_lock(path):
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_writer_that_finds_the_lock_taken_tries_again_in_short_pauses_until_it_is_free(tmp_path, monkeypatch):
    """SQLite's own busy handler sleeps 1, 2, 5, 10, 15 ms and on between tries, so a lock held for
    a fraction of a millisecond cost the writer behind it up to tens: the store waits itself, in
    pauses of at most LONGEST_PAUSE_SECONDS, and the write goes through once the lock is let go."""
    import threading

    from elysium.web.store import sqlite as sqlite_store

    store = sqlite_store.SqliteStore(tmp_path / "web.db", checkpoint_every=None)
    store.write("ada", {"count": 0}, 0)
    pauses: list[float] = []
    real_sleep = sqlite_store.time.sleep

    def noted_sleep(seconds: float) -> None:
        pauses.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr(sqlite_store.time, "sleep", noted_sleep)
    holder = _hold_the_write_lock(tmp_path / "web.db")
    written: list[int] = []
    writer = threading.Thread(target=lambda: written.append(store.write("ada", {"count": 1}, 1)))
    writer.start()
    for _ in range(3000):  # until the writer has met the lock and tried again a few times
        if len(pauses) >= 20:
            break
        real_sleep(0.001)
    holder.execute("COMMIT")
    writer.join(10)
    assert written == [2] and store.read("ada") == Stored({"count": 1}, 2)
    assert len(pauses) >= 20 and max(pauses) <= sqlite_store.LONGEST_PAUSE_SECONDS
    holder.close()
    store.close()


def test_a_writer_gives_up_after_its_busy_timeout_and_changes_nothing(tmp_path):
    from elysium.web.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "web.db", checkpoint_every=None, busy_timeout=0.05)
    store.write("ada", {"count": 0}, 0)
    holder = _hold_the_write_lock(tmp_path / "web.db")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        store.write("ada", {"count": 1}, 1)
    holder.execute("ROLLBACK")
    holder.close()
    assert store.read("ada") == Stored({"count": 0}, 1)
    store.close()
