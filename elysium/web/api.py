"""The JSON API under /api/v1 (see docs/web.md and openapi.py): start a game, play a line, undo,
saves, the vocabulary for completion.

Every request is checked in the event loop first (where it comes from, who the player is, their
pace, the size and shape of the body), cheaply; the game itself, which reads and writes the store,
runs in the threadpool. Nothing a client sends gets a traceback back: every refusal is JSON with
an error code and a plain sentence, and a fault in the service is logged and answered with one.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from elysium.content.styles import plain
from elysium.engine import MAX_LINE, Game
from elysium.state.saves import SaveError, shown_name
from elysium.web.guard import SENDS_BODY, foreign, says_json
from elysium.web.openapi import openapi
from elysium.web.play import Played, Table, let_go
from elysium.web.players_web import A_YEAR, COOKIE, Cookies, Pace
from elysium.web.store import Conflict, Stored
from elysium.web.store_slots import save_key

log = logging.getLogger("elysium.web")
MAX_BODY = 16 * 1024  # bytes of a request body: a line of MAX_LINE characters fits many times over
MAX_NAME = 60  # characters of a save's name

SENTENCES = {
    "bad_json": "The request was not understood: it should be a JSON object.",
    "bad_request": "The request was not understood: {why}.",
    "json_required": "The request must be sent as JSON (Content-Type: application/json).",
    "foreign_origin": "Requests from other sites may not play here.",
    "auth_required": "This game asks for a password first.",
    "wrong_secret": "That is not the password.",
    "too_fast": "Too many requests at once: wait a moment and try again.",
    "too_large": "That is more than the game reads at once.",
    "line_too_long": "That line is too long: the game reads at most {limit} characters.",
    "no_game": "There is no game yet: start a new one.",
    "game_unreadable": "Your game cannot be carried on in this version of the game ({why}). Start a new one; "
                       "your saves are still there.",
    "conflict": "The game went on in another tab or window: here it is as it is now.",
    "no_save": "There is no saved game called \u201c{name}\u201d.",
    "save_refused": "{why}",
    "not_found": "There is nothing here.",
    "method_not_allowed": "That cannot be done here.",
    "internal": "Something went wrong on the server; your game is as it was before this request.",
}


class Refusal(Exception):
    """A request the service answers with an error (see SENTENCES)."""

    def __init__(self, status: int, code: str, headers: dict[str, str] | None = None, **params: Any) -> None:
        super().__init__(code)
        self.status, self.code, self.headers, self.params = status, code, headers or {}, params


def error(status: int, code: str, headers: dict[str, str] | None = None, sentence: str | None = None,
          **params: Any) -> JSONResponse:
    body = {"error": code, "message": SENTENCES[sentence or code].format(**params)}
    if code == "conflict":
        body["version"] = params["version"]
    return JSONResponse(body, status_code=status, headers=headers)


@dataclass
class Caller:
    player: str
    body: Any


@dataclass
class Service:
    """The API's endpoints over one worker's table of content and its store."""

    table: Table
    store: Any
    cookies: Cookies
    pace: Pace
    newcomers: Pace  # the pace of requests without a player cookie, per client address
    auth: str | None = None
    public_origin: str | None = None
    secure: bool = False  # cookies only over https (behind a --public-url of https://...)

    def routes(self) -> list[Route]:
        return [
            Route("/api/v1/game", self.endpoint(self.get_game), methods=["GET"]),
            Route("/api/v1/game", self.endpoint(self.new_game), methods=["POST"]),
            Route("/api/v1/turn", self.endpoint(self.turn), methods=["POST"]),
            Route("/api/v1/undo", self.endpoint(self.undo), methods=["POST"]),
            Route("/api/v1/saves", self.endpoint(self.list_saves), methods=["GET"]),
            Route("/api/v1/saves", self.endpoint(self.save), methods=["POST"]),
            Route("/api/v1/saves/{name}/restore", self.endpoint(self.restore), methods=["POST"]),
            Route("/api/v1/saves/{name}", self.endpoint(self.delete_save), methods=["DELETE"]),
            Route("/api/v1/vocabulary", self.endpoint(self.vocabulary), methods=["GET"]),
            Route("/api/v1/auth", self.endpoint(self.admit, admitted_only=False), methods=["POST"]),
            Route("/api/v1/openapi.json", self.openapi, methods=["GET"]),
        ]

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi())

    # -- the checks every endpoint goes through --------------------------------------------------
    def endpoint(self, work: Callable[[Caller, Request], Any],
                 admitted_only: bool = True) -> Callable[[Request], Awaitable[Response]]:
        async def answer(request: Request) -> Response:
            new_cookie = None
            try:
                if foreign(request.headers, self.public_origin):
                    raise Refusal(403, "foreign_origin")
                if request.method in SENDS_BODY and not says_json(request.headers):
                    raise Refusal(415, "json_required")
                passed = self.cookies.read(request.cookies.get(COOKIE))
                if passed is None:
                    self.keep_pace(self.newcomers, f"address:{request.client.host if request.client else ''}")
                    player, admitted = self.cookies.new_player(), False
                    new_cookie = self.cookies.value(player)
                else:
                    player, admitted = passed.player, passed.admitted
                self.keep_pace(self.pace, player)
                if self.auth and admitted_only and not admitted:
                    raise Refusal(401, "auth_required")
                body = await self.body_of(request)
                reply = await run_in_threadpool(work, Caller(player, body), request)
            except Refusal as refusal:
                reply = error(refusal.status, refusal.code, refusal.headers, **refusal.params)
            except Exception:  # a fault of ours: logged with its traceback, never sent
                log.exception("%s %s failed", request.method, request.url.path)
                reply = error(500, "internal")
            if isinstance(reply, tuple):  # a new cookie the endpoint made (after --auth)
                reply, new_cookie = reply
            if new_cookie is not None:
                reply.set_cookie(COOKIE, new_cookie, max_age=A_YEAR, path="/", httponly=True,
                                 samesite="strict", secure=self.secure or request.url.scheme == "https")
            reply.headers["cache-control"] = "no-store"
            return reply

        return answer

    def keep_pace(self, pace: Pace, who: str) -> None:
        wait = pace.wait(who)
        if wait > 0:
            raise Refusal(429, "too_fast", {"Retry-After": str(max(1, math.ceil(wait)))})

    async def body_of(self, request: Request) -> Any:
        if request.method not in SENDS_BODY:
            return None
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            raise Refusal(413, "too_large")
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_BODY:
                raise Refusal(413, "too_large")
        if request.method == "DELETE" and not raw.strip():
            return {}
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError):
            raise Refusal(400, "bad_json") from None
        if not isinstance(body, dict):
            raise Refusal(400, "bad_json")
        return body

    # -- the endpoints (in the threadpool) -------------------------------------------------------
    def get_game(self, caller: Caller, request: Request) -> Response:
        stored = self.live(caller.player)
        game = self.game_of(stored, caller.player)
        return self.reply(self.table.look(game), stored.version)

    def new_game(self, caller: Caller, request: Request) -> Response:
        stored = self.store.read(caller.player)
        played = self.table.start(self.store, caller.player)
        return self.kept(caller.player, played, stored.version if stored else 0)

    def turn(self, caller: Caller, request: Request) -> Response:
        line = field(caller.body, "line", str)
        if len(line) > MAX_LINE:
            raise Refusal(413, "line_too_long", limit=MAX_LINE)
        return self.play(caller, line)

    def undo(self, caller: Caller, request: Request) -> Response:
        return self.play(caller, "undo")

    def play(self, caller: Caller, line: str) -> Response:
        version = field(caller.body, "version", int)
        stored = self.live(caller.player)
        if stored.version != version:
            raise Refusal(409, "conflict", version=stored.version)
        game = self.game_of(stored, caller.player)
        return self.kept(caller.player, self.table.turn(game, line), stored.version)

    def list_saves(self, caller: Caller, request: Request) -> Response:
        return JSONResponse({"saves": [listing(info) for info in self.store.saves(caller.player)]})

    def save(self, caller: Caller, request: Request) -> Response:
        name = field(caller.body, "name", str)
        if not name.strip() or len(name) > MAX_NAME:
            raise Refusal(400, "bad_request", why=f"a save needs a name of 1 to {MAX_NAME} characters")
        stored = self.live(caller.player)
        game = self.game_of(stored, caller.player)
        try:
            game.save(game.slots, name)
        except SaveError as refusal:
            raise Refusal(400, "save_refused", why=plain(str(refusal))) from None
        finally:
            let_go(game)
        key = save_key(name)
        made = next(info for info in self.store.saves(caller.player) if info.name == key)
        return JSONResponse(listing(made), status_code=201)

    def restore(self, caller: Caller, request: Request) -> Response:
        name = request.path_params["name"]
        if self.store.load(caller.player, save_key(name)) is None:
            raise Refusal(404, "no_save", name=plain(shown_name(name)))
        stored = self.store.read(caller.player)
        game = self.table.new_game(self.store, caller.player)  # the save replaces all of it
        try:
            text = game.restore(game.slots, name)
        except SaveError as refusal:
            raise Refusal(400, "save_refused", why=plain(str(refusal))) from None
        text = f"{game.say('engine.restored', name=shown_name(name))}\n\n{text}"
        return self.kept(caller.player, self.table.played(game, text), stored.version if stored else 0)

    def delete_save(self, caller: Caller, request: Request) -> Response:
        name = request.path_params["name"]
        if not self.store.delete_save(caller.player, save_key(name)):
            raise Refusal(404, "no_save", name=plain(shown_name(name)))
        return Response(status_code=204)

    def vocabulary(self, caller: Caller, request: Request) -> Response:
        return JSONResponse(self.table.vocabulary())

    def admit(self, caller: Caller, request: Request) -> Response | tuple[Response, str]:
        """The shared secret of --auth, asked once: the cookie remembers it was given."""
        given = field(caller.body, "secret", str)
        if not self.auth or not hmac.compare_digest(given.encode("utf-8"), self.auth.encode("utf-8")):
            raise Refusal(403, "wrong_secret")
        return Response(status_code=204), self.cookies.value(caller.player, admitted=True)

    # -- the store around a turn -----------------------------------------------------------------
    def live(self, player: str) -> Stored:
        stored = self.store.read(player)
        if stored is None:
            raise Refusal(404, "no_game")
        return stored

    def game_of(self, stored: Stored, player: str) -> Game:
        """The live game; one the content of this server can no longer carry is no game (404)."""
        try:
            return self.table.game_from(stored.state, self.store, player)
        except SaveError as problem:
            raise Refusal(404, "no_game", sentence="game_unreadable", why=plain(str(problem))) from None

    def kept(self, player: str, played: Played, version: int) -> Response:
        """Write the game back over the version read; another tab that wrote first wins (409)."""
        try:
            version = self.store.write(player, played.record, version)
        except Conflict:
            now = self.store.read(player)
            raise Refusal(409, "conflict", version=now.version if now else 0) from None
        return self.reply(played, version)

    def reply(self, played: Played, version: int) -> Response:
        return JSONResponse({"text": plain(played.text), "version": version, "ended": played.ended,
                             "status": played.status})


def field(body: Any, name: str, kind: type) -> Any:
    value = body.get(name) if isinstance(body, dict) else None
    if type(value) is not kind:  # bool is not an int here
        raise Refusal(400, "bad_request", why=f"it needs \u201c{name}\u201d, {'a text' if kind is str else 'a whole number'}")
    return value


def listing(info: Any) -> dict[str, str]:
    return {"name": info.name, "saved_at": info.saved_at, "summary": info.summary}
