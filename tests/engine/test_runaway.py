"""Content cannot hang the game: what one command sets off is bounded, and when content runs away
the player is told in the game's own words, the log names the content, and play goes on.

The content here is the fixture world with loops put in after loading, as content that validation
would reject (or that hides its loop behind a condition) reaches the engine when it is not checked.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import pytest

from elysium import engine
from elysium.content import load_content
from elysium.content.model import Content, Rule, Timer
from elysium.content.schema import MAX_WAIT
from elysium.engine import RUNAWAY, Game

from engine_walks import FIXTURE_WORLD, carousel_mod

FIXTURE = load_content(FIXTURE_WORLD)


def changed(content: Content = FIXTURE, on_enter: dict[str, tuple] | None = None, rules: tuple[Rule, ...] = (),
            timers: tuple[Timer, ...] = (), **game: Any) -> Content:
    """The content with rooms' on_enter effects, further rules and timers, and game fields replaced
    (the indexes are built afresh, so the shared fixture is never touched)."""
    rooms = {room_id: dataclasses.replace(room, on_enter=(on_enter or {}).get(room_id, room.on_enter))
             for room_id, room in content.rooms.items()}
    return dataclasses.replace(
        content, rooms=rooms, rules={**content.rules, **{rule.id: rule for rule in rules}},
        timers={**content.timers, **{timer.id: timer for timer in timers}},
        game=dataclasses.replace(content.game, **game), rules_by_verb={}, rules_by_target={},
        doors_by_room={}, schedule_times=[], origins={})


def play(content: Content) -> Game:
    game = Game.from_content(content, seed=1)
    game.opening()
    return game


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and r.name == "elysium.engine"]


def test_a_room_whose_arrival_sends_you_into_it_again_stops_and_you_can_leave(caplog) -> None:
    game = play(changed(on_enter={"cloakroom": ({"go": "cloakroom"},)}))
    turn = game.state["turn"]

    reply = game.turn("east")

    assert reply == RUNAWAY
    assert game.state["location"] == "cloakroom"  # kept as far as it got
    assert game.state["turn"] == turn + 1
    assert any("the on_enter of room 'cloakroom'" in message and "events in a row" in message
               for message in warnings(caplog))
    assert game.turn("west").startswith("Vestibule")  # the way out still works
    assert game.turn("undo") == "You take back your last move. (Cloakroom)"
    assert game.turn("undo") == "You take back your last move. (Vestibule)"
    assert game.turn("look").startswith("Vestibule")
    assert game.errors == []


def test_the_log_names_the_file_the_runaway_content_is_written_in(tmp_path, caplog) -> None:
    mod = carousel_mod(tmp_path)
    game = Game.new(FIXTURE_WORLD, seed=1, mods=(mod,))

    assert game.turn("west") == RUNAWAY
    assert any("the on_enter of room 'carousel:carousel'" in message and "rooms.yaml" in message
               for message in warnings(caplog))


def test_two_rooms_that_send_you_to_each_other_stop_and_undo_takes_it_back(caplog) -> None:
    game = play(changed(on_enter={"practice_hall": ({"go": "chapel"},), "chapel": ({"go": "practice_hall"},)}))

    assert game.turn("north") == RUNAWAY
    assert game.state["location"] in ("practice_hall", "chapel")
    assert any("the on_enter of room" in message for message in warnings(caplog))
    assert game.turn("undo") == "You take back your last move. (Vestibule)"
    assert game.state["location"] == "vestibule"
    assert game.turn("east").startswith("Cloakroom")  # the next command works as ever


def test_an_arrive_rule_whose_loop_only_a_condition_hides_stops_too(caplog) -> None:
    # Validation cannot know that the flag is never set: the loop shows itself only in play.
    again = Rule("enter_again", ("arrive",), where="cloakroom", condition={"not": {"flag": "never_set"}},
                 effects=({"say": "The door swings you round."}, {"go": "cloakroom"}))
    game = play(changed(rules=(again,)))

    assert game.turn("east") == RUNAWAY
    assert any("rule 'enter_again'" in message for message in warnings(caplog))
    assert game.turn("west").startswith("Vestibule")


def test_a_turn_rule_that_runs_away_keeps_each_command_and_play_goes_on(caplog) -> None:
    # Rewinding would take back every command for ever; kept, each command still happens.
    every_turn = Rule("whirl", ("turn",), effects=({"go": "cloakroom"},))
    game = play(changed(on_enter={"cloakroom": ({"go": "cloakroom"},)}, rules=(every_turn,)))

    reply = game.turn("read slate")

    assert "The slate" in reply or "slate" in reply.lower()
    assert reply.endswith(RUNAWAY)
    assert game.state["turn"] == 1
    second = game.turn("look")
    assert second.startswith("Cloakroom") and second.endswith(RUNAWAY)
    assert game.state["turn"] == 2
    assert game.turn("undo").startswith("You take back your last move.")
    assert game.state["turn"] == 1


def test_timers_that_keep_a_wait_going_for_ever_are_stopped_by_the_allowance(caplog) -> None:
    # A daily timer that waits a day sets itself off again the next day; with a term whose end
    # ends nothing, only the command's allowance stops it.
    timers = tuple(Timer(f"tick_{n}", n * 60, effects=({"wait": 1440},)) for n in range(24))
    game = play(changed(timers=timers, term_end=()))
    started = game.state["time"]

    assert game.turn("wait 1 hour") == f"You let the time pass until 10:30.\n{RUNAWAY}"
    assert game.state["time"] > started  # the time that passed stays passed
    assert "delay" not in game.state
    assert any("allowance" in message and "the effects of timer:tick_" in message for message in warnings(caplog))
    assert game.turn("look").startswith("Vestibule")
    game.turn("undo")
    game.turn("undo")
    assert game.state["time"] == started


def test_every_transcript_plays_the_same_with_a_hundredth_of_the_allowance_and_a_tenth_of_the_chain(
        monkeypatch, caplog) -> None:
    """The Starred Blocks and the fixture world, as their transcripts play them, stay far inside
    both bounds: no command of theirs comes near what the engine allows."""
    import io

    from elysium.bus import bus
    from elysium.transcript import run_paths

    monkeypatch.setattr(engine, "COMMAND_ALLOWANCE", engine.COMMAND_ALLOWANCE // 100)
    monkeypatch.setattr(bus, "MAX_CHAIN", bus.MAX_CHAIN // 10)
    out = io.StringIO()

    assert run_paths([FIXTURE_WORLD.parents[1] / "playthroughs"], out) == 0, out.getvalue()
    assert warnings(caplog) == []


def test_a_wait_that_slipped_past_validation_lasts_a_week_at_most() -> None:
    huge = Rule("nap", ("nap",), effects=({"wait": 99_999_999_999_999},))  # in place of the fixture's nap
    content = changed(rules=(huge,), term_days=60)
    game = play(content)
    started = game.state["time"]

    game.turn("nap")

    assert game.state["time"] == started + 1 + MAX_WAIT  # the rule's minute, then the wait
    assert game.turn("look").startswith("Vestibule")


@pytest.mark.parametrize("how, minutes", [("99999999 hours", 24 * 60), ("100000", 24 * 60), ("24 hours", 24 * 60)])
def test_a_players_wait_beyond_a_day_waits_a_day_and_says_so(how: str, minutes: int) -> None:
    game = play(FIXTURE)
    started = game.state["time"]

    reply = game.turn(f"wait {how}")

    assert game.state["time"] == started + minutes
    capped = "A day is the longest you can wait at one time." in reply
    assert capped == (how != "24 hours")
