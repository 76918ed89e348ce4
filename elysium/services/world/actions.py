"""The verbs players try (touch, sit, sing, throw ...), and people who hold things (give, show).

Every reply is one of the engine's keyed sentences (content/messages/verbs.py), so a game can
reword any of them; rules see each verb first (`on: touch`), so a game can make any of them do
something. What the world does itself stays small: throwing moves the thing, giving hands it over.
"""

from __future__ import annotations

from elysium.bus import Context, handles
from elysium.bus.protocol import Attempt, Give, Narration, Show, TakeFirst, Throw
from elysium.content.messages import DEFAULTS
from elysium.content.words import listed
from elysium.services.world.capacity import room_for
from elysium.services.world.describe import a, be
from elysium.state import places
from elysium.state.conditions import holds
from elysium.state.text import say

ACT = 1  # minutes: trying a verb takes a moment, like any other action with things
SPOKEN = frozenset({"say", "shout", "sing"})  # verbs whose reply quotes what the player said
ON_THINGS = frozenset({"sit", "stand", "lie", "write"})  # "sit on the bench": verbs.sit_on
MOVING = frozenset({"pull", "push", "turn"})  # a fixed thing answers "fixed in place"


def _refuse(text: str) -> Narration:
    return Narration(text, minutes=0, done=False)


class ActionHandling:
    """World handlers for the verbs players try; rules have had their say before any of these."""

    @handles(Attempt)
    def attempt(self, msg: Attempt, ctx: Context) -> Narration:
        key, params = attempt_key(msg, ctx)
        return Narration(say(key, ctx.state, ctx.content, **params), minutes=ACT)

    @handles(TakeFirst)
    def take_first(self, msg: TakeFirst, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(msg.item)
        if item is not None and places.is_carried(state, item.id):
            return Narration("", minutes=0)
        if item is None or not item.portable:
            if msg.action == "show":  # showing something fixed is pointing at it
                return Narration("", minutes=0)
            key = "verbs.cannot_give" if msg.action == "give" else "verbs.cannot_throw"
            return _refuse(say(key, state, content, **_thing(ctx, msg.item)))
        refusal = room_for(ctx, item.id, "player")
        if refusal:
            return _refuse(refusal)
        places.change_item(state, item.id, at="player")
        return Narration(say("verbs.first_taking", state, content, noun=item), minutes=0)

    @handles(Throw)
    def throw(self, msg: Throw, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item not in content.items:
            return _refuse(say("verbs.cannot_throw", state, content, **_thing(ctx, msg.item)))
        if not places.is_carried(state, msg.item):
            return _refuse(say("verbs.not_held", state, content, **_thing(ctx, msg.item)))
        target = content.items.get(msg.target or "")
        params = {**_thing(ctx, msg.item), "target": content.thing(msg.target) if msg.target else ""}
        if state["items"][msg.item].get("worn"):
            places.change_item(state, msg.item, worn=False)
        inside = target is not None and places.lies_within(state, target.id, msg.item)
        if target is not None and not inside and msg.preposition in ("in", "on"):
            holds = target.container if msg.preposition == "in" else target.supporter
            open_ = state["items"][target.id].get("open", True) or msg.preposition == "on"
            if holds and open_:
                refusal = room_for(ctx, msg.item, f"{msg.preposition}:{target.id}")
                if refusal:
                    return _refuse(refusal)
                places.change_item(state, msg.item, at=f"{msg.preposition}:{target.id}")
                key = "verbs.throw_into" if msg.preposition == "in" else "verbs.throw_onto"
                return Narration(say(key, state, content, **params), minutes=ACT)
        places.change_item(state, msg.item, at=state["location"])
        key = "verbs.throw_at" if msg.target else "verbs.throw"
        return Narration(say(key, state, content, **params), minutes=ACT)

    @handles(Give)
    def give(self, msg: Give, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.person not in content.npcs:
            return _refuse(say("verbs.give_to_nobody", state, content, **_thing(ctx, msg.item)))
        if msg.item not in content.items:
            return _refuse(say("verbs.cannot_give", state, content, **_thing(ctx, msg.item)))
        if not places.is_carried(state, msg.item):
            return _refuse(say("verbs.not_held", state, content, **_thing(ctx, msg.item)))
        places.change_item(state, msg.item, at=msg.person)
        if state["items"][msg.item].get("worn"):
            places.change_item(state, msg.item, worn=False)
        return Narration(say("verbs.give_accepted", state, content, **_thing(ctx, msg.item),
                             person=content.npcs[msg.person]), minutes=ACT)

    @handles(Show)
    def show(self, msg: Show, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.person not in content.npcs:
            return _refuse(say("verbs.show_to_nobody", state, content, **_thing(ctx, msg.item)))
        return Narration(say("verbs.show_seen", state, content, **_thing(ctx, msg.item),
                             person=content.npcs[msg.person]), minutes=ACT)


def holdings_text(ctx: Context, npc_id: str) -> str:
    """'Dunstan is carrying a letter.' when the game lets the player see what a person holds."""
    state, content = ctx.state, ctx.content
    npc = content.npcs[npc_id]
    shown = npc.shows_holdings if npc.shows_holdings is not None else content.game.shows_holdings
    # A person's own scenery (a fiddle, a pencil behind the ear) is in their description already.
    held = [i for i in places.contents(state, npc_id) if not content.items[i].person_scenery] if shown else []
    if not held:
        return ""
    return say("verbs.holdings", state, content, person=npc, be="is",
               holdings=listed([a(content, item_id) for item_id in held]))


def attempt_key(msg: Attempt, ctx: Context) -> tuple[str, dict]:
    """The keyed reply to a tried verb, and what it names."""
    action, content = msg.action, ctx.content
    if msg.thing is None:
        if action in SPOKEN and msg.text:
            return f"verbs.{action}_text", {"text": msg.text}
        if action == "wave" and msg.second:
            return "verbs.wave_to", {"person": content.thing(msg.second)}
        return _known(f"verbs.{action}", f"verbs.{action}_thing"), {}
    params = _thing(ctx, msg.thing)
    item = content.items.get(msg.thing)
    sleeper = content.npcs.get(msg.thing)
    if action == "wake" and sleeper is not None and sleeper.asleep and holds(sleeper.asleep, ctx.state, content):
        return "world.wake_sleeper", params
    if item is None and f"verbs.{action}_person" in DEFAULTS:
        return f"verbs.{action}_person", params
    if action in MOVING and item is not None and not item.portable:
        return f"verbs.{action}_fixed", params
    if action in ON_THINGS:
        return f"verbs.{action}_on", params
    return _known(f"verbs.{action}_thing", f"verbs.{action}"), params


def _known(key: str, otherwise: str) -> str:
    return key if key in DEFAULTS else otherwise


def _thing(ctx: Context, thing_id: str) -> dict:
    """The parameters of a sentence about one thing: the thing, and 'is' or 'are' for it."""
    return {"noun": ctx.content.thing(thing_id), "be": be(ctx.content, thing_id)}
