"""Playing through the web service: a game from a store, one request at a time, in any worker."""

from __future__ import annotations

import pytest

from elysium.web.store import open_store

from web_support import app_over, browser, play, started

# The server stores pass the same contract tests as these two (test_store_contract.py).
STORES = {"memory": lambda folder: "memory://", "sqlite": lambda folder: f"sqlite:///{folder / 'web.db'}"}


@pytest.fixture(params=sorted(STORES))
def store(request, tmp_path):
    opened = open_store(STORES[request.param](tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def tab(store):
    return browser(app_over(store))


def test_a_new_game_opens_with_the_intro_and_the_status(tab):
    game = started(tab)
    assert "Somewhere in it there is a violet gem" in game["text"]
    assert game["version"] == 1 and game["ended"] is False
    status = game["status"]
    assert status["title"] == "The Little Conservatory"
    assert status["location"] == "Vestibule"
    assert status["time"] == "Firstday, day 1, 09:30"
    assert (status["score"], status["max_score"]) == (0, 15)
    assert status["inventory"] == ["a velvet cloak (worn)"]
    assert {"north", "east", "down"} <= set(status["exits"])


def test_turns_move_the_game_on_and_each_has_a_new_version(tab):
    game = started(tab)
    taken = play(tab, "take the lantern", game["version"]).json()
    assert taken["text"] == "Taken."
    assert "a brass lantern" in taken["status"]["inventory"]
    moved = play(tab, "north", taken["version"]).json()
    assert moved["status"]["location"] == "Practice Hall"
    assert moved["version"] == taken["version"] + 1 == 3
    assert "south: Vestibule" in moved["status"]["map"]


def test_the_live_game_is_read_back_as_look_shows_it(tab):
    game = started(tab)
    moved = play(tab, "north", game["version"]).json()
    again = tab.get("/api/v1/game").json()
    assert again["version"] == moved["version"]
    assert again["text"].startswith("Practice Hall")
    assert again["status"] == moved["status"]


def test_no_game_yet_is_a_404_with_a_sentence(tab):
    reply = tab.get("/api/v1/game")
    assert reply.status_code == 404
    assert reply.json() == {"error": "no_game", "message": "There is no game yet: start a new one."}
    assert play(tab, "look", 0).status_code == 404


def test_any_worker_serves_any_request_because_the_game_lives_in_the_store(store):
    """Two apps over one store are two workers: the turns alternate between them."""
    first, second = app_over(store), app_over(store)
    tab = browser(first)
    game = started(tab)
    other = browser(second)
    other.cookies = tab.cookies
    taken = play(other, "take lantern", game["version"]).json()
    moved = play(tab, "north", taken["version"]).json()
    assert "a brass lantern" in moved["status"]["inventory"]
    assert moved["status"]["location"] == "Practice Hall"


def test_undo_across_requests_uses_the_history_in_the_store(store):
    tab = browser(app_over(store))
    game = started(tab)
    taken = play(tab, "take lantern", game["version"]).json()
    moved = play(tab, "north", taken["version"]).json()
    worker = browser(app_over(store))  # a fresh worker: nothing of the game in its memory
    worker.cookies = tab.cookies
    undone = worker.post("/api/v1/undo", json={"version": moved["version"]}).json()
    assert undone["status"]["location"] == "Vestibule"
    assert "a brass lantern" in undone["status"]["inventory"]
    undone = tab.post("/api/v1/undo", json={"version": undone["version"]}).json()
    assert "a brass lantern" not in undone["status"]["inventory"]


def test_the_stored_undo_history_is_bounded(store):
    tab = browser(app_over(store, pace=(100.0, 1.0)))
    version = started(tab)["version"]
    for n in range(40):
        version = play(tab, "north" if n % 2 == 0 else "south", version).json()["version"]
    player = tab.cookies["elysium_web"].split(".")[0]
    assert len(store.read(player).state["history"]) == 30


def test_two_tabs_at_once_one_is_told_to_retry_and_no_turn_is_lost(store):
    app = app_over(store)
    first = browser(app)
    game = started(first)
    second = browser(app)
    second.cookies = first.cookies
    assert play(first, "take lantern", game["version"]).status_code == 200
    late = play(second, "north", game["version"])
    assert late.status_code == 409
    assert late.json()["error"] == "conflict" and late.json()["version"] == game["version"] + 1
    now = second.get("/api/v1/game").json()
    moved = play(second, "north", now["version"]).json()
    assert moved["status"]["location"] == "Practice Hall"
    assert "a brass lantern" in moved["status"]["inventory"]  # the first tab's turn is kept


class Overtaken:
    """A store where another tab writes between this request's read and its write."""

    def __init__(self, store):
        self.store, self.raced = store, False

    def __getattr__(self, name):
        return getattr(self.store, name)

    def write(self, player, state, version):
        if not self.raced and version > 0:
            self.raced = True
            current = self.store.read(player)
            self.store.write(player, current.state, current.version)
        return self.store.write(player, state, version)


def test_a_tab_overtaken_between_read_and_write_gets_a_409_and_its_turn_is_not_kept(store):
    racing = Overtaken(store)
    tab = browser(app_over(racing))
    game = started(tab)
    reply = play(tab, "take lantern", game["version"])
    assert reply.status_code == 409 and reply.json()["version"] == game["version"] + 1
    assert "a brass lantern" not in tab.get("/api/v1/game").json()["status"]["inventory"]


def test_saves_round_trip(tab):
    game = started(tab)
    taken = play(tab, "take lantern", game["version"]).json()
    made = tab.post("/api/v1/saves", json={"name": "Before the Hall"})
    assert made.status_code == 201
    assert made.json()["name"] == "before the hall"
    assert made.json()["summary"] == "day 1, 09:31, Vestibule"  # a minute to take the lantern
    moved = play(tab, "north", taken["version"]).json()
    play(tab, "drop lantern", moved["version"])
    listed = tab.get("/api/v1/saves").json()["saves"]
    assert [s["name"] for s in listed] == ["before the hall"]
    restored = tab.post("/api/v1/saves/Before the Hall/restore", json={})
    assert restored.status_code == 200
    body = restored.json()
    assert body["text"].startswith("Restored \u201cBefore the Hall\u201d.")
    assert body["status"]["location"] == "Vestibule"
    assert "a brass lantern" in body["status"]["inventory"]
    assert tab.request("DELETE", "/api/v1/saves/before the hall", json={}).status_code == 204
    assert tab.get("/api/v1/saves").json() == {"saves": []}
    assert tab.request("DELETE", "/api/v1/saves/before the hall", json={}).status_code == 404
    assert tab.post("/api/v1/saves/before the hall/restore", json={}).json()["error"] == "no_save"


def test_save_and_restore_typed_in_the_game_use_the_players_store(tab, store):
    game = started(tab)
    saved = play(tab, "save first", game["version"]).json()
    assert saved["text"].startswith("Saved as \u201cfirst\u201d")
    assert [s["name"] for s in tab.get("/api/v1/saves").json()["saves"]] == ["first"]
    asked = play(tab, "save first", saved["version"]).json()  # the question is kept between requests
    assert "Replace it?" in asked["text"]
    replaced = play(tab, "yes", asked["version"]).json()
    assert replaced["text"].startswith("Saved as \u201cfirst\u201d")
    listing = play(tab, "saves", replaced["version"]).json()
    assert "first: day 1, 09:30, Vestibule" in listing["text"]


def test_quit_ends_the_game_and_autosaves_in_the_store(tab):
    game = started(tab)
    quit_ = play(tab, "quit", game["version"]).json()
    assert quit_["ended"] is True
    assert "autosave" in [s["name"] for s in tab.get("/api/v1/saves").json()["saves"]]


def test_a_new_game_replaces_the_live_one(tab):
    game = started(tab)
    play(tab, "north", game["version"])
    again = tab.post("/api/v1/game", json={}).json()
    assert again["status"]["location"] == "Vestibule"
    assert again["version"] == 3


def test_the_vocabulary_has_verbs_nouns_and_directions(tab):
    words = tab.get("/api/v1/vocabulary").json()
    assert {"take", "examine", "north"} <= {*words["verbs"], *words["directions"]}
    assert "lantern" in words["nouns"]
    assert words["verbs"] == sorted(words["verbs"])


def player_of(tab) -> str:
    return tab.cookies["elysium_web"].split(".")[0]


def test_a_game_played_with_other_packs_is_fitted_to_the_content_as_a_save_would_be(store):
    tab = browser(app_over(store))
    game = started(tab)
    play(tab, "take lantern", game["version"])
    stored = store.read(player_of(tab))
    game_packs = stored.state["packs"]
    record = {**stored.state, "packs": [{**stored.state["packs"][0], "hash": "0" * 64}]}  # the server's new files
    version = store.write(player_of(tab), record, stored.version)
    again = tab.get("/api/v1/game").json()
    assert again["version"] == version
    assert "a brass lantern" in again["status"]["inventory"]
    moved = play(tab, "north", again["version"]).json()
    assert moved["status"]["location"] == "Practice Hall"
    assert store.read(player_of(tab)).state["packs"] == game_packs  # written back as this content's


def test_a_game_the_content_cannot_carry_is_no_game_and_says_why(store):
    tab = browser(app_over(store))
    started(tab)
    stored = store.read(player_of(tab))
    record = {**stored.state, "packs": [], "state": {**stored.state["state"], "location": 7}}
    store.write(player_of(tab), record, stored.version)
    reply = tab.get("/api/v1/game")
    assert reply.status_code == 404 and reply.json()["error"] == "no_game"
    assert reply.json()["message"].startswith("Your game cannot be carried on in this version of the game")
    assert tab.post("/api/v1/game", json={}).status_code == 200  # a new game replaces it


def test_a_player_keeps_a_bounded_number_of_saves(store, monkeypatch):
    from elysium.web import store_slots

    monkeypatch.setattr(store_slots, "MAX_SAVES", 3)
    tab = browser(app_over(store))
    game = started(tab)
    for name in ("one", "two", "three"):
        assert tab.post("/api/v1/saves", json={"name": name}).status_code == 201
    refused = tab.post("/api/v1/saves", json={"name": "four"})
    assert refused.status_code == 400 and refused.json()["error"] == "save_refused"
    assert refused.json()["message"] == "You have 3 saved games, as many as you may keep here. DELETE one first."
    assert tab.post("/api/v1/saves", json={"name": "two"}).status_code == 201  # replacing one is no new save
    typed = play(tab, "save four", game["version"]).json()
    assert typed["text"] == refused.json()["message"]


def test_a_played_game_is_freed_when_the_request_drops_it_without_the_garbage_collector(store):
    """A worker rebuilds a game for every request: left in reference loops, each would wait for the
    cyclic collector, whose pauses then land on other players' turns."""
    import gc
    import weakref

    from elysium.web.play import Table

    from web_support import world

    table = Table(world())
    version = store.write("p", table.start(store, "p").record, 0)
    gc.collect()
    gc.disable()
    try:
        game = table.game_from(store.read("p").state, store, "p")
        spent = weakref.ref(game)
        played = table.turn(game, "take the lantern")
        del game
        assert spent() is None
    finally:
        gc.enable()
    assert played.text == "Taken."
    assert store.write("p", played.record, version) == version + 1
