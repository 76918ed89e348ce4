"""A warm start knows its packs by how their files stand (content/standing.py): it reads none of
them, and it never serves content for files that changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from elysium.content import cache, load_content, standing
from elysium.content.files import PackFiles

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"
LATER = 2**62  # a load that began long after the files were written (in ns): every file has settled


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURE, tmp_path / "world"))


def remembered(pack: Path) -> None:
    """The pack loaded and cached, and its standing remembered as a later start would."""
    load_content(pack)
    packs = [PackFiles(pack)]
    content, key = cache.read(packs)
    assert content is not None
    standing.remember(packs, key, LATER)


def records(pack: Path) -> list[Path]:
    return list((pack.parent / "cache").glob("*.standing"))


def test_a_start_after_the_cache_was_read_back_opens_no_file_of_the_pack(pack):
    """The second start reads and hashes the pack and remembers how it stood; a third finds the
    same standing and reads nothing but the cache (nor imports hashlib, OpenSSL's, for a key)."""
    remembered(pack)
    assert records(pack)
    script = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and opened.append(str(args[0])))\n"
        "from elysium.content import load_content\n"
        f"content = load_content({str(pack)!r})\n"
        f"print(sorted(p for p in opened if p.startswith({str(pack)!r})), 'hashlib' in sys.modules,"
        " content.rooms['cloakroom'].name)\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=pack.parent)
    assert shown.stdout.split() == ["[]", "False", "Cloakroom"]


def test_the_second_start_remembers_the_standing_of_files_that_have_settled(pack, monkeypatch):
    load_content(pack)
    assert not records(pack)  # the first load writes the cache, not a standing
    load_content(pack)
    assert not records(pack)  # the files were written a moment ago: they may be written again
    monkeypatch.setattr(standing, "SETTLED_NS", -LATER)
    load_content(pack)
    assert records(pack)


def test_files_changed_within_the_settling_time_are_not_remembered(pack):
    load_content(pack)
    packs = [PackFiles(pack)]
    _, key = cache.read(packs)
    newest = max(max(status.st_ctime_ns, status.st_mtime_ns) for status in packs[0].statuses.values())
    standing.remember(packs, key, newest + standing.SETTLED_NS)  # one file changed just in time
    assert not records(pack)
    standing.remember(packs, key, newest + standing.SETTLED_NS + 1)
    assert records(pack)


def test_an_edit_that_keeps_the_size_is_still_seen(pack):
    remembered(pack)
    rooms = pack / "rooms.yaml"
    status = rooms.stat()
    rooms.write_text(rooms.read_text().replace("name: Cloakroom", "name: Clokeroom"))
    os.utime(rooms, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert rooms.stat().st_size == status.st_size
    assert load_content(pack).rooms["cloakroom"].name == "Clokeroom"


@pytest.mark.parametrize("change", ["added", "removed", "longer"])
def test_a_pack_whose_files_changed_is_read_again(pack, change):
    remembered(pack)
    rooms = pack / "rooms.yaml"
    if change == "added":
        (pack / "more.yaml").write_text("rooms:\n  attic:\n    name: Attic\n    description: Dusty.\n"
                                        "    exits: {}\n", encoding="utf-8")
    elif change == "removed":
        (pack / "unread.yaml").write_text("rules: {}\n", encoding="utf-8")
        remembered(pack)
        (pack / "unread.yaml").unlink()
    else:
        rooms.write_text(rooms.read_text().replace("name: Cloakroom", "name: The Cloak Room"))
    assert standing.known([pack]) is None
    content = load_content(pack)
    assert ("attic" in content.rooms) == (change == "added")
    assert content.rooms["cloakroom"].name == ("The Cloak Room" if change == "longer" else "Cloakroom")


def test_other_code_that_reads_content_does_not_take_the_remembered_key(pack, monkeypatch):
    remembered(pack)
    assert standing.known([pack]) is not None
    monkeypatch.setattr(cache, "_CODE_STAMPS", {cache.CONTENT_CODE: b"another version of the checks"})
    assert standing.known([pack]) is None


@pytest.mark.parametrize("record", [b"../" * 21 + b"x", b"", b"not a key at all", b"0" * 64])
def test_a_damaged_or_hostile_record_is_ignored(pack, record):
    remembered(pack)
    for path in records(pack):
        original = path.read_bytes()
        path.write_bytes(record + original[64:] if record else b"")
    assert standing.known([pack]) is None
    assert load_content(pack).rooms["cloakroom"].name == "Cloakroom"


def test_a_remembered_key_whose_cache_file_is_gone_is_read_again(pack):
    remembered(pack)
    for path in (pack.parent / "cache").glob("*.pickle"):
        path.unlink()
    assert standing.known([pack]) is None
    assert load_content(pack).rooms["cloakroom"].name == "Cloakroom"


def test_the_cache_switched_off_remembers_nothing(pack, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    load_content(pack)
    standing.remember([PackFiles(pack)], "0" * 64, LATER)
    assert standing.known([pack]) is None
    assert not (pack.parent / "cache").exists()


def test_a_game_and_its_mods_are_remembered_together(pack, tmp_path):
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "pack.yaml").write_text("id: extra\nname: Extra\nversion: 1.0.0\n", encoding="utf-8")
    (mod / "rooms.yaml").write_text("rooms:\n  attic:\n    name: Attic\n    description: Dusty.\n"
                                    "    exits: {}\n", encoding="utf-8")
    load_content(pack, (mod,))
    packs = [PackFiles(pack), PackFiles(mod)]
    _, key = cache.read(packs)
    standing.remember(packs, key, LATER)
    assert standing.known([pack]) is None  # the game alone stood otherwise
    assert any(room.endswith("attic") for room in standing.known([pack, mod]).rooms)
    (mod / "rooms.yaml").write_text("rooms: {}\n", encoding="utf-8")
    assert standing.known([pack, mod]) is None


def test_a_record_that_is_not_a_regular_file_never_hangs_a_start(pack):
    remembered(pack)
    for path in records(pack):
        path.unlink()
        os.mkfifo(path)  # a reader of a named pipe would wait for a writer forever
    assert standing.known([pack]) is None
    assert load_content(pack).rooms["cloakroom"].name == "Cloakroom"
