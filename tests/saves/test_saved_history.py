"""A save's undo history (format 5): the newest step's rest written whole, each older one as only
what differs from the next step's (state/saved_history.py). It restores to the very history the
game had, undoes exactly as the game would have, and a step changed by hand is refused, saying
where, as any other part of a save is."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elysium.engine import Game
from elysium.state.migrations import CURRENT_FORMAT
from elysium.state.saved_history import REST_ABSENT, as_written, built_back
from elysium.state.saves import HISTORY_KEPT
from elysium.state.store import WORLD, copy_state
from hostile import TERM_END
from saves_support import new_game, play, quoted, read_body, state_of, world, write_body

LINES = ("take lantern", "open chest", "take key", "n", "x it", "s", "wait", "i", "n", "look")
PER_LINE = frozenset({"turn", "time", "rng", "last_command", "pronouns", "location", "visits", "sight",
                      "counters"})  # what a line of LINES changes beside the world, at most


def damaged(name: str, problem: str) -> str:
    return f"The saved game {quoted(name)} is damaged: {problem}."


@pytest.fixture
def played(game: Game) -> Game:
    """A game with an undo step for each of LINES, saved as "walk"."""
    play(game, *LINES, "save walk")
    return game


def test_older_steps_hold_only_what_differs_from_the_next_steps_rest(played: Game, saves: Path) -> None:
    body = read_body(saves, "walk")
    *older, newest = body["history"]
    assert body["format"] == CURRENT_FORMAT == 5
    assert REST_ABSENT not in newest and newest["rest"] == {
        k: v for k, v in played.history.checkpoints()[-1]["rest"].items()}
    assert all(step.keys() == {"rest", REST_ABSENT, *WORLD} for step in older)
    assert all(step["rest"].keys() <= PER_LINE for step in older), [sorted(step["rest"]) for step in older]
    assert older[0][REST_ABSENT] == ["sight"]  # nothing seen before the first line: no sight yet
    assert all(step[REST_ABSENT] == [] for step in older[1:])


def test_a_restored_history_is_the_history_the_game_had(played: Game, saves: Path) -> None:
    later = new_game(saves)
    play(later, "restore walk")
    assert later.history.checkpoints() == played.history.checkpoints()
    for _ in LINES:
        play(later, "undo")
        play(played, "undo")
        assert world(later.state) == world(played.state)
    assert later.state["turn"] == 0 and "sight" not in later.state


def test_steps_that_share_a_value_share_it_after_restoring(played: Game, saves: Path) -> None:
    later = new_game(saves)
    play(later, "restore walk")
    rests = [step["rest"] for step in later.history.checkpoints()]
    assert all(older["skills"] is newer["skills"] and older["lore"] is newer["lore"]
               for older, newer in zip(rests, rests[1:]))
    play(later, "undo", "undo")  # undoing copies a rest: the shared values are never changed in place
    later.state["skills"]["voice"] = 3
    assert all(rest["skills"] == {} for rest in rests)


def test_a_history_that_the_next_save_writes_again_reads_the_same(played: Game, saves: Path) -> None:
    later = new_game(saves)
    play(later, "restore walk", "save again")
    assert read_body(saves, "again")["history"] == read_body(saves, "walk")["history"]


def test_a_save_of_this_format_with_every_rest_whole_restores(played: Game, saves: Path) -> None:
    """As the web service keeps a player's saves: the game's own checkpoints, none written as changes."""
    body = read_body(saves, "walk")
    body["history"] = copy_state(played.history.checkpoints())
    write_body(saves, "whole", body)
    later = new_game(saves)
    [reply] = play(later, "restore whole")
    assert reply.startswith(f"Restored {quoted('whole')}")
    assert later.history.checkpoints() == played.history.checkpoints()


def test_thirty_steps_of_a_long_game_are_saved_and_restored(game: Game, saves: Path) -> None:
    for _ in range(8):
        play(game, "n", "s", "wait", "take lantern", "drop lantern")
    play(game, "save long")
    assert len(read_body(saves, "long")["history"]) == HISTORY_KEPT
    later = new_game(saves)
    play(later, "restore long")
    assert later.history.checkpoints() == game.history.checkpoints()[-HISTORY_KEPT:]


def _changed(saves: Path, name: str, change) -> None:
    body = read_body(saves, "walk")
    change(body["history"])
    write_body(saves, name, body)


@pytest.mark.parametrize(("name", "change", "problem"), [
    ("energy", lambda h: h[3]["rest"].update(energy=1000), "history.3.rest.energy should be a whole number from 0 to 100"),
    ("turn", lambda h: h[0]["rest"].update(turn=-1), "history.0.rest.turn should be a whole number of 0 or more"),
    ("delay", lambda h: h[5]["rest"].update(delay="soon"),
     f"history.5.rest.delay should be a whole number of minutes from 0 to {TERM_END}"),
    ("godmode", lambda h: h[2]["rest"].update(godmode=True), "history.2.rest.godmode is no part of a saved game"),
    ("rest-a-list", lambda h: h[2].update(rest=[]), "history.2.rest should be a mapping"),
    ("newest-as-changes", lambda h: h[-1].update({REST_ABSENT: []}),
     f"history.{len(LINES) - 1} holds only what differs from the next undo step, and there is no next step "
     "with a rest"),
    ("absent-required", lambda h: h[1].update({REST_ABSENT: ["turn"]}),
     f"history.1.{REST_ABSENT} should be a list of the parts of a state that it lacks and the next step has"),
    ("absent-not-a-list", lambda h: h[1].update({REST_ABSENT: "sight"}),
     f"history.1.{REST_ABSENT} should be a list of the parts of a state that it lacks and the next step has"),
    ("absent-and-changed", lambda h: h[0]["rest"].update(sight={"room": "vestibule", "lit": True}),
     f"history.0.{REST_ABSENT} should be a list of the parts of a state that it lacks and the next step has"),
    ("absent-unhashable", lambda h: h[1].update({REST_ABSENT: [["sight"]]}),
     f"history.1.{REST_ABSENT} should be a list of the parts of a state that it lacks and the next step has"),
    ("in-itself", lambda h: h[1]["items"].update(oak_chest={"at": "in:oak_chest", "open": True}),
     "history.1.items.oak_chest is inside itself"),
])
def test_a_step_changed_by_hand_is_refused_saying_where(played: Game, saves: Path, name: str, change,
                                                         problem: str) -> None:
    _changed(saves, name, change)
    before, history = state_of(played), copy.deepcopy(played.history.checkpoints())
    assert played.turn(f"restore {name}") == damaged(name, problem)
    assert played.errors == []
    assert world(played.state) == world(before) and played.history.checkpoints() == history


def test_a_step_written_as_changes_after_a_whole_state_is_refused(played: Game, saves: Path) -> None:
    def after_a_whole_state(history: list) -> None:
        whole = {**state_of(played), "turn": 9}
        history[-2] = {"whole": whole, "items": {}, "npcs": {}}
    _changed(saves, "after-whole", after_a_whole_state)
    assert played.turn("restore after-whole") == damaged(
        "after-whole", f"history.{len(LINES) - 3} holds only what differs from the next undo step, and there is "
        "no next step with a rest")


# -- the writing and the building back, for any run of rests ------------------------------------

KEYS = st.sampled_from(["turn", "time", "location", "delay", "sight", "lore", "flags"])
VALUES = st.one_of(st.integers(0, 3), st.sampled_from(["hall", "yard"]), st.lists(st.integers(0, 2), max_size=2),
                   st.dictionaries(st.sampled_from(["a", "b"]), st.booleans(), max_size=2))
RESTS = st.lists(st.dictionaries(KEYS, VALUES, max_size=7), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(rests=RESTS, shared=st.lists(st.booleans(), max_size=8))
def test_every_rest_is_built_back_as_it_was(rests: list[dict], shared: list[bool]) -> None:
    checkpoints = [{"rest": rest, "items": {}, "npcs": {}} for rest in rests]
    for n, share in enumerate(shared[: len(checkpoints) - 1]):
        if share:  # two checkpoints begun at the same moment share their rest (Store.begin alongside)
            checkpoints[n + 1]["rest"] = checkpoints[n]["rest"]
    expected = copy.deepcopy(checkpoints)
    written = copy.deepcopy(as_written(checkpoints))
    assert written[-1] == expected[-1]
    history = [written[-1]]
    for step in reversed(written[:-1]):
        history.append(built_back(step, history[-1]["rest"]))
    assert history[::-1] == expected
    assert checkpoints == expected  # writing changed nothing of the game's own


def test_a_checkpoint_open_across_a_restore_and_the_one_before_it_are_written_whole() -> None:
    plain = [{"rest": {"turn": n}, "items": {}, "npcs": {}} for n in range(4)]
    plain[2] = {**plain[2], "whole": {"turn": 2, "items": {}, "npcs": {}}}
    written = as_written(plain)
    assert [REST_ABSENT in step for step in written] == [True, False, False, False]
    assert written[1] is plain[1] and written[2] is plain[2]
