"""The rules service: content's rules and effects, the score, and the player's standing.

Rules give content the first say on any action (see docs/content.md). Effects are applied here and
nowhere else, so every change a rule makes goes through one door.
"""

from __future__ import annotations

import logging
from typing import Any

from elysium.bus import Context, Service, handles, subscribes
from elysium.bus.protocol import (
    GameEnded, Learn, LearnPiece, MovePlayer, Narrated, Narration, PlayerMoved, RuleFired, RulesOutcome, RunEffects,
    RunRules, ShowScore, ShowStatus, TurnEnded,
)
from elysium.content.model import Rule
from elysium.content.schema import BUILTIN_VERBS, MAX_WAIT, NOWHERE
from elysium.state import places
from elysium.state.conditions import holds, render
from elysium.state.store import MAX_ENERGY, MAX_SKILL
from elysium.state.text import say

log = logging.getLogger(__name__)

MAX_NESTING = 8  # effects that trigger effects (wait -> timers -> ...) stop this deep
MAX_DISPATCH_DEPTH = 32
RULE_MINUTES = 1  # a rule that replaces a built-in action takes a minute, like the action would


class Rules(Service):
    name = "rules"

    @handles(RunRules)
    def run_rules(self, msg: RunRules, ctx: Context) -> RulesOutcome:
        """The rules of one phase of an action, in the order they are written. A rule that stops
        (an instead rule, or any rule with `stop: true`) ends the phase, and `handled` says so: a
        stopping before or instead rule takes the place of the action."""
        texts: list[str] = []
        instead = msg.phase == "instead"
        replace = False
        for rule in ctx.content.rules_for(msg.verb, msg.thing):
            if rule.phase != msg.phase or not self.applies(rule, msg, ctx):
                continue
            texts.append(self.fire(rule, ctx, _action_params(msg, ctx)))
            replace = replace or rule.replace
            if not rule.goes_on(stops_by_default=instead) or ctx.state["ending"]:
                verb = ctx.content.verbs.get(msg.verb)
                minutes = verb.time if verb else RULE_MINUTES
                return RulesOutcome(_joined(texts), handled=True, minutes=minutes, replace=replace)
        verb = ctx.content.verbs.get(msg.verb)
        if verb is not None and verb.default is None and msg.verb in BUILTIN_VERBS:
            verb = None  # a game's verb that only adds words to a built-in one: the built-in replies
        if verb is not None and instead:  # a custom verb that no rule took up: its default reply
            texts.append(render(verb.default, ctx.state, ctx.content, _action_params(msg, ctx))
                         or say("rules.nothing_comes_of_it",
                                                                              ctx.state, ctx.content))
            return RulesOutcome(_joined(texts), handled=True, minutes=verb.time)
        return RulesOutcome(_joined(texts), handled=False, replace=replace)

    def applies(self, rule: Rule, msg: RunRules, ctx: Context) -> bool:
        if rule.object is not None and rule.object != msg.thing:
            return False
        if rule.second is not None and rule.second != msg.second:
            return False
        if rule.where is not None and rule.where != ctx.state["location"]:
            return False
        if rule.text and _said(msg.text) not in {_said(said) for said in rule.text}:
            return False
        if msg.verb in rule.excluded:
            return False
        if rule.directions is not None and not self.heads(rule.directions, msg, ctx):
            return False
        if rule.once and rule.id in ctx.state["fired"]:
            return False
        return holds(rule.condition, ctx.state, ctx.content)

    @staticmethod
    def heads(directions: tuple[str, ...], msg: RunRules, ctx: Context) -> bool:
        """Whether the player is going one of `directions`; `nowhere` is any way the room has no
        exit (Inform's "going nowhere"), while an exit that refuses is still an exit."""
        if msg.direction is None:
            return False
        if msg.direction in directions:
            return True
        return NOWHERE in directions and msg.direction not in ctx.content.rooms[ctx.state["location"]].exits

    def fire(self, rule: Rule, ctx: Context, params: dict[str, Any] | None = None) -> str:
        """Run a rule's effects; `params` are the action's parts its texts may name ({the noun})."""
        if rule.once:
            ctx.state["fired"].append(rule.id)
        ctx.now_running(_named(f"rule {rule.id!r}", ctx.content.origin("rules", rule.id)))
        ctx.note(RuleFired, rule.id)  # for a trace and content coverage
        return self.apply(rule.effects, ctx, 0, params)

    @handles(RunEffects)
    def run_effects(self, msg: RunEffects, ctx: Context) -> Narration:
        kind, _, entry_id = msg.source.partition(":")
        origin = ctx.content.origin("timers", entry_id) if kind == "timer" else ""
        ctx.now_running(_named(f"the effects of {msg.source or 'the game'}", origin))
        return Narration(self.apply(msg.effects, ctx, 0))

    @subscribes(PlayerMoved)
    def on_arrival(self, msg: PlayerMoved, ctx: Context) -> None:
        room = ctx.content.rooms[msg.destination]
        if room.on_enter:
            ctx.now_running(_named(f"the on_enter of room {room.id!r}", ctx.content.origin("rooms", room.id)))
        self.narrate(ctx, [self.apply(room.on_enter, ctx, 0), *self.moment(ctx, "arrive")])

    @subscribes(TurnEnded)
    def every_turn(self, msg: TurnEnded, ctx: Context) -> None:
        self.narrate(ctx, self.moment(ctx, "turn"))

    def moment(self, ctx: Context, moment: str) -> list[str]:
        """Fire every rule for a moment (`arrive`, `turn`) that applies where the player is."""
        texts = []
        for rule in ctx.content.rules_by_verb.get(moment, ()):
            if (rule.where in (None, ctx.state["location"]) and not (rule.once and rule.id in ctx.state["fired"])
                    and holds(rule.condition, ctx.state, ctx.content)):
                texts.append(self.fire(rule, ctx))
                if not rule.goes_on(stops_by_default=False):
                    break
        return texts

    @staticmethod
    def narrate(ctx: Context, texts: list[str]) -> None:
        text = "\n".join(t for t in texts if t)
        if text:
            ctx.publish(Narrated(text))

    @handles(ShowScore)
    def show_score(self, msg: ShowScore, ctx: Context) -> Narration:
        state, game = ctx.state, ctx.content.game
        moves = state["turn"]
        key = "rules.score" if game.max_score else "rules.score_no_maximum"
        return Narration(say(key, state, ctx.content, score=state["score"], max_score=game.max_score, turns=moves,
                             turns_word="turn" if moves == 1 else "turns"))

    @handles(ShowStatus)
    def show_status(self, msg: ShowStatus, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        features = content.game.features
        if {"energy", "standing"} <= features:
            lines = [say("rules.status", state, content, energy=state["energy"], max_energy=MAX_ENERGY,
                         standing=state["standing"], reputation=state["reputation"], score=state["score"])]
        else:
            parts = [say("campus.status_energy", state, content, energy=state["energy"], max_energy=MAX_ENERGY)
                     ] if "energy" in features else []
            if "standing" in features:
                parts.append(say("campus.status_standing", state, content, standing=state["standing"],
                                 reputation=state["reputation"]))
            lines = ["    ".join([*parts, say("campus.status_score", state, content, score=state["score"])]) if parts
                     else say("campus.status", state, content, score=state["score"], turns=state["turn"])]
        skills = sorted({*state["skills"], *(c.skill for c in content.classes.values())})
        if skills and "classes" in features:
            lines.append(say("rules.status_skills", state, content))
            lines += [say("rules.status_skill", state, content, skill=name.replace("_", " "),
                          level=state["skills"].get(name, 0)) for name in skills]
        counters = state["counters"]
        if content.classes:
            lines.append(say("campus.status_classes", state, content, attended=counters.get("classes_attended", 0),
                             missed=counters.get("classes_missed", 0)))
        if content.recitals:
            lines.append(say("campus.status_recitals", state, content,
                             performed=counters.get("recitals_performed", 0),
                             missed=counters.get("recitals_missed", 0)))
        return Narration("\n".join(lines))

    # -- effects -------------------------------------------------------------------------------
    def apply(self, effects: Any, ctx: Context, depth: int, params: dict[str, Any] | None = None) -> str:
        texts: list[str] = []
        if depth > MAX_NESTING or ctx.depth > MAX_DISPATCH_DEPTH:
            return ""  # content whose effects set each other off endlessly stops here
        for effect in effects or ():
            texts.append(self.effect(effect, ctx, depth, params))
            if ctx.state["ending"]:
                break
        return "\n".join(t for t in texts if t)

    def effect(self, e: dict[str, Any], ctx: Context, depth: int, params: dict[str, Any] | None = None) -> str:
        state, content = ctx.state, ctx.content
        if "if" in e:
            branch = e.get("then") if holds(e["if"], state, content) else e.get("else")
            return self.apply(branch, ctx, depth + 1, params)
        if "counter" in e:
            name = e["counter"]
            state["counters"][name] = e["set"] if "set" in e else state["counters"].get(name, 0) + e["add"]
            return ""
        if "move" in e:
            to = places.place_string(e["to"])
            if to.startswith(("in:", "on:")) and places.lies_within(state, to[3:], e["move"]):
                # Skipped, never done: a thing inside itself would leave the world's containment a loop.
                log.warning("%s: refused to move %r to %r, which is %s", ctx.bus.running or "content", e["move"],
                            to, "itself" if to[3:] == e["move"] else f"inside {e['move']!r}")
                return ""
            places.change_item(state, e["move"], at=to)
            if e["to"] != "player" and state["items"][e["move"]].get("worn"):
                places.change_item(state, e["move"], worn=False)
            return ""
        if "move_npc" in e:
            places.move_npc(state, e["move_npc"], e["to"])
            return ""
        if "state" in e:
            state["states"][e["state"]] = e["to"]
            return ""
        if "skill" in e:
            name = e["skill"]
            state["skills"][name] = max(0, min(MAX_SKILL, state["skills"].get(name, 0) + e["add"]))
            return ""
        if "quietly" in e:  # {go: room, quietly: true}: arriving without the room's description
            return ctx.ask(MovePlayer(e["go"], quietly=e["quietly"])).text
        (key, value), = e.items()
        match key:
            case "say":
                return render(value, state, content, params)
            case "set" | "clear":
                for flag in [value] if isinstance(value, str) else value:
                    if key == "set":
                        state["flags"][flag] = True
                    else:
                        state["flags"].pop(flag, None)
            case "go":
                return ctx.ask(MovePlayer(value)).text
            case "score" | "reputation":
                state[key] += value
            case "learn":
                return ctx.ask(Learn(value)).text
            case "learn_piece":
                return ctx.ask(LearnPiece(value)).text
            case "standing":
                state["standing"] += value
            case "energy":
                state["energy"] = max(0, min(MAX_ENERGY, state["energy"] + value))
            case "open" | "close":
                places.change_item(state, value, open=key == "open")
            case "lock" | "unlock":
                places.change_item(state, value, locked=key == "lock")
            case "light" | "douse":
                places.set_lit(state, content, value, key == "light")
            case "switch_on" | "switch_off":
                places.switch(state, content, value, key == "switch_on")
            case "light_room" | "darken_room":
                places.set_room_lit(state, value, key == "light_room")
            case "wait":
                # The engine lets this time pass once the turn's action is over, in order. Content
                # that slipped past validation still waits no more than the longest wait allowed.
                state["delay"] = state.get("delay", 0) + max(0, min(value, MAX_WAIT))
            case "end":
                return self.end(value, ctx)
        return ""

    def end(self, ending_id: str, ctx: Context) -> str:
        ending = ctx.content.endings[ending_id]
        ctx.state["ending"] = ending_id
        ctx.publish(GameEnded(ending_id))
        body = render(ending.text, ctx.state, ctx.content)
        return f"{body}\n\n*** {ending.title} ***"


def _action_params(msg: RunRules, ctx: Context) -> dict[str, Any]:
    """The parts of an action that a rule's texts may name: {the noun}, {the second}, {text},
    {direction} (schema.ACTION_PARAMETERS); a part the action lacks is left out."""
    params: dict[str, Any] = {}
    for name, thing in (("noun", msg.thing), ("second", msg.second)):
        model = ctx.content.thing(thing) if thing else None
        if model is not None:
            params[name] = model
    if msg.text:
        params["text"] = msg.text
    if msg.direction:
        params["direction"] = msg.direction
    return params


def _joined(texts: list[str]) -> str:
    return "\n".join(t for t in texts if t)


def _named(what: str, origin: str) -> str:
    return f"{what} ({origin})" if origin else what



def _said(text: str | None) -> str:
    """Words as the parser passes them on: lower case, no articles, no punctuation at their edges,
    so that a rule's `text: "Sing them home!"` matches SAY "SING THEM HOME"."""
    words = (word.strip("\"'.,;:!?\u201c\u201d") for word in (text or "").lower().split())
    return " ".join(word for word in words if word and word not in ("the", "a", "an", "some"))
