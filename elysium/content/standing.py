"""A warm start that knows its packs by how their files stand, without reading or hashing them.

The cache's key is a hash of every file's bytes (cache.cache_key), so finding a pack's cached
content meant reading the whole pack and hashing it: at 50,000 rooms, 95 MB read for a key; for a
small pack, more than the rest of the start (OpenSSL's hashlib alone takes milliseconds to
import). Once a key has been read back from the cache, it is remembered beside it with how the
pack's files stood when their bytes were read: each file's name, size, modification and change
times, inode and device. A later start that finds them all standing the same uses that key
without opening a single file of the pack, as make, Python's own bytecode cache and git's index
do. Anything else (a file edited, added, removed, renamed, touched, another version of the
engine or of the code that reads content) stands differently, and the pack is read and hashed as
before.

One race is closed as git closes it: a file could be written again within the same tick of the
filesystem's clock as the look that recorded it, and stand the same with other bytes. So a
standing is only remembered when every file was last changed at least SETTLED_NS before the load
began: any later write gets a later change time.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from pathlib import Path

from elysium import __version__
from elysium.content import cache, model
from elysium.content.files import PackFiles, Refused, read_regular, survey

SETTLED_NS = 2_000_000_000  # coarser than any filesystem's clock (FAT's is 2 s)
KEY_LENGTH = 64  # a SHA-256 in hex, as cache_key writes it
HEX = frozenset(b"0123456789abcdef")


def known(folders: list[Path]) -> model.Content | None:
    """The cached content of these pack folders if their files stand as they stood when it was
    last read back, else None (the caller reads and hashes the packs)."""
    where = cache.cache_folder()
    if where is None:
        return None
    try:  # the cache folder is the player's own, but a pipe or a huge file there must not hang a start
        record = read_regular(where / _record_name([os.path.realpath(folder) for folder in folders]))
    except Refused:
        return None  # a pack never read back (its first load): no need to look at its files
    key, stood = record[:KEY_LENGTH], record[KEY_LENGTH:]
    if len(key) != KEY_LENGTH or not HEX.issuperset(key):
        return None
    surveys = [survey(folder) for folder in folders]
    if any(found is None for found in surveys) or stood != _standing(surveys):
        return None
    return cache.stored(where, key.decode("ascii"))


def remember(packs: list[PackFiles], key: str, started_ns: int) -> None:
    """Remember that `key` was read back for the packs as they stood when read (see `known`), if
    every file had settled before `started_ns`; a cache that cannot be written is no failure."""
    where = cache.cache_folder()
    if where is None or len(key) != KEY_LENGTH:
        return
    settled = started_ns - SETTLED_NS
    standings = []
    for pack in packs:
        files = []
        for path in pack.paths:
            status = pack.statuses.get(path)
            if status is None or status.st_mtime_ns >= settled or status.st_ctime_ns >= settled:
                return
            files.append((pack.relative(path), status))
        standings.append((pack.real, files))
    try:
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(key.encode("ascii") + _standing(standings))
        os.replace(temporary, where / _record_name([pack.real for pack in packs]))
    except OSError:
        pass


def _standing(packs: list[tuple[str, list[tuple[str, os.stat_result]]]]) -> bytes:
    """How the packs' files stand, and which code would read them (a key remembered by one version
    of the engine is no key for another)."""
    parts = [f"{__version__}\0{cache.FORMAT}\0".encode(), cache.code_stamp()]
    for real, files in packs:
        parts.append(f"\0{real}\0".encode())
        for name, status in files:
            parts.append(f"{name}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\0"
                         f"{status.st_ino}\0{status.st_dev}\0".encode())
    return b"".join(parts)


def _record_name(reals: list[str]) -> str:
    """One record for each list of pack folders (a game and its mods); the record holds its whole
    standing, so two lists that share a name only take each other's place."""
    return f"{zlib.crc32(chr(0).join(reals).encode()):08x}.standing"
