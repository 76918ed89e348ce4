"""Fixtures for the transcript tests: a scratch folder, a file writer and a runner.

Every test works in its own temporary folder (also the current directory, so the
runner's relative paths are predictable). No .regtest file lives in this folder:
the pytest plugin would collect it and play it against the real engine.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest

from elysium.transcript import run_paths
from transcript_fakes import FakeGame


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(workdir: Path):
    """write(name, text) creates a file under workdir from dedented text."""

    def write(name: str, text: str) -> Path:
        path = workdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return Path(name)

    return write


@pytest.fixture
def run(workdir: Path):
    """run(*paths, **options) runs transcripts on FakeGame; returns (exit code, printed text)."""

    def run(*paths: str | Path, **options) -> tuple[int, str]:
        options.setdefault("game_factory", FakeGame.new)
        out = io.StringIO()
        code = run_paths([Path(path) for path in paths], out, **options)
        return code, out.getvalue()

    return run
