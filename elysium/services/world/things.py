"""Handling things: taking, dropping, putting, opening, locking, wearing and reading (lights and
devices are light.py's)."""

from __future__ import annotations

from elysium.bus import Context, handles
from elysium.bus.protocol import (
    Close, Drop, Examine, Inventory, Learn, Lock, Narration, Open, Put, Read, Search, Take, TakeOff, Unlock,
    Wear,
)
from elysium.content.words import listed
from elysium.services.world.actions import holdings_text
from elysium.services.world.capacity import room_for
from elysium.services.world.unlocking import unlock_with_held_key
from elysium.state import places
from elysium.state.text import say
from elysium.services.world.describe import (
    The, a, be, examine_text, holder_text, inventory_text, named, room_text, tell, text, the, verb_s,
)
from elysium.state.text import say

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
            return did(tell(ctx, "world.search_nothing", msg.thing))
        if item.container and not ctx.state["items"][item.id].get("open", True):
            return did(tell(ctx, "world.search_closed", item.id))
        return did(holder_text(ctx, item) or tell(ctx, "world.search_empty", item.id))

    @handles(Inventory)
    def inventory(self, msg: Inventory, ctx: Context) -> Narration:
        return Narration(inventory_text(ctx), minutes=0)

    @handles(Take)
    def take(self, msg: Take, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item in content.npcs:
            return refuse(tell(ctx, "world.take_person", msg.item))
        item = content.items[msg.item]
        if state["items"][item.id]["at"] == "player":
            return refuse(tell(ctx, "world.already_have", item.id))
        if item.room_scenery:
            return refuse(say("verbs.scenery_take", state, content, noun=item))
        if not item.portable:
            return refuse(tell(ctx, "world.not_portable", item.id))
        if msg.source is not None:
            here = state["items"][item.id]["at"]
            if here not in (f"in:{msg.source}", f"on:{msg.source}"):
                preposition = "in" if content.items.get(msg.source, item).container else "on"
                return refuse(tell(ctx, "world.not_in_there", item.id, preposition=preposition,
                                   holder=named(content, msg.source)))
        if full := room_for(ctx, item.id, "player"):
            return refuse(full)
        places.change_item(state, item.id, at="player")
        return did(say("world.taken", state, content))

    @handles(Drop)
    def drop(self, msg: Drop, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item not in content.items or not places.is_carried(state, msg.item):
            return refuse(tell(ctx, "world.not_carrying", msg.item))
        entry = state["items"][msg.item]
        note = ""
        if entry.get("worn"):
            places.change_item(state, msg.item, worn=False)
            note = tell(ctx, "world.first_taking_off", msg.item) + "\n"
        places.change_item(state, msg.item, at=state["location"])
        return did(note + say("world.dropped", state, content))

    @handles(Put)
    def put(self, msg: Put, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        if msg.item not in content.items:
            return refuse(tell(ctx, "world.cannot_put", msg.item))
        target = content.items.get(msg.target)
        # What cannot hold things says so first: "put lily on pool", the pool being the lilies.
        if target is None or not (target.container if msg.preposition == "in" else target.supporter):
            where = "in" if msg.preposition == "in" else "on"
            return refuse(say("world.cannot_put_there", state, content, preposition=where,
                              holder=named(content, msg.target)))
        if places.lies_within(state, msg.target, msg.item):
            return refuse(say("world.put_inside_itself", state, content))
        if msg.preposition == "in" and not state["items"][target.id].get("open", True):
            return refuse(tell(ctx, "world.holder_closed", target.id))
        if full := room_for(ctx, msg.item, f"{msg.preposition}:{target.id}"):
            return refuse(full)
        note = self.implicitly_take(ctx, msg.item)
        if note is None:
            return refuse(room_for(ctx, msg.item, "player") or tell(ctx, "world.hold_first", msg.item))
        if state["items"][msg.item].get("worn"):
            places.change_item(state, msg.item, worn=False)
            note += tell(ctx, "world.first_taking_off", msg.item) + "\n"
        places.change_item(state, msg.item, at=f"{msg.preposition}:{target.id}")
        key = "world.put_in" if msg.preposition == "in" else "world.put_on"
        return did(note + tell(ctx, key, msg.item, holder=target))

    @handles(Open)
    def open(self, msg: Open, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(msg.thing)
        if item is None or not (item.openable or item.door):
            return refuse(tell(ctx, "world.not_openable", msg.thing))
        entry = state["items"][item.id]
        if entry.get("open"):
            return refuse(tell(ctx, "world.already_open", item.id))
        note = ""
        if entry.get("locked"):
            unlocked = unlock_with_held_key(ctx, item.id)
            if unlocked is None:
                return refuse(tell(ctx, "world.locked", item.id))
            note = unlocked + "\n"
        places.change_item(state, item.id, open=True)
        revealed = places.contents(state, f"in:{item.id}") if item.container else []
        if revealed:
            return did(note + tell(ctx, "world.opened_revealing", item.id,
                                   things=listed([a(content, i) for i in revealed])))
        return did(note + tell(ctx, "world.opened", item.id))

    @handles(Close)
    def close(self, msg: Close, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.thing)
        if item is None or not (item.openable or item.door):
            return refuse(tell(ctx, "world.not_closable", msg.thing))
        entry = ctx.state["items"][item.id]
        if not entry.get("open"):
            return refuse(tell(ctx, "world.already_closed", item.id))
        places.change_item(ctx.state, item.id, open=False)
        return did(tell(ctx, "world.closed", item.id))

    @handles(Lock)
    def lock(self, msg: Lock, ctx: Context) -> Narration:
        return self.turn_key(ctx, msg.thing, msg.key, locking=True)

    @handles(Unlock)
    def unlock(self, msg: Unlock, ctx: Context) -> Narration:
        return self.turn_key(ctx, msg.thing, msg.key, locking=False)

    def turn_key(self, ctx: Context, thing: str, key: str | None, locking: bool) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(thing)
        if item is None or not item.lockable:
            return refuse(tell(ctx, "world.no_lock", thing))
        entry = state["items"][item.id]
        if bool(entry.get("locked")) == locking:
            return refuse(tell(ctx, "world.already_locked" if locking else "world.already_unlocked", item.id))
        if locking and entry.get("open"):
            return refuse(tell(ctx, "world.close_first", item.id))
        note = ""
        if key is None:
            if item.key and places.is_carried(state, item.key):
                key, note = item.key, say("world.with_key", state, content, key=named(content, item.key)) + "\n"
            else:
                return refuse(tell(ctx, "world.need_key_to_lock" if locking else "world.need_key_to_unlock", item.id))
        if key not in content.items or not places.is_carried(state, key):
            return refuse(tell(ctx, "world.not_holding", key))
        if key != item.key:
            return refuse(tell(ctx, "world.key_does_not_fit", key, target=item))
        places.change_item(state, item.id, locked=locking)
        done = "world.locked_with" if locking else "world.unlocked_with"
        return did(note + tell(ctx, done, item.id, key=named(content, key)))

    @handles(Wear)
    def wear(self, msg: Wear, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        item = content.items.get(msg.item)
        if item is None or not item.wearable:
            return refuse(tell(ctx, "world.cannot_wear", msg.item))
        if state["items"][item.id].get("worn"):
            return refuse(tell(ctx, "world.already_wearing", item.id))
        note = self.implicitly_take(ctx, item.id)
        if note is None:
            return refuse(room_for(ctx, item.id, "player") or tell(ctx, "world.hold_first", item.id))
        places.change_item(state, item.id, at="player", worn=True)
        return did(note + tell(ctx, "world.worn", item.id))

    @handles(TakeOff)
    def take_off(self, msg: TakeOff, ctx: Context) -> Narration:
        entry = ctx.state["items"].get(msg.item, {})
        if not entry.get("worn"):
            return refuse(tell(ctx, "world.not_wearing", msg.item))
        places.change_item(ctx.state, msg.item, worn=False)
        return did(tell(ctx, "world.taken_off", msg.item))

    @handles(Read)
    def read(self, msg: Read, ctx: Context) -> Narration:
        item = ctx.content.items.get(msg.thing)
        if item is None or item.text is None:
            return refuse(tell(ctx, "world.nothing_written", msg.thing))
        words = text(ctx, item.text)
        if item.lore:
            words = "\n".join(t for t in (words, ctx.ask(Learn(item.lore)).text) if t)
        return Narration(words, minutes=2)

    # -- helpers -------------------------------------------------------------------------------
    def implicitly_take(self, ctx: Context, item_id: str) -> str | None:
        """'' when already held, '(first taking ...)' after picking it up, None when it can't be."""
        state, content = ctx.state, ctx.content
        if places.is_carried(state, item_id):
            return ""
        if not content.items[item_id].portable or room_for(ctx, item_id, "player"):
            return None
        places.change_item(state, item_id, at="player")
        return tell(ctx, "world.first_taking", item_id) + "\n"
