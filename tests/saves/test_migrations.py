"""Saves from older formats are brought up to date through a chain of small steps, one version at
a time; a format no step knows is refused."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from elysium import __version__
from elysium.engine import Game
from elysium.state import migrations
from elysium.state.migrations import CURRENT_FORMAT, MIGRATIONS, migrate
from elysium.state.saves import SUFFIX, SaveError, SaveSlots
from saves_support import new_game, play, quoted, state_of, write_body

WALK = ("take lantern", "open chest", "n")


def play_keeping_whole_states(game: Game, *lines: str) -> list[dict]:
    """Play `lines`; the whole state before each, as formats 1 and 2 kept their undo history."""
    states = []
    for line in lines:
        states.append(state_of(game))
        play(game, line)
    return states


def format_1_body(game: Game, pack_id: str = "fixture_world", history: list[dict] | None = None) -> dict:
    """A save as format 1 wrote it: one pack, named without a hash, and no checksum."""
    return {
        "format": 1,
        "pack": {"id": pack_id, "version": "0.1.0"},
        "summary": {"day": 1, "clock": "09:33", "location": "Practice Hall"},
        "saved_at": "2024-05-01T18:30:00+00:00",
        "state": state_of(game),
        "history": copy.deepcopy(history or []),
    }


@pytest.fixture
def old_save(game: Game, saves: Path) -> dict:
    history = play_keeping_whole_states(game, *WALK)
    body = format_1_body(game, history=history)
    write_body(saves, "old", body, sign=False)
    return body


def test_the_chain_has_one_small_step_for_each_older_format() -> None:
    assert CURRENT_FORMAT >= 2
    assert sorted(MIGRATIONS) == list(range(1, CURRENT_FORMAT))


@pytest.mark.parametrize("version", sorted(MIGRATIONS))
def test_each_step_goes_up_exactly_one_format(version: int) -> None:
    bodies = {1: {"format": 1, "pack": {"id": "p", "version": "1.0.0"}, "state": {}, "history": []}}
    body = bodies.get(version, {"format": version, "state": {}, "history": []})
    assert MIGRATIONS[version](copy.deepcopy(body))["format"] == version + 1


def test_format_1_to_2_lists_the_pack_and_the_game_version() -> None:
    body = MIGRATIONS[1]({"format": 1, "pack": {"id": "fixture_world", "version": "0.1.0"}, "state": {"turn": 3}})
    assert body["format"] == 2
    assert body["packs"] == [{"id": "fixture_world", "version": "0.1.0", "hash": ""}]
    assert "pack" not in body
    assert isinstance(body["game_version"], str)
    assert body["state"] == {"turn": 3}


def test_a_format_1_save_is_read_as_the_current_format(old_save: dict, saves: Path) -> None:
    body = SaveSlots(saves).read("old")
    assert body["format"] == CURRENT_FORMAT
    assert body["packs"][0]["id"] == "fixture_world"
    assert body["state"] == old_save["state"]
    assert len(body["history"]) == len(old_save["history"])
    assert [info.name for info in SaveSlots(saves).list()] == ["old"]


def test_a_format_1_save_restores_with_its_undo_history(old_save: dict, saves: Path) -> None:
    later = new_game(saves)
    [reply] = play(later, "restore old")
    assert reply.startswith(f"Restored {quoted('old')}.")
    assert "(This game was saved" not in reply  # an old save has no hash to compare
    assert later.state == old_save["state"]
    [inventory] = play(later, "i")
    assert "brass lantern" in inventory
    play(later, "undo")  # INVENTORY takes a turn, as in Inform: an undo step of its own
    for _ in WALK:
        [undo] = play(later, "undo")
        assert undo.startswith("You take back")
    assert later.state["turn"] == 0 and later.state["location"] == "vestibule"


def test_a_format_1_save_saved_again_is_in_the_current_format(old_save: dict, saves: Path) -> None:
    later = new_game(saves)
    play(later, "restore old", "save old", "yes")
    raw = json.loads((saves / f"old{SUFFIX}").read_text(encoding="utf-8"))
    assert raw["format"] == CURRENT_FORMAT and raw["game_version"] == __version__
    assert raw["packs"][0]["hash"]  # the pack's hash now
    assert "checksum" in raw
    assert SaveSlots(saves).read("old")["state"] == later.state


def test_a_format_1_save_of_another_game_is_refused(game: Game, saves: Path) -> None:
    write_body(saves, "other", format_1_body(game, pack_id="starred_blocks"), sign=False)
    before = state_of(game)
    reply = game.turn("restore other")
    assert quoted("starred_blocks") in reply and quoted("fixture_world") in reply
    assert game.errors == [] and game.state["time"] == before["time"]


def test_format_2_to_3_keeps_of_each_undo_step_only_the_things_it_changed(game: Game) -> None:
    whole = play_keeping_whole_states(game, *WALK)
    body = MIGRATIONS[2]({"format": 2, "packs": [], "state": state_of(game), "history": copy.deepcopy(whole)})
    assert body["format"] == 3
    take, open_chest, north = body["history"]
    assert take["items"] == {"lantern": whole[0]["items"]["lantern"]} and take["npcs"] == {}
    assert list(open_chest["items"]) == ["oak_chest"] and not open_chest["items"]["oak_chest"]["open"]
    assert north["items"] == {} and north["rest"]["location"] == "vestibule"
    assert all("items" not in step["rest"] and "npcs" not in step["rest"] for step in body["history"])
    assert take["rest"] == {k: v for k, v in whole[0].items() if k not in ("items", "npcs")}


def test_a_format_2_save_checked_as_format_2_checked_it_restores_with_its_undo_history(
        game: Game, saves: Path) -> None:
    history = play_keeping_whole_states(game, *WALK)
    body = {**format_1_body(game, history=history), "format": 2, "game_version": "0.1.0",
            "packs": [{"id": "fixture_world", "version": "0.1.0", "hash": ""}]}
    del body["pack"]
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body["checksum"] = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    write_body(saves, "two", body, sign=False)
    later = new_game(saves)
    [reply] = play(later, "restore two")
    assert reply.startswith(f"Restored {quoted('two')}.")
    assert later.state == body["state"]
    for _ in WALK:
        play(later, "undo")
    assert later.state == history[0]


def test_migrate_walks_the_whole_chain_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """With two more (made-up) formats, a format-1 body goes through every step, in order."""
    walked: list[int] = []

    def step(version: int):
        def up(body: dict) -> dict:
            walked.append(version)
            return {**body, "format": version + 1, f"added_by_{version}": True}
        return up

    monkeypatch.setattr(migrations, "CURRENT_FORMAT", 4)
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        {1: step(1), 2: step(2), 3: step(3)})
    body = migrate({"format": 1, "state": {}})
    assert walked == [1, 2, 3]
    assert body == {"format": 4, "state": {}, "added_by_1": True, "added_by_2": True, "added_by_3": True}
    walked.clear()
    assert migrate({"format": 3, "state": {}})["format"] == 4 and walked == [3]
    walked.clear()
    assert migrate({"format": 4, "state": {}}) == {"format": 4, "state": {}} and walked == []


def test_a_current_save_is_not_changed_by_migrate() -> None:
    body = {"format": CURRENT_FORMAT, "packs": [], "state": {"turn": 1}, "history": []}
    assert migrate(copy.deepcopy(body)) == body


@pytest.mark.parametrize("version", [0, -1, CURRENT_FORMAT + 1, 99, None, "1", 1.5])
def test_migrate_refuses_a_format_it_has_no_step_for(version: object) -> None:
    with pytest.raises(ValueError, match="no way to read format"):
        migrate({"format": version, "state": {}})


def test_a_step_that_leads_nowhere_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "CURRENT_FORMAT", CURRENT_FORMAT + 1)  # but no step to it
    with pytest.raises(ValueError):
        migrate({"format": 1, "pack": {"id": "p", "version": "1"}, "state": {}})


@pytest.mark.parametrize("version", [0, -3])
def test_a_save_of_an_unknown_older_format_is_a_clear_error(game: Game, saves: Path, version: int) -> None:
    write_body(saves, "ancient", {"format": version, "state": {}, "summary": {}}, sign=False)
    with pytest.raises(SaveError) as raised:
        SaveSlots(saves).read("ancient")
    assert str(raised.value) == f"The saved game {quoted('ancient')} is in a form this version cannot read."
    assert game.turn("restore ancient") == str(raised.value)
    assert game.errors == []


def test_a_broken_format_1_save_is_a_clear_error(game: Game, saves: Path) -> None:
    write_body(saves, "old", {"format": 1, "pack": "fixture_world", "state": {}}, sign=False)
    reply = game.turn("restore old")
    assert reply == f"The saved game {quoted('old')} is in a form this version cannot read."
    assert game.errors == []
