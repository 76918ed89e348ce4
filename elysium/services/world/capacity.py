"""How much a holder can take: the player's hands (`game: carrying_capacity:`) and a container's
or supporter's `capacity:`. Only what is directly held counts (a bag full of things is one
thing in the hands), and what the player wears does not count at all."""

from __future__ import annotations

from elysium.bus import Context
from elysium.state import places
from elysium.state.text import say


def room_for(ctx: Context, item_id: str, place: str) -> str:
    """'' when `item_id` may go to `place` ("player", "in:box", "on:table"), else the refusal."""
    state, content = ctx.state, ctx.content
    if place == "player":
        limit, key, holder = content.game.carrying_capacity, "verbs.hands_full", None
    elif place.startswith(("in:", "on:")):
        holder = content.items[place[3:]]
        limit = holder.capacity
        key = "verbs.container_full" if place.startswith("in:") else "verbs.supporter_full"
    else:
        return ""
    if limit is None:
        return ""
    held = [i for i in places.contents(state, place) if i != item_id and not state["items"][i].get("worn")]
    if len(held) < limit:
        return ""
    return say(key, state, content, noun=content.items[item_id], holder=holder or "")
