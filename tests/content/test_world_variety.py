"""The texts a student meets day after day do not repeat within a week (issue 14 §4; the playtest's
"Tedium": class, meal and menu texts). Each text is read as the campus would show it on every
day of the 21-day term; a class's text at every skill it could have by then, so that however a
player's skill has grown, no two sessions of a class seven days apart or less read alike. The
docs/content.md examples of the way it is done ("A text for each day", "Things that come and go")
load and play as the guide says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from elysium.content import load_content
from elysium.content.model import parse_time
from elysium.engine import Game
from elysium.state import calendar
from elysium.state.conditions import render
from elysium.state.store import initial_state

from docs_examples import guide_example

WEEK = 7
ALL_SKILLS = range(0, 101)


@pytest.fixture(scope="module")
def content():
    return load_content()


def term_days(content) -> range:
    return range(1, content.game.term_days + 1)


def read(text: Any, content, day: int, clock: str, skills: dict[str, int] | None = None) -> str:
    state = initial_state(content, seed=1)
    state["time"] = (day - 1) * calendar.MINUTES_PER_DAY + parse_time(clock)
    state["skills"].update(skills or {})
    return render(text, state, content)


def repeats_within_a_week(shown: dict[int, set[str]]) -> list[tuple[int, int, str]]:
    """(day, later day, text) for every text that can be shown on two days less than a week apart."""
    found = []
    for day, texts in shown.items():
        for later in range(day + 1, day + WEEK):
            for text in texts & shown.get(later, set()):
                found.append((day, later, text[:60]))
    return found


def said(rule) -> Any:
    return next(effect["say"] for effect in rule.effects if "say" in effect)


@pytest.mark.parametrize("course", ["music_theory", "bardic_history", "storytelling", "poetry", "performance"])
def test_no_class_text_repeats_within_a_week_whatever_the_skill(content, course):
    school_class = content.classes[course]
    clock = calendar.clock_text(school_class.start)
    shown = {}
    for day in term_days(content):
        weekday = calendar.weekday_of((day - 1) * calendar.MINUTES_PER_DAY, content.game.days)
        if weekday in school_class.days:
            shown[day] = {read(school_class.text, content, day, clock, {school_class.skill: skill})
                          for skill in ALL_SKILLS}
    assert len(shown) == 3 * len(school_class.days)  # every session of the term was read
    assert repeats_within_a_week(shown) == []


@pytest.mark.parametrize(("meal", "clock"), [("eat_breakfast", "07:30"), ("eat_lunch", "12:30"),
                                             ("eat_supper", "18:30")])
def test_no_meal_text_repeats_within_a_week(content, meal, clock):
    shown = {day: {read(said(content.rules[meal]), content, day, clock)} for day in term_days(content)}
    assert repeats_within_a_week(shown) == []


def test_the_menu_board_changes_every_day_of_the_week(content):
    board = content.items["menu_board"]
    shown = {day: {read(board.text, content, day, "10:00")} for day in term_days(content)}
    assert repeats_within_a_week(shown) == []


def test_the_menu_board_names_the_supper_that_is_served(content):
    board, supper = content.items["menu_board"], said(content.rules["eat_supper"])
    for day in term_days(content)[:WEEK]:
        menu = read(board.text, content, day, "18:30")
        served = read(supper, content, day, "18:30").lower()
        dishes = menu.split("SUPPER", 1)[1].split("\n\n", 1)[0]
        first_dish = dishes.split("today:", 1)[1].split(",")[0].split(" or ")[0].strip().lower()
        assert first_dish in served, (day, first_dish)


MANIFEST = """\
id: docs_example
name: Docs example
version: 1.0.0
game:
  title: Docs example
  intro: Hello.
  start: foyer
  features: [clock]
"""


def docs_pack(tmp_path: Path, name: str, *more: str) -> Path:
    """A game of the ```yaml block of docs/content.md whose first line is `# docs example: NAME`."""
    text = guide_example(name)
    (tmp_path / "pack.yaml").write_text(MANIFEST)
    (tmp_path / "example.yaml").write_text(text + "".join(more))
    return tmp_path


def test_the_docs_example_of_a_text_for_each_day_never_repeats_within_a_week(tmp_path):
    folder = docs_pack(tmp_path, "a text for each day", "rooms:\n  foyer: {name: Foyer, description: A foyer.}\n")
    example = load_content(folder)
    assert example.warnings == ()
    board = example.items["menu_board"]
    shown = {day: {read(board.text, example, day, "10:00")} for day in range(1, 22)}
    assert repeats_within_a_week(shown) == []
    assert len({text for texts in shown.values() for text in texts}) == WEEK


def test_the_docs_example_of_things_that_come_and_go_plays(tmp_path):
    folder = docs_pack(tmp_path, "things that come and go")
    assert load_content(folder).warnings == ()
    game = Game.new(folder)
    game.opening()
    assert "can't see" in game.turn("x rain")
    assert "Rain begins to fall." in game.turn("wait until 13:30")
    assert "Rain is falling on the court" in game.turn("look")
    assert game.turn("x rain") == "A soft, steady rain, grey as pewter."
    game.turn("wait until 19:30")
    assert "The court is dry" in game.turn("look")
    assert "can't see" in game.turn("x rain")
