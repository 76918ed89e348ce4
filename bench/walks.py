"""A legal scripted walk on the default campus (content/starred_blocks).

It starts as every player must ("show letter to warden", then north through the gate) and then
goes round a loop of the college's rooms. In each room: look, examine something there, take and
drop something portable if there is anything, inventory, ask whoever is there about one of their
topics, wait (in every third room), and move on. In the evening, when the loop passes Larkspur House, the student goes up
to the loft and sleeps, so curfew never sends them down and the term never ends during the walk.

Every object phrase is checked with the engine's own parser before it is typed (it must read as a
command about that very thing), so no command of the walk is a misunderstanding. The walk is
played once by `campus_walk(n)` to make the script; the timed runs replay that script on fresh
games with the same seed, so they see exactly the same turns.
"""

from __future__ import annotations

from typing import Any

from elysium import parser
from elysium.engine import Game

SEED = 1
OPENING = ["show letter to warden", "north"]
# The loop, from Fountain Court back to Fountain Court: (direction, room it leads to).
LOOP = [
    ("north", "hall_of_voices"), ("north", "lyceum"), ("south", "hall_of_voices"), ("east", "cloister"),
    ("south", "rose_garden"), ("west", "fountain_court"), ("northwest", "library"),
    ("southeast", "fountain_court"), ("southwest", "refectory"), ("northeast", "fountain_court"),
    ("west", "larkspur_house"), ("east", "fountain_court"),
]
BEDTIME = 19 * 60 + 30  # minutes after midnight: from then, the next visit to Larkspur House ends the day
UNSAFE_EFFECTS = ("go", "end", "move_npc", "move", "wait")  # topics whose answers would change the walk


class CampusWalker:
    """Plays the walk on `game`, one command at a time (`step()` returns the line it typed)."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.queue: list[str] = list(OPENING)
        self.position = 0  # index into LOOP of the next move
        self.visit = 0
        self.slept_on = -1

    def step(self) -> str:
        if not self.queue:
            self.queue = self.plan_room()
        line = self.queue.pop(0)
        self.game.turn(line)
        return line

    # -- what to do in the room the student is in ----------------------------------------------
    def plan_room(self) -> list[str]:
        game, state = self.game, self.game.state
        here = state["location"]
        minute = state["time"] % (24 * 60)
        day = state["time"] // (24 * 60)
        if here == "larkspur_house" and minute >= BEDTIME and self.slept_on != day:
            self.slept_on = day
            return ["up", "sleep", "down"]
        self.visit += 1
        scope = game.scope()
        lines = ["look"]
        items = [t for t in scope if t.kind == "item" and not t.carried]
        if items:
            lines.append(self.phrase("examine", items[self.visit % len(items)], scope) or "examine me")
        portable = [t for t in items if t.portable]
        if portable:
            thing = portable[self.visit % len(portable)]
            take = self.phrase("take", thing, scope)
            if take:
                lines += [take, "inventory", take.replace("take", "drop", 1)]
        if not any(line == "inventory" for line in lines):
            lines.append("inventory")
        people = [t for t in scope if t.kind == "npc"]
        if people:
            asked = self.ask(people[self.visit % len(people)], scope)
            if asked:
                lines.append(asked)
        if self.visit % 3 == 0:  # a wait (five minutes) in every third room: the term must outlast the walk
            lines.append("wait")
        direction, _ = LOOP[self.position % len(LOOP)]
        self.position += 1
        lines.append(direction)
        return lines

    def phrase(self, verb: str, thing: parser.Thing, scope: list[parser.Thing]) -> str | None:
        """The shortest way of naming `thing` that the parser reads as exactly that thing."""
        candidates = [f"{verb} {noun}" for noun in thing.nouns]
        candidates += [f"{verb} {adjective} {noun}" for noun in thing.nouns for adjective in thing.adjectives]
        for line in candidates:
            if self.reads_as(line, verb, thing.id, scope):
                return line
        return None

    def ask(self, person: parser.Thing, scope: list[parser.Thing]) -> str | None:
        npc = self.game.content.npcs[person.id]
        for topic in npc.topics.values():
            if any(key in effect for effect in _effects(topic.effects) for key in UNSAFE_EFFECTS):
                continue
            for noun in person.nouns:
                line = f"ask {noun} about {topic.keywords[0]}"
                if self.reads_as(line, "ask", person.id, scope):
                    return line
        return None

    def reads_as(self, line: str, action: str, thing_id: str, scope: list[parser.Thing]) -> bool:
        result = parser.parse(line, scope, self.game.vocabulary, self.game.state["pronouns"])
        return isinstance(result, parser.Command) and result.action == action and thing_id in result.objects


def _effects(effects: Any) -> list[dict]:
    """Every effect in a list, including those nested in if/then/else."""
    found = []
    for effect in effects or ():
        if isinstance(effect, dict):
            found.append(effect)
            found += _effects(effect.get("then")) + _effects(effect.get("else"))
    return found


def campus_walk(commands: int, content: Any = None) -> list[str]:
    """The first `commands` lines of the walk (played once, on a throwaway game)."""
    from elysium.content import load_content

    game = Game.from_content(content or load_content(), SEED)
    walker = CampusWalker(game)
    lines = [walker.step() for _ in range(commands)]
    if game.state["ending"]:
        raise RuntimeError(f"the campus walk reached an ending ({game.state['ending']}); fix bench/walks.py")
    return lines
