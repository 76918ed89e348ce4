"""The live record keeps only the items a player changed: the items' table is most of a state, and
written whole it was most of what every turn encoded and stored. A record rebuilds the very same
game, and a record written before (the whole table in it) is still read."""

from __future__ import annotations

import json

import pytest

from elysium.content import load_content
from elysium.web.play import ITEM_CHANGES, Table
from elysium.web.store.memory import MemoryStore


@pytest.fixture(scope="module")
def table():
    return Table(load_content(None, ()))


def stored(record: dict) -> dict:
    return json.loads(json.dumps(record))  # plain data, as a store gives it back


def played(table: Table, *lines: str):
    game = table.new_game(MemoryStore(), "ada")
    for line in lines:
        game.turn(line)
    return game


def test_a_record_holds_only_the_items_the_player_changed(table):
    fresh = table.record_of(table.new_game(MemoryStore(), "bea"))
    assert fresh["state"]["items"] == {} and fresh[ITEM_CHANGES] == {}
    game = played(table, "show letter to warden")
    record = table.record_of(game)
    changed = record["state"]["items"]
    assert changed and set(changed) < set(game.state["items"])
    assert all(changed[item_id] == game.state["items"][item_id] for item_id in changed)
    assert len(json.dumps(record)) < len(json.dumps({**record, "state": game.state})) / 3


def test_a_record_rebuilds_the_very_same_game(table):
    game = played(table, "show letter to warden", "north", "inventory", "wait")
    again = table.game_from(stored(table.record_of(game)), MemoryStore(), "ada")
    assert again.state == game.state
    assert list(again.state["items"]) == list(game.state["items"])  # the content's order
    assert list(again.state) == list(game.state)
    assert again.turn("look") == game.turn("look")
    assert again.turn("undo") == game.turn("undo")


def test_an_item_the_game_no_longer_has_stays_gone(table):
    game = played(table, "show letter to warden")
    gone = next(iter(game.state["items"]))
    del game.state["items"][gone]
    record = stored(table.record_of(game))
    assert record[ITEM_CHANGES] == {"gone": [gone]}
    assert gone not in table.whole(record)["state"]["items"]


def test_a_record_written_before_with_every_item_is_read_as_it_is(table):
    game = played(table, "show letter to warden", "north")
    record = stored(table.record_of(game))
    before = {key: value for key, value in record.items() if key != ITEM_CHANGES}
    before["state"] = json.loads(json.dumps(game.state))
    again = table.game_from(before, MemoryStore(), "ada")
    assert again.state == game.state
    assert again.turn("look") == game.turn("look")
