"""`elysium serve` answers a browser with the game's own page: its title, nothing fetched from
other sites (it plays offline on a LAN), no folder listings, and a player id of its own."""

from __future__ import annotations

import re
import socket
from contextlib import contextmanager
from pathlib import Path
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from web_support import stop


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float, headers: dict[str, str] | None = None):
    """(status, headers, body) of a GET, waiting for the server to come up until `deadline`."""
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def serving(saves: Path, *options: str):
    """`elysium serve` on a free loopback port, with its saves in `saves`: yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "elysium", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--saves", str(saves), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("saves")) as address:
        yield address


def test_the_page_is_the_games_own(server: str) -> None:
    status, headers, page = fetch(server + "/", time.monotonic() + 5)
    assert status == 200 and "text/html" in headers["Content-Type"]
    assert "<title>Starred Blocks</title>" in page
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("elysium_player=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_nothing_is_fetched_from_another_site(server: str) -> None:
    _, _, page = fetch(server + "/", time.monotonic() + 5)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page), "the page names another site"
    assert "googleapis" not in page and "@import" not in page
    for asset in re.findall(r"(?:src|href|url\()\s*=?\s*\"?(/static/[^\"')]+)", page):
        status, _, _ = fetch(server + asset, time.monotonic() + 5)
        assert status == 200, asset


def test_no_folder_is_listed(server: str) -> None:
    for folder in ("/static/", "/static/js/", "/static/fonts/"):
        status, _, body = fetch(server + folder, time.monotonic() + 5)
        assert status in (403, 404), folder
        assert "textual.js" not in body and "RobotoMono" not in body


def test_a_name_that_is_not_this_servers_is_refused(server: str) -> None:
    """A loopback server answers to loopback names only: a site whose name was pointed at
    127.0.0.1 (DNS rebinding) gets nothing."""
    status, _, _ = fetch(server + "/", time.monotonic() + 5, headers={"Host": "games.example.org"})
    assert status == 421
