"""The recitals service: the repertoire, practice, the recital calendar, and performing on stage.

A recital is an event: when it begins, the steward calls the player who is on its stage and waits
a few minutes for a title; a player who lets the call go, or is elsewhere, misses it.

A performance is judged from the recital's skill and the piece's, its mastery and difficulty, the
performer's energy, whether they practised it lately, how well the piece suits the evening's
theme, and one seeded roll: so a student can prepare for a good night, but never be sure of one.
"""

from __future__ import annotations

import re

from elysium.bus import Context, Service, handles, subscribes
from elysium.bus.protocol import (
    LearnPiece, Narrated, Narration, NextRecital, Perform, Practise, RecitalCalled, RunEffects, ShowRecitals,
    ShowRepertoire, TimePassed, TurnEnded, Upcoming,
)
from elysium.content.model import Piece, Recital
from elysium.state import calendar, rng
from elysium.state.conditions import render
from elysium.state.text import say

RECITAL_LENGTH = 120  # minutes a recital's stage stays open
PERFORMANCE = 20      # minutes a performance takes
PRACTICE = 30         # minutes a practice session takes
PRACTICE_ENERGY = 10
PERFORMANCE_ENERGY = 20
PREPARED_WITHIN = 2 * calendar.MINUTES_PER_DAY
# What a practice session feels like at each stage of mastery (the first band reached wins):
# so a piece learned and a piece kept warm do not read alike.
PRACTICE_BANDS = (
    (100, "campus.practised_mastered"),
    (85, "campus.practised_polish"),
    (60, "campus.practised_shaping"),
    (30, "campus.practised_steady"),
    (0, "campus.practised"),
)
MISSED_STANDING = -5
LATE_PENALTY = 10  # points a late performer loses: an audience that has sat through the list

# (lowest total, tier, acclaim, reputation change, standing change, the message of what the hall
# makes of it unless the recital says it in its own words)
VERDICTS = (
    (60, "triumph", 3, 3, 2, "campus.verdict_triumph"),
    (40, "good", 2, 2, 1, "campus.verdict_good"),
    (20, "fair", 1, 0, 0, "campus.verdict_fair"),
    (-999, "poor", 0, -2, -1, "campus.verdict_poor"),
)


