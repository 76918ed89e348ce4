"""The world service: rooms, exits, doors, things, light and darkness, and where everyone is."""

from __future__ import annotations

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import DescribeScope, Look, Narration, ScopeReply
from elysium.state.scope import things_in_scope
from elysium.services.world.describe import room_text
from elysium.services.world.light import Lighting
from elysium.services.world.actions import ActionHandling
from elysium.services.world.movement import Movement
from elysium.services.world.player import Player
from elysium.services.world.things import ThingHandling
from elysium.services.world.travel import Travel
from elysium.services.world.ways_out import WaysOut


class World(ThingHandling, ActionHandling, Lighting, Movement, Player, Travel, WaysOut, Service):
    name = "world"

    @handles(Look)
    def look(self, msg: Look, ctx: Context) -> Narration:
        return Narration(room_text(ctx), minutes=1)

    @handles(DescribeScope)
    def describe_scope(self, msg: DescribeScope, ctx: Context) -> ScopeReply:
        return ScopeReply(tuple(things_in_scope(ctx.state, ctx.content)))
