"""Checkpoints of a SQLite store's WAL, off the request path.

SQLite's own checkpoint runs in whichever write crosses its threshold (1,000 pages): that request
then copies megabytes into the database and waits for their fsync, a pause of tens of milliseconds
on a busy machine, every second or so at a thousand players. Here a thread of the worker does it
instead, every `every` seconds, with PASSIVE checkpoints (which never wait for readers or writers);
the writers' own threshold stays, raised, as a backstop should this thread fall behind.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from pathlib import Path

EVERY_SECONDS = 0.5
BACKSTOP_PAGES = 10_000  # about 40 MB of WAL before a writer checkpoints itself after all


class Checkpointer:
    def __init__(self, path: Path, every: float | None = EVERY_SECONDS) -> None:
        self.path = path
        self.done = 0  # checkpoints that moved every frame of the WAL into the database
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if every is not None:
            self._thread = threading.Thread(target=self._run, args=(every,), daemon=True,
                                            name="elysium-sqlite-checkpoints")
            self._thread.start()

    def watch(self, owner: object) -> None:
        """Stop when `owner` (the store) is collected without being closed."""
        weakref.finalize(owner, self._stop.set)

    def checkpoint(self, db: sqlite3.Connection) -> bool:
        """One PASSIVE checkpoint; True when the whole WAL is now in the database."""
        busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        complete = not busy and frames == copied
        self.done += complete and frames > 0
        return complete

    def _run(self, every: float) -> None:
        try:
            db = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # the writers' backstop checkpoints the WAL
        try:
            while not self._stop.wait(every):
                try:
                    self.checkpoint(db)
                except sqlite3.Error:
                    pass  # busy or locked now: the next round, or the backstop, does it
        finally:
            db.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
