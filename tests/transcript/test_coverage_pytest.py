"""The pytest plugin gathers content coverage over the regtest items it ran and ends pytest's
summary with the campus's figure, a line per kind. Run in a separate pytest process on a scratch
folder, as test_transcript_pytest_plugin.py does, with the real engine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from elysium.content import load_content
from elysium.transcript.coverage import all_ids

ROOT = Path(__file__).resolve().parents[2]


def run_pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONPATH=str(ROOT))
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-p", "elysium.pytest_plugin", "-p", "no:cacheprovider", "-q"]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_the_summary_ends_with_the_campus_coverage_a_line_per_kind(tmp_path):
    (tmp_path / "campus.regtest").write_text(
        "* opening\nThe Gatehouse\n* east\n> east\n{state} location == porters_lodge\n", encoding="utf-8")
    (tmp_path / "house.regtest").write_text(  # another game: played, but not in the campus's figure
        f"** content: {ROOT / 'tests/fixtures/coverage'}\n* opening\nPorch\n", encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    totals = {kind: len(ids) for kind, ids in all_ids(load_content()).items()}
    total = sum(totals.values())
    lines = result.stdout.splitlines()
    summary = lines[[line.strip("- ") for line in lines].index("content coverage"):]
    assert summary[0].startswith("-")
    touched = {"rooms": 2}  # the gatehouse, where the game starts, and the porters' lodge
    figures = [f"content coverage of Starred Blocks (2 transcript tests): 2/{total} ({100 * 2 / total:.1f}%)"]
    for kind, heading in (("rooms", "rooms entered"), ("items", "items examined"), ("rules", "rules fired"),
                          ("topics", "topics asked"), ("lore", "lore learned"), ("timers", "timers fired"),
                          ("endings", "endings reached")):
        count = touched.get(kind, 0)
        share = 100 * count / totals[kind] if totals[kind] else 100.0
        figures.append(f"  {heading:15} {count:4}/{totals[kind]:<4} {share:5.1f}%")
    assert summary[1:9] == figures
    assert "The Bell House" not in result.stdout


def test_no_coverage_is_shown_when_no_campus_transcript_ran(tmp_path):
    (tmp_path / "house.regtest").write_text(
        f"** content: {ROOT / 'tests/fixtures/coverage'}\n* opening\nPorch\n", encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "content coverage" not in result.stdout
