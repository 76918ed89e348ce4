"""Whole-pack checks beyond the schema: what a player can reach, find and end up with.

These look at the content as a graph: rooms joined by exits and `go` effects, lore taught by
effects and readable things, endings named by `end` effects. A room that no exit or effect leads
to, or lore that nothing teaches, is content that exists but can never be played.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elysium.content.model import Content, Effect, leads_to
from elysium.content.problems import Problem


def all_effects(content: Content) -> Iterator[Effect]:
    """Every effect anywhere in the pack, nested `then`/`else` branches included."""
    sources: list[Any] = [content.game.term_end]
    sources += [room.on_enter for room in content.rooms.values()]
    sources += [rule.effects for rule in content.rules.values()]
    sources += [timer.effects for timer in content.timers.values()]
    sources += [topic.effects for npc in content.npcs.values() for topic in npc.topics.values()]
    sources += [course.missed or () for course in content.classes.values()]
    sources += [course.do for course in content.classes.values()]
    sources += [recital.missed or () for recital in content.recitals.values()]
    stack = [effect for effects in sources for effect in effects]
    while stack:
        effect = stack.pop()
        yield effect
        stack.extend(effect.get("then", ()) or ())
        stack.extend(effect.get("else", ()) or ())


def reachable_rooms(content: Content) -> set[str]:
    """Rooms the player can get to from the start, through any exit or any `go` effect."""
    teleports = {effect["go"] for effect in all_effects(content) if "go" in effect}
    seen = {content.game.start}
    frontier = [content.game.start, *teleports]
    seen.update(teleports)
    while frontier:
        room = content.rooms[frontier.pop()]
        for to in leads_to(room.exits):
            if to is not None and to not in seen:
                seen.add(to)
                frontier.append(to)
    return seen


def obtainable_lore(content: Content) -> set[str]:
    """Lore that some effect teaches, or that a readable thing in play carries."""
    taught = {effect["learn"] for effect in all_effects(content) if "learn" in effect}
    moved = moved_into_play(content)
    taught |= {item.lore for item in content.items.values()
               if item.lore and (item.location != "nowhere" or item.id in moved)}
    return taught


def placed_items(content: Content) -> set[str]:
    """Items that start somewhere, or that an effect brings into the world."""
    placed = {item.id for item in content.items.values() if item.location != "nowhere"}
    return placed | moved_into_play(content)


def moved_into_play(content: Content) -> set[str]:
    """Items that some effect moves somewhere in the world. (The load's warnings ask only this of
    the effects: a set of every item placed, twice over, was the largest thing their check made.)"""
    return {effect["move"] for effect in all_effects(content) if "move" in effect and effect.get("to") != "nowhere"}


def reachable_endings(content: Content) -> set[str]:
    return {effect["end"] for effect in all_effects(content) if "end" in effect}


def learnable_pieces(content: Content) -> set[str]:
    taught = {effect["learn_piece"] for effect in all_effects(content) if "learn_piece" in effect}
    return taught | {piece for course in content.classes.values() for piece in course.teaches}


def flags_set(content: Content) -> set[str]:
    found: set[str] = set()
    for effect in all_effects(content):
        if "set" in effect and "counter" not in effect:
            found.update([effect["set"]] if isinstance(effect["set"], str) else effect["set"])
    return found


def _flags_tested(condition: Any) -> Iterator[str]:
    if isinstance(condition, dict):
        if isinstance(condition.get("flag"), str):
            yield condition["flag"]
        # Not into "not": a topic waiting on a flag never being set can always be answered.
        for key in ("all",):
            for part in condition.get(key) or ():
                yield from _flags_tested(part)


def warnings_for(content: Content, entries: dict[str, dict[str, tuple[Any, Any]]]) -> list[Problem]:
    """Content that loads but can never be played: unreachable rooms, items never placed, lore
    nothing teaches, and topics that wait on a flag nothing sets. `entries` holds, by kind and id,
    the entry's fields and its place (whose `.mark` is worked out only for a warning)."""
    def mark(kind: str, entry_id: str):
        return entries[kind][entry_id][1].mark

    found = []
    reachable = reachable_rooms(content)
    for room_id in content.rooms:
        if room_id not in reachable:
            found.append(Problem(mark("rooms", room_id), f"room {room_id!r} cannot be reached from the start", "warning"))
    del reachable
    moved = moved_into_play(content)
    for item_id, item in content.items.items():
        if item.location == "nowhere" and item_id not in moved:
            found.append(Problem(mark("items", item_id), f"item {item_id!r} is never placed in the world", "warning"))
    taught = obtainable_lore(content)
    for lore_id in content.lore:
        if lore_id not in taught:
            found.append(Problem(mark("lore", lore_id), f"lore {lore_id!r} can never be found", "warning"))
    settable = flags_set(content)
    for npc in content.npcs.values():
        for topic in npc.topics.values():
            for flag in _flags_tested(topic.condition):
                if flag not in settable:
                    found.append(Problem(mark("npcs", npc.id), f"nobody can ever answer topic {topic.id!r} of "
                                         f"{npc.id!r}: it needs the flag {flag!r}, which nothing sets", "warning"))
    return found
