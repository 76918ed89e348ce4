"""The stores the contract tests run against, and how each one's URL is found for a test."""

from __future__ import annotations

from pathlib import Path

STORE_KINDS = ["memory"]


def store_url(kind: str, tmp_path: Path, request) -> str:
    if kind == "memory":
        return "memory://"
    raise AssertionError(f"no store of kind {kind!r}")
