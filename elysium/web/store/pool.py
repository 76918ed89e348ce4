"""A few open connections shared by the threads of one worker: a thread takes one, uses it, gives it back.

The app runs the store in a thread pool, and neither a SQLite nor a PostgreSQL connection should
be used by two threads at once; opening one per request would cost more than the turn itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from elysium.web.store.model import Conflict

Connection = TypeVar("Connection")


class Pool(Generic[Connection]):
    def __init__(self, connect: Callable[[], Connection], close: Callable[[Connection], None],
                 opened: Connection | None = None) -> None:
        """`opened`: a connection the store already made (to check the URL and the tables)."""
        self._connect = connect
        self._close = close
        self._idle: list[Connection] = [] if opened is None else [opened]
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        with self._lock:
            if self._closed:
                raise RuntimeError("the store is closed")
            taken = self._idle.pop() if self._idle else None
        if taken is None:
            taken = self._connect()
        broken = False
        try:
            yield taken
        except BaseException as error:
            broken = not isinstance(error, Exception) or is_broken(error)
            raise
        finally:
            with self._lock:
                keep = not self._closed and not broken
                if keep:
                    self._idle.append(taken)
            if not keep:
                self._close(taken)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            self._close(connection)


def is_broken(error: Exception) -> bool:
    """A connection that failed for a reason other than the caller's own (a lost server, say) is
    dropped rather than given to the next request."""
    return not isinstance(error, (Conflict, TypeError, ValueError))
