"""Services keep nothing between messages: throwing every instance away changes nothing."""

from __future__ import annotations

import pytest

from elysium.engine import Game, Listener
from elysium.services import ALL_SERVICES

from engine_walks import DEFAULT_WALK, FIXTURE_WALK, default_game, fixture_game, play

WALKS = {
    "fixture world": (fixture_game, FIXTURE_WALK),
    "default pack": (default_game, DEFAULT_WALK),
}


def test_walks_are_long_enough() -> None:
    for _, walk in WALKS.values():
        assert 30 <= len(walk) <= 60


@pytest.mark.parametrize("name", WALKS)
def test_rebuilding_services_before_every_command_changes_nothing(name: str) -> None:
    new_game, walk = WALKS[name]

    steady = new_game()
    steady_transcript = play(steady, walk)

    rebuilt = new_game()
    rebuilt.rebuild_services()  # before the opening too
    rebuilt_transcript = play(rebuilt, walk, before_each=Game.rebuild_services)

    assert steady.errors == []
    assert rebuilt.errors == []
    assert len(rebuilt_transcript) == len(walk) + 1
    for index, (expected, got) in enumerate(zip(steady_transcript, rebuilt_transcript)):
        step = "(opening)" if index == 0 else walk[index - 1]
        assert got == expected, f"transcripts differ at {step!r}"
    assert rebuilt_transcript == steady_transcript
    assert rebuilt.state == steady.state


def test_rebuild_services_replaces_every_instance() -> None:
    """rebuild_services really throws the old instances away (else the test above proves little)."""
    game = fixture_game()
    old = _service_instances(game)
    game.rebuild_services()
    new = _service_instances(game)
    assert {type(s) for s in old} == {type(s) for s in new} >= set(ALL_SERVICES)
    assert not any(n is o for n in new for o in old)


def _service_instances(game: Game) -> list[object]:
    """The objects whose methods answer requests or hear events on the game's bus (a peek at its
    wiring): a service may only listen, as the upkeep does."""
    found: list[object] = []
    subscribed = [pair for pairs in game.bus._subscribers.values() for pair in pairs]  # noqa: SLF001
    for _, method in [*game.bus._handlers.values(), *subscribed]:  # noqa: SLF001
        if not any(method.__self__ is known for known in found):
            found.append(method.__self__)
    return found


def test_service_instances_have_no_instance_attributes() -> None:
    """Every service in ALL_SERVICES: vars(instance) == {} before and after handling a whole walk."""
    assert ALL_SERVICES, "ALL_SERVICES is empty"
    game = fixture_game()
    instances = [service_class() for service_class in ALL_SERVICES]
    for instance in instances:
        assert vars(instance) == {}, f"{type(instance).__name__} starts with attributes"

    # Wire up exactly these instances (and the engine's own listener) in place of the game's.
    game.bus.clear()
    for instance in instances:
        game.bus.register(instance)
    game.bus.register(Listener(game.heard))

    handled: set[str] = set()
    game.bus.tracer = lambda delivery: handled.add(delivery.handler.partition(".")[0])
    play(game, FIXTURE_WALK)

    assert game.errors == []
    for instance in instances:
        name = type(instance).__name__
        assert instance.name in handled, f"{name} handled no message in the walk"
        assert vars(instance) == {}, f"{name} kept instance attributes: {sorted(vars(instance))}"
