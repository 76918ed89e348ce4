"""How a save file holds its undo history (format 5): each checkpoint's rest as what differs from
the next one's.

A checkpoint (see Store.begin) holds the items and NPCs its line changed, and a whole copy of the
rest of the state: the turn, the time, where the player stands, what they know. From one line to
the next most of that rest is the same (a line changes the turn, the time and the command AGAIN
repeats), so a save of 30 undo steps held 30 near-equal copies of it: two thirds of its text. A
save file of format 5 writes the newest checkpoint's rest whole, and each older one as only its
values that differ from the next checkpoint's:

    {"rest": {"turn": 41, "time": 600, ...}, "rest_absent": ["delay"], "items": {...}, "npcs": {...}}

`rest_absent` lists the keys (parts a state has only sometimes) that the next checkpoint's rest has
and this one does not; it is there, most often empty, in every checkpoint written this way, and
only in those, so that a rest written whole (older formats, a checkpoint open across a restore, the
web service's records) is never taken for one written as changes. Reading builds each rest back
from the next one's, newest first, as undoing meets them (reconcile.fitting_history), after
save_check has checked every value once where it is written. The rests built back share the values
they did not change with the next one's: nothing changes a checkpoint's rest in place (Store.rewind
copies it).
"""

from __future__ import annotations

from itertools import compress
from operator import is_not
from typing import Any

REST_ABSENT = "rest_absent"
Checkpoint = dict[str, Any]  # as in store.py, which saves.py (on the way to the title screen) does not import


class HistoryWriter:
    """Writes checkpoints as a save file holds them, remembering what it worked out for the last
    save: a checkpoint's rest never changes once begun (rewinding copies it), so a save after
    every line (the autosave) works out only the newest step's changes."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[dict[str, Any], dict[str, Any], dict[str, Any], list[str]]] = {}

    def as_written(self, checkpoints: list[Checkpoint]) -> list[Checkpoint]:
        """The checkpoints as a save file holds them, oldest first: each rest that the next
        checkpoint can give written as its changes from the next one's. A checkpoint open across
        a restore (`whole`) is written as it is, and so is the one before it."""
        known, self._known = self._known, {}
        written = []
        for older, newer in zip(checkpoints, checkpoints[1:]):
            if "whole" in older or "whole" in newer:
                written.append(older)
                continue
            rest, next_rest = older["rest"], newer["rest"]
            found = known.get(id(rest))
            if found is None or found[0] is not rest or found[1] is not next_rest:
                found = (rest, next_rest, *_changes(rest, next_rest))
            self._known[id(rest)] = found
            written.append({"rest": found[2], REST_ABSENT: found[3], "items": older["items"], "npcs": older["npcs"]})
        written.extend(checkpoints[-1:])
        return written


def as_written(checkpoints: list[Checkpoint]) -> list[Checkpoint]:
    """The checkpoints as a save file holds them (see HistoryWriter.as_written)."""
    return HistoryWriter().as_written(checkpoints)


def _changes(rest: dict[str, Any], next_rest: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """What of `rest` differs from `next_rest`, and which keys of `next_rest` it lacks."""
    if rest.keys() == next_rest.keys():  # most often
        # Checkpoints share the values a line did not change (Store.begin): only the others are
        # compared, and only to leave out one that is equal all the same.
        maybe = compress(rest, map(is_not, rest.values(), map(next_rest.__getitem__, rest)))
        return {key: rest[key] for key in maybe if rest[key] != next_rest[key]}, []
    changed = {key: value for key, value in rest.items() if key not in next_rest or next_rest[key] != value}
    return changed, [key for key in next_rest if key not in rest]


def written_as_changes(checkpoint: Any) -> bool:
    """Whether a saved checkpoint holds its rest as changes from the next one's."""
    return type(checkpoint) is dict and REST_ABSENT in checkpoint


def built_back(checkpoint: Checkpoint, next_rest: dict[str, Any]) -> Checkpoint:
    """A checkpoint written as changes (checked by save_check), with its whole rest again."""
    rest = {**next_rest, **checkpoint["rest"]}
    for key in checkpoint[REST_ABSENT]:
        rest.pop(key, None)
    return {"rest": rest, "items": checkpoint["items"], "npcs": checkpoint["npcs"]}
