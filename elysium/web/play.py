"""One player's game for one request: rebuilt from the stored record, played, and put back.

No game lives in a worker between requests. The live game is stored as a *record*: the save body
that SAVE would write (state, bounded undo history, the packs it was played with) and the few things
a game remembers between two lines (a question it asked, the word OOPS may correct). Rebuilding a
Game from it costs what reading the state costs: the content is shared, loaded once per worker.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from elysium import __version__
from elysium.bus import Bus
from elysium.bus.protocol import Look
from elysium.content import Content
from elysium.content.styles import plain
from elysium.content.words import indefinite
from elysium.engine import Game
from elysium.services.world.describe import exit_words
from elysium.state import calendar, places
from elysium.state.migrations import CURRENT_FORMAT
from elysium.state.saves import HISTORY_KEPT
from elysium.state.store import History, Store, initial_state
from elysium.web.store.model import decode, encode
from elysium.web.store_slots import StoreSlots

LIVE = "live"  # the name the live record goes by when it must be restored like a save
# A record with this key holds in state["items"] only the items the player changed (record_of).
ITEM_CHANGES = "item_changes"


@dataclass(frozen=True)
class Played:
    """What a request did to the game: the text for the player and the record to store."""

    text: str
    record: dict[str, Any]
    ended: bool
    status: dict[str, Any]


class Table:
    """Where games are played in one worker: the content, loaded once, and what is derived from
    it once (the vocabulary for completion). `store` and `player` are given per request."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._vocabulary: dict[str, list[str]] | None = None
        # The parser's vocabulary depends on the content alone: made once, not once per request.
        self.parser_vocabulary = Game(content, Store(), Bus(None, content)).vocabulary
        # A record keeps only the items that differ from how the content sets them (see record_of).
        self._initial_items = initial_state(content, 0)["items"]
        self._initial_items_text = encode({"items": self._initial_items})

    # -- a game from a record, and back ----------------------------------------------------------
    def new_game(self, store: Any, player: str) -> Game:
        """A game from the start, with its own dice (players do not all meet the same luck)."""
        seed = secrets.randbelow(2**31)
        return self._game(Store(initial_state(self.content, seed)), store, player, seed)

    def game_from(self, record: dict[str, Any], store: Any, player: str) -> Game:
        """The live game a record holds. A record played with other packs (the server was given new
        content since) is fitted to this content as a restored save would be."""
        record = self.whole(record)
        if record.get("packs") == list(self.content.packs):
            game = self._game(Store(record["state"]), store, player)
            game.history.replace(record.get("history", []))
        else:
            game = self._game(Store(), store, player)
            game.restore(_OneRecord(record), LIVE)
        confirming, oops = record.get("confirming"), record.get("oops")
        game.confirming = tuple(confirming) if confirming else None
        game.oops = tuple(oops) if oops else None
        return game

    def _game(self, state: Store, store: Any, player: str, seed: int = 0) -> Game:
        game = Game(self.content, state, Bus(state, self.content), seed=seed)
        game.__dict__["vocabulary"] = self.parser_vocabulary  # Game.vocabulary is a cached_property
        game.rebuild_services()
        game.slots = StoreSlots(store, player, game.say)  # SAVE, RESTORE and the autosave typed in the page
        return game

    def record_of(self, game: Game) -> dict[str, Any]:
        """The record to store. Its state holds only the items a player has changed (ITEM_CHANGES):
        the items' table is most of a state (18 of 20 kB on the campus), and written whole it was
        most of what every turn encoded, sent to the store, and the store wrote."""
        state, initial = game.state, self._initial_items
        items = state["items"]
        changed = {item_id: entry for item_id, entry in items.items() if initial.get(item_id) != entry}
        gone = [item_id for item_id in initial if item_id not in items] if len(items) - len(changed) < len(initial) else []
        return {"format": CURRENT_FORMAT, "game_version": __version__, "packs": list(self.content.packs),
                ITEM_CHANGES: {"gone": gone} if gone else {},
                "summary": StoreSlots.summary_of(game), "state": {**state, "items": changed},
                "history": game.history.checkpoints()[-HISTORY_KEPT:],
                "confirming": list(game.confirming) if game.confirming else None,
                "oops": list(game.oops) if game.oops else None}

    def whole(self, record: dict[str, Any]) -> dict[str, Any]:
        """A record with its state's whole items' table: the content's, with the player's changes.
        A record written before ITEM_CHANGES holds the whole table already, and is read as it is.
        (A record of other packs is fitted to these: an item it never changed is as this content
        sets it, as a restored save's item would be.)"""
        if ITEM_CHANGES not in record or not isinstance(record.get("state"), dict):
            return record
        state = record["state"]
        items = decode(self._initial_items_text)["items"]
        changes = state.get("items")
        if isinstance(changes, dict):
            items.update(changes)
        gone = record[ITEM_CHANGES].get("gone") if isinstance(record[ITEM_CHANGES], dict) else None
        for item_id in gone if isinstance(gone, list) else ():
            items.pop(item_id, None)
        return {**{key: value for key, value in record.items() if key != ITEM_CHANGES}, "state": {**state, "items": items}}

    def played(self, game: Game, text: str) -> Played:
        """What the request did; the game is spent after it (see `let_go`)."""
        played = Played(text, self.record_of(game), bool(game.over or game.state["ending"]), self.status(game))
        let_go(game)
        return played

    # -- what a request asks ---------------------------------------------------------------------
    def start(self, store: Any, player: str) -> Played:
        game = self.new_game(store, player)
        return self.played(game, game.opening())

    def look(self, game: Game) -> Played:
        return self.played(game, game.bus.ask(Look()).text)

    def turn(self, game: Game, line: str) -> Played:
        return self.played(game, game.turn(line))

    # -- beside the story ------------------------------------------------------------------------
    def status(self, game: Game) -> dict[str, Any]:
        """What the side panel shows. Only the player's room, its exits and what the player carries
        are looked at: the cost does not grow with the world."""
        state, content = game.state, game.content
        here = content.rooms[state["location"]]
        lit = places.has_light(state, content, here.id)
        clock = None
        if "clock" in content.game.features:
            weekday = calendar.weekday_of(state["time"], content.game.days)
            clock = f"{weekday}, day {calendar.day_of(state['time'])}, {calendar.clock_text(state['time'])}"
        inventory = []
        for item_id in places.contents(state, "player"):
            item = content.items[item_id]
            worn = " (worn)" if state["items"][item_id].get("worn") else ""
            inventory.append(indefinite(item.name, item.plural) + worn)
        exits = list(exit_words(content, here.shown_exits)) if lit else []
        return {
            "title": plain(content.game.title),
            "location": plain(here.name) if lit else game.say("light.darkness_name"),
            "time": plain(clock) if clock else None,
            "score": state["score"],
            "max_score": content.game.max_score or None,
            "exits": [plain(e) for e in exits],
            "inventory": [plain(i) for i in inventory],
            "map": self.map_text(game) if lit else None,
        }

    def map_text(self, game: Game) -> str | None:
        """The map as text: each way out of here and where it leads, when the player has been there
        ('?' when not). A screen reader reads it as well as an eye does."""
        state, content = game.state, game.content
        here = content.rooms[state["location"]]
        ways = [(d, x.to) for d, x in here.shown_exits.items() if x.to]
        if not ways:
            return None
        words = exit_words(content, [d for d, _ in ways])
        lines = []
        for word, (_, to) in zip(words, ways):
            known = state["visits"].get(to, 0) > 0 and to in content.rooms
            lines.append(f"{word}: {plain(content.rooms[to].name) if known else '?'}")
        return "\n".join(lines)

    def vocabulary(self) -> dict[str, list[str]]:
        """Words for completion: the verbs, the names of things and people, the directions."""
        if self._vocabulary is None:
            from elysium.parser.directions import DIRECTIONS
            from elysium.parser.grammar import GRAMMAR

            vocabulary = self.parser_vocabulary
            verbs = (set(GRAMMAR) - set(vocabulary.missing_verbs)) | set(vocabulary.custom_verbs)
            self._vocabulary = {
                "verbs": sorted(verbs),
                "nouns": sorted(vocabulary.nouns),
                "directions": sorted(set(DIRECTIONS) | set(vocabulary.directions)),
            }
        return self._vocabulary


def let_go(game: Game) -> None:
    """A game lives for one request. Its bus and its services refer to each other (and the slots to
    the game), so without this a spent game and its state would wait for the cyclic garbage
    collector, piling up in its older generations; with the loops cut, it is freed as soon as the
    request drops it."""
    game.bus.clear()
    game.slots = None


class _OneRecord:
    """A record given to Game.restore as if it were the one save of a folder."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.body = {key: value for key, value in record.items() if key not in ("confirming", "oops")}

    def read(self, name: str) -> dict[str, Any]:
        return self.body
