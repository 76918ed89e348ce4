"""A store in this process's memory: for tests, and for one worker that need not survive a restart."""

from __future__ import annotations

import threading

from elysium.web.store.model import Conflict, SaveInfo, Stored, check_version, decode, encode, now_utc


class MemoryStore:
    """Keeps states as JSON text, so a caller that changes a dict afterwards changes nothing stored."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._games: dict[str, tuple[str, int]] = {}
        # player -> name -> (saved_at, order, summary, state); `order` breaks ties in saved_at.
        self._saves: dict[str, dict[str, tuple[str, int, str, str]]] = {}
        self._order = 0

    def read(self, player: str) -> Stored | None:
        with self._lock:
            found = self._games.get(player)
        return None if found is None else Stored(decode(found[0]), found[1])

    def write(self, player: str, state: dict, version: int) -> int:
        check_version(version)
        text = encode(state)
        with self._lock:
            current = self._games.get(player, (None, 0))[1]
            if current != version:
                raise Conflict(f"the game is at version {current}, not {version}")
            self._games[player] = (text, version + 1)
        return version + 1

    def delete_game(self, player: str) -> None:
        with self._lock:
            self._games.pop(player, None)

    def saves(self, player: str) -> list[SaveInfo]:
        with self._lock:
            found = list(self._saves.get(player, {}).items())
        found.sort(key=lambda item: (item[1][0], item[1][1]), reverse=True)
        return [SaveInfo(name, saved_at, summary) for name, (saved_at, _, summary, _) in found]

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        text = encode(state)
        with self._lock:
            self._order += 1
            self._saves.setdefault(player, {})[name] = (now_utc(), self._order, summary, text)

    def load(self, player: str, name: str) -> dict | None:
        with self._lock:
            found = self._saves.get(player, {}).get(name)
        return None if found is None else decode(found[3])

    def delete_save(self, player: str, name: str) -> bool:
        with self._lock:
            return self._saves.get(player, {}).pop(name, None) is not None

    def close(self) -> None:
        pass
