"""A pack's files, each looked at before it is read, and read once.

Anyone can write a pack, so a file named `*.yaml` may be anything: a link to `/dev/zero` (which
never ends), a named pipe (whose reader waits for a writer forever), a link in a loop, a sparse
file of many gigabytes, a link out of the pack. Each is looked at with `lstat`/`stat` first, and
only a regular file inside its pack, no larger than MAX_FILE_BYTES, is opened: without blocking,
checked again once open, and read with a cap, since a file can grow between the look and the read
and some report a size of 0. Anything else is refused with a reason a modder can act on.

Folders are walked without following links, so a link to a folder cannot lead the walk out of the
pack or round in a circle. Each file is read once: the same bytes give the cache key, the pack's
fingerprint and the parsed content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 4 * 1024 * 1024
SUFFIXES = (".yaml", ".yml")
CHUNK = 64 * 1024
# Never wait on a pipe or a device that was swapped in after the look; never make it our terminal.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)

KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Refused(Exception):
    """A content file that is not read, and why, in words for a modder."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_content(name: str) -> bool:
    return os.path.normcase(name).endswith(SUFFIXES)


def display(path: str | Path) -> str:
    """A path as a modder would type it: relative to the working folder when under it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _kind(mode: int) -> str:
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


def _inside(real: str, pack: str) -> bool:
    return real == pack or real.startswith(pack.rstrip(os.sep) + os.sep)


def look(path: Path, pack: str, walked: bool = False) -> os.stat_result:
    """The file's status, if it is content that may be read: a regular file (or a link to one)
    that lies inside `pack` (a real path, see os.path.realpath) and is no larger than the cap.
    Raises Refused otherwise. Nothing is opened. `walked`: the path was listed by `walk` from the
    pack's folder, which descends no link, so a file that is no link itself lies inside."""
    try:
        status = os.lstat(path)
    except OSError as error:
        raise Refused(f"cannot read the file ({error.strerror or error})") from None
    linked = stat.S_ISLNK(status.st_mode)
    if linked:
        try:
            status = os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise Refused("this file is a link in a loop of links that never reaches a file") from None
            if error.errno == errno.ENOENT:
                raise Refused(f"this file is a link to {display(os.path.realpath(path))}, "
                              "which does not exist") from None
            raise Refused(f"cannot read the file ({error.strerror or error})") from None
    if not stat.S_ISREG(status.st_mode):
        kind = _kind(status.st_mode)
        if linked:
            raise Refused(f"this file is a link to {display(os.path.realpath(path))}, which is {kind}, "
                          "not a regular file")
        raise Refused(f"this is {kind}, not a regular file" + (
            " (only files may be named *.yaml or *.yml)" if kind == "a folder" else ""))
    if linked or not walked:  # realpath costs a stat of each part of the path
        real = os.path.realpath(path)
        if not _inside(real, pack):
            raise Refused(f"this file is a link to {display(real)}, which lies outside its pack folder")
    if status.st_size > MAX_FILE_BYTES:
        raise _too_large()
    return status


def _too_large(limit: int = MAX_FILE_BYTES) -> Refused:
    return Refused(f"the file is larger than {limit // 1024 // 1024} MiB")


