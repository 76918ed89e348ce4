"""Clients of the web service for its tests: an app over a store, as a browser on its own page
would call it (JSON bodies; the Origin of the page)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from starlette.testclient import TestClient

from elysium.content import load_content
from elysium.web.app import Options, create_app
from elysium.web.store import open_store

WORLD = Path(__file__).parents[1] / "fixtures" / "world"
SECRET = "a secret for tests"
ORIGIN = "http://testserver"  # TestClient's own host
_loaded = {}


def world():
    if "world" not in _loaded:
        _loaded["world"] = load_content(WORLD, ())
    return _loaded["world"]


def app_over(store, content=None, secret: str = SECRET, **options):
    return create_app(content or world(), store, secret, Options(**options))


def browser(app) -> TestClient:
    """A tab of a browser on the service's own page: its requests carry the page's Origin."""
    return TestClient(app, headers={"origin": ORIGIN}, raise_server_exceptions=False)


def started(client: TestClient) -> dict:
    reply = client.post("/api/v1/game", json={})
    assert reply.status_code == 200, reply.text
    return reply.json()


def play(client: TestClient, line: str, version: int):
    return client.post("/api/v1/turn", json={"line": line, "version": version})


def memory_store():
    return open_store("memory://")


def stop(process: subprocess.Popen, seconds: float = 20) -> None:
    """Ask a server started for a test to stop, and kill it if it will not."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
