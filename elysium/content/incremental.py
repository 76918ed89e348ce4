"""Reloading packs after some of their files changed, reading again only those files (issue 17 §4).

`Reloader.load()` reads every file, as `load_content` does on a cache miss, and keeps what each
file gave the load: its Document, its entries (converted fields and places), and what its entries
told the checker (references, substitutions, flag and counter uses, moves, warnings, ...).
`Reloader.reload(paths)` then reads only the changed files, checks their entries alone, links them
against the ids of every other file, and builds a `Content` equal to the one a full load builds
(same models in the same order, same warnings, same fingerprints).

Entries added or removed, in a changed file or with a file added or deleted, are linked too: a new
id no other file uses, and a removed one that nothing else names (no reference, substitution, rule
verb, move or switch), are judged from the changed files; the whole-pack audit is then run again,
and the files and models are put in the order a full load gives them.

The fast way is taken only where the changed files alone decide the result. A full load is made
instead (and recorded, so that the next edit is fast again) when: there is no successful load to
build on; a manifest changed; a file cannot be read (or a folder listed); some pack patches
entries (a patch may change entries of any file); a mod's file changed its ids (a mod's own ids
decide how its other files' bare ids are read); a changed file's `states:` changed; or anything at
all is wrong (an error is always reported by a full load, so its list is exactly the usual one).
"""

from __future__ import annotations

import gc
import os
from itertools import islice
from pathlib import Path
from typing import Any

from elysium.content import cache, loops, model, schema
from elysium.content.audit import warnings_for
from elysium.content.files import PackFiles, Refused, display, read_file, walk
from elysium.content.loader import MANIFEST, default_content_dir
from elysium.content.problems import Problem
from elysium.content.recording import CHECKER_LISTS, FileRecord, Fingerprint, Logged, RecordingAssembly
from elysium.content.yamlsafe import Document, YamlProblem, decode_document

KINDS_OF_MODELS = schema.KINDS  # each is a dict of models in Content


def _audit_signature(kind: str, entry: Any) -> Any:
    """Everything of a model that the whole-pack audit (audit.warnings_for) reads, besides ids: an
    edit that changes none of it leaves the audit's findings as they were."""
    if kind == "rooms":
        return tuple(way.to for way in entry.exits.values()), entry.on_enter
    if kind == "items":
        return entry.location, entry.lore
    if kind == "npcs":
        return tuple((topic.id, topic.condition, topic.effects) for topic in entry.topics.values())
    if kind in ("rules", "timers"):
        return entry.effects
    if kind == "classes":
        return entry.missed, entry.do
    if kind == "recitals":
        return entry.missed
    return None


class FullLoad(Exception):
    """The changed files cannot be judged alone: load everything."""


