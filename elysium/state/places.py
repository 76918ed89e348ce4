"""Where things are: queries over the plain game state that several services need alike.

An item's place is a string: a room id, `player`, `nowhere`, `in:<item>` or `on:<item>`.
The services decide what changes; `change_item` and `move_npc` are how they make the change, so
that the store's index of who and what is where, and its undo journal, stay true. Queries go
through that index.
"""

from __future__ import annotations

from typing import Any

from elysium.content.model import Content
from elysium.state.store import Store

State = dict[str, Any]


def place_string(value: Any) -> str:
    """A place as content writes it (`garden`, `{in: chest}`) in the state's form (`in:chest`)."""
    if isinstance(value, dict):
        (how, holder), = value.items()
        return f"{how}:{holder}"
    return value


def place_of(state: State, item_id: str) -> str:
    return state["items"][item_id]["at"]


def change_item(state: Store, item_id: str, **fields: Any) -> None:
    """Set fields of an item's entry: `at` (a place string), `open`, `locked`, `worn`, `lit`."""
    state.change("items", item_id, **fields)


def move_npc(state: Store, npc_id: str, room: str) -> None:
    state.change("npcs", npc_id, at=room)


def contents(state: Store, place: str) -> list[str]:
    """Ids of the items directly at `place`, in content order."""
    return state.at("items", place)


def outermost(state: State, item_id: str) -> tuple[str, bool]:
    """The room or `player`/`nowhere` an item ultimately lies in, and whether it can be reached
    (no closed container stands between it and there)."""
    place = place_of(state, item_id)
    reachable = True
    seen = {item_id}
    while place.startswith(("in:", "on:")):
        holder = place[3:]
        if holder in seen:  # a loop made by careless effects: treat as lost rather than hang
            return "nowhere", False
        seen.add(holder)
        if place.startswith("in:") and not state["items"][holder].get("open", True):
            reachable = False
        place = place_of(state, holder)
    return place, reachable


def within(state: State, place: str, item_id: str) -> bool:
    """Whether `place` is the inside or the top of `item_id`, or of something in or on it, however
    deep: where the item cannot be put without being inside itself."""
    seen = set()
    while place.startswith(("in:", "on:")) and place not in seen:
        seen.add(place)
        holder = place[3:]
        if holder == item_id:
            return True
        if holder not in state["items"]:
            return False
        place = place_of(state, holder)
    return False


def is_carried(state: State, item_id: str) -> bool:
    return outermost(state, item_id)[0] == "player"


def is_worn(state: State, item_id: str) -> bool:
    return bool(state["items"][item_id].get("worn"))


def npcs_in(state: Store, room: str) -> list[str]:
    return state.at("npcs", room)


def has_light(state: Store, content: Content, room: str) -> bool:
    """A room is lit unless it is dark and no lit light source is here or carried, in reach."""
    if not content.rooms[room].dark:
        return True
    for item_id in state.lit():
        if content.items[item_id].light:
            where, reachable = outermost(state, item_id)
            if reachable and where in (room, "player"):
                return True
    return False


def things_in_reach(state: Store, content: Content, room: str) -> list[str]:
    """Items and NPCs the player can see and touch in `room`: what they carry, what lies here,
    the doors of the room, and the people present. In the dark, only what they carry."""
    lit = has_light(state, content, room)
    found = _reachable(state, ("player", room) if lit else ("player",))
    if lit:
        for door in content.doors_by_room.get(room, ()):
            if door not in found:
                found.append(door)
        found.extend(npcs_in(state, room))
    return found


def _reachable(state: Store, roots: tuple[str, ...]) -> list[str]:
    """Items at any of `roots`, or on or in (when open) such items, however deep, in content order."""
    found, waiting = [], list(roots)
    while waiting:
        for item_id in state.at("items", waiting.pop()):
            found.append(item_id)
            waiting.append(f"on:{item_id}")
            if state["items"][item_id].get("open", True):
                waiting.append(f"in:{item_id}")
    order = state.order("items")
    return sorted(found, key=order.__getitem__)
