"""Handling things: taking, dropping, putting, opening, locking, wearing, reading and lighting."""

from __future__ import annotations

from elysium.bus import Context, handles
from elysium.bus.protocol import (
    Close, Douse, Drop, Examine, Inventory, Learn, Light, Lock, Narration, Open, Put, Read, Search, Take,
    TakeOff, Unlock, Wear,
)
from elysium.services.world.actions import holdings_text
from elysium.services.world.capacity import room_for
from elysium.state import places
from elysium.state.text import say
from elysium.services.world.describe import (
    The, a, be, examine_text, holder_text, inventory_text, room_text, text, the, verb_s,
)

ACT = 1  # minutes an ordinary action with things takes


def refuse(words: str) -> Narration:
    return Narration(words, minutes=0, done=False)


def did(words: str) -> Narration:
    return Narration(words, minutes=ACT)


class ThingHandling:
    """World handlers for things in reach; the engine only sends ids the parser found in scope."""

    @handles(Examine)
    def examine(self, msg: Examine, ctx: Context) -> Narration:
        holdings = holdings_text(ctx, msg.thing) if msg.thing in ctx.content.npcs else ""
        return did("\n".join(t for t in (examine_text(ctx, msg.thing), holdings) if t))

    @handles(Search)
    def search(self, msg: Search, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.thing)
        if item is None or not (item.container or item.supporter):
            return did(f"You find nothing of interest in {the(ctx.content, msg.thing)}.")
        if item.container and not ctx.state["items"][item.id].get("open", True):
            return did(f"{The(ctx.content, item.id)} {be(ctx.content, item.id)} closed.")
        return did(holder_text(ctx, item) or f"There is nothing in {the(ctx.content, item.id)}.")

    @handles(Inventory)
    def inventory(self, msg: Inventory, ctx: Context) -> Narration:
        return Narration(inventory_text(ctx), minutes=0)

    @handles(Take)
    def take(self, msg: Take, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item in content.npcs:
            return refuse(f"{The(content, msg.item)} would not take kindly to being carried off.")
        item = content.items[msg.item]
        if state["items"][item.id]["at"] == "player":
            return refuse(f"You already have {the(content, item.id)}.")
        if item.room_scenery:
            return refuse(say("verbs.scenery_take", state, content, noun=item))
        if not item.portable:
            return refuse(f"{The(content, item.id)} {be(content, item.id)} not something you can carry off.")
        if msg.source is not None:
            here = state["items"][item.id]["at"]
            if here not in (f"in:{msg.source}", f"on:{msg.source}"):
                return refuse(f"{The(content, item.id)} {be(content, item.id)} not "
                              f"{'in' if content.items.get(msg.source, item).container else 'on'} {the(content, msg.source)}.")
        if full := room_for(ctx, item.id, "player"):
            return refuse(full)
        places.change_item(state, item.id, at="player")
        return did("Taken.")

    @handles(Drop)
    def drop(self, msg: Drop, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item not in content.items or not places.is_carried(state, msg.item):
            return refuse(f"You aren't carrying {the(content, msg.item)}.")
        entry = state["items"][msg.item]
        note = ""
        if entry.get("worn"):
            places.change_item(state, msg.item, worn=False)
            note = f"(first taking off {the(content, msg.item)})\n"
        places.change_item(state, msg.item, at=state["location"])
        return did(note + "Dropped.")

    @handles(Put)
    def put(self, msg: Put, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item not in content.items:
            return refuse(f"You can't put {the(content, msg.item)} anywhere.")
        target = content.items.get(msg.target)
        # What cannot hold things says so first: "put lily on pool", the pool being the lilies.
        if target is None or not (target.container if msg.preposition == "in" else target.supporter):
            where = "in" if msg.preposition == "in" else "on"
            return refuse(f"You can't put things {where} {the(content, msg.target)}.")
        if places.lies_within(state, msg.target, msg.item):
            return refuse("You can't put something inside itself.")
        if msg.preposition == "in" and not state["items"][target.id].get("open", True):
            return refuse(f"{The(content, target.id)} {be(content, target.id)} closed.")
        if full := room_for(ctx, msg.item, f"{msg.preposition}:{target.id}"):
            return refuse(full)
        note = self.implicitly_take(ctx, msg.item)
        if note is None:
            return refuse(room_for(ctx, msg.item, "player") or f"You need to be holding {the(content, msg.item)} first.")
        if state["items"][msg.item].get("worn"):
            places.change_item(state, msg.item, worn=False)
            note += f"(first taking off {the(content, msg.item)})\n"
        places.change_item(state, msg.item, at=f"{msg.preposition}:{target.id}")
        preposition = "into" if msg.preposition == "in" else "on"
        return did(f"{note}You put {the(content, msg.item)} {preposition} {the(content, target.id)}.")

    @handles(Open)
    def open(self, msg: Open, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(msg.thing)
        if item is None or not (item.openable or item.door):
            return refuse(f"{The(content, msg.thing)} {be(content, msg.thing)} not something you can open.")
        entry = state["items"][item.id]
        if entry.get("open"):
            return refuse(f"{The(content, item.id)} {be(content, item.id)} already open.")
        if entry.get("locked"):
            return refuse(f"{The(content, item.id)} {be(content, item.id)} locked.")
        places.change_item(state, item.id, open=True)
        revealed = places.contents(state, f"in:{item.id}") if item.container else []
        if revealed:
            return did(f"You open {the(content, item.id)}, revealing {', '.join(a(content, i) for i in revealed)}.")
        return did(f"You open {the(content, item.id)}.")

    @handles(Close)
    def close(self, msg: Close, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.thing)
        if item is None or not (item.openable or item.door):
            return refuse(f"{The(ctx.content, msg.thing)} cannot be closed.")
        entry = ctx.state["items"][item.id]
        if not entry.get("open"):
            return refuse(f"{The(ctx.content, item.id)} {be(ctx.content, item.id)} already closed.")
        places.change_item(ctx.state, item.id, open=False)
        return did(f"You close {the(ctx.content, item.id)}.")

    @handles(Lock)
    def lock(self, msg: Lock, ctx: Context) -> Narration:
        return self.turn_key(ctx, msg.thing, msg.key, locking=True)

    @handles(Unlock)
    def unlock(self, msg: Unlock, ctx: Context) -> Narration:
        return self.turn_key(ctx, msg.thing, msg.key, locking=False)

    def turn_key(self, ctx: Context, thing: str, key: str | None, locking: bool) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(thing)
        verb = "lock" if locking else "unlock"
        if item is None or not item.lockable:
            return refuse(f"{The(content, thing)} {verb_s(content, thing, 'has')} no lock.")
        entry = state["items"][item.id]
        if bool(entry.get("locked")) == locking:
            return refuse(f"{The(content, item.id)} {be(content, item.id)} already {verb}ed.")
        if locking and entry.get("open"):
            return refuse(f"You will have to close {the(content, item.id)} first.")
        note = ""
        if key is None:
            if item.key and places.is_carried(state, item.key):
                key, note = item.key, f"(with {the(content, item.key)})\n"
            else:
                return refuse(f"You need the right key to {verb} {the(content, item.id)}.")
        if key not in content.items or not places.is_carried(state, key):
            return refuse(f"You aren't holding {the(content, key)}.")
        if key != item.key:
            return refuse(f"{The(content, key)} {verb_s(content, key, 'does')} not fit {the(content, item.id)}.")
        places.change_item(state, item.id, locked=locking)
        return did(f"{note}You {verb} {the(content, item.id)} with {the(content, key)}.")

    @handles(Wear)
    def wear(self, msg: Wear, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(msg.item)
        if item is None or not item.wearable:
            return refuse(f"You can't wear {the(content, msg.item)}.")
        if state["items"][item.id].get("worn"):
            return refuse(f"You are already wearing {the(content, item.id)}.")
        note = self.implicitly_take(ctx, item.id)
        if note is None:
            return refuse(room_for(ctx, item.id, "player") or f"You need to be holding {the(content, item.id)} first.")
        places.change_item(state, item.id, at="player", worn=True)
        return did(f"{note}You put on {the(content, item.id)}.")

    @handles(TakeOff)
    def take_off(self, msg: TakeOff, ctx: Context) -> Narration:
        entry = ctx.state["items"].get(msg.item, {})
        if not entry.get("worn"):
            return refuse(f"You aren't wearing {the(ctx.content, msg.item)}.")
        places.change_item(ctx.state, msg.item, worn=False)
        return did(f"You take off {the(ctx.content, msg.item)}.")

    @handles(Read)
    def read(self, msg: Read, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.thing)
        if item is None or item.text is None:
            return refuse(f"There is nothing written on {the(ctx.content, msg.thing)}.")
        words = text(ctx, item.text)
        if item.lore:
            words = "\n".join(t for t in (words, ctx.ask(Learn(item.lore)).text) if t)
        return Narration(words, minutes=2)

    @handles(Light)
    def light(self, msg: Light, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        if item is None or not item.light:
            return refuse(f"{The(ctx.content, msg.item)} {be(ctx.content, msg.item)} not something you can light.")
        entry = ctx.state["items"][item.id]
        if entry.get("lit"):
            return refuse(f"{The(ctx.content, item.id)} {be(ctx.content, item.id)} already alight.")
        was_lit = places.has_light(ctx.state, ctx.content, ctx.state["location"])
        places.change_item(ctx.state, item.id, lit=True)
        words = f"You light {the(ctx.content, item.id)}. Warm light spills around you."
        if not was_lit and places.has_light(ctx.state, ctx.content, ctx.state["location"]):
            words += "\n\n" + room_text(ctx)  # the room comes out of the dark
        return did(words)

    @handles(Douse)
    def douse(self, msg: Douse, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.item)
        entry = ctx.state["items"].get(msg.item, {})
        if item is None or not item.light or not entry.get("lit"):
            return refuse(f"{The(ctx.content, msg.item)} {be(ctx.content, msg.item)} not alight.")
        places.change_item(ctx.state, msg.item, lit=False)
        words = f"You put out {the(ctx.content, item.id)}."
        if not places.has_light(ctx.state, ctx.content, ctx.state["location"]):
            words += " Darkness closes in; it is too dark to see."
        return did(words)

    # -- helpers -------------------------------------------------------------------------------
    def implicitly_take(self, ctx: Context, item_id: str) -> str | None:
        """'' when already held, '(first taking ...)' after picking it up, None when it can't be."""
        state, content = ctx.state, ctx.content
        if places.is_carried(state, item_id):
            return ""
        if not content.items[item_id].portable or room_for(ctx, item_id, "player"):
            return None
        places.change_item(state, item_id, at="player")
        return f"(first taking {the(content, item_id)})\n"
