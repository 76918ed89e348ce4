"""How the world looks: rooms, things and the player's belongings put into words."""

from __future__ import annotations

from typing import Any

from elysium.bus import Context
from elysium.content.model import Content, Item
from elysium.content.words import capitalised, definite, indefinite, listed
from elysium.state import places
from elysium.state.conditions import render
from elysium.state.text import say

DARKNESS = "Darkness"


def text(ctx: Context, value: Any) -> str:
    return render(value, ctx.state, ctx.content)


def name_of(content: Content, thing_id: str) -> str:
    thing = content.thing(thing_id)
    return thing.name if thing else thing_id


def the(content: Content, thing_id: str) -> str:
    return definite(name_of(content, thing_id))


def The(content: Content, thing_id: str) -> str:  # noqa: N802 - reads as the sentence it starts
    return capitalised(the(content, thing_id))


def be(content: Content, thing_id: str) -> str:
    """'is', or 'are' for a plural item ("the glass beads are ...")."""
    item = content.items.get(thing_id)
    return "are" if item is not None and item.plural else "is"


def verb_s(content: Content, thing_id: str, verb: str) -> str:
    """'fits' or 'fit', 'has' or 'have', agreeing with the thing."""
    item = content.items.get(thing_id)
    if item is None or not item.plural:
        return verb
    return {"has": "have", "does": "do"}.get(verb, verb[:-1] if verb.endswith("s") else verb)


def a(content: Content, item_id: str) -> str:
    item = content.items.get(item_id)
    return indefinite(item.name, item.plural) if item else name_of(content, item_id)


def room_text(ctx: Context) -> str:
    """The full description of the player's room, as LOOK shows it."""
    state, content = ctx.state, ctx.content
    room = content.rooms[state["location"]]
    if not places.has_light(state, content, room.id):
        return f"{DARKNESS}\n{say('light.dark_room', ctx.state, ctx.content)}"
    lines = [room.name, text(ctx, room.description)]
    listed_items = []
    for item_id in places.contents(state, room.id):
        item = content.items[item_id]
        if item.scenery or item.door:
            continue
        if item.here and state["items"][item_id]["at"] == item.location:
            lines.append(text(ctx, item.here))
        else:
            listed_items.append(a(content, item_id))
    if listed_items:
        lines.append(f"You can also see {listed(listed_items)} here.")
    for item_id in places.contents(state, room.id):
        if holding := holder_text(ctx, content.items[item_id], with_scenery=False):
            lines.append(holding)
    for npc_id in places.npcs_in(state, room.id):
        npc = content.npcs[npc_id]
        lines.append(text(ctx, npc.here) if npc.here else f"{capitalised(definite(npc.name))} is here.")
    if shown := [way for way, exit_ in room.exits.items() if not exit_.hidden]:  # hidden: secret or refusal-only
        lines.append(f"Exits: {', '.join(shown)}.")
    return "\n".join(line for line in lines if line)


def holder_text(ctx: Context, item: Item, with_scenery: bool = True) -> str:
    """'On the table you see a cup.' for a supporter or an open container with things in it.
    A room's description leaves out scenery, which its own prose already mentions."""
    state, content = ctx.state, ctx.content

    def held_at(place: str) -> list[str]:
        return [i for i in places.contents(state, place) if with_scenery or not content.items[i].scenery]

    if item.supporter:
        held = held_at(f"on:{item.id}")
        if held:
            return f"On {definite(item.name)} you see {listed([a(content, i) for i in held])}."
    if item.container and state["items"][item.id].get("open", True):
        held = held_at(f"in:{item.id}")
        if held:
            return f"In {definite(item.name)} you see {listed([a(content, i) for i in held])}."
    return ""


def examine_text(ctx: Context, thing_id: str) -> str:
    state, content = ctx.state, ctx.content
    thing = content.thing(thing_id)
    lines = [text(ctx, thing.description)]
    if thing_id in content.items:
        item = content.items[thing_id]
        entry = state["items"][thing_id]
        if item.openable or item.door:
            status = "open" if entry.get("open") else ("closed and locked" if entry.get("locked") else "closed")
            lines.append(f"{The(content, thing_id)} {be(content, thing_id)} {status}.")
        if item.light:
            lines.append(f"{The(content, thing_id)} {be(content, thing_id)} {'alight' if entry.get('lit') else 'not lit'}.")
        if entry.get("worn"):
            lines.append("You are wearing it.")
        if item.container and not entry.get("open", True):
            pass
        elif holding := holder_text(ctx, item):
            lines.append(holding)
        elif item.container:
            lines.append(f"{The(content, thing_id)} {be(content, thing_id)} empty.")
    return "\n".join(lines)


def inventory_text(ctx: Context) -> str:
    state, content = ctx.state, ctx.content
    carried = places.contents(state, "player")
    if not carried:
        return say("world.empty_inventory", state, content)
    lines = ["You are carrying:"]

    def walk(item_id: str, depth: int) -> None:
        note = " (worn)" if state["items"][item_id].get("worn") else ""
        if state["items"][item_id].get("lit") and content.items[item_id].light:
            note += " (alight)"
        lines.append(f"{'  ' * depth}{a(content, item_id)}{note}")
        item = content.items[item_id]
        if item.supporter:
            for inner in places.contents(state, f"on:{item_id}"):
                walk(inner, depth + 1)
        if item.container and state["items"][item_id].get("open", True):
            for inner in places.contents(state, f"in:{item_id}"):
                walk(inner, depth + 1)

    for item_id in carried:
        walk(item_id, 1)
    return "\n".join(lines)
