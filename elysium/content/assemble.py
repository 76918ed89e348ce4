"""Read a pack and its mods from their files, check every entry with positions, and link them
into a `Content` (see loader.load_content, which asks for this only when its cache misses).

Every file is read and checked before anything is built, so a modder sees every problem at once;
only content with no errors at all becomes a game.
"""

from __future__ import annotations

import hashlib
import os
from functools import partial
from itertools import islice
from pathlib import Path
from sys import intern
from typing import Any, Iterator

from elysium.content import features as campus
from elysium.content import loops, model, names_check, packs, rules_check, schema, substitutions
from elysium.content.audit import warnings_for
from elysium.content.files import PackFiles, display
from elysium.content.loader import MANIFEST
from elysium.content.problems import ContentError, Problem, suggestion
from elysium.content.validate import INVALID, Checker, Reference, bare_id
from elysium.content.yamlsafe import SHORT, Document, Mark, Place, YamlProblem, decode_document

SHARED_NAMESPACE = ("rooms", "items", "npcs")
_REFERRED = {"things": ("items", "npcs"), "places": ("rooms", "npcs")}  # npcs hold things
SINGULAR = {"things": "item or NPC", "lore": "lore entry", "classes": "class", "pieces": "piece",
            "npcs": "NPC", "places": "room or NPC"}


