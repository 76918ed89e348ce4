"""`elysium test --coverage [--fail-under N] [--coverage-json FILE]`: the printed report, the JSON
file and the exit status, on tests/playthroughs/coverage (10 of 18 ids touched: 55.6%)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from elysium.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAYED = "tests/playthroughs/coverage"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_coverage_prints_the_report_after_the_results(capsys):
    assert main(["test", "--coverage", PLAYED]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 passed, 0 failed\n\n"
                          "Content coverage of The Bell House (tests/fixtures/coverage), 3 tests\n")
    assert "rooms never entered (1):\n  tests/fixtures/coverage/world.yaml:15:3: attic\n" in out
    assert out.endswith("content coverage: 10 of 18 (55.6%) overall\n")


def test_without_coverage_nothing_is_reported(capsys):
    assert main(["test", PLAYED]) == 0
    assert capsys.readouterr().out == "3 passed, 0 failed\n"


@pytest.mark.parametrize("under, status", [("0", 0), ("55", 0), ("55.6", 0), ("55.7", 1), ("100", 1)])
def test_fail_under_judges_the_overall_figure_as_printed(capsys, under, status):
    assert main(["test", "--fail-under", under, PLAYED]) == status
    out = capsys.readouterr().out
    assert "Content coverage of The Bell House" in out  # --fail-under implies --coverage
    said = f"content coverage 55.6% is under --fail-under {float(under):g}%"
    assert (said in out) == bool(status)


@pytest.mark.parametrize("under", ["101", "-1", "most"])
def test_fail_under_needs_a_percentage(capsys, under):
    with pytest.raises(SystemExit) as stopped:
        main(["test", "--fail-under", under, PLAYED])
    assert stopped.value.code == 2
    assert f"needs a percentage from 0 to 100, not {under!r}" in capsys.readouterr().err


def test_a_failing_test_fails_the_run_whatever_the_coverage(tmp_path, capsys):
    failing = tmp_path / "failing.regtest"
    failing.write_text(f"** content: {ROOT / 'tests/fixtures/coverage'}\n* wrong\n> north\nAttic\n", encoding="utf-8")
    assert main(["test", "--coverage", "--fail-under", "0", str(failing)]) == 1
    assert "0 passed, 1 failed" in capsys.readouterr().out


def test_coverage_json_writes_the_report_as_data(tmp_path, capsys):
    target = tmp_path / "coverage.json"
    assert main(["test", "--coverage-json", str(target), PLAYED]) == 0
    assert f"wrote {target}" in capsys.readouterr().out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["overall"] == {"touched": 10, "total": 18, "percent": 55.6}
    (game,) = data["games"]
    assert game["kinds"]["endings"] == {"touched": 1, "total": 2, "percent": 50.0, "touched_ids": ["rang_out"],
                                        "untouched": [{"id": "gave_up",
                                                       "at": "tests/fixtures/coverage/world.yaml:99:3"}]}


def test_a_json_file_that_cannot_be_written_is_said_and_fails_the_run(tmp_path, capsys):
    target = tmp_path / "no such folder" / "coverage.json"
    assert main(["test", "--coverage-json", str(target), PLAYED]) == 1
    assert "coverage.json: cannot write the coverage report" in capsys.readouterr().out


def test_fail_under_with_no_game_played_fails(tmp_path, capsys):
    assert main(["test", "--fail-under", "0", str(tmp_path / "missing")]) == 1
    assert "content coverage: no game was played" in capsys.readouterr().out
