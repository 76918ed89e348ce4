"""From a parsed command to the request that carries it to a service.

Kept apart from the engine's turn loop so that the mapping from verbs to messages reads as one
table: adding a verb means one line here and one handler in the service that owns it.
"""

from __future__ import annotations

from collections.abc import Callable

from elysium.bus import Request
from elysium.bus import protocol as p
from elysium.content import features as campus
from elysium.parser import Command
from elysium.parser.grammar import VERBS

# Actions that take no game time, make no undo point and never reach content rules. (INVENTORY is
# not one: as in Inform it takes a turn, and rules, `on: any` ones too, can answer it.)
META_ACTIONS = frozenset({
    "quit", "help", "score", "time", "journal", "timetable", "status", "recitals", "repertoire",
    "save", "restore", "load", "saves", "delete", "restart",
    "brief", "verbose", "superbrief", "about", "map",
})

# The verbs players try that the world answers with a reply of their own (services/world/actions.py).
TRIED_ACTIONS = (
    "touch", "sit", "stand", "lie", "climb", "say", "shout", "sing", "write", "knock", "wake", "jump",
    "yes", "no", "kiss", "attack", "dance", "taste", "drink", "eat", "smell", "listen", "look_under",
    "look_behind", "buy", "count", "pray", "wave", "pull", "push", "turn",
)
# Actions that pick their object up first (engine.py), whatever rules then make of them.
TAKE_FIRST = frozenset({"give", "show", "throw"})

Build = Callable[[Command, str | None], Request]

REQUESTS: dict[str, Build] = {
    "look": lambda c, o: p.Look(),
    "examine": lambda c, o: p.Examine(o),
    "search": lambda c, o: p.Search(o),
    "take": lambda c, o: p.Take(o, c.second),
    "drop": lambda c, o: p.Drop(o),
    "put": lambda c, o: p.Put(o, c.preposition or "in", c.second),
    "open": lambda c, o: p.Open(o),
    "close": lambda c, o: p.Close(o),
    "lock": lambda c, o: p.Lock(o, c.second),
    "unlock": lambda c, o: p.Unlock(o, c.second),
    "wear": lambda c, o: p.Wear(o),
    "remove": lambda c, o: p.TakeOff(o),
    "read": lambda c, o: p.Read(o),
    "light": lambda c, o: p.Light(o),
    "douse": lambda c, o: p.Douse(o),
    "switch_on": lambda c, o: p.SwitchOn(o),
    "switch_off": lambda c, o: p.SwitchOff(o),
    "flip": lambda c, o: p.Flip(o),
    "inventory": lambda c, o: p.Inventory(),
    "go": lambda c, o: p.Go(c.direction or "", passing=c.text == "passing"),  # GO TO's steps (walking.py)
    "enter": lambda c, o: p.Enter(o),
    "wait": lambda c, o: p.Wait(c.text or ""),
    "sleep": lambda c, o: p.Sleep(),
    "ask": lambda c, o: p.AskAbout(o, c.text or ""),
    "talk": lambda c, o: p.TalkTo(o),
    "time": lambda c, o: p.TellTime(),
    "score": lambda c, o: p.ShowScore(),
    "status": lambda c, o: p.ShowStatus(),
    "journal": lambda c, o: p.ShowJournal(),
    "timetable": lambda c, o: p.ShowTimetable(),
    "recitals": lambda c, o: p.ShowRecitals(),
    "repertoire": lambda c, o: p.ShowRepertoire(),
    "attend": lambda c, o: p.Attend(c.text or ""),
    "perform": lambda c, o: p.Perform(c.text or ""),
    "practice": lambda c, o: p.Practise(c.text or ""),
    # describing and travelling (GO TO is walked by the engine, step by step: see walking.py)
    "examine_self": lambda c, o: p.ExamineSelf(),
    "brief": lambda c, o: p.SetRoomDescriptions("brief"),
    "verbose": lambda c, o: p.SetRoomDescriptions("verbose"),
    "superbrief": lambda c, o: p.SetRoomDescriptions("superbrief"),
    "about": lambda c, o: p.About(),
    "map": lambda c, o: p.ShowMap(),
    # The verbs players try, and people who hold things.
    **{action: (lambda action: lambda c, o: p.Attempt(action, o, c.second, c.text or ""))(action)
       for action in TRIED_ACTIONS},
    "throw": lambda c, o: p.Throw(o, c.preposition, c.second),
    "give": lambda c, o: p.Give(o, c.second),
    "show": lambda c, o: p.Show(o, c.second),
}


def request_for(command: Command, target: str | None) -> Request:
    """The request for `command` applied to one of its objects (or to none)."""
    build = REQUESTS.get(command.action)
    if build is None:  # a custom verb that no rule answered is the rules service's to refuse
        return p.RunRules(command.action, target, command.second, command.text)
    return build(command, target)


def missing_verb_words(features: frozenset[str]) -> frozenset[str]:
    """The words of the engine's verbs that mean only actions of campus systems the game lacks
    ("journal", "sleep" in a plain game), for the parser to read as unknown verbs."""
    missing = campus.missing_actions(features)
    return frozenset(word for verb in VERBS
                     if all(rule.action in missing for rule in verb.rules if rule.action is not None)
                     and any(rule.action in missing for rule in verb.rules)
                     for word in verb.words)


def rules_verb(command: Command, target: str | None, phase: str = "instead") -> p.RunRules:
    said = None if command.action == "go" else command.text  # GO's text is only GO TO's "passing" mark
    return p.RunRules(command.action, target, command.second, said, command.direction, phase)
