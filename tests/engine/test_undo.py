"""UNDO: one step back to exactly the state before the last move, deep enough, and politely."""

from __future__ import annotations

import itertools

import pytest

from elysium.state.store import copy_state

from engine_walks import DEFAULT_WALK, FIXTURE_WALK, default_game, fixture_game

WALKS = {
    "fixture world": (fixture_game, FIXTURE_WALK),
    "default pack": (default_game, DEFAULT_WALK),
}


@pytest.mark.parametrize("name", WALKS)
def test_undo_restores_the_state_before_the_last_move_exactly(name: str) -> None:
    """After every command that made an undo point: undo gives back the snapshot taken just before
    it, and playing the command again gives the same reply and the same state as the first time."""
    new_game, walk = WALKS[name]
    game = new_game()
    game.opening()
    undo_points = 0
    for command in walk:
        if command == "undo":
            continue
        snapshot = copy_state(game.state)
        depth = len(game.history)
        reply = game.turn(command)
        after = copy_state(game.state)
        if len(game.history) == depth:
            continue  # no undo point (a question, a meta command, a misunderstanding)
        assert len(game.history) == depth + 1
        undo_points += 1
        undo_reply = game.turn("undo")
        assert "take back" in undo_reply.lower()
        assert game.state == snapshot, f"undo after {command!r} did not restore the state"
        assert len(game.history) == depth
        assert game.turn(command) == reply, f"{command!r} replayed after undo answered differently"
        assert game.state == after
    assert undo_points >= 25
    assert game.errors == []


def test_undo_restores_the_turn_counter_clock_rng_and_pronouns() -> None:
    game = fixture_game()
    game.opening()
    game.turn("open chest")
    game.turn("take key")
    snapshot = copy_state(game.state)
    game.turn("sing. x it. wait 30 minutes")
    assert game.state["time"] != snapshot["time"]
    game.turn("undo")
    for key in ("turn", "time", "rng", "pronouns", "last_command", "counters", "items"):
        assert game.state[key] == snapshot[key], key
    assert game.state == snapshot


# Sixty commands, each of which changes the state (at the very least the clock and the turn).
STATE_CHANGING = tuple(itertools.islice(itertools.cycle((
    "take lantern", "drop lantern", "look", "n", "s", "e", "w", "x chest", "open chest",
    "close chest", "wait", "pull lever", "read slate", "take beads", "drop beads", "sing",
)), 60))


def test_undo_works_fifty_turns_deep() -> None:
    game = fixture_game()
    game.opening()
    states = [copy_state(game.state)]
    for command in STATE_CHANGING:
        depth = len(game.history)
        game.turn(command)
        assert len(game.history) == depth + 1, f"{command!r} made no undo point"
        assert game.state != states[-1], f"{command!r} changed nothing"
        states.append(copy_state(game.state))
    assert len(states) == 61
    for step in range(50):
        reply = game.turn("undo")
        assert "take back" in reply.lower(), f"undo number {step + 1} refused: {reply!r}"
        assert game.state == states[59 - step]
    assert game.state == states[10]  # the state after command 10
    assert game.errors == []


@pytest.mark.parametrize("name", WALKS)
def test_undo_with_no_history_is_polite(name: str) -> None:
    new_game, _ = WALKS[name]
    game = new_game()
    game.opening()
    snapshot = copy_state(game.state)
    reply = game.turn("undo")
    assert isinstance(reply, str) and reply.strip()
    assert "nothing to undo" in reply.lower()
    assert "error" not in reply.lower()
    assert game.state == snapshot
    # Still polite after undoing everything there was.
    game.turn("look")
    assert "take back" in game.turn("undo").lower()
    assert "nothing to undo" in game.turn("undo").lower()
    assert game.state == snapshot
    assert game.errors == []


@pytest.mark.parametrize("line", [
    "xyzzy",                # an unknown verb
    "take frobozz",         # an unknown noun
    "x the blorple chest",  # an unknown word in a phrase
    "take",                 # a verb with its object missing
    "put lantern",          # a verb with its second object missing
])
def test_a_failed_parse_makes_no_undo_point(line: str) -> None:
    game = fixture_game()
    game.opening()
    before_take = copy_state(game.state)
    game.turn("take lantern")
    after_take = copy_state(game.state)
    depth = len(game.history)

    reply = game.turn(line)
    assert reply.strip()
    assert len(game.history) == depth
    assert game.state["time"] == after_take["time"]
    assert game.state["turn"] == after_take["turn"]

    # UNDO now takes back the take, not the misunderstanding.
    game.turn("undo")
    assert game.state == before_take
    assert game.state["items"]["lantern"]["at"] == "vestibule"
    assert game.errors == []


def test_two_undos_on_one_line_step_back_twice() -> None:
    game = fixture_game()
    game.opening()
    start = copy_state(game.state)
    game.turn("take lantern")
    game.turn("open chest")
    reply = game.turn("undo. undo")
    assert reply.lower().count("take back") == 2
    assert game.state == start
    assert "nothing to undo" in game.turn("undo").lower()



def test_undo_after_a_move_on_the_same_line_takes_back_that_move() -> None:
    game = fixture_game()
    game.opening()
    start = copy_state(game.state)
    game.turn("take lantern")
    after_take = copy_state(game.state)

    game.turn("open chest then undo")
    assert game.state == after_take  # only the chest opening is taken back
    game.turn("undo")
    assert game.state == start


def test_undo_before_a_move_on_the_same_line_stays_undone() -> None:
    game = fixture_game()
    game.opening()
    game.turn("take lantern")
    game.turn("open chest")

    game.turn("undo then look")
    after_line = copy_state(game.state)
    assert game.state["items"]["oak_chest"]["open"] is False
    game.turn("undo")  # takes back the LOOK: the chest stays closed, the lantern stays taken
    assert game.state["items"]["oak_chest"]["open"] is False
    assert game.state["items"]["lantern"]["at"] == "player"
    assert game.state["time"] == after_line["time"] - 1
