"""Saved games: one JSON file per slot in a saves folder, that a crash can never leave half-written.

A save is readable JSON: its format version, the game's version, the packs it was made with (id,
version and a hash of their files), a summary for listings, the whole state including the dice,
a bounded undo history (each step's rest written as what differs from the next step's, see
saved_history.py), and a checksum of all of that. It is written to a temporary file in the
same folder, flushed and fsynced, renamed over the old one, and the folder is fsynced, so a save is
always either the old one or the new one.

Reading is as careful: only regular files of the folder's own are opened (never a link, a pipe or
a device), with a cap on what is read, and nothing in a save is trusted until save_check.py has
measured it. The temporary file of a save names the process writing it, so that cleaning up after
interrupted saves never removes a file that another running game is still writing.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from elysium import __version__
from elysium.content.styles import without_controls
from elysium.state import saved_history
from elysium.state.migrations import CURRENT_FORMAT, migrate
from elysium.state.save_text import SHORT_TEXT, Damaged, parse

SUFFIX = ".save.json"
TEMPORARY = ".tmp"
SLOT_PATTERN = re.compile(r"[^a-z0-9_-]+")
SAFE_SLOT = re.compile(r"[a-z0-9_-]{1,40}")
NAME_HASH_LENGTH = 8  # hex digits of the typed name's hash that tell apart names of the same letters
HISTORY_KEPT = 30  # undo steps a save carries: enough to take back a mistake, small on disk
MAX_SAVE_BYTES = 64 * 1024 * 1024
CHECKSUM_KEY = ',"checksum":"'  # how a save of format 4 or 5 ends, before its checksum
CHECKSUM_KEY_OF_FORMAT_3 = ', "checksum": "'
COMPACT = (",", ":")
VERSION_PATTERN = re.compile(r"(\d{1,9}(?:\.\d{1,9}){0,3})(?:[-+.A-Za-z][0-9A-Za-z.+-]{0,40})?")
# A temporary file: .<slot>.<host>-<pid>.<random>.tmp, naming the machine and the process writing it.
WRITER = re.compile(r"\.[a-z0-9_-]+\.(?P<host>[0-9a-f]{8})-(?P<pid>\d{1,10})\.[^.]+" + re.escape(TEMPORARY))
STALE_AFTER_S = 60 * 60  # a temporary this old is left over, whoever wrote it: a save takes milliseconds
SPECIAL_FILES = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class SaveError(Exception):
    """A save that cannot be written or read; the message says why, for the player."""


@dataclass(frozen=True)
class SaveInfo:
    """A save as listings show it: its name, when in the game and where, and when it was saved."""

    name: str
    day: int | None  # None (and clock None): a game without the clock, whose saves tell the turn
    clock: str | None
    location: str
    saved_at: str
    turn: int | None = None

    @property
    def when(self) -> str:
        """'day 2, 09:00' in a game with the clock, 'turn 14' in one without."""
        return f"day {self.day}, {self.clock}" if self.day is not None else f"turn {self.turn}"


def slot_name(name: str) -> str:
    """A safe file name for what the player typed: letters, digits, - and _ only, never a path.
    A name that is such a file name already (in any case) is its own slot, as it always was; any
    other keeps a readable part of it and a short hash of the whole name, so that names in any
    script, and names that differ only in their other characters, each have a slot of their own."""
    typed = _folded(name)
    if SAFE_SLOT.fullmatch(typed):
        return typed
    readable = _legacy_slot(typed)[: 40 - NAME_HASH_LENGTH - 1].strip("-") or "save"
    return f"{readable}-{_sha256(typed.encode('utf-8'))[:NAME_HASH_LENGTH]}"


def shown_name(name: str) -> str:
    """The name as the player typed it, as saves, listings and replies show it: no control
    characters, no surrounding spaces, and short enough for a listing."""
    return " ".join(without_controls(name).split())[:SHORT_TEXT].rstrip() or "quicksave"


def _folded(name: str) -> str:
    """The typed name that picks a slot: the name as shown, in either case, is one name."""
    return unicodedata.normalize("NFC", shown_name(name)).casefold()


def _legacy_slot(name: str) -> str:
    """The slot that versions before names kept their own slot gave a name ("" for quicksave)."""
    return SLOT_PATTERN.sub("-", name.strip().lower()).strip("-")[:40]


def checksum(body: dict[str, Any]) -> str:
    """sha256 of the body as a save of its format writes it (JSON on one line, keys in their order),
    leaving out the checksum itself. Parsing and dumping again gives the same text, so a save that
    a JSON tool has reformatted still checks."""
    unsigned = {k: v for k, v in body.items() if k != "checksum"}
    if body.get("format") in (1, 2, 3):  # format 3 wrote json's default spacing
        return _digest(json.dumps(unsigned, ensure_ascii=False))
    return _digest(json.dumps(unsigned, ensure_ascii=False, separators=COMPACT))


def encoded(body: dict[str, Any]) -> bytes:
    """The UTF-8 text of a save's body (formats 4 and 5): JSON on one line without spaces, and no
    character escaped that need not be. orjson and json write the same bytes; json writes what
    orjson will not (a number past 64 bits, a key that is not text), as it always did."""
    fast = _orjson()
    if fast is not None:
        try:
            return fast.dumps(body)
        except TypeError:  # orjson.JSONEncodeError is one
            pass
    return json.dumps(body, ensure_ascii=False, separators=COMPACT).encode("utf-8")


@functools.cache
def _orjson() -> Any:
    """orjson, which writes a save's text several times faster, or None where it is not installed
    (the standard library's json writes the same text). Imported at the first save, not on the way
    to the title screen."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def _sha256(data: bytes) -> str:
    """The SHA-256 of `data`, in hex. hashlib (OpenSSL's, 2-6 ms to import) is imported here, when
    something is hashed: listing the saves for the title screen hashes nothing."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _digest(text: str) -> str:
    return "sha256:" + _sha256(text.encode("utf-8"))


def _checksum_of_format_2(body: dict[str, Any]) -> str:
    """Format 2 hashed the body with its keys sorted, at the cost of a second encoding."""
    canonical = json.dumps({k: v for k, v in body.items() if k != "checksum"}, sort_keys=True,
                           separators=(",", ":"), ensure_ascii=False)
    return _digest(canonical)


def _checksum_matches(raw: str, body: dict[str, Any]) -> bool:
    expected = body["checksum"]
    if body["format"] == 2:
        return expected == _checksum_of_format_2(body)
    # As written: the checksum is the last key, and covers every character before it.
    head, marker, tail = raw.rpartition(CHECKSUM_KEY if body["format"] >= 4 else CHECKSUM_KEY_OF_FORMAT_3)
    if marker and tail.rstrip() == f'{expected}"}}' and _digest(head + "}") == expected:
        return True
    return expected == checksum(body)


class SaveSlots:
    """The saves in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._history = saved_history.HistoryWriter()

    def path(self, name: str) -> Path:
        return self.folder / f"{slot_name(name)}{SUFFIX}"

    def write(self, name: str, body: dict[str, Any]) -> SaveInfo:
        """Write a save atomically; raises SaveError (and leaves every other save alone) on failure."""
        slot = slot_name(name)
        body = {"format": CURRENT_FORMAT, "name": shown_name(name), **body,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="microseconds")}
        body["history"] = self._history.as_written(body.get("history", [])[-HISTORY_KEPT:])
        # One line, encoded once, and the checksum of that text goes last, so that reading can
        # check it without encoding again.
        data = encoded(body)
        body["checksum"] = "sha256:" + _sha256(data)
        data = b"%s%s%s\"}" % (data[:-1], CHECKSUM_KEY.encode("ascii"), body["checksum"].encode("ascii"))
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{slot}.{writer_tag()}.", suffix=TEMPORARY,
                                                 dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path(slot))
            temporary = None
            _fsync_folder(self.folder)
        except OSError as error:
            raise SaveError(f"The game could not be saved: {error.strerror or error}. "
                            "Your other saved games are untouched.") from None
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
        return self.info(slot, body)

    def read(self, name: str) -> dict[str, Any]:
        """The body of a save, checked and brought up to the current format; SaveError if not.
        Its values are checked against the content by save_check.check_save (see Game.restore)."""
        slot = self.existing_slot(name)
        quoted = f"\u201c{shown_name(name)}\u201d"
        try:
            raw = read_file_with_care(self.path(slot)).decode("utf-8")
        except NotAFileToRead as refusal:
            raise SaveError(f"The saved game {quoted} {refusal}") from None
        except FileNotFoundError:
            raise SaveError(f"There is no saved game called {quoted}. (SAVES lists them.)") from None
        except UnicodeDecodeError:
            raise SaveError(f"The saved game {quoted} is damaged: it is not text.") from None
        except OSError as error:
            raise SaveError(f"The saved game {quoted} cannot be read: {error.strerror or error}.") from None
        if not raw.strip():
            raise SaveError(f"The saved game {quoted} is empty.")
        try:
            return _checked_body(raw, quoted)
        except Damaged as problem:
            raise SaveError(f"The saved game {quoted} is damaged: {problem}.") from None
        except RecursionError:  # a body nested just shallow enough to parse, and too deep to hash
            raise SaveError(f"The saved game {quoted} is damaged: it is nested far deeper than any "
                            "saved game.") from None

    def delete(self, name: str) -> str:
        """Delete a save; returns its name as shown."""
        slot, shown = self.existing_slot(name), shown_name(name)
        try:
            self.path(slot).unlink()
        except FileNotFoundError:
            raise SaveError(f"There is no saved game called \u201c{shown}\u201d.") from None
        except OSError as error:
            raise SaveError(f"The saved game \u201c{shown}\u201d could not be deleted: {error.strerror or error}.") from None
        return shown

    def exists(self, name: str) -> bool:
        """Whether saving as `name` would replace a saved game."""
        return os.path.lexists(self.path(name))

    def existing_slot(self, name: str) -> str:
        """The slot a name is read from: its own, or, when it has none, the slot that versions
        before names kept their own slot gave it ("My Save!" was my-save), if a save that such a
        version wrote is there. A save written since names its name, and is never taken for another's."""
        slot = slot_name(name)
        legacy = _legacy_slot(_folded(name))
        if not legacy or legacy == slot or os.path.lexists(self.path(slot)) \
                or not os.path.lexists(self.path(legacy)):
            return slot
        try:
            body = parse(read_file_with_care(self.path(legacy)).decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return legacy  # reading it says what is wrong with it
        return legacy if not (isinstance(body, dict) and "name" in body) else slot

    def list(self) -> list[SaveInfo]:
        """Every readable save, newest first (a damaged one is reported when it is loaded). What is
        not a save file of this folder (a link, a pipe, a file too large, a name that is not a
        slot's, a summary no game wrote) is left out, so that one bad file never hides the rest."""
        found = []
        try:
            paths = list(self.folder.glob(f"*{SUFFIX}"))
        except OSError:
            return []
        for path in paths:
            slot = path.name[: -len(SUFFIX)]
            if slot_name(slot) != slot:
                continue  # no name that reading it would look for
            try:
                found.append(self.info(slot, parse(read_file_with_care(path).decode("utf-8"))))
            except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
                continue
        found.sort(key=lambda info: info.name)
        return sorted(found, key=lambda info: info.saved_at, reverse=True)  # ties stay in name order

    def newest(self) -> SaveInfo | None:
        saves = self.list()
        return saves[0] if saves else None

    def to_continue(self) -> list[str]:
        """What CONTINUE tries, in order, until one restores. First the save file written last,
        when no list shows it (a damaged autosave), so that the player is told what is wrong with
        it rather than that there is none; then every listed save, newest first. What is not a
        plain file (a link, a pipe) is no save a game wrote, and is passed over in silence."""
        listing = self.list()
        try:
            written = []
            for path in self.folder.glob(f"*{SUFFIX}"):
                status = path.lstat()
                if stat.S_ISREG(status.st_mode):
                    written.append((status.st_mtime_ns, path.name[: -len(SUFFIX)]))
        except OSError:
            written = []
        slots = [slot for _, slot in sorted(written, reverse=True) if slot_name(slot) == slot]
        listed = [info.name for info in listing]
        unlisted = slots[:1] if slots and slots[0] not in {slot_name(name) for name in listed} else []
        return unlisted + listed

    def clean_temporaries(self) -> int:
        """Remove temporary files that interrupted saves left behind: those whose writer, a process
        on this machine, has ended, and any older than STALE_AFTER_S (written elsewhere, or by an
        older version that did not name its writer). A save being written now is never touched."""
        removed = 0
        try:
            paths = list(self.folder.glob(f".*{TEMPORARY}"))
        except OSError:
            return 0
        for path in paths:
            try:
                if _left_over(path):
                    path.unlink()
                    removed += 1
            except OSError:
                pass
        return removed

    @staticmethod
    def info(slot: str, body: dict[str, Any]) -> SaveInfo:
        """A save's listing; its name as typed when it has one that leads back to its slot."""
        name = body.get("name")
        shown = name if type(name) is str and shown_name(name) == name and slot_name(name) == slot else slot
        summary = body["summary"]
        if "turn" in summary:  # a game without the clock
            info = SaveInfo(shown, None, None, summary["location"], body["saved_at"], summary["turn"])
            timed = type(info.turn) is int
        else:
            info = SaveInfo(shown, summary["day"], summary["clock"], summary["location"], body["saved_at"])
            timed = type(info.day) is int and type(info.clock) is str and len(info.clock) <= SHORT_TEXT
        if not (timed and all(type(text) is str and len(text) <= SHORT_TEXT
                              for text in (info.location, info.saved_at))):
            raise ValueError("a save summary of the wrong shape")
        return info


class NotAFileToRead(OSError):
    """A path that is no file of the game's own: the end of "The saved game “x” ..." says what it is."""


def read_file_with_care(path: Path) -> bytes:
    """The bytes of a file in the saves folder: a regular file, not a link, of at most MAX_SAVE_BYTES.
    Looked at before it is opened, opened without following a link or waiting on a pipe, and
    looked at again once open (it may have been swapped in between)."""
    _refuse_special(os.lstat(path), link_too=True)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        _refuse_special(info, link_too=False)
        # What the file holds, and a byte more to tell one that grew past the cap since.
        data = stream.read(info.st_size + 1)
    if len(data) > MAX_SAVE_BYTES:
        raise NotAFileToRead("is far too large to be a saved game.")
    return data


def _refuse_special(info: os.stat_result, link_too: bool) -> None:
    if link_too and stat.S_ISLNK(info.st_mode):
        # The game never makes links; one may lead to a device, a pipe or someone else's file.
        raise NotAFileToRead("is a link to another file, and the game only reads saves it wrote itself.")
    for kind, noun in SPECIAL_FILES:
        if kind(info.st_mode):
            raise NotAFileToRead(f"is {noun}, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileToRead("is not a file.")
    if info.st_size > MAX_SAVE_BYTES:
        raise NotAFileToRead("is far too large to be a saved game.")


def _checked_body(raw: str, quoted: str) -> dict[str, Any]:
    """The body of a save's text, brought up to the current format: its checksum, its format and
    the game's version checked. Raises SaveError, or Damaged for the caller to word."""
    body = parse(raw)  # no control characters in it: nothing read from it can reach a terminal as one
    if not isinstance(body, dict) or type(body.get("format")) is not int:
        raise SaveError(f"The saved game {quoted} is not an Elysium saved game.")
    if body["format"] > CURRENT_FORMAT:
        raise SaveError(f"The saved game {quoted} was made by a newer version of Elysium "
                        f"(format {body['format']}); this version reads up to format {CURRENT_FORMAT}.")
    if type(body.get("state")) is not dict:
        raise SaveError(f"The saved game {quoted} is not an Elysium saved game.")
    version = body.get("game_version", __version__)
    if type(version) is not str or not VERSION_PATTERN.fullmatch(version):
        raise Damaged("its game version is unreadable")
    if _release(version) > _release(__version__):
        raise SaveError(f"The saved game {quoted} was made by a newer version of Elysium ({version}); "
                        f"this is version {__version__}.")
    if body["format"] >= 2 and "checksum" not in body:  # format 1 had none
        raise Damaged("its checksum is missing")
    if "checksum" in body and not _checksum_matches(raw, body):
        raise Damaged("its contents do not match its checksum")
    try:
        body = migrate(body)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SaveError(f"The saved game {quoted} is in a form this version cannot read.") from None
    if not isinstance(body.get("state"), dict) or not isinstance(body.get("history", []), list):
        raise SaveError(f"The saved game {quoted} is not an Elysium saved game.")
    return body


def _release(version: str) -> tuple[int, ...]:
    """(0, 2, 1) for "0.2.1" or "0.2.1.dev3": the numbers a newer game would have raised."""
    return tuple(int(part) for part in VERSION_PATTERN.fullmatch(version)[1].split("."))


def writer_tag() -> str:
    """This process, as a temporary file names it: a hash of the machine's name, and the pid."""
    import socket  # only when a save is written: not on the way to the title screen

    host = _sha256(socket.gethostname().encode("utf-8", "replace"))[:8]
    return f"{host}-{os.getpid()}"


def _left_over(path: Path) -> bool:
    """Whether a temporary file is one that no running save will finish."""
    info = path.lstat()
    if time.time() - info.st_mtime > STALE_AFTER_S:
        return True
    writer = WRITER.fullmatch(path.name)
    if writer is None or os.name == "nt" or writer["host"] != writer_tag().split("-")[0]:
        return False  # not known to be over: left until it is stale
    return not _running(int(writer["pid"]))


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: is there such a process (never on Windows, where it kills)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a pid we cannot ask about: leave its file alone
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def default_saves_folder() -> Path:
    """The checkout's saves/ folder when run from a checkout, else the platform's user data folder."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "saves").is_dir():
        return checkout / "saves"
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif (Path.home() / "Library" / "Application Support").is_dir():
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "elysium" / "saves"
