"""A pack's files are looked at before they are read, read with a cap, and read once a load.

The broken-mod corpus (test_broken_mods.py) shows what `validate` says about each kind of file
that is no content; these tests hold what the corpus cannot show from outside.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from elysium.content import files, load_content
from elysium.content.files import MAX_FILE_BYTES, PackFiles, Refused, read_file
from elysium.content.watch import PackWatcher

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "world"))


def _link(link: Path, target: str | Path, folder: bool = False) -> None:
    try:
        link.symlink_to(target, target_is_directory=folder)
    except OSError as error:
        pytest.skip(f"cannot make a symlink here: {error}")


def test_a_file_that_grows_past_the_cap_after_it_was_looked_at_is_refused(pack, monkeypatch):
    """The size a file reports is not trusted: what arrives is counted (a file can grow between
    the look and the read, and files like those in /proc report a size of 0)."""
    grown = pack / "grown.yaml"
    grown.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    looked = os.stat(pack / "rooms.yaml")  # a small file's status, as if looked at before it grew
    monkeypatch.setattr(files, "look", lambda path, folder: looked)

    with pytest.raises(Refused, match="larger than 4 MiB"):
        read_file(grown, os.path.realpath(pack))
    assert read_file(pack / "rooms.yaml", os.path.realpath(pack)) == (pack / "rooms.yaml").read_bytes()


@pytest.mark.parametrize("cache", ["miss", "hit"])
def test_each_file_is_opened_once_a_load(pack, tmp_path, monkeypatch, cache):
    """The cache key, the pack's fingerprint and the content all come from one read of each file."""
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    if cache == "hit":
        load_content(pack)
    opened: list[str] = []
    real_open, real_io_open = os.open, __import__("io").open

    def counting_open(path, *args, **kwargs):
        if str(path).startswith(str(pack)):
            opened.append(os.path.relpath(path, pack))
        return real_open(path, *args, **kwargs)

    def counting_io_open(path, *args, **kwargs):
        if isinstance(path, (str, Path)) and str(path).startswith(str(pack)):
            opened.append(os.path.relpath(path, pack))
        return real_io_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    monkeypatch.setattr("io.open", counting_io_open)
    monkeypatch.setattr("builtins.open", counting_io_open)
    content = load_content(pack)

    expected = sorted(p.relative_to(pack).as_posix() for p in pack.rglob("*.yaml"))
    assert sorted(opened[:len(expected)]) == expected
    # After that, a file is read again only for the positions of the messages it has (a load lets
    # go of the files' texts: see test_load_memory.py), and that reading makes no content.
    warned = {os.path.relpath(str(w.mark.file), pack) for w in content.warnings} if cache == "miss" else set()
    assert set(opened[len(expected):]) <= warned


def test_a_link_to_a_folder_is_not_followed(pack, tmp_path):
    """Neither out of the pack (its files would be someone else's) nor round in a circle."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "stray.yaml").write_text("rooms: {stray: {name: Stray, description: Nowhere.}}\n")
    _link(pack / "borrowed", elsewhere, folder=True)
    _link(pack / "again", ".", folder=True)

    content = load_content(pack)

    assert "stray" not in content.rooms
    assert PackFiles(pack).paths == sorted(pack.glob("*.yaml"))


def test_a_link_to_a_file_inside_the_pack_is_read(pack):
    (pack / "shared").mkdir()
    (pack / "shared" / "lore.txt").write_text("lore:\n  echo: {title: Echo, text: Said twice.}\n")
    _link(pack / "echo.yaml", Path("shared") / "lore.txt")

    assert load_content(pack).lore["echo"].title == "Echo"


def test_the_dev_watcher_looks_at_files_without_reading_them(pack):
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes (os.mkfifo)")
    os.mkfifo(pack / "pipe.yaml")
    _link(pack / "a.yaml", "b.yaml")
    _link(pack / "b.yaml", "a.yaml")
    _link(pack / "again", ".", folder=True)
    watcher = PackWatcher([pack])
    assert watcher.changed() == []

    (pack / "pipe.yaml").unlink()
    (pack / "pipe.yaml").write_text("lore: {}\n")
    (pack / "b.yaml").unlink()
    (pack / "b.yaml").write_text("lore: {}\n")

    assert watcher.changed() == [pack / "a.yaml", pack / "b.yaml", pack / "pipe.yaml"]


def test_a_sub_folder_that_cannot_be_listed_is_an_error_at_its_path(pack, monkeypatch, capsys):
    """Not skipped in silence (as a glob does): its files would be missing from the game."""
    from elysium import cli

    locked = pack / "locked"
    locked.mkdir()
    listing = os.scandir

    def refusing(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert cli.main(["validate", "--no-mods", "--content", str(pack)]) == 2
    assert f"{locked}:1:1: error: cannot read this folder (Permission denied)" in capsys.readouterr().err.splitlines()
