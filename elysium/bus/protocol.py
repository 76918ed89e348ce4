"""The message interface of every service: what each one answers and what each one announces.

Services know one another only through these types. Requests name their reply type; most actions
reply with a `Narration`: the text for the player and the minutes of game time the action took.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from elysium.bus.message import Event, Reply, Request

# -- replies ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Narration(Reply):
    """Text for the player; `minutes` of game time passed; `done` is False when nothing happened."""

    text: str = ""
    minutes: int = 0
    done: bool = True


@dataclass(frozen=True)
class ScopeReply(Reply):
    """The things the player can refer to now, each a plain mapping (id, name, nouns, ...)."""

    things: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class RulesOutcome(Reply):
    """What content rules made of an action: their text, and whether they replaced the action."""

    text: str = ""
    handled: bool = False
    minutes: int = 0
    replace: bool = False  # after rules: their text replaces the action's own


# -- events ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Narrated(Event):
    """Text that something other than the current action shows the player (rules, arrivals)."""

    text: str


@dataclass(frozen=True)
class PlayerMoved(Event):
    origin: str
    destination: str


@dataclass(frozen=True)
class NpcMoved(Event):
    npc: str
    origin: str
    destination: str


@dataclass(frozen=True)
class TimePassed(Event):
    """Game time went from `start` to `end` (minutes since the start of the calendar)."""

    start: int
    end: int


@dataclass(frozen=True)
class TurnEnded(Event):
    turn: int


@dataclass(frozen=True)
class GameEnded(Event):
    ending: str


@dataclass(frozen=True)
class LoreLearned(Event):
    lore: str


# -- world: places, things and the player's body --------------------------------------------------


@dataclass(frozen=True)
class Look(Request[Narration]):
    pass


@dataclass(frozen=True)
class Examine(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class Search(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class Take(Request[Narration]):
    item: str
    source: str | None = None


@dataclass(frozen=True)
class Drop(Request[Narration]):
    item: str


@dataclass(frozen=True)
class Put(Request[Narration]):
    item: str
    preposition: str
    target: str


@dataclass(frozen=True)
class Open(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class Close(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class Lock(Request[Narration]):
    thing: str
    key: str | None = None


@dataclass(frozen=True)
class Unlock(Request[Narration]):
    thing: str
    key: str | None = None


@dataclass(frozen=True)
class Wear(Request[Narration]):
    item: str


@dataclass(frozen=True)
class TakeOff(Request[Narration]):
    item: str


@dataclass(frozen=True)
class Read(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class Light(Request[Narration]):
    item: str


@dataclass(frozen=True)
class Douse(Request[Narration]):
    item: str


@dataclass(frozen=True)
class Inventory(Request[Narration]):
    pass


@dataclass(frozen=True)
class Go(Request[Narration]):
    direction: str


@dataclass(frozen=True)
class Enter(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class MovePlayer(Request[Narration]):
    """Put the player in a room (a rule's `go`) and describe it."""

    room: str


@dataclass(frozen=True)
class DescribeScope(Request[ScopeReply]):
    pass


# -- clock: time passing and the calendar ----------------------------------------------------------


@dataclass(frozen=True)
class ClockStep(Reply):
    reached: int


@dataclass(frozen=True)
class AdvanceClock(Request[ClockStep]):
    """Move the clock towards `until`, stopping at the next moment a timer is due."""

    until: int


@dataclass(frozen=True)
class FireTimers(Request[Narration]):
    """Run whatever timers are due at the clock's current moment."""


@dataclass(frozen=True)
class TellTime(Request[Narration]):
    pass


@dataclass(frozen=True)
class Wait(Request[Narration]):
    """Wait a while: `how` is what the player said after WAIT ("", "30 minutes", "until 9:00")."""

    how: str = ""


# -- rules: the content's conditions and effects --------------------------------------------------


@dataclass(frozen=True)
class RunRules(Request[RulesOutcome]):
    """Give content rules their say on an action (`verb` on `thing` with `second`, going
    `direction`) at one `phase` of it: before, instead of, or after it (see services/rules.py)."""

    verb: str
    thing: str | None = None
    second: str | None = None
    direction: str | None = None
    phase: str = "instead"


@dataclass(frozen=True)
class RunEffects(Request[Narration]):
    effects: tuple[dict[str, Any], ...]
    source: str = ""


@dataclass(frozen=True)
class ShowScore(Request[Narration]):
    pass


@dataclass(frozen=True)
class ShowStatus(Request[Narration]):
    pass


# -- lore: people, topics and the journal ---------------------------------------------------------


@dataclass(frozen=True)
class AskAbout(Request[Narration]):
    npc: str
    topic: str


@dataclass(frozen=True)
class TalkTo(Request[Narration]):
    npc: str


@dataclass(frozen=True)
class Learn(Request[Narration]):
    lore: str


@dataclass(frozen=True)
class ShowJournal(Request[Narration]):
    pass


# -- classes and recitals -------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowTimetable(Request[Narration]):
    pass


@dataclass(frozen=True)
class Attend(Request[Narration]):
    what: str = ""


@dataclass(frozen=True)
class ShowRecitals(Request[Narration]):
    pass


@dataclass(frozen=True)
class Perform(Request[Narration]):
    piece: str = ""


@dataclass(frozen=True)
class Practise(Request[Narration]):
    piece: str = ""


@dataclass(frozen=True)
class Sleep(Request[Narration]):
    pass


@dataclass(frozen=True)
class LearnPiece(Request[Narration]):
    piece: str


@dataclass(frozen=True)
class ShowRepertoire(Request[Narration]):
    pass


@dataclass(frozen=True)
class Upcoming(Reply):
    """The next event of a kind: its name, when it starts (-1: none) and where."""

    name: str = ""
    when: int = -1
    place: str = ""


@dataclass(frozen=True)
class NextClass(Request[Upcoming]):
    pass


@dataclass(frozen=True)
class NextRecital(Request[Upcoming]):
    pass
