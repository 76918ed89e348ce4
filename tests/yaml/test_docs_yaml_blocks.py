"""Every ```yaml block in README.md and docs/*.md is checked against the engine, so the docs
cannot drift from it (issue 15 §6).

What a block is comes from its first line (the convention is written at the top of
docs/content.md, "Examples in these pages"):

- `# some/folder/file.yaml`, naming a file of the repository: the block is that file, exactly;
- `# pack.yaml ...`: a whole manifest; `# NAME.yaml ...`: a whole content file;
- `# fragment of PART[: words]`: part of a file, checked against PART's schema table (its required
  fields may be left out); PART is `pack.yaml`, `a room`, `an item`, `an npc`, `a lore entry`,
  `a piece`, `a class`, `a recital`, `an ending`, `a verb`, `a rule`, `a timer`, `exits`,
  `conditions` (a list, or one condition) or `effects`;
- anything else: a whole manifest if its top-level keys are the manifest's, a whole content file
  if they are kinds (`rooms:`, `items:`, ..., `patch:`, `states:`), and a game in one view if
  they are `game:` and kinds (the game section as in pack.yaml, the rest as a content file).

A whole file is read by the same code as a pack's file (every field, shape, condition, effect and
substitution), but ids it names are not looked up: an example may name rooms it does not show.
A failure names the doc file and line of the problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from elysium.content import schema
from elysium.content.assemble import Assembly
from elysium.content.problems import Problem
from elysium.content.validate import Checker
from elysium.content.yamlsafe import YamlProblem, parse_document

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[ \t]*$")
NAMES_A_FILE = re.compile(r"^#\s*(?P<path>[\w.-]+(?:/[\w.-]+)+\.ya?ml)\s*$")
WHOLE_FILE = re.compile(r"^#\s*(?P<name>[\w.-]+\.ya?ml)\b")
FRAGMENT = re.compile(r"^#\s*fragment of (?P<part>[^:]+?)\s*(?::.*)?$")

ENTRY_PARTS = {
    "a room": "rooms", "an item": "items", "an npc": "npcs", "a lore entry": "lore", "a piece": "pieces",
    "a class": "classes", "a recital": "recitals", "an ending": "endings", "a verb": "verbs",
    "a rule": "rules", "a timer": "timers",
}
SHAPE_PARTS = {"exits": "exits", "conditions": "conditions", "effects": "effects"}
PARTS = (*ENTRY_PARTS, *SHAPE_PARTS, "pack.yaml")
FILE_KEYS = {*schema.KINDS, "patch", "states", "audit"}


class Block:
    def __init__(self, doc: Path, fence: int, indent: int, text: str) -> None:
        self.doc = doc
        self.fence = fence  # the line of the opening ```yaml (1-based); the block's line n is fence + n
        self.indent = indent
        self.text = text

    @property
    def name(self) -> str:
        return f"{self.doc.relative_to(ROOT).as_posix()}:{self.fence}"

    def where(self, line: int, column: int) -> str:
        return f"{self.doc.relative_to(ROOT).as_posix()}:{self.fence + line}:{column + self.indent}"


def yaml_blocks(doc: Path) -> list[Block]:
    """Every ```yaml or ```yml block of a Markdown file, indented (in a list) or not."""
    blocks, lines, index = [], doc.read_text(encoding="utf-8").splitlines(), 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        index += 1
        if not opening or not opening["lang"]:
            continue
        indent, fence, body = opening["indent"], index, []
        while index < len(lines) and lines[index].strip() != "```":
            line = lines[index]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            index += 1
        index += 1
        if opening["lang"] in ("yaml", "yml"):
            blocks.append(Block(doc, fence, len(indent), "\n".join(body) + "\n"))
    return blocks


BLOCKS = [block for doc in DOCS for block in yaml_blocks(doc)]


def checked(block: Block) -> list[str]:
    """The problems of a block, each at its doc file:line:col; [] when it is what it says."""
    first = block.text.partition("\n")[0]
    if named := NAMES_A_FILE.match(first):
        path = ROOT / named["path"]
        if not path.is_file():
            return [f"{block.where(1, 1)}: the block names {named['path']}, which does not exist"]
        if block.text.partition("\n")[2] != path.read_text(encoding="utf-8"):
            return [f"{block.where(1, 1)}: the block differs from {named['path']}; copy the file in whole"]
        return []
    try:
        document = parse_document(block.text, block.name)
    except YamlProblem as problem:
        return [f"{block.where(problem.mark.line, problem.mark.column)}: {problem.message}"]
    data = document.data
    if fragment := FRAGMENT.match(first):
        return _fragment(block, document, fragment["part"])
    if re.match(r"^#\s*fragment\b", first):
        return [f"{block.where(1, 1)}: say what the fragment is part of: '# fragment of PART' "
                f"(one of: {', '.join(PARTS)})"]
    if whole := WHOLE_FILE.match(first):
        is_manifest = whole["name"] == "pack.yaml"
    elif isinstance(data, dict) and data and set(data) <= set(schema.MANIFEST_FIELDS):
        is_manifest = True
    elif isinstance(data, dict) and data and set(data) <= FILE_KEYS:
        is_manifest = False
    elif isinstance(data, dict) and "game" in data and set(data) <= FILE_KEYS | {"game"}:
        return _game_and_content(block, document)
    else:
        return [f"{block.where(1, 1)}: say what this block is in its first line: '# pack.yaml', '# NAME.yaml' "
                f"for a content file, or '# fragment of PART' (one of: {', '.join(PARTS)})"]
    checker = Checker()
    if is_manifest:
        _manifest(checker, document, required=True)
        return _said(block, checker.problems)
    return _said(block, _content_file(document))


def _game_and_content(block: Block, document: Any) -> list[str]:
    """A game section shown with the content it plays (`game:` then `rooms:` ...): each part as
    its file would hold it."""
    checker = Checker()
    checker.fields(document, ("game",), document.data["game"], schema.GAME_FIELDS, "the game section")
    content = {key: value for key, value in document.data.items() if key != "game"}
    original, document.data = document.data, content
    try:
        problems = _content_file(document)
    finally:
        document.data = original
    return _said(block, checker.problems + problems)


def _manifest(checker: Checker, document: Any, required: bool) -> None:
    game = document.data.get("game") if isinstance(document.data, dict) else None
    if isinstance(game, dict) and isinstance(game.get("days"), list):
        checker.week = tuple(str(day) for day in game["days"])
    checker.fields(document, (), document.data, schema.MANIFEST_FIELDS, "the manifest")
    if not required:
        checker.problems[:] = [p for p in checker.problems if " needs the field " not in p.message]


def _content_file(document: Any) -> list[Problem]:
    """A content file read as a pack reads it; patches are checked field by field, as a patch of
    an entry that exists."""
    assembly = Assembly()
    assembly.read_entries(document, "docs")
    patches = document.data.get("patch") if isinstance(document.data, dict) else None
    if isinstance(patches, dict):
        assembly.checker.allow_null = True
        for kind, targets in patches.items():
            if kind not in schema.KINDS or not isinstance(targets, dict):
                assembly.checker.error(document.key_mark(("patch", kind)), f"patch.{kind} is not a kind of entries")
                continue
            for written, changes in targets.items():
                assembly.checker.fields(document, ("patch", kind, written), changes, schema.FIELDS[kind],
                                        f"the patch of {written!r}")
    return assembly.problems


def _fragment(block: Block, document: Any, part: str) -> list[str]:
    checker = Checker()
    if part == "pack.yaml":
        _manifest(checker, document, required=False)
    elif part in ENTRY_PARTS:
        checker.fields(document, (), document.data, schema.FIELDS[ENTRY_PARTS[part]], part)
        checker.problems[:] = [p for p in checker.problems if " needs the field " not in p.message]
    elif part in SHAPE_PARTS:
        shape = SHAPE_PARTS[part]
        value = document.data
        if shape == "conditions" and isinstance(value, dict):
            shape = "condition"
        checker.shape(document, (), value, shape, part)
    else:
        return [f"{block.where(1, 1)}: '# fragment of {part}' names no part; use one of: {', '.join(PARTS)}"]
    return _said(block, checker.problems)


def _said(block: Block, problems: list[Problem]) -> list[str]:
    return [f"{block.where(p.mark.line, p.mark.column)}: {p.message}" for p in problems if p.severity == "error"]


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_every_yaml_block_in_the_docs_is_what_it_says_and_valid(block):
    assert checked(block) == []


def test_the_docs_have_yaml_blocks_in_each_file():
    assert {block.doc.name for block in BLOCKS} == {"README.md", "content.md", "modding.md", "web.md"}


# The checker itself: a wrong block fails, at the doc line of its problem.

def _block(text: str) -> Block:
    return Block(ROOT / "docs" / "content.md", 10, 0, text)


@pytest.mark.parametrize(("text", "problem"), [
    ("# items.yaml\nitems:\n  lamp:\n    name: lamp\n    portable: maybe\n",
     "docs/content.md:15:15: 'portable' in item 'lamp' must be true or false, not text"),
    ("rooms:\n  hall:\n    name: Hall\n    descripton: A hall.\n",
     "docs/content.md:14:5: unknown field 'descripton' in room 'hall' (did you mean 'description'?)"),
    ("# fragment of effects: two\n- say: Hello.\n- sett: flag\n", "docs/content.md:13:3: unknown effect 'sett'"),
    ("# fragment of conditions\n- {flag: x}\n- {lor: y}\n", "docs/content.md:13:4: unknown condition 'lor'"),
    ("# fragment of pack.yaml\ngame:\n  start_time: 7pm\n",
     "docs/content.md:13:15: 'start_time' in the game section must be a time of day"),
    ("# fragment of a room\nexits: {north: {to: hall, iff: {}}}\n", "docs/content.md:12:27: unknown field 'iff'"),
    ("# pack.yaml\nid: x\nname: X\n", "docs/content.md:12:1: the manifest needs the field 'version'"),
    ("# fragment of a lamp\nname: lamp\n", "docs/content.md:11:1: '# fragment of a lamp' names no part"),
    ("# fragment: a lamp\nitems: {}\n", "docs/content.md:11:1: say what the fragment is part of"),
    ("game: {title: T, start: hall, start_day: first}\nrooms:\n  hall: {name: Hall}\n",
     "docs/content.md:11:42: 'start_day' in the game section must be a whole number"),
    ("name: Hall\ndescription: A hall.\nexits: {}\n", "docs/content.md:11:1: say what this block is in its first line"),
    ("# examples/lantern_walk/pack.yaml\nid: other\n", "docs/content.md:11:1: the block differs from"),
    ("rooms:\n  hall:\n    name: Note: wet\n", "docs/content.md:13:15: YAML syntax: a colon"),
    ("patch:\n  rooms:\n    starred_blocks:hall:\n      exits: {out: null}\n      smell: 3\n",
     "docs/content.md:15:7: unknown field 'smell' in the patch of 'starred_blocks:hall'"),
])
def test_a_wrong_block_fails_at_its_doc_line(text, problem):
    found = checked(_block(text))
    assert any(line.startswith(problem) for line in found), found


def test_an_indented_block_counts_its_indent_in_the_column():
    assert checked(Block(ROOT / "docs" / "content.md", 10, 2, "items:\n  lamp:\n    name: lamp\n    nme: x\n")) == [
        "docs/content.md:14:7: unknown field 'nme' in item 'lamp' (did you mean 'name'?)"]


def test_the_documented_campus_manifest_agrees_with_the_campus():
    """docs/content.md shows content/starred_blocks/pack.yaml abridged: every value it shows is the
    campus's own (a text ending in '...' begins the campus's text), or a case of term_end."""
    [block] = [b for b in BLOCKS if b.text.startswith("# pack.yaml\nid: starred_blocks\n")]
    shown = parse_document(block.text, block.name).data
    campus = parse_document((ROOT / "content" / "starred_blocks" / "pack.yaml").read_text(encoding="utf-8"),
                            "pack.yaml").data
    for key in ("id", "name", "version"):
        assert shown[key] == campus[key], key
    for key, value in shown["game"].items():
        if key == "term_end":
            continue
        if isinstance(value, str) and value.rstrip().endswith("..."):
            assert " ".join(campus["game"][key].split()).startswith(" ".join(value.rstrip()[:-3].split())), key
        else:
            assert value == campus["game"][key], key
