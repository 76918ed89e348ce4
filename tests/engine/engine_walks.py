"""Shared material for the engine tests: where the packs are, scripted walks, and a player.

Kept in a plain module (not conftest.py) so that the test files can import the walks by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from elysium.engine import Game

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_WORLD = ROOT / "tests" / "fixtures" / "world"


def carousel_mod(folder: Path) -> Path:
    """A mod whose room sends you back into itself on arrival, behind a flag nothing sets: a loop
    that validation cannot be sure of, and so only warns about. West of the vestibule."""
    mod = folder / "carousel"
    mod.mkdir()
    (mod / "pack.yaml").write_text("id: carousel\nname: Carousel\nversion: 1.0.0\n")
    (mod / "rooms.yaml").write_text(
        "rooms:\n"
        "  carousel:\n"
        "    name: Carousel\n"
        "    description: Painted horses go round and round.\n"
        "    exits: {out: vestibule}\n"
        "    on_enter:\n"
        "      - if: {not: {flag: dizzy}}\n"
        "        then: [{go: carousel}]\n"
        "patch:\n"
        "  rooms:\n"
        "    vestibule:\n"
        "      exits: {west: carousel}\n")
    return mod

# A walk through the fixture world that touches every service: the world (rooms, doors, darkness,
# containers, supporters, wearing), the clock (timers, the NPC schedule, waiting, sleeping), rules,
# lore (talk, ask, journal), classes (attend, timetable) and recitals (practice, perform), plus a
# question and its answer, pronouns, several commands on a line, an unknown word, undo and again.
FIXTURE_WALK: tuple[str, ...] = (
    "look",
    "read slate",
    "open chest",
    "take key and lantern",
    "x it",
    "unlock door with key",
    "take beads",
    "drop them",
    "inventory",
    "d",
    "look",
    "light lantern",
    "take gem",
    "x racks",
    "u",
    "e",
    "remove cloak",
    "put cloak on hook",
    "small",
    "look",
    "wear cloak. w",
    "n",
    "talk to maestra",
    "ask maestra about bell",
    "ask maestra about weather",
    "attend",
    "take book then read it",
    "take candle",
    "timetable",
    "journal",
    "e",
    "sing",
    "take fork from reliquary",
    "w. s",
    "u",
    "ring bell",
    "take note",
    "read note",
    "ring bell",
    "d",
    "pull lever",
    "undo",
    "again",
    "u",
    "xyzzy",
    "wait until 12:00",
    "score",
    "status",
    "practice",
    "time",
    "wait until 21:00",
    "sleep",
    "wait until 19:00",
    "n",
    "e",
    "perform",
    "put gem on altar",
)

# A walk through the default pack (Starred Blocks): the gate, luggage, the fountain, the hall, a
# class, the garden, the dormitory, and the curfew and the Warden's rounds at night.
DEFAULT_WALK: tuple[str, ...] = (
    "x letter",
    "n",
    "show letter to warden",
    "e",
    "take lute case",
    "open case",
    "take lute",
    "w",
    "n",
    "toss penny",
    "play lute",
    "n",
    "listen",
    "read notices",
    "wait until 9:00",
    "attend",
    "s",
    "e",
    "smell",
    "x sundial",
    "talk to quill",
    "ask quill about poetry",
    "w",
    "w",
    "x bed",
    "drop case",
    "i",
    "wait until 21:00",
    "e",
    "wait until 22:30",
    "sleep",
    "time",
    "score",
    "journal",
    "undo",
    "status",
    "e",
    "play lute",
    "practise",
    "perform",
)


def fixture_game(seed: int = 1) -> Game:
    return Game.new(FIXTURE_WORLD, seed=seed)


def default_game(seed: int = 1) -> Game:
    return Game.new(None, seed=seed)


def play(game: Game, commands: Iterable[str],
         before_each: Callable[[Game], None] | None = None) -> list[str]:
    """The full transcript: the opening, then the reply to every command."""
    transcript = [game.opening()]
    for command in commands:
        if before_each is not None:
            before_each(game)
        transcript.append(game.turn(command))
    return transcript
