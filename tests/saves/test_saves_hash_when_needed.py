"""hashlib (OpenSSL, 2-6 ms to import) is imported when a save is first hashed: listing the saves,
as the title screen does on the way to its first frame, hashes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from elysium.engine import Game
from elysium.state import saves as saves_module
from elysium.state.saves import SaveSlots, slot_name


def test_listing_and_cleaning_the_saves_import_no_hashlib(game: Game, saves: Path, monkeypatch: pytest.MonkeyPatch):
    game.save(game.slots, "first")
    monkeypatch.setitem(sys.modules, "hashlib", None)  # from here on, importing hashlib fails
    slots = SaveSlots(saves)
    assert [info.name for info in slots.list()] == ["first"]
    assert slots.clean_temporaries() == 0  # none left over: no writer's machine to compare
    assert slot_name("First") == "first"
    with pytest.raises(ImportError):  # a name that needs a hash imports it
        slot_name("first save")


def test_the_saves_module_holds_no_hashlib_of_its_own():
    assert not hasattr(saves_module, "hashlib")
