"""The game state: one plain, JSON-serialisable mapping, its starting value, and undo history.

Nothing in here knows the rules of play. Services read and change the mapping through the bus's
context; the engine snapshots it before each turn so that `undo` can step back.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from elysium.content.model import Content
from elysium.state import calendar, rng

State = dict[str, Any]
FORMAT_VERSION = 1
UNDO_DEPTH = 100
MAX_ENERGY = 100


def initial_state(content: Content, seed: int) -> State:
    game = content.game
    items = {}
    for item in content.items.values():
        entry: dict[str, Any] = {"at": item.location}
        if item.openable or item.container or item.door:
            entry["open"] = item.open
        if item.lockable:
            entry["locked"] = item.locked
        if item.wearable:
            entry["worn"] = item.worn
        if item.light:
            entry["lit"] = item.lit
        items[item.id] = entry
    return {
        "version": FORMAT_VERSION,
        "seed": seed,
        "rng": rng.seed_state(seed),
        "turn": 0,
        "time": (game.start_day - 1) * calendar.MINUTES_PER_DAY + game.start_time,
        "location": game.start,
        "score": 0,
        "reputation": 0,
        "standing": 0,
        "energy": MAX_ENERGY,
        "skills": {},
        "repertoire": {},
        "flags": {},
        "counters": {},
        "visits": {game.start: 1},
        "items": items,
        "npcs": {npc.id: {"at": npc.location} for npc in content.npcs.values()},
        "lore": [],
        "fired": [],
        "attended": [],
        "performed": [],
        "ending": None,
        "pronouns": {},
        "pending": None,
        "last_command": None,
    }


def copy_state(value: Any) -> Any:
    """A deep copy of plain data; several times faster than copy.deepcopy for dicts and lists."""
    if isinstance(value, dict):
        return {k: copy_state(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_state(v) for v in value]
    return value


class History:
    """Snapshots of earlier turns, newest last, bounded so that memory and saves stay small."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._snapshots: deque[State] = deque(maxlen=depth)

    def __len__(self) -> int:
        return len(self._snapshots)

    def push(self, state: State) -> None:
        self._snapshots.append(copy_state(state))

    def pop(self) -> State | None:
        return self._snapshots.pop() if self._snapshots else None

    def snapshots(self) -> list[State]:
        return list(self._snapshots)

    def replace(self, snapshots: list[State]) -> None:
        """Put back a history saved with `snapshots()` (after a turn that failed half-way)."""
        self._snapshots.clear()
        self._snapshots.extend(snapshots)