class Assembly:
    """One load: the packs read, their entries checked and merged, then built into the model."""

    # Whether the checker keeps the references already resolved (a reloader's record of each file
    # keeps them anyway, and counts them to know the record is whole).
    keeps_every_reference = False
    # Whether a file's entries become models as soon as the file is read, when nothing can change
    # them any more (a reloader keeps every file's converted fields, and builds at the end).
    builds_early = True

    def __init__(self) -> None:
        self.checker = Checker()
        # kind -> id as the game knows it -> (converted fields, where the id is written)
        self.entries: dict[str, dict[str, tuple[dict[str, Any], Place]]] = {k: {} for k in schema.KINDS}
        self.pack: model.PackInfo | None = None
        self.game: dict[str, Any] | None = None
        self.game_id = ""
        self.declared: dict[str, dict[str, set[str]]] = {}  # pack -> kind -> ids as written
        self.patched: dict[tuple[str, ...], str] = {}  # (kind, id, field...) -> the pack that set it
        self.warnings: list[Problem] = []
        self.unreadable = False
        self.item_rule_counts: dict[str, int] = {}  # rules attached to each item so far
        self.rule_places: dict[str, tuple[Place, str]] = {}  # rule id -> where its 'on' is, its name
        self.states: dict[str, tuple[tuple[str, ...], Place]] = {}  # named state -> its values, where declared
        self.records: set[str] = set()  # every pack's `records:` (see names_check.py)
        self.score_added: list[tuple[int, Mark]] = []  # each mod's adds_score, and where it says so
        self.share = _Shared()
        self.final_when_read = False  # no pack has a patch: an entry is final once its file is read
        # For each item built early that starts in or on another: where it starts and whether it can
        # be carried (what check_moves asks of an item; its model no longer says how it was written).
        self.held: dict[str, tuple[str, bool]] = {}

    @property
    def problems(self) -> list[Problem]:
        return self.checker.problems

    def run(self, game: PackFiles, mods: list[PackFiles]) -> model.Content:
        read = [(self.read_manifest(pack, pack is game), pack) for pack in (game, *mods)]
        seen: dict[str, tuple[packs.Manifest, PackFiles]] = {}
        for manifest, pack in read:
            if manifest is None:
                continue
            if manifest.id in seen:
                self.problems.append(Problem(manifest.mark, f"two packs are called {manifest.id!r}: "
                                                            f"{seen[manifest.id][0].folder} and {manifest.folder}"))
            seen[manifest.id] = (manifest, pack)
        if self.game:
            self.checker.week = tuple(self.game.get("days") or model.WEEK)
            self.checker.directions = self.game.get("directions", ({}, {}))[0]
        order, ordering_problems = packs.load_order([manifest for manifest, _ in seen.values()])
        self.problems.extend(Problem(mark, message) for mark, message in ordering_problems)
        fingerprints = tuple({"id": m.id, "version": m.version, "hash": _fingerprint(seen[m.id][1])} for m in order)
        self.final_when_read = self.builds_early and not any(_may_patch(pack) for _, pack in seen.values())
        documents: dict[str, list[Document]] = {}
        for manifest in order:
            pack = seen[manifest.id][1]
            if manifest.id == self.game_id:
                # The game's own ids are never qualified, so its files need not wait for each other:
                # each is decoded, read and let go before the next, and the whole pack's raw data is
                # never held at once (the peak of a big world's load).
                files = self.each_file(pack)
            else:  # a mod's ids must all be known before its references are qualified
                files = self.read_files(pack)
                self.declared[manifest.id] = _declared_ids(files)
            self.checker.qualify = self.qualifier(manifest.id)
            documents[manifest.id] = [self.read_entries_of(document, manifest.id) for document in files]
        for manifest in order:
            self.checker.qualify = self.qualifier(manifest.id)
            for document in documents[manifest.id]:
                self.read_patches(document, manifest.id)
                document.data = None  # read: let go of its patches too
        self.checker.qualify = self.qualifier(self.game_id)
        self.resolve_references()
        self.check_states()
        self.check_moves()
        self.check_devices()
        self.add_score()
        if self.problems:
            raise ContentError(self.problems)
        content = self.build()
        for problem in loops.problems(content, self.checker.effect_mark):
            (self.problems if problem.severity == "error" else self.warnings).append(problem)
        if self.problems:
            raise ContentError(self.problems)
        found = self.warnings + self.checker.warnings + self.audit_warnings(content) + self.name_warnings()
        warnings = sorted(found, key=lambda p: (p.mark.file, p.mark.line))
        mods = tuple(model.PackInfo(m.id, m.name, m.version, os.path.abspath(m.folder)) for m in order if not m.is_game)
        return content.with_load_facts(tuple(warnings), fingerprints, mods)

    def audit_warnings(self, content: model.Content) -> list[Problem]:
        """The whole-pack audit's warnings (a hook: content/incremental.py records them per entry)."""
        return warnings_for(content, self.entries)

    def name_warnings(self) -> list[Problem]:
        """Flags and counters set but never read, or read but never set (a hook, as above)."""
        return names_check.warnings(self.checker.names, self.records)

    def let_go(self) -> None:
        """Break the one cycle through the assembly (its checker's qualifier holds it), so that all
        it holds goes as soon as its owner lets go of it, not at the next collection: the loader
        pauses the collector, and writes the cache after the load."""
        self.checker.qualify = Checker.qualify

    # -- reading -------------------------------------------------------------------------------
    def read_manifest(self, pack: PackFiles, is_game: bool) -> packs.Manifest | None:
        folder = pack.folder
        label = display(folder)
        manifest_path = folder / MANIFEST
        if not pack.exists:
            self.problems.append(Problem(Mark(label, 1, 1), "this content folder does not exist"))
            return None
        if folder in pack.problems:
            self.problems.append(Problem(Mark(label, 1, 1), pack.problems[folder]))
            return None
        if manifest_path not in pack.problems and manifest_path not in pack.data:
            self.problems.append(Problem(Mark(label, 1, 1), f"this folder has no {MANIFEST} manifest"))
            return None
        # Only looked at, not taken: the manifest's bytes are part of the pack's fingerprint too.
        document = self.read(pack, manifest_path, pack.data.get(manifest_path))
        if document is None:
            return None
        if is_game:  # known before the game section's own effects are checked
            self.checker.features = _declared_features(document.data)
        fields = self.checker.fields(document, (), document.data, schema.MANIFEST_FIELDS, "the manifest")
        if not fields or not {"id", "name", "version"} <= set(fields):
            return None
        if not self.checker.check_id(document, ("id",), fields["id"], "a pack"):
            return None
        mark = document.mark(())
        if is_game:
            self.pack = model.PackInfo(fields["id"], fields["name"], fields["version"], str(folder),
                                       fields.get("author"), fields.get("description"))
            self.game_id = fields["id"]
            if "game" not in fields:
                self.problems.append(Problem(mark, "the game's manifest needs a 'game' section"))
            self.game = fields.get("game")
            for key, feature in campus.FIELDS["game"].items():
                if key in (self.game or {}):
                    self.checker.need(feature, lambda: document.key_mark(("game", key)), f"game: {key}")
        elif "game" in fields:
            self.problems.append(Problem(document.key_mark(("game",)), "only the game's own pack has a 'game' "
                                         "section; a mod changes the game with entries and patches"))
        # Flags and counters kept for something outside the story (transcripts, a later chapter, a
        # mod): names_check does not ask that the story itself both sets and reads them.
        self.records.update(fields.get("records", ()))
        if "adds_score" in fields:
            if is_game:
                self.problems.append(Problem(document.key_mark(("adds_score",)), "the game's own pack sets its "
                                             "score in game: max_score; adds_score is for mods"))
            else:
                self.score_added.append((fields["adds_score"], document.mark(("adds_score",))))
        requires = dict(fields.get("requires") or {})
        for needed, spec in list(requires.items()):
            if spec and not packs.valid_spec(spec):
                self.problems.append(Problem(document.mark(("requires", needed)), f"{spec!r} is not a version "
                                             "range like '>=0.1' or '>=0.1, <0.3'"))
                requires[needed] = ""  # judged once, here: not again as an unmet version
        return packs.Manifest(fields["id"], fields["name"], fields["version"], folder, mark,
                              fields.get("engine", ""), requires, tuple(fields.get("load_after", ())), is_game)

    def read_files(self, pack: PackFiles) -> list[Document]:
        return list(self.each_file(pack))

    def each_file(self, pack: PackFiles) -> Iterator[Document]:
        """The pack's files decoded one by one, in load order (those that cannot be read noted)."""
        listed = set(pack.paths)
        unlisted = [path for path in pack.problems if path not in listed]  # folders that could not be read
        for path in [*pack.paths, *unlisted]:
            if path.name == MANIFEST and path.parent == pack.folder:
                continue
            document = self.read(pack, path, pack.take(path) if path in pack.data else None)
            if document is not None:
                # A whole world's texts would stay to the end of the load for the few positions
                # messages ask for: those read the file again.
                document.let_go_of_text(partial(pack.text_again, path))
                yield document

    def read_entries_of(self, document: Document, pack_id: str) -> Document:
        """Read a file's entries; then, of its raw data, keep only the patches (read once every pack's
        entries are known): keeping the rest of every file to the end would add the whole pack's raw
        data to the load's peak."""
        since = len(self.checker.references)
        counts = {kind: len(entries) for kind, entries in self.entries.items()}
        self.read_entries(document, pack_id)
        if self.final_when_read and not self.problems:
            self.build_early(counts)
        # A reference to an entry already read is good for the rest of the load (entries are only
        # ever added): only the others wait for every file, rather than one record of each.
        if not self.keeps_every_reference:
            self.checker.references[since:] = [reference for reference in self.checker.references[since:]
                                               if not self.known(reference)]
        if isinstance(document.data, dict):
            document.data = {"patch": document.data["patch"]} if "patch" in document.data else None
        return document

    def read(self, pack: PackFiles, path: Path, data: bytes | None) -> Document | None:
        """A file's Document, or None when it could not be read or parsed (the problem noted)."""
        name = display(path)
        if data is None:
            problem = Problem(Mark(name, 1, 1), pack.problems.get(path, "cannot read the file"))
        else:
            try:
                document = decode_document(data, name)
            except YamlProblem as unreadable:
                problem = Problem(unreadable.mark, unreadable.message)
            else:
                self.problems.extend(Problem(mark, message) for mark, message in document.control_problems())
                return document
        self.problems.append(problem)
        self.unreadable = True
        return None

    def qualifier(self, pack_id: str):
        """How ids written in `pack_id` become the ids the game uses: the game pack's own ids are
        bare, a mod's are `mod:id`; a bare id in a mod means the mod's own entry if it has one."""
        def qualify(kind: str, written: str) -> str:
            if ":" in written:
                owner, _, bare = written.partition(":")
                return bare if owner == self.game_id else written
            if pack_id == self.game_id:
                return written
            kinds = ("items", "npcs") if kind == "things" else (
                SHARED_NAMESPACE if kind in SHARED_NAMESPACE else (kind,))
            declared = self.declared.get(pack_id, {})
            if any(written in declared.get(k, ()) for k in kinds):
                return f"{pack_id}:{written}"
            return written
        return qualify

    def read_entries(self, doc: Document, pack_id: str) -> None:
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            self.checker.error(doc.mark(()), "a content file must be a mapping of kinds (rooms:, items:, ...)")
            return
        for kind, entries in doc.data.items():
            if kind == "patch":
                continue
            if kind == "states":
                self.read_states(doc, entries)
                continue
            if kind == "audit":
                self.read_audit(doc, entries)
                continue
            if kind not in schema.KINDS:
                choices = (*schema.KINDS, "patch", "states", "audit")
                self.checker.error(doc.key_mark((kind,)), f"unknown kind {kind!r}{suggestion(kind, choices)}")
                continue
            if not isinstance(entries, dict):
                self.checker.error(doc.mark((kind,)), f"{kind} must be a mapping from ids to entries")
                continue
            for entry_id, raw in entries.items():
                self.read_entry(doc, kind, entry_id, raw, pack_id)

    def read_audit(self, doc: Document, allowed: Any) -> None:
        """`audit: {scenery: [{room: yard, noun: crank, why: ...}], ...}`: findings of `elysium audit`
        the pack accepts. Only checked here, so that `validate` points at a mistake in one; the
        audit reads them again (elysium/audit/allowances.py)."""
        if not isinstance(allowed, dict):
            self.checker.error(doc.mark(("audit",)), "audit must map kinds of finding (" + ", ".join(
                schema.AUDIT_FIELDS) + ") to lists of allowances, each with a 'why'")
            return
        for finding, entries in allowed.items():
            path = ("audit", finding)
            if finding not in schema.AUDIT_FIELDS:
                self.checker.error(doc.key_mark(path), f"unknown kind of audit finding {finding!r}"
                                   f"{suggestion(str(finding), schema.AUDIT_FIELDS)}")
                continue
            if not isinstance(entries, list):
                self.checker.error(doc.mark(path), f"audit: {finding} must be a list of allowances")
                continue
            for i, entry in enumerate(entries):
                fields = self.checker.fields(doc, path + (i,), entry, schema.AUDIT_FIELDS[finding],
                                             f"an allowance of audit: {finding}")
                named = [key for key in schema.AUDIT_SUBJECTS[finding] if key in (fields or {})]
                if fields is not None and len(named) != 1:
                    self.checker.error(doc.mark(path + (i,)), f"an allowance of audit: {finding} names exactly "
                                       f"one of {', '.join(schema.AUDIT_SUBJECTS[finding])}")

    def read_states(self, doc: Document, states: Any) -> None:
        """`states: {mood: [calm, uneasy, furious]}`: named states and their values, the first the
        one the game starts in. Names are shared by every pack, like flags and counters."""
        if not isinstance(states, dict):
            self.checker.error(doc.mark(("states",)), "states must map names to their values, like "
                               "{mood: [calm, uneasy, furious]}")
            return
        for name, values in states.items():
            path = ("states", name)
            if not self.checker.check_id(doc, path, name, "a named state"):
                continue
            if name in self.states:
                self.checker.error(doc.key_mark(path), f"the named state {name!r} is already declared at "
                                   f"{self.states[name][1].mark}")
                continue
            words = self.checker.shape_words(doc, path, values, f"the values of the named state {name!r}")
            if words is INVALID:
                continue
            if len(words) < 2 or len(set(words)) != len(words):
                self.checker.error(doc.mark(path), f"the named state {name!r} needs two or more different values")
                continue
            self.states[name] = (words, Place(doc, path))

    def check_states(self) -> None:
        """Every named state used is declared, and every value it is given or compared with is one of
        its values."""
        for name, values, doc, name_path, values_path in self.checker.state_uses:
            if name not in self.states:
                self.problems.append(Problem(doc.mark(name_path), f"unknown named state {name!r}"
                                             f"{suggestion(name, self.states)} (declare it under states:)"))
                continue
            known = self.states[name][0]
            for n, value in enumerate(values or ()):
                if value not in known:
                    where = values_path + ((n,) if len(values or ()) > 1 else ())
                    self.problems.append(Problem(doc.mark(where), f"{value!r} is not a value of the named state "
                                                 f"{name!r} ({', '.join(known)}){suggestion(value, known)}"))

    def read_entry(self, doc: Document, kind: str, entry_id: str, raw: Any, pack_id: str) -> None:
        path = (kind, entry_id)
        if not self.checker.check_id(doc, path, entry_id, kind):
            return
        game_id = entry_id if pack_id == self.game_id else f"{pack_id}:{entry_id}"
        for other_kind in (SHARED_NAMESPACE if kind in SHARED_NAMESPACE else (kind,)):
            if game_id in self.entries[other_kind]:
                first = self.entries[other_kind][game_id][1].mark
                self.checker.error(doc.key_mark(path), f"the id {entry_id!r} is already used by {other_kind} at {first}")
                return
        what = f"{kind[:-1] if kind.endswith('s') else kind} {entry_id!r}"
        fields = self.checker.fields(doc, path, raw, schema.FIELDS[kind], what)
        if fields is None:
            return
        if kind in campus.KINDS:
            self.checker.need(campus.KINDS[kind], lambda: doc.key_mark(path),
                              f"the {SINGULAR.get(kind, kind[:-1])} {entry_id!r}")
        for key, feature in campus.FIELDS.get(kind, {}).items():
            if key in fields:
                self.checker.need(feature, lambda: doc.key_mark(path + (key,)), f"{key!r} in {what}")
        self.add_item_rules(game_id, fields.pop("rules", ()), doc, path + ("rules",), entry_id)
        if kind in ("rooms", "npcs"):
            self.add_scenery(game_id, fields.pop("scenery", ()), doc, person=kind == "npcs")
        # A big world has hundreds of thousands of entries: once nothing but messages will ask for
        # its place, an entry is one small object rather than a pair, a Place and its path.
        self.entries[kind][game_id] = (_Entry(fields, doc, kind, entry_id) if self.final_when_read
                                       else (fields, Place(doc, path)))
        if kind == "rules":
            self.rule_places[game_id] = (Place(doc, path + ("on",), of_key=False), f"rule {entry_id!r}")

    def add_item_rules(self, item_id: str, rules: Any, doc: Document, path: tuple, written: str) -> None:
        if not rules:
            return  # most items have none: counting them too would hold a number for every item
        taken = self.item_rule_counts.get(item_id, 0)
        self.item_rule_counts[item_id] = taken + len(rules or ())
        for offset, rule in enumerate(rules or ()):
            rule_id = f"{item_id}__rule{taken + offset + 1}"
            self.entries["rules"][rule_id] = ({**rule, "object": item_id}, Place(doc, path + (offset,)))
            self.rule_places[rule_id] = (Place(doc, path + (offset, "on"), of_key=False),
                                         f"rule {taken + offset + 1} of item {written!r}")

    def add_scenery(self, owner: str, groups: tuple, doc: Document, person: bool = False) -> None:
        """A room's one-line scenery becomes fixed scenery items in the room, so that the parser,
        EXAMINE and TAKE treat them as any other thing there (and nothing is scanned per turn); a
        person's becomes things they hold, which go where they go."""
        for number, (name, nouns, adjectives, text, where) in enumerate(groups, start=1):
            item_id = f"{owner}__scenery{number}"
            fields = {"name": name, "nouns": nouns, "adjectives": adjectives, "description": text,
                      "location": owner, "scenery": True, "room_scenery": not person, "person_scenery": person,
                      "plural": name.endswith("s") and not name.endswith("ss")}  # "steps are", "moss is"
            self.entries["items"][item_id] = (fields, Place(doc, where))

    # -- patching ------------------------------------------------------------------------------
    def read_patches(self, doc: Document, pack_id: str) -> None:
        if not isinstance(doc.data, dict) or "patch" not in doc.data:
            return
        patches = doc.data["patch"]
        if not isinstance(patches, dict):
            self.checker.error(doc.mark(("patch",)), "patch must map kinds to the entries they change")
            return
        for kind, targets in patches.items():
            if kind not in schema.KINDS:
                self.checker.error(doc.key_mark(("patch", kind)), f"unknown kind {kind!r}{suggestion(kind, schema.KINDS)}")
                continue
            if not isinstance(targets, dict):
                self.checker.error(doc.mark(("patch", kind)), f"patch.{kind} must map ids to the fields to change")
                continue
            for written, changes in targets.items():
                self.apply_patch(doc, kind, str(written), changes, pack_id)

    def apply_patch(self, doc: Document, kind: str, written: str, changes: Any, pack_id: str) -> None:
        path = ("patch", kind, written)
        target = self.checker.qualify(kind, written)
        entries = self.entries[kind]
        if target not in entries:
            self.checker.error(doc.key_mark(path), f"this patch changes {SINGULAR.get(kind, kind[:-1])} {written!r}, which no "
                               f"pack defines{suggestion(target, entries)}")
            return
        self.checker.allow_null = True
        try:
            fields = self.checker.fields(doc, path, changes, schema.FIELDS[kind], f"the patch of {written!r}")
        finally:
            self.checker.allow_null = False
        if fields is None:
            return
        entry = entries[target][0]
        self.add_item_rules(target, fields.pop("rules", None), doc, path + ("rules",), written)
        for field_name, value in fields.items():
            if isinstance(value, dict) and field_name in ("exits", "topics"):
                merged = dict(entry.get(field_name, {}))
                for key, part in value.items():
                    self.note_change(doc, (kind, target, field_name, key), pack_id, path + (field_name, key))
                    if part is None:
                        merged.pop(key, None)
                    else:
                        merged[key] = part
                entry[field_name] = merged
                continue
            self.note_change(doc, (kind, target, field_name), pack_id, path + (field_name,))
            if value is None:
                entry.pop(field_name, None)
            else:
                entry[field_name] = value

    def note_change(self, doc: Document, key: tuple[str, ...], pack_id: str, path: tuple) -> None:
        earlier = self.patched.get(key)
        if earlier is not None and earlier != pack_id:
            self.warnings.append(Problem(doc.key_mark(path), f"{earlier} and {pack_id} both change "
                                         f"{'.'.join(key)}; {pack_id} loads later, so its change wins",
                                         "warning"))
        self.patched[key] = pack_id

    # -- linking -------------------------------------------------------------------------------
    def resolve_references(self) -> None:
        if self.unreadable:
            return  # ids in a file that could not be read would only show up here as false alarms
        for reference in self.checker.references:
            if self.known(reference):
                continue
            kinds = _REFERRED.get(reference.kind, (reference.kind,))
            known = [i for k in kinds for i in self.entries[k]]
            bare = {i.partition(":")[2] or i: i for i in known}
            written = reference.id.partition(":")[2] or reference.id
            close = suggestion(written, bare)
            if close:
                self.problems.append(Problem(reference.mark, f"unknown {SINGULAR.get(reference.kind, reference.kind[:-1])} "
                                             f"{written!r}{close}"))
                continue
            noun = SINGULAR.get(reference.kind, reference.kind[:-1])
            self.problems.append(Problem(
                reference.mark, f"unknown {noun} {reference.id!r}{suggestion(reference.id, known)}"))
        self.problems.extend(substitutions.unknown(self.checker.named, self.entries))
        known_verbs = set(schema.BUILTIN_VERBS) | set(schema.MOMENTS) | set(self.entries["verbs"]) | {schema.ANY_ACTION}
        for rule_id, (fields, place) in self.entries["rules"].items():
            owner = rule_id.partition(":")[0] if ":" in rule_id else self.game_id
            qualify = self.qualifier(owner)
            written = fields.get("on", ())
            # The pack's own verb first: a mod's `sing` verb is its own, not the built-in SING.
            fields["on"] = tuple(verb if verb in known_verbs and qualify("verbs", verb) not in self.entries["verbs"]
                                 else qualify("verbs", verb) for verb in written)
            where, name = self.rule_places.get(rule_id, (place, f"rule {rule_id!r}"))
            for verb, as_written in zip(fields["on"], written):
                if verb not in known_verbs:
                    self.problems.append(Problem(where.mark, f"{name} is for {as_written!r}, which is neither a "
                                                 f"built-in verb, a verb of this pack, any, arrive nor turn"
                                                 f"{suggestion(verb, known_verbs)}"))
                elif verb in campus.ACTIONS and verb not in self.entries["verbs"]:  # SLEEP, ATTEND...
                    self.checker.need(campus.ACTIONS[verb], lambda: where.mark, f"the verb {as_written!r} of {name}")
            written_except = fields.get("except", ())
            fields["except"] = tuple(verb if verb in known_verbs else qualify("verbs", verb) for verb in written_except)
            self.problems.extend(Problem(place.mark, message) for message in rules_check.misfits(
                name, fields, known_verbs - {schema.ANY_ACTION, *schema.MOMENTS}, written_except))

    # -- building early ------------------------------------------------------------------------
    def build_early(self, counts: dict[str, int]) -> None:
        """Build the models of the entries a file has just added, when nothing can change them any
        more (no pack has a patch), and let go of their converted fields: holding every entry's
        fields to the end of the load, and then the models beside them, was most of its peak.
        Rules wait (their verbs are known only once every pack is read), and so does a device that
        gives light and says `lit` (check_devices asks how it was written)."""
        for kind in _BUILT_EARLY:
            entries = self.entries[kind]
            added = len(entries) - counts[kind]
            if not added:
                continue
            build = _BUILDERS[kind]
            for entry_id, entry in list(islice(reversed(entries.items()), added)):
                fields = entry[0]
                if kind == "items":
                    if fields.get("device") and fields.get("light") and "lit" in fields:
                        continue
                    start = fields.get("location", "nowhere")
                    if isinstance(start, str) and start.startswith(("in:", "on:")):
                        self.held[entry_id] = (start, _portable(fields))
                _hand_over(entries, entry_id, entry, build(entry_id, self.share.fields(fields), self.share))

    def start_of(self, item_id: str) -> tuple[Any, bool]:
        """Where an item starts, as written ("nowhere" when it does not say), and whether it can be
        carried, whether or not its model is built yet."""
        entry = self.entries["items"][item_id][0]
        if isinstance(entry, model.Item):
            return self.held.get(item_id, ("nowhere", True))
        return entry.get("location", "nowhere"), _portable(entry)

    def known(self, reference: Reference) -> bool:
        return any(reference.id in self.entries[kind] for kind in _REFERRED.get(reference.kind, (reference.kind,)))

    def check_moves(self) -> None:
        """A `move` into something that starts inside the moved item could only put it inside
        itself, and is refused at run time: an error when nothing can ever take that holder out
        (it is fixed and no effect moves it), else a warning."""
        items, moved = self.entries["items"], self.checker.moved
        for item, place, doc, path in self.checker.moves:
            chain = _holders_between(items, self.start_of, place[3:], item)
            if chain is None:
                continue
            holder, inside = bare_id(place[3:]), bare_id(item)
            if any(self.start_of(link)[1] or link in moved for link in chain):
                self.warnings.append(Problem(doc.mark(path), f"{holder!r} starts inside {inside!r}: unless it "
                                             "has been taken out by then, this move is refused, since a thing "
                                             "cannot go inside itself", "warning"))
            else:
                self.problems.append(Problem(doc.mark(path), f"{holder!r} lies inside {inside!r} and nothing "
                                             f"ever takes it out, so this move could only put {inside!r} inside "
                                             "itself, which the game always refuses"))

    def check_devices(self) -> None:
        """Only a device is switched on and off: naming anything else is a mistake that would
        otherwise fail quietly in play."""
        items = self.entries["items"]
        for item, doc, path in self.checker.switched:
            if item in items and not _is_device(items[item][0]):
                self.problems.append(Problem(doc.mark(path), f"{bare_id(item)!r} is not a device, so it is never "
                                             "switched on or off (give it device: true)"))
        for item, (fields, place) in items.items():
            if isinstance(fields, dict) and fields.get("device") and fields.get("light") and "lit" in fields:
                self.problems.append(Problem(place.mark, f"{bare_id(item)!r} is a device that gives light, so it is "
                                             "alight while switched on: say switched_on, not lit"))

    def add_score(self) -> None:
        """Mods that give points say how many with adds_score, so that "out of a possible" stays
        true; a mod that takes scored content away may give a negative number."""
        if not self.game or not self.score_added:
            return
        total = self.game.get("max_score", 0) + sum(points for points, _ in self.score_added)
        if total < 0:
            _, mark = self.score_added[-1]
            self.problems.append(Problem(mark, f"with this, the game's possible score would be {total}, "
                                         "less than nothing"))
        elif self.game.get("max_score"):
            self.game = {**self.game, "max_score": total}

    # -- building ------------------------------------------------------------------------------
    def build(self) -> model.Content:
        assert self.pack is not None and self.game is not None
        rooms_with_effects = {i for i, (f, _) in self.entries["rooms"].items()
                              if (f.on_enter if isinstance(f, model.Room) else f.get("on_enter"))}
        share = self.share
        e = {kind: _Handed(entries, share) for kind, entries in self.entries.items()}
        game_fields = {"intro": "", **self.game}
        if "directions" in game_fields:  # checked as one table, kept as words and opposites
            game_fields["directions"], game_fields["opposites"] = game_fields["directions"]
        game = model.GameInfo(**game_fields)
        return model.Content(
            pack=self.pack,
            game=game,
            **{kind: e[kind].built(build) for kind, build in _BUILDERS.items()},
            rules={i: _rule(i, f) for i, f in e["rules"].items()},
            states={name: values for name, (values, _) in self.states.items()},
            origins={
                "rules": {i: place.doc.file for i, (_, place) in self.entries["rules"].items()},
                "timers": {i: place.doc.file for i, (_, place) in self.entries["timers"].items()},
                "rooms": {i: place.doc.file for i, (_, place) in self.entries["rooms"].items() if i in rooms_with_effects},
            },
        )


