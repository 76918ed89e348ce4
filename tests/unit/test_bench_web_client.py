"""The web bench's simulated players speak HTTP as a browser tab does: one kept-alive connection,
the cookie the service gave, the version of the last reply, and every non-200 counted, not timed."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.web_load import flat_out  # noqa: E402


class FakeService:
    """Answers POST /api/v1/game with a cookie and version 1, and each turn with the next version;
    every third turn is refused with 409. Remembers what each request carried."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict]] = []
        self.connections = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        while request_line := await reader.readline():
            headers = {}
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = json.loads(await reader.readexactly(int(headers["content-length"])))
            path = request_line.split()[1].decode()
            self.seen.append((path, headers.get("cookie", ""), body))
            turns = sum(1 for seen in self.seen if seen[0] == "/api/v1/turn")
            status, extra, reply = 200, "", {"version": body.get("version", 0) + 1}
            if path == "/api/v1/game":
                extra = "Set-Cookie: elysium_web=player-one; Path=/; HttpOnly\r\n"
            elif turns % 3 == 0:
                status, reply = 409, {"error": "conflict", "version": body["version"]}
            payload = json.dumps(reply).encode()
            writer.write(f"HTTP/1.1 {status} X\r\n{extra}Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
            await writer.drain()
        writer.close()


async def one_player_flat_out(fake: FakeService):
    server = await asyncio.start_server(fake.serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        return await flat_out(port, 1, 0.2)


def test_a_simulated_player_keeps_its_cookie_and_version_on_one_connection():
    fake = FakeService()
    outcome = asyncio.run(one_player_flat_out(fake))
    turns = [seen for seen in fake.seen if seen[0] == "/api/v1/turn"]
    assert fake.connections == 1
    assert len(turns) >= 3
    assert all(cookie == "elysium_web=player-one" for _, cookie, _ in turns)
    versions = [body["version"] for _, _, body in turns]
    assert versions[:3] == [1, 2, 3] and versions[3] == 3  # the third was refused: sent again from 3
    assert outcome.failures == {409: len(turns) // 3}
    assert len(outcome.latencies) == len(turns) - len(turns) // 3


def test_each_answered_turn_has_its_time_and_a_stall_shows_in_its_own_stretch():
    from bench.web_load import Outcome, p99_by_part

    fake = FakeService()
    outcome = asyncio.run(one_player_flat_out(fake))
    assert len(outcome.answered) == len(outcome.latencies)
    assert outcome.answered == sorted(outcome.answered)
    assert 0 <= outcome.answered[0] and outcome.answered[-1] <= outcome.window_seconds

    # 300 quick turns a stretch, and one stall of 40 turns at 0.3 s in the middle stretch only
    stalled = Outcome(window_seconds=60.0)
    for stretch in range(3):
        for turn in range(300):
            stalled.latencies.append(0.3 if stretch == 1 and turn < 40 else 0.004)
            stalled.answered.append(stretch * 20 + turn / 15)
    assert p99_by_part(stalled, 3) == [0.004, 0.3, 0.004]
