"""Saves written by older versions, brought up to date one small step at a time.

Each migration takes the body of a save at one format version and returns it at the next. A save
is read by running every step from its version to the current one, so an old save never needs a
reader of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_FORMAT = 5
WORLD = ("items", "npcs")  # as in store.py; a migration stays as it was written

Body = dict[str, Any]


def _1_to_2(body: Body) -> Body:
    """Format 1 named only the game pack and had no checksum; format 2 lists every pack."""
    pack = body.pop("pack", {}) or {}
    body["packs"] = [{"id": pack.get("id", ""), "version": pack.get("version", ""), "hash": ""}]
    body.setdefault("game_version", "0.1.0")
    body["format"] = 2
    return body


def _2_to_3(body: Body) -> Body:
    """Format 2 kept each undo step as a whole state; format 3 keeps, for each, the small part of
    the state whole and only the items and NPCs that its step changed (see Store.begin)."""
    states = [h for h in body.get("history", []) if isinstance(h, dict)]
    states.append(body.get("state") if isinstance(body.get("state"), dict) else {})
    checkpoints = []
    for older, newer in zip(states, states[1:]):
        checkpoint = {"rest": {k: v for k, v in older.items() if k not in WORLD}}
        for kind in WORLD:
            now = newer.get(kind, {}) if isinstance(newer.get(kind), dict) else {}
            was = older.get(kind, {}) if isinstance(older.get(kind), dict) else {}
            checkpoint[kind] = {key: entry for key, entry in was.items() if now.get(key) != entry}
        checkpoints.append(checkpoint)
    body["history"] = checkpoints
    body["format"] = 3
    return body


def _3_to_4(body: Body) -> Body:
    """Format 4 writes the same body without spaces between its parts (and its checksum covers
    that text): nothing in it changed."""
    body["format"] = 4
    return body


def _4_to_5(body: Body) -> Body:
    """Format 5 may write an undo step's rest as only what differs from the next step's (see
    saved_history.py); a rest written whole, as format 4 wrote every one, is read as it was."""
    body["format"] = 5
    return body


MIGRATIONS: dict[int, Callable[[Body], Body]] = {1: _1_to_2, 2: _2_to_3, 3: _3_to_4, 4: _4_to_5}


def migrate(body: Body) -> Body:
    """The body brought from its format up to CURRENT_FORMAT."""
    version = body.get("format")
    while version != CURRENT_FORMAT:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no way to read format {version!r}")
        body = step(body)
        version = body["format"]
    return body
