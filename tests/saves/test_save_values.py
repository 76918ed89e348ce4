"""The checks of a save's values (state/save_check.py, save_values.py) refuse what no game writes,
and nothing that one does: every state of every playthrough, saved as the game saves it, passes.
Their tables follow the state and the parser, and each quick check of a whole column passes
nothing that its own check, value by value, would refuse."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from elysium import __version__, parser
from elysium.content import load_content
from elysium.engine import Game
from elysium.parser.pronouns import PRONOUNS
from elysium.state import save_values
from elysium.state.migrations import CURRENT_FORMAT
from elysium.state.save_check import Damaged, check_save
from elysium.state.save_values import LONGEST_TERM, Limits, always_ends
from elysium.state.saves import HISTORY_KEPT, SaveError, SaveSlots
from elysium.state.store import initial_state
from elysium.transcript.parser import parse_transcript
from saves_support import FIXTURE_WORLD, ROOT, new_game, play, read_body, write_body

PLAYTHROUGHS = sorted((ROOT / "tests" / "playthroughs").rglob("*.regtest"))


class SavedBodies:
    """Stands in for a saves folder: keeps each body as SaveSlots.write would write it, read back."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def write(self, name: str, body: dict[str, Any]) -> None:
        body = {"format": CURRENT_FORMAT, **body, "saved_at": "2025-01-06T09:00:00+00:00"}
        body["history"] = body["history"][-HISTORY_KEPT:]
        self.bodies.append(json.loads(json.dumps(body)))


@pytest.mark.parametrize("path", PLAYTHROUGHS, ids=[f"{p.parent.name}/{p.stem}" for p in PLAYTHROUGHS])
def test_every_state_of_every_playthrough_passes(path: Path) -> None:
    transcript = parse_transcript(path)
    checked = 0
    for test in transcript.tests:
        game = Game.new(transcript.content, seed=transcript.seed, mods=transcript.mods)
        saved = SavedBodies()
        for step in test.steps:
            if step.command is not None and not game.over:
                game.turn(step.command)
            game.save(saved, "check")
            check_save(saved.bodies[-1], game.content)
            checked += 1
    assert checked == sum(len(test.steps) for test in transcript.tests) > 0


# -- the tables follow the state and the parser ---------------------------------------------------

@pytest.mark.parametrize("content", [FIXTURE_WORLD, None], ids=["fixture", "starred_blocks"])
def test_the_state_has_exactly_the_keys_that_are_checked(content: Path | None) -> None:
    assert save_values.STATE.keys() == initial_state(load_content(content), 0).keys()


def test_the_shapes_of_questions_commands_and_pronouns_are_the_parsers() -> None:
    assert save_values.PRONOUNS == PRONOUNS
    assert save_values.COMMAND_KEYS == {f.name for f in dataclasses.fields(parser.Command)}
    game = new_game(None)
    pending = []
    for line in ("take lantern", "put lantern", "e", "x hook"):  # "Where ...?", then "Which ...?"
        game.turn(line)
        pending.append(game.state["pending"])
    assert {"complete", "segment"} <= set(pending[1]) <= save_values.PENDING_KEYS, pending
    assert {"segment", "key", "candidates", "many", "choices"} <= set(pending[3]) <= save_values.PENDING_KEYS


# -- a column passes only what each of its values would -------------------------------------------

KEYS = st.sampled_from(["vestibule", "it", "them", "mastery", "practised", "action", "objects", "used_all",
                        "text", "second", "", "x" * 50, "room", "lit"])
SCALARS = st.one_of(st.none(), st.booleans(), st.sampled_from([0, 1, -1, 100, 101, 4320, 4321, 2 ** 53, 2 ** 64]),
                    st.integers(), st.sampled_from(["", "vestibule", "go", "brief", "verbose"]))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)
COLUMNS = [(key, check, column) for key, (check, column) in [*save_values.STATE.items(),
                                                             *save_values.OPTIONAL_STATE.items()]
           if column is not save_values.never]
LIMITS = Limits(latest_time=4320, longest_delay=4320, worn_at_start={})


@pytest.mark.parametrize("key, check, column", COLUMNS, ids=[key for key, _, _ in COLUMNS])
@settings(max_examples=150, deadline=None)
@given(values=st.lists(JSON, min_size=1, max_size=4))
def test_a_column_passes_nothing_that_a_value_check_refuses(key: str, check, column, values: list) -> None:
    if column(values, LIMITS):
        assert [check(value, LIMITS) for value in values] == [None] * len(values)


@pytest.mark.parametrize("key", [key for key, _, _ in COLUMNS if key in save_values.STATE])
def test_a_column_of_good_values_passes(key: str) -> None:
    """So that the quick way is the way taken: a real state's column passes whole."""
    game = new_game(None)
    play(game, "take lantern", "open chest", "take key", "n", "x it")
    states = [json.loads(json.dumps(game.state)) for _ in range(3)]
    _, column = save_values.STATE[key]
    assert column([state[key] for state in states], Limits.of(game.content))


GOOD_OPTIONAL_VALUES = {
    "delay": 30, "asleep_until": 5000, "lighting": {"vestibule": True, "cellar": False},
    "sight": {"room": "vestibule", "lit": True}, "room_descriptions": "brief", "states": {"weather": "rain"},
    "recital_pieces": {"spring": "air"}, "recital_calls": {"spring": "called"}, "met": ["organist"],
    "spoken_to": {"organist": 600}, "lingering": {"organist": 600},
}


