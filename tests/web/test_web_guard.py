"""What the web service refuses: other sites, bodies that are not JSON, too much too fast, and
never a traceback."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from elysium.engine import MAX_LINE
from elysium.web.guard import CSP

from web_support import app_over, browser, memory_store, play, started


@pytest.fixture
def tab():
    return browser(app_over(memory_store()))


@pytest.mark.parametrize("headers", [
    {"origin": "https://evil.example"},
    {"origin": "null"},
    {"origin": "http://testserver.evil.example"},
    {"origin": "http://testserver", "sec-fetch-site": "cross-site"},
    {"origin": "http://testserver", "sec-fetch-site": "same-site"},  # a sibling subdomain
])
def test_requests_from_other_sites_are_refused(tab, headers):
    game = started(tab)
    for reply in (tab.post("/api/v1/turn", json={"line": "take lantern", "version": game["version"]}, headers=headers),
                  tab.post("/api/v1/game", json={}, headers=headers),
                  tab.post("/api/v1/saves", json={"name": "x"}, headers=headers),
                  tab.get("/api/v1/game", headers=headers)):
        assert reply.status_code == 403
        assert reply.json()["error"] == "foreign_origin"
        assert "access-control-allow-origin" not in reply.headers
    assert "a brass lantern" not in tab.get("/api/v1/game").json()["status"]["inventory"]
    assert tab.get("/api/v1/saves").json() == {"saves": []}


def test_the_page_of_the_public_url_is_the_only_origin_behind_a_proxy():
    tab = TestClient(app_over(memory_store(), public_url="https://games.example.org"))
    assert tab.post("/api/v1/game", json={}, headers={"origin": "https://games.example.org"}).status_code == 200
    refused = tab.post("/api/v1/game", json={}, headers={"origin": "http://testserver"})
    assert refused.status_code == 403


def test_a_client_that_is_no_browser_sends_no_origin_and_plays_as_itself():
    tab = TestClient(app_over(memory_store()))
    assert tab.post("/api/v1/game", json={}).status_code == 200


@pytest.mark.parametrize("kind", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_posts_and_deletes_must_say_they_are_json(tab, kind):
    headers = {"content-type": kind} if kind else {}
    for method, path in (("POST", "/api/v1/game"), ("POST", "/api/v1/turn"), ("DELETE", "/api/v1/saves/x")):
        reply = tab.request(method, path, content=b"{}", headers=headers)
        assert reply.status_code == 415, (method, path, kind)
        assert reply.json()["error"] == "json_required"


@pytest.mark.parametrize("body", [b"{", b"[1, 2]", b'"line"', b"\xff\xfe", b"[" * 5000 + b"]" * 5000])
def test_bad_json_is_a_400_with_a_plain_message(tab, body):
    reply = tab.post("/api/v1/turn", content=body, headers={"content-type": "application/json"})
    assert reply.status_code in (400, 413)
    assert reply.json()["message"] and "Traceback" not in reply.text


@pytest.mark.parametrize("body", [{}, {"line": 3, "version": 1}, {"line": "look"}, {"line": "look", "version": "1"},
                                  {"line": "look", "version": True}, {"line": None, "version": 1}])
def test_a_body_of_the_wrong_shape_is_a_400_that_names_what_it_needs(tab, body):
    started(tab)
    reply = tab.post("/api/v1/turn", json=body)
    assert reply.status_code == 400
    assert reply.json()["error"] == "bad_request"
    assert "needs" in reply.json()["message"]


def test_a_line_too_long_is_a_413_and_plays_nothing(tab):
    game = started(tab)
    reply = play(tab, "take lantern " + "x" * MAX_LINE, game["version"])
    assert reply.status_code == 413 and reply.json()["error"] == "line_too_long"
    assert tab.get("/api/v1/game").json()["version"] == game["version"]


def test_a_body_too_large_is_a_413_before_it_is_read(tab):
    reply = tab.post("/api/v1/turn", content=b'{"line": "' + b"x" * 20_000 + b'", "version": 1}',
                     headers={"content-type": "application/json"})
    assert reply.status_code == 413 and reply.json()["error"] == "too_large"


def test_too_fast_is_a_429_with_retry_after():
    tab = browser(app_over(memory_store(), pace=(3.0, 0.5)))
    replies = [tab.get("/api/v1/saves") for _ in range(4)]
    assert [r.status_code for r in replies] == [200, 200, 200, 429]
    assert replies[-1].json()["error"] == "too_fast"
    assert replies[-1].headers["retry-after"] == "2"


def test_clients_that_drop_their_cookie_are_paced_by_address():
    tab = TestClient(app_over(memory_store(), newcomers=(2.0, 0.01)), cookies=None)
    codes = []
    for _ in range(3):
        tab.cookies.clear()
        codes.append(tab.get("/api/v1/saves").status_code)
    assert codes == [200, 200, 429]


class Broken:
    """A store that fails as a server store can (its connection lost)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the store went away at /secret/path")
        return fail


def test_a_fault_is_a_500_with_a_sentence_and_never_a_traceback(caplog):
    tab = browser(app_over(Broken()))
    for reply in (tab.post("/api/v1/game", json={}), tab.get("/api/v1/game"), tab.get("/api/v1/saves")):
        assert reply.status_code == 500
        assert reply.json() == {"error": "internal", "message": "Something went wrong on the server; your game "
                                                                "is as it was before this request."}
        assert "secret/path" not in reply.text
    assert "the store went away" in caplog.text  # for whoever runs the service


@pytest.mark.parametrize("line", ["\x00\x1b[31m", "[/]", "<script>alert(1)</script>", "\u202e" * 50, "then " * 300,
                                  "undo undo undo", "save ../../etc/passwd", "restore \x00", ""])
def test_no_line_a_player_can_type_breaks_a_turn(tab, line):
    game = started(tab)
    reply = play(tab, line, game["version"])
    assert reply.status_code == 200, reply.text
    assert "\x1b" not in reply.json()["text"] and "Traceback" not in reply.text


def test_routes_that_do_not_exist_answer_json(tab):
    missing = tab.get("/api/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = tab.put("/api/v1/game", json={})
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"


def test_every_response_carries_the_security_headers(tab):
    for reply in (tab.get("/"), tab.get("/api/v1/game"), tab.get("/api/v1/nothing"), tab.get("/../etc/passwd")):
        assert reply.headers["content-security-policy"] == CSP
        assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP
        assert reply.headers["x-content-type-options"] == "nosniff"
    assert tab.get("/api/v1/game").headers["cache-control"] == "no-store"
