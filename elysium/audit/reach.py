"""What no path reaches: the world read as a graph from the start, without playing it.

From the start room, exits lead on (unless their condition can never hold, or their door is locked
with no key to be had and nothing unlocks it); the effects of everything that can happen (entering
a reached room, a rule there, a timer, a topic of someone met, a class, the term's end) move the
player, bring items into the world, set flags, counters and named states, teach lore and end the
game. A condition is closed when it needs what nothing ever provides: a flag nothing sets, a
counter nothing changes above nought, a value of a named state nothing gives it, an item, room or
lore out of reach. What is reached opens more, so the reading repeats until nothing new is found.
Conditions on time, chance and skill are taken as open: some moment of some day may meet them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from elysium.content.model import Condition, Content, Effect
from elysium.content.names_check import ENGINE_COUNTERS

from .findings import AuditFinding
from .places import TextPlaces

NOT_THERE = ("nowhere",)


@dataclass
class Reached:
    rooms: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    npcs: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    counters: set[str] = field(default_factory=set)
    states: dict[str, set[str]] = field(default_factory=dict)  # named state -> values it can have
    lore: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    unlocked: set[str] = field(default_factory=set)  # items an effect unlocks or opens

    def size(self) -> int:
        return sum(map(len, (self.rooms, self.items, self.npcs, self.flags, self.counters, self.lore,
                             self.endings, self.unlocked))) + sum(map(len, self.states.values()))


def reach(content: Content, records: frozenset[str] = frozenset(),
          states: dict[str, tuple[str, ...]] | None = None) -> Reached:
    """Everything a player can get to; `records`: names kept outside the story, taken as set;
    `states`: each named state's values, the first the one it starts in."""
    reached = Reached(rooms={content.game.start}, flags=set(records), counters={*records, *ENGINE_COUNTERS},
                      states={name: {values[0]} for name, values in (states or {}).items()})
    size = -1
    while size != reached.size():
        size = reached.size()
        _walk(content, reached)
        _place(content, reached)
        for effect in _live_effects(content, reached):
            _apply(effect, reached)
    return reached


def unreachable(content: Content, reached: Reached, places: TextPlaces) -> Iterator[AuditFinding]:
    for room_id in content.rooms:
        if room_id not in reached.rooms:
            yield AuditFinding("unreachable", {"room": room_id}, f"no path from the start reaches the room {room_id!r}",
                               places.where(("rooms", room_id)))
    for item in content.items.values():
        if (item.id in reached.items or item.room_scenery or item.person_scenery
                or item.location in content.rooms and item.location not in reached.rooms):
            continue  # a room's or a person's scenery line, or a thing in a room already named above
        yield AuditFinding("unreachable", {"item": item.id}, f"the item {item.id!r} never comes within the "
                           "player's reach", places.where(("items", item.id)))
    for npc in content.npcs.values():
        for topic in npc.topics.values():
            if npc.id in reached.npcs and not closed(topic.condition, content, reached):
                continue
            why = "its condition can never hold" if npc.id in reached.npcs else f"{npc.id!r} is never met"
            yield AuditFinding("unreachable", {"topic": f"{npc.id}.{topic.id}"},
                               f"nobody can ever ask {npc.id!r} about the topic {topic.id!r}: {why}",
                               places.where(("npcs", npc.id, "topics", topic.id)))
    for lore_id in content.lore:
        if lore_id not in reached.lore:
            yield AuditFinding("unreachable", {"lore": lore_id}, f"nothing the player can reach teaches the lore "
                               f"{lore_id!r}", places.where(("lore", lore_id)))
    for ending_id in content.endings:
        if ending_id not in reached.endings:
            yield AuditFinding("unreachable", {"ending": ending_id}, f"no path reaches the ending {ending_id!r}",
                               places.where(("endings", ending_id)))


def closed(condition: Condition | None, content: Content, reached: Reached) -> bool:
    """Whether `condition` can never hold, given what is reached so far."""
    if not isinstance(condition, dict):
        return False
    if "flag" in condition and condition["flag"] not in reached.flags:
        return True
    if "counter" in condition and condition["counter"] not in reached.counters and not _nought_passes(condition):
        return True
    if "state" in condition and "is" in condition:
        can_be = reached.states.get(condition["state"], set())
        if not set(_words(condition["is"])) & can_be:
            return True
    for key, known in (("has", reached.items), ("worn", reached.items), ("lore", reached.lore),
                       ("visited", reached.rooms), ("met", reached.npcs)):
        if isinstance(condition.get(key), str) and condition[key] not in known:
            return True
    if "in" in condition and not set(_words(condition["in"])) & reached.rooms:
        return True
    if any(closed(part, content, reached) for part in condition.get("all") or ()):
        return True
    return bool(condition.get("any")) and all(closed(part, content, reached) for part in condition["any"])


