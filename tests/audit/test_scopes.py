"""The audit reads each room's scope from the state's index (elysium/audit/scopes.py), not by
asking the world service over the bus as a turn does: the same things, in the same order, in every
room of the campus, the examples and the packs made for the tests, lit or dark, with everyone who
can be there and with the player holding things."""

from __future__ import annotations

import pytest

from elysium.audit import scenery
from elysium.audit.scopes import things_here
from elysium.content import load_content
from elysium.content.loader import default_content_dir
from elysium.engine import Game
from elysium.state.places import change_item, move_npc
from audit_support import FIXTURES, packs_with

PACKS = packs_with(
    "audit_scenery", "audit_allowed", "scenery", "world", "people2", "parser", "light", "travel",
    "rules", "engine2", "verbs")


@pytest.mark.parametrize(("game", "mods"), PACKS)
@pytest.mark.parametrize("lit", [True, False], ids=["lit", "as-written"])
def test_each_room_s_scope_is_what_the_world_service_answers(game, mods, lit):
    content = load_content(game or default_content_dir(), mods)
    played = Game.from_content(content)
    if lit:
        played.state["lighting"] = {room_id: True for room_id in content.rooms}
    people = scenery._people_by_room(content)
    compared = 0
    for room_id in content.rooms:
        played.state["location"] = room_id
        for npc in people.get(room_id, ()):
            move_npc(played.state, npc.id, room_id)
        assert things_here(played) == played.scope(), room_id
        compared += len(played.scope())
    # and with every portable thing of the world in the player's hands
    for item in content.items.values():
        if item.portable:
            change_item(played.state, item.id, at="player")
    assert things_here(played) == played.scope()
    assert compared or not lit


def test_the_audit_asks_the_bus_for_no_scope(monkeypatch):
    from elysium.audit import run

    monkeypatch.setattr(Game, "scope", lambda self: pytest.fail("the audit asked the world service for a scope"))
    assert run.audit(FIXTURES / "audit_scenery").findings


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_the_reply_checks_find_the_same_with_the_room_checks_scopes_as_with_their_own(monkeypatch, game, mods):
    content = load_content(game or default_content_dir(), mods)
    own = scenery.reply_gaps(content)
    shared = scenery.Scopes()
    scenery.scenery_coverage(content, scopes=shared)
    made = []
    monkeypatch.setattr(scenery, "things_here", lambda played: made.append(1) or things_here(played))
    assert scenery.reply_gaps(content, scopes=shared) == own
    assert not made  # every room with people was read by the room checks already
