"""The store's index and undo journal: every query through the index agrees with a scan of the
plain state, and checkpoints rewind exactly, across every playthrough the project has."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.content import Content
from elysium.engine import Game
from elysium.state import places
from elysium.state.store import Store, copy_state
from elysium.transcript.parser import parse_transcript

PLAYTHROUGHS = sorted((Path(__file__).parents[1] / "playthroughs").rglob("*.regtest"))


def small_state() -> Store:
    return Store({
        "location": "hall", "flags": {"bell": True}, "visits": {"hall": 1},
        "items": {"box": {"at": "hall", "open": False}, "coin": {"at": "in:box"},
                  "lamp": {"at": "player", "lit": False}, "cup": {"at": "hall"}},
        "npcs": {"warden": {"at": "hall"}, "singer": {"at": "yard"}},
    })


# -- the same questions answered by reading every entry, as the index must agree -----------------

def contents_by_scan(state: dict, place: str) -> list[str]:
    return [item_id for item_id, item in state["items"].items() if item["at"] == place]


def npcs_by_scan(state: dict, room: str) -> list[str]:
    return [npc_id for npc_id, npc in state["npcs"].items() if npc["at"] == room]


def light_by_scan(state: dict, content: Content, room: str) -> bool:
    if not places.is_dark(state, content, room):
        return True
    return any(entry.get("lit") and content.items[item_id].light
               and shining_by_scan(state, content, item_id) in (room, "player")
               for item_id, entry in state["items"].items())


def shining_by_scan(state: dict, content: Content, item_id: str) -> str:
    """Where a light's light reaches: up through supporters and open or transparent containers."""
    place = state["items"][item_id]["at"]
    while place.startswith(("in:", "on:")):
        holder = place[3:]
        if place.startswith("in:") and not state["items"][holder].get("open", True) \
                and not content.items[holder].transparent:
            return "nowhere"
        place = state["items"][holder]["at"]
    return place


def reach_by_scan(state: dict, content: Content, room: str) -> list[str]:
    lit = light_by_scan(state, content, room)
    roots = ("player", room) if lit else ("player",)
    found = [item_id for item_id in state["items"]
             if places.outermost(state, item_id)[1] and places.outermost(state, item_id)[0] in roots]
    if not lit:  # and in the dark, what the game lets the player find there
        found += [item_id for item_id in state["items"] if content.items[item_id].findable_in_dark
                  and places.outermost(state, item_id) == (room, True)]
    if lit:
        found += [door for door in content.doors_by_room.get(room, ()) if door not in found]
        people = npcs_by_scan(state, room)
        found += people
        found += [item_id for item_id in state["items"]  # what they hold, seen
                  if places.outermost(state, item_id)[1] and places.outermost(state, item_id)[0] in people]
    return found


def agrees_with_a_scan(store: Store) -> None:
    """Whatever the index answers, a plain copy of the same state answers alike by scanning."""
    plain = copy_state(store)
    known = {entry["at"] for entry in plain["items"].values()} | {"player", "nowhere", plain["location"]}
    for place in known:
        assert places.contents(store, place) == contents_by_scan(plain, place), place
    for room in {entry["at"] for entry in plain["npcs"].values()} | {plain["location"]}:
        assert places.npcs_in(store, room) == npcs_by_scan(plain, room), room
    assert sorted(store.lit()) == sorted(i for i, e in plain["items"].items() if e.get("lit"))


def test_the_index_answers_in_content_order_and_follows_every_change() -> None:
    store = small_state()
    assert places.contents(store, "hall") == ["box", "cup"]
    places.change_item(store, "box", at="player")
    places.change_item(store, "box", at="hall")
    assert places.contents(store, "hall") == ["box", "cup"]  # content order, not arrival order
    places.change_item(store, "lamp", lit=True)
    places.move_npc(store, "singer", "hall")
    assert store.lit() == ["lamp"]
    assert places.npcs_in(store, "hall") == ["warden", "singer"]
    agrees_with_a_scan(store)


