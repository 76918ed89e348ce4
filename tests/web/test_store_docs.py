"""The store URLs docs/web.md gives are the ones open_store understands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from elysium.web.store import open_store, sqlite_path

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def documented_urls() -> list[str]:
    stores = DOC.read_text(encoding="utf-8").split("## Stores", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z]+:[^`]*)` \|", stores, flags=re.MULTILINE)


def test_the_doc_names_every_kind_of_store():
    kinds = {url.split(":", 1)[0] for url in documented_urls()}
    assert kinds == {"sqlite", "postgresql", "redis", "memory"}


@pytest.mark.parametrize("url", documented_urls())
def test_each_documented_url_is_understood(url, tmp_path, monkeypatch):
    kind = url.split(":", 1)[0]
    if kind == "sqlite":
        assert sqlite_path(url).name == "web.db"
        monkeypatch.chdir(tmp_path)
        if not url.startswith("sqlite:///"):
            open_store(url).close()
    elif kind == "memory":
        open_store(url).close()
    else:
        # No such host here: the URL is understood, and the store says the server cannot be reached.
        pytest.importorskip("psycopg" if kind == "postgresql" else "redis")
        with pytest.raises(ValueError, match="Cannot use the"):
            open_store(re.sub(r"@[^/]+/", "@127.0.0.1:1/", url))
