"""A save is always the old one or the new one: killed mid-write, a full disk, a read-only folder.
And a save does not grow as the game goes on."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from elysium.engine import AUTOSAVE, Game
from elysium.state.saves import HISTORY_KEPT, STALE_AFTER_S, SUFFIX, TEMPORARY, SaveError, SaveSlots, writer_tag
from elysium.state.store import UNDO_DEPTH
from saves_support import ROOT, folder_snapshot, new_game, play, save_files, state_of

NO_SPACE = OSError(errno.ENOSPC, "No space left on device")

# -- killed while saving ------------------------------------------------------------------------

KILLS = 110
KILL_BUDGET_SECONDS = 25  # the kills stop early (and the test says so) rather than run long
BLOB = 200_000

# The child imports only the saves module, so that it starts in a few tens of milliseconds, says
# it is ready, then saves two different large bodies to one slot, in turn, until it is killed.
CHILD = f"""
import sys
from pathlib import Path
from elysium.state.saves import SaveSlots
slots = SaveSlots(Path(sys.argv[1]))
bodies = [{{"summary": {{"day": 1, "clock": "09:30", "location": w}},
            "state": {{"which": w, "blob": w * {BLOB}}}}} for w in "AB"]
sys.stdout.write("ready\\n")
sys.stdout.flush()
n = 0
while True:
    slots.write("slot", bodies[n % 2])
    n += 1
