"""What each file gave a full load, kept for reloading only the files that change (incremental.py).

`RecordingAssembly` is the loader's own `Assembly` (assemble.py), noting as it reads each file
the entries the file added and its slice of every list the checker fills; `NameIndex` counts the
flags and counters read and set, and `Fingerprint` keeps a pack's fingerprint hash after each file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from elysium.content import model, names_check
from elysium.content.assemble import Assembly
from elysium.content.audit import warnings_for
from elysium.content.files import PackFiles
from elysium.content.problems import Problem
from elysium.content.yamlsafe import Document

# What each file adds to the checker's lists as its entries are read (see validate.Checker).
CHECKER_LISTS = ("problems", "references", "named", "names", "state_uses", "moves", "switched", "warnings")


@dataclass
class FileRecord:
    """What one content file gave a load."""

    document: Document
    pack_id: str
    has_patch: bool = False
    states_raw: Any = None
    lists: dict[str, list] = field(default_factory=dict)
    entries: dict[str, list[tuple[str, tuple[dict[str, Any], Any]]]] = field(default_factory=dict)
    moved: set[str] = field(default_factory=set)
    effect_places: dict[int, Any] = field(default_factory=dict)
    rule_places: dict[str, Any] = field(default_factory=dict)
    states: dict[str, Any] = field(default_factory=dict)
    name_warnings: list[Problem] = field(default_factory=list)

    def ids(self) -> dict[str, list[str]]:
        return {kind: [entry_id for entry_id, _ in found] for kind, found in self.entries.items() if found}


class Logged(dict):
    """A kind's entries that note each id whose place the audit asks for, in the order asked."""

    def __init__(self, kind: str, entries: dict, asked: list[tuple[str, str]]) -> None:
        super().__init__()
        self.kind, self.entries, self.asked = kind, entries, asked

    def __getitem__(self, entry_id: str):
        self.asked.append((self.kind, entry_id))
        return self.entries[entry_id]


class RecordingAssembly(Assembly):
    """A full load that keeps, file by file, what each file gave it (see FileRecord)."""

    keeps_every_reference = True
    builds_early = False  # each file's record keeps its entries' converted fields, to be built again

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, FileRecord] = {}  # by the Document's file name, in load order
        self.prefix_counts: dict[str, int] | None = None  # the checker's lists before any file
        self.pack_ids: dict[Path, str] = {}
        self.audit: list[tuple[tuple[str, str], Problem]] | None = None
        self.names_index: NameIndex | None = None

    def read_manifest(self, pack: PackFiles, is_game: bool):
        manifest = super().read_manifest(pack, is_game)
        if manifest is not None:
            self.pack_ids[pack.folder] = manifest.id
        return manifest

    def counts(self) -> dict[str, Any]:
        checker = self.checker
        found: dict[str, Any] = {name: len(getattr(checker, name)) for name in CHECKER_LISTS}
        found.update({f"entries.{kind}": len(entries) for kind, entries in self.entries.items()})
        found.update(effect_places=len(checker.effect_places), rule_places=len(self.rule_places),
                     states=len(self.states), moved=set(checker.moved))
        return found

    def read_entries(self, doc: Document, pack_id: str) -> None:
        before = self.counts()
        if self.prefix_counts is None:
            self.prefix_counts = before
        raw = doc.data if isinstance(doc.data, dict) else {}
        record = FileRecord(doc, pack_id, "patch" in raw, raw.get("states"))
        super().read_entries(doc, pack_id)
        checker = self.checker
        for name in CHECKER_LISTS:
            record.lists[name] = getattr(checker, name)[before[name]:]
        for kind, entries in self.entries.items():
            added = len(entries) - before[f"entries.{kind}"]
            record.entries[kind] = list(islice(reversed(entries.items()), added))[::-1] if added else []
        record.moved = checker.moved - before["moved"]
        record.effect_places = _last(checker.effect_places, before["effect_places"])
        record.rule_places = _last(self.rule_places, before["rule_places"])
        record.states = _last(self.states, before["states"])
        self.files[doc.file] = record

    def audit_warnings(self, content: model.Content) -> list[Problem]:
        asked: list[tuple[str, str]] = []
        logged = {kind: Logged(kind, entries, asked) for kind, entries in self.entries.items()}
        found = warnings_for(content, logged)
        self.audit = list(zip(asked, found)) if len(asked) == len(found) else None
        return found

    def name_warnings(self) -> list[Problem]:
        self.names_index = NameIndex(self.checker.names, self.records)
        found: list[Problem] = []
        prefix = (self.prefix_counts or self.counts())["names"]
        found += self.names_index.warnings(self.checker.names[:prefix])
        for record in self.files.values():
            record.name_warnings = self.names_index.warnings(record.lists["names"])
            found += record.name_warnings
        return found


def _last(mapping: dict, count: int) -> dict:
    added = len(mapping) - count
    return dict(list(islice(reversed(mapping.items()), added))[::-1]) if added else {}


class NameIndex:
    """How often each flag and counter is read and set, in every pack, so that an edit that neither
    adds nor drops a name leaves every other file's warnings as they were (names_check.py)."""

    def __init__(self, uses: list[names_check.NameUse], records: set[str]) -> None:
        self.records = set(records)
        self.counts: dict[bool, Counter] = {True: Counter(), False: Counter()}
        self.add(uses, 1)
        self.refresh()

    def add(self, uses: list[names_check.NameUse], sign: int) -> None:
        for use in uses:
            self.counts[use.read][(use.kind, use.name)] += sign

    def sets(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        extra = {*self.records, *names_check.ENGINE_COUNTERS}
        made = []
        for read in (True, False):
            by_kind: dict[str, set[str]] = {kind: set(extra) for kind in ("flag", "counter")}
            for (kind, name), count in self.counts[read].items():
                if count > 0:
                    by_kind[kind].add(name)
            made.append(by_kind)
        return made[0], made[1]

    def refresh(self) -> bool:
        """Work the sets out again; whether they changed."""
        read, written = self.sets()
        changed = (read, written) != getattr(self, "read_written", None)
        self.read_written = (read, written)
        if changed:
            self.setting, self.reading = names_check.SuggestionsByKind(written), names_check.SuggestionsByKind(read)
        return changed

    def warnings(self, uses: list[names_check.NameUse]) -> list[Problem]:
        read, written = self.read_written
        found = (names_check.warning_at(use, read, written, self.setting, self.reading) for use in uses)
        return [warning for warning in found if warning is not None]


class Fingerprint:
    """A pack's fingerprint (assemble._fingerprint), kept with the hash after each file in order,
    so that a changed file is hashed again from there on, not from the start."""

    def __init__(self, pack: PackFiles, data: dict[Path, bytes]) -> None:
        self.pack, self.data = pack, data
        self.order = sorted(pack.paths)
        self.after: list[Any] = [hashlib.sha256()]
        self.update_from(0)

    def update_from(self, start: int) -> None:
        digest = self.after[start].copy()
        del self.after[start + 1:]
        for path in self.order[start:]:
            data = self.data.get(path)
            if data is not None:
                digest.update(self.pack.relative(path).encode() + b"\0" + data + b"\0")
            self.after.append(digest.copy())

    def change(self, path: Path, data: bytes) -> None:
        self.data[path] = data
        self.update_from(self.order.index(path))

    def digest(self) -> str:
        return self.after[-1].hexdigest()[:16]
