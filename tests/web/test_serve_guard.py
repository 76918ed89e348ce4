"""What one client may do to `elysium serve`, and what it may not: only the server's own page
opens a game, each browser has an id, the number of games is capped, sizes are clamped, input is
rationed, and a game ends when its client goes (issue 13 §2). The game here is fake_game.py,
which writes down what it is sent."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from elysium.web.limits import Limits
from elysium.web.terminal import TerminalServer

FAKE_GAME = Path(__file__).with_name("fake_game.py")
QUICK = Limits(max_sessions=2, leave_seconds=0.5, input_burst=4000, input_per_second=1000)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def run(scenario, tmp_path: Path, *, limits: Limits = QUICK, stubborn: bool = False):
    """Run `scenario(base_url, server)` against a TerminalServer of fake games."""
    record = tmp_path / "record.jsonl"
    argv = [sys.executable, str(FAKE_GAME), str(record)] + (["--stubborn"] if stubborn else [])
    terminal = TerminalServer(argv, tmp_path / "saves", title="A <b>Test</b> Game", limits=limits)

    async def main():
        server = TestServer(terminal.make_app(), host="127.0.0.1")
        await server.start_server()
        terminal.port = server.port
        try:
            return await scenario(str(server.make_url("")).rstrip("/"), terminal)
        finally:
            await server.close()
            await asyncio.sleep(0.2)  # the ended games' pipes report closed on the loop's next turns

    return asyncio.run(main()), record


def browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def connect(session: aiohttp.ClientSession, base: str, origin: str | None = "own", query: str = ""):
    headers = {} if origin is None else {"Origin": base if origin == "own" else origin}
    return await session.ws_connect(f"{base.replace('http', 'ws', 1)}/ws{query}", headers=headers)


async def settle(check, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return check()


@pytest.mark.parametrize("origin", ["http://evil.example", "null", None, "http://127.0.0.1:1"])
def test_a_page_of_another_site_cannot_open_a_game(tmp_path: Path, origin) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await connect(session, base, origin)
            return refused.value.status

    status, record = run(scenario, tmp_path)
    assert status == 403
    assert records(record) == []  # no game was started


def test_the_servers_own_page_opens_a_game_in_the_players_folder(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            socket = await connect(session, base)
            await settle(lambda: records(tmp_path / "record.jsonl"))
            await socket.close()

    _, record = run(scenario, tmp_path)
    argv = records(record)[0]["start"]["argv"]
    assert argv[0] == "--saves" and Path(argv[1]).parent == tmp_path / "saves" / "players"


def test_a_browser_without_its_id_cannot_open_a_game(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:  # never opened the page, so it has no cookie
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await connect(session, base)
            return refused.value.status

    status, _ = run(scenario, tmp_path)
    assert status == 403


def test_when_every_place_is_taken_the_next_browser_is_told(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as first, browser() as second, browser() as third:
            sockets = []
            for session in (first, second):
                await session.get(base + "/")
                sockets.append(await connect(session, base))
            async with third.get(base + "/") as response:
                page = (response.status, await response.text())
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await connect(third, base)
            for socket in sockets:
                await socket.close()
            return page, refused.value.status

    ((status, text), refused), _ = run(scenario, tmp_path)
    assert status == 503 and refused == 503
    assert "All 2 places at this game are taken" in text
    assert "A &lt;b&gt;Test&lt;/b&gt; Game" in text  # the title is text, never markup


def test_terminal_sizes_are_clamped(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            socket = await connect(session, base, query="?width=10000&height=10000")
            await socket.send_json(["resize", {"width": 10000, "height": 10000}])
            await socket.send_json(["resize", {"width": "lots", "height": -5}])
            await settle(lambda: len(records(tmp_path / "record.jsonl")) >= 3)
            await socket.close()

    _, record = run(scenario, tmp_path)
    entries = records(record)
    assert entries[0]["start"]["columns"] == "400" and entries[0]["start"]["rows"] == "150"
    resizes = [entry["meta"] for entry in entries if entry.get("meta", {}).get("type") == "resize"]
    assert resizes[:2] == [{"type": "resize", "width": 400, "height": 150},
                           {"type": "resize", "width": 80, "height": 8}]


def test_input_beyond_a_persons_pace_is_dropped(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            socket = await connect(session, base)
            started = time.monotonic()
            for _ in range(200):
                await socket.send_json(["stdin", "x" * 1000])
            elapsed = time.monotonic() - started
            await asyncio.sleep(0.5)
            await socket.close()
            return elapsed + 0.5

    elapsed, record = run(scenario, tmp_path)
    received = sum(len(entry["data"]) for entry in records(record) if "data" in entry)
    assert 0 < received <= QUICK.input_burst + QUICK.input_per_second * (elapsed + 1)
    assert received < 200 * 1000


def test_a_huge_message_closes_the_connection_and_its_game(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            socket = await connect(session, base)
            await settle(lambda: records(tmp_path / "record.jsonl"))
            try:
                await socket.send_json(["stdin", "k" * 4_000_000])
                message_type = (await socket.receive(timeout=10)).type
            except ConnectionError:  # the server hung up while it was still being sent
                message_type = aiohttp.WSMsgType.CLOSED
            await settle(lambda: not terminal.games)
            return message_type, len(terminal.games)

    (kind, games), record = run(scenario, tmp_path)
    assert kind in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
    assert games == 0
    assert not any("data" in entry for entry in records(record))


def test_a_game_that_will_not_leave_is_ended_when_its_client_goes(tmp_path: Path) -> None:
    async def scenario(base, terminal):
        async with browser() as session:
            await session.get(base + "/")
            socket = await connect(session, base)
            await settle(lambda: records(tmp_path / "record.jsonl"))
            pid = records(tmp_path / "record.jsonl")[0]["start"]["pid"]
            await socket.close()
            return pid, await settle(lambda: not alive(pid), seconds=10)

    (pid, gone), _ = run(scenario, tmp_path, stubborn=True)
    assert gone, f"the game {pid} is still running after its client left"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent is gone for our purposes
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_behind_a_proxy_only_the_public_address_may_play(tmp_path: Path) -> None:
    record = tmp_path / "record.jsonl"
    terminal = TerminalServer([sys.executable, str(FAKE_GAME), str(record)], tmp_path / "saves", title="Game",
                              public_url="https://games.example.org/", limits=QUICK)

    async def main():
        server = TestServer(terminal.make_app(), host="127.0.0.1")
        await server.start_server()
        base = str(server.make_url("")).rstrip("/")
        try:
            async with browser() as session:
                async with session.get(base + "/") as response:
                    page, cookie = await response.text(), response.headers["Set-Cookie"]
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await connect(session, base)  # the server's own local address is not the public one
                # The cookie is Secure, so a test client over plain http must send it by hand.
                player = cookie.split(";")[0]
                socket = await session.ws_connect(f"{base.replace('http', 'ws', 1)}/ws", headers={
                    "Origin": "https://games.example.org", "Cookie": player})
                await socket.close()
                return page, cookie, refused.value.status
        finally:
            await server.close()
            await asyncio.sleep(0.2)

    page, cookie, refused = asyncio.run(main())
    assert 'data-session-websocket-url="wss://games.example.org/ws"' in page
    assert "Secure" in cookie
    assert refused == 403
    assert records(record)  # the public origin's game started
