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
    """Set fields of an item's entry: `at` (a place string), `open`, `locked`, `worn`, `lit`,
    `switched_on`."""
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


def lies_within(state: State, item_id: str, holder: str) -> bool:
    """Whether `item_id` is `holder`, or lies in or on it however deep: where a thing cannot go
    without ending up inside itself. (A loop already in the state ends the search, not the game.)"""
    seen = set()
    while item_id != holder:
        entry = state["items"].get(item_id)
        if entry is None or item_id in seen or not entry["at"].startswith(("in:", "on:")):
            return False
        seen.add(item_id)
        item_id = entry["at"][3:]
    return True


def is_carried(state: State, item_id: str) -> bool:
    return outermost(state, item_id)[0] == "player"


def is_worn(state: State, item_id: str) -> bool:
    return bool(state["items"][item_id].get("worn"))


def npcs_in(state: Store, room: str) -> list[str]:
    return state.at("npcs", room)


def has_light(state: Store, content: Content, room: str) -> bool:
    """Whether the player can see in `room`: it is not dark, or a lit light source shines into it.

    A light shines into the room it lies in (on the floor, on a supporter, in an open or
    transparent container, however deep) and into the room of the player who carries it; a closed
    opaque container holds its light in. Only the lights alight are looked at (the store keeps an
    index of them), so the cost does not grow with the world."""
    if not is_dark(state, content, room):
        return True
    for item_id in state.lit():
        if content.items[item_id].light and shines_into(state, content, item_id) in (room, "player"):
            return True
    return False


def is_dark(state: Store, content: Content, room: str) -> bool:
    """Whether a room is dark of itself: as effects last set it, else as its content says (true,
    false, or a condition)."""
    lighting = state.get("lighting")
    if lighting and room in lighting:
        return not lighting[room]
    dark = content.rooms[room].dark
    if isinstance(dark, dict):
        if room in _ASKING:  # content that slipped past validation must not recurse for ever
            return False
        from elysium.state.conditions import holds  # conditions ask places, so this way round
        _ASKING.add(room)
        try:
            return holds(dark, state, content)
        finally:
            _ASKING.discard(room)
    return bool(dark)


_ASKING: set[str] = set()  # rooms whose darkness condition is being worked out just now


def shines_into(state: State, content: Content, item_id: str) -> str:
    """The room (or `player`) whose darkness a light at this item's place would lift: `nowhere`
    when a closed, opaque container stands between."""
    place = place_of(state, item_id)
    seen = {item_id}
    while place.startswith(("in:", "on:")):
        holder = place[3:]
        if holder in seen:
            return "nowhere"
        seen.add(holder)
        if place.startswith("in:") and not state["items"][holder].get("open", True) \
                and not content.items[holder].transparent:
            return "nowhere"
        place = place_of(state, holder)
    return place


def set_room_lit(state: Store, room: str, lit: bool) -> None:
    """Light a room of itself (`light_room`) or make it dark (`darken_room`), whatever its content
    said; kept in the state, so it is saved and undone like the rest."""
    state.setdefault("lighting", {})[room] = lit


def switch(state: Store, content: Content, item_id: str, on: bool) -> None:
    """Switch a device on or off; a device that is a light is alight exactly while it is on."""
    fields = {"switched_on": on}
    if content.items[item_id].light:
        fields["lit"] = on
    change_item(state, item_id, **fields)


def set_lit(state: Store, content: Content, item_id: str, lit: bool) -> None:
    """Light or put out a light; lighting a device light is switching it on."""
    if content.items[item_id].device:
        switch(state, content, item_id, lit)
    else:
        change_item(state, item_id, lit=lit)


def things_in_reach(state: Store, content: Content, room: str) -> list[str]:
    """Items and NPCs the player can see in `room`: what they carry, what lies here, the doors of
    the room, the people present and what those people hold (seen, not touched: see `holder_of`).
    In the dark, only what they carry and what the game marks `findable_in_dark` (a light switch
    by the door)."""
    lit = has_light(state, content, room)
    found = _reachable(state, ("player", room) if lit else ("player",))
    if not lit:
        found.extend(i for i in _reachable(state, (room,)) if content.items[i].findable_in_dark)
    if lit:
        for door in content.doors_by_room.get(room, ()):
            if door not in found:
                found.append(door)
        people = npcs_in(state, room)
        found.extend(people)
        found.extend(_reachable(state, tuple(people)))
    return found


def holder_of(state: State, content: Content, item_id: str) -> str | None:
    """The person who holds `item_id` (directly, or in or on something they hold), if anyone does."""
    place = outermost(state, item_id)[0]
    return place if place in content.npcs else None


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
