"""Watching pack folders for changes, for `elysium play --dev`."""

from __future__ import annotations

import os
from pathlib import Path

from elysium.content.files import Refused, look, walk

Stamp = tuple[int, int] | str


class PackWatcher:
    """Remembers the size and modification time of every YAML file in some folders (or why it
    cannot be read), looking at each without opening it, as the loader does before a read."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [Path(f) for f in folders]
        self.seen = self.snapshot()

    def snapshot(self) -> dict[Path, Stamp]:
        found: dict[Path, Stamp] = {}
        for folder in self.folders:
            if not folder.is_dir():
                continue
            pack = os.path.realpath(folder)
            paths, unlisted = walk(folder)
            found.update(unlisted)
            for path in paths:
                try:
                    status = look(path, pack)
                except Refused as refused:
                    found[path] = refused.message
                    continue
                found[path] = (status.st_size, status.st_mtime_ns)
        return found

    def changed(self) -> list[Path]:
        """Files added, removed or modified since the last call."""
        now = self.snapshot()
        paths = sorted(p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p))
        self.seen = now
        return paths
