"""People kept a little by a conversation: someone the player has just spoken to does not walk off
mid-sentence when their schedule says to go. They linger while the talk goes on (the player spoke to
them within HOLD minutes), at most LINGER minutes, then go where their schedule puts them by then,
with their own `leaving:` line if they have one.

The state keeps only the person last spoken to (`spoken_to`) and those lingering (`lingering`):
a handful of entries, so a turn costs the same in a world of any size.
"""

from __future__ import annotations

from elysium.bus import Context

HOLD = 5  # minutes after the player's last words that a person still counts as in conversation
LINGER = 15  # the longest a conversation keeps someone past the time they were due to go


def in_conversation(ctx: Context, npc_id: str, now: int) -> bool:
    """Whether the player, in the same room, spoke to this person within HOLD minutes of `now`."""
    spoken_at = ctx.state.get("spoken_to", {}).get(npc_id)
    return (spoken_at is not None and now - spoken_at <= HOLD
            and ctx.state["npcs"][npc_id]["at"] == ctx.state["location"])


def hold(ctx: Context, npc_id: str, now: int) -> None:
    """Keep someone where they are for now; their move is made when they are let go."""
    ctx.state.setdefault("lingering", {}).setdefault(npc_id, now)


def held(ctx: Context, npc_id: str) -> bool:
    return npc_id in ctx.state.get("lingering", {})


def let_go(ctx: Context, now: int) -> list[str]:
    """Ids of the people whose conversation is over (or has kept them LINGER minutes), in the order
    they began to linger; they are no longer lingering."""
    lingering = ctx.state.get("lingering")
    if not lingering:
        return []
    done = [npc_id for npc_id, since in lingering.items()
            if now - since > LINGER or not in_conversation(ctx, npc_id, now)]
    for npc_id in done:
        del lingering[npc_id]
    if not lingering:
        del ctx.state["lingering"]
    return done
