"""MAP: the ways out of the player's room told in words, for players who cannot see the TUI's map.

Each exit the room shows (hidden ones are left out, as LOOK leaves them out) with the name of the
room it leads to when the player has been there, else only its direction. In the dark the player
sees no exits: only those to rooms they have been in are told. It looks at one room's exits, so
its cost does not grow with the world.
"""

from __future__ import annotations

from elysium.bus import Context, handles
from elysium.bus.protocol import Narration, ShowMap
from elysium.content.words import listed
from elysium.state import places
from elysium.state.text import say
from elysium.services.world.describe import exit_words, room_name


class WaysOut:
    @handles(ShowMap)
    def show_map(self, msg: ShowMap, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        room = content.rooms[state["location"]]
        lit = places.has_light(state, content, room.id)
        ways = []
        for direction, exit_ in room.shown_exits.items():
            word = exit_words(content, [direction])[0]
            there = content.rooms.get(exit_.to) if exit_.to else None
            if there is not None and state["visits"].get(there.id):
                ways.append(say("world.map_way_to", state, content, direction=word, place=_in_sentence(room_name(ctx, there))))
            elif lit:
                ways.append(say("world.map_way", state, content, direction=word))
        if not lit:
            if not ways:
                return Narration(say("world.map_dark_no_way", state, content))
            return Narration(say("world.map_dark", state, content, ways=listed(ways)))
        place = _in_sentence(room_name(ctx, room))
        if not ways:
            return Narration(say("world.map_no_way", state, content, place=place))
        return Narration(say("world.map", state, content, place=place, ways=listed(ways)))


def _in_sentence(name: str) -> str:
    # A name written as a title ("The Gatehouse") reads "the Gatehouse" inside the sentence.
    return f"the {name[4:]}" if name.startswith("The ") else name
