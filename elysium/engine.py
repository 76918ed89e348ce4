"""One turn of the game: words in, messages through the services, text out.

`Game` is the only door for every front-end (plain mode, the TUI, the browser, the transcript
runner). It owns the bus, the state and the undo history; the services it wires up own nothing.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from elysium import parser
from elysium.bus import Bus, Delivery, Runaway, Service, subscribes
from elysium.bus.protocol import AdvanceClock, ConfirmFirst, DescribeScope, FireTimers, Look, Narrated, RunRules, TakeFirst, TurnEnded
from elysium.content import Content, load_content
from elysium.content.messages import DEFAULTS
from elysium.commands import META_ACTIONS, TAKE_FIRST, missing_verb_words, request_for, rules_verb
from elysium.services import ALL_SERVICES
from elysium.state import calendar, places
from elysium.state.conditions import render
from elysium.state.text import say
from elysium import __version__
from elysium.content.styles import without_controls
from elysium.content.flowing import flowing
from elysium.state.reconcile import compare_packs, describe_changes, fitting_history, reconcile
from elysium.state.save_check import SHORT_TEXT, Damaged, check_save
from elysium.state.saves import SaveError, SaveInfo, SaveSlots, default_saves_folder, shown_name
from elysium.state.store import Checkpoint, History, Store, initial_state
from elysium.walking import walk

log = logging.getLogger(__name__)

AUTOSAVE = "autosave"
ONLY_LOOKING = frozenset({"examine", "smell", "listen", "count"})  # may be done to what others hold
WAITING = frozenset({"wait", "sleep"})  # actions that a timer which interrupts stops short
IMPLICIT_TAKE = frozenset({"put", "wear"}) | TAKE_FIRST  # actions that pick their object up first
MAX_LINE = 2000  # characters of one input line that the parser looks at
# Deliveries on the bus that one command may set off: the heaviest command of the Starred Blocks
# transcripts takes under a hundred, a day's wait with a timer for every minute about ten thousand.
COMMAND_ALLOWANCE = 100_000
HELP_FILE = Path(__file__).with_name("help.md")
RUNAWAY = DEFAULTS["engine.runaway"]  # what a runaway command ends with, unless the game rewords it


NEEDS_MARK = re.compile(r"\s*<!-- needs (\w+) -->\s*$")


def for_features(markdown: str, features: frozenset[str]) -> str:
    """Help text without the lines about campus systems the game does not use: a line that ends
    `<!-- needs FEATURE -->` (with the indented lines that go on from it) only when it does."""
    lines, keep = [], True
    for line in markdown.splitlines():
        if line[:1].isspace() and line.strip():  # goes on from the line above
            if keep:
                lines.append(line)
            continue
        mark = NEEDS_MARK.search(line)
        keep = mark is None or mark[1] in features
        if keep:
            lines.append(NEEDS_MARK.sub("", line))
    return "\n".join(lines)


def help_text(state: dict[str, Any], content: Content) -> str:
    """The engine's help (`engine.help`, light Markdown, without the lines about campus systems the
    game does not use), then the pack's own words, as plain text whose paragraphs flow."""
    text = flowing(for_features(say("engine.help", state, content).strip(), content.game.features))
    extra = content.game.help
    if not extra:
        return text
    return f"{text}\n\n{say('engine.about_this_game', state, content)}\n{extra.strip()}"


class Listener(Service):
    """The engine's ear on the bus: collects text that events show the player during a turn."""

    name = "engine"

    def __init__(self, heard: list[str], passing_news: list[str] | None = None) -> None:
        self.heard = heard
        self.passing_news = passing_news

    @subscribes(Narrated)
    def narrated(self, msg: Narrated, ctx: Any) -> None:
        self.heard.append(msg.text)
        if msg.routine and self.passing_news is not None:
            self.passing_news.append(msg.text)


def things_from(described: Iterable[dict[str, Any]]) -> list[parser.Thing]:
    """The parser's things, from the world's plain description of what is in scope."""
    return [parser.Thing(**{**t, "nouns": tuple(t["nouns"]), "adjectives": tuple(t["adjectives"]),
                             "holds": tuple(t.get("holds", ()))})
            for t in described]


