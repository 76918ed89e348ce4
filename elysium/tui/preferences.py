"""The player's preferences (the theme), kept beside their saved games so that they carry over
from one session to the next. A missing or damaged file only means the defaults."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from elysium.state.save_text import parse
from elysium.state.saves import read_file_with_care

FILE_NAME = "preferences.json"


def read_preferences(folder: Path) -> dict[str, Any]:
    """Read as carefully as a save (it is in the same folder): a pipe, a link or text no game
    writes only means the defaults."""
    try:
        data = parse(read_file_with_care(folder / FILE_NAME).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_preferences(folder: Path, preferences: dict[str, Any]) -> str | None:
    """Keep `preferences`; None when done, else why not, for the player."""
    temporary = folder / f".{FILE_NAME}.tmp"  # swept up with a save's leftovers if this is cut short
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(preferences, indent=1), encoding="utf-8")
        os.replace(temporary, folder / FILE_NAME)
    except OSError as error:
        return error.strerror or str(error)
    return None
