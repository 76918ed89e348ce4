"""Saved games: one JSON file per slot in a saves folder, written so that a crash never leaves a
half-written file behind.

A save holds the whole state and the undo history, and names the pack it was made with, so a
game restored later behaves exactly as it would have gone on.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

SAVE_FORMAT = 1
SUFFIX = ".save.json"
SLOT_PATTERN = re.compile(r"[^a-z0-9_-]+")


class SaveError(Exception):
    """A save that cannot be written or read; the message says why, for the player."""


@dataclass(frozen=True)
class SaveInfo:
    name: str
    day: int
    clock: str
    location: str
    saved_at: str


def slot_name(name: str) -> str:
    """A safe file name for what the player typed: letters, digits, - and _ only."""
    slot = SLOT_PATTERN.sub("-", name.strip().lower()).strip("-")[:40]
    return slot or "autosave"


class SaveSlots:
    """The saves in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        return self.folder / f"{slot_name(name)}{SUFFIX}"

    def write(self, name: str, state: dict[str, Any], history: list[dict[str, Any]], pack: dict[str, str],
              summary: dict[str, Any]) -> SaveInfo:
        slot = slot_name(name)
        body = {"format": SAVE_FORMAT, "pack": pack, "summary": summary,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "state": state, "history": history}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{slot}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(body, stream, ensure_ascii=False)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, self.path(slot))
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except OSError as error:
            raise SaveError(f"The game could not be saved: {error.strerror or error}.") from None
        return self.info(slot, body)

    def read(self, name: str) -> dict[str, Any]:
        path = self.path(name)
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SaveError(f"There is no saved game called \u201c{slot_name(name)}\u201d.") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise SaveError(f"The saved game \u201c{slot_name(name)}\u201d is damaged and cannot be read.") from None
        if not isinstance(body, dict) or body.get("format") != SAVE_FORMAT or not isinstance(body.get("state"), dict):
            raise SaveError(f"The saved game \u201c{slot_name(name)}\u201d is not in a form this version can read.")
        return body

    def list(self) -> list[SaveInfo]:
        found = []
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            try:
                body = json.loads(path.read_text(encoding="utf-8"))
                found.append(self.info(path.name[: -len(SUFFIX)], body))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue  # a damaged file is reported when it is loaded, not listed
        return sorted(found, key=lambda info: info.saved_at, reverse=True)

    @staticmethod
    def info(slot: str, body: dict[str, Any]) -> SaveInfo:
        summary = body["summary"]
        return SaveInfo(slot, summary["day"], summary["clock"], summary["location"], body["saved_at"])


def default_saves_folder() -> Path:
    """The checkout's saves/ folder when run from a checkout, else the platform's user data folder."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "saves").is_dir():
        return checkout / "saves"
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif (Path.home() / "Library" / "Application Support").is_dir():
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "elysium" / "saves"