class _Entry:
    """An entry as the assembly holds it, `(fields, place)` (its converted fields, then its model,
    then None; where its id is written), in one object of 64 bytes rather than a pair, a Place and
    its path (176 bytes). It is its own place: a Place of its key, `(kind, id as written)`."""

    __slots__ = ("fields", "doc", "kind", "written")
    of_key = True

    def __init__(self, fields: Any, doc: Document, kind: str, written: str) -> None:
        self.fields, self.doc, self.kind, self.written = fields, doc, kind, written

    def __len__(self) -> int:
        return 2

    def __iter__(self):
        return iter((self.fields, self))

    def __getitem__(self, index: int) -> Any:
        return (self.fields, self)[index]

    @property
    def path(self) -> tuple[str, str]:
        return (self.kind, self.written)

    @property
    def mark(self) -> Mark:
        return self.doc.key_mark(self.path)


class _Handed:
    """A kind's entries, each one's fields handed over as its model is built and then let go (its
    place kept for messages): a model shares the fields' texts, and holding every entry's converted
    fields beside every model to the end of the load would only add to its peak of memory."""

    def __init__(self, entries: dict[str, tuple[dict[str, Any] | None, Place]], share: _Shared) -> None:
        self.entries = entries
        self.share = share

    def items(self):
        for entry_id, entry in self.entries.items():
            fields = entry[0]
            _hand_over(self.entries, entry_id, entry, None)
            yield entry_id, self.share.fields(fields)

    def built(self, build) -> dict[str, Any]:
        """Every entry's model: those built as their file was read, and the others built now."""
        models = dict.fromkeys(self.entries)  # made at its full size: no copy of it while it grows
        for entry_id, entry in self.entries.items():
            fields = entry[0]
            _hand_over(self.entries, entry_id, entry, None)
            models[entry_id] = fields if not isinstance(fields, dict) else build(
                entry_id, self.share.fields(fields), self.share)
        return models


