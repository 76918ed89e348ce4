"""Unlocking on the way: OPEN, or walking through a locked door, turns the key the player already
holds first, as players expect, unless the game's manifest says `unlocks_with_held_key: false`."""

from __future__ import annotations

from elysium.bus import Context
from elysium.services.world.describe import named, tell
from elysium.state import places


def unlock_with_held_key(ctx: Context, thing_id: str) -> str | None:
    """'(first unlocking ...)' after unlocking `thing_id` with its key in hand; None when it stays locked."""
    state, content = ctx.state, ctx.content
    item = content.items.get(thing_id)
    if not content.game.unlocks_with_held_key or item is None or not item.lockable or not item.key:
        return None
    if not places.is_carried(state, item.key):
        return None
    places.change_item(state, item.id, locked=False)
    return tell(ctx, "world.first_unlocking", item.id, key=named(content, item.key))
