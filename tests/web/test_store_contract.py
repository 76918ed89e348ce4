"""One contract for every store: each backend behaves the same for every method of the protocol."""

from __future__ import annotations

import threading

import pytest

from elysium.web.store import Conflict, SaveInfo, Stored, open_store

from store_servers import STORE_KINDS, Unavailable, postgres_schema, postgres_server, redis_prefix, redis_server


@pytest.fixture(scope="session")
def postgres_url():
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[test]'")
    try:
        with postgres_server() as url:
            yield url
    except Unavailable as reason:
        pytest.skip(f"PostgreSQL store not tested: {reason}")


@pytest.fixture(scope="session")
def redis_url():
    pytest.importorskip("redis", reason="redis-py is not installed: pip install -e '.[test]'")
    try:
        with redis_server() as url:
            yield url
    except Unavailable as reason:
        pytest.skip(f"Redis store not tested: {reason}")


@pytest.fixture(params=STORE_KINDS)
def store_url(request, tmp_path):
    """A store URL of each kind, empty at the start of the test."""
    if request.param == "memory":
        yield "memory://"
    elif request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'store.db').as_posix()}"
    elif request.param == "postgresql":
        with postgres_schema(request.getfixturevalue("postgres_url")) as url:
            yield url
    else:
        with redis_prefix(request.getfixturevalue("redis_url")) as url:
            yield url


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_a_player_without_a_game_reads_none(store):
    assert store.read("nobody") is None


def test_the_first_write_is_version_one_and_reads_back(store):
    assert store.write("ada", {"room": "hall", "items": ["lute"]}, 0) == 1
    assert store.read("ada") == Stored({"room": "hall", "items": ["lute"]}, 1)


def test_each_write_from_the_version_read_moves_the_version_on(store):
    version = store.write("ada", {"turn": 1}, 0)
    version = store.write("ada", {"turn": 2}, version)
    assert version == 2
    assert store.read("ada") == Stored({"turn": 2}, 2)


def test_a_write_from_a_stale_version_is_a_conflict_and_changes_nothing(store):
    store.write("ada", {"turn": 1}, 0)
    store.write("ada", {"turn": 2}, 1)
    with pytest.raises(Conflict):
        store.write("ada", {"turn": "stale"}, 1)
    with pytest.raises(Conflict):
        store.write("ada", {"turn": "new game over a live one"}, 0)
    with pytest.raises(Conflict):
        store.write("ada", {"turn": "from the future"}, 7)
    assert store.read("ada") == Stored({"turn": 2}, 2)


def test_a_first_write_claiming_a_version_is_a_conflict(store):
    with pytest.raises(Conflict):
        store.write("ada", {"turn": 1}, 3)
    assert store.read("ada") is None


def test_a_changed_dict_after_writing_changes_nothing_stored(store):
    state = {"items": ["lute"]}
    store.write("ada", state, 0)
    state["items"].append("stolen")
    assert store.read("ada").state == {"items": ["lute"]}


def test_unicode_and_nesting_survive(store):
    state = {"name": "Ænéas “the bard” 🎻", "deep": {"a": [1, 2.5, None, True, {"b": "c"}]}}
    store.write("ada", state, 0)
    assert store.read("ada").state == state


def test_deleting_the_game_leaves_none_and_a_new_game_starts_at_one(store):
    store.write("ada", {"turn": 1}, 0)
    store.delete_game("ada")
    assert store.read("ada") is None
    store.delete_game("ada")  # deleting nothing is fine
    assert store.write("ada", {"turn": 1}, 0) == 1


def test_saves_are_listed_newest_first_and_load_back(store):
    assert store.saves("ada") == []
    store.save("ada", "first", {"turn": 1}, "Hall, turn 1")
    store.save("ada", "second", {"turn": 2}, "Garden, turn 2")
    listed = store.saves("ada")
    assert [info.name for info in listed] == ["second", "first"]
    assert listed[0] == SaveInfo("second", listed[0].saved_at, "Garden, turn 2")
    assert store.load("ada", "first") == {"turn": 1}
    assert store.load("ada", "missing") is None


def test_saved_at_is_iso_8601_utc(store):
    from datetime import datetime, timedelta

    store.save("ada", "one", {}, "")
    moment = datetime.fromisoformat(store.saves("ada")[0].saved_at)
    assert moment.utcoffset() == timedelta(0)


def test_saving_a_same_name_overwrites_it_and_makes_it_newest(store):
    store.save("ada", "slot", {"turn": 1}, "old")
    store.save("ada", "other", {"turn": 5}, "other")
    store.save("ada", "slot", {"turn": 9}, "new")
    listed = store.saves("ada")
    assert [(info.name, info.summary) for info in listed] == [("slot", "new"), ("other", "other")]
    assert store.load("ada", "slot") == {"turn": 9}


