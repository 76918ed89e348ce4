"""Time the player can trust: timers that interrupt a wait (`interrupts`, docs/content.md "Timers"),
bells heard at their own minute during a longer action, WAIT UNTIL a time already past asking
first, and no wait straight through the end of term."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.engine import Game
from elysium.services.clock import passed_today, wait_minutes
from elysium.state import calendar

from docs_examples import guide_example

MANIFEST = """\
id: time_example
name: Time example
version: 1.0.0
game:
  title: Time example
  intro: Hello.
  start: {start}
  start_time: "08:00"
  term_days: 2
  features: [clock, energy, sleep]
"""
ROOMS = """\
rooms:
  dormitory:
    name: Dormitory
    description: Beds in a row.
    bed: true
    exits: {east: lecture_hall}
  lecture_hall:
    name: Lecture Hall
    description: Benches face a lectern.
    exits: {west: dormitory}
verbs:
  study: {words: [study], default: You study for half an hour., time: 30}
"""


def game_with(tmp_path: Path, timers: str, start: str = "dormitory") -> Game:
    (tmp_path / "pack.yaml").write_text(MANIFEST.format(start=start))
    (tmp_path / "rooms.yaml").write_text(ROOMS)
    (tmp_path / "timers.yaml").write_text(timers)
    game = Game.new(tmp_path)
    game.opening()
    return game


def clock(game: Game) -> str:
    return calendar.clock_text(game.state["time"])


@pytest.mark.parametrize("command", ["wait until 12:00", "wait 3 hours", "wait 200", "z until noon"])
def test_an_interrupting_timer_stops_every_kind_of_wait_at_its_minute(tmp_path, command):
    game = game_with(tmp_path, guide_example("interrupts"))
    reply = game.turn(command)
    assert clock(game) == "08:45"
    assert reply.endswith("The quarter-bell rings: the lecture is in a quarter of an hour.\n"
                          "You stop waiting: it is 08:45.")
    assert "You let the time pass" not in reply  # the wait did not get where it said it would


def test_a_condition_that_fails_lets_the_wait_run_on_past_the_timer(tmp_path):
    game = game_with(tmp_path, guide_example("interrupts"), start="lecture_hall")
    reply = game.turn("wait until 12:00")
    assert clock(game) == "12:00"
    assert "You let the time pass until 12:00.\nAt 08:45: The quarter-bell rings" in reply


@pytest.mark.parametrize(("energy", "stopped"), [(100, False), (30, True)])
def test_a_condition_on_energy_stops_only_a_tired_player(tmp_path, energy, stopped):
    game = game_with(tmp_path, guide_example("interrupts"), start="lecture_hall")
    game.turn("wait until 17:00")
    game.state["energy"] = energy
    reply = game.turn("wait until 19:00")
    assert clock(game) == ("18:00" if stopped else "19:00")
    assert reply.endswith("The dinner gong booms below.\nYou stop waiting: it is 18:00.") == stopped


def test_sleep_is_interrupted_too(tmp_path):
    game = game_with(tmp_path, "timers:\n  fire_alarm: {at: '23:30', interrupts: true, do: [{say: A bell clangs.}]}\n")
    game.turn("wait until 21:00")
    reply = game.turn("sleep")
    assert clock(game) == "23:30"
    assert reply == "A bell clangs.\nYou are awake again: it is 23:30."


def test_a_timer_that_says_nothing_does_not_interrupt(tmp_path):
    game = game_with(tmp_path, "timers:\n  quiet: {at: '09:00', interrupts: true, if: {in: lecture_hall},"
                               " do: [{say: Hush.}]}\n  silent: {at: '09:30', interrupts: true, do: [{energy: -1}]}\n")
    game.turn("wait until 11:00")
    assert clock(game) == "11:00"


def test_an_action_spanning_a_bell_hears_it_at_its_own_minute(tmp_path):
    game = game_with(tmp_path, guide_example("interrupts"))
    game.turn("wait until 8:30")
    reply = game.turn("study")
    assert reply == "You study for half an hour.\nAt 08:45: The quarter-bell rings: the lecture is in a quarter of an hour."
    assert clock(game) == "09:00"  # studying is not a wait: the bell does not cut it short


def test_a_bell_at_the_end_of_an_action_needs_no_time_given(tmp_path):
    game = game_with(tmp_path, guide_example("interrupts"))
    game.turn("wait until 8:15")
    assert game.turn("study").endswith("\nThe quarter-bell rings: the lecture is in a quarter of an hour.")


def test_interrupts_must_be_true_false_or_a_condition(tmp_path):
    with pytest.raises(ContentError, match="'interrupts' in timer 'bell' must be true, false or a condition, not a number"):
        game_with(tmp_path, "timers:\n  bell: {at: '09:00', interrupts: 3, do: [{say: Ding.}]}\n")


def test_the_guide_example_loads_without_warnings(tmp_path):
    game_with(tmp_path, guide_example("interrupts"))
    assert load_content(tmp_path).warnings == ()


def test_wait_until_a_time_just_past_asks_and_yes_waits_until_tomorrow(tmp_path):
    game = game_with(tmp_path, "timers: {}\n")
    game.turn("wait until 9:08")
    assert game.turn("wait until 9:00") == "It is already 09:08. Wait until 09:00 tomorrow? (YES or NO)"
    assert clock(game) == "09:08"
    assert game.turn("yes") == "You let the time pass until 09:00 on Tideday."
    assert game.state["time"] == 2 * calendar.MINUTES_PER_DAY - 15 * 60


def test_no_or_any_other_command_leaves_the_question_unanswered(tmp_path):
    game = game_with(tmp_path, "timers: {}\n")
    game.turn("wait until 9:08")
    game.turn("wait until 9:00")
    assert game.turn("no") == "Nothing is changed."
    assert clock(game) == "09:08"
    game.turn("wait until 9:00")
    assert game.turn("look").startswith("Dormitory")
    assert game.turn("yes") != "You let the time pass until 09:00 on Tideday."
    assert calendar.day_of(game.state["time"]) == 1


def test_a_wait_never_runs_straight_through_the_end_of_term(tmp_path):
    game = game_with(tmp_path, "timers: {}\n")
    game.turn("wait until 20:00")
    game.turn("wait 24 hours")
    assert game.turn("wait 24 hours") == "You stop waiting at 23:59, with the end so close. (WAIT again to go on.)"
    assert game.state["ending"] is None
    game.turn("wait")
    assert game.state["time"] == 2 * calendar.MINUTES_PER_DAY + 4  # WAIT again goes on, past the end


@pytest.mark.parametrize(("how", "now", "asked"), [
    ("until 9:00", "09:08", "09:00"), ("until 7:00", "07:31", "07:00"), ("9:00", "09:08", "09:00"),
    ("until noon", "14:00", "12:00"), ("until 9:00", "09:00", None), ("until 9:00", "08:59", None),
    ("until 7:00", "23:00", None), ("until 9:00 tomorrow", "09:08", None), ("20", "09:08", None),
])
def test_which_waits_ask_first(how, now, asked):
    minute = int(now[:2]) * 60 + int(now[3:])
    found = passed_today(how, minute)
    assert (None if found is None else calendar.clock_text(found)) == asked


def test_tomorrow_is_the_next_day_of_the_calendar():
    assert wait_minutes("until 9:00 tomorrow", 9 * 60 + 8) == 24 * 60 - 8
    assert wait_minutes("until 7:00 tomorrow", 23 * 60) == 8 * 60
    assert wait_minutes("until 9 tomorrow", 8 * 60) == 25 * 60
    assert wait_minutes("tomorrow", 8 * 60) is None


def test_a_game_without_the_clock_stops_the_wait_without_telling_the_time(tmp_path):
    manifest = MANIFEST.format(start="dormitory")
    for campus_line in ("  term_days: 2\n", "  features: [clock, energy, sleep]\n"):
        manifest = manifest.replace(campus_line, "")
    (tmp_path / "pack.yaml").write_text(manifest)
    (tmp_path / "rooms.yaml").write_text(ROOMS.replace("    bed: true\n", ""))
    (tmp_path / "timers.yaml").write_text("timers:\n  knock: {at: '08:10', interrupts: true, do: [{say: A knock.}]}\n")
    game = Game.new(tmp_path)
    game.opening()
    assert game.turn("wait 30") == "A knock.\nYou stop waiting."
    assert game.state["time"] == 8 * 60 + 10


def test_the_question_ends_the_line_so_that_yes_answers_it(tmp_path):
    game = game_with(tmp_path, "timers: {}\n")
    game.turn("wait until 9:08")
    reply = game.turn("wait until 9:00. east")
    assert reply == "It is already 09:08. Wait until 09:00 tomorrow? (YES or NO)"
    assert game.state["location"] == "dormitory"
