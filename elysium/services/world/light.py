"""Light and darkness, and devices: lighting and putting out lights, switching devices on and off,
and telling the player when their room goes dark or comes out of the dark.

LIGHT and PUT OUT are for flames; TURN ON/OFF and SWITCH ON/OFF are for devices, and on a flame
that is no device they light it or put it out; FLIP switches a device the other way. A light that is
a device (an electric lamp) is alight exactly while it is switched on, whichever verb does it.

The room's light is worked out when asked (state/places.py). What this module keeps is the room as
the player last saw it (`sight` in the state: set at the end of every turn, on arriving in a room
and when a light is turned on or off), so that at the end of any turn in which the room went dark
or lit by some other means (an effect, a timer, a lamp shut in a box), the player is told and
shown the room anew. (Looking does not set it: LOOK, and the look after a restore, leave the state
as it was.)
"""

from __future__ import annotations

from typing import Any

from elysium.bus import Context, handles, subscribes
from elysium.bus.protocol import (
    Douse, Flip, Light, LightSettled, Narrated, Narration, SwitchOff, SwitchOn, TurnEnded,
)
from elysium.state import places
from elysium.state.text import say
from elysium.services.world.describe import be, room_text

ACT = 1  # minutes lighting or switching something takes


def about(ctx: Context, thing_id: str) -> dict[str, Any]:
    """The parameters of a sentence about one thing: the thing, and "is"/"are" to agree with it."""
    return {"noun": ctx.content.thing(thing_id) or thing_id, "is": be(ctx.content, thing_id)}


def sentence(ctx: Context, key: str, thing_id: str) -> str:
    return say(key, ctx.state, ctx.content, **about(ctx, thing_id))


def refuse(words: str) -> Narration:
    return Narration(words, minutes=0, done=False)


def note_sight(ctx: Context) -> None:
    """Remember the player's room, lit or dark, as an action has just shown it to them."""
    here = ctx.state["location"]
    ctx.state["sight"] = {"room": here, "lit": places.has_light(ctx.state, ctx.content, here)}


def now_seen(ctx: Context, by_the_player: bool = False) -> str:
    """What the player sees when their room has just gone dark or come out of the dark: a line
    saying so, then the room as it now is. (A light the player has just lit says so itself.)"""
    lit = places.has_light(ctx.state, ctx.content, ctx.state["location"])
    change = "" if lit and by_the_player else say("light.comes_back" if lit else "light.goes_dark",
                                                  ctx.state, ctx.content)
    return "\n".join(t for t in (change, room_text(ctx)) if t)


class Lighting:
    """World handlers for lights and devices; the engine only sends ids the parser found in scope."""

    @handles(Light)
    def light(self, msg: Light, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is not None and item.device and item.light:  # LIGHT LAMP: switch it on
            return self.switch(ctx, msg.item, True)
        if item is None or not item.light:
            return refuse(sentence(ctx, "light.cannot_light", msg.item))
        if ctx.state["items"][item.id].get("lit"):
            return refuse(sentence(ctx, "light.already_lit", item.id))
        return self.changed(ctx, sentence(ctx, "light.lit", item.id), item.id, True)

    @handles(Douse)
    def douse(self, msg: Douse, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is not None and item.device and item.light:
            return self.switch(ctx, msg.item, False)
        if item is None or not item.light or not ctx.state["items"][item.id].get("lit"):
            return refuse(sentence(ctx, "light.not_lit", msg.item))
        return self.changed(ctx, sentence(ctx, "light.doused", item.id), item.id, False)

    @handles(SwitchOn)
    def switch_on(self, msg: SwitchOn, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is not None and not item.device and item.light:
            return self.light(Light(msg.item), ctx)  # TURN ON a lantern: light it
        return self.switch(ctx, msg.item, True)

    @handles(SwitchOff)
    def switch_off(self, msg: SwitchOff, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is not None and not item.device and item.light:
            return self.douse(Douse(msg.item), ctx)
        return self.switch(ctx, msg.item, False)

    @handles(Flip)
    def flip(self, msg: Flip, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is None or not item.device:
            return refuse(sentence(ctx, "light.cannot_switch", msg.item))
        return self.switch(ctx, item.id, not ctx.state["items"][item.id].get("switched_on"))

    def switch(self, ctx: Context, thing_id: str, on: bool) -> Narration:
        item = ctx.content.items.get(thing_id)
        if item is None or not item.device:
            return refuse(sentence(ctx, "light.cannot_switch", thing_id))
        if bool(ctx.state["items"][item.id].get("switched_on")) == on:
            return refuse(sentence(ctx, "light.already_on" if on else "light.already_off", item.id))
        words = sentence(ctx, "light.switched_on" if on else "light.switched_off", item.id)
        return self.changed(ctx, words, item.id, on)

    def changed(self, ctx: Context, words: str, item_id: str, on: bool) -> Narration:
        """Light or put out, or switch, an item; and when that lit or darkened the room, show it."""
        state, content, here = ctx.state, ctx.content, ctx.state["location"]
        was_lit = places.has_light(state, content, here)
        if content.items[item_id].device:
            places.switch(state, content, item_id, on)
        else:
            places.change_item(state, item_id, lit=on)
        if places.has_light(state, content, here) != was_lit:
            words = f"{words}\n\n{now_seen(ctx, by_the_player=True)}"
        note_sight(ctx)
        return Narration(words, minutes=ACT)

    # -- the room going dark or lit by any other means ------------------------------------------
    @subscribes(TurnEnded)
    def turn_ended(self, msg: TurnEnded, ctx: Context) -> None:
        # Rules that run at the end of the turn hear TurnEnded after this service: look once they
        # are done, so that what they light or darken is seen this turn.
        ctx.publish(LightSettled())

    @subscribes(LightSettled)
    def light_settled(self, msg: LightSettled, ctx: Context) -> None:
        seen = ctx.state.get("sight")
        here = ctx.state["location"]
        if seen is not None and seen["room"] == here \
                and places.has_light(ctx.state, ctx.content, here) != seen["lit"]:
            ctx.publish(Narrated(now_seen(ctx)))
        note_sight(ctx)
