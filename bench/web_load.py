"""Simulated browser players for the web bench: a small HTTP/1.1 client on raw asyncio (one
keep-alive connection per player, as a browser tab has), so that one client process can keep
thousands of players typing without becoming the thing measured.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import time
from dataclasses import dataclass, field

# Moves and looks that are legal from the campus's first room, in a loop that comes back to it.
COMMANDS = ["look", "inventory", "east", "west", "south", "north", "time", "examine arch"]
COOKIE = "elysium_web"


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.reopened = 0

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, body: dict | None = None,
                      cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request; a connection the server closed while idle is opened again once, as a
        browser does (counted in `reopened`)."""
        try:
            return await self._request(method, path, body, cookie)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            self.reopened += 1
            await self.open()
            return await self._request(method, path, body, cookie)

    async def _request(self, method: str, path: str, body: dict | None = None,
                       cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
        payload = b"" if body is None else json.dumps(body).encode()
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Content-Length: {len(payload)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        if cookie:
            head.append(f"Cookie: {COOKIE}={cookie}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name = name.strip().lower()
            if name == "set-cookie" and value.strip().startswith(COOKIE + "="):
                headers["cookie"] = value.strip()[len(COOKIE) + 1:].split(";", 1)[0]
            else:
                headers[name] = value.strip()
        content = await self.reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


@dataclass
class Player:
    connection: Connection
    cookie: str = ""
    version: int = 0
    step: int = 0

    async def start(self) -> None:
        await self.connection.open()
        status, headers, body = await self.connection.request("POST", "/api/v1/game", {})
        if status != 200:
            raise RuntimeError(f"a new game failed with {status}: {body[:200]!r}")
        self.cookie = headers["cookie"]
        self.version = json.loads(body)["version"]

    async def turn(self) -> int:
        line = COMMANDS[self.step % len(COMMANDS)]
        status, _, body = await self.connection.request(
            "POST", "/api/v1/turn", {"line": line, "version": self.version}, self.cookie)
        if status == 200:
            self.version = json.loads(body)["version"]
            self.step += 1
        return status


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)  # seconds per turn, in the window
    answered: list[float] = field(default_factory=list)  # when each of them was answered, from the window's start
    failures: dict[int, int] = field(default_factory=dict)  # status -> count (not 200)
    setup_seconds: float = 0.0
    window_seconds: float = 0.0
    unanswered: int = 0  # turns still waiting when the time ran out
    reopened: int = 0  # connections the server had closed while idle, opened again


def quiet_collector() -> None:
    """Before a window: what earlier runs left is collected, and what lives on (the players) is
    moved out of the collector's reach, so that a full collection in this client (seconds after an
    overloaded run, one over every object it made) is not counted as the service's latency."""
    gc.collect()
    gc.freeze()


GRACE_SECONDS = 60.0  # after the window, how long the last turns may take before they are given up


async def bounded(outcome: Outcome, seconds: float, *work) -> None:
    """Runs `work` for at most `seconds` + GRACE_SECONDS: an overloaded service cannot hold the bench."""
    tasks = [asyncio.ensure_future(one) for one in work]
    done, pending = await asyncio.wait(tasks, timeout=seconds + GRACE_SECONDS)
    for task in pending:
        task.cancel()
    outcome.unanswered = len(pending)
    for task in done:
        task.result()


def count_in(outcome: Outcome, status: int, sent: float, began: float) -> None:
    """A turn's reply: its time when it was answered (200), else its status counted."""
    if status == 200:
        answered = time.perf_counter()
        outcome.latencies.append(answered - sent)
        outcome.answered.append(answered - began)
    else:
        outcome.failures[status] = outcome.failures.get(status, 0) + 1


def hang_up(outcome: Outcome, players: list[Player]) -> None:
    """After a window: every connection closed, and the client's heap given back to its collector."""
    outcome.reopened = reopened(players)
    for player in players:
        player.connection.close()
    gc.unfreeze()


def reopened(players: list[Player]) -> int:
    return sum(player.connection.reopened for player in players)


async def attempt(player: Player) -> int:
    """A turn's status; 0 when the connection failed even after opening it again."""
    try:
        return await player.turn()
    except (OSError, asyncio.IncompleteReadError):
        player.connection.close()
        try:
            await player.connection.open()
        except OSError:
            pass
        return 0


async def start_players(port: int, count: int, outcome: Outcome, at_once: int = 64) -> list[Player]:
    gate = asyncio.Semaphore(at_once)
    players = [Player(Connection(port)) for _ in range(count)]

    async def start(player: Player) -> None:
        async with gate:
            await player.start()

    started = time.perf_counter()
    await asyncio.gather(*(start(player) for player in players))
    outcome.setup_seconds = time.perf_counter() - started
    return players


async def typing(port: int, count: int, think: float, seconds: float, during=None) -> Outcome:
    """`count` players, each typing a command every `think` seconds on average (uniformly 0.5x to
    1.5x, first ones spread over the first `think` seconds), for `seconds`. `during()`, if given, is
    called once near the end of the window, while every player is still connected."""
    outcome = Outcome()
    players = await start_players(port, count, outcome)
    quiet_collector()
    chance = random.Random(16)
    began = time.perf_counter()
    ends = began + seconds

    async def play(player: Player, first: float) -> None:
        await asyncio.sleep(first)
        while time.perf_counter() < ends:
            sent = time.perf_counter()
            count_in(outcome, await attempt(player), sent, began)
            await asyncio.sleep(min(think * chance.uniform(0.5, 1.5), max(0.0, ends - time.perf_counter())))

    async def watch() -> None:
        if during is not None:
            await asyncio.sleep(max(0.0, seconds - 1.0))
            during()

    try:
        await bounded(outcome, seconds, watch(), *(play(player, chance.uniform(0, think)) for player in players))
    finally:
        hang_up(outcome, players)
    outcome.window_seconds = time.perf_counter() - began
    return outcome


def p99_by_part(outcome: Outcome, parts: int) -> list[float]:
    """The p99 of each of `parts` equal stretches of the window, in seconds: whether a tail was
    spread over the run or one stall of the machine."""
    stretch = outcome.window_seconds / parts
    split: list[list[float]] = [[] for _ in range(parts)]
    for latency, at in zip(outcome.latencies, outcome.answered):
        split[min(parts - 1, int(at / stretch))].append(latency)
    ordered = [sorted(values) for values in split if values]
    return [values[min(len(values) - 1, int(0.99 * len(values)))] for values in ordered]


async def flat_out(port: int, count: int, seconds: float) -> Outcome:
    """`count` players sending their next turn as soon as the last one is answered."""
    outcome = Outcome()
    players = await start_players(port, count, outcome)
    quiet_collector()
    began = time.perf_counter()
    ends = began + seconds

    async def play(player: Player) -> None:
        while time.perf_counter() < ends:
            sent = time.perf_counter()
            count_in(outcome, await attempt(player), sent, began)

    try:
        await bounded(outcome, seconds, *(play(player) for player in players))
    finally:
        hang_up(outcome, players)
    outcome.window_seconds = time.perf_counter() - began
    return outcome