class Reloader:
    """A game pack and its mods, loaded once in full and then reloaded file by file."""

    def __init__(self, folder: Path | None = None, mods: tuple[Path, ...] = ()) -> None:
        self.folders = [Path(folder) if folder else default_content_dir(), *(Path(m) for m in mods)]
        self.content: model.Content | None = None
        self.pending: set[Path] = set()  # changed since the last load that succeeded
        self.last_was_full = False
        self.incremental = False  # whether the last full load can be built on (see remember)

    # -- the full load ------------------------------------------------------------------------
    def load(self) -> model.Content:
        """Read every file (never the compiled cache, which keeps no per-file results), remember
        what each gave, and write the cache as load_content does. Raises ContentError."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            packs = [PackFiles(folder) for folder in self.folders]
            key = cache.cache_key(packs) if cache.cache_folder() is not None else None
            data = [dict(pack.data) for pack in packs]  # the assembly takes each file's bytes
            assembly = RecordingAssembly()
            content = assembly.run(packs[0], packs[1:])
            cache.write(key, content)
        finally:
            if collecting:
                gc.enable()
        self.remember(assembly, packs, data, content)
        self.content, self.last_was_full = content, True
        self.pending.clear()
        return content

    def remember(self, assembly: RecordingAssembly, packs: list[PackFiles], data: list[dict[Path, bytes]],
                 content: model.Content) -> None:
        self.assembly = assembly
        self.files = assembly.files
        prefix = assembly.prefix_counts or assembly.counts()
        checker = assembly.checker
        self.prefix = {name: getattr(checker, name)[:prefix[name]] for name in CHECKER_LISTS}
        self.prefix_effect_places = dict(islice(checker.effect_places.items(), prefix["effect_places"]))
        self.prefix_moved = set(prefix["moved"])
        self.prefix_name_warnings = assembly.names_index.warnings(self.prefix["names"]) if assembly.names_index else []
        self.by_path = {path: display(path) for pack in packs for path in pack.paths}
        self.pack_of = {path: n for n, pack in enumerate(packs) for path in pack.paths}
        self.packs = packs
        self.merged = {kind: {} for kind in assembly.entries}
        for record in self.files.values():
            for kind, found in record.entries.items():
                self.merged[kind].update(found)
        self.audit = assembly.audit or []
        self.fingerprints = [Fingerprint(pack, pack_data) for pack, pack_data in zip(packs, data)]
        self.incremental = (
            assembly.audit is not None and assembly.names_index is not None
            and not any(record.has_patch for record in self.files.values())
            and all(list(self.merged[kind]) == list(entries) for kind, entries in assembly.entries.items())
            and all(sum(len(r.lists[name]) for r in self.files.values()) + len(self.prefix[name])
                    == len(getattr(checker, name)) for name in CHECKER_LISTS))

    # -- a reload ------------------------------------------------------------------------------
    def reload(self, changed: list[Path] | set[Path]) -> model.Content | None:
        """The content after `changed` files changed (None when none of their bytes did); raises
        ContentError, and then the content in play stays as it was."""
        self.pending.update(Path(p) for p in changed)
        try:
            content = self.incremental_reload()
        except FullLoad:
            return self.load()
        except Exception:  # a fault of the reloader itself: a full load is always right
            return self.load()
        self.last_was_full = False
        if content is not None:
            self.content = content
        self.pending.clear()
        return content

    def incremental_reload(self) -> model.Content | None:
        if self.content is None or not self.incremental:
            raise FullLoad
        changed: dict[str, tuple[Path, bytes]] = {}
        added: dict[str, int] = {}  # new files, and the pack each is in
        deleted: dict[str, Path] = {}
        for path in sorted(self.pending):
            n = self.pack_of[path] if path in self.pack_of else self.pack_holding(path)
            pack = self.packs[n]
            if path.parent == pack.folder and path.name == MANIFEST:
                raise FullLoad
            name = display(path)
            if not os.path.lexists(path):
                if name in self.files:
                    deleted[name] = path
                continue  # else made and removed again since the last load
            if name not in self.files:
                if path in self.by_path:  # listed in the last load but never read: an error then
                    raise FullLoad
                added[name] = n
            try:
                data = read_file(path, pack.real)
            except Refused:
                raise FullLoad from None
            if name in added or data != self.fingerprints[n].data[path]:
                changed[name] = (path, data)
        if not changed and not deleted:
            return None
        with _CollectorPaused():
            return self.rebuild(changed, added, deleted)

    def pack_holding(self, path: Path) -> int:
        holding = [n for n, pack in enumerate(self.packs) if path.is_relative_to(pack.folder)]
        if len(holding) != 1:
            raise FullLoad
        return holding[0]

    def rebuild(self, changed: dict[str, tuple[Path, bytes]], added: dict[str, int],
                deleted: dict[str, Path]) -> model.Content:
        old = self.content
        assert old is not None
        if any(self.files[name].pack_id != self.assembly.game_id and self.files[name].ids() for name in deleted):
            raise FullLoad  # a mod's own ids decide how its other files' bare ids are read
        records = {name: self.read_again(name, data, added.get(name)) for name, (_, data) in changed.items()}
        if added or deleted:
            files, layout = self.files_in_order(records, added, deleted)
        else:
            files, layout = {name: records.get(name, record) for name, record in self.files.items()}, None
        new_ids = bool(added or deleted) or any(record.ids() != self.files[name].ids()
                                                for name, record in records.items())
        if new_ids:
            self.check_ids(records, files, deleted)
            merged = {kind: {} for kind in self.merged}  # in load order, as a full load has them
            for record in files.values():
                for kind, found in record.entries.items():
                    merged[kind].update(found)
        else:
            merged = {kind: dict(entries) for kind, entries in self.merged.items()}
            for record in records.values():
                for kind, found in record.entries.items():
                    merged[kind].update(found)
        checks = self.context(merged)
        new_lists = {name: [x for r in records.values() for x in r.lists[name]] for name in CHECKER_LISTS}
        checks.checker.references = new_lists["references"]
        checks.checker.named = new_lists["named"]
        checks.checker.state_uses = new_lists["state_uses"]
        checks.entries = {**merged, "rules": {i: e for r in records.values() for i, e in r.entries.get("rules", ())}}
        checks.rule_places = {k: v for r in records.values() for k, v in r.rule_places.items()}
        if any(reference.kind == "rules" for reference in checks.checker.references):
            raise FullLoad
        checks.resolve_references()
        checks.entries = merged
        checks.check_states()
        checks.checker.moves = [*self.prefix["moves"], *(m for r in files.values() for m in r.lists["moves"])]
        checks.checker.moved = self.prefix_moved.union(*(r.moved for r in files.values()))
        checks.checker.switched = [*self.prefix["switched"], *(s for r in files.values() for s in r.lists["switched"])]
        checks.check_moves()
        checks.check_devices()
        if checks.problems:
            raise FullLoad
        part = self.context({kind: dict(_entries_of(records).get(kind, ())) for kind in self.merged})
        built = part.build()
        if new_ids:
            kinds = {kind: {i: getattr(built, kind).get(i) or getattr(old, kind)[i] for i in merged[kind]}
                     for kind in KINDS_OF_MODELS}
            origins = {kind: {i: place.doc.file for i, (_, place) in merged[kind].items()} for kind in ("rules", "timers")}
        else:
            kinds = {kind: dict(getattr(old, kind)) for kind in KINDS_OF_MODELS}
            for kind in KINDS_OF_MODELS:
                kinds[kind].update(getattr(built, kind))
            origins = {"rules": {**old.origins["rules"], **built.origins["rules"]},
                       "timers": {**old.origins["timers"], **built.origins["timers"]}}
        origins = {**origins,
                   "rooms": {i: merged["rooms"][i][1].doc.file for i, room in kinds["rooms"].items() if room.on_enter}}
        content = model.Content(pack=old.pack, game=old.game, states=old.states, origins=origins, **kinds)
        checks.checker.effect_places = {**self.prefix_effect_places,
                                        **{k: v for r in files.values() for k, v in r.effect_places.items()}}
        for problem in loops.problems(content, checks.checker.effect_mark):
            (checks.problems if problem.severity == "error" else checks.warnings).append(problem)
        if checks.problems:
            raise FullLoad
        audit = self.audit_again(old, content, records, merged, new_ids)
        names = self.names_again(records, files, deleted)
        file_warnings = [*self.prefix["warnings"], *(w for r in files.values() for w in r.lists["warnings"])]
        found = checks.warnings + file_warnings + [problem for _, problem in audit] + names
        warnings = sorted(found, key=lambda p: (p.mark.file, p.mark.line))
        for name, (path, _) in changed.items():  # nothing below can fail: the new files are known
            self.by_path[path], self.pack_of[path] = name, added.get(name, self.pack_of.get(path))
        fingerprints = self.fingerprint_again(changed, layout, deleted)
        for path in deleted.values():
            self.by_path.pop(path, None)
            self.pack_of.pop(path, None)
        packs = tuple({**entry, "hash": fingerprints.get(entry["id"], entry["hash"])} for entry in old.packs)
        content = content.with_load_facts(tuple(warnings), packs, old.mods)
        # Every check passed: this is now the state to build the next reload on.
        self.files = files
        self.merged, self.audit = merged, audit
        return content

    def check_ids(self, records: dict[str, FileRecord], files: dict[str, FileRecord],
                  deleted: dict[str, Path]) -> None:
        """Entries added or removed: a new id that some other file already uses, or a removed one
        that something still names, is an error, which a full load reports."""
        others = [record for name, record in files.items() if name not in records]
        taken: set[str] = set()
        for record in others:
            for found in record.entries.values():
                taken.update(entry_id for entry_id, _ in found)
        added: set[str] = set()
        for record in records.values():
            for found in record.entries.values():
                for entry_id, _ in found:
                    if entry_id in taken or entry_id in added:
                        raise FullLoad
                    added.add(entry_id)
        removed = {entry_id for name in [*records, *deleted] if name in self.files
                   for found in self.files[name].entries.values() for entry_id, _ in found} - added
        if not removed:
            return
        named = {self_ref.id for self_ref in self.prefix["references"]} | {n.id for n in self.prefix["named"]}
        for record in others:
            named.update(reference.id for reference in record.lists["references"])
            named.update(substitution.id for substitution in record.lists["named"])
            named.update(item for item, *_ in record.lists["switched"])
            named.update(part for move in record.lists["moves"] for part in (move[0], move[1][3:]))
            for _, (fields, _) in record.entries.get("rules", ()):
                named.update(fields.get("on", ()), fields.get("except", ()))
        if removed & named:
            raise FullLoad

    def files_in_order(self, records: dict[str, FileRecord], added: dict[str, int],
                       deleted: dict[str, Path]) -> tuple[dict[str, FileRecord], dict[int, list[Path]]]:
        """Every file's record in the order a full load reads them, after files came or went: the
        packs in load order, each one's files as its folder is walked (files.walk)."""
        touched = {*added.values(), *(self.pack_of[path] for path in deleted.values())}
        layout: dict[int, list[Path]] = {}
        for n in touched:
            paths, unlisted = walk(self.packs[n].folder)
            if unlisted:
                raise FullLoad
            layout[n] = paths
        by_id = {self.assembly.pack_ids[pack.folder]: n for n, pack in enumerate(self.packs)
                 if pack.folder in self.assembly.pack_ids}
        files: dict[str, FileRecord] = {}
        for entry in self.content.packs if self.content else ():
            n = by_id[entry["id"]]
            pack = self.packs[n]
            for path in layout.get(n, pack.paths):
                if path.parent == pack.folder and path.name == MANIFEST:
                    continue
                name = display(path)
                record = records.get(name) or (self.files.get(name) if name not in deleted else None)
                if record is None:
                    raise FullLoad  # a file that came or went without being seen to
                files[name] = record
        if len(files) != len(self.files) + len(added) - len(deleted):
            raise FullLoad
        return files, layout

    def read_again(self, name: str, data: bytes, new_in: int | None = None) -> FileRecord:
        """The changed file read and its entries checked alone, in the context its pack gives."""
        if new_in is not None:
            before = FileRecord(Document(name), self.assembly.pack_ids[self.packs[new_in].folder])
        else:
            before = self.files[name]
        try:
            document = decode_document(data, name)
        except YamlProblem:
            raise FullLoad from None
        if document.control_problems():
            raise FullLoad
        reader = self.context({kind: {} for kind in self.merged})
        # Its own named states are read again; the other files' are known, as in a full load.
        reader.states = {state: place for state, place in self.assembly.states.items() if state not in before.states}
        reader.checker.qualify = reader.qualifier(before.pack_id)
        reader.read_entries(document, before.pack_id)
        document.data = None  # read: as in a full load, the raw data is not kept
        record = reader.files[name]
        if reader.problems or record.has_patch or record.states_raw != before.states_raw:
            raise FullLoad
        if record.ids() != before.ids() and before.pack_id != self.assembly.game_id:
            raise FullLoad  # a mod's own ids decide how its other files' bare ids are read
        record.lists["problems"] = []
        return record

    def context(self, entries: dict[str, dict]) -> RecordingAssembly:
        """An assembly that knows what the manifests told the full load, holding `entries`."""
        full = self.assembly
        made = RecordingAssembly()
        made.prefix_counts = {**made.counts(), "moved": set()}
        made.entries = entries
        made.pack, made.game, made.game_id = full.pack, full.game, full.game_id
        made.declared, made.records, made.states = full.declared, full.records, full.states
        checker, source = made.checker, full.checker
        checker.features, checker.week, checker.directions = source.features, source.week, source.directions
        checker.qualify = made.qualifier(full.game_id)
        return made

    def audit_again(self, old: model.Content, content: model.Content, records: dict[str, FileRecord],
                    merged: dict, new_ids: bool) -> list[tuple[tuple[str, str], Problem]]:
        """The audit's findings: the earlier ones, with new places for the changed files' entries,
        when no changed entry changed what the audit reads; else the audit run again."""
        touched = {(kind, entry_id) for record in records.values() for kind, found in record.entries.items()
                   for entry_id, _ in found}
        same = not new_ids and all(kind not in KINDS_OF_MODELS
                   or _audit_signature(kind, getattr(old, kind)[entry_id]) == _audit_signature(kind, getattr(content, kind)[entry_id])
                   for kind, entry_id in touched)
        if same:
            return [(key, Problem(merged[key[0]][key[1]][1].mark, problem.message, problem.severity)
                     if key in touched else problem) for key, problem in self.audit]
        asked: list[tuple[str, str]] = []
        found = warnings_for(content, {kind: Logged(kind, entries, asked) for kind, entries in merged.items()})
        if len(asked) != len(found):
            raise FullLoad
        return list(zip(asked, found))

    def names_again(self, records: dict[str, FileRecord], files: dict[str, FileRecord],
                    deleted: dict[str, Path]) -> list[Problem]:
        index = self.assembly.names_index
        assert index is not None
        for name in [*records, *deleted]:
            if name in self.files:
                index.add(self.files[name].lists["names"], -1)
        for record in records.values():
            index.add(record.lists["names"], 1)
        if index.refresh():  # a name came or went: every use may be judged differently
            self.prefix_name_warnings = index.warnings(self.prefix["names"])
            for record in files.values():
                record.name_warnings = index.warnings(record.lists["names"])
        else:
            for record in records.values():
                record.name_warnings = index.warnings(record.lists["names"])
        return [*self.prefix_name_warnings, *(w for r in files.values() for w in r.name_warnings)]

    def fingerprint_again(self, changed: dict[str, tuple[Path, bytes]], layout: dict[int, list[Path]] | None,
                          deleted: dict[str, Path]) -> dict[str, str]:
        touched = set(layout or ())
        for path, data in changed.values():
            n = self.pack_of[path]
            self.fingerprints[n].data[path] = data
            touched.add(n)
        for path in deleted.values():
            self.fingerprints[self.pack_of[path]].data.pop(path, None)
        for n, paths in (layout or {}).items():
            self.packs[n].paths = paths
        hashes = {}
        for n in touched:
            if layout and n in layout:
                self.fingerprints[n] = Fingerprint(self.packs[n], self.fingerprints[n].data)
            else:
                for path, _ in changed.values():
                    if self.pack_of.get(path) == n:
                        self.fingerprints[n].change(path, self.fingerprints[n].data[path])
            hashes[self.assembly.pack_ids[self.packs[n].folder]] = self.fingerprints[n].digest()
        return hashes


def _entries_of(records: dict[str, FileRecord]) -> dict[str, list]:
    found: dict[str, list] = {}
    for record in records.values():
        for kind, entries in record.entries.items():
            found.setdefault(kind, []).extend(entries)
    return found


class _CollectorPaused:
    """As load_content: building makes many objects and frees none, which the collector would rescan."""

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was:
            gc.enable()

