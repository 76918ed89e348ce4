"""Whole-pack checks beyond the schema: what a player can reach, find and end up with.

These look at the content as a graph: rooms joined by exits and `go` effects, lore taught by
effects and readable things, endings named by `end` effects. A room that no exit or effect leads
to, or lore that nothing teaches, is content that exists but can never be played.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elysium.content.model import Content, Effect


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
        for way in room.exits.values():
            if way.to is not None and way.to not in seen:
                seen.add(way.to)
                frontier.append(way.to)
    return seen


def obtainable_lore(content: Content) -> set[str]:
    """Lore that some effect teaches, or that a readable thing in play carries."""
    taught = {effect["learn"] for effect in all_effects(content) if "learn" in effect}
    in_play = placed_items(content)
    taught |= {item.lore for item in content.items.values() if item.lore and item.id in in_play}
    return taught


def placed_items(content: Content) -> set[str]:
    """Items that start somewhere, or that an effect brings into the world."""
    moved = {effect["move"] for effect in all_effects(content)
             if "move" in effect and effect.get("to") != "nowhere"}
    return {item.id for item in content.items.values() if item.location != "nowhere"} | moved


def reachable_endings(content: Content) -> set[str]:
    return {effect["end"] for effect in all_effects(content) if "end" in effect}


def learnable_pieces(content: Content) -> set[str]:
    taught = {effect["learn_piece"] for effect in all_effects(content) if "learn_piece" in effect}
    return taught | {piece for course in content.classes.values() for piece in course.teaches}
