"""Content that would set itself off for ever, as far as the pack shows it.

Two things in the rule language can trigger their own trigger:

- A `go:` that runs when the player arrives somewhere (a room's `on_enter`, an `on: arrive` rule)
  sets off another arrival. Rooms whose arrivals send the player round a loop move them for ever.
- A `wait:` lets time pass, and time passing fires timers. Daily timers that between them wait a
  day or more each day keep the clock running for ever, once a wait reaches them.

A loop whose every step always happens is an error: it hangs the game (the engine stops it, see
bus.Runaway, but the story is broken). A loop guarded by conditions is a warning, unless a guard is
one the loop turns false itself (a flag its own effects set, a room's visits growing with each
arrival, a rule that fires `once`): such a loop ends, and is not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from elysium.content.model import Condition, Content, Effect, Room
from elysium.content.problems import Problem
from elysium.content.yamlsafe import Mark

MINUTES_PER_DAY = 24 * 60
MarkOf = Callable[[Effect], Mark]


@dataclass(frozen=True)
class Step:
    """A `go:` that arriving in `origin` may run: it moves the player on to `to`."""

    origin: str
    to: str
    effect: Effect
    rule: str | None  # the arrive rule that runs it; None: the room's on_enter
    certain: bool  # runs on every arrival, whatever the state
    ends: bool  # guarded by a condition that the loop itself turns false


def problems(content: Content, mark_of: MarkOf) -> list[Problem]:
    """Errors and warnings for loops of arrivals and of waits; `mark_of` gives where an effect's
    `go:` or `wait:` is written."""
    return [*_arrival_loops(content, mark_of), *_waiting_loops(content, mark_of)]


# -- arrivals ------------------------------------------------------------------------------------

def steps(content: Content) -> list[Step]:
    """Every `go:` that an arrival can run, in content order (rooms, then rules)."""
    arrive_rules = content.rules_by_verb.get("arrive", ())
    # An arrive rule fires where the player is once the arrival's on_enter has run, so it surely
    # fires in its room only when that on_enter moves no one and no arrival moves the player twice.
    moving_rooms = {room.id for room in content.rooms.values() if next(_gos(room.on_enter), None)}
    one_move_each = all(sum(1 for _ in _gos(effects)) <= 1 for effects in _arrival_effects(content))
    found = []
    for room in content.rooms.values():
        if room.id in moving_rooms:
            sets, clears = _flags(room.on_enter)
            for effect, guards in _gos(room.on_enter):
                found.append(_step(room, effect, guards, None, sets, clears, True))
    for rule in arrive_rules:
        if rule.once:
            continue  # fires once in a game: it cannot keep a loop going
        sets, clears = _flags(rule.effects)
        for effect, inner in _gos(rule.effects):
            # A rule for any room fires on every arrival, so also on the one it causes: its own
            # target is where it loops. One for a room fires on the arrivals that end there.
            origin = content.rooms[effect["go"] if rule.where is None else rule.where]
            allowed, guards = _located(rule.condition, origin.id)
            if not allowed:
                continue  # its condition keeps it out of that room (`not: {in: ...}`)
            sure = one_move_each and origin.id not in moving_rooms
            found.append(_step(origin, effect, (*guards, *inner), rule.id, sets, clears, sure))
    return found


def _arrival_effects(content: Content) -> Iterator[tuple[Effect, ...]]:
    for room in content.rooms.values():
        yield room.on_enter
    for rule in content.rules_by_verb.get("arrive", ()):
        yield rule.effects


def _step(origin: Room, effect: Effect, guards: tuple[Condition, ...], rule: str | None,
          sets: set[str], clears: set[str], sure: bool) -> Step:
    ends = any(_turned_false(guard, origin.id, sets, clears) for guard in guards)
    return Step(origin.id, effect["go"], effect, rule, sure and not guards, ends)


def _located(condition: Condition | None, room: str) -> tuple[bool, list[Condition]]:
    """Whether the player being in `room` meets a condition's tests of where they are (`in:`,
    `not: {in: ...}`, also inside `all:`), and the condition's other parts."""
    allowed, rest = True, []
    for key, value in (condition or {}).items():
        if key == "in":
            allowed = allowed and room in ([value] if isinstance(value, str) else value)
        elif key == "not" and isinstance(value, dict) and set(value) == {"in"}:
            allowed = allowed and room not in ([value["in"]] if isinstance(value["in"], str) else value["in"])
        elif key == "all" and isinstance(value, list):
            for part in value:
                fits, more = _located(part, room)
                allowed, rest = allowed and fits, rest + more
    others = {key: value for key, value in (condition or {}).items() if key not in ("in", "all")
              and not (key == "not" and isinstance(value, dict) and set(value) == {"in"})}
    return allowed, ([others] if others else []) + rest


def _gos(effects: Any) -> Iterator[tuple[Effect, tuple[Condition, ...]]]:
    """Each `go:` in the effects, with the conditions that must hold for it to run."""
    for effect in effects or ():
        if "if" in effect:
            for effect_, guards in _gos(effect.get("then")):
                yield effect_, (effect["if"], *guards)
            for effect_, guards in _gos(effect.get("else")):
                yield effect_, ({"not": effect["if"]}, *guards)
        elif "go" in effect:
            yield effect, ()
        elif "end" in effect:
            return  # an ending stops the rest of the list


def _flags(effects: Any) -> tuple[set[str], set[str]]:
    """The flags the effects may set, and those they may clear, in any branch."""
    sets: set[str] = set()
    clears: set[str] = set()
    waiting = list(effects or ())
    while waiting:
        effect = waiting.pop()
        for key, into in (("set", sets), ("clear", clears)):
            if key in effect and "counter" not in effect:
                into.update([effect[key]] if isinstance(effect[key], str) else effect[key])
        waiting += [*(effect.get("then") or ()), *(effect.get("else") or ())]
    return sets, clears


