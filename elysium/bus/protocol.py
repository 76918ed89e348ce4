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
class ConfirmFirst(Narration):
    """An action that asks before it does anything: `text` is a YES/NO question, and YES carries out
    the command `on_yes` (what the player typed, made plain: "wait until 09:00 tomorrow")."""

    on_yes: str = ""


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
    routine: bool = False  # a person coming or going: news, but nothing that stops a walk (GO TO)


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
class RecitalCalled(Event):
    """A recital's steward called the player; heard after everything else of that moment, so that
    the call (a question) is the last thing the player reads."""

    recital: str


@dataclass(frozen=True)
class TurnEnded(Event):
    turn: int


@dataclass(frozen=True)
class LightSettled(Event):
    """Everything a turn does is done (sent after TurnEnded has reached every service), so that the
    player's room can be seen as it now is: lit or dark."""


@dataclass(frozen=True)
class GameEnded(Event):
    ending: str


@dataclass(frozen=True)
class RuleFired(Event):
    """A rule's effects ran; only noted for a tracer (Bus.note), never delivered."""

    rule: str


@dataclass(frozen=True)
class TopicAnswered(Event):
    """A person answered the player from one of their topics; only noted for a tracer (Bus.note)."""

    npc: str
    topic: str


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
class SwitchOn(Request[Narration]):
    item: str


@dataclass(frozen=True)
class SwitchOff(Request[Narration]):
    item: str


@dataclass(frozen=True)
class Flip(Request[Narration]):
    """Switch a device the other way from how it is."""

    item: str


@dataclass(frozen=True)
class Inventory(Request[Narration]):
    pass


@dataclass(frozen=True)
class Go(Request[Narration]):
    direction: str
    passing: bool = False  # a room GO TO walks through on the way: seen briefly, without its exits


@dataclass(frozen=True)
class Enter(Request[Narration]):
    thing: str


@dataclass(frozen=True)
class MovePlayer(Request[Narration]):
    """Put the player in a room (a rule's `go`) and describe it (not when `quietly`)."""

    room: str
    quietly: bool = False


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
class TimersFired(Narration):
    """What the timers of one moment said; `interrupts`: one of them stops a wait there."""

    interrupts: bool = False


@dataclass(frozen=True)
class FireTimers(Request[TimersFired]):
    """Run whatever timers are due at the clock's current moment, within an action that lasts
    `until` (0: ends now); `waiting`: the action is a wait that an interrupting timer stops."""

    until: int = 0
    waiting: bool = False


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
    text: str | None = None  # what the player said after the verb, for rules with a `text:`
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


# -- describing and travelling --------------------------------------------------------------------


@dataclass(frozen=True)
class ExamineSelf(Request[Narration]):
    """X ME: the player's own description."""


@dataclass(frozen=True)
class SetRoomDescriptions(Request[Narration]):
    """BRIEF, VERBOSE or SUPERBRIEF: how rooms are described when the player arrives."""

    mode: str


@dataclass(frozen=True)
class About(Request[Narration]):
    """ABOUT / CREDITS: the game's title, author, version, description and credits."""


@dataclass(frozen=True)
class ShowMap(Request[Narration]):
    """MAP: the ways out of the player's room, with the rooms they lead to as far as known."""


@dataclass(frozen=True)
class Route(Reply):
    """The directions that walk to a place the player knows (none: `text` says why not)."""

    directions: tuple[str, ...] = ()
    place: str = ""  # the place's name, as the player is told it
    destination: str = ""  # its room id
    text: str = ""


# -- world: the verbs players try, people who hold things -----------------------------------------


@dataclass(frozen=True)
class Attempt(Request[Narration]):
    """One of the verbs players try (touch, sit, sing ...): `action` on `thing` (and `second`), or
    on nothing; `text` is what the player said after the verb, for SAY, SING and WRITE."""

    action: str
    thing: str | None = None
    second: str | None = None
    text: str = ""


@dataclass(frozen=True)
class FindWay(Request[Route]):
    """GO TO: the shortest way, over rooms the player has been in, to the place `words` name."""

    words: str


@dataclass(frozen=True)
class Throw(Request[Narration]):
    """Throw an item: `preposition` "at", "in" or "on" a `target`, or nowhere in particular."""

    item: str
    preposition: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class Give(Request[Narration]):
    item: str
    person: str | None = None


@dataclass(frozen=True)
class Show(Request[Narration]):
    item: str
    person: str | None = None


@dataclass(frozen=True)
class TakeFirst(Request[Narration]):
    """Pick an item up before `action` uses it: "(first taking ...)", "" when already held, or a
    refusal (done=False) when it cannot be taken for that action."""

    item: str
    action: str
