"""A save's text (formats 4 and 5): JSON on one line without spaces, written by orjson where it is
installed and by the standard library's json where it is not, to the same bytes, with the sha256
of that text last. Saves of format 3 (json's spacing) and format 4 (every undo step's rest whole)
written by the versions before still restore, and still check."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elysium.engine import Game
from elysium.state import saves as saves_module
from elysium.state.saves import CHECKSUM_KEY, SUFFIX, SaveSlots, checksum, encoded
from saves_support import new_game, play, quoted, read_body, world

FORMAT_3 = Path(__file__).parent / "format_3" / "before-the-cellar-31e1d067.save.json"
FORMAT_3_LINES = ("take lantern", "open chest", "take key", "n", "x it", "s", "wait")  # how it was made
FORMAT_4 = Path(__file__).parent / "format_4" / "after-the-cloak-71824d4f.save.json"
FORMAT_4_LINES = (*FORMAT_3_LINES, "i", "wear cloak", "n", "look")  # then "save after the cloak"


def test_a_save_is_compact_json_on_one_line_with_the_checksum_of_its_text_last(game: Game, saves: Path) -> None:
    play(game, "take lantern", "open chest", "save one")
    raw = (saves / f"one{SUFFIX}").read_bytes()
    body = json.loads(raw)
    head, marker, tail = raw.rpartition(CHECKSUM_KEY.encode())
    assert body["format"] == 5 and marker == b',"checksum":"' and b"\n" not in raw
    assert tail == f'{body["checksum"]}"}}'.encode()
    assert body["checksum"] == "sha256:" + hashlib.sha256(head + b"}").hexdigest() == checksum(body)
    unsigned = {k: v for k, v in body.items() if k != "checksum"}
    assert head + b"}" == json.dumps(unsigned, ensure_ascii=False, separators=(",", ":")).encode()


def _without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(saves_module, "_orjson", lambda: None)


def test_without_orjson_the_standard_library_writes_the_same_bytes(
        game: Game, saves: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("orjson")
    play(game, "take lantern", "open chest", "take key", "n")
    body = {"format": 4, "name": "x", "state": game.state, "history": game.history.checkpoints()}
    fast = encoded(body)
    _without_orjson(monkeypatch)
    assert encoded(body) == fast
    play(game, "save plain")
    other = new_game(saves)
    assert play(other, "restore plain")[0].startswith(f"Restored {quoted('plain')}")
    assert other.state == game.state


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)  # no lone surrogates
WHOLE = st.integers(min_value=-(2 ** 63), max_value=2 ** 64 - 1)
VALUES = st.recursive(st.one_of(st.none(), st.booleans(), WHOLE, TEXT),
                      lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
                      max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(value=st.dictionaries(TEXT, VALUES, max_size=6))
def test_orjson_and_json_write_any_save_like_value_to_the_same_bytes(value: dict) -> None:
    orjson = pytest.importorskip("orjson")
    assert orjson.dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize("value", [{"seed": 2 ** 64}, {"seed": -(2 ** 63) - 1}, {1: "a key that is a number"}])
def test_what_orjson_will_not_write_json_writes_as_it_always_did(value: dict) -> None:
    assert encoded(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def test_a_format_3_save_written_by_the_version_before_restores_with_its_undo_history(saves: Path) -> None:
    saves.mkdir(parents=True)
    shutil.copy(FORMAT_3, saves)
    assert json.loads(FORMAT_3.read_text(encoding="utf-8"))["format"] == 3
    assert FORMAT_3.read_text(encoding="utf-8").endswith('"}') and ', "checksum": "sha256:' in FORMAT_3.read_text()
    played = new_game(None)
    play(played, *FORMAT_3_LINES)
    game = new_game(saves)
    [reply] = play(game, "restore before the cellar")
    assert reply.startswith(f"Restored {quoted('before the cellar')}"), reply
    assert game.state == played.state
    play(game, "undo")
    play(played, "undo")
    assert game.state == played.state


def test_a_format_3_save_changed_by_hand_is_still_refused(saves: Path) -> None:
    saves.mkdir(parents=True)
    raw = FORMAT_3.read_text(encoding="utf-8")
    assert '"time": 583' in raw
    (saves / FORMAT_3.name).write_text(raw.replace('"time": 583', '"time": 584'), encoding="utf-8")
    [reply] = play(new_game(saves), "restore before the cellar")
    assert reply == (f"The saved game {quoted('before the cellar')} is damaged: its contents do not match "
                     "its checksum.")


def test_a_format_3_save_reformatted_by_a_json_tool_still_checks(saves: Path) -> None:
    saves.mkdir(parents=True)
    body = json.loads(FORMAT_3.read_text(encoding="utf-8"))
    (saves / FORMAT_3.name).write_text(json.dumps(body, indent=2, ensure_ascii=False), encoding="utf-8")
    [reply] = play(new_game(saves), "restore before the cellar")
    assert reply.startswith(f"Restored {quoted('before the cellar')}"), reply


def test_a_format_4_save_written_by_the_version_before_restores_with_its_whole_undo_history(saves: Path) -> None:
    saves.mkdir(parents=True)
    shutil.copy(FORMAT_4, saves)
    body = json.loads(FORMAT_4.read_text(encoding="utf-8"))
    assert body["format"] == 4 and len(body["history"]) == len(FORMAT_4_LINES)
    assert "sight" not in body["history"][0]["rest"] and "sight" in body["history"][1]["rest"]
    played = new_game(None)
    play(played, *FORMAT_4_LINES)
    game = new_game(saves)
    [reply] = play(game, "restore after the cloak")
    assert reply.startswith(f"Restored {quoted('after the cloak')}"), reply
    assert game.state == {**played.state, "last_command": game.state["last_command"]}  # SAVE was its last
    for _ in FORMAT_4_LINES:  # back to the start, one line at a time, as the game that made it would go
        play(game, "undo")
        play(played, "undo")
        assert world(game.state) == world(played.state)
    assert game.state["turn"] == 0 and "sight" not in game.state


def test_a_format_4_save_changed_by_hand_is_still_refused(saves: Path) -> None:
    saves.mkdir(parents=True)
    raw = FORMAT_4.read_text(encoding="utf-8")
    assert '"energy":100' in raw
    (saves / FORMAT_4.name).write_text(raw.replace('"energy":100', '"energy":99', 1), encoding="utf-8")
    [reply] = play(new_game(saves), "restore after the cloak")
    assert reply == (f"The saved game {quoted('after the cloak')} is damaged: its contents do not match "
                     "its checksum.")


def test_a_save_changed_by_hand_is_refused_and_reformatted_still_checks(game: Game, saves: Path) -> None:
    play(game, "take lantern", "save four")
    path = saves / f"four{SUFFIX}"
    raw = path.read_text(encoding="utf-8")
    (saves / f"pretty{SUFFIX}").write_text(json.dumps(read_body(saves, "four"), indent=1), encoding="utf-8")
    assert '"time":' in raw
    time = json.loads(raw)["state"]["time"]
    path.write_text(raw.replace(f'"time":{time}', f'"time":{time + 1}', 1), encoding="utf-8")
    later = new_game(saves)
    assert play(later, "restore four") == [f"The saved game {quoted('four')} is damaged: its contents do not "
                                           "match its checksum."]
    assert play(later, "restore pretty")[0].startswith(f"Restored {quoted('pretty')}")
