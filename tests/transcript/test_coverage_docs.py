"""The `elysium test --coverage` section of docs/modding.md shows what the command really prints
and writes, on tests/playthroughs/coverage, so the guide cannot drift from it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from elysium.transcript import run_paths
from elysium.transcript.coverage import ContentCoverage
from elysium.transcript.coverage_report import as_json, figures, report

ROOT = Path(__file__).resolve().parents[2]
PLAYED = Path("tests/playthroughs/coverage")


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def section() -> str:
    guide = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")
    start = guide.index("\n## elysium test --coverage\n")
    end = guide.find("\n## ", start + 1)
    return guide[start:end if end > 0 else None]


def blocks(language: str) -> list[str]:
    """The text of each fenced block of the section written in `language` ("" for none)."""
    found, body, open_as = [], [], None
    for line in section().splitlines():
        if line.startswith("```"):
            if open_as is None:
                open_as, body = line[3:].strip(), []
            else:
                if open_as == language:
                    found.append("".join(f"{text}\n" for text in body))
                open_as = None
        elif open_as is not None:
            body.append(line)
    return found


def test_the_guide_shows_the_report_the_command_prints():
    coverage, out = ContentCoverage(), io.StringIO()
    assert run_paths([PLAYED], out, coverage=coverage) == 0
    printed = f"{out.getvalue()}\n{report(figures(coverage))}\n"
    assert f"```sh\nelysium test --coverage {PLAYED.as_posix()}\n```" in section()
    assert printed in blocks("")


def test_the_guide_shows_the_json_the_command_writes_with_two_kinds():
    coverage = ContentCoverage()
    run_paths([PLAYED / "key.regtest"], io.StringIO(), coverage=coverage)
    written = as_json(figures(coverage))
    (shown,) = [json.loads(block) for block in blocks("json")]
    written["games"][0]["kinds"] = {kind: written["games"][0]["kinds"][kind] for kind in ("rooms", "endings")}
    assert shown == written
