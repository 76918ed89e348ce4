"""Fitting a game state to content that has changed under it (a reloaded pack, an old save).

Everything the player has that still exists is kept: place, belongings, time, flags, skills.
What no longer exists is dropped or put back where the content now starts it, and each such
change is said in words the player can follow. Before that, a save is measured against the
packs loaded now and the shape of a new game's state.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from elysium.content.model import Content
from elysium.state.saved_history import REST_ABSENT, built_back, written_as_changes
from elysium.state.saves import SaveError
from elysium.state.store import WORLD, Checkpoint, copy_state, initial_state


def reconcile(state: dict[str, Any], content: Content, fresh: dict[str, Any] | None = None) -> list[str]:
    """Change `state` in place to fit `content`; returns notes for the player. `fresh` is a new
    game's state for this content, when the caller already has one (it is only read)."""
    notes: list[str] = []
    if fresh is None:
        fresh = initial_state(content, state.get("seed", 0))
    lost_places = [r for r in state.get("visits", {}) if r not in content.rooms and r != state.get("location")]
    unknown = state.get("items", {}).keys() - content.items.keys()  # most often none: found at C speed
    lost_things = [i for i, e in state["items"].items() if i in unknown and e.get("at") != "player"] if unknown else []
    if lost_places or lost_things:
        parts = ([f"places you had been: {_names(lost_places)}"] if lost_places else []) + (
            [f"things: {_names(lost_things)}"] if lost_things else [])
        notes.append(f"No longer in the game: {'; '.join(parts)}.")
    for key in fresh:
        if key not in state:
            state[key] = copy_state(fresh[key])
    for key in WORLD:
        if state[key].keys() == fresh[key].keys():
            continue  # the same things as the content has: nothing gone, nothing new
        gone = [i for i in state[key] if i not in fresh[key]]
        carried = [i for i in gone if key == "items" and state["items"][i].get("at") == "player"]
        if carried:
            notes.append(f"No longer in the game, and gone from your hands: {_names(carried)}.")
        kept = {i: v for i, v in state[key].items() if i in fresh[key]}
        state[key] = {**copy_state({i: v for i, v in fresh[key].items() if i not in kept}), **kept}
    _fit_places(state, content)
    if state["location"] not in content.rooms:
        gone = state["location"]
        notes.append(f"The place where you stood ({_names([gone])}) is no longer in the game; you find "
                     f"yourself at {_room_name(content, content.game.start)}.")
    _fit_the_rest(state, content)
    return notes


def reconcile_checkpoint(checkpoint: Any, content: Content, fresh: dict[str, Any], rest_fits: bool = False) -> bool:
    """Fit an undo checkpoint (see Store.begin) to `content` in place; False when it is not the
    shape of one, and so cannot be trusted to rewind. `rest_fits`: its rest is known to fit
    already (built back from a fitted one, see fitting_history)."""
    if not isinstance(checkpoint, dict):
        return False
    if "whole" in checkpoint:
        if not isinstance(checkpoint["whole"], dict):
            return False
        reconcile(checkpoint["whole"], content, fresh)
        return True
    rest, items, npcs = checkpoint.get("rest"), checkpoint.get("items"), checkpoint.get("npcs")
    if not (isinstance(rest, dict) and isinstance(items, dict) and isinstance(npcs, dict)):
        return False
    if items or npcs:  # most steps change neither (a restore reads up to 30 of them)
        for changed, known in ((items, fresh["items"]), (npcs, fresh["npcs"])):
            for i in [i for i, entry in changed.items() if i not in known or not isinstance(entry, dict)]:
                del changed[i]
        _fit_places(checkpoint, content)
    if rest_fits:
        return True
    for key in fresh.keys() - rest.keys():
        if key not in WORLD:
            rest[key] = copy_state(fresh[key])
    _fit_the_rest(rest, content)
    return True


def _fit_places(state: dict[str, Any], content: Content) -> None:
    """Put back where content starts them the items and NPCs whose place no longer exists. Each
    place is looked up once, not once for every thing there (most often every place exists)."""
    places = set(map(itemgetter("at"), state["items"].values()))
    if all(_place_exists(place, content) for place in places) \
            and set(map(itemgetter("at"), state["npcs"].values())) <= content.rooms.keys():
        return
    for item_id, entry in state["items"].items():
        if not _place_exists(entry["at"], content):
            entry["at"] = content.items[item_id].location
    for npc_id, entry in state["npcs"].items():
        if entry["at"] not in content.rooms:
            entry["at"] = content.npcs[npc_id].location


FITTED = frozenset({"location", "lore", "repertoire", "states", "ending", "pending"})  # what _fit_the_rest changes