class Recitals(Service):
    name = "recitals"

    @handles(LearnPiece)
    def learn_piece(self, msg: LearnPiece, ctx: Context) -> Narration:
        repertoire = ctx.state["repertoire"]
        if msg.piece in repertoire:
            return Narration("")
        repertoire[msg.piece] = {"mastery": 0, "practised": None}
        return Narration(say("campus.piece_learned", ctx.state, ctx.content, piece=ctx.content.pieces[msg.piece].name))

    @handles(ShowRepertoire)
    def show_repertoire(self, msg: ShowRepertoire, ctx: Context) -> Narration:
        repertoire = ctx.state["repertoire"]
        if not repertoire:
            return Narration(say("campus.repertoire_empty", ctx.state, ctx.content))
        lines = [say("campus.repertoire_heading", ctx.state, ctx.content)]
        for piece_id, entry in repertoire.items():
            piece = ctx.content.pieces[piece_id]
            line = "  " + say("campus.repertoire_entry", ctx.state, ctx.content, piece=piece.name,
                              kind=piece.kind, skill=piece.skill.replace("_", " "),
                              difficulty=piece.difficulty, mastery=entry["mastery"])
            lines.append(line + freshness(entry, ctx))
        return Narration("\n".join(lines))

    @handles(Practise)
    def practise(self, msg: Practise, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if not content.rooms[state["location"]].practice and any(r.practice for r in content.rooms.values()):
            return Narration(say("campus.practice_room_needed", state, content), done=False)
        piece = self.choose(msg.piece, ctx, "practise")
        if isinstance(piece, str):
            return Narration(piece, done=False)
        if state["energy"] < PRACTICE_ENERGY:
            return Narration(say("campus.too_tired_to_practise", state, content), done=False)
        entry = state["repertoire"][piece.id]
        skill = state["skills"].get(piece.skill, 0)
        gain = max(1, (8 + skill // 10) * (100 - entry["mastery"]) // 100)
        entry["mastery"] = min(100, entry["mastery"] + gain)
        entry["practised"] = state["time"]
        state["energy"] -= PRACTICE_ENERGY
        key = next(key for lowest, key in PRACTICE_BANDS if entry["mastery"] >= lowest)
        line = say(key, state, content, piece=piece.name, mastery=entry["mastery"])
        own = render(piece.practice, state, content) if entry["mastery"] < 100 else ""  # nothing left to ask
        return Narration(f"{line} {own}" if own else line, minutes=PRACTICE)

    @handles(ShowRecitals)
    def show_recitals(self, msg: ShowRecitals, ctx: Context) -> Narration:
        content = ctx.content
        if not content.recitals:
            return Narration(say("campus.no_recitals", ctx.state, content))
        lines = [say("campus.recitals_heading", ctx.state, content)]
        for recital in sorted(content.recitals.values(), key=lambda r: (r.day, r.time)):
            when = (recital.day - 1) * calendar.MINUTES_PER_DAY
            key = "campus.recital_entry_performed" if recital.id in ctx.state["performed"] else "campus.recital_entry"
            if calls(ctx.state).get(recital.id) in ("passed", "missed"):
                key = "campus.recital_entry_missed"
            lines.append("  " + say(key, ctx.state, content, recital=recital.name,
                                    weekday=calendar.weekday_of(when, content.game.days), day=recital.day,
                                    time=calendar.clock_text(recital.time), stage=content.rooms[recital.stage].name))
        return Narration("\n".join(lines))

    @handles(NextRecital)
    def next_recital(self, msg: NextRecital, ctx: Context) -> Upcoming:
        now = ctx.state["time"]
        coming = [(starts(r), r) for r in ctx.content.recitals.values()
                  if starts(r) + RECITAL_LENGTH > now and r.id not in ctx.state["performed"]]
        if not coming:
            return Upcoming()
        when, recital = min(coming, key=lambda pair: pair[0])
        return Upcoming(recital.name, when, ctx.content.rooms[recital.stage].name)

    @handles(Perform)
    def perform(self, msg: Perform, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        recital = on_now(ctx)
        if recital is None:
            return Narration(say("campus.no_audience", state, content), minutes=5)
        if recital.id in state["performed"]:
            return Narration(say("campus.already_performed", state, content), done=False)
        called = calls(state).get(recital.id)
        if called in ("passed", "missed"):
            return Narration(say("campus.recital_turn_gone", state, content), done=False)
        piece = self.choose(msg.piece, ctx, "perform")
        if isinstance(piece, str):
            if called == "called":  # the steward still waits for an answer
                asking(ctx, "perform", piece)
            return Narration(piece, done=False)
        state["performed"].append(recital.id)
        state.setdefault("recital_pieces", {})[recital.id] = piece.id
        calls(state).pop(recital.id, None)
        # Not called, and come after the steward's moment: the opening (which calls your name) is
        # over, so the late arrival is told instead, and the tired hall judges a little harder.
        late = called is None and state["time"] >= starts(recital) + recital.patience
        total = judge(recital, piece, ctx) - (LATE_PENALTY if late else 0)
        _, tier, acclaim, reputation, standing, verdict = next(v for v in VERDICTS if total >= v[0])
        verdict = render(getattr(recital, tier), state, content) or say(verdict, state, content)
        if recital.suits and piece.kind not in recital.suits:
            verdict = "\n".join(t for t in (verdict, render(recital.unsuited, state, content)) if t)
        state["energy"] = max(0, state["energy"] - PERFORMANCE_ENERGY)
        state["reputation"] += reputation
        state["standing"] += standing
        counters = state["counters"]
        counters["recitals_performed"] = counters.get("recitals_performed", 0) + 1
        counters["recital_acclaim"] = counters.get("recital_acclaim", 0) + acclaim
        opening = "" if called == "called" else render(recital.text, state, content)  # the call set the scene
        if late:
            opening = (ctx.ask(RunEffects(recital.late, source=f"late:{recital.id}")).text
                       if recital.late is not None else say("campus.recital_late", state, content, recital=recital.name))
        step_up = say("campus.step_up", state, content, piece=piece.name)
        own = render(piece.performance, state, content)
        return Narration("\n".join(t for t in (opening, step_up, own, verdict) if t), minutes=PERFORMANCE)

    @subscribes(TimePassed)
    def recital_begins(self, msg: TimePassed, ctx: Context) -> None:
        """The steward calls the player who is on the stage when a recital begins, and waits for a
        piece (a bare title answers, as any question's answer does)."""
        state = ctx.state
        for recital in ctx.content.recitals.values():
            if (not msg.start < starts(recital) <= msg.end or recital.stage != state["location"]
                    or recital.id in state["performed"] or recital.id in calls(state)):
                continue
            state.setdefault("recital_calls", {})[recital.id] = "called"
            ctx.publish(RecitalCalled(recital.id))

    @subscribes(RecitalCalled)
    def steward_calls(self, msg: RecitalCalled, ctx: Context) -> None:
        recital = ctx.content.recitals[msg.recital]
        opening = render(recital.text, ctx.state, ctx.content)
        call = render(recital.call, ctx.state, ctx.content) or say(
            "campus.recital_call", ctx.state, ctx.content, recital=recital.name)
        asking(ctx, "perform", call)
        ctx.publish(Narrated("\n".join(t for t in (opening, call) if t)))

    @subscribes(TurnEnded)
    def call_waits(self, msg: TurnEnded, ctx: Context) -> None:
        """While the steward waits, a title still answers the call, whatever the player did in the
        meantime (a look round); leaving the stage lets it go."""
        state = ctx.state
        for recital_id, called in list(calls(state).items()):
            recital = ctx.content.recitals.get(recital_id)  # None: a save from content that had it
            if called != "called" or recital is None or recital_id in state["performed"]:
                continue
            if state["location"] != recital.stage:
                self.let_go(recital, ctx)
            elif state["pending"] is None:
                asking(ctx, "perform", "")

    @subscribes(TimePassed)
    def call_unanswered(self, msg: TimePassed, ctx: Context) -> None:
        """The steward waits `patience` minutes for a title, then calls the next name."""
        state = ctx.state
        for recital_id, called in list(calls(state).items()):
            recital = ctx.content.recitals.get(recital_id)
            if called == "called" and recital is not None and recital_id not in state["performed"] and (
                    msg.end >= starts(recital) + recital.patience):
                self.let_go(recital, ctx)

    @staticmethod
    def let_go(recital: Recital, ctx: Context) -> None:
        """Called, and the player did something else: their turn goes by, and the recital is missed."""
        state = ctx.state
        state["recital_calls"][recital.id] = "passed"
        if (state["pending"] or {}).get("complete") == "perform":
            state["pending"] = None  # the call's question is over
        count_missed(recital, recital.unanswered, f"unanswered:{recital.id}", "campus.recital_call_unanswered", ctx)

    @subscribes(TimePassed)
    def recitals_missed(self, msg: TimePassed, ctx: Context) -> None:
        state = ctx.state
        for recital in ctx.content.recitals.values():
            closes = starts(recital) + RECITAL_LENGTH
            if not (msg.start < closes <= msg.end) or recital.id in state["performed"]:
                continue
            if calls(state).get(recital.id) in ("passed", "missed"):
                continue  # counted when the player let the steward's call go by
            state.setdefault("recital_calls", {})[recital.id] = "missed"
            count_missed(recital, recital.missed, f"missed:{recital.id}", "campus.recital_missed", ctx)

    @staticmethod
    def choose(asked: str, ctx: Context, verb: str) -> Piece | str:
        """The piece the player means, or what to tell them when it is unclear; `verb` is the
        command a question leaves waiting for its answer."""
        known = [ctx.content.pieces[p] for p in ctx.state["repertoire"]]
        if not known:
            return say("campus.no_pieces", ctx.state, ctx.content)
        words = set(re.findall(r"[\w']+", asked.lower())) - {"the", "a", "an", "of", "piece", "song"}
        if not words:
            if len(known) == 1:
                return known[0]
            return asking(ctx, verb, say("campus.which_piece", ctx.state, ctx.content, pieces=_titles(known)))
        scored = [(len(words & set(re.findall(r"[\w']+", p.name.lower()))), p) for p in known]
        best = max(score for score, _ in scored)
        matches = [p for score, p in scored if score == best and score > 0]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            return say("campus.unknown_piece", ctx.state, ctx.content, pieces=_titles(known))
        return asking(ctx, verb, say("campus.ambiguous_piece", ctx.state, ctx.content, pieces=_titles(matches)))


def asking(ctx: Context, verb: str, question: str) -> str:
    """`question`, leaving `verb` waiting for its answer as the parser's own prompts do: the
    player's next line, unless it is a command of its own, finishes it ("practise" + "the circle
    round")."""
    ctx.state["pending"] = {"complete": verb}
    return question


def freshness(entry: dict, ctx: Context) -> str:
    """In a game where mastery fades, whether a practised piece is still in the fingers."""
    fade = ctx.content.game.mastery
    if not fade.fades_per_day or entry["practised"] is None:
        return ""
    since = ctx.state["time"] - entry["practised"]
    if since <= fade.fresh_days * calendar.MINUTES_PER_DAY:  # as services/upkeep.py fades it
        return "; " + say("campus.repertoire_in_the_fingers", ctx.state, ctx.content)
    return "; " + say("campus.repertoire_fading", ctx.state, ctx.content,
                      days=since // calendar.MINUTES_PER_DAY)


def judge(recital: Recital, piece: Piece, ctx: Context) -> int:
    """The evening's total: skill and preparation, a reward for ambition that is mastered and a
    price for ambition that is not, the piece's fit to the theme, plus luck."""
    state = ctx.state
    entry = state["repertoire"][piece.id]
    skills = state["skills"]
    prepared = entry["practised"] is not None and state["time"] - entry["practised"] <= PREPARED_WITHIN
    theme = 0 if not recital.suits else recital.fit if piece.kind in recital.suits else -recital.fit
    return (skills.get(recital.skill, 0) * 2 // 5 + skills.get(piece.skill, 0) * 3 // 10
            + entry["mastery"] // 2 + piece.difficulty // 4 - max(0, piece.difficulty - entry["mastery"]) // 2
            + state["energy"] // 10 - 5 + (10 if prepared else 0) + theme + rng.roll(state, 30))


def calls(state: dict) -> dict[str, str]:
    """Each recital whose steward has called the player: "called" while the call awaits an answer,
    "passed" when the player let it go by, "missed" when it ended without them."""
    return state.get("recital_calls") or {}


def starts(recital: Recital) -> int:
    return (recital.day - 1) * calendar.MINUTES_PER_DAY + recital.time


def on_now(ctx: Context) -> Recital | None:
    state = ctx.state
    day, minute = calendar.day_of(state["time"]), calendar.minute_of_day(state["time"])
    for recital in ctx.content.recitals.values():
        if (recital.stage == state["location"] and recital.day == day
                and recital.time <= minute < recital.time + RECITAL_LENGTH):
            return recital
    return None


def _titles(pieces: list[Piece]) -> str:
    names = [f"\u201c{p.name}\u201d" for p in pieces]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def count_missed(recital: Recital, effects, source: str, message: str, ctx: Context) -> None:
    """A recital the player missed (absent, or called and not answering): counted, then its own
    effects, or the standing it costs and the keyed sentence that says so."""
    state = ctx.state
    state["counters"]["recitals_missed"] = state["counters"].get("recitals_missed", 0) + 1
    if effects is not None:
        text = ctx.ask(RunEffects(effects, source=source)).text
    else:
        state["standing"] += MISSED_STANDING
        text = say(message, state, ctx.content, recital=recital.name)
    if text:
        ctx.publish(Narrated(text))
