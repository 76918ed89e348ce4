"""Who a browser is: a random id in a cookie, no accounts. Each id has its own folder under the
server's saves folder, so a player's saves and preferences are theirs alone."""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import Path

COOKIE = "elysium_player"
A_YEAR = 365 * 24 * 60 * 60
_WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{32}")


def new_player_id() -> str:
    """192 random bits: nobody guesses another player's id."""
    return secrets.token_urlsafe(24)


def valid_player_id(value: str | None) -> str | None:
    """The id a cookie carries, or None for a missing or made-up one (then it gets a new one)."""
    return value if value is not None and _WELL_FORMED.fullmatch(value) else None


def player_folder(saves_root: Path, player_id: str) -> Path:
    """The player's own saves folder. Named by a digest of the id, so that the folder's name on
    the server's disk is no key to anyone's games."""
    digest = hashlib.sha256(player_id.encode("ascii")).hexdigest()[:32]
    return saves_root / "players" / digest
