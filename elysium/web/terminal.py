"""`elysium serve`: the terminal UI in browsers, one game process per tab (textual-serve's
protocol and page script), behind a front door of our own: each browser is its own player with
its own saves, only pages of this server may open a game, and no client can harm the rest."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import signal
from importlib.resources import files
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from elysium.web.limits import InputBudget, Limits, clamp_size
from elysium.web.players import A_YEAR, COOKIE, new_player_id, player_folder, valid_player_id

log = logging.getLogger("elysium.serve")
TEXTUAL_SERVE_STATIC = Path(str(files("textual_serve") / "static"))
# What a message costs from the input budget besides its characters: resizes make the game lay
# itself out again, so they are not free.
MESSAGE_COST = 16


class GameProcess(AppService):
    """One tab's game. Started without a shell (no quoting to get wrong) in a process group of its
    own, and sure to end when its client goes: asked to quit (it autosaves), then terminated,
    then killed."""

    def __init__(self, argv: Sequence[str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)
        self._stopping: asyncio.Future | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width, height),
            start_new_session=True)
        self._stdin = process.stdin
        return process

    def stop(self, grace: float = 5.0) -> asyncio.Future:
        """End the game, once, however many ask (its connection closing, the server stopping)."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._end(grace))
        return asyncio.shield(self._stopping)

    async def _end(self, grace: float) -> None:
        task, self._task = self._task, None
        process = self._process
        if task is None or process is None:
            return
        try:
            await self.send_meta({"type": "quit"})
        except (OSError, RuntimeError):
            pass  # it has gone already
        for ending in (None, signal.SIGTERM, signal.SIGKILL):
            if ending is not None:
                try:
                    os.killpg(process.pid, ending)
                except (ProcessLookupError, PermissionError):
                    break
            try:
                await asyncio.wait_for(process.wait(), grace)
                break
            except asyncio.TimeoutError:
                log.warning("a game did not leave in %ss after its player went; sending %s", grace, ending)
        try:
            await asyncio.wait_for(task, grace)
        except asyncio.TimeoutError:
            task.cancel()
        if self._stdin is not None:
            self._stdin.close()  # the last of the process's pipes, so its transport closes now


