"""The game state: one plain, JSON-serialisable mapping, its starting value, and undo history.

Nothing in here knows the rules of play. Services read and change the mapping through the bus's
context; the engine takes a checkpoint of it at each line so that `undo` can step back.
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
MAX_SKILL = 100  # skills and a piece's mastery run from 0 to this


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
        if item.device:
            entry["switched_on"] = item.switched_on
        if item.light:
            entry["lit"] = item.switched_on if item.device else item.lit
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
        # Named states, only in games that have them (so that other games' saves are as they were).
        **({"states": {name: values[0] for name, values in content.states.items()}} if content.states else {}),
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


WORLD = ("items", "npcs")  # the parts of the state as large as the world itself
_NOTHING = object()  # no value (None is one)
Checkpoint = dict[str, Any]


class Store(dict):
    """The game state: one plain mapping, saved exactly as it is, kept with two things beside it
    so that a turn costs what the turn does, not what the world holds.

    - An index of what lies at each place, who stands in each room, and which lights burn.
    - Journals (checkpoints, see `begin`): the entries of items and NPCs as they were before their
      first change since the checkpoint, and a copy of the rest of the state, which is small.

    Entries under `items` and `npcs` change only through `change`, which keeps both up to date.
    """

    def __init__(self, data: State | None = None) -> None:
        super().__init__(data or {})
        self._journals: list[Checkpoint] = []
        self._last_rest: State = {}  # the rest of the state as the newest checkpoint copied it
        self.reindex()

    def reindex(self) -> None:
        """Build the index afresh: after the state was replaced or fitted to new content."""
        self._order = {kind: {key: n for n, key in enumerate(self.get(kind, ()))} for kind in WORLD}
        self._at: dict[str, dict[str, dict[str, None]]] = {kind: {} for kind in WORLD}
        for kind in WORLD:
            for key, entry in self.get(kind, {}).items():
                self._at[kind].setdefault(entry["at"], {})[key] = None
        self._lit = {key: None for key, entry in self.get("items", {}).items() if entry.get("lit")}

    # -- reading through the index ------------------------------------------------------------
    def at(self, kind: str, place: str) -> list[str]:
        """Ids of the items (or NPCs) directly at `place`, in content order."""
        found = self._at[kind].get(place)
        if not found:
            return []
        return sorted(found, key=self._order[kind].__getitem__) if len(found) > 1 else list(found)

    def order(self, kind: str) -> dict[str, int]:
        """Each id's position in content order, to sort by."""
        return self._order[kind]

    def lit(self) -> list[str]:
        """Ids of the items alight."""
        return list(self._lit)

    # -- the one way to change an item or an NPC ----------------------------------------------
    def change(self, kind: str, key: str, **fields: Any) -> None:
        entry = self[kind][key]
        for journal in self._journals:
            journal[kind].setdefault(key, dict(entry))
        if "at" in fields and fields["at"] != entry["at"]:
            self._move(kind, key, entry["at"], fields["at"])
        if "lit" in fields and kind == "items":
            if fields["lit"]:
                self._lit[key] = None
            else:
                self._lit.pop(key, None)
        entry.update(fields)

    def _move(self, kind: str, key: str, origin: str, destination: str) -> None:
        bucket = self._at[kind].get(origin)
        if bucket is not None:
            bucket.pop(key, None)
            if not bucket:
                del self._at[kind][origin]
        self._at[kind].setdefault(destination, {})[key] = None

    # -- checkpoints ---------------------------------------------------------------------------
    def begin(self, alongside: Checkpoint | None = None) -> Checkpoint:
        """A checkpoint of the state as it is now, kept up to date by every change from here until
        `end`: plain data, so that it can be saved with the game. `alongside`: a checkpoint begun
        at this same moment, nothing changed since, whose copy of the rest this one shares (the
        copies are never changed in place)."""
        rest = alongside["rest"] if alongside else self._copy_of_rest()
        checkpoint = {"rest": rest, **{kind: {} for kind in WORLD}}
        self._journals.append(checkpoint)
        return checkpoint

    def _copy_of_rest(self) -> State:
        """A copy of the state beside the world. Each value equal to the one the last copy holds
        is that copy's (a checkpoint's rest is never changed in place: rewinding copies it), so
        that what a line did not change is neither copied again nor kept twice, and a save
        (saved_history.py) finds what did change by identity."""
        last, rest = self._last_rest, {}
        for key, value in self.items():
            if key not in WORLD:
                kept = last.get(key, _NOTHING)
                rest[key] = kept if type(kept) is type(value) and kept == value else copy_state(value)
        self._last_rest = rest
        return rest

    def end(self, checkpoint: Checkpoint) -> None:
        """Stop recording changes into a checkpoint (it still rewinds to where it began)."""
        self._journals = [j for j in self._journals if j is not checkpoint]

    def rewind(self, checkpoint: Checkpoint) -> None:
        """Put the state back as it was when `checkpoint` began (the newest checkpoint first: each
        holds what changed between it and the next)."""
        self.end(checkpoint)
        if "whole" in checkpoint:
            self.replace(copy_state(checkpoint["whole"]))
            return
        for kind in WORLD:
            for key, entry in checkpoint[kind].items():
                if key in self[kind]:
                    self.change(kind, key, **entry)
        for key in [k for k in self if k not in WORLD]:
            del self[key]
        self.update(copy_state(checkpoint["rest"]))

    def replace(self, data: State) -> None:
        """Become `data` (a restored save, a restart). Open checkpoints keep the whole state they
        began with, so that they can still rewind across the change."""
        for journal in self._journals:
            journal["whole"] = self._as_it_began(journal)
            for kind in WORLD:
                journal[kind].clear()
        self.clear()
        self.update(data)
        self.reindex()

    def _as_it_began(self, checkpoint: Checkpoint) -> State:
        if "whole" in checkpoint:
            return checkpoint["whole"]
        began = copy_state(checkpoint["rest"])
        for kind in WORLD:
            began[kind] = {key: dict(checkpoint[kind].get(key, entry)) for key, entry in self[kind].items()}
        return began


class History:
    """Checkpoints of earlier lines (see Store.begin), newest last, bounded so that memory and saves
    stay small. Each holds only what its line changed, so undo costs what the line did."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._checkpoints: deque[Checkpoint] = deque(maxlen=depth)

    def __len__(self) -> int:
        return len(self._checkpoints)

    def push(self, checkpoint: Checkpoint) -> None:
        self._checkpoints.append(checkpoint)

    def pop(self) -> Checkpoint | None:
        return self._checkpoints.pop() if self._checkpoints else None

    def checkpoints(self) -> list[Checkpoint]:
        return list(self._checkpoints)

    def replace(self, checkpoints: list[Checkpoint]) -> None:
        """Put back a history taken with `checkpoints()` (after a turn that failed half-way)."""
        self._checkpoints.clear()
        self._checkpoints.extend(checkpoints)
