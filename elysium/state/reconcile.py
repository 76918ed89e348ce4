"""Fitting a game state to content that has changed under it (a reloaded pack, an old save).

Everything the player has that still exists is kept: place, belongings, time, flags, skills.
What no longer exists is dropped or put back where the content now starts it, and each such
change is said in words the player can follow.
"""

from __future__ import annotations

from typing import Any

from elysium.content.model import Content
from elysium.state.store import initial_state


def reconcile(state: dict[str, Any], content: Content) -> list[str]:
    """Change `state` in place to fit `content`; returns notes for the player."""
    notes: list[str] = []
    fresh = initial_state(content, state.get("seed", 0))
    for key in fresh:
        state.setdefault(key, fresh[key])
    for key in ("items", "npcs"):
        gone = [i for i in state[key] if i not in fresh[key]]
        if gone and key == "items" and any(state["items"][i]["at"] == "player" for i in gone):
            notes.append("Some of what you carried no longer exists, and is gone from your hands.")
        kept = {i: v for i, v in state[key].items() if i in fresh[key]}
        state[key] = {**fresh[key], **kept}
    for item_id, entry in state["items"].items():
        if not _place_exists(entry["at"], content):
            entry["at"] = content.items[item_id].location
    for npc_id, entry in state["npcs"].items():
        if entry["at"] not in content.rooms:
            entry["at"] = content.npcs[npc_id].location
    if state["location"] not in content.rooms:
        state["location"] = content.game.start
        notes.append(f"The place where you stood is gone; you find yourself at "
                     f"{_room_name(content, content.game.start)}.")
    state["lore"] = [lore for lore in state["lore"] if lore in content.lore]
    state["repertoire"] = {p: v for p, v in state["repertoire"].items() if p in content.pieces}
    if state.get("ending") and state["ending"] not in content.endings:
        state["ending"] = None
    state["pending"] = None
    return notes


def _place_exists(place: str, content: Content) -> bool:
    if place in ("player", "nowhere") or place in content.rooms:
        return True
    return place[3:] in content.items if place.startswith(("in:", "on:")) else False


def _room_name(content: Content, room_id: str) -> str:
    name = content.rooms[room_id].name
    return name if name[:1].isupper() else f"the {name}"
