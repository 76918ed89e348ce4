"""How the world looks: rooms, things and the player's belongings put into words."""

from __future__ import annotations

from types import SimpleNamespace
from collections.abc import Iterable
from typing import Any

from elysium.bus import Context
from elysium.content.model import Content, Item, Room
from elysium.content.words import capitalised, definite, indefinite, listed
from elysium.state import places
from elysium.state.conditions import render
from elysium.state.text import say


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


def named(content: Content, thing_id: str) -> Any:
    """The item or person `thing_id`, for a sentence's `{the ...}` (a stand-in named by the id when
    there is none)."""
    thing = content.thing(thing_id)
    return thing if thing is not None else SimpleNamespace(name=thing_id, plural=False)


def thing_words(content: Content, thing_id: str) -> dict[str, Any]:
    """A sentence's `{noun}` and the verb forms that agree with it: `{is}`, `{has}`, `{does}`."""
    item = content.items.get(thing_id)
    plural = item is not None and item.plural
    return {"noun": named(content, thing_id), "is": "are" if plural else "is",
            "has": "have" if plural else "has", "does": "do" if plural else "does"}


def tell(ctx: Context, key: str, thing_id: str, /, **more: Any) -> str:
    """The engine's sentence `key` about the thing `thing_id` (its `{noun}`), with `more` parameters."""
    return say(key, ctx.state, ctx.content, **thing_words(ctx.content, thing_id), **more)


def a(content: Content, item_id: str) -> str:
    item = content.items.get(item_id)
    return indefinite(item.name, item.plural) if item else name_of(content, item_id)


def room_text(ctx: Context, description: str | None = None, with_exits: bool = True) -> str:
    """The full description of the player's room, as LOOK shows it; `description` in place of
    the room's own ("" for none: a brief description)."""
    state, content = ctx.state, ctx.content
    room = content.rooms[state["location"]]
    if not places.has_light(state, content, room.id):
        name = say("light.darkness_name", state, content)
        return "\n".join(t for t in (name, say("light.dark_room", state, content)) if t)
    lines = [room_name(ctx, room), text(ctx, room.description) if description is None else description]
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
        lines.append(say("world.also_here", state, content, things=listed(listed_items)))
    for item_id in places.contents(state, room.id):
        if holding := holder_text(ctx, content.items[item_id], with_scenery=False):
            lines.append(holding)
    for npc_id in places.npcs_in(state, room.id):
        npc = content.npcs[npc_id]
        lines.append(text(ctx, npc.here) if npc.here else say("world.person_here", state, content, noun=npc))
    if with_exits and (shown := room.shown_exits):  # hidden ones (secret or refusal-only) are left out
        lines.append(say("world.exits", state, content, exits=", ".join(exit_words(content, shown))))
    return "\n".join(line for line in lines if line)


def room_name(ctx: Context, room: Room) -> str:
    """The room's name as it reads now (a name with variants follows its conditions)."""
    return (text(ctx, room.names) or room.name) if room.names else room.name


def arrival_text(ctx: Context, passing: bool = False) -> str:
    """What the player sees on arriving: the room's `arrival` text in place of its description
    when that holds, else the description as the player's mode has it (VERBOSE: always; BRIEF:
    on the first visit; SUPERBRIEF: never), with the rest of the room as LOOK shows it. A room
    GO TO only passes through (`passing`) is named with who and what is there, whatever the mode."""
    state, content = ctx.state, ctx.content
    room = content.rooms[state["location"]]
    if passing:
        return room_text(ctx, "", with_exits=False)
    arrival = text(ctx, room.arrival) if room.arrival else ""
    if arrival:
        return room_text(ctx, arrival)
    mode = state.get("room_descriptions", content.game.room_descriptions)
    if mode == "verbose" or (mode == "brief" and state["visits"].get(room.id, 0) <= 1):
        return room_text(ctx)
    return room_text(ctx, "")


def exit_words(content: Content, directions: Iterable[str]) -> list[str]:
    """Directions as the game calls them: its own first word for one (`fore` for north) if it has one."""
    words = content.game.directions
    if not words:
        return list(directions)
    shown: dict[str, str] = {}
    for word, direction in words.items():
        shown.setdefault(direction, word)
    return [shown.get(direction, direction) for direction in directions]


def holder_text(ctx: Context, item: Item, with_scenery: bool = True) -> str:
    """'On the table you see a cup.' for a supporter or an open container with things in it.
    A room's description leaves out scenery, which its own prose already mentions."""
    state, content = ctx.state, ctx.content

    def held_at(place: str) -> list[str]:
        return [i for i in places.contents(state, place) if with_scenery or not content.items[i].scenery]

    if item.supporter:
        held = held_at(f"on:{item.id}")
        if held:
            return say("world.on_holder", state, content, noun=item, things=listed([a(content, i) for i in held]))
    if item.container and state["items"][item.id].get("open", True):
        held = held_at(f"in:{item.id}")
        if held:
            return say("world.in_holder", state, content, noun=item, things=listed([a(content, i) for i in held]))
    return ""


def examine_text(ctx: Context, thing_id: str) -> str:
    state, content = ctx.state, ctx.content
    thing = content.thing(thing_id)
    lines = [text(ctx, thing.description)]
    if thing_id in content.items:
        item = content.items[thing_id]
        entry = state["items"][thing_id]
        if item.openable or item.door:
            status = ("world.examine_open" if entry.get("open")
                      else "world.examine_locked" if entry.get("locked") else "world.examine_closed")
            lines.append(tell(ctx, status, thing_id))
        about = {"noun": item, "is": be(content, thing_id)}
        if item.device:
            lines.append(say("light.examine_on" if entry.get("switched_on") else "light.examine_off", state, content,
                             **about))
        elif item.light:
            lines.append(say("light.examine_lit" if entry.get("lit") else "light.examine_unlit", state, content,
                             **about))
        if entry.get("worn"):
            lines.append(say("world.examine_worn", state, content))
        if item.container and not entry.get("open", True):
            pass
        elif holding := holder_text(ctx, item):
            lines.append(holding)
        elif item.container:
            lines.append(tell(ctx, "world.examine_empty", thing_id))
    # A thing written with no description says what Inform says of one.
    return "\n".join(line for line in lines if line) or say("world.nothing_special", state, content, noun=thing)


def inventory_text(ctx: Context) -> str:
    state, content = ctx.state, ctx.content
    carried = places.contents(state, "player")
    if not carried:
        return say("world.empty_inventory", state, content)
    lines = [say("world.inventory_heading", state, content)]

    def walk(item_id: str, depth: int) -> None:
        note = f" {say('world.inventory_worn', state, content)}" if state["items"][item_id].get("worn") else ""
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
