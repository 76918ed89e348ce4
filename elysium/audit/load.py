"""The audit's load: the packs as play loads them, from the compiled cache when it is warm.

Besides the content the audit reads a few facts that only the load itself gathers: each named
state's values, the packs' `records:`, where each flag, counter and named state is first read and
set, and which file writes each entry. On a cache miss they come from the load (content/assemble.py)
and are kept beside the content's cache file, as JSON, under the same key, with the position
(file:line:col) of every finding the audit placed: so an audit of packs that have not changed since
they were last audited reads no YAML at all. The content's cache key covers every pack's bytes and
the code that reads them, so the facts are never used for other packs; a position depends on
nothing but the bytes of its file.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elysium.content import cache
from elysium.content.files import PackFiles, Refused, display, read_file
from elysium.content.model import Content
from elysium.content.names_check import NameUse
from elysium.content.yamlsafe import Document, Mark

from .names import StateUse

FORMAT = 2  # of the facts file: a file of another format is not read
SUFFIX = ".audit.json"


@dataclass
class Loaded:
    """The content, and what the audit needs to know of how it was read."""

    content: Content
    states: dict[str, tuple[str, ...]] = field(default_factory=dict)  # named state -> its values
    records: frozenset[str] = frozenset()
    names: list[NameUse] = field(default_factory=list)  # the first use of each (kind, name, read)
    state_uses: list[StateUse] = field(default_factory=list)
    written: Mapping[tuple[str, str], Document] = field(default_factory=dict)  # (kind, id) -> its file
    places: dict[str, Mark] = field(default_factory=dict)  # the marks kept (places.place_key -> mark)
    key: str | None = None  # the packs' cache key: where the facts are kept (None: not kept)
    packs: list[PackFiles] = field(default_factory=list)
    kept: bool = False  # whether the facts file holds these facts


def load(packs: list[PackFiles]) -> Loaded:
    """The packs' content and the load's facts; raises ContentError when they do not load."""
    collecting = gc.isenabled()
    gc.disable()  # as load_content does: loading makes many objects and frees none
    try:
        content, key = cache.read(packs)
        if content is not None and key is not None:
            loaded = _read_facts(key, content, packs)
            if loaded is not None:
                loaded.key, loaded.packs, loaded.kept = key, packs, True
                return loaded
        if any(pack.paths and not pack.data for pack in packs):
            # a cache file was opened, which let the packs' bytes go: read them again
            packs = [PackFiles(pack.folder) for pack in packs]
            key = cache.cache_key(packs)
        from elysium.content.assemble import Assembly

        assembly = Assembly()
        content = assembly.run(packs[0], packs[1:])
        loaded = _from_assembly(content, assembly)
        if key is not None:
            cache.write(key, content)
        loaded.key, loaded.packs = key, packs  # the facts are kept once the audit has placed its findings
        return loaded
    finally:
        if collecting:
            gc.enable()


def _from_assembly(content: Content, assembly: Any) -> Loaded:
    first: dict[tuple[str, str, bool], NameUse] = {}
    for use in assembly.checker.names:
        first.setdefault((use.kind, use.name, use.read), use)
    written = {}
    for kind, read in assembly.entries.items():
        for entry_id, (_, place) in read.items():
            # an entry the load made from another (a person's scenery lines) is not written as such
            if place.path == (kind, entry_id.partition(":")[2] if ":" in entry_id else entry_id):
                written[(kind, entry_id)] = place.doc
    return Loaded(content, {name: values for name, (values, _) in assembly.states.items()},
                  frozenset(assembly.records), list(first.values()), list(assembly.checker.state_uses), written)


# -- the facts file ----------------------------------------------------------------------------

def _where(key: str) -> Path | None:
    folder = cache.cache_folder()
    return folder / f"{key}{SUFFIX}" if folder is not None else None


def keep(loaded: Loaded, learned: bool) -> None:
    """Keep the facts of a load, and the marks in `loaded.places`, beside the cache: after a load,
    or when the audit `learned` a mark the facts did not hold."""
    if loaded.key is not None and (learned or not loaded.kept):
        _write_facts(loaded.key, loaded, loaded.packs)
        loaded.kept = True


def _write_facts(key: str, loaded: Loaded, packs: list[PackFiles]) -> None:
    """Keep the facts under `key`; facts that cannot be written, or name a file outside the packs,
    are simply not kept (the next audit loads again)."""
    where = _where(key)
    if where is None:
        return
    numbered: dict[str, int] = {}  # a Document's name -> its number in the facts
    files: dict[str, tuple[int, str]] = {}  # a Document's name -> (its pack, its path in the pack)
    for number, pack in enumerate(packs):
        for path in pack.paths:
            files.setdefault(display(path), (number, pack.relative(path)))
    numbers: dict[int, int] = {}
    listed: list[tuple[int, str]] = []

    def file_of(document: Document) -> int:
        if id(document) not in numbers:
            numbers[id(document)] = named(document.file)
        return numbers[id(document)]

    def named(name: str) -> int:
        if name not in numbered:
            numbered[name] = len(listed)
            listed.append(files[name])
        return numbered[name]

    try:
        facts = {
            "format": FORMAT,
            "states": loaded.states,
            "records": sorted(loaded.records),
            "names": [[use.kind, use.name, use.read, file_of(use.doc), use.path] for use in loaded.names],
            "state_uses": [[name, values, file_of(doc), name_path, values_path]
                           for name, values, doc, name_path, values_path in loaded.state_uses],
            "written": [[kind, entry_id, file_of(document)] for (kind, entry_id), document in loaded.written.items()],
            "places": [[key, named(mark.file), mark.line, mark.column] for key, mark in loaded.places.items()],
        }
        facts["files"] = listed
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(facts, stream)
        os.replace(temporary, where)
    except (KeyError, OSError, TypeError, ValueError):
        return


def _read_facts(key: str, content: Content, packs: list[PackFiles]) -> Loaded | None:
    """The facts kept under `key`, or None when there are none or they cannot be read."""
    where = _where(key)
    try:
        with open(where, encoding="utf-8") as stream:  # type: ignore[arg-type]
            facts = json.load(stream)
        if not isinstance(facts, dict) or facts.get("format") != FORMAT:
            return None
        files = _Files(packs, [(int(number), str(relative)) for number, relative in facts["files"]])
        names = [NameUse(str(kind), str(name), bool(read), files[number], tuple(path))
                 for kind, name, read, number, path in facts["names"]]
        state_uses = [(str(name), None if values is None else tuple(values), files[number], tuple(name_path),
                       tuple(values_path)) for name, values, number, name_path, values_path in facts["state_uses"]]
        written = _Written({(str(kind), str(entry_id)): int(number) for kind, entry_id, number in facts["written"]},
                           files)
        states = {str(name): tuple(values) for name, values in facts["states"].items()}
        named = {number: files.name(number) for number in {int(place[1]) for place in facts["places"]}}
        places = {str(key): Mark(named[number], int(line), int(column))
                  for key, number, line, column in facts["places"]}
        return Loaded(content, states, frozenset(facts["records"]), names, state_uses, written, places)
    except (OSError, TypeError, ValueError, KeyError, AttributeError, IndexError, Refused):
        return None


class _Files:
    """The packs' files the facts name, each read (not parsed) the first time a finding needs it."""

    def __init__(self, packs: list[PackFiles], listed: list[tuple[int, str]]) -> None:
        self.packs = packs
        self.listed = listed
        self.documents: dict[int, Document] = {}
        for number, relative in listed:  # every one must be a file of the packs still
            if not 0 <= number < len(packs):
                raise IndexError(number)

    def __getitem__(self, index: int) -> Document:
        document = self.documents.get(index)
        if document is None:
            number, relative = self.listed[index]
            pack = self.packs[number]
            path = pack.folder / relative
            raw = read_file(path, pack.real)  # looked at as the load looks at it
            document = self.documents[index] = Document(display(path), None, raw.decode("utf-8-sig"))
        return document

    def name(self, index: int) -> str:
        """The file's name as a Document of it is named, without reading it."""
        number, relative = self.listed[index]
        return display(self.packs[number].folder / relative)


class _Written(Mapping):
    """(kind, id) -> the Document of the file that writes the entry, read when first asked for."""

    def __init__(self, numbers: dict[tuple[str, str], int], files: _Files) -> None:
        self.numbers = numbers
        self.files = files

    def __getitem__(self, key: tuple[str, str]) -> Document:
        try:
            return self.files[self.numbers[key]]
        except (OSError, Refused, ValueError) as unreadable:  # gone since: look for it as without facts
            raise KeyError(key) from unreadable

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)
