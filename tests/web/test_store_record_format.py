"""The records the stores keep: written with orjson when it is installed, read back exactly, and
readable either way by the standard library's json (records written before, or where orjson is
missing), which stays the floor."""

from __future__ import annotations

import json

import pytest

from elysium.content import load_content
from elysium.web.play import Table
from elysium.web.store import model
from elysium.web.store.memory import MemoryStore

orjson = pytest.importorskip("orjson", reason="orjson is not installed: the standard library does the work")


@pytest.fixture(scope="module")
def record():
    """A live campus game's record after a few turns, as the service stores it."""
    table = Table(load_content(None, ()))
    game = table.new_game(MemoryStore(), "ada")
    for line in ("look", "east", "inventory", "west"):
        game.turn(line)
    return json.loads(json.dumps(table.record_of(game)))  # plain data, as a store gives it back


def test_a_record_is_written_by_orjson_and_read_back_exactly(record, monkeypatch):
    written, dumps = [], orjson.dumps
    monkeypatch.setattr(model.orjson, "dumps", lambda value: written.append(value) or dumps(value))
    text = model.encode(record)
    assert written == [record]
    assert model.decode(text) == record
    assert model.decode(text.encode("utf-8")) == record  # stores that hand back bytes


def test_a_record_written_before_by_json_is_read_the_same(record):
    before = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    assert model.decode(before) == record
    assert model.decode(" " + before) == record


def test_without_orjson_records_are_still_read_and_written(record, monkeypatch):
    with_orjson = model.encode(record)
    monkeypatch.setattr(model, "orjson", None)
    assert model.decode(with_orjson) == record
    assert json.loads(model.encode(record)) == record


@pytest.mark.parametrize("state, expected", [
    ({1: "a"}, {"1": "a"}),  # keys that are not text: json's own reading of them
    ({"huge": 2**70}, {"huge": 2**70}),  # past 64 bits: kept exact, not turned into a float
])
def test_what_orjson_will_not_write_exactly_json_writes(state, expected):
    text = model.encode(state)
    read = model.decode(text)
    assert read == expected
    assert [type(value) for value in read.values()] == [type(value) for value in expected.values()]


def test_a_json_nan_record_written_before_is_read():
    read = model.decode('{"x":NaN}')
    assert read["x"] != read["x"]
