"""Same seed, same commands: the same game, to the letter; and the whole game is plain JSON."""

from __future__ import annotations

import json

import pytest

from elysium.content import load_content
from elysium.engine import Game

from engine_walks import DEFAULT_WALK, FIXTURE_WALK, FIXTURE_WORLD, default_game, fixture_game, play

WALKS = {
    "fixture world": (fixture_game, FIXTURE_WALK),
    "default pack": (default_game, DEFAULT_WALK),
}


@pytest.mark.parametrize("name", WALKS)
@pytest.mark.parametrize("seed", [0, 7, 2**40 + 3])
def test_same_seed_and_commands_give_the_same_game(name: str, seed: int) -> None:
    new_game, walk = WALKS[name]
    first, second = new_game(seed), new_game(seed)
    first_transcript = play(first, walk)
    second_transcript = play(second, walk)
    assert second_transcript == first_transcript
    assert second.state == first.state
    assert first.errors == second.errors == []


def test_a_game_from_loaded_content_plays_like_a_new_game() -> None:
    content = load_content(FIXTURE_WORLD)
    games = [Game.from_content(content, 5), Game.from_content(content, 5), fixture_game(5)]
    transcripts = [play(game, FIXTURE_WALK) for game in games]
    assert transcripts[0] == transcripts[1] == transcripts[2]
    assert games[0].state == games[1].state == games[2].state


def test_state_holds_the_seeded_rng() -> None:
    games = {seed: fixture_game(seed) for seed in (1, 2)}
    for seed, game in games.items():
        assert "rng" in game.state
        assert isinstance(game.state["rng"], int)
        assert game.state["seed"] == seed
    assert games[1].state["rng"] != games[2].state["rng"]
    # The walk rolls the dice (chance conditions, the recital): the generator moves on.
    start = games[1].state["rng"]
    play(games[1], FIXTURE_WALK)
    assert games[1].state["rng"] != start
    assert fixture_game(1).state["rng"] == start


@pytest.mark.parametrize("name", WALKS)
def test_whole_state_round_trips_through_json_after_every_command(name: str) -> None:
    new_game, walk = WALKS[name]
    game = new_game(3)
    game.opening()
    for command in ("", *walk):
        game.turn(command)
        text = json.dumps(game.state)  # no default=: everything must be plain JSON already
        assert json.loads(text) == game.state, f"state after {command!r} does not survive JSON"
    assert "rng" in json.loads(json.dumps(game.state))
    assert game.errors == []


def test_state_round_trips_with_a_question_pending_and_after_an_ending() -> None:
    game = fixture_game()
    game.opening()
    for command in ("e", "remove cloak", "put cloak on hook"):
        game.turn(command)
    assert game.state["pending"] is not None  # "Which do you mean ...?"
    assert json.loads(json.dumps(game.state)) == game.state
    game.turn("small")
    for command in ("w", "u"):
        game.turn(command)
    game.turn("pull lever. u. jump")
    assert game.state["ending"] == "fell"
    assert json.loads(json.dumps(game.state)) == game.state


def test_a_game_resumed_from_json_state_plays_on_identically() -> None:
    split = len(FIXTURE_WALK) // 2
    whole = fixture_game(11)
    whole_transcript = play(whole, FIXTURE_WALK)

    resumed = fixture_game(11)
    play(resumed, FIXTURE_WALK[:split])
    saved = json.dumps(resumed.state)
    # Put the saved state back in place (the bus shares the same dict) and start new services.
    resumed.state.clear()
    resumed.state.update(json.loads(saved))
    resumed.rebuild_services()
    rest = [resumed.turn(command) for command in FIXTURE_WALK[split:]]

    assert rest == whole_transcript[split + 1:]
    assert resumed.state == whole.state
    assert resumed.errors == []