def read_file(path: Path, pack: str) -> bytes:
    """The bytes of a content file that `look` allows, read with the cap; Refused otherwise."""
    return _read_capped(path, look(path, pack).st_size, MAX_FILE_BYTES)


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of any regular file (a link to one is followed) of at most `limit` bytes, for files
    that belong to no pack, such as transcripts; Refused for a pipe, a device, a loop or more."""
    try:
        status = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused("this file is a link in a loop of links that never reaches a file") from None
        raise Refused(f"cannot read the file ({error.strerror or error})") from None
    if not stat.S_ISREG(status.st_mode):
        raise Refused(f"this is {_kind(status.st_mode)}, not a regular file")
    if status.st_size > limit:
        raise _too_large(limit)
    return _read_capped(path, status.st_size, limit)


def _read_capped(path: Path, expected: int, limit: int) -> bytes:
    try:
        handle = os.open(path, OPEN_FLAGS)
    except OSError as error:
        raise Refused(f"cannot read the file ({error.strerror or error})") from None
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else since the look
            raise Refused(f"this is {_kind(opened.st_mode)}, not a regular file")
        chunks, total = [], 0
        # One read for the whole file as its size says, then reads until the end or the cap.
        wanted = min(expected, limit) + 1
        while total <= limit:
            chunk = os.read(handle, min(wanted, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            wanted = CHUNK
    except OSError as error:
        raise Refused(f"cannot read the file ({error.strerror or error})") from None
    finally:
        os.close(handle)
    if total > limit:
        raise _too_large(limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def walk(folder: Path) -> tuple[list[Path], dict[Path, str]]:
    """The names of `folder`'s content files (sorted, every `*.yaml` then every `*.yml`, as they
    load), and the sub-folders that could not be listed, with why. Links to folders are not
    followed; a link named like content is listed, for `look` to judge."""
    found: list[Path] = []
    unlisted: dict[Path, str] = {}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    path = current / entry.name
                    if is_content(entry.name):
                        found.append(path)
                    try:
                        real_folder = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        real_folder = False
                    if real_folder:
                        pending.append(path)
        except OSError as error:
            unlisted[current] = f"cannot read this folder ({error.strerror or error})"
    yaml = sorted(p for p in found if os.path.normcase(p.name).endswith(".yaml"))
    return yaml + sorted(p for p in found if not os.path.normcase(p.name).endswith(".yaml")), unlisted


class PackFiles:
    """One pack folder's content files, each looked at and read once: the bytes of those that
    could be read, and why each of the others could not."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.real = os.path.realpath(folder)
        self.exists = folder.is_dir()
        self.paths: list[Path] = []  # in load order
        self.data: dict[Path, bytes] = {}
        self.problems: dict[Path, str] = {}
        self.stamps: dict[Path, tuple[int, int]] = {}  # each file's size and time as read
        self.statuses: dict[Path, os.stat_result] = {}  # each file's status, looked at before its read
        if not self.exists:
            return
        self.paths, self.problems = walk(folder)
        for path in self.paths:
            try:
                data, status = _read_looked(path, self.real, walked=True)
            except Refused as refused:
                self.problems[path] = refused.message
            else:
                self.data[path], self.statuses[path] = data, status
                self.stamps[path] = (len(data), status.st_mtime_ns)

    @property
    def readable(self) -> bool:
        """Whether the folder and every file in it could be read."""
        return self.exists and not self.problems

    def relative(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def take(self, path: Path) -> bytes:
        """A file's bytes, handed over once: the pack keeps them no longer than they are needed."""
        return self.data.pop(path)

    def text_again(self, path: Path) -> str | None:
        """A file's text read again, for the positions of a message after its bytes were let go;
        None when the file is not what was read (its size or time changed since), or is gone."""
        try:
            data, status = _read_looked(path, self.real, walked=True)
        except Refused:
            return None
        if (len(data), status.st_mtime_ns) != self.stamps.get(path):
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None


def _read_looked(path: Path, pack: str, walked: bool = False) -> tuple[bytes, os.stat_result]:
    """read_file, with the status the file had when looked at: a file that changes after the look
    gets a new time, so its status never vouches for bytes it did not see."""
    status = look(path, pack, walked)
    return _read_capped(path, status.st_size, MAX_FILE_BYTES), status


def survey(folder: Path) -> tuple[str, list[tuple[str, os.stat_result]]] | None:
    """How a pack's content files stand, each looked at but none read: the folder's real path and
    each file's name (relative, in load order) and status. None when the folder, a sub-folder or a
    file could not be read as content (the full load, through PackFiles, says why)."""
    if not folder.is_dir():
        return None
    real = os.path.realpath(folder)
    paths, unlisted = walk(folder)
    if unlisted:
        return None
    try:
        return real, [(path.relative_to(folder).as_posix(), look(path, real, walked=True)) for path in paths]
    except Refused:
        return None
