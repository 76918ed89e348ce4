"""Watching pack folders for changes, for `elysium play --dev`."""

from __future__ import annotations

from pathlib import Path


class PackWatcher:
    """Remembers the size and modification time of every YAML file in some folders."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [Path(f) for f in folders]
        self.seen = self.snapshot()

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        found = {}
        for folder in self.folders:
            for path in folder.rglob("*.y*ml"):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found[path] = (stat.st_size, stat.st_mtime_ns)
        return found

    def changed(self) -> list[Path]:
        """Files added, removed or modified since the last call."""
        now = self.snapshot()
        paths = sorted(p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p))
        self.seen = now
        return paths
