"""GO TO, walked: the way the world service finds, taken one step at a time.

Each step is the player's own command for that direction, carried out as the engine carries out
any command (rules, the move, time passing, the end of the turn), so the walk meets the world as
the player typing each direction would. It stops, and says so, as soon as anything interrupts:
a step that does not arrive where it should, a timer that would stop a wait, anything a rule or
a person has to say on the way, or the end of the game. People coming and going, and timers
that would not stop a wait, are told but do not stop it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from elysium.bus.protocol import FindWay
from elysium.parser import Command
from elysium.state.text import say

if TYPE_CHECKING:
    from elysium.engine import Game


def walk(game: Game, command: Command, show: Callable[[str], None]) -> None:
    route = game.bus.ask(FindWay(command.text or ""))
    if not route.directions:
        show(route.text)
        return
    for step, direction in enumerate(route.directions, 1):
        expected = game.content.rooms[game.state["location"]].exits[direction].to
        said: list[tuple[str, list[str]]] = []
        game.passing_news.clear()

        def step_show(text: str) -> None:
            said.append((text, list(game.heard)))
            game.heard.clear()

        passing = "passing" if step < len(route.directions) else None  # the way there, seen briefly
        game.carry_out(Command("go", direction=direction, text=passing), [], step_show)
        for text, heard in said:
            show("\n".join(t for t in (text, *heard) if t))
        news = set(game.passing_news)

        def stops(text: str) -> bool:
            return any(line and line not in news for line in text.split("\n"))

        interrupted = (game.state["location"] != expected or any(stops(t) for _, heard in said for t in heard)
                       or any(stops(text) for text, _ in said[1:]))
        if game.state["ending"]:
            return
        if interrupted:
            if game.state["location"] != route.destination:
                show(say("world.travel_stopped", game.state, game.content, place=route.place))
            return
