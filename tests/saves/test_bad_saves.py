"""Bad saves: every kind of damage gives a clear message that names the save, the running game
goes on exactly as it was, and no other save in the folder is touched.

The corpus is made fresh in tmp_path from a real save of the fixture world.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from elysium.engine import Game
from elysium.state.migrations import CURRENT_FORMAT
from elysium.state.saves import MAX_SAVE_BYTES, SUFFIX, SaveError, SaveSlots, checksum
from elysium.state.store import copy_state
from saves_support import (folder_snapshot, new_game, play, play_plain, quoted, read_body, replies,
                           state_of, world, write_body)

DAMAGED = "is damaged: it was cut short or changed by hand."
NOT_A_SAVE = "is not an Elysium saved game."


def message(name: str, says: str) -> str:
    return f"The saved game {quoted(name)} {says}"


def _bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def corrupt_a_digit_of_the_state(raw: bytes) -> bytes:
    """One byte changed inside the state (the clock), so that the JSON is still good."""
    at = raw.index(b'"time":', raw.index(b'"state":')) + len(b'"time":')
    digit = raw[at:at + 1]
    changed = raw[:at] + str((int(digit) + 1) % 10).encode() + raw[at + 1:]
    assert json.loads(changed)["state"]["time"] != json.loads(raw)["state"]["time"]
    return changed


def not_utf8(raw: bytes) -> bytes:
    at = raw.index(b'"location":"', raw.index(b'"state":')) + len(b'"location":"')
    return raw[:at] + b"\xff\xfe" + raw[at:]


def sparse(path: Path, size: int) -> None:
    with path.open("wb") as stream:
        stream.truncate(size)


def signed(body: object) -> bytes:
    if isinstance(body, dict):
        body = {**body, "checksum": checksum(body)}
    return json.dumps(body, indent=1).encode("utf-8")


# name -> (how to make it from the good save's bytes and body, what it says)
Maker = Callable[[Path, bytes, dict], None]
CORPUS: dict[str, tuple[Maker, str]] = {
    "truncated": (lambda p, raw, body: _bytes(p, raw[: len(raw) // 2]), DAMAGED),
    "last-byte-cut": (lambda p, raw, body: _bytes(p, raw[:-1]), DAMAGED),
    "first-byte-only": (lambda p, raw, body: _bytes(p, raw[:1]), DAMAGED),
    "corrupted": (lambda p, raw, body: _bytes(p, corrupt_a_digit_of_the_state(raw)),
                  "is damaged: its contents do not match its checksum."),
    "edited-by-hand": (lambda p, raw, body: _bytes(p, json.dumps(
        {**body, "state": {**body["state"], "score": 999}}, indent=1).encode()),
        "is damaged: its contents do not match its checksum."),
    "not-json": (lambda p, raw, body: _bytes(p, b"Dear diary, today I saved the game.\n"), DAMAGED),
    "nul-bytes": (lambda p, raw, body: _bytes(p, b"\0" * 512), DAMAGED),
    "a-list": (lambda p, raw, body: _bytes(p, b"[1, 2, 3]"), NOT_A_SAVE),
    "a-string": (lambda p, raw, body: _bytes(p, b'"a saved game"'), NOT_A_SAVE),
    "no-format": (lambda p, raw, body: _bytes(p, json.dumps(
        {k: v for k, v in body.items() if k not in ("format", "checksum")}).encode()), NOT_A_SAVE),
    "format-as-text": (lambda p, raw, body: _bytes(p, signed({**body, "format": "2"})), NOT_A_SAVE),
    "no-state": (lambda p, raw, body: _bytes(p, signed(
        {k: v for k, v in body.items() if k not in ("state", "checksum")})), NOT_A_SAVE),
    "no-state-unsigned": (lambda p, raw, body: _bytes(p, json.dumps(
        {"format": CURRENT_FORMAT, "summary": body["summary"]}).encode()), NOT_A_SAVE),
    "state-a-list": (lambda p, raw, body: _bytes(p, signed(
        {**{k: v for k, v in body.items() if k != "checksum"}, "state": []})), NOT_A_SAVE),
    "history-not-a-list": (lambda p, raw, body: _bytes(p, signed(
        {**{k: v for k, v in body.items() if k != "checksum"}, "history": {"0": {}}})), NOT_A_SAVE),
    "newer": (lambda p, raw, body: _bytes(p, signed(
        {**{k: v for k, v in body.items() if k != "checksum"}, "format": CURRENT_FORMAT + 1})),
        f"was made by a newer version of Elysium (format {CURRENT_FORMAT + 1}); "
        f"this version reads up to format {CURRENT_FORMAT}."),
    "format-zero": (lambda p, raw, body: _bytes(p, signed(
        {**{k: v for k, v in body.items() if k != "checksum"}, "format": 0})),
        "is in a form this version cannot read."),
    "empty": (lambda p, raw, body: _bytes(p, b""), "is empty."),
    "blank": (lambda p, raw, body: _bytes(p, b"  \n\t\n"), "is empty."),
    "folder": (lambda p, raw, body: p.mkdir(), "is a folder, not a file."),
    "not-utf8": (lambda p, raw, body: _bytes(p, not_utf8(raw)), "is damaged: it is not text."),
    "utf16": (lambda p, raw, body: _bytes(p, raw.decode("utf-8").encode("utf-16")),
              "is damaged: it is not text."),
    "too-large": (lambda p, raw, body: sparse(p, MAX_SAVE_BYTES + 1),
                  "is far too large to be a saved game."),
}

GOOD_WALK = ("take lantern", "open chest", "take key", "n")


@pytest.fixture
def corpus(game: Game, saves: Path) -> Path:
    """The saves folder: 'good' and 'other', real saves, and every bad save of the corpus."""
    play(game, *GOOD_WALK, "save good", "s", "e", "save other")
    raw = (saves / f"good{SUFFIX}").read_bytes()
    body = json.loads(raw)
    for name, (make, _) in CORPUS.items():
        make(saves / f"{name}{SUFFIX}", raw, body)
    return saves


@pytest.fixture
def played(game: Game, corpus: Path) -> Game:
    """The running game, a few moves on from its saves."""
    play(game, "w", "drop lantern", "wait")
    return game


@pytest.mark.parametrize("name", CORPUS)
def test_a_bad_save_is_refused_with_a_message_that_names_it(corpus: Path, name: str) -> None:
    before = folder_snapshot(corpus)
    with pytest.raises(SaveError) as raised:
        SaveSlots(corpus).read(name)
    assert str(raised.value) == message(name, CORPUS[name][1])
    assert folder_snapshot(corpus) == before


@pytest.mark.parametrize("name", CORPUS)
def test_restoring_a_bad_save_leaves_the_game_and_every_save_as_they_were(
        played: Game, corpus: Path, name: str) -> None:
    state, history = state_of(played), copy_state(played.history.checkpoints())
    before = folder_snapshot(corpus)
    with pytest.raises(SaveError) as raised:
        played.restore(played.slots, name)
    assert str(raised.value) == message(name, CORPUS[name][1])
    assert played.state == state
    assert played.history.checkpoints() == history
    assert folder_snapshot(corpus) == before
    assert SaveSlots(corpus).read("good")["state"]["location"] == "practice_hall"


@pytest.mark.parametrize("name", CORPUS)
@pytest.mark.parametrize("verb", ["restore", "load"])
def test_the_restore_command_on_a_bad_save_replies_with_the_message_and_play_goes_on(
        played: Game, corpus: Path, name: str, verb: str) -> None:
    state = state_of(played)
    before = folder_snapshot(corpus)
    reply = played.turn(f"{verb} {name}")
    assert reply == message(name, CORPUS[name][1])
    assert "Traceback" not in reply
    assert played.errors == []
    assert world(played.state) == world(state)
    assert folder_snapshot(corpus) == before
    [undo] = play(played, "undo")  # the game's own history is still there
    assert undo.startswith("You take back") and played.state["time"] < state["time"]


def test_a_good_save_still_restores_beside_the_bad_ones(played: Game, corpus: Path) -> None:
    [reply] = play(played, "restore good")
    assert reply.startswith("Restored")
    assert played.state["location"] == "practice_hall"
    [inventory] = play(played, "i")
    assert "brass lantern" in inventory and "iron key" in inventory


def test_saves_lists_the_good_saves_beside_the_bad_ones(played: Game, corpus: Path) -> None:
    before = folder_snapshot(corpus)
    [reply] = play(played, "saves")
    names = {line.split(":")[0].strip() for line in reply.splitlines()[1:]}
    assert {"good", "other"} <= names
    assert folder_snapshot(corpus) == before


def test_saving_beside_the_bad_saves_touches_none_of_them(played: Game, corpus: Path) -> None:
    before = folder_snapshot(corpus)
    play(played, "save fresh")
    after = folder_snapshot(corpus)
    assert set(after) - set(before) == {f"fresh{SUFFIX}"}
    assert {k: v for k, v in after.items() if k in before} == before


@pytest.mark.parametrize("name", ["truncated", "corrupted", "newer", "folder", "not-utf8", "a-list"])
def test_loading_a_bad_save_from_the_command_line_starts_a_new_game(corpus: Path, name: str) -> None:
    before = folder_snapshot(corpus)
    result = play_plain(corpus, "--load", name, stdin="look\n")
    assert result.returncode == 0
    assert result.stderr == f"{message(name, CORPUS[name][1])} Starting a new game instead.\n"
    assert replies(result.stdout)[0].startswith("THE LITTLE CONSERVATORY")
    after = folder_snapshot(corpus)
    assert after.pop("autosave.save.json", None) is not None  # leaving the new game autosaves it
    assert after == before


def test_continue_with_a_damaged_newest_save_starts_a_new_game(saves: Path) -> None:
    game = new_game(saves)
    play(game, "n", "save good")
    body = read_body(saves, "good")
    body["saved_at"] = "2999-01-01T00:00:00+00:00"  # the newest, and now its checksum is wrong
    (saves / f"good{SUFFIX}").write_text(json.dumps(body), encoding="utf-8")
    result = play_plain(saves, "--continue", stdin="")
    assert result.returncode == 0
    assert "its contents do not match its checksum" in result.stderr
    assert "Traceback" not in result.stderr


# -- a save whose JSON is well-formed and signed, but whose state is not a game's -----------------

ODD_IS_DAMAGED = "The saved game “odd” is damaged: "
STATE_SHAPES = {
    "items-a-list": (lambda state: {**state, "items": []}, "state.items should be a mapping."),
    "time-as-text": (lambda state: {**state, "time": "09:30"},
                     "state.time should be a time within the term (0 to 4320 minutes)."),
    "an-item-that-is-not-a-dict": (lambda state: {**state, "items": {**state["items"], "lantern": 5}},
                                   "state.items.lantern should be a mapping of at, open, locked, worn, lit and switched_on."),
    "location-a-list": (lambda state: {**state, "location": ["vestibule"]}, "state.location should be text."),
}


@pytest.mark.parametrize("shape", STATE_SHAPES)
def test_a_state_that_does_not_hold_together_is_refused(played: Game, saves: Path, shape: str) -> None:
    body = read_body(saves, "good")
    change, says = STATE_SHAPES[shape]
    write_body(saves, "odd", {**body, "state": change(body["state"])})
    state = state_of(played)
    before = folder_snapshot(saves)
    reply = played.turn("restore odd")
    assert reply == ODD_IS_DAMAGED + says
    assert played.errors == []
    assert world(played.state) == world(state)
    assert folder_snapshot(saves) == before


# -- one byte changed anywhere -------------------------------------------------------------------

def test_one_changed_byte_anywhere_is_refused_or_changes_nothing(tmp_path: Path) -> None:
    """Every byte of a real save, changed two ways: reading it either refuses with a SaveError or
    gives back exactly the saved game (a changed byte of the word "checksum" itself, say)."""
    folder = tmp_path / "saves"
    game = new_game(folder)
    play(game, "take lantern", "n", "save good")
    raw = (folder / f"good{SUFFIX}").read_bytes()
    good = SaveSlots(folder).read("good")
    slots = SaveSlots(folder)
    refused = same = 0
    for at in range(0, len(raw)):
        for flip in (0x01, 0x80):
            (folder / f"bad{SUFFIX}").write_bytes(raw[:at] + bytes([raw[at] ^ flip]) + raw[at + 1:])
            try:
                body = slots.read("bad")
            except SaveError as error:
                assert quoted("bad") in str(error)
                refused += 1
                continue
            assert (body["state"], body["history"], body["packs"]) == \
                (good["state"], good["history"], good["packs"]), f"byte {at} ^ {flip:#x} went unnoticed"
            same += 1
    assert refused > 0.99 * (refused + same)


def test_a_random_cut_anywhere_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    game = new_game(folder)
    play(game, "take lantern", "save good")
    raw = (folder / f"good{SUFFIX}").read_bytes()
    rng = random.Random(6)
    for cut in sorted(rng.sample(range(len(raw) - 1), 200)):
        (folder / f"bad{SUFFIX}").write_bytes(raw[:cut])
        with pytest.raises(SaveError):
            SaveSlots(folder).read("bad")


# -- bugs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("packs", ["fixture_world", [1], ["fixture_world"], {"id": "fixture_world"}, None],
                         ids=["text", "list-of-numbers", "list-of-text", "object", "null"])
def test_a_save_whose_packs_are_the_wrong_shape_is_refused(played: Game, saves: Path, packs: object) -> None:
    body = read_body(saves, "good")
    write_body(saves, "odd", {**body, "packs": packs})
    state = state_of(played)
    reply = played.turn("restore odd")
    assert played.errors == []
    assert "not an Elysium saved game" in reply or "cannot read" in reply or "damaged" in reply, reply
    assert world(played.state) == world(state)


@pytest.mark.parametrize("seed", ["1", [1]], ids=["text", "list"])
def test_a_save_whose_seed_is_not_a_number_is_refused(played: Game, saves: Path, seed: object) -> None:
    body = read_body(saves, "good")
    write_body(saves, "odd", {**body, "state": {**body["state"], "seed": seed}})
    reply = played.turn("restore odd")
    assert played.errors == [], reply


@pytest.mark.parametrize("field, value", [("turn", "three"), ("visits", []), ("counters", None),
                                          ("visits", "all")])
def test_a_restored_save_can_be_played_or_is_refused(played: Game, saves: Path, field: str,
                                                     value: object) -> None:
    body = read_body(saves, "good")
    write_body(saves, "odd", {**body, "state": {**body["state"], field: value}})
    reply = played.turn("restore odd")
    if reply.startswith("Restored"):
        for line in ("look", "s", "wait", "n", "pull lever"):
            played.turn(line)
    assert played.errors == []


def test_a_save_with_an_odd_date_does_not_break_the_list(played: Game, saves: Path) -> None:
    body = read_body(saves, "good")
    write_body(saves, "odd", {**body, "saved_at": 20240101})
    reply = played.turn("saves")
    assert played.errors == [], reply
    assert SaveSlots(saves).newest() is not None
    result = play_plain(saves, "--continue", stdin="")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
