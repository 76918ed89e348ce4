"""What the player can refer to where they stand: the things in reach, each as the plain mapping
the parser's Thing is made from. The world service answers DescribeScope with it; the audit reads
it for every room without a bus."""

from __future__ import annotations

from typing import Any

from elysium.content.model import Content
from elysium.state import places
from elysium.state.conditions import render


def things_in_scope(state: dict[str, Any], content: Content) -> list[dict[str, Any]]:
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
        things.append({
            "id": item.id, "name": item.name, "nouns": list(item.nouns), "adjectives": list(item.adjectives),
            "kind": "door" if item.door else "item", "carried": places.is_carried(state, thing_id),
            "worn": bool(entry.get("worn")), "portable": item.portable, "wearable": item.wearable,
            "plural": item.plural, "in_room": entry["at"] == state["location"] or bool(item.door),
            "holds": places.contents(state, f"in:{item.id}") + places.contents(state, f"on:{item.id}"),
            "held_by": places.holder_of(state, content, item.id),
            "lightable": (item.light and not entry.get("lit")) or ("light", item.id) in content.rules_by_target,
        })
    return things
