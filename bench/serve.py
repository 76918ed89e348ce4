"""(8) `elysium serve`: what each browser player costs the machine.

tabs       ten browsers (each its own cookie, so its own player) open the game at once, over
           textual-serve's websocket: the time until every one of them shows the title screen's menu,
           against the time one tab alone takes (measured first). No target: reported.
memory     with the ten games open, the proportional set size (PSS: shared pages split between the
           processes sharing them) of the server's game processes, per player; against the server
           process itself. No target: reported.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.util import ROOT, Row, Settings, scratch, stop

TABS = 10
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def measure(settings: Settings) -> list[Row]:
    try:
        import aiohttp  # noqa: F401 (comes with textual-serve)
    except ImportError:
        return [Row("serve.tabs", "(8) serve: tabs", status="SKIP", note="textual-serve is not installed")]
    saves = scratch("serve")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "elysium", "serve", "--port", str(port), "--saves", str(saves),
                               "--max-sessions", str(TABS + 1)], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_page(base)
        one, per_player, server_mb = asyncio.run(measure_tabs(base, server.pid))
    finally:
        stop(server)
    alone, together = one
    return [
        Row("serve.tabs", f"(8) serve: {TABS} tabs opened at once until every one shows its menu, vs one tab alone",
            together, alone, "s", together / alone, None, "INFO", "each tab is its own player and process"),
        Row("serve.memory", f"(8) serve: memory per player with {TABS} games open (PSS), vs the server process",
            per_player, server_mb, "MB", per_player / server_mb, None, "INFO",
            f"{1024 / per_player:.0f} players per GB"),
    ]


async def measure_tabs(base: str, server_pid: int) -> tuple[tuple[float, float], float, float]:
    import aiohttp

    async def open_tab(session: aiohttp.ClientSession) -> aiohttp.ClientWebSocketResponse:
        async with session.get(base + "/") as response:
            await response.read()
        socket = await session.ws_connect(f"ws://{base.split('://')[1]}/ws?width=100&height=30",
                                          headers={"Origin": base})
        seen = b""
        while b"New game" not in ESCAPES.sub(b"", seen):
            message = await socket.receive(timeout=120)
            if message.type != aiohttp.WSMsgType.BINARY:
                raise RuntimeError(f"the tab closed before its menu showed: {message.type}")
            seen += message.data
        return socket

    def browser() -> aiohttp.ClientSession:
        return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    sessions = [browser() for _ in range(TABS + 1)]
    try:
        started = time.perf_counter()
        first = await open_tab(sessions[0])
        alone = time.perf_counter() - started
        await first.close()
        await asyncio.sleep(2)  # its game leaves before the ten arrive
        started = time.perf_counter()
        sockets = await asyncio.gather(*(open_tab(session) for session in sessions[1:]))
        together = time.perf_counter() - started
        await asyncio.sleep(1)
        games = children(server_pid)
        per_player = sum(pss_mb(pid) for pid in games) / max(len(games), 1)
        server_mb = pss_mb(server_pid)
        for socket in sockets:
            await socket.close()
        return (alone, together), per_player, server_mb
    finally:
        for session in sessions:
            await session.close()


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_for_page(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
