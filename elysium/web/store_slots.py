"""A player's saves in the web store, in the shape the engine's saves folder has, so that SAVE,
RESTORE, SAVES, DELETE and the autosave typed in the page work as they do in a terminal.

A save is the body a saves folder would hold (checked and fitted to the content when restored, as
any save is), kept in the store under its name as the player typed it, without case, so that
RESTORE FOO finds what SAVE foo made. A player keeps at most MAX_SAVES of them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from elysium.state import calendar
from elysium.state.migrations import CURRENT_FORMAT, migrate
from elysium.state.save_check import SHORT_TEXT
from elysium.state.saves import HISTORY_KEPT, SaveError, SaveInfo, shown_name
from elysium.content.styles import without_controls

MAX_SAVES = 50  # per player: enough for any evening, and a bound on what one player can store


def save_key(name: str) -> str:
    """The name a save is stored under: as shown, spaces folded, without case."""
    return " ".join(shown_name(name).casefold().split())


class StoreSlots:
    """One player's saves, read and written through the store (see elysium/web/store)."""

    def __init__(self, store: Any, player: str, say: Callable[..., str]) -> None:
        self.store = store
        self.player = player
        self.say = say  # the game's own words for a message key (Game.say)

    @staticmethod
    def summary_of(game: Any) -> dict[str, Any]:
        """The summary a save keeps (as Game.save makes it), for a record of the live game."""
        state, content = game.state, game.content
        room = without_controls(content.rooms[state["location"]].name)[:SHORT_TEXT]
        if "clock" in content.game.features:
            return {"day": calendar.day_of(state["time"]), "clock": calendar.clock_text(state["time"]),
                    "location": room}
        return {"location": room, "turn": state["turn"]}

    @staticmethod
    def info(body: dict[str, Any]) -> SaveInfo:
        summary = body["summary"]
        return SaveInfo(body["name"], summary.get("day"), summary.get("clock"), summary["location"],
                        body["saved_at"], summary.get("turn"))

    # -- what the engine asks of a saves folder --------------------------------------------------
    def exists(self, name: str) -> bool:
        return self.store.load(self.player, save_key(name)) is not None

    def write(self, name: str, body: dict[str, Any]) -> SaveInfo:
        key = save_key(name)
        if len(self.store.saves(self.player)) >= MAX_SAVES and not self.exists(name):
            raise SaveError(self.say("web.too_many_saves", count=MAX_SAVES))
        body = {"format": CURRENT_FORMAT, **body, "name": key,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "history": body.get("history", [])[-HISTORY_KEPT:]}
        info = self.info(body)
        self.store.save(self.player, key, body, f"{info.when}, {info.location}")
        return info

    def read(self, name: str) -> dict[str, Any]:
        body = self.store.load(self.player, save_key(name))
        if body is None:
            raise SaveError(self.say("web.no_such_save", name=shown_name(name)))
        try:
            return migrate(body)
        except (ValueError, KeyError, TypeError) as error:
            raise SaveError(self.say("engine.save_damaged", name=shown_name(name), problem=error)) from None

    def delete(self, name: str) -> str:
        if not self.store.delete_save(self.player, save_key(name)):
            raise SaveError(self.say("web.no_such_save", name=shown_name(name)))
        return shown_name(name)

    def list(self) -> list[SaveInfo]:
        found = []
        for listed in self.store.saves(self.player):
            body = self.store.load(self.player, listed.name)
            try:
                found.append(self.info(body))
            except (KeyError, TypeError, AttributeError):
                continue  # not a save this service wrote: left out, as a saves folder leaves it
        return found
