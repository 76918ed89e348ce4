"""Load a pack folder (and any mod folders) into a checked, linked `Content`.

Every file is read and checked before anything is built, so a modder sees every problem at once;
only content with no errors at all becomes a game.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from elysium.content import model, schema
from elysium.content.problems import ContentError, Problem, suggestion
from elysium.content.validate import Checker
from elysium.content.yamlsafe import Document, Mark, YamlProblem, read_document

MANIFEST = "pack.yaml"
SHARED_NAMESPACE = ("rooms", "items", "npcs")


def default_content_dir() -> Path:
    """The Starred Blocks pack: beside the package in a checkout, inside it when installed."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "content" / "starred_blocks"
    if (checkout / MANIFEST).is_file():
        return checkout
    return package / "default_content" / "starred_blocks"


def load_content(folder: Path | None = None, mods: tuple[Path, ...] = ()) -> model.Content:
    """Read, check and build the game in `folder` plus `mods`; raises ContentError listing problems."""
    return _Load().run(Path(folder) if folder else default_content_dir(), [Path(m) for m in mods])


class _Load:
    def __init__(self) -> None:
        self.checker = Checker()
        # kind -> id -> (converted fields, mark of the id)
        self.entries: dict[str, dict[str, tuple[dict[str, Any], Mark]]] = {k: {} for k in schema.KINDS}
        self.pack: model.PackInfo | None = None
        self.game: dict[str, Any] | None = None

    @property
    def problems(self) -> list[Problem]:
        return self.checker.problems

    def run(self, folder: Path, mods: list[Path]) -> model.Content:
        for index, pack_folder in enumerate([folder, *mods]):
            self.read_pack(pack_folder, is_game=index == 0)
        self.resolve_references()
        if self.problems:
            raise ContentError(self.problems)
        return self.build()

    # -- reading -------------------------------------------------------------------------------
    def read_pack(self, folder: Path, is_game: bool) -> None:
        label = _display(folder)
        manifest_path = folder / MANIFEST
        if not folder.is_dir():
            self.problems.append(Problem(Mark(label, 1, 1), "this content folder does not exist"))
            return
        if not manifest_path.is_file():
            self.problems.append(Problem(Mark(label, 1, 1), f"this folder has no {MANIFEST} manifest"))
            return
        manifest = self.read(manifest_path)
        if manifest is not None:
            fields = self.checker.fields(manifest, (), manifest.data, schema.MANIFEST_FIELDS, "the manifest")
            if fields and {"id", "name", "version"} <= set(fields):
                if is_game:
                    self.pack = model.PackInfo(fields["id"], fields["name"], fields["version"], str(folder))
                    if "game" not in fields:
                        self.problems.append(Problem(manifest.mark(()), "the game's manifest needs a 'game' section"))
                    self.game = fields.get("game")
        for path in sorted(folder.rglob("*.yaml")) + sorted(folder.rglob("*.yml")):
            if path.name == MANIFEST and path.parent == folder:
                continue
            if not _inside(path, folder):
                self.problems.append(Problem(Mark(_display(path), 1, 1), "this file lies outside its pack folder"))
                continue
            document = self.read(path)
            if document is not None:
                self.read_entries(document)

    def read(self, path: Path) -> Document | None:
        try:
            return read_document(path, _display(path))
        except YamlProblem as problem:
            self.problems.append(Problem(problem.mark, problem.message))
            return None

    def read_entries(self, doc: Document) -> None:
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            self.checker.error(doc.mark(()), "a content file must be a mapping of kinds (rooms:, items:, ...)")
            return
        for kind, entries in doc.data.items():
            if kind not in schema.KINDS:
                self.checker.error(doc.key_mark((kind,)), f"unknown kind {kind!r}{suggestion(kind, schema.KINDS)}")
                continue
            if not isinstance(entries, dict):
                self.checker.error(doc.mark((kind,)), f"{kind} must be a mapping from ids to entries")
                continue
            for entry_id, raw in entries.items():
                self.read_entry(doc, kind, entry_id, raw)

    def read_entry(self, doc: Document, kind: str, entry_id: str, raw: Any) -> None:
        path = (kind, entry_id)
        mark = doc.key_mark(path)
        if not self.checker.check_id(doc, path, entry_id, kind):
            return
        for other_kind in (SHARED_NAMESPACE if kind in SHARED_NAMESPACE else (kind,)):
            if entry_id in self.entries[other_kind]:
                first = self.entries[other_kind][entry_id][1]
                self.checker.error(mark, f"the id {entry_id!r} is already used by {other_kind} at {first}")
                return
        what = f"{kind[:-1] if kind.endswith('s') else kind} {entry_id!r}"
        fields = self.checker.fields(doc, path, raw, schema.FIELDS[kind], what)
        if fields is None:
            return
        for index, rule in enumerate(fields.pop("rules", ())):
            rule_id = f"{entry_id}__rule{index + 1}"
            self.entries["rules"][rule_id] = ({**rule, "object": entry_id}, mark)
        self.entries[kind][entry_id] = (fields, mark)

    # -- linking -------------------------------------------------------------------------------
    def resolve_references(self) -> None:
        for reference in self.checker.references:
            kinds = ("items", "npcs") if reference.kind == "things" else (reference.kind,)
            if any(reference.id in self.entries[k] for k in kinds):
                continue
            known = [i for k in kinds for i in self.entries[k]]
            noun = {"things": "item or NPC", "lore": "lore entry"}.get(reference.kind, reference.kind[:-1])
            self.problems.append(Problem(
                reference.mark, f"unknown {noun} {reference.id!r}{suggestion(reference.id, known)}"))
        known_verbs = set(schema.BUILTIN_VERBS) | set(schema.MOMENTS) | set(self.entries["verbs"])
        for rule_id, (fields, mark) in self.entries["rules"].items():
            for verb in fields.get("on", ()):
                if verb not in known_verbs:
                    self.problems.append(Problem(mark, f"rule {rule_id!r} is for {verb!r}, which is neither a "
                                                 f"built-in verb, a verb of this pack, arrive nor turn"
                                                 f"{suggestion(verb, known_verbs)}"))
        if self.game and self.game.get("days") is not None:
            days = {d.lower() for d in self.game["days"]}
            for class_id, (fields, mark) in self.entries["classes"].items():
                for day in fields.get("days", ()):
                    if day.lower() not in days:
                        self.problems.append(Problem(mark, f"class {class_id!r} meets on {day!r}, which is not "
                                                     f"one of the game's days{suggestion(day, days)}"))

    # -- building ------------------------------------------------------------------------------
    def build(self) -> model.Content:
        assert self.pack is not None and self.game is not None
        e = {kind: {i: f for i, (f, _) in entries.items()} for kind, entries in self.entries.items()}
        game = model.GameInfo(**{k: v for k, v in self.game.items()})
        return model.Content(
            pack=self.pack,
            game=game,
            rooms={i: _room(i, f) for i, f in e["rooms"].items()},
            items={i: _item(i, f) for i, f in e["items"].items()},
            npcs={i: _npc(i, f) for i, f in e["npcs"].items()},
            lore={i: model.Lore(i, **f) for i, f in e["lore"].items()},
            pieces={i: model.Piece(i, **f) for i, f in e["pieces"].items()},
            classes={i: model.SchoolClass(i, **f) for i, f in e["classes"].items()},
            recitals={i: model.Recital(i, **f) for i, f in e["recitals"].items()},
            endings={i: model.Ending(i, **f) for i, f in e["endings"].items()},
            verbs={i: model.Verb(i, f.get("words", (i,)), f.get("default"), f.get("time", 1))
                   for i, f in e["verbs"].items()},
            rules={i: _rule(i, f) for i, f in e["rules"].items()},
            timers={i: model.Timer(i, f["at"], f.get("day"), f.get("daily", True), f.get("if"),
                                   f.get("do", ())) for i, f in e["timers"].items()},
        )


