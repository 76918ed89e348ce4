"""A content `move` never puts a thing inside itself: at run time such a move is skipped (and
logged), so the world's containment never becomes a loop, whatever got past validation."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from elysium.content import load_content
from elysium.content.model import Rule
from elysium.engine import Game
from elysium.state import places

from engine_walks import FIXTURE_WORLD

FIXTURE = load_content(FIXTURE_WORLD)


def game_where_nap_does(*effects: dict) -> Game:
    """The fixture world, with NAP doing `effects` (as content that was never validated would)."""
    nap = Rule("nap", ("nap",), effects=effects)
    content = dataclasses.replace(FIXTURE, rules={**FIXTURE.rules, "nap": nap}, rules_by_verb={},
                                  rules_by_target={}, doors_by_room={}, schedule_times=[])
    game = Game.from_content(content, seed=1)
    game.opening()
    return game


def container_loops(game: Game) -> list[str]:
    """Items whose chain of holders comes back to them."""
    return [item for item in game.state["items"]
            if places.outermost(game.state, item) == ("nowhere", False) and game.state["items"][item]["at"] != "nowhere"]


@pytest.mark.parametrize("effects, moved, stays", [
    (({"move": "oak_chest", "to": {"in": "oak_chest"}},), "oak_chest", "vestibule"),
    (({"move": "music_stand", "to": {"on": "music_stand"}},), "music_stand", "practice_hall"),
    # the beads lie in the basket: the basket cannot go into them
    (({"move": "wicker_basket", "to": {"in": "glass_beads"}},), "wicker_basket", "vestibule"),
    # two deep: the key lies in the chest, which the first effect puts in the basket
    (({"move": "oak_chest", "to": {"in": "wicker_basket"}}, {"move": "wicker_basket", "to": {"in": "iron_key"}}),
     "wicker_basket", "vestibule"),
], ids=["into-itself", "onto-itself", "into-what-it-holds", "into-what-it-holds-two-deep"])
def test_a_move_into_itself_is_skipped_and_logged(effects, moved, stays, caplog):
    game = game_where_nap_does(*effects, {"say": "You stretch."})

    reply = game.turn("nap")

    assert "You stretch." in reply  # the rest of the rule goes on
    assert game.state["items"][moved]["at"] == stays
    assert container_loops(game) == []
    assert any(r.levelno == logging.WARNING and "refused to move" in r.getMessage() and "rule 'nap'" in r.getMessage()
               for r in caplog.records)
    assert game.errors == []
    assert game.turn("look").startswith("Vestibule")


def test_a_move_into_something_else_still_happens():
    game = game_where_nap_does({"move": "iron_key", "to": {"in": "wicker_basket"}},
                               {"move": "wicker_basket", "to": {"on": "tally_slate"}})
    game.turn("nap")
    assert game.state["items"]["iron_key"]["at"] == "in:wicker_basket"
    assert game.state["items"]["wicker_basket"]["at"] == "on:tally_slate"


def test_the_player_still_cannot_put_a_thing_inside_itself():
    game = game_where_nap_does()
    game.turn("take basket")  # a container: what holds nothing says so first ("put lily on pool")
    assert game.turn("put basket in basket") == "You can't put something inside itself."
