"""What a front-end shows beside the story: the place, the clock, the student, the map.

A `GameView` is plain, read-only data computed from the game after each turn, so the TUI (or any
other front-end) draws it without knowing any rule of the game. Its texts come from the pack, and
hold no control character: a front-end may write them to a terminal as they are. The one
exception is the map's room names, cleaned where the few that are drawn are drawn: a campus may
have thousands of rooms, and the view is made after every turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from elysium.bus.protocol import NextClass, NextRecital
from elysium.content.styles import without_controls as shown
from elysium.content.words import indefinite
from elysium.engine import Game
from elysium.services.world.describe import exit_words
from elysium.state import calendar, places
from elysium.state.store import MAX_ENERGY


@dataclass(frozen=True)
class MapRoom:
    id: str
    name: str
    position: tuple[int, int] | None
    exits: dict[str, str]
    visited: bool
    here: bool


@dataclass(frozen=True)
class GameView:
    title: str
    room: str
    exits: tuple[str, ...]
    dark: bool
    clock: str
    day: int
    weekday: str
    period: str
    next_event: str | None
    energy: int
    max_energy: int
    standing: int
    reputation: int
    score: int
    max_score: int
    skills: dict[str, int]
    inventory: tuple[str, ...]  # what the player holds themselves
    rooms: tuple[MapRoom, ...] = field(default=())
    ended: bool = False
    features: frozenset[str] = frozenset()  # the campus systems the game uses: the panels it shows
    # What the player holds and, under each, what is on it or in it while it is open: (depth, name).
    carried: tuple[tuple[int, str], ...] = ()


def view_of(game: Game) -> GameView:
    state, content = game.state, game.content
    here = state["location"]
    lit = places.has_light(state, content, here)
    room = content.rooms[here]
    skills = {shown(name): state["skills"].get(name, 0)
              for name in sorted({*state["skills"], *(c.skill for c in content.classes.values())})}
    inventory = []
    for item_id in places.contents(state, "player"):
        item = content.items[item_id]
        worn = " (worn)" if state["items"][item_id].get("worn") else ""
        inventory.append(shown(indefinite(item.name, item.plural)) + worn)
    rooms = tuple(
        MapRoom(r.id, r.name, r.position, {d: x.to for d, x in r.shown_exits.items() if x.to},
                state["visits"].get(r.id, 0) > 0, r.id == here)
        for r in content.rooms.values()
    )
    return GameView(
        title=shown(content.game.title),
        room=shown(room.name) if lit else "Darkness",
        exits=tuple(exit_words(content, room.shown_exits)) if lit else (),
        dark=not lit,
        clock=calendar.clock_text(state["time"]),
        day=calendar.day_of(state["time"]),
        weekday=shown(calendar.weekday_of(state["time"], content.game.days)),
        period=calendar.period_of(state["time"]),
        next_event=next_event(game),
        energy=state["energy"],
        max_energy=MAX_ENERGY,
        standing=state["standing"],
        reputation=state["reputation"],
        score=state["score"],
        max_score=content.game.max_score,
        skills=skills,
        inventory=tuple(inventory),
        rooms=rooms,
        ended=bool(state["ending"]),
        features=content.game.features,
        carried=tuple(carried_by_player(state, content)),
    )


def carried_by_player(state, content, place: str = "player", depth: int = 0, seen: frozenset = frozenset()):
    """(depth, name) of each item the player holds, each followed by what is on it, and in it when
    it is open, however deep; only what the player carries is walked, never the world."""
    for item_id in places.contents(state, place):
        if item_id in seen:  # a loop made by careless effects: shown once, not followed
            continue
        entry = state["items"][item_id]
        item = content.items[item_id]
        worn = " (worn)" if entry.get("worn") else ""
        yield depth, shown(indefinite(item.name, item.plural)) + worn
        inner = seen | {item_id}
        yield from carried_by_player(state, content, f"on:{item_id}", depth + 1, inner)
        if entry.get("open", True):
            yield from carried_by_player(state, content, f"in:{item_id}", depth + 1, inner)


def next_event(game: Game) -> str | None:
    """'Music Theory, today 09:00, the Hall of Voices': the sooner of the next class and recital."""
    coming = [u for u in (game.bus.ask(NextClass()), game.bus.ask(NextRecital())) if u.when >= 0]
    if not coming:
        return None
    soonest = min(coming, key=lambda u: u.when)
    now = game.state["time"]
    if calendar.day_of(soonest.when) == calendar.day_of(now):
        day = "today"
    elif calendar.day_of(soonest.when) == calendar.day_of(now) + 1:
        day = "tomorrow"
    else:
        day = calendar.weekday_of(soonest.when, game.content.game.days)
    return shown(f"{soonest.name}, {day} {calendar.clock_text(soonest.when)}, {soonest.place}")