def _hand_over(entries: dict[str, Any], entry_id: str, entry: Any, now: Any) -> None:
    """What the entry holds in place of its fields from now on (its model, or None), its place
    kept. The same key: the dict is not resized while it is read."""
    if isinstance(entry, _Entry):
        entry.fields = now
    else:
        entries[entry_id] = (now, entry[1])


class _Shared:
    """One copy of each equal text and tuple of words in the content: a big world repeats them (a
    thing's nouns, a topic's keywords, a rule's verbs, a text that two entries say), and every copy
    is held for as long as the game runs, and written to and read from the cache. Only strings and
    tuples of strings are shared: (1,) equals (True,), and conditions and effects are dicts."""

    def __init__(self) -> None:
        self.known: dict[Any, Any] = {}

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if (kind is str and len(value) > SHARED_TEXT) or (
                kind is tuple and value and all(type(word) is str for word in value)):
            return self.known.setdefault(value, value)
        return value

    def fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        for key, value in fields.items():  # the same keys: the dict is not resized while read
            fields[key] = self(value)
        return fields


SHARED_TEXT = SHORT  # shorter texts are interned as the YAML is read


def _unshared(value: Any) -> Any:
    return value


def _declared_features(manifest: Any) -> frozenset[str]:
    """The features a game's manifest names (every one when the list is malformed, so that one
    mistake there is reported once, not again at every entry of the campus)."""
    game = manifest.get("game") if isinstance(manifest, dict) else None
    named = game.get("features", []) if isinstance(game, dict) else []
    if not isinstance(named, list) or not all(isinstance(name, str) for name in named):
        return campus.ALL
    return frozenset(named) & campus.ALL


