"""A stand-in for a browser playing on `elysium serve`: its own cookie jar (so its own player
id), and tabs that speak textual-serve's websocket protocol and read the terminal's text."""

from __future__ import annotations

import asyncio
import re
import time

import aiohttp

ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        # unsafe=True: the jar keeps cookies from an address such as 127.0.0.1, as browsers do.
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def __aenter__(self) -> "Browser":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def open_page(self) -> tuple[int, str]:
        async with self.session.get(self.base + "/") as response:
            return response.status, await response.text()

    async def open_tab(self, width: int = 100, height: int = 30, origin: str | None = None) -> "Tab":
        await self.open_page()
        socket = await self.session.ws_connect(
            f"{self.base.replace('http', 'ws', 1)}/ws?width={width}&height={height}",
            headers={"Origin": origin or self.base})
        return Tab(socket)


class Tab:
    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.output = b""

    @property
    def text(self) -> str:
        return ESCAPES.sub(b"", self.output).decode("utf-8", "replace")

    async def wait_for(self, wanted: str, seconds: float = 60.0) -> str:
        """Read the terminal until `wanted` has been drawn; the text drawn since it started."""
        start = len(self.output)
        deadline = time.monotonic() + seconds
        while wanted not in ESCAPES.sub(b"", self.output[start:]).decode("utf-8", "replace"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{wanted!r} was never drawn; the tab shows:\n{self.text[-3000:]}")
            try:
                message = await self.socket.receive(timeout=left)
            except asyncio.TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"the game closed before {wanted!r} was drawn:\n{self.text[-3000:]}")
        return ESCAPES.sub(b"", self.output[start:]).decode("utf-8", "replace")

    async def press(self, keys: str) -> None:
        await self.socket.send_json(["stdin", keys])

    async def type_line(self, line: str) -> None:
        await self.press(line + "\r")

    async def close(self) -> None:
        await self.socket.close()
