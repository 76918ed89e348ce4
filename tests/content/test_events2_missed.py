"""Repeats: a class missed on each of its days in one week says something different each time
(Fenn's "you were not there" after every missed lecture was one of the playtest's repeats)."""

from __future__ import annotations

import pytest

from elysium.engine import Game
from elysium.state import calendar


def _missed_on(course_id: str, day: int) -> str:
    game = Game.new(seed=1)
    game.opening()
    course = game.content.classes[course_id]
    game.state.update(time=(day - 1) * calendar.MINUTES_PER_DAY + course.end - 5, location="dormitory_loft")
    said = game.turn("wait 10 minutes")
    assert game.state["counters"].get("classes_missed") == 1
    return said


@pytest.mark.parametrize("course_id", ["music_theory", "bardic_history", "storytelling", "poetry", "performance"])
def test_a_week_of_missed_sessions_never_says_the_same_thing_twice(course_id):
    game = Game.new(seed=1)
    days = [day for day in range(1, 8)
            if calendar.weekday_of((day - 1) * calendar.MINUTES_PER_DAY, game.content.game.days)
            in game.content.classes[course_id].days]
    said = [_missed_on(course_id, day) for day in days]
    assert len(days) >= 2
    assert len(set(said)) == len(said)
