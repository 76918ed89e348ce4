"""The world service: rooms, exits, doors, things, light and darkness, and where everyone is."""

from __future__ import annotations

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import DescribeScope, Look, Narration, ScopeReply
from elysium.state import places
from elysium.state.conditions import render
from elysium.services.world.describe import room_text
from elysium.services.world.light import Lighting
from elysium.services.world.actions import ActionHandling
from elysium.services.world.movement import Movement
from elysium.services.world.player import Player
from elysium.services.world.things import ThingHandling
from elysium.services.world.travel import Travel
from elysium.services.world.ways_out import WaysOut


class World(ThingHandling, ActionHandling, Lighting, Movement, Player, Travel, WaysOut, Service):
    name = "world"

    @handles(Look)
    def look(self, msg: Look, ctx: Context) -> Narration:
        return Narration(room_text(ctx), minutes=1)

    @handles(DescribeScope)
    def describe_scope(self, msg: DescribeScope, ctx: Context) -> ScopeReply:
        state, content = ctx.state, ctx.content
        things = []
        for thing_id in places.things_in_reach(state, content, state["location"]):
            if thing_id in content.npcs:
                npc = content.npcs[thing_id]
                things.append({"id": npc.id, "name": npc.name, "nouns": list(npc.nouns),
                               "adjectives": list(npc.adjectives), "kind": "npc", "in_room": True})
                continue
            item = content.items[thing_id]
            if item.person_scenery and not render(item.description, state, content):
                continue  # what a person has only at times (a bowl at breakfast), and not now
            entry = state["items"][thing_id]
            carried = places.is_carried(state, thing_id)
            things.append({
                "id": item.id, "name": item.name, "nouns": list(item.nouns), "adjectives": list(item.adjectives),
                "kind": "door" if item.door else "item", "carried": carried,
                "worn": bool(entry.get("worn")), "portable": item.portable, "wearable": item.wearable,
                "plural": item.plural, "in_room": entry["at"] == state["location"] or bool(item.door),
                "holds": places.contents(state, f"in:{item.id}") + places.contents(state, f"on:{item.id}"),
                "held_by": places.holder_of(state, content, item.id),
                "lightable": (item.light and not entry.get("lit")) or ("light", item.id) in content.rules_by_target,
            })
        return ScopeReply(tuple(things))
