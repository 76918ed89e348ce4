"""What the player can refer to where the audit has put them, read from the state's index of where
everything is, as the world service reads it for a turn (services/world, `describe_scope`), but
made into the parser's things at once: a turn asks once, the audit once a room, and the bus's
message of plain mappings made every room's scope three times over (tests/audit/test_scopes.py
holds the two to the same things in every room)."""

from __future__ import annotations

from elysium import parser
from elysium.engine import Game
from elysium.state import places
from elysium.state.conditions import render


def things_here(game: Game) -> list[parser.Thing]:
    """`game.scope()`, for the player where `game.state` puts them."""
    state, content = game.state, game.content
    things = []
    for thing_id in places.things_in_reach(state, content, state["location"]):
        npc = content.npcs.get(thing_id)
        if npc is not None:
            things.append(parser.Thing(npc.id, npc.name, tuple(npc.nouns), tuple(npc.adjectives), kind="npc"))
            continue
        item = content.items[thing_id]
        if item.person_scenery and not render(item.description, state, content):
            continue  # what a person has only at times (a bowl at breakfast), and not now
        entry = state["items"][thing_id]
        things.append(parser.Thing(
            item.id, item.name, tuple(item.nouns), tuple(item.adjectives), kind="door" if item.door else "item",
            carried=places.is_carried(state, thing_id), worn=bool(entry.get("worn")), portable=item.portable,
            wearable=item.wearable, plural=item.plural, in_room=entry["at"] == state["location"] or bool(item.door),
            holds=tuple(places.contents(state, f"in:{item.id}") + places.contents(state, f"on:{item.id}")),
            held_by=places.holder_of(state, content, item.id),
            lightable=(item.light and not entry.get("lit")) or ("light", item.id) in content.rules_by_target))
    return things
