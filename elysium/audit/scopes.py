"""What the player can refer to where the audit has put them: what the world service answers a
turn's DescribeScope with (state/scope.py), read without the bus. A turn asks once, the audit once
a room (tests/audit/test_scopes.py holds the two to the same things in every room)."""

from __future__ import annotations

from elysium import parser
from elysium.engine import Game, things_from
from elysium.state.scope import things_in_scope


def things_here(game: Game) -> list[parser.Thing]:
    """`game.scope()`, for the player where `game.state` puts them."""
    return things_from(things_in_scope(game.state, game.content))
