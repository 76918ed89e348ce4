"""The OpenAPI 3.1 description of the API, written by hand to say what each route answers
(tests/web/test_web_openapi.py keeps it equal to the routes the app serves)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from elysium import __version__


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    said = {
        400: "The body is not JSON, or not the shape asked for.",
        401: "The service has a password (--auth) and this player has not given it: POST /api/v1/auth.",
        403: "The request came from another site.",
        404: "There is no live game (or no save of that name).",
        409: "Another tab played first: GET /api/v1/game and carry on from there.",
        413: "The body, or the line, is too long.",
        415: "The body was not sent as application/json.",
        429: "Too many requests: wait the seconds the Retry-After header says.",
        500: "A fault in the service; the game is as it was.",
    }
    common = (401, 403, 429, 500)
    return {str(code): _json(_ref("Conflict" if code == 409 else "Error"), said[code])
            for code in sorted({*codes, *common})}


EMPTY = {"type": "object", "description": "An empty JSON object: {}"}
VERSION = {"type": "integer", "minimum": 0, "description": "The version of the game this tab last saw."}
NAME = {"name": "name", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 60},
        "description": "The save's name, as listed."}


@lru_cache(maxsize=1)
def openapi() -> dict[str, Any]:
    game_reply = _json(_ref("GameReply"), "The game after the request.")
    return {
        "openapi": "3.1.0",
        "info": {"title": "Elysium web", "version": __version__,
                 "description": "Play an Elysium game: each request reads the player's game from the store, "
                                "plays, and writes it back. A player is the anonymous id in the signed "
                                "cookie elysium_web, which the first request gets. POST and DELETE need "
                                "Content-Type: application/json and a same-origin page."},
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/game": {
                "get": {"summary": "The live game, as LOOK shows it now", "operationId": "getGame",
                        "responses": {"200": game_reply, **_errors(404)}},
                "post": {"summary": "Start a new game (it replaces the live one)", "operationId": "newGame",
                         "requestBody": _body(EMPTY),
                         "responses": {"200": _json(_ref("GameReply"), "The opening of the new game."),
                                       **_errors(400, 409, 413, 415)}},
            },
            "/api/v1/turn": {"post": {
                "summary": "Play one line", "operationId": "turn",
                "requestBody": _body({"type": "object", "required": ["line", "version"], "properties": {
                    "line": {"type": "string", "maxLength": 2000}, "version": VERSION}}),
                "responses": {"200": game_reply, **_errors(400, 404, 409, 413, 415)}}},
            "/api/v1/undo": {"post": {
                "summary": "Take back the last line that changed the game", "operationId": "undo",
                "requestBody": _body({"type": "object", "required": ["version"], "properties": {"version": VERSION}}),
                "responses": {"200": game_reply, **_errors(400, 404, 409, 413, 415)}}},
            "/api/v1/saves": {
                "get": {"summary": "The player's saves, newest first", "operationId": "listSaves",
                        "responses": {"200": _json({"type": "object", "required": ["saves"], "properties": {
                            "saves": {"type": "array", "items": _ref("SaveInfo")}}}, "The saves.")
                            , **_errors()}},
                "post": {"summary": "Save the live game under a name (replacing a save of that name)",
                         "operationId": "save",
                         "requestBody": _body({"type": "object", "required": ["name"], "properties": {
                             "name": {"type": "string", "minLength": 1, "maxLength": 60}}}),
                         "responses": {"201": _json(_ref("SaveInfo"), "The save made."),
                                       **_errors(400, 404, 413, 415)}},
            },
            "/api/v1/saves/{name}/restore": {"post": {
                "summary": "Make a save the live game", "operationId": "restore", "parameters": [NAME],
                "requestBody": _body(EMPTY),
                "responses": {"200": game_reply, **_errors(400, 404, 409, 413, 415)}}},
            "/api/v1/saves/{name}": {"delete": {
                "summary": "Delete a save", "operationId": "deleteSave", "parameters": [NAME],
                "responses": {"204": {"description": "Deleted."}, **_errors(404, 413, 415)}}},
            "/api/v1/vocabulary": {"get": {
                "summary": "The game's words, for completing what the player types", "operationId": "vocabulary",
                "responses": {"200": _json(_ref("Vocabulary"), "The words."), **_errors()}}},
            "/api/v1/auth": {"post": {
                "summary": "Give the shared password of a service started with --auth", "operationId": "auth",
                "requestBody": _body({"type": "object", "required": ["secret"],
                                      "properties": {"secret": {"type": "string"}}}),
                "responses": {"204": {"description": "Let in: the cookie remembers it."},
                              **_errors(400, 413, 415)}}},
            "/api/v1/openapi.json": {"get": {
                "summary": "This description", "operationId": "openapi",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI description.")}}},
        },
        "components": {"schemas": {
            "GameReply": {"type": "object", "required": ["text", "version", "ended", "status"], "properties": {
                "text": {"type": "string", "description": "Plain text, paragraphs separated by blank lines."},
                "version": {"type": "integer", "description": "Send it with the next turn or undo."},
                "ended": {"type": "boolean", "description": "The story has ended (or the player quit)."},
                "status": _ref("Status")}},
            "Status": {"type": "object", "required": ["title", "location", "time", "score", "max_score", "exits",
                                                       "inventory", "map"], "properties": {
                "title": {"type": "string"},
                "location": {"type": "string"},
                "time": {"type": ["string", "null"], "description": "Null in a game without the clock."},
                "score": {"type": ["integer", "null"]},
                "max_score": {"type": ["integer", "null"], "description": "Null when the game has no maximum."},
                "exits": {"type": "array", "items": {"type": "string"}},
                "inventory": {"type": "array", "items": {"type": "string"}},
                "map": {"type": ["string", "null"],
                        "description": "The ways out of here and where they lead ('?' where not yet been), "
                                       "one a line."}}},
            "SaveInfo": {"type": "object", "required": ["name", "saved_at", "summary"], "properties": {
                "name": {"type": "string"}, "saved_at": {"type": "string", "format": "date-time"},
                "summary": {"type": "string"}}},
            "Vocabulary": {"type": "object", "required": ["verbs", "nouns", "directions"], "properties": {
                key: {"type": "array", "items": {"type": "string"}} for key in ("verbs", "nouns", "directions")}},
            "Error": {"type": "object", "required": ["error", "message"], "properties": {
                "error": {"type": "string", "description": "A stable code, e.g. no_game, too_fast."},
                "message": {"type": "string", "description": "A plain sentence for the player."}}},
            "Conflict": {"type": "object", "required": ["error", "message", "version"], "properties": {
                "error": {"const": "conflict"}, "message": {"type": "string"},
                "version": {"type": "integer", "description": "The version stored now."}}},
        }},
    }