"""


def body_of(which: str) -> dict:
    return {"summary": {"day": 1, "clock": "09:30", "location": which},
            "state": {"which": which, "blob": which * BLOB}}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_save_killed_at_any_moment_is_the_old_one_or_the_new_one(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    slots = SaveSlots(folder)
    slots.write("slot", body_of("A"))  # there is always an old save to keep
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    seen: dict[str, int] = {"A": 0, "B": 0}
    kills = left_over = 0
    started = time.monotonic()
    while kills < KILLS and time.monotonic() - started < KILL_BUDGET_SECONDS:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], stdout=subprocess.PIPE,
                                 text=True, env=env, cwd=tmp_path)
        try:
            assert child.stdout.readline() == "ready\n", f"the child did not start (seed {seed})"
            time.sleep(rng.uniform(0, 0.060))
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
        kills += 1

        body = slots.read("slot")  # never damaged: the checksum matches
        which = body["state"]["which"]
        assert body["state"] == body_of(which)["state"], f"kill {kills}: a mixed save (seed {seed})"
        seen[which] += 1

        names = save_files(folder)
        temporaries = [n for n in names if n.endswith(TEMPORARY)]
        assert set(names) - set(temporaries) == {f"slot{SUFFIX}"}, names
        assert all(n.startswith(".slot.") for n in temporaries), names
        assert slots.clean_temporaries() == len(temporaries)
        left_over += len(temporaries) > 0
        assert save_files(folder) == [f"slot{SUFFIX}"]

    # A busy machine gets fewer kills in the budget; enough of them still land both ways (below).
    assert kills >= 20, f"only {kills} kills in {KILL_BUDGET_SECONDS} s: the machine is too slow for this test"
    # The kills landed both between saves and in the middle of them, and the child saved each body.
    assert seen["A"] and seen["B"], seen
    assert left_over, "no kill landed while a save was being written"


def test_clean_temporaries_removes_only_temporary_files(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    slots = SaveSlots(folder)
    slots.write("kept", body_of("A"))
    for name in (f".kept.{host_tag()}-{ended_pid()}.abc.tmp", ".other.x_1.tmp"):
        (folder / name).write_text("{", encoding="utf-8")
    os.utime(folder / ".other.x_1.tmp", (time.time() - STALE_AFTER_S - 60,) * 2)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert slots.clean_temporaries() == 2
    assert save_files(folder) == [f"kept{SUFFIX}", "notes.txt"]
    assert slots.clean_temporaries() == 0


@pytest.mark.skipif(os.name == "nt", reason="asks whether a process is running with os.kill(pid, 0)")
def test_clean_temporaries_never_removes_a_save_that_a_running_game_is_writing(tmp_path: Path) -> None:
    """Another game (here, a sleeping process) is writing a save: its temporary file stays, however
    often a game starts beside it; once that game has ended, the file is a left-over and goes.
    A temporary that names no writer (an older version's) or another machine's stays until stale."""
    folder = tmp_path / "saves"
    folder.mkdir()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        writing = folder / f".slot.{host_tag()}-{other.pid}.a1b2c3.tmp"
        ours = folder / f".slot.{writer_tag()}.d4e5f6.tmp"
        unnamed = folder / ".slot.x_1.tmp"
        elsewhere = folder / f".slot.0badf00d-{ended_pid()}.g7h8i9.tmp"
        for path in (writing, ours, unnamed, elsewhere):
            path.write_text('{"format": 3, "sta', encoding="utf-8")
        for _ in range(3):
            assert SaveSlots(folder).clean_temporaries() == 0
        assert save_files(folder) == sorted(p.name for p in (writing, ours, unnamed, elsewhere))
    finally:
        other.kill()
        other.wait()
    assert SaveSlots(folder).clean_temporaries() == 1
    assert not writing.exists()
    for path in (unnamed, elsewhere):
        os.utime(path, (time.time() - STALE_AFTER_S - 60,) * 2)
    assert SaveSlots(folder).clean_temporaries() == 2
    assert save_files(folder) == [ours.name]


def test_a_save_names_its_writer_in_its_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda source, target: (seen.append(Path(source).name),
                                                              real_replace(source, target)))
    SaveSlots(tmp_path).write("slot", body_of("A"))
    [name] = seen
    assert name.startswith(f".slot.{writer_tag()}.") and name.endswith(TEMPORARY)
    assert writer_tag() == f"{host_tag()}-{os.getpid()}"


def host_tag() -> str:
    return writer_tag().split("-")[0]


def ended_pid() -> int:
    """The pid of a process that has ended (and, for the moment, belongs to no other)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_clean_temporaries_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    assert SaveSlots(tmp_path / "none").clean_temporaries() == 0


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name file descriptors")
def test_a_save_is_written_to_a_temporary_file_then_synced_renamed_and_the_folder_synced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "saves"
    slots = SaveSlots(folder)
    slots.write("slot", body_of("A"))
    steps: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source, target) -> None:
        steps.append(("replace", f"{source} -> {target}"))
        assert json.loads(Path(source).read_text(encoding="utf-8"))["state"]["which"] == "B"
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    slots.write("slot", body_of("B"))
    monkeypatch.undo()

    assert [kind for kind, _ in steps] == ["fsync", "replace", "fsync"]
    temporary = Path(steps[0][1])
    assert temporary.parent == folder.resolve() and temporary.name.endswith(TEMPORARY)
    assert steps[1][1] == f"{temporary} -> {folder / f'slot{SUFFIX}'}" or \
        steps[1][1] == f"{temporary} -> {(folder / f'slot{SUFFIX}').resolve()}"
    assert Path(steps[2][1]) == folder.resolve()  # the folder itself, so that the rename lasts
    assert save_files(folder) == [f"slot{SUFFIX}"]


# -- a full disk --------------------------------------------------------------------------------

def fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise NO_SPACE
    monkeypatch.setattr(os, "fsync", fsync)


def fail_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(source, target) -> None:
        raise NO_SPACE
    monkeypatch.setattr(os, "replace", replace)


