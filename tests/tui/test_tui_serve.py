"""`elysium serve` answers a browser: start it on a free port, fetch the page, stop it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("textual_serve", reason="elysium serve needs the textual-serve package")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float) -> tuple[int, str, str]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read().decode()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_with_the_page(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "elysium", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--saves", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        status, kind, page = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        assert status == 200
        assert "text/html" in kind
        assert "<html" in page.lower() and "Elysium" in page
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
