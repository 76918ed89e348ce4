"""A room's exits (model.Ways): read as the dict of Exits they stand for, kept as one flat tuple."""

from __future__ import annotations

import copy
import io
import pickle
from collections.abc import Mapping
from dataclasses import replace

import pytest

from elysium.content import cache, model
from elysium.content.model import Exit, Room, Ways

GUARDED = Exit("in", "vault", door="vault_door")
EXITS = {"north": Exit("north", "up"),  # a room whose id is a direction
         "in": GUARDED, "up": Exit("up", None), "fore": Exit("down", "cellar"),  # keyed otherwise
         "west": Exit("west", "yard", hidden=True)}


def test_ways_read_as_the_dict_they_stand_for():
    ways = Ways(EXITS)
    assert isinstance(ways, Mapping)
    assert ways == EXITS and EXITS == ways and not ways != EXITS
    assert list(ways) == list(EXITS) == list(ways.keys()) and len(ways) == 5
    assert list(ways.values()) == list(EXITS.values()) and list(ways.items()) == list(EXITS.items())
    assert ways["north"] == Exit("north", "up") and ways["in"] is GUARDED and ways["fore"].direction == "down"
    assert "north" in ways and "up" in ways and "vault" not in ways and "yard" not in ways
    assert ways.get("up") == Exit("up", None) and ways.get("south") is None and ways.get("south", 1) == 1
    with pytest.raises(KeyError):
        ways["up".upper()]
    assert ("in", GUARDED) in ways.items() and GUARDED in ways.values()
    assert ways.keys() == EXITS.keys() and ways.items() == EXITS.items()
    assert repr(ways) == repr(EXITS)
    with pytest.raises(TypeError):
        hash(ways)
    assert Ways() == {} and not Ways() and Ways(EXITS.items()) == ways


def test_ways_are_equal_as_dicts_are():
    ways = Ways(EXITS)
    assert ways == Ways(dict(reversed(EXITS.items())))  # in another order, as two dicts would be
    assert ways != {**EXITS, "north": Exit("north", "down")} and ways != {**EXITS, "south": Exit("south", "x")}
    assert ways != Ways({**EXITS, "up": Exit("up", None, hidden=True)}) and ways != list(EXITS)


def test_a_room_with_ways_equals_one_with_their_dict_and_pickles_and_copies_as_itself():
    room = Room("hall", "Hall", "A hall.", Ways(EXITS))
    with_dict = replace(room, exits=dict(EXITS))
    assert room == with_dict and repr(room) == repr(with_dict)
    for back in (pickle.loads(pickle.dumps(room)), pickle.loads(pickle.dumps(with_dict)), copy.deepcopy(room)):
        assert type(back.exits) is Ways and back == room and list(back.exits) == list(EXITS)
    assert type(copy.deepcopy(room.exits)) is Ways and copy.deepcopy(room.exits) == EXITS
    assert cache._ModelOnly(io.BytesIO(pickle.dumps(room.exits))).load() == EXITS


@pytest.mark.parametrize("name", ["attrgetter", "cached_property", "ItemsView", "Mapping", "Any"])
def test_the_cache_refuses_what_the_model_imports_and_is_not_of_the_model(name):
    # model.py imports these classes; only its own are content (model.ItemsView(...) could be made)
    assert hasattr(model, name)
    with pytest.raises(pickle.UnpicklingError, match="not part of the content model"):
        cache._ModelOnly(io.BytesIO(b"")).find_class(model.__name__, name)
    assert cache._ModelOnly(io.BytesIO(b"")).find_class(model.__name__, "Ways") is Ways


def test_where_the_ways_lead_is_read_alike_from_ways_and_from_a_dict():
    assert model.leads_to(Ways(EXITS)) == model.leads_to(EXITS) == ["up", "vault", None, "cellar", "yard"]


def test_ways_written_from_their_fields_hold_what_ways_made_from_exits_hold():
    # the loader's way: no Exit is made for a plain way out
    fields = [("north", "up", None, None, None, False), ("in", "vault", "vault_door", None, None, False),
              ("up", None, None, None, None, False), ("west", "yard", None, None, None, True)]
    exits = {values[0]: Exit(*values) for values in fields}
    written = Ways.written(fields)
    assert written == exits and written._flat == Ways(exits)._flat
    assert [type(way) for way in written._flat[1::2]] == [str, Exit, type(None), Exit]
