"""A name in any script keeps its own slot, shown as it was typed; saves written before names kept
their own slot ("My Save!" was my-save) still load by the name the player gave them."""

from __future__ import annotations

from pathlib import Path

from elysium.engine import Game
from elysium.state.saves import SUFFIX, SaveSlots, slot_name
from saves_support import play, quoted, read_body, save_files, write_body


def test_names_in_other_scripts_and_of_symbols_each_keep_their_own_slot(game: Game, saves: Path) -> None:
    [japanese] = play(game, "save 日本語")
    [_, stars] = play(game, "n", "save ***")
    [_, other_stars] = play(game, "s", "save **")
    assert japanese.startswith(f"Saved as {quoted('日本語')} (Vestibule")
    assert stars.startswith(f"Saved as {quoted('***')} (Practice Hall")
    assert other_stars.startswith(f"Saved as {quoted('**')} (Vestibule")
    files = save_files(saves)
    assert len(files) == 3 and f"quicksave{SUFFIX}" not in files
    assert all(name.isascii() for name in files)
    [restored] = play(game, "restore ***")
    assert restored.startswith(f"Restored {quoted('***')}.") and game.state["location"] == "practice_hall"
    [restored] = play(game, "restore 日本語")
    assert restored.startswith(f"Restored {quoted('日本語')}.") and game.state["location"] == "vestibule"


def test_saves_lists_names_as_typed(game: Game) -> None:
    play(game, "save 日本語", "save Before My Recital!", "save plain")
    [listing] = play(game, "saves")
    lines = listing.splitlines()[1:]
    assert sorted(line.split(":")[0].strip() for line in lines) == sorted(
        ["日本語", "Before My Recital!", "plain"])


def test_names_the_same_but_for_case_share_a_slot(game: Game, saves: Path) -> None:
    play(game, "save Ünïcode Name", "n", "save üNÏCODE name", "yes")
    assert save_files(saves) == [f"{slot_name('Ünïcode Name')}{SUFFIX}"]
    assert read_body(saves, slot_name("ünïcode name"))["state"]["location"] == "practice_hall"


def old_save(game: Game, saves: Path, slot: str) -> None:
    """A save as versions before this one wrote it: its file named by the old rule, no name in it."""
    game.save(game.slots, "scratch")
    body = read_body(saves, "scratch")
    del body["name"]
    (saves / f"scratch{SUFFIX}").unlink()
    write_body(saves, slot, body)


def test_a_save_from_before_loads_by_the_name_it_was_given(game: Game, saves: Path) -> None:
    play(game, "n")
    old_save(game, saves, "my-save")
    play(game, "s")
    [listing] = play(game, "saves")
    assert "my-save: day 1" in listing
    for typed in ("My Save!", "my-save"):
        play(game, "s")
        [restored] = play(game, f"restore {typed}")
        assert restored.startswith(f"Restored {quoted(typed)}."), restored
        assert game.state["location"] == "practice_hall"


def test_a_save_named_since_is_never_taken_for_another_name(game: Game, saves: Path) -> None:
    """a-b saved now is the save "a-b", not the old slot of "a/b"; DELETE a/b leaves it alone."""
    play(game, "save a-b")
    [reply] = play(game, "restore a/b")
    assert reply.startswith(f"There is no saved game called {quoted('a/b')}"), reply
    play(game, "delete a/b", "yes")
    assert save_files(saves) == [f"a-b{SUFFIX}"]


def test_delete_finds_a_save_from_before_by_its_old_name(game: Game, saves: Path) -> None:
    old_save(game, saves, "old-game")
    [question] = play(game, "delete Old Game!")
    assert question.startswith(f"Delete the saved game {quoted('Old Game!')} for good?")
    [reply] = play(game, "yes")
    assert reply == f"The saved game {quoted('Old Game!')} is gone."
    assert save_files(saves) == []


def test_a_listing_shows_the_slot_for_a_name_that_does_not_lead_back_to_it(saves: Path) -> None:
    """A hand-edited name that reading would not find under this slot is not shown as its name."""
    slots = SaveSlots(saves)
    slots.write("mine", {"summary": {"day": 1, "clock": "09:00", "location": "Hall"}, "state": {}})
    body = read_body(saves, "mine")
    write_body(saves, "mine", {**body, "name": "someone else's"})
    assert [info.name for info in slots.list()] == ["mine"]
