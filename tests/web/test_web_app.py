"""The app around the API: the page it serves, the workers it is built in, the command that starts it."""

from __future__ import annotations

import json
import os

import pytest
from starlette.testclient import TestClient

from elysium.cli import main
from elysium.content import load_content
from elysium.web.app import ENVIRONMENT, YOUNGER_COLLECTIONS_PER_FULL, Options, from_environment
from elysium.web.run import SECRET_VARIABLE

from web_support import ORIGIN, WORLD, app_over, browser, memory_store


@pytest.fixture
def page(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>the page</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("// the script", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not the page's", encoding="utf-8")
    return tmp_path


def test_the_page_folder_is_served_at_the_root_and_nothing_else(page, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "private.js").write_text("secret", encoding="utf-8")
    (page / "linked.js").symlink_to(outside / "private.js")
    tab = browser(app_over(memory_store(), page=str(page)))
    index = tab.get("/")
    assert index.text == "<!doctype html><title>the page</title>"
    assert index.headers["content-type"] == "text/html; charset=utf-8"
    script = tab.get("/app.js")
    assert script.text == "// the script" and script.headers["content-type"].startswith("text/javascript")
    for path in ("/notes.txt", "/linked.js", "/..%2Fpyproject.toml", "/api", "/.env", "/sub/app.js"):
        assert tab.get(path).status_code == 404, path


def test_without_the_page_the_root_says_the_api_is_there(tmp_path):
    tab = browser(app_over(memory_store(), page=str(tmp_path)))
    assert "its API is at /api/v1" in tab.get("/").text


def test_a_worker_builds_the_app_from_the_environment(monkeypatch):
    options = Options(content=str(WORLD), store="memory://", auth="pass", public_url="https://games.example.org")
    monkeypatch.setenv(ENVIRONMENT, options.to_environment())
    monkeypatch.setenv(SECRET_VARIABLE, "shared by the workers")
    assert Options.from_environment(options.to_environment()) == options
    with TestClient(from_environment(), base_url="https://games.example.org",
                    headers={"origin": "https://games.example.org"}) as tab:
        assert tab.post("/api/v1/game", json={}).status_code == 401  # --auth came through
        assert tab.post("/api/v1/auth", json={"secret": "pass"}).status_code == 204
        game = tab.post("/api/v1/game", json={}).json()
        assert game["status"]["title"] == "The Little Conservatory"


def test_a_worker_started_by_a_platform_needs_no_options(monkeypatch, tmp_path):
    """uvicorn --factory elysium.web.app:from_environment, with only the store and secret set."""
    monkeypatch.delenv(SECRET_VARIABLE, raising=False)
    monkeypatch.setenv(ENVIRONMENT, json.dumps({"store": f"sqlite:///{tmp_path / 'web.db'}"}))
    with TestClient(from_environment()) as tab:
        game = tab.post("/api/v1/game", json={}).json()
        assert game["status"]["title"] == "Starred Blocks"  # the default content
    assert (tmp_path / "web-secret").is_file()  # made once, beside the store, for every worker


def test_elysium_web_hands_its_options_to_uvicorn(monkeypatch, tmp_path):
    started = {}
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.delenv(SECRET_VARIABLE, raising=False)
    assert main(["web", "--content", str(WORLD), "--no-mods", "--store", f"sqlite:///{tmp_path / 'web.db'}",
                 "--port", "8123", "--workers", "3", "--auth", "pass"]) == 0
    assert started["app"] == "elysium.web.app:from_environment" and started["factory"] is True
    assert (started["workers"], started["port"]) == (3, 8123)
    handed = json.loads(os.environ[ENVIRONMENT])
    assert handed["content"] == str(WORLD.resolve()) and handed["auth"] == "pass"
    assert os.environ[SECRET_VARIABLE]
    assert main(["web", "--content", str(WORLD), "--no-mods", "--store", "memory://"]) == 0
    assert not isinstance(started["app"], str)  # one worker: the app itself, in this process


@pytest.mark.parametrize("arguments, said", [
    (["--store", "mysql://x"], "elysium web cannot start: Unknown store 'mysql'"),
    (["--store", "redis://cache:6379"], "give them all the same --secret"),
    (["--public-url", "games.example.org"], "--public-url needs a whole address"),
    (["--workers", "0"], "--workers needs a whole number of at least 1"),
    (["--workers", "2", "--store", "memory://"], "a memory:// store lives in one process"),
])
def test_bad_options_are_told_in_a_sentence(capsys, monkeypatch, arguments, said):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("started with bad options"))
    monkeypatch.delenv(SECRET_VARIABLE, raising=False)
    assert main(["web", "--content", str(WORLD), "--no-mods", *arguments]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err


def test_a_running_worker_keeps_its_content_out_of_the_garbage_collectors_walks():
    """A full collection walks every object it tracks; a worker's content and table live as long
    as it does, so from the start of serving they are frozen, and given back when it stops."""
    import gc

    content = load_content(WORLD, ())
    kept = content.rooms
    assert gc.is_tracked(kept)

    def watched() -> bool:
        return any(tracked is kept for tracked in gc.get_objects())

    thresholds = gc.get_threshold()
    with TestClient(app_over(memory_store(), content=content), headers={"origin": ORIGIN}) as tab:
        assert tab.post("/api/v1/game", json={}).status_code == 200
        assert not watched()
        assert gc.get_threshold()[2] == YOUNGER_COLLECTIONS_PER_FULL > thresholds[2]  # full ones rarer
    assert watched()
    assert gc.get_threshold() == thresholds