@dataclass
class Game:
    content: Content
    state: Store
    bus: Bus
    history: History = field(default_factory=History)
    over: bool = False
    errors: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    passing_news: list[str] = field(default_factory=list)  # lines heard that do not stop GO TO (walking.py)
    line_start: Checkpoint | None = None
    line_acted: bool = False
    slots: SaveSlots | None = None
    confirming: tuple[str, str] | None = None
    seed: int = 0
    oops: tuple[str, str] | None = None  # the last failed command and the word it did not know
    failed_segment: str | None = None  # the last command, when it misfired: AGAIN repeats what was typed last
    changed: bool = False  # this line moved the game on (or back, with UNDO)
    autosave_each_line: bool = False  # set by a front-end: autosave after every line that changed the game
    autosave_failing: bool = False  # said once, not after every line, while the autosave keeps failing

    @classmethod
    def new(cls, content: Path | None = None, seed: int = 0, mods: tuple[Path, ...] = (),
            trace: Callable[[Delivery], None] | None = None) -> Game:
        """A fresh game; raises ContentError (every problem, with file:line:col) on broken content."""
        loaded = load_content(content, tuple(mods))
        return cls.from_content(loaded, seed, trace)

    @classmethod
    def from_content(cls, content: Content, seed: int = 0,
                     trace: Callable[[Delivery], None] | None = None) -> Game:
        state = Store(initial_state(content, seed))
        game = cls(content, state, Bus(state, content), seed=seed)
        game.bus.tracer = trace
        game.rebuild_services()
        return game

    def save(self, slots: SaveSlots, name: str) -> SaveInfo:
        """Write the game to a slot (raises SaveError with a message for the player)."""
        room = without_controls(self.content.rooms[self.state["location"]].name)[:SHORT_TEXT]  # listings print it
        if "clock" in self.content.game.features:
            summary = {"day": calendar.day_of(self.state["time"]), "clock": calendar.clock_text(self.state["time"]),
                       "location": room}
        else:  # no day or hour in a game without the clock: the turn tells saves apart
            summary = {"location": room, "turn": self.state["turn"]}
        return slots.write(name, {"game_version": __version__, "packs": list(self.content.packs),
                                  "summary": summary, "state": self.state,
                                  "history": self.history.checkpoints()})

    def restore(self, slots: SaveSlots, name: str) -> str:
        """Replace this game with a saved one. Raises SaveError, changing nothing, when the save is
        damaged or was made with packs that are not loaded; when packs changed, says how."""
        body = slots.read(name)
        try:
            check_save(body, self.content)  # before anything reads it, so nothing reads it half-way
        except Damaged as problem:
            raise SaveError(self.say("engine.save_damaged", name=shown_name(name), problem=problem)) from None
        notes = compare_packs(body.get("packs", []), self.content)
        state = body["state"]  # read just now: this game's own to change
        fresh = self.fresh_state
        try:
            notes += reconcile(state, self.content, fresh)
            history = fitting_history(body.get("history", []), self.content, fresh)
        except (KeyError, TypeError, AttributeError, ValueError, OverflowError):
            raise SaveError(self.say("engine.save_misshapen", name=shown_name(name))) from None
        self.state.replace(state)
        self.history.replace(history)
        self.over = False
        return "\n".join([*notes, self.bus.ask(Look()).text])

    def reload(self, content: Content) -> str:
        """Carry on with new content, keeping the player's place, belongings, time and flags;
        returns what changed, for the player."""
        notes = [describe_changes(self.content, content), *reconcile(self.state, content)]
        self.state.reindex()
        self.content = content
        self.bus.content = content
        self.__dict__.pop("vocabulary", None)
        self.__dict__.pop("fresh_state", None)
        self.history.replace([])
        self.rebuild_services()
        return "\n".join(notes)

    def rebuild_services(self) -> None:
        """Throw away every service instance and wire up new ones (they keep nothing between calls)."""
        self.bus.clear()
        for service in ALL_SERVICES:
            self.bus.register(service())
        self.bus.register(Listener(self.heard, self.passing_news))

    @cached_property
    def fresh_state(self) -> dict[str, Any]:
        """A new game's state for this content, which restoring a save measures the save against
        (read only: its seed and dice are never used)."""
        return initial_state(self.content, 0)

    # -- vocabulary and scope ------------------------------------------------------------------
    @cached_property
    def vocabulary(self) -> parser.Vocabulary:
        things = [*self.content.items.values(), *self.content.npcs.values()]
        return parser.Vocabulary(
            nouns=frozenset(w for t in things for w in t.nouns),
            adjectives=frozenset(w for t in things for w in t.adjectives),
            custom_verbs={w: v.id for v in self.content.verbs.values() for w in v.words},
            missing_verbs=missing_verb_words(self.content.game.features),
            directions=self.content.game.directions,
        )

    def scope(self) -> list[parser.Thing]:
        return things_from(self.bus.ask(DescribeScope()).things)

    # -- the turn ------------------------------------------------------------------------------
    def opening(self) -> str:
        game = self.content.game
        intro = self.render(game.intro)
        banner = "\n".join(p for p in (game.title.upper(), game.subtitle, self.say("engine.help_hint")) if p)
        if not game.banner:  # a game may open on its intro alone
            banner = ""
        return "\n\n".join(p for p in (banner, intro, self.bus.ask(Look()).text) if p)

    def turn(self, line: str) -> str:
        """The reply to one line the player typed. Never raises for anything a player can type."""
        line = _printable(line)[:MAX_LINE]
        if self.confirming is not None:
            if self.confirming[0] == "command" and _is_yes(line):  # YES to an action's own question
                line, self.confirming = self.confirming[1], None
            else:
                answer = self.confirm(line)
                if answer is not None:
                    return answer
        if not parser.split_commands(line) and self.state["pending"] is None:
            return self.say("engine.pause")
        before = self.state.begin()
        history = self.history.checkpoints()
        self.changed = False
        try:
            replies = self.play_line(line, before)
        except Exception as error:  # a fault in the engine must not end the player's evening
            log.exception("turn failed: %r", line)
            self.errors.append(f"{type(error).__name__}: {error}")
            self.state.rewind(before)
            self.history.replace(history)
            self.changed = False  # rewound: nothing new to keep
            return self.say("engine.internal_error")
        finally:
            self.state.end(before)
            if self.line_start is not None:
                self.state.end(self.line_start)
        if self.autosave_each_line and self.changed and not self.over:  # QUIT saved already; one write a line
            replies.append(self.autosave_after_line())
        return "\n\n".join(r for r in replies if r) or self.say("engine.nothing_happens")

    def play_line(self, line: str, before: Checkpoint) -> list[str]:
        """Replies to each command of the line. A line is one undo step, however many of its
        commands change the game; an UNDO inside the line takes back what came before it there.
        `before`: the turn's own checkpoint, begun just now."""
        replies: list[str] = []
        self.line_start = self.state.begin(alongside=before)
        self.line_acted = False
        pending = self.state["pending"]
        if pending is not None:
            self.state["pending"] = None
            scope = self.scope()
            result = parser.resolve_answer(line, pending, scope, self.vocabulary, self.state["pronouns"])
            if result is not None:
                replies.append(self.perform(result, pending.get("segment", line), scope))
                if isinstance(result, parser.Failure) and result.unknown:
                    self.oops = (parser.answered_text(line, pending), result.unknown)
                self.close_line()
                return replies
        for segment in parser.split_commands(line):
            if segment.lower().split()[:1] == ["undo"]:
                replies.append(self.undo())
                continue
            scope = self.scope()  # what is at hand until this segment acts: parsing, AGAIN, IT, PUT
            result = parser.parse(segment, scope, self.vocabulary, self.state["pronouns"])
            if isinstance(result, parser.Command) and result.action == "oops":
                segment, result = self.correct(result, segment, scope)
            repeating = isinstance(result, parser.Command) and result.action == "again"
            if repeating and self.failed_segment:
                segment = self.failed_segment
                result = parser.parse(segment, scope, self.vocabulary, self.state["pronouns"])
            elif repeating:
                result = self.last_command(scope)
            misfired = isinstance(result, parser.Failure) and not result.key.startswith("parser.oops")
            if not (repeating and misfired):  # AGAIN of a misfire keeps repeating what was typed
                self.failed_segment = segment if misfired else None
            if self.state["ending"] and not (isinstance(result, parser.Command) and result.action in META_ACTIONS):
                replies.append(self.ended_text())
                break
            replies.append(self.perform(result, segment, scope))
            if not isinstance(result, parser.Command) or self.over or self.state["ending"]:
                break  # a question, a misunderstanding or the end stops the rest of the line
            if self.state["pending"] is not None or self.confirming is not None:
                break  # so does a question the action asked ("Which piece?", "Wait until tomorrow?")
        self.close_line()
        return replies

    def close_line(self) -> None:
        self.state.end(self.line_start)
        if self.line_acted:
            self.history.push(self.line_start)
            self.line_acted = False

    def last_command(self, scope: list[parser.Thing]) -> parser.Command | parser.Failure:
        """The command AGAIN repeats, as long as what it named is still at hand."""
        saved = self.state["last_command"]
        if saved is None:
            return parser.Failure(say("parser.again_nothing", self.state, self.content))
        command = parser.Command(**{**saved, "objects": tuple(saved["objects"])})
        in_reach = {thing.id for thing in scope}
        for thing_id in (*command.objects, command.second):
            if thing_id is not None and thing_id not in in_reach:
                return parser.Failure(say("parser.again_gone", self.state, self.content,
                                          noun=self.content.thing(thing_id)))
        return command

    def correct(self, oops: parser.Command, segment: str, scope: list[parser.Thing]) -> tuple[str, Any]:
        """OOPS: the last failed command read again with its unknown word replaced."""
        failed, unknown = self.oops or (None, None)
        fixed = parser.corrected(oops, failed, unknown)
        if isinstance(fixed, parser.Failure):
            return segment, fixed
        return fixed, parser.parse(fixed, scope, self.vocabulary, self.state["pronouns"])

    def perform(self, result: Any, segment: str, scope: list[parser.Thing]) -> str:
        """Carry out what the parser made of a segment, in the scope it was parsed in."""
        if not (isinstance(result, parser.Failure) and result.key.startswith("parser.oops")):
            unknown = getattr(result, "unknown", None)
            self.oops = (segment, unknown) if unknown else None
        if isinstance(result, parser.Failure):
            return self.parser_says(result)
        if isinstance(result, parser.Question):
            self.state["pending"] = {**result.pending, "segment": segment}
            return self.parser_says(result)
        command: parser.Command = result
        self.state["pronouns"].update(parser.pronouns_after(command, scope, segment))
        self.state["last_command"] = {**dataclasses.asdict(command), "objects": list(command.objects)}
        if command.action == "help" and command.text:
            command = self.help_asked(command, scope)
        if command.action in META_ACTIONS:
            if command.action in ("save", "restore", "load", "delete"):
                # A save's name is whatever follows the verb, articles and all.
                typed = segment.split(None, 1)[1].strip() if len(segment.split(None, 1)) > 1 else ""
                command = dataclasses.replace(command, text=typed or None)
            return self.meta(command)
        self.line_acted = self.changed = True
        return self.act(command, scope)

    def help_asked(self, command: parser.Command, scope: list[parser.Thing]) -> parser.Command:
        """HELP WREN, said to a person here, is ASK WREN ABOUT HELP: the person's answer (a topic
        or a rule on `ask` with the text help), never the help screen; HELP anything else is the
        help screen."""
        asked = parser.parse(f"ask {command.text} about help", scope, self.vocabulary, self.state["pronouns"])
        people = {thing.id for thing in scope if thing.kind == "npc"}
        if isinstance(asked, parser.Command) and asked.action == "ask" and set(asked.objects) <= people and asked.objects:
            return asked
        return command

    def parser_says(self, reply: parser.Failure | parser.Question) -> str:
        """The parser's reply in the game's own words when the game rewords that message."""
        return say(reply.key, self.state, self.content, **reply.params) if reply.key else reply.text

    def act(self, command: parser.Command, scope: list[parser.Thing]) -> str:
        self.heard.clear()
        self.passing_news.clear()  # only a walk reads it, step by step: it must not grow all game
        texts: list[str] = []

        def show(text: str) -> None:
            # Whatever events said during that request follows it, before anything later.
            texts.append(text)
            texts.extend(self.heard)
            self.heard.clear()

        turn = self.state["turn"]
        try:
            with self.bus.allowance(COMMAND_ALLOWANCE):
                if command.action == "travel":  # GO TO: step by step, each step a turn
                    walk(self, command, show)
                else:
                    self.carry_out(command, scope, show)
        except Runaway as runaway:
            # Kept as far as it got, not rewound: content that runs away on every turn or at some
            # hour would otherwise take back every command, and the player could never get past it.
            log.warning("stopped the command %r: %s", command.action, runaway)
            self.heard.clear()
            self.state.pop("delay", None)
            self.state["turn"] = turn + 1
            texts.append(self.say("engine.runaway"))
        if self.state["ending"]:
            texts.append(self.final_words())
        return "\n".join(t for t in texts if t)

    def carry_out(self, command: parser.Command, scope: list[parser.Thing], show: Callable[[str], None]) -> None:
        """The action on each of its objects, then time, the end of the turn and the autosave."""
        minutes = 0
        started = self.state["time"]
        waiting = command.action in WAITING
        held: list[str] = []  # a wait's own words: said once it is known whether something stopped it
        tell = show
        if waiting:
            def show(text: str) -> None:
                held.append("\n".join(t for t in (text, *self.heard) if t))
                self.heard.clear()
        targets = command.objects or (None,)
        carried = {thing.id for thing in scope if thing.carried}
        portable = {thing.id for thing in scope if thing.portable}
        others = {thing.id: thing.held_by for thing in scope if thing.held_by}
        for target in targets:
            if target in others:  # nothing is picked up first: someone else is holding it
                pass
            elif (command.action in IMPLICIT_TAKE and target is not None and target not in carried
                    and (command.action not in TAKE_FIRST or target in portable)):
                # Putting or wearing something picks it up first, and content may forbid that.
                refusal = self.bus.ask(RunRules("take", target))
                if refusal.handled:
                    minutes += refusal.minutes
                    show(refusal.text)
                    continue
            taken = ""
            if command.action in TAKE_FIRST and target is not None and target not in carried | others.keys():
                # Before rules see it, so that "show letter to warden" has the letter in hand.
                first = self.bus.ask(TakeFirst(target, command.action))
                if not first.done:
                    show(first.text)
                    continue
                taken = first.text
            text, spent = self.phases(command, target, self.someone_elses(command, target, others))
            text = "\n".join(t for t in (taken, text) if t)
            minutes += spent
            if len(targets) > 1 or command.used_all:
                text = self.say("engine.each_thing", noun=self.content.thing(target), reply=text)
            show(text)
            if self.state["ending"]:
                break
        show = tell
        if not self.state["ending"]:
            try:
                passed, stopped, told = self.pass_time(minutes, waiting)
            except Runaway:  # what the action said before time ran away is still said
                for text in held:
                    show(text)
                raise
            if stopped is None:
                held.append(passed)
            elif told:
                held = [passed]
            else:  # what the wait would have said is no longer true: where it stopped instead
                stop = "campus.sleep_interrupted" if command.action == "sleep" else "campus.wait_interrupted"
                if "clock" not in self.content.game.features:  # no time of day to tell
                    stop = "campus.wait_interrupted_unseen"
                held = [passed, self.say(stop, time=calendar.clock_text(stopped))]
        for text in held:
            show(text)
        self.state["turn"] += 1
        if not self.state["ending"]:
            self.bus.publish(TurnEnded(self.state["turn"]))
            show("")
        if (calendar.day_of(self.state["time"]) > calendar.day_of(started) and not self.state["ending"]
                and not self.autosave_each_line):  # with it, the line's own autosave keeps the new day
            show(self.autosave())  # a new day in the game is a new autosave

    @staticmethod
    def someone_elses(command: parser.Command, target: str | None, others: dict[str, str]) -> str | None:
        """The thing the command would handle that another person holds, if it handles one: looking
        at it is fine, anything else is theirs to allow (a rule may)."""
        if command.action in ONLY_LOOKING:
            return None
        return next((thing for thing in (target, command.second) if thing in others), None)

    def phases(self, command: parser.Command, target: str | None, theirs: str | None = None) -> tuple[str, int]:
        """The action on one object with its rules, and the minutes it took: before rules (one that
        stops refuses the action), instead rules (one that stops replaces it), the action itself,
        then, when it succeeded, after rules (adding to its text, or replacing it). `theirs` is a
        thing another person holds that the action would handle: the action refuses it."""
        before = self.bus.ask(rules_verb(command, target, "before"))
        if before.handled or self.state["ending"]:
            return before.text, before.minutes
        outcome = self.bus.ask(rules_verb(command, target))
        if outcome.handled or self.state["ending"]:
            return _lines(before.text, outcome.text), outcome.minutes
        if theirs is not None:
            holder = places.holder_of(self.state, self.content, theirs)
            refusal = self.say("verbs.held_by_other", noun=self.content.thing(theirs),
                               holder=self.content.thing(holder),
                               be="are" if self.content.items[theirs].plural else "is")
            return _lines(before.text, outcome.text, refusal), 0
        reply = self.bus.ask(request_for(command, target))
        if isinstance(reply, ConfirmFirst):  # answered on the next line (see turn)
            self.confirming = ("command", reply.on_yes)
        if not getattr(reply, "done", True) or self.state["ending"]:
            return _lines(before.text, outcome.text, reply.text), reply.minutes
        after = self.bus.ask(rules_verb(command, target, "after"))
        own = "" if after.replace else reply.text
        return _lines(before.text, outcome.text, own, after.text), reply.minutes

    def pass_time(self, minutes: int, waiting: bool = False) -> tuple[str, int | None, bool]:
        """Let time pass moment by moment: what is due between moments (people on their rounds,
        missed classes) happens before the timers of the moment it leads to. Returns what was said,
        the moment a timer that interrupts (or a question put to the player) stopped it, when
        `waiting` (WAIT, SLEEP) and one did, and whether where it stopped has been said already."""
        texts: list[str] = []
        target = self.state["time"] + minutes + self.state.pop("delay", 0)
        while self.state["time"] < target and not self.state["ending"]:
            moment = len(texts)
            self.bus.ask(AdvanceClock(target))
            texts.extend(self.heard)
            self.heard.clear()
            fired = self.bus.ask(FireTimers(target, waiting))
            texts.append(fired.text)
            if not fired.interrupts:  # what would not stop a wait does not stop a walk either
                self.passing_news.extend(fired.text.split("\n"))
            texts.extend(self.heard)
            self.heard.clear()
            if waiting and fired.interrupts and self.state["time"] < target and not self.state["ending"]:
                self.state.pop("delay", None)
                return "\n".join(t for t in texts if t), self.state["time"], False
            target += self.state.pop("delay", 0)
            if self.state["pending"] is not None:  # the world asked the player something (a steward's call)
                if self.state["time"] >= target or not waiting:
                    break
                # Said before the question, so that the question is the last thing the player reads.
                stop = self.say("campus.wait_interrupted", time=calendar.clock_text(self.state["time"]))
                texts.insert(moment, stop)
                return "\n".join(t for t in texts if t), self.state["time"], True
        return "\n".join(t for t in texts if t), None, False

    def meta(self, command: parser.Command) -> str:
        action = command.action
        if action == "quit":
            self.over = True
            return "\n".join(t for t in (self.autosave(), self.say("engine.farewell")) if t)
        if action == "help":
            return help_text(self.state, self.content)
        if action in ("save", "restore", "load", "saves"):
            return self.saved_games(action, command.text or "")
        if action == "delete":
            if not command.text:
                return self.say("engine.delete_which")
            self.confirming = ("delete", command.text)
            return self.say("engine.delete_question", name=shown_name(command.text))
        if action == "restart":
            self.confirming = ("restart", "")
            return self.say("engine.restart_question")
        return self.bus.ask(request_for(command, None)).text

    def saved_games(self, action: str, name: str) -> str:
        slots = self.slots or SaveSlots(default_saves_folder())
        if action == "save":
            if slots.exists(name or "quicksave"):  # never over another save without asking
                self.confirming = ("save", name)
                return self.say("engine.replace_question", name=shown_name(name))
            return self.save_as(slots, name)
        try:
            if action in ("restore", "load"):
                restored = self.restore(slots, name or "quicksave")
                return f"{self.say('engine.restored', name=shown_name(name))}\n\n{restored}"
        except SaveError as error:
            return str(error)
        found = slots.list()
        if not found:
            return self.say("engine.no_saves")
        return self.say("engine.saves_heading") + "\n" + "\n".join(
            "  " + self.say("engine.saves_entry", name=s.name, when=s.when, location=s.location,
                            saved_at=s.saved_at.replace("T", " ")[:16])
            for s in found)

    def save_as(self, slots: SaveSlots, name: str) -> str:
        """SAVE's reply, once it is known that the player means it."""
        try:
            info = self.save(slots, name or "quicksave")
        except SaveError as error:
            return str(error)
        return self.say("engine.saved", name=info.name, location=info.location, when=info.when)

    def confirm(self, line: str) -> str | None:
        """The answer to SAVE's (over a save), DELETE's or RESTART's question; None if the line is
        not an answer."""
        (action, name), self.confirming = self.confirming, None
        answer = line.strip().lower().rstrip(".!")
        if not _is_yes(answer):
            return self.say("engine.nothing_changed") if answer in ("no", "n", "") else None
        if action == "save":
            return self.save_as(self.slots or SaveSlots(default_saves_folder()), name)
        if action == "delete":
            try:
                gone = (self.slots or SaveSlots(default_saves_folder())).delete(name)
                return self.say("engine.deleted", name=gone)
            except SaveError as error:
                return str(error)
        seed = self.state.get("seed", self.seed)
        self.state.replace(initial_state(self.content, seed if isinstance(seed, int) else self.seed))
        self.history.replace([])
        return self.opening()

    def autosave(self) -> str:
        """Save to the 'autosave' slot when the front-end gave the game a saves folder."""
        if self.slots is None:
            return ""
        try:
            self.save(self.slots, AUTOSAVE)
        except SaveError as error:
            return self.say("engine.autosave_failed", problem=error)
        return ""

    def autosave_after_line(self) -> str:
        """The autosave after a line that changed the game; a failure is said the first time only."""
        note = self.autosave()
        if note and self.autosave_failing:
            return ""
        self.autosave_failing = bool(note)
        return note

    def undo(self) -> str:
        if self.line_acted:  # "open chest then undo": take back this line's own moves
            previous, self.line_acted = self.line_start, False
        else:
            previous = self.history.pop()
        if previous is None:
            return self.say("engine.nothing_to_undo")
        self.state.end(self.line_start)
        self.state.rewind(previous)
        self.line_start = self.state.begin()
        self.changed = True
        room = self.content.rooms[self.state["location"]].name
        return self.say("engine.undone", room=room)

    def final_words(self) -> str:
        """The score and the way on, once an ending has been reached."""
        state, game = self.state, self.content.game
        count = state["turn"]
        turns = self.say("engine.one_turn" if count == 1 else "engine.turns", count=count)
        if game.max_score:
            score = self.say("engine.score_out_of", score=state["score"], max_score=game.max_score, turns=turns)
        else:
            score = self.say("engine.score", score=state["score"], turns=turns)
        verdict = self.say("engine.won" if self.content.endings[state["ending"]].win else "engine.lost")
        return f"\n{score} {verdict}\n{self.ended_text()}"

    def ended_text(self) -> str:
        if "lore" not in self.content.game.features:
            return self.say("campus.story_ended")  # no JOURNAL to look back at
        return self.say("engine.ended")

    def say(self, key: str, /, **params: Any) -> str:
        """The engine's sentence `key` as this game words it (see elysium/content/messages)."""
        return say(key, self.state, self.content, **params)

    def render(self, text: Any) -> str:
        return render(text, self.state, self.content)


def _lines(*texts: str) -> str:
    return "\n".join(t for t in texts if t)


def _is_yes(line: str) -> bool:
    return line.strip().lower().rstrip(".!") in ("yes", "y")


def _printable(line: str) -> str:
    """Drop control characters (a pasted escape sequence must not reach any front-end)."""
    return "".join(ch if ch.isprintable() else " " for ch in line)
