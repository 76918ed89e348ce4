"""Players of the web service: a signed cookie each, their games and saves their own, and the
shared password of --auth."""

from __future__ import annotations

import os

from starlette.testclient import TestClient

from elysium.web.players_web import COOKIE, Cookies, Pace, kept_secret
from elysium.web.run import secret_for

from web_support import SECRET, app_over, browser, memory_store, play, started


def cookie_header(client) -> str:
    return client.cookies[COOKIE]


def test_the_first_request_gets_a_signed_http_only_strict_cookie():
    tab = browser(app_over(memory_store()))
    reply = tab.get("/api/v1/game")
    set_cookie = reply.headers["set-cookie"]
    assert set_cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in set_cookie and "SameSite=strict" in set_cookie and "Path=/" in set_cookie
    assert "Secure" not in set_cookie  # plain http on this machine
    player, mark, signature = tab.cookies[COOKIE].split(".")
    assert Cookies(SECRET).read(tab.cookies[COOKIE]).player == player
    assert tab.get("/api/v1/game").headers.get("set-cookie") is None  # kept, not made again


def test_the_cookie_is_secure_behind_an_https_public_url():
    tab = browser(app_over(memory_store(), public_url="https://games.example.org"))
    reply = tab.get("/api/v1/game", headers={"origin": "https://games.example.org"})
    assert "Secure" in reply.headers["set-cookie"]


def test_the_cookie_is_secure_when_the_request_came_over_https():
    tab = TestClient(app_over(memory_store()), base_url="https://testserver")
    assert "Secure" in tab.get("/api/v1/game").headers["set-cookie"]


def test_another_players_cookie_cannot_reach_their_saves():
    app = app_over(memory_store())
    ada, bob = browser(app), browser(app)
    game = started(ada)
    ada.post("/api/v1/saves", json={"name": "mine"})
    play(ada, "take lantern", game["version"])
    started(bob)
    assert bob.get("/api/v1/saves").json() == {"saves": []}
    assert bob.post("/api/v1/saves/mine/restore", json={}).status_code == 404
    assert bob.request("DELETE", "/api/v1/saves/mine", json={}).status_code == 404
    assert "a brass lantern" not in bob.get("/api/v1/game").json()["status"]["inventory"]
    assert [s["name"] for s in ada.get("/api/v1/saves").json()["saves"]] == ["mine"]


def test_a_forged_cookie_is_refused_and_its_holder_becomes_a_new_player():
    app = app_over(memory_store())
    ada = browser(app)
    started(ada)
    ada.post("/api/v1/saves", json={"name": "mine"})
    player = cookie_header(ada).split(".")[0]
    forgeries = [
        f"{player}.-.AAAA",  # a made-up signature
        Cookies("another server's secret").value(player),  # signed with the wrong key
        f"{player}",  # no signature at all
        cookie_header(ada) + "x",
    ]
    for forged in forgeries:
        mallory = browser(app)
        mallory.cookies.set(COOKIE, forged)
        reply = mallory.get("/api/v1/saves")
        assert reply.json() == {"saves": []}, forged
        fresh = reply.headers["set-cookie"].split(";")[0].split("=", 1)[1]
        assert fresh.split(".")[0] != player
        assert mallory.get("/api/v1/game").status_code == 404  # Ada has a game; this player has none


def test_auth_asks_for_the_shared_password_once():
    app = app_over(memory_store(), auth="open sesame")
    tab = browser(app)
    shut = tab.post("/api/v1/game", json={})
    assert shut.status_code == 401 and shut.json()["error"] == "auth_required"
    assert tab.get("/api/v1/saves").status_code == 401
    wrong = tab.post("/api/v1/auth", json={"secret": "open barley"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "wrong_secret"
    assert tab.post("/api/v1/auth", json={"secret": "open sesame"}).status_code == 204
    assert "open sesame" not in tab.cookies[COOKIE]
    assert tab.post("/api/v1/game", json={}).status_code == 200
    assert tab.get("/api/v1/openapi.json").status_code == 200  # the description is public


def test_a_new_password_shuts_out_the_cookies_let_in_with_the_old_one():
    store = memory_store()
    tab = browser(app_over(store, auth="old"))
    tab.post("/api/v1/auth", json={"secret": "old"})
    admitted = tab.cookies[COOKIE]
    later = browser(app_over(store, auth="new"))
    later.cookies.set(COOKIE, admitted)
    assert later.get("/api/v1/saves").status_code == 401


def test_the_secret_is_made_once_and_kept_beside_a_sqlite_store(tmp_path, monkeypatch):
    monkeypatch.delenv("ELYSIUM_SECRET", raising=False)
    url = f"sqlite:///{tmp_path / 'games' / 'web.db'}"
    made = secret_for(None, url)
    assert len(made) >= 32
    assert secret_for(None, url) == made  # a restart keeps every player's cookie
    kept = tmp_path / "games" / "web-secret"
    assert kept.read_text() == made
    assert oct(os.stat(kept).st_mode & 0o777) == "0o600"
    assert secret_for("given", url) == "given"
    monkeypatch.setenv("ELYSIUM_SECRET", "from the environment")
    assert secret_for(None, url) == "from the environment"


def test_a_server_store_needs_a_secret_shared_by_every_machine(monkeypatch):
    monkeypatch.delenv("ELYSIUM_SECRET", raising=False)
    try:
        secret_for(None, "redis://cache.example.org:6379/0")
    except ValueError as problem:
        assert "the same --secret" in str(problem)
    else:
        raise AssertionError("a server store started without a shared secret")


def test_two_workers_starting_at_once_agree_on_the_secret(tmp_path):
    assert kept_secret(tmp_path) == kept_secret(tmp_path)


def test_the_pace_lets_a_burst_through_then_asks_to_wait():
    now = [0.0]
    pace = Pace(burst=3, per_second=1.0, clock=lambda: now[0])
    assert [pace.wait("ada") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert pace.wait("ada") == 1.0
    assert pace.wait("bob") == 0.0  # each player has their own
    now[0] = 1.0
    assert pace.wait("ada") == 0.0


def test_the_pace_remembers_a_bounded_number_of_players():
    pace = Pace(burst=1, per_second=0.001, remembered=100)
    for n in range(1000):
        pace.wait(f"player{n}")
    assert len(pace._buckets) == 100