def fail_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up half-way through writing the text."""
    real_fdopen = os.fdopen

    class Filling:
        def __init__(self, stream) -> None:
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            raise NO_SPACE

        def __getattr__(self, name: str):
            return getattr(self.stream, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Filling(real_fdopen(fd, *a, **k)))


FAILURES = {"write": fail_write, "fsync": fail_fsync, "replace": fail_replace}


@pytest.fixture
def two_saves(game: Game, saves: Path) -> Game:
    """A game with a save 'slot' and another save 'other', then moved on."""
    play(game, "take lantern", "save slot", "n", "save other", "e", "w")
    return game


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_write_is_a_clear_error_that_keeps_the_old_save(
        two_saves: Game, saves: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    game = two_saves
    before = folder_snapshot(saves)
    FAILURES[failure](monkeypatch)
    with pytest.raises(SaveError) as raised:
        game.save(game.slots, "slot")
    monkeypatch.undo()
    message = str(raised.value)
    assert message == ("The game could not be saved: No space left on device. "
                       "Your other saved games are untouched.")
    assert folder_snapshot(saves) == before  # the old save as it was, and no temporary file
    assert SaveSlots(saves).read("slot")["state"]["location"] == "vestibule"


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_save_command_replies_with_the_reason_and_play_goes_on(
        two_saves: Game, saves: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    game = two_saves
    before, state = folder_snapshot(saves), state_of(game)
    FAILURES[failure](monkeypatch)
    assert game.turn("save slot").startswith("A saved game called \u201cslot\u201d already exists.")
    reply = game.turn("yes")
    new_file = game.turn("save brand new")
    monkeypatch.undo()
    assert reply.startswith("The game could not be saved: No space left on device.")
    assert new_file.startswith("The game could not be saved")
    assert game.errors == []
    assert folder_snapshot(saves) == before
    assert game.state["items"] == state["items"] and game.state["location"] == state["location"]
    [look] = play(game, "look")
    assert look.startswith("Practice Hall")


def test_a_failing_autosave_on_quit_is_said(two_saves: Game, saves: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    game = two_saves
    before = folder_snapshot(saves)
    fail_fsync(monkeypatch)
    reply = game.turn("quit")
    monkeypatch.undo()
    assert "(The autosave failed: The game could not be saved: No space left on device." in reply
    assert game.errors == []
    assert folder_snapshot(saves) == before
    assert not (saves / f"{AUTOSAVE}{SUFFIX}").exists()


# -- a read-only saves folder -------------------------------------------------------------------

def chmod_is_enforced(folder: Path) -> bool:
    """False when this user (root, say) can write in a folder without write permission."""
    probe = folder / "probe"
    try:
        probe.write_text("x", encoding="utf-8")
    except PermissionError:
        return True
    probe.unlink()
    return False


def test_a_read_only_saves_folder_is_a_clear_error(two_saves: Game, saves: Path) -> None:
    game = two_saves
    before = folder_snapshot(saves)
    saves.chmod(0o555)
    try:
        if not chmod_is_enforced(saves):
            pytest.skip("this user can write to a read-only folder (root?)")
        with pytest.raises(SaveError) as raised:
            game.save(game.slots, "slot")
        reply = game.turn("save new")
        autosave = game.turn("quit")
    finally:
        saves.chmod(0o755)
    assert str(raised.value).startswith("The game could not be saved: Permission denied.")
    assert reply.startswith("The game could not be saved: Permission denied.")
    assert "(The autosave failed: The game could not be saved: Permission denied." in autosave
    assert game.errors == []
    assert folder_snapshot(saves) == before


def test_a_folder_that_refuses_new_files_is_a_clear_error(
        two_saves: Game, saves: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as a read-only folder, for a user (such as root in CI) whom chmod does not stop."""
    game = two_saves
    before = folder_snapshot(saves)

    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    game.turn("save slot")
    reply = game.turn("yes")
    monkeypatch.undo()
    assert reply == "The game could not be saved: Permission denied. Your other saved games are untouched."
    assert game.errors == []
    assert folder_snapshot(saves) == before


def test_a_saves_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    game = new_game(blocker / "saves")
    reply = game.turn("save x")
    assert reply.startswith("The game could not be saved: ")
    assert game.errors == []
    assert blocker.read_text(encoding="utf-8") == "not a folder"


# -- size -----------------------------------------------------------------------------------------

def test_save_size_does_not_grow_with_the_turns_played(saves: Path) -> None:
    game = new_game(saves)
    sizes = {}
    for turn in range(1, 301):
        game.turn("wait")
        if turn in (100, 300):
            game.save(game.slots, f"turn{turn}")
            sizes[turn] = (saves / f"turn{turn}{SUFFIX}").stat().st_size
    assert game.errors == []
    assert game.state["turn"] == 300 and game.state["ending"] is None  # 300 turns really played
    assert len(game.history) == UNDO_DEPTH
    assert len(SaveSlots(saves).read("turn300")["history"]) == HISTORY_KEPT
    assert abs(sizes[300] - sizes[100]) <= 0.02 * sizes[100], sizes