def _turned_false(condition: Any, room: str, sets: set[str], clears: set[str]) -> bool:
    """Whether a condition that must hold for the step is one the step's own running makes false
    (so the loop ends): not a flag it sets, a flag it clears, or a cap on visits to its room."""
    if not isinstance(condition, dict):
        return False
    negated = condition.get("not")
    if isinstance(negated, dict) and set(negated) == {"flag"} and negated["flag"] in sets - clears:
        return True
    if condition.get("flag") in clears - sets:
        return True
    if condition.get("visits") == room and ("equals" in condition or "at_most" in condition):
        return True
    return any(_turned_false(part, room, sets, clears) for part in condition.get("all") or ())


def _arrival_loops(content: Content, mark_of: MarkOf) -> Iterator[Problem]:
    every = steps(content)
    sure = [step for step in every if step.certain]
    reported: set[str] = set()
    for loop in _loops(sure):
        reported.update(step.origin for step in loop)
        these = "this go:" if len(loop) == 1 else "one of these go: effects"
        yield Problem(mark_of(loop[0].effect), "the player would be moved round and round for ever: "
                      f"{_described(loop, mark_of)}. Make {these} conditional, for example on a flag it sets")
    for loop in _loops([step for step in every if not step.ends]):
        if not reported.intersection(step.origin for step in loop):
            reported.update(step.origin for step in loop)
            yield Problem(mark_of(loop[0].effect), "the player may be moved round and round for ever: "
                          f"{_described(loop, mark_of)}, for as long as the conditions on the way hold. Make "
                          "sure one stops holding (a flag the effect sets, or visits: with at_most)", "warning")


def _described(loop: list[Step], mark_of: MarkOf) -> str:
    parts = []
    for n, step in enumerate(loop):
        by = f", rule {_bare(step.rule)!r}" if step.rule else ""
        again = " again" if step.to == step.origin else ""
        where = "" if len(loop) == 1 else " (here)" if n == 0 else f" ({mark_of(step.effect)})"
        parts.append(f"arriving in {_bare(step.origin)!r}{by} sends them to {_bare(step.to)!r}{again}{where}")
    return "; then ".join(parts)


def _loops(found: list[Step]) -> Iterator[list[Step]]:
    """One loop of steps through each room that some loop passes, in content order, each room in
    at most one reported loop."""
    leaving: dict[str, list[Step]] = {}
    for step in found:
        leaving.setdefault(step.origin, []).append(step)
    used: set[str] = set()
    for start in leaving:
        if start in used:
            continue
        loop = _way_back(start, leaving)
        if loop:
            used.update(step.origin for step in loop)
            yield loop


def _way_back(start: str, leaving: dict[str, list[Step]]) -> list[Step] | None:
    """The shortest run of steps from `start` back to it, or None."""
    came_by: dict[str, Step] = {}
    frontier = [start]
    while frontier:
        following = []
        for room in frontier:
            for step in leaving.get(room, ()):
                if step.to == start:
                    path = [step]
                    while path[0].origin != start:
                        path.insert(0, came_by[path[0].origin])
                    return path
                if step.to not in came_by:
                    came_by[step.to] = step
                    following.append(step.to)
        frontier = following
    return None


# -- waits ---------------------------------------------------------------------------------------

def _waiting_loops(content: Content, mark_of: MarkOf) -> Iterator[Problem]:
    """Daily timers fire once a day each, and each wait they run pushes the end of the wait on. If
    they push it on by a day or more each day, a wait that reaches them never ends."""
    sure: list[tuple[Effect, str]] = []
    maybe: list[tuple[Effect, str]] = []
    for timer in content.timers.values():
        if timer.day is not None or not timer.daily:
            continue
        for effect, guarded in _waits(timer.effects):
            (maybe if guarded or timer.condition else sure).append((effect, timer.id))
    for waits, severity in ((sure, "error"), (sure + maybe, "warning")):
        total = sum(effect["wait"] for effect, _ in waits)
        if total >= MINUTES_PER_DAY:
            first, timer_id = waits[0] if severity == "error" else maybe[0]
            yield Problem(mark_of(first), _waits_message(waits, timer_id, total, severity), severity)
            return


def _waits_message(waits: list[tuple[Effect, str]], timer_id: str, total: int, severity: str) -> str:
    timers = sorted({timer for _, timer in waits})
    one = len(timers) == 1
    who = (f"daily timer {_bare(timer_id)!r} waits" if one
           else f"daily timers {_bare(timer_id)!r} and {len(timers) - 1} more wait")
    them = "it" if one else "them"
    if severity == "error":
        return (f"{who} {total} minutes every day, a day or more, so a wait that reaches {them} sets {them} off "
                f"again the next day and never ends. Make the {'wait' if one else 'waits'} shorter, or conditional")
    return (f"{who} up to {total} minutes every day, a day or more, if the conditions on the way hold: a wait "
            f"that reaches {them} may never end. Make sure the waits add up to less than a day")


def _waits(effects: Any, guarded: bool = False) -> Iterator[tuple[Effect, bool]]:
    for effect in effects or ():
        if "if" in effect:
            yield from _waits(effect.get("then"), True)
            yield from _waits(effect.get("else"), True)
        elif "wait" in effect:
            yield effect, guarded
        elif "end" in effect:
            return


def _bare(entry_id: str) -> str:
    return entry_id.partition(":")[2] or entry_id