def _fit_the_rest(state: dict[str, Any], content: Content) -> None:
    """What is not items or NPCs: where the player stands, what they know, how the story ended.
    (Each of FITTED is fitted on its own, the same way whatever the others hold.)"""
    if state["location"] not in content.rooms:
        state["location"] = content.game.start
    if not set(state["lore"]) <= content.lore.keys():
        state["lore"] = [lore for lore in state["lore"] if lore in content.lore]
    if not state["repertoire"].keys() <= content.pieces.keys():
        state["repertoire"] = {p: v for p, v in state["repertoire"].items() if p in content.pieces}
    states = state.get("states", {})
    if states.keys() != content.states.keys() or any(value not in content.states[name] for name, value in states.items()):
        # Names the game no longer has go; new ones, and values it no longer has, start afresh.
        state["states"] = {name: states[name] if states.get(name) in values else values[0]
                           for name, values in content.states.items()}
    if state.get("ending") and state["ending"] not in content.endings:
        state["ending"] = None
    state["pending"] = None


def _names(ids: list[str]) -> str:
    return ", ".join(i.rpartition(":")[2].replace("_", " ") for i in ids)


def _place_exists(place: str, content: Content) -> bool:
    if place in ("player", "nowhere") or place in content.rooms or place in content.npcs:
        return True
    return place[3:] in content.items if place.startswith(("in:", "on:")) else False


def _room_name(content: Content, room_id: str) -> str:
    name = content.rooms[room_id].name
    return name if name[:1].isupper() else f"the {name}"


def describe_changes(old: Content, new: Content) -> str:
    """'(The content changed: 1 room added, 2 items changed.)' for a reload."""
    parts = []
    for kind in ("rooms", "items", "npcs", "lore", "pieces", "classes", "recitals", "endings", "rules", "timers"):
        before, after = getattr(old, kind), getattr(new, kind)
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        # A reload that read only some files hands the others' models over as they were: the
        # same object is the same model, and comparing every field of thousands of them is not free.
        changed = sum(1 for key in before.keys() & after.keys() if before[key] is not after[key]
                      and before[key] != after[key])
        noun = kind[:-1] if kind.endswith("s") else kind
        for count, verb in ((added, "added"), (removed, "removed"), (changed, "changed")):
            if count:
                parts.append(f"{count} {noun if count == 1 else kind} {verb}")
    return f"(The content was reloaded: {', '.join(parts) or 'nothing that the game uses changed'}.)"


def fitting_history(saved: Any, content: Content, fresh: dict[str, Any]) -> list[Checkpoint]:
    """The saved undo checkpoints fitted to the content, newest last. Each rewinds to the one
    before it, so a damaged one ends the history there: it and everything older are left out.
    A rest written as changes (saved_history.py) is built back from the next one's, as fitted:
    fitting a rest fits each of its values on its own, the same way whichever step it is in, so
    only a rest whose own values include one that fitting looks at is fitted again."""
    history: list[Checkpoint] = []
    for checkpoint in reversed(saved if isinstance(saved, list) else []):
        rest_fits = False
        if written_as_changes(checkpoint):
            newer = history[-1] if history else None
            changed, absent = checkpoint.get("rest"), checkpoint[REST_ABSENT]
            if newer is None or "whole" in newer or not isinstance(changed, dict) or not isinstance(absent, list):
                break
            rest_fits = not absent and changed.keys().isdisjoint(FITTED)
            checkpoint = built_back(checkpoint, newer["rest"])
        if not reconcile_checkpoint(checkpoint, content, fresh, rest_fits):
            break
        history.append(checkpoint)
    return history[::-1]


def compare_packs(saved: list[dict[str, str]], content: Content) -> list[str]:
    """Notes on how the packs of a save differ from those loaded; SaveError when it can't load."""
    loaded = {pack["id"]: pack for pack in content.packs}
    notes = []
    if saved and saved[0].get("id") != content.pack.id:
        raise SaveError(f"That game was saved with the pack \u201c{saved[0].get('id')}\u201d, "
                        f"not \u201c{content.pack.id}\u201d.")
    for pack in saved:
        here = loaded.get(pack.get("id"))
        if here is None:
            raise SaveError(f"That game was saved with the mod \u201c{pack.get('id')}\u201d, which is not "
                            "loaded now. Load it with --mod (or put it in the mods folder) to restore this game.")
        if pack.get("hash") and here["hash"] != pack["hash"]:
            change = (f"version {pack.get('version')} then, {here['version']} now"
                      if pack.get("version") != here["version"] else "its files have changed")
            notes.append(f"(This game was saved with a different {pack['id']} ({change}); "
                         "what no longer exists has been left out.)")
    new = [pack_id for pack_id in loaded if pack_id not in {p.get("id") for p in saved}]
    if saved and new:
        notes.append(f"(Loaded now but not when this game was saved: {', '.join(new)}.)")
    return notes
