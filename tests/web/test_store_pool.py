"""The connections a store shares between the app's threads: reused after a normal request or a
Conflict, dropped after a failure of the connection itself, all closed with the store."""

from __future__ import annotations

import pytest

from elysium.web.store import Conflict
from elysium.web.store.pool import Pool


class Made:
    def __init__(self) -> None:
        self.opened: list[int] = []
        self.closed: list[int] = []

    def connect(self) -> int:
        self.opened.append(len(self.opened) + 1)
        return self.opened[-1]


@pytest.fixture
def made():
    return Made()


@pytest.fixture
def pool(made):
    return Pool(made.connect, made.closed.append)


def test_a_connection_is_reused_after_a_request_and_after_a_conflict(pool, made):
    with pool.connection() as first:
        pass
    with pytest.raises(Conflict), pool.connection() as second:
        raise Conflict("another tab played first")
    with pool.connection() as third:
        pass
    assert first == second == third == 1 and made.closed == []


def test_a_connection_that_failed_is_closed_and_not_given_out_again(pool, made):
    with pytest.raises(ConnectionError), pool.connection():
        raise ConnectionError("the server went away")
    with pool.connection() as next_one:
        pass
    assert made.closed == [1] and next_one == 2


def test_threads_at_once_get_connections_of_their_own(pool, made):
    with pool.connection() as one, pool.connection() as two:
        assert one != two


def test_closing_closes_the_idle_ones_and_each_busy_one_when_it_comes_back(pool, made):
    with pool.connection():
        with pool.connection():
            pass
        pool.close()
        assert made.closed == [2]
    assert made.closed == [2, 1]
    with pytest.raises(RuntimeError):
        with pool.connection():
            pass
