"""The pause-finding tool's workers time each store write and each garbage collection after the
first write, and report them where the tool reads them."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import web_pauses  # noqa: E402
from elysium.web.app import ENVIRONMENT, Options  # noqa: E402
from elysium.web.run import SECRET_VARIABLE  # noqa: E402
from elysium.web.store import sqlite  # noqa: E402

WORLD = Path(__file__).resolve().parents[1] / "fixtures" / "world"


def test_a_worker_reports_its_writes_and_collections(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite.SqliteStore, "write", sqlite.SqliteStore.write)  # put back after
    options = Options(content=str(WORLD), store=f"sqlite:///{tmp_path / 'web.db'}")
    monkeypatch.setenv(ENVIRONMENT, options.to_environment())
    monkeypatch.setenv(SECRET_VARIABLE, "a secret for tests")
    monkeypatch.setenv(web_pauses.REPORTS, str(tmp_path))
    callbacks = list(gc.callbacks)
    try:
        tab = TestClient(web_pauses.app(), headers={"origin": "http://testserver"})
        version = tab.post("/api/v1/game", json={}).json()["version"]
        for line in ("take the lantern", "north"):
            version = tab.post("/api/v1/turn", json={"line": line, "version": version}).json()["version"]
        gc.collect()
    finally:
        gc.callbacks[:] = callbacks  # gc keeps this very list
    [report] = tmp_path.glob("worker-*.json")
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert len(seen["writes"]) == 3  # the new game and two turns
    assert len(seen["cpu"]["2"]) == len(seen["wall"]["2"]) >= 1
    assert seen["process_cpu"] > 0
