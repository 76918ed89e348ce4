"""People on their rounds: a schedule's entries may keep to certain days of the week."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.engine import Game
from elysium.state import calendar

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"
DAY = calendar.MINUTES_PER_DAY

# The maestra teaches in the practice hall; on Seconddays she spends the afternoon in the chapel,
# and on Thirddays she comes in late, at eleven. (The fixture's term is three days long.)
ROUNDS = """\
    patch:
      npcs:
        maestra:
          schedule:
            - {at: "09:00", room: practice_hall, days: [Firstday, Secondday]}
            - {at: "11:00", room: practice_hall, days: [Thirdday]}
            - {at: "13:00", room: chapel, days: [secondday]}
            - {at: "18:00", room: vestibule}
"""


def with_rounds(tmp_path: Path, rounds: str = ROUNDS) -> Path:
    folder = tmp_path / "rounds"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: rounds\nname: Rounds\nversion: 1.0.0\n")
    (folder / "rounds.yaml").write_text(textwrap.dedent(rounds))
    return folder


def where_at(game: Game, day: int, clock: str) -> str:
    hours, minutes = map(int, clock.split(":"))
    target = (day - 1) * DAY + hours * 60 + minutes
    while game.state["time"] < target:
        game.turn(f"wait {min(60, target - game.state['time'])}")
        assert game.errors == []
    assert game.state["time"] == target
    return game.state["npcs"]["maestra"]["at"]


def test_entries_for_some_days_count_only_on_those_days(tmp_path: Path) -> None:
    game = Game.from_content(load_content(FIXTURE, (with_rounds(tmp_path),)), 1)
    assert game.content.npcs["maestra"].schedule[2] == (13 * 60, "chapel", ("secondday",))
    assert where_at(game, 1, "13:30") == "practice_hall"   # the first day: no chapel
    assert where_at(game, 1, "18:30") == "vestibule"       # every day
    assert where_at(game, 2, "09:30") == "practice_hall"
    assert where_at(game, 2, "13:30") == "chapel"          # the second day's afternoon
    assert where_at(game, 2, "18:30") == "vestibule"
    assert where_at(game, 3, "10:30") == "vestibule"       # still where last evening left her
    assert where_at(game, 3, "11:30") == "practice_hall"


def test_a_schedule_day_that_the_game_does_not_have_is_an_error_where_it_is_written(tmp_path: Path) -> None:
    """In the mod's own file, at the day itself: not at the person the game defined."""
    rounds = ROUNDS.replace("days: [secondday]", "days: [Tuesday, Secondy]")
    with pytest.raises(ContentError) as caught:
        load_content(FIXTURE, (with_rounds(tmp_path, rounds),))
    assert [str(problem).split("rounds/", 1)[1] for problem in caught.value.problems] == [
        "rounds.yaml:7:46: error: 'Tuesday' is not one of the game's days",
        "rounds.yaml:7:55: error: 'Secondy' is not one of the game's days (did you mean 'Secondday'?)",
    ]


def test_on_a_day_no_entry_is_for_someone_stays_where_they_are(tmp_path: Path) -> None:
    rounds = """\
        patch:
          npcs:
            maestra:
              schedule:
                - {at: "10:00", room: chapel, days: [Thirdday]}
    """
    game = Game.from_content(load_content(FIXTURE, (with_rounds(tmp_path, rounds),)), 1)
    assert where_at(game, 1, "10:30") == "practice_hall"
    assert where_at(game, 3, "09:30") == "practice_hall"
    assert where_at(game, 3, "10:30") == "chapel"