def test_every_part_that_a_state_may_have_has_a_quick_column_check_that_good_values_pass() -> None:
    """Each optional part of a state (saved in the state and in each of 30 undo steps) is checked
    a whole column at once, as the rest is, not step by step."""
    assert GOOD_OPTIONAL_VALUES.keys() == save_values.OPTIONAL_STATE.keys()
    for key, (check, column) in save_values.OPTIONAL_STATE.items():
        value = GOOD_OPTIONAL_VALUES[key]
        assert check(value, LIMITS) is None, key
        assert column is not save_values.never and column([value] * 31, LIMITS), key


# -- the end of term -----------------------------------------------------------------------------

@pytest.mark.parametrize("effects, ends", [
    ([{"end": "a"}], True),
    ([{"say": "Term is over."}, {"end": "a"}], True),
    ([{"if": {"flag": "x"}, "then": [{"end": "a"}], "else": [{"end": "b"}]}], True),
    ([{"if": {"flag": "x"}, "then": [{"end": "a"}]}], False),
    ([{"if": {"flag": "x"}, "then": [{"end": "a"}], "else": [{"say": "Not yet."}]}], False),
    ([{"say": "Term is over."}], False),
    ([], False),
])
def test_a_term_ends_the_story_only_if_every_way_through_its_end_does(effects: list, ends: bool) -> None:
    assert always_ends(tuple(effects)) is ends


def test_the_campus_term_always_ends_the_story_so_no_save_is_later_than_its_end() -> None:
    content = load_content()
    limits = Limits.of(content)
    assert limits.latest_time == content.game.term_days * 24 * 60 == limits.longest_delay
    assert limits.worn_at_start == {item.id: "player" for item in content.items.values() if item.worn}


def test_a_game_whose_term_does_not_end_the_story_can_be_saved_after_it(tmp_path: Path) -> None:
    world = tmp_path / "world"
    shutil.copytree(FIXTURE_WORLD, world)
    pack = yaml.safe_load((world / "pack.yaml").read_text(encoding="utf-8"))
    pack["game"]["term_end"] = [{"say": "The term is over, but the conservatory stays open."}]
    (world / "pack.yaml").write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    game = new_game(tmp_path / "saves", content=world)
    assert Limits.of(game.content).latest_time == LONGEST_TERM
    for _ in range(4):
        game.turn("wait 24 hours")
    assert game.state["time"] > 3 * 24 * 60 and game.state["ending"] is None
    play(game, "save late")
    assert new_game(tmp_path / "saves", content=world).turn("restore late").startswith("Restored")
    assert new_game(tmp_path / "saves").turn("restore late") != "Restored"  # the real fixture: its term ends


# -- old formats and versions ----------------------------------------------------------------------

def test_a_format_1_save_has_no_checksum_to_check_but_its_values_are_checked(game: Game, saves: Path) -> None:
    body = {"format": 1, "pack": {"id": "fixture_world", "version": "0.1.0"},
            "summary": {"day": 1, "clock": "09:30", "location": "Vestibule"}, "saved_at": "2024-05-01T18:30:00+00:00",
            "state": {**json.loads(json.dumps(game.state)), "energy": 250}, "history": []}
    write_body(saves, "old", body, sign=False)
    assert game.turn("restore old") == ("The saved game \u201cold\u201d is damaged: state.energy should be a whole "
                                        "number from 0 to 100.")
    write_body(saves, "old", {**body, "state": {**body["state"], "energy": 25}}, sign=False)
    assert game.turn("restore old").startswith("Restored")


@pytest.mark.parametrize("version, says", [
    (__version__, None), ("0.0.9", None), (f"{__version__}.dev3", None), (f"{__version__}+local", None),
    ("0.9", "was made by a newer version of Elysium (0.9)"), ("10.0.0", "was made by a newer version"),
    ("", "is damaged: its game version is unreadable."), ("one", "is damaged: its game version is unreadable."),
    ("9" * 40, "is damaged: its game version is unreadable."), (1, "is damaged: its game version is unreadable."),
])
def test_the_game_version_of_a_save_is_compared_with_this_one(game: Game, saves: Path, version: Any,
                                                              says: str | None) -> None:
    play(game, "save good")
    write_body(saves, "versioned", {**read_body(saves, "good"), "game_version": version})
    if says is None:
        assert SaveSlots(saves).read("versioned")["game_version"] == version
        return
    with pytest.raises(SaveError) as raised:
        SaveSlots(saves).read("versioned")
    assert str(raised.value).startswith("The saved game \u201cversioned\u201d ") and says in str(raised.value)


def test_a_damaged_save_names_where_even_when_its_keys_are_long(game: Game, saves: Path) -> None:
    play(game, "save good")
    body = read_body(saves, "good")
    body["state"]["visits"]["a" * 5000] = -1
    with pytest.raises(Damaged) as raised:
        check_save(json.loads(json.dumps(body)), game.content)
    assert str(raised.value) == f"state.visits.{'a' * 40}\u2026 should be a whole number of 0 or more"