def _nought_passes(condition: Condition) -> bool:
    """Whether a counter that stays at 0 meets the comparison (none written: it must be above 0)."""
    compared = {key: condition[key] for key in ("at_least", "at_most", "equals") if key in condition}
    if not compared:
        return False
    return (compared.get("at_least", 0) <= 0 and compared.get("at_most", 0) >= 0
            and compared.get("equals", 0) == 0)


def _words(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value or ())


def _walk(content: Content, reached: Reached) -> None:
    frontier = list(reached.rooms)
    while frontier:
        room = content.rooms.get(frontier.pop())
        for way in room.exits.values() if room else ():
            if way.to is None or way.to in reached.rooms or closed(way.condition, content, reached):
                continue
            if way.door and _barred(content, way.door, reached):
                continue
            reached.rooms.add(way.to)
            frontier.append(way.to)


def _barred(content: Content, door_id: str, reached: Reached) -> bool:
    door = content.items.get(door_id)
    if door is None or not door.locked or door_id in reached.unlocked:
        return False
    return not (door.key and door.key in reached.items)


def _place(content: Content, reached: Reached) -> None:
    for npc in content.npcs.values():
        if npc.location in reached.rooms or any(room in reached.rooms for _, room, _ in npc.schedule):
            reached.npcs.add(npc.id)
    for item in content.items.values():
        where = _holder(item.location)
        if (where == "player" or where in reached.rooms or where in reached.items or where in reached.npcs
                or item.door and (set(item.door) & reached.rooms)):
            reached.items.add(item.id)
        if item.lore and item.id in reached.items:  # placed here or brought by an effect
            reached.lore.add(item.lore)


def _holder(place: str) -> str:
    """The room, thing or person a place names ("in:satchel" is in the satchel)."""
    return place.partition(":")[2] if place.startswith(("in:", "on:")) else place


def _live_effects(content: Content, reached: Reached) -> Iterator[Effect]:
    """The effects of everything that can happen with what is reached, `if:` branches that can
    never be taken left out."""
    sources: list[Any] = [content.game.term_end]
    sources += [room.on_enter for room in content.rooms.values() if room.id in reached.rooms]
    for rule in content.rules.values():
        if rule.where and rule.where not in reached.rooms or closed(rule.condition, content, reached):
            continue
        if rule.object and rule.object not in reached.items and rule.object not in reached.npcs:
            continue
        sources.append(rule.effects)
    sources += [timer.effects for timer in content.timers.values() if not closed(timer.condition, content, reached)]
    sources += [topic.effects for npc in content.npcs.values() if npc.id in reached.npcs
                for topic in npc.topics.values() if not closed(topic.condition, content, reached)]
    sources += [course.do for course in content.classes.values() if course.room in reached.rooms]
    sources += [course.missed or () for course in content.classes.values()]
    sources += [recital.missed or () for recital in content.recitals.values()]
    sources += [recital.unanswered or () for recital in content.recitals.values()]
    stack = [effect for effects in sources for effect in effects]
    while stack:
        effect = stack.pop()
        if "if" in effect and not closed(effect["if"], content, reached):
            stack.extend(effect.get("then", ()) or ())
        stack.extend(effect.get("else", ()) or ())
        yield effect


def _apply(effect: Effect, reached: Reached) -> None:
    if "go" in effect:
        reached.rooms.add(effect["go"])
    if "move" in effect and effect.get("to") not in NOT_THERE:
        to = _holder(str(effect.get("to")))
        if to == "player" or to in reached.rooms or to in reached.items or to in reached.npcs:
            reached.items.add(effect["move"])
    if "move_npc" in effect and effect.get("to") in reached.rooms:
        reached.npcs.add(effect["move_npc"])
    if "counter" in effect:
        reached.counters.add(effect["counter"])
    elif "set" in effect:
        reached.flags.update(_words(effect["set"]))
    if "state" in effect and isinstance(effect.get("to"), str):
        reached.states.setdefault(effect["state"], set()).add(effect["to"])
    for key, into in (("learn", reached.lore), ("end", reached.endings)):
        if key in effect:
            into.add(effect[key])
    for key in ("unlock", "open"):
        if isinstance(effect.get(key), str):
            reached.unlocked.add(effect[key])
