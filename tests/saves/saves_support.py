"""Shared material for the saved-game tests: where things are, a game with a saves folder, a
look at a folder that tells whether anything in it changed, and `elysium` as a command.

Kept in a plain module (not conftest.py) so that the test files can import it by name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from elysium.engine import Game
from elysium.state.saves import SUFFIX, SaveSlots, checksum
from elysium.state.store import copy_state

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_WORLD = ROOT / "tests" / "fixtures" / "world"
TIMEOUT = 60
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"


def new_game(saves: Path | None, content: Path = FIXTURE_WORLD, seed: int = 1,
             mods: tuple[Path, ...] = ()) -> Game:
    """A fresh game of the fixture world whose saves go to `saves` (never the project's folder)."""
    game = Game.new(content, seed=seed, mods=mods)
    game.slots = SaveSlots(saves) if saves is not None else None
    return game


def play(game: Game, *lines: str) -> list[str]:
    """Each line's reply; the engine must not have failed on any of them."""
    replies = [game.turn(line) for line in lines]
    assert game.errors == [], game.errors
    return replies


def quoted(name: str) -> str:
    return f"{QUOTE_OPEN}{name}{QUOTE_CLOSE}"


def folder_snapshot(folder: Path) -> dict[str, tuple[bytes | None, int, int, int, int]]:
    """Every path under `folder` (recursively) with its bytes (None for a folder, a link or a file
    of more than a megabyte), size, inode, mtime and mode, so that a test can tell that nothing
    there was written, replaced, removed or added."""
    found: dict[str, tuple[bytes | None, int, int, int, int]] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        small = path.is_file() and not path.is_symlink() and info.st_size <= 1 << 20
        data = path.read_bytes() if small else None
        found[str(path.relative_to(folder))] = (data, info.st_size, info.st_ino, info.st_mtime_ns, info.st_mode)
    return found


def save_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def read_body(folder: Path, name: str) -> dict[str, Any]:
    return json.loads((folder / f"{name}{SUFFIX}").read_text(encoding="utf-8"))


def write_body(folder: Path, name: str, body: Any, *, sign: bool = True) -> Path:
    """Write a save file by hand (as an old version, a hand edit or a broken disk would have left
    it); with `sign`, a dict body gets a checksum that matches it."""
    if sign and isinstance(body, dict):
        body = {k: v for k, v in body.items() if k != "checksum"}
        body["checksum"] = checksum(body)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}{SUFFIX}"
    path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def state_of(game: Game) -> dict[str, Any]:
    return copy_state(game.state)


def world(state: dict[str, Any]) -> dict[str, Any]:
    """The state without what every command typed updates (the command AGAIN repeats, and what
    IT and THEM mean), i.e. the world as a command that changes nothing leaves it."""
    return {k: v for k, v in state.items() if k not in ("last_command", "pronouns")}


def elysium(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m elysium ARGS` with `stdin` as its input."""
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTUAL_DRIVER",)}
    return subprocess.run(
        [sys.executable, "-m", "elysium", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT,
        cwd=cwd or ROOT, env=env,
    )


def play_plain(saves: Path, *extra: str, stdin: str = "") -> subprocess.CompletedProcess:
    """The fixture world in plain mode with its saves in `saves`."""
    return elysium("play", "--plain", "--seed", "1", "--content", str(FIXTURE_WORLD),
                   "--saves", str(saves), *extra, stdin=stdin)


def replies(stdout: str) -> list[str]:
    """The opening, then the reply to each command, from a plain-mode transcript."""
    return [part.strip() for part in stdout.split("\n> ")]