def _fingerprint(pack: PackFiles) -> str:
    """A hash of a pack's YAML files, names and bytes, so a save knows the pack changed."""
    digest = hashlib.sha256()
    for path in sorted(pack.paths):
        data = pack.data.get(path)
        if data is not None:
            digest.update(pack.relative(path).encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def _declared_ids(documents: list[Document]) -> dict[str, set[str]]:
    """The ids each kind declares in a pack's files, as written (before any checking)."""
    declared: dict[str, set[str]] = {}
    for document in documents:
        if isinstance(document.data, dict):
            for kind, entries in document.data.items():
                if kind in schema.KINDS and isinstance(entries, dict):
                    declared.setdefault(kind, set()).update(str(key) for key in entries)
    return declared


def _portable(f: dict[str, Any]) -> bool:
    """Whether the player can pick the item up (as _item works it out)."""
    return f.get("portable", not (f.get("scenery", False) or "door" in f))


def _is_device(entry: dict[str, Any] | model.Item) -> bool:
    return bool(entry.device if isinstance(entry, model.Item) else entry.get("device"))


def _holders_between(items: dict[str, Any], start_of, holder: str, item: str) -> list[str] | None:
    """The items from `holder` out to `item` (not included) when, at the start, `holder` lies in or on
    `item` however deep; else None. `start_of(item)` gives where an item starts, as written."""
    chain: list[str] = []
    while holder != item:
        if holder not in items or holder in chain:
            return None
        chain.append(holder)
        place = start_of(holder)[0]
        if not isinstance(place, str) or not place.startswith(("in:", "on:")):
            return None
        holder = place[3:]
    return chain


def _room(room_id: str, f: dict[str, Any]) -> model.Room:
    exits = model.Ways.written(
        (direction, x.get("to"), x.get("door"), x.get("if"), x.get("else"), x.get("hidden", False))
        for direction, x in f.get("exits", {}).items()
    )
    name, names = f["name"], None
    if not isinstance(name, str):  # variants: the plain name is the one that needs no condition
        names = name
        name = next((v.text for v in reversed(names) if v.condition is None), names[0].text)
    return model.Room(room_id, name, f.get("description", ""), exits, f.get("dark", False),
                      f.get("position"), f.get("on_enter", ()), f.get("bed", False), f.get("practice", False),
                      names, f.get("arrival"))


NAME_FILLERS = frozenset({"of", "the", "a", "an", "and"})


def _names(f: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Nouns as given (or the name's last word); adjectives as given plus every other word of the
    name, so that whatever the game calls a thing, the player can call it that too."""
    words = [intern(w.strip("'\".,;:!?()")) for w in f["name"].lower().replace(",", " ").split()]
    words = [w for w in words if w]
    nouns = tuple(f.get("nouns") or (words[-1],))
    named = tuple(w for w in words if w not in nouns and w not in NAME_FILLERS)
    adjectives = tuple(dict.fromkeys((*f.get("adjectives", ()), *named)))
    return nouns, adjectives


def _item(item_id: str, f: dict[str, Any], share=_unshared) -> model.Item:
    nouns, adjectives = map(share, _names(f))
    fixed = f.get("scenery", False) or "door" in f
    values = {k: v for k, v in f.items() if k not in ("nouns", "adjectives", "location")}
    values.setdefault("portable", not fixed)
    values.setdefault("description", "")
    if (f.get("openable") or f.get("locked")) and "open" not in f:
        values["open"] = False  # a locked thing starts shut, whatever else it is
    location = f.get("location", "nowhere")
    if "door" in f and "location" not in f:
        location = f["door"][0]
    return model.Item(item_id, nouns=nouns, adjectives=adjectives, location=location, **values)


def _npc(npc_id: str, f: dict[str, Any], share=_unshared) -> model.Npc:
    nouns, adjectives = map(share, _names(f))
    topics = {
        t: model.Topic(t, share(x.get("keywords", (t.replace("_", " "),))), share(x["text"]), x.get("if"),
                       x.get("do", ()))
        for t, x in f.get("topics", {}).items()
    }
    values = {k: v for k, v in f.items() if k not in ("nouns", "adjectives", "topics")}
    return model.Npc(npc_id, nouns=nouns, adjectives=adjectives, topics=topics, **values)


def _timer(timer_id: str, f: dict[str, Any], share=_unshared) -> model.Timer:
    return model.Timer(timer_id, f["at"], f.get("day"), f.get("daily", True), f.get("if"), f.get("do", ()),
                       f.get("interrupts", False))


def _verb(verb_id: str, f: dict[str, Any], share=_unshared) -> model.Verb:
    return model.Verb(verb_id, f.get("words", (verb_id,)), f.get("default"), f.get("time", 1))


def _plain(cls):
    """A builder for a kind whose model takes its fields as they are."""
    return lambda entry_id, f, share=_unshared: cls(entry_id, **f)


# How each kind but rules becomes its model, in the order Content lists them.
_BUILDERS = {
    "rooms": lambda entry_id, f, share=_unshared: _room(entry_id, f),
    "items": _item,
    "npcs": _npc,
    "lore": _plain(model.Lore),
    "pieces": _plain(model.Piece),
    "classes": _plain(model.SchoolClass),
    "recitals": _plain(model.Recital),
    "endings": _plain(model.Ending),
    "verbs": _verb,
    "timers": _timer,
}
_BUILT_EARLY = tuple(_BUILDERS)


def _may_patch(pack: PackFiles) -> bool:
    """Whether any file of the pack might have a `patch:` (judged from its bytes, before it is
    decoded, erring towards yes): the word not inside a longer one, or an escape in a quoted text
    that could spell it."""
    return any(data is not None and (_followed(data, b"patch", lambda after: after not in _IN_A_WORD)
                                     or _followed(data, b"\\", lambda after: after in _SPELLING))
               for data in pack.data.values())


_IN_A_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_SPELLING = frozenset(b"xuU\r\n")  # escapes that can spell a letter, and an escaped line break


def _followed(data: bytes, what: bytes, counts) -> bool:
    """Whether `what` occurs in `data` followed by a byte (None at the end) for which `counts` is
    true. bytes.find is many times faster than a regular expression over a big pack."""
    at = data.find(what)
    while at != -1:
        at += len(what)
        if counts(data[at] if at < len(data) else None):
            return True
        at = data.find(what, at)
    return False


def _rule(rule_id: str, f: dict[str, Any]) -> model.Rule:
    proceed = f["continue"] if "continue" in f else (not f["stop"]) if "stop" in f else None
    return model.Rule(rule_id, f["on"], f.get("object"), f.get("with"), f.get("where"), f.get("if"),
                      f.get("do", ()), f.get("once", False), proceed, f.get("text", ()), f.get("direction"),
                      tuple(f.get("except", ())), f.get("phase", "instead"), f.get("replace", False))
