"""Saving as a player does it in plain mode: SAVE, RESTORE/LOAD, SAVES, DELETE and RESTART (which
ask first), UNDO after a restore, the autosaves, and `elysium play --continue / --load`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE, Game
from elysium.state import calendar
from elysium.state.saves import HISTORY_KEPT, SUFFIX, SaveSlots, checksum, slot_name, writer_tag
from saves_support import (new_game, play, play_plain, quoted, read_body, replies, save_files,
                           state_of, world, write_body)

NOTHING_TO_UNDO = "There is nothing to undo"
START = "Vestibule"


# -- SAVE ---------------------------------------------------------------------------------------

def test_save_without_a_name_saves_to_quicksave(game: Game, saves: Path) -> None:
    [reply] = play(game, "save")
    assert reply == f"Saved as {quoted('quicksave')} (Vestibule, day 1, 09:30)."
    assert save_files(saves) == [f"quicksave{SUFFIX}"]


def test_save_with_a_name_says_where_and_when(game: Game, saves: Path) -> None:
    play(game, "take lantern", "n")
    clock = calendar.clock_text(game.state["time"])
    [reply] = play(game, "save Before My Recital!")
    assert reply == f"Saved as {quoted('Before My Recital!')} (Practice Hall, day 1, {clock})."
    body = read_body(saves, slot_name("Before My Recital!"))
    assert body["name"] == "Before My Recital!"
    assert body["state"] == game.state
    assert body["summary"] == {"day": 1, "clock": clock, "location": "Practice Hall"}
    assert body["checksum"] == checksum(body)


def test_a_save_that_a_json_tool_has_reformatted_still_restores(game: Game, saves: Path) -> None:
    """The checksum covers the text as written, and, failing that, the body dumped again as the
    writer dumps it: whitespace from a pretty-printer changes nothing, a changed value does."""
    play(game, "take lantern", "save pretty")
    path = saves / f"pretty{SUFFIX}"
    body = read_body(saves, "pretty")
    path.write_text(json.dumps(body, indent=4, ensure_ascii=False), encoding="utf-8")
    later = new_game(saves)
    [reply] = play(later, "restore pretty")
    assert reply.startswith(f"Restored {quoted('pretty')}.") and later.state == game.state
    path.write_text(json.dumps({**body, "saved_at": "2030-01-01"}, indent=4), encoding="utf-8")
    [reply] = play(later, "restore pretty")
    assert "do not match its checksum" in reply


def test_nothing_may_follow_the_checksum_in_a_save(game: Game, saves: Path) -> None:
    play(game, "save tail")
    path = saves / f"tail{SUFFIX}"
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith(f',"checksum":"{read_body(saves, "tail")["checksum"]}"}}')
    path.write_text(raw[:-1] + ',"checksum":"sha256:0"}', encoding="utf-8")
    [reply] = play(game, "restore tail")
    assert "do not match its checksum" in reply


def test_the_words_of_a_typed_name_are_all_kept(game: Game, saves: Path) -> None:
    game.save(game.slots, "Before the Cellar")  # as the TUI's save dialog names it
    play(game, "n")
    [reply] = play(game, "restore before the cellar")
    assert reply.startswith(f"Restored {quoted('before the cellar')}."), reply
    [reply] = play(game, "save A Night Out")
    assert reply.startswith(f"Saved as {quoted('A Night Out')}"), reply


def test_saving_again_to_a_slot_replaces_it(game: Game, saves: Path) -> None:
    play(game, "save slot", "n", "save slot", "yes")
    assert save_files(saves) == [f"slot{SUFFIX}"]
    assert read_body(saves, "slot")["state"]["location"] == "practice_hall"


def test_a_save_is_not_a_move(game: Game) -> None:
    """Saving takes no time in the game and is not a step that UNDO takes back."""
    play(game, "n")
    before = state_of(game)
    play(game, "save x")
    assert world(game.state) == world(before)
    [reply] = play(game, "undo")
    assert game.state["location"] == "vestibule", reply


# -- RESTORE / LOAD -----------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["restore", "load", "RESTORE", "Load"])
def test_restore_and_load_bring_back_the_saved_game(game: Game, verb: str) -> None:
    play(game, "take lantern", "n", "save Here")
    saved = state_of(game)
    play(game, "drop lantern", "s", "wait", "open chest")
    [reply] = play(game, f"{verb} here")
    assert reply.startswith(f"Restored {quoted('here')}.")
    assert "Practice Hall" in reply  # the room is described
    assert game.state == saved
    [inventory] = play(game, "inventory")
    assert "brass lantern" in inventory


def test_restore_without_a_name_restores_quicksave(game: Game) -> None:
    play(game, "n", "save", "s", "e")
    [reply] = play(game, "restore")
    assert reply.startswith(f"Restored {quoted('quicksave')}.")
    assert game.state["location"] == "practice_hall"


def test_restore_in_a_new_game_of_the_same_world(game: Game, saves: Path) -> None:
    play(game, "take lantern", "e", "save mine")
    saved = state_of(game)
    other = new_game(saves)
    play(other, "restore mine")
    assert other.state == saved


def test_restoring_a_save_that_does_not_exist_says_so_and_changes_nothing(game: Game) -> None:
    play(game, "n")
    before = state_of(game)
    [reply] = play(game, "restore nothing here")
    assert reply == f"There is no saved game called {quoted('nothing here')}. (SAVES lists them.)"
    assert world(game.state) == world(before)


# -- SAVES --------------------------------------------------------------------------------------

def test_saves_with_no_saved_games(game: Game) -> None:
    [reply] = play(game, "saves")
    assert "no saved games yet" in reply


def test_saves_lists_name_day_time_place_and_real_date(game: Game, saves: Path) -> None:
    play(game, "save first")
    play(game, "n", "wait until 23:30", "wait 60", "save second")
    [reply] = play(game, "saves")
    lines = reply.splitlines()
    assert lines[0] == "Saved games:"
    listed = {line.split(":")[0].strip(): line for line in lines[1:]}
    assert set(listed) >= {"first", "second", AUTOSAVE}  # crossing midnight autosaved too
    for name, day, clock, place in (("first", 1, "09:30", "Vestibule"), ("second", 2, "00:30", "Practice Hall")):
        line = listed[name]
        saved_at = read_body(saves, name)["saved_at"]
        assert f"day {day}" in line and clock in line and place in line, line
        # The real date and time it was saved, as YYYY-MM-DD HH:MM.
        assert re.search(r"\(saved \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$", line), line
        assert saved_at.replace("T", " ")[:16] in line
        datetime.fromisoformat(saved_at)  # a real timestamp in the file


def test_saves_does_not_list_temporary_files(game: Game, saves: Path) -> None:
    play(game, "save real")
    (saves / ".real.abc123.tmp").write_text("{", encoding="utf-8")
    [reply] = play(game, "saves")
    assert reply.count("\n") == 1 and "real:" in reply


# -- DELETE -------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["yes", "YES", "y", "Yes."])
def test_delete_asks_first_and_yes_deletes(game: Game, saves: Path, answer: str) -> None:
    play(game, "save keep", "save Old Game")
    [question] = play(game, "delete old game")
    assert question == (f"Delete the saved game {quoted('old game')} for good? "
                        "(Type YES to delete it, anything else to keep it.)")
    assert (saves / f"{slot_name('Old Game')}{SUFFIX}").exists()  # nothing happens before the answer
    [reply] = play(game, answer)
    assert reply == f"The saved game {quoted('old game')} is gone."
    assert save_files(saves) == [f"keep{SUFFIX}"]


@pytest.mark.parametrize("answer", ["no", "n", "NO", "", "nope", "look", "delete it"])
def test_delete_keeps_the_save_for_any_other_answer(game: Game, saves: Path, answer: str) -> None:
    play(game, "save old")
    before = (saves / f"old{SUFFIX}").read_bytes()
    play(game, "delete old", answer)
    assert (saves / f"old{SUFFIX}").read_bytes() == before
    # The question is over: a YES now is not an answer to it.
    play(game, "yes")
    assert (saves / f"old{SUFFIX}").read_bytes() == before


def test_an_answer_that_is_a_command_is_played(game: Game) -> None:
    play(game, "save old", "delete old")
    [reply] = play(game, "e")
    assert reply.startswith("Cloakroom")
    assert game.state["location"] == "cloakroom"


def test_delete_without_a_name_asks_which(game: Game) -> None:
    [reply] = play(game, "delete")
    assert reply == "Which saved game do you want to delete? (SAVES lists them.)"
    assert game.confirming is None


def test_deleting_a_save_that_does_not_exist_says_so(game: Game) -> None:
    play(game, "delete ghost")
    [reply] = play(game, "yes")
    assert reply == f"There is no saved game called {quoted('ghost')}."


# -- RESTART ------------------------------------------------------------------------------------

def test_restart_asks_first_and_yes_starts_again(game: Game, saves: Path) -> None:
    play(game, "take lantern", "n", "wait", "save progress")
    [question] = play(game, "restart")
    assert "Type YES to start again" in question
    assert game.state["location"] == "practice_hall"  # nothing happens before the answer
    [reply] = play(game, "yes")
    assert "THE LITTLE CONSERVATORY" in reply and START in reply
    assert game.state == new_game(None).state
    [undo] = play(game, "undo")
    assert undo.startswith(NOTHING_TO_UNDO)  # the old game's moves are gone with it
    assert (saves / f"progress{SUFFIX}").exists()  # restarting deletes no save


@pytest.mark.parametrize("answer", ["no", "", "maybe later", "look"])
def test_restart_carries_on_for_any_other_answer(game: Game, answer: str) -> None:
    play(game, "take lantern", "n")
    before = state_of(game)
    play(game, "restart", answer)
    assert game.state["location"] == "practice_hall"
    assert game.state["items"] == before["items"]
    assert game.state["turn"] == before["turn"] + (answer == "look")
    [reply] = play(game, "undo")
    assert reply.startswith("You take back")  # the game's history is still there


# -- UNDO after RESTORE -------------------------------------------------------------------------

WALK = ("take lantern", "open chest", "take key", "n", "e", "w", "s")


def test_undo_after_restore_takes_back_the_turns_saved_with_it(game: Game, saves: Path) -> None:
    states = [state_of(game)]
    for line in WALK:
        play(game, line)
        states.append(state_of(game))
    play(game, "save walk")
    later = new_game(saves)  # another session
    play(later, "wait", "e", "restore walk")
    assert later.state["location"] == "vestibule" and later.state["turn"] == len(WALK)
    for expected in reversed(states[:-1]):
        [reply] = play(later, "undo")
        assert reply.startswith("You take back your last move."), reply
        assert later.state == expected
    [reply] = play(later, "undo")
    assert reply.startswith(NOTHING_TO_UNDO)
    assert later.state == states[0]


def test_undo_after_restore_reaches_back_as_far_as_the_saved_history(saves: Path) -> None:
    game = new_game(saves)
    turns = HISTORY_KEPT + 12
    times = [game.state["time"]]
    for _ in range(turns):
        play(game, "wait")
        times.append(game.state["time"])
    play(game, "save long")
    assert len(read_body(saves, "long")["history"]) == HISTORY_KEPT
    later = new_game(saves)
    play(later, "restore long")
    for back in range(1, HISTORY_KEPT + 1):
        [reply] = play(later, "undo")
        assert reply.startswith("You take back"), (back, reply)
        assert later.state["time"] == times[turns - back]
        assert later.state["turn"] == turns - back
    [reply] = play(later, "undo")
    assert reply.startswith(NOTHING_TO_UNDO)
    assert later.state["turn"] == turns - HISTORY_KEPT


def test_restore_replaces_the_undo_history_of_the_game_before_it(game: Game) -> None:
    play(game, "save empty")  # no moves yet
    play(game, "n", "e", "w")
    play(game, "restore empty")
    [reply] = play(game, "undo")
    assert reply.startswith(NOTHING_TO_UNDO)
    assert game.state["location"] == "vestibule"


# -- autosave -----------------------------------------------------------------------------------

def test_autosave_at_the_start_of_each_day(game: Game, saves: Path) -> None:
    play(game, "take lantern", "wait until 23:00")
    assert not (saves / f"{AUTOSAVE}{SUFFIX}").exists()
    play(game, "wait 90")  # past midnight
    assert save_files(saves) == [f"{AUTOSAVE}{SUFFIX}"]
    body = SaveSlots(saves).read(AUTOSAVE)
    assert body["summary"]["day"] == 2 and body["summary"]["clock"] == "00:30"
    assert body["state"] == game.state

    play(game, "wait 60")  # the same day: no new autosave
    assert SaveSlots(saves).read(AUTOSAVE)["state"]["time"] == body["state"]["time"]

    play(game, "wait until 23:45", "wait 30")  # the next midnight
    assert SaveSlots(saves).read(AUTOSAVE)["summary"]["day"] == 3

    later = new_game(saves)
    play(later, "restore autosave")
    assert later.state == game.state
    [inventory] = play(later, "i")
    assert "brass lantern" in inventory


def test_autosave_when_the_game_is_quit(game: Game, saves: Path) -> None:
    play(game, "take lantern", "n")
    [reply] = play(game, "quit")
    assert game.over
    assert "Farewell" in reply
    body = SaveSlots(saves).read(AUTOSAVE)
    assert body["state"] == game.state
    assert body["summary"]["location"] == "Practice Hall"


def test_autosave_on_quit_overwrites_the_previous_autosave(game: Game, saves: Path) -> None:
    play(game, "wait until 23:50", "wait 20")  # an autosave on day 2
    play(game, "e", "quit")
    assert SaveSlots(saves).read(AUTOSAVE)["state"]["location"] == "cloakroom"
    assert save_files(saves) == [f"{AUTOSAVE}{SUFFIX}"]


def test_no_autosave_without_a_saves_folder() -> None:
    game = new_game(None)
    assert game.autosave() == ""


# -- elysium play --continue / --load -----------------------------------------------------------

def test_continue_resumes_the_autosave_made_on_quit(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    first = play_plain(saves, stdin="take lantern\nn\nquit\n")
    assert first.returncode == 0, first.stderr
    assert save_files(saves) == [f"{AUTOSAVE}{SUFFIX}"]

    second = play_plain(saves, "--continue", stdin="inventory\n")
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    opening, inventory, _ = replies(second.stdout)
    assert opening.startswith(f"Restored {quoted(AUTOSAVE)}.")
    assert "Practice Hall" in opening
    assert "brass lantern" in inventory


def test_continue_takes_the_newest_save(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    game = new_game(saves)
    play(game, "e", "save older")
    body = read_body(saves, "older")
    body["saved_at"] = "2001-01-01T00:00:00+00:00"
    write_body(saves, "older", body)
    first = play_plain(saves, stdin="n\nsave zz newer\nquit\n")
    assert first.returncode == 0, first.stderr
    second = play_plain(saves, "--continue", stdin="look\n")
    opening = replies(second.stdout)[0]
    assert "Practice Hall" in opening and "Cloakroom" not in opening


def test_load_starts_from_the_named_save(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    first = play_plain(saves, stdin="take lantern\ne\nsave My Save\nw\nn\nquit\n")
    assert first.returncode == 0, first.stderr
    second = play_plain(saves, "--load", "My Save", stdin="inventory\nundo\nundo\nlook\n")
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    opening, inventory, _, undo, look, _ = replies(second.stdout)  # the first UNDO takes back INVENTORY
    assert opening.startswith(f"Restored {quoted('My Save')}.")
    assert "Cloakroom" in opening
    assert "brass lantern" in inventory
    assert "take back" in undo  # the undo history came with the save
    assert look.startswith(START)


def test_load_of_a_missing_save_starts_a_new_game_and_says_why(tmp_path: Path) -> None:
    result = play_plain(tmp_path / "saves", "--load", "nowhere", stdin="look\n")
    assert result.returncode == 0
    assert f"There is no saved game called {quoted('nowhere')}" in result.stderr
    assert "Starting a new game instead." in result.stderr
    assert "Traceback" not in result.stderr
    assert replies(result.stdout)[0].startswith("THE LITTLE CONSERVATORY")


def _damage(path: Path, later_than: Path | None = None) -> None:
    path.write_bytes(path.read_bytes()[:-40])
    if later_than is not None:  # written after the other, as an interrupted autosave would be
        status = later_than.stat()
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))


def test_continue_with_only_a_damaged_autosave_says_it_is_damaged(tmp_path: Path) -> None:
    """Not "there is no saved game": the player's game is there, and the player is told why it
    cannot be played."""
    saves = tmp_path / "saves"
    assert play_plain(saves, stdin="take lantern\ne\nquit\n").returncode == 0
    _damage(saves / f"{AUTOSAVE}{SUFFIX}")
    result = play_plain(saves, "--continue", stdin="look\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "no saved game to continue" not in result.stderr
    assert f"The saved game {quoted(AUTOSAVE)} is damaged" in result.stderr
    assert result.stderr.rstrip().endswith("Starting a new game instead.")
    assert replies(result.stdout)[0].startswith("THE LITTLE CONSERVATORY")


def test_continue_past_a_damaged_newest_save_plays_the_newest_that_can_be_read(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    assert play_plain(saves, stdin="take lantern\ne\nsave kept\nquit\n").returncode == 0
    _damage(saves / f"{AUTOSAVE}{SUFFIX}", later_than=saves / f"kept{SUFFIX}")
    result = play_plain(saves, "--continue", stdin="inventory\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"The saved game {quoted(AUTOSAVE)} is damaged" in result.stderr
    assert f"Continuing {quoted('kept')}, the newest saved game that can be read." in result.stderr
    opening, inventory = replies(result.stdout)[:2]
    assert opening.startswith(f"Restored {quoted('kept')}.") and "brass lantern" in inventory


def test_continue_with_no_saves_starts_a_new_game(tmp_path: Path) -> None:
    result = play_plain(tmp_path / "saves", "--continue", stdin="")
    assert result.returncode == 0
    assert "There is no saved game to continue yet; starting a new one." in result.stderr
    assert replies(result.stdout)[0].startswith("THE LITTLE CONSERVATORY")


def test_play_cleans_up_leftover_temporary_files_at_start(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    game = new_game(saves)
    play(game, "save kept")
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = writer_tag().split("-")[0]
    (saves / f".kept.{host}-{ended.stdout.strip()}.x1y2z3.tmp").write_bytes(b'{"format": 2, "sta')
    result = play_plain(saves, "--load", "kept", stdin="")
    assert result.returncode == 0, result.stderr
    assert save_files(saves) == [f"autosave{SUFFIX}", f"kept{SUFFIX}"]  # leaving autosaves


def test_play_help_says_where_saves_go_by_default() -> None:
    from saves_support import elysium

    result = elysium("play", "--help")
    text = " ".join(result.stdout.split())
    assert "--saves DIR" in text and "--continue" in text and "--load NAME" in text
    assert "saves/ in a checkout" in text and "user data folder" in text


def test_end_of_input_autosaves_like_quit(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    result = play_plain(saves, stdin="take lantern\nn\n")
    assert result.returncode == 0
    assert (saves / f"{AUTOSAVE}{SUFFIX}").exists()


def test_continue_takes_the_save_made_last_even_within_one_second(saves: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timezone

    from elysium.state import saves as saves_module

    moments = iter([datetime(2024, 5, 1, 12, 0, 0, 100_000, tzinfo=timezone.utc),
                    datetime(2024, 5, 1, 12, 0, 0, 900_000, tzinfo=timezone.utc)])

    class Clock:
        @staticmethod
        def now(tz=None) -> datetime:
            return next(moments)

    monkeypatch.setattr(saves_module, "datetime", Clock)
    game = new_game(saves)
    play(game, "save alpha", "take lantern", "quit")  # 'alpha', then the autosave 0.8 s later
    assert SaveSlots(saves).newest().name == AUTOSAVE
