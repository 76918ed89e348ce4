"""The player as the game tells them: their own description, how rooms are described to them, and
what the game says of itself (ABOUT)."""

from __future__ import annotations

from elysium.bus import Context, handles
from elysium.bus.protocol import About, ExamineSelf, Narration, SetRoomDescriptions
from elysium.content.schema import ROOM_DESCRIPTIONS
from elysium.content.words import indefinite, listed
from elysium.state import places
from elysium.state.conditions import render
from elysium.state.text import say


class Player:
    @handles(ExamineSelf)
    def examine_self(self, msg: ExamineSelf, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        described = render(content.game.player, state, content) if content.game.player else ""
        described = described or say("world.player_description", state, content)
        worn = [content.items[i] for i in places.contents(state, "player") if state["items"][i].get("worn")]
        if worn:  # what the player has put on is part of how they look
            names = listed([indefinite(item.name, item.plural) for item in worn])
            described = "\n".join((described, say("world.player_wearing", state, content, worn=names)))
        return Narration(described, minutes=1)

    @handles(SetRoomDescriptions)
    def set_room_descriptions(self, msg: SetRoomDescriptions, ctx: Context) -> Narration:
        if msg.mode not in ROOM_DESCRIPTIONS:
            raise ValueError(f"no way of describing rooms called {msg.mode!r}")
        said = {"verbose": "world.descriptions_verbose", "brief": "world.descriptions_brief",
                "superbrief": "world.descriptions_superbrief"}[msg.mode]
        # Kept in the game's state, so that it is saved and undone with the game.
        ctx.state["room_descriptions"] = msg.mode
        return Narration(say(said, ctx.state, ctx.content))

    @handles(About)
    def about(self, msg: About, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        game, pack = content.game, content.pack
        heading = [game.title, game.subtitle,
                   say("world.about_author", state, content, author=pack.author) if pack.author else "",
                   say("world.about_version", state, content, version=pack.version)]
        parts = ["\n".join(line for line in heading if line), pack.description or "",
                 render(game.credits, state, content) if game.credits else ""]
        return Narration("\n\n".join(part.strip() for part in parts if part and part.strip()))
