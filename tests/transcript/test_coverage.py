"""Content coverage of the small pack tests/fixtures/coverage, played by the transcripts in
tests/playthroughs/coverage (which touch a known part of it: see their comments).

Run from the project root, so positions read as a modder sees them (tests/fixtures/...).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from elysium.transcript import run_paths
from elysium.transcript.coverage import ContentCoverage
from elysium.transcript.coverage_report import as_json, figures, report

ROOT = Path(__file__).resolve().parents[2]
PLAYED = Path("tests/playthroughs/coverage")
WORLD = "tests/fixtures/coverage/world.yaml"

TOUCHED = {
    "rooms": ["porch", "hall"],
    "items": ["hall__scenery1", "bell"],  # in content order: a room's scenery comes with the room
    "rules": ["key__rule1", "ring_bell"],
    "topics": ["keeper:bell"],
    "lore": ["bell_lore"],
    "timers": ["half_past"],
    "endings": ["rang_out"],
}
UNTOUCHED = {
    "rooms": [("attic", f"{WORLD}:15:3")],
    "items": [("key", f"{WORLD}:29:3"), ("map", f"{WORLD}:39:3")],
    "rules": [("climb", f"{WORLD}:78:3")],
    "topics": [("keeper:attic", f"{WORLD}:57:7")],
    "lore": [("attic_lore", f"{WORLD}:67:3")],
    "timers": [("evening", f"{WORLD}:89:3")],
    "endings": [("gave_up", f"{WORLD}:99:3")],
}


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def played(*paths: Path) -> tuple[int, ContentCoverage, str]:
    coverage = ContentCoverage()
    out = io.StringIO()
    status = run_paths(list(paths), out, coverage=coverage)
    return status, coverage, out.getvalue()


def test_each_kind_counts_what_the_transcripts_played_and_names_the_rest_where_written(at_root):
    status, coverage, out = played(PLAYED)
    assert status == 0, out
    (game,) = figures(coverage)
    assert game.title == "The Bell House" and game.folder == "tests/fixtures/coverage" and game.tests == 3
    assert {kind.kind: list(kind.touched) for kind in game.kinds} == TOUCHED
    assert {kind.kind: list(kind.untouched) for kind in game.kinds} == UNTOUCHED
    assert {kind.kind: kind.total for kind in game.kinds} == {
        "rooms": 3, "items": 4, "rules": 3, "topics": 2, "lore": 2, "timers": 2, "endings": 2}
    assert (game.touched, game.total) == (10, 18)


def test_taking_a_thing_is_not_examining_it_though_its_rule_fires(at_root):
    _, coverage, _ = played(PLAYED / "key.regtest")
    (game,) = figures(coverage, positions=False)
    kinds = {kind.kind: kind for kind in game.kinds}
    assert kinds["items"].touched == ()
    assert kinds["rules"].touched == ("key__rule1",)
    assert kinds["rooms"].touched == ("porch",)  # where the player starts counts as entered


def test_the_report_is_a_table_per_game_then_the_untouched_ids_at_file_line_col(at_root):
    _, coverage, _ = played(PLAYED)
    text = report(figures(coverage))
    assert text.splitlines()[:10] == [
        "Content coverage of The Bell House (tests/fixtures/coverage), 3 tests",
        "                   touched  total  percent",
        "  rooms entered          2      3    66.7%",
        "  items examined         2      4    50.0%",
        "  rules fired            2      3    66.7%",
        "  topics asked           1      2    50.0%",
        "  lore learned           1      2    50.0%",
        "  timers fired           1      2    50.0%",
        "  endings reached        1      2    50.0%",
        "  all                   10     18    55.6%",
    ]
    assert f"items never examined (2):\n  {WORLD}:29:3: key\n  {WORLD}:39:3: map\n" in text
    assert f"topics never asked (1):\n  {WORLD}:57:7: keeper:attic\n" in text
    assert text.endswith("\n\ncontent coverage: 10 of 18 (55.6%) overall")


def test_the_json_report_has_the_documented_shape(at_root):
    _, coverage, _ = played(PLAYED / "key.regtest")
    data = as_json(figures(coverage))
    assert data["overall"] == {"touched": 2, "total": 18, "percent": 11.1}
    (game,) = data["games"]
    assert {k: game[k] for k in ("title", "pack", "folder", "mods", "tests", "overall")} == {
        "title": "The Bell House", "pack": "coverage_house", "folder": "tests/fixtures/coverage", "mods": [],
        "tests": 1, "overall": {"touched": 2, "total": 18, "percent": 11.1}}
    assert list(game["kinds"]) == ["rooms", "items", "rules", "topics", "lore", "timers", "endings"]
    assert game["kinds"]["rooms"] == {
        "touched": 1, "total": 3, "percent": 33.3, "touched_ids": ["porch"],
        "untouched": [{"id": "hall", "at": f"{WORLD}:7:3"}, {"id": "attic", "at": f"{WORLD}:15:3"}]}


def test_several_games_are_reported_apart_and_overall_counts_every_id_of_them(at_root, tmp_path):
    campus_test = tmp_path / "campus.regtest"
    campus_test.write_text("* opening\nThe Gatehouse\n", encoding="utf-8")
    _, coverage, _ = played(PLAYED / "key.regtest", campus_test)
    games = figures(coverage, positions=False)
    assert [game.pack for game in games] == ["coverage_house", "starred_blocks"]
    touched = sum(game.touched for game in games)
    total = sum(game.total for game in games)
    assert as_json(games)["overall"] == {"touched": touched, "total": total,
                                         "percent": round(100 * touched / total, 1)}


def test_a_run_without_coverage_leaves_the_bus_untraced(at_root):
    """Off, coverage costs a turn nothing: no tracer is set, so no delivery is even described."""
    from elysium.transcript.parser import parse_transcript
    from elysium.transcript.runner import default_game_factory, run_test

    games = []

    def factory(**kwargs):
        games.append(default_game_factory(**kwargs))
        return games[-1]

    transcript = parse_transcript(PLAYED / "house.regtest")
    assert run_test(transcript, transcript.tests[0], factory).passed
    assert games[0].bus.tracer is None
    assert run_test(transcript, transcript.tests[0], factory, ContentCoverage()).passed
    assert games[1].bus.tracer is not None


def test_a_game_without_a_bus_is_not_watched_and_does_not_fail():
    class Fake:
        pass

    coverage = ContentCoverage()
    coverage.watch(Fake(), Path("anywhere"))
    assert coverage.games == {}
