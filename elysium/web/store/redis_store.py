"""The Redis store (redis-py), for several machines sharing one Redis.

A versioned write is a small Lua script, which Redis runs whole with nothing in between: it
compares the stored version with the one read and only then replaces the state. Keys start with
`elysium:` (or `?prefix=...` from the URL, so that several games can share one Redis).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from elysium.web.store.model import Conflict, SaveInfo, Stored, check_version, decode, encode, now_utc

try:
    import redis
except ImportError:  # pragma: no cover - depends on what is installed
    redis = None

CONNECT_TIMEOUT_SECONDS = 5

# KEYS[1]: the game's hash; ARGV: the version read, the new state. -1 is a conflict.
VERSIONED_WRITE = """
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
redis.call('HSET', KEYS[1], 'version', current + 1, 'state', ARGV[2])
return current + 1
"""


def split_prefix(url: str) -> tuple[str, str]:
    """Our own `prefix` query parameter, taken out of the URL redis-py is given."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    prefix = next((value for key, value in query if key == "prefix"), "elysium")
    rest = urlencode([(key, value) for key, value in query if key != "prefix"])
    return urlunsplit(parts._replace(query=rest)), prefix


def where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path or ''}"


class RedisStore:
    def __init__(self, url: str) -> None:
        if redis is None:
            raise ValueError("The Redis store needs redis-py: pip install 'elysium[server]'.")
        client_url, prefix = split_prefix(url)
        self._prefix = prefix
        try:
            self._redis = redis.Redis.from_url(
                client_url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS, decode_responses=True)
            self._redis.ping()
        except (redis.RedisError, ValueError) as error:
            raise ValueError(f"Cannot use the Redis store at {where(url)}: {str(error).rstrip('.')}.") from None
        self._versioned_write = self._redis.register_script(VERSIONED_WRITE)

    # Each key is a prefix and a kind followed by the whole player id, so no two players share a key.
    def _game(self, player: str) -> str:
        return f"{self._prefix}:game:{player}"

    def _save_info(self, player: str) -> str:
        return f"{self._prefix}:save-info:{player}"

    def _save_state(self, player: str) -> str:
        return f"{self._prefix}:save-state:{player}"

    def read(self, player: str) -> Stored | None:
        version, state = self._redis.hmget(self._game(player), ["version", "state"])
        return None if version is None else Stored(decode(state), int(version))

    def write(self, player: str, state: dict, version: int) -> int:
        check_version(version)
        text = encode(state)
        written = int(self._versioned_write(keys=[self._game(player)], args=[version, text]))
        if written < 0:
            raise Conflict(f"the game is no longer at version {version}")
        return written

    def delete_game(self, player: str) -> None:
        self._redis.delete(self._game(player))

    def saves(self, player: str) -> list[SaveInfo]:
        found = [decode(info) | {"name": name} for name, info in self._redis.hgetall(self._save_info(player)).items()]
        found.sort(key=lambda info: (info["saved_at"], info["made"]), reverse=True)
        return [SaveInfo(info["name"], info["saved_at"], info["summary"]) for info in found]

    def save(self, player: str, name: str, state: dict, summary: str) -> None:
        text = encode(state)
        made = self._redis.incr(f"{self._prefix}:saves-made")
        info = encode({"saved_at": now_utc(), "made": made, "summary": summary})
        with self._redis.pipeline(transaction=True) as both:
            both.hset(self._save_state(player), name, text)
            both.hset(self._save_info(player), name, info)
            both.execute()

    def load(self, player: str, name: str) -> dict | None:
        state = self._redis.hget(self._save_state(player), name)
        return None if state is None else decode(state)

    def delete_save(self, player: str, name: str) -> bool:
        with self._redis.pipeline(transaction=True) as both:
            both.hdel(self._save_info(player), name)
            both.hdel(self._save_state(player), name)
            deleted, _ = both.execute()
        return deleted > 0

    def close(self) -> None:
        self._redis.close()