def test_deleting_a_save_says_whether_there_was_one(store):
    store.save("ada", "slot", {"turn": 1}, "")
    assert store.delete_save("ada", "slot") is True
    assert store.delete_save("ada", "slot") is False
    assert store.load("ada", "slot") is None
    assert store.saves("ada") == []


def test_saves_and_the_live_game_are_apart(store):
    store.write("ada", {"turn": 3}, 0)
    store.save("ada", "slot", {"turn": 1}, "")
    store.delete_game("ada")
    assert store.load("ada", "slot") == {"turn": 1}
    store.delete_save("ada", "slot")
    store.write("ada", {"turn": 4}, 0)
    assert store.read("ada") == Stored({"turn": 4}, 1)


def test_no_player_sees_or_touches_another(store):
    store.write("ada", {"who": "ada"}, 0)
    store.save("ada", "slot", {"who": "ada"}, "ada's")
    assert store.read("bob") is None
    assert store.saves("bob") == []
    assert store.load("bob", "slot") is None
    assert store.delete_save("bob", "slot") is False
    store.delete_game("bob")
    assert store.write("bob", {"who": "bob"}, 0) == 1
    store.save("bob", "slot", {"who": "bob"}, "bob's")
    assert store.read("ada") == Stored({"who": "ada"}, 1)
    assert store.load("ada", "slot") == {"who": "ada"}
    assert [info.summary for info in store.saves("ada")] == ["ada's"]


def test_player_ids_and_save_names_are_opaque_text(store):
    odd = "a'b\"c; DROP TABLE games;--\\%_*?[x] ü"
    store.write(odd, {"ok": True}, 0)
    store.save(odd, odd, {"ok": 1}, odd)
    assert store.read(odd) == Stored({"ok": True}, 1)
    assert store.load(odd, odd) == {"ok": 1}
    assert store.read("a") is None and store.saves("a'b") == []


def test_concurrent_writers_from_one_version_exactly_one_wins(store):
    store.write("ada", {"turn": 0}, 0)
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def play(n: int) -> None:
        start.wait()
        try:
            store.write("ada", {"turn": n}, 1)
            outcomes.append("won")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=play, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict"] * 7 + ["won"]
    assert store.read("ada").version == 2


def test_concurrent_writers_that_retry_lose_no_turn(store):
    """Each writer re-reads after a Conflict: every one of the 40 increments lands."""
    store.write("ada", {"count": 0}, 0)

    def play() -> None:
        for _ in range(5):
            while True:
                stored = store.read("ada")
                try:
                    store.write("ada", {"count": stored.state["count"] + 1}, stored.version)
                    break
                except Conflict:
                    continue

    threads = [threading.Thread(target=play) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.read("ada") == Stored({"count": 40}, 41)


def test_a_state_that_is_not_json_data_is_refused_and_nothing_is_stored(store):
    with pytest.raises(TypeError):
        store.write("ada", {"bad": object()}, 0)
    assert store.read("ada") is None


@pytest.mark.parametrize("url", [
    "", "nonsense", "ftp://example.org/x", "memory://somewhere", "sqlite://host/file.db", "sqlite:",
    "sqlite:///", 42,
])
def test_a_bad_url_is_a_value_error_that_says_what_to_write(url):
    with pytest.raises(ValueError) as raised:
        open_store(url)
    message = str(raised.value)
    assert "memory://" in message or "sqlite:///" in message
    assert message.endswith(".")


def test_two_stores_on_one_url_see_the_same_games(store_url):
    """What lets several workers or machines serve one player: any of them reads what another wrote."""
    if store_url == "memory://":
        pytest.skip("a memory store is one process's own")
    first, second = open_store(store_url), open_store(store_url)
    first.write("ada", {"turn": 1}, 0)
    second.write("ada", {"turn": 2}, 1)
    second.save("ada", "slot", {"turn": 2}, "two")
    with pytest.raises(Conflict):
        first.write("ada", {"turn": "stale"}, 1)
    assert first.read("ada") == Stored({"turn": 2}, 2)
    assert first.load("ada", "slot") == {"turn": 2}
    first.close()
    second.close()


@pytest.mark.parametrize("url, server", [
    ("postgresql://player:hunter2@127.0.0.1:1/games", "127.0.0.1:1/games"),
    ("redis://:hunter2@127.0.0.1:1/0", "127.0.0.1:1/0"),
])
def test_a_server_that_cannot_be_reached_is_a_plain_value_error_without_the_password(url, server):
    pytest.importorskip("psycopg" if url.startswith("postgresql") else "redis")
    with pytest.raises(ValueError) as raised:
        open_store(url)
    assert server in str(raised.value)
    assert "hunter2" not in str(raised.value)