def _room(room_id: str, f: dict[str, Any]) -> model.Room:
    exits = {
        direction: model.Exit(direction, x.get("to"), x.get("door"), x.get("if"), x.get("else"))
        for direction, x in f.get("exits", {}).items()
    }
    return model.Room(room_id, f["name"], f["description"], exits, f.get("dark", False),
                      f.get("position"), f.get("on_enter", ()), f.get("bed", False), f.get("practice", False))


def _names(f: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = f["name"].lower().replace(",", " ").split()
    nouns = f.get("nouns") or (words[-1],)
    adjectives = f.get("adjectives") or tuple(w for w in words if w not in nouns and w not in ("of", "the", "a", "an"))
    return tuple(nouns), tuple(adjectives)


def _item(item_id: str, f: dict[str, Any]) -> model.Item:
    nouns, adjectives = _names(f)
    fixed = f.get("scenery", False) or "door" in f
    values = {k: v for k, v in f.items() if k not in ("nouns", "adjectives", "location")}
    values.setdefault("portable", not fixed)
    if f.get("openable") and "open" not in f:
        values["open"] = False
    location = f.get("location", "nowhere")
    if "door" in f and "location" not in f:
        location = f["door"][0]
    return model.Item(item_id, nouns=nouns, adjectives=adjectives, location=location, **values)


def _npc(npc_id: str, f: dict[str, Any]) -> model.Npc:
    nouns, adjectives = _names(f)
    topics = {
        t: model.Topic(t, x.get("keywords", (t.replace("_", " "),)), x["text"], x.get("if"), x.get("do", ()))
        for t, x in f.get("topics", {}).items()
    }
    values = {k: v for k, v in f.items() if k not in ("nouns", "adjectives", "topics")}
    return model.Npc(npc_id, nouns=nouns, adjectives=adjectives, topics=topics, **values)


def _rule(rule_id: str, f: dict[str, Any]) -> model.Rule:
    return model.Rule(rule_id, f["on"], f.get("object"), f.get("with"), f.get("where"), f.get("if"),
                      f.get("do", ()), f.get("once", False), f.get("continue", False))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _display(path: Path) -> str:
    """A path as a modder would type it: relative to the working folder when under it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