def test_a_checkpoint_rewinds_exactly_what_changed_since_it_began() -> None:
    store = small_state()
    before = copy_state(store)
    checkpoint = store.begin()
    places.change_item(store, "coin", at="player")
    places.change_item(store, "box", open=True)
    store["flags"]["gate"] = True
    store["location"] = "yard"
    store.end(checkpoint)
    assert checkpoint["items"] == {"coin": {"at": "in:box"}, "box": {"at": "hall", "open": False}}
    assert checkpoint["npcs"] == {}
    places.change_item(store, "cup", at="player")  # after the checkpoint ended: not its business
    store.rewind(checkpoint)
    assert store == {**before, "items": {**before["items"], "cup": {"at": "player"}}}
    agrees_with_a_scan(store)


def test_checkpoints_rewind_newest_first_back_to_the_start() -> None:
    store = small_state()
    before = copy_state(store)
    first = store.begin()
    places.change_item(store, "coin", at="player")
    store.end(first)
    second = store.begin()
    places.change_item(store, "coin", at="hall")
    places.move_npc(store, "warden", "yard")
    store.end(second)
    store.rewind(second)
    store.rewind(first)
    assert store == before
    agrees_with_a_scan(store)


def test_a_checkpoint_open_while_the_whole_state_is_replaced_still_rewinds() -> None:
    store = small_state()
    before = copy_state(store)
    checkpoint = store.begin()
    places.change_item(store, "coin", at="player")
    store.replace({**copy_state(before), "location": "yard", "items": {"pin": {"at": "yard"}}})
    assert places.contents(store, "yard") == ["pin"]
    store.rewind(checkpoint)
    assert store == before
    agrees_with_a_scan(store)


def test_an_outer_checkpoint_sees_what_an_inner_rewind_put_back() -> None:
    store = small_state()
    before = copy_state(store)
    outer = store.begin()
    inner = store.begin()
    places.change_item(store, "cup", at="player")
    store.rewind(inner)
    places.change_item(store, "coin", at="hall")
    store.rewind(outer)
    assert store == before


def test_checkpoints_share_what_did_not_change_and_rewind_to_what_each_began_with() -> None:
    store = small_state()
    first = store.begin()
    store["flags"]["gate"] = True  # changed in place: the first checkpoint's copy must not see it
    store["location"] = "yard"
    store.end(first)
    second = store.begin()
    store["visits"]["yard"] = 1
    store.end(second)
    third = store.begin()
    store.end(third)
    assert second["rest"]["visits"] is first["rest"]["visits"]  # equal: shared, not copied again
    assert second["rest"]["flags"] is not first["rest"]["flags"]
    assert third["rest"]["flags"] is second["rest"]["flags"] and third["rest"]["visits"] is not second["rest"]["visits"]
    assert first["rest"]["flags"] == {"bell": True} and first["rest"]["location"] == "hall"
    assert second["rest"]["flags"] == {"bell": True, "gate": True} and second["rest"]["visits"] == {"hall": 1}
    store.rewind(third)
    store["visits"]["cellar"] = 4  # a rewound state is a copy: the checkpoints keep their own
    store.rewind(second)
    assert store["visits"] == {"hall": 1} and second["rest"]["visits"] == {"hall": 1}
    store.rewind(first)
    assert store["flags"] == {"bell": True} and store["location"] == "hall"


def test_a_value_equal_in_another_type_is_copied_not_shared() -> None:
    store = small_state()
    store["counter"] = 1
    first = store.begin()
    store["counter"] = True  # equal to 1 in Python, and still another value
    second = store.begin()
    assert second["rest"]["counter"] is True and first["rest"]["counter"] == 1


@pytest.mark.parametrize("path", PLAYTHROUGHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_index_stays_true_through_every_playthrough(path: Path) -> None:
    transcript = parse_transcript(path)
    for test in transcript.tests:
        game = Game.new(content=transcript.content, seed=transcript.seed, mods=transcript.mods)
        game.opening()
        for step in test.steps:
            if step.command is not None:
                game.turn(step.command)
            agrees_with_a_scan(game.state)
            here, plain = game.state["location"], copy_state(game.state)
            assert places.things_in_reach(game.state, game.content, here) == reach_by_scan(plain, game.content, here), \
                step.label
            assert places.has_light(game.state, game.content, here) == light_by_scan(plain, game.content, here)
        assert game.errors == []