class TerminalServer:
    """The web front door for `elysium serve`."""

    def __init__(self, argv: Sequence[str], saves_root: Path, *, title: str, host: str = "127.0.0.1",
                 port: int = 8000, public_url: str | None = None, limits: Limits = Limits()) -> None:
        self.argv = list(argv)
        self.saves_root = saves_root
        self.title = title
        self.host = host
        self.port = port
        self.public_url = public_url.rstrip("/") if public_url else None
        self.limits = limits
        self.games: set[GameProcess] = set()
        self.downloads = DownloadManager()

    # -- the application ------------------------------------------------------------------------
    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        app.add_routes([
            web.get("/", self.index),
            web.get("/ws", self.websocket),
            web.get("/favicon.ico", no_icon),
            web.static("/static", TEXTUAL_SERVE_STATIC, show_index=False),
        ])
        app.on_shutdown.append(self.stop_all)
        return app

    def serve(self) -> None:
        web.run_app(self.make_app(), host=self.host, port=self.port, print=None)

    @property
    def address(self) -> str:
        """Where browsers should go: the public URL, else the address listened on."""
        if self.public_url:
            return self.public_url
        host = "localhost" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"

    @web.middleware
    async def guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Every answer: only from a host name this server is meant to be reached by, and with
        headers that keep the page out of other sites' frames and its scripts to its own."""
        if not self.host_allowed(request):
            return web.Response(status=421, text="This server does not answer to that name.\n")
        response = await handler(request)
        response.headers.setdefault("Content-Security-Policy", (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'"))
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def host_allowed(self, request: web.Request) -> bool:
        """A server on a loopback address answers only to loopback names: a web page whose own
        name was pointed at 127.0.0.1 (DNS rebinding) cannot reach it."""
        if self.public_url or not loopback(self.host):
            return True
        return loopback(request.url.host or "")

    def origin_allowed(self, request: web.Request) -> bool:
        """Only this server's own page may open a game: not a page of another site (its Origin),
        not a sandboxed or local file (Origin `null`), not a client that sends none."""
        origin = request.headers.get("Origin")
        if not origin or origin == "null":
            return False
        if self.public_url:
            own = urlsplit(self.public_url)
            return origin == f"{own.scheme}://{own.netloc}"
        return origin == f"{request.scheme}://{request.host}"

    # -- the page ---------------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        if len(self.games) >= self.limits.max_sessions:
            return web.Response(status=503, content_type="text/html", text=page("full.html", {
                "title": self.title, "count": str(self.limits.max_sessions)}),
                headers={"Retry-After": "60"})
        player = valid_player_id(request.cookies.get(COOKIE)) or new_player_id()
        websocket_url = ""
        if self.public_url:
            own = urlsplit(self.public_url)
            websocket_url = f"{'wss' if own.scheme == 'https' else 'ws'}://{own.netloc}{own.path}/ws"
        response = web.Response(content_type="text/html", text=page("terminal.html", {
            "title": self.title, "websocket_url": websocket_url,
            "font_size": str(_font_size(request.query.get("fontsize")))}))
        # Kept for a year and sent back only to this server's own pages: the same browser finds
        # its own games again after a reload or in a new tab.
        response.set_cookie(COOKIE, player, max_age=A_YEAR, httponly=True, samesite="Strict", path="/",
                            secure=bool(self.public_url and self.public_url.startswith("https:")))
        return response

    # -- a game for each tab ------------------------------------------------------------------------
    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not self.origin_allowed(request):
            log.warning("refused a game to a page from %r", request.headers.get("Origin"))
            raise web.HTTPForbidden(text="Only this server's own page can open a game.\n")
        if len(self.games) >= self.limits.max_sessions:
            raise web.HTTPServiceUnavailable(text="Every place at this game is taken; try again soon.\n")
        player = valid_player_id(request.cookies.get(COOKIE))
        if player is None:
            raise web.HTTPForbidden(text="Open the game's page first: it tells this browser who it is.\n")
        folder = player_folder(self.saves_root, player)
        folder.mkdir(parents=True, exist_ok=True)
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=self.limits.max_message_bytes)
        await websocket.prepare(request)
        game = GameProcess([*self.argv, "--saves", str(folder)], write_bytes=websocket.send_bytes,
                           write_str=websocket.send_str, close=websocket.close,
                           download_manager=self.downloads)
        self.games.add(game)
        try:
            await game.start(*clamp_size(request.query.get("width"), request.query.get("height")))
            await self.relay(websocket, game)
        except Exception:
            log.exception("a game's connection failed")
        finally:
            try:
                await game.stop(self.limits.leave_seconds)
            finally:
                self.games.discard(game)
                await websocket.close()
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, game: GameProcess) -> None:
        """The browser's messages to its game, within the input budget; anything malformed or
        over budget is dropped."""
        budget = InputBudget(self.limits.input_burst, self.limits.input_per_second)
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not (isinstance(envelope, list) and envelope and isinstance(envelope[0], str)):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            size = len(data) if isinstance(data, str) else 0
            if not budget.allow(MESSAGE_COST + size):
                continue
            if kind == "stdin" and isinstance(data, str):
                await game.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await game.set_terminal_size(*clamp_size(data.get("width"), data.get("height")))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await game.blur()
            elif kind == "focus":
                await game.focus()

    async def stop_all(self, app: web.Application) -> None:
        """The server is stopping: every game leaves (and autosaves) first."""
        await asyncio.gather(*(game.stop(self.limits.leave_seconds) for game in list(self.games)))


def loopback(name: str) -> bool:
    return name.strip("[]") in ("localhost", "::1") or name.startswith("127.")


async def no_icon(request: web.Request) -> web.Response:
    """Browsers ask for an icon; there is none, and saying so quietly keeps their consoles clean."""
    return web.Response(status=204)


def page(name: str, values: dict[str, str]) -> str:
    """One of our pages, with each value escaped for HTML (a game's title is a pack's text)."""
    text = (files("elysium.web") / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{ " + key + " }}", html.escape(value, quote=True))
    return text


def _font_size(value: str | None) -> int:
    try:
        return min(max(int(value or 16), 8), 48)
    except ValueError:
        return 16
