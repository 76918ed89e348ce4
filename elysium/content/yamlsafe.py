"""Read YAML safely into plain data, remembering where every value came from.

Plain values are read by the YAML 1.2 core schema, not PyYAML's YAML 1.1 one: `yes`, `no`, `on`
and `off` are text, `true`/`false` are the booleans, `0123` is the number 123 (never octal 83),
`0o17` is octal, and `07:30` or `1_000` are text (no base-60 numbers, no digit separators).
Only the standard YAML tags are accepted; anything like `!!python/object` is an error, never code.
The node tree is composed (with libyaml's C parser when present) and turned into dicts, lists and
scalars by hand, so that duplicate keys, alias bombs and recursive aliases become clear errors with
a `line:col` instead of a hang or a silent overwrite.

Almost every file is fine, and almost no position is ever shown: so a file is first turned into
data without noting where anything is, and only a file with something to report (here, or later
when its content is checked) is walked again, noting every position, to say exactly where.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import Any, NamedTuple

import yaml

from elysium.content import yaml_hints
from elysium.content.files import MAX_FILE_BYTES, Refused, read_file
from elysium.content.styles import CONTROL, first_control

_Parser = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class Loader(_Parser):  # type: ignore[valid-type,misc]
    """The safe loader, resolving tags as it does but without its per-node Python overheads.

    For each node the composer asks for a tag, and for a path resolver to descend and ascend;
    there are no path resolvers here, so a plain scalar's tag depends on its text alone and is
    looked up at most once per distinct text in a file.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.tags: dict[str, str] = {}

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return STR_TAG  # quoted or block text: never anything else
        tag = self.tags.get(value)
        if tag is None:
            tag = self.tags[value] = super().resolve(kind, value, implicit)
        return tag

# The YAML 1.2 core schema's tag resolution (yaml.org/spec/1.2.2, 10.3.2), replacing PyYAML's
# YAML 1.1 table. `<<` still resolves to the merge tag, so that a merge key is refused by name.
CORE_RESOLVERS = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                                r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
    ("tag:yaml.org,2002:merge", r"^<<$", ["<"]),
)
Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in CORE_RESOLVERS:
    Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
CORE_INT = re.compile(CORE_RESOLVERS[2][1])
CORE_FLOAT = re.compile(CORE_RESOLVERS[3][1])
# A whole number written with a leading zero: YAML 1.1 (and so most other tools) would read it as
# octal, so the checker warns where one is used (see Document.leading_zeros).
LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")

MAX_NODES = 500_000
MAX_DEPTH = 64

STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary")
}

Path_ = tuple[str | int, ...]
STR_TAG, MERGE_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"
INT_TAG = "tag:yaml.org,2002:int"

# The reader refuses control characters written raw (and reads CR and NEL as line breaks), so one
# can reach a value only through a double-quoted escape: "\e", "\x1b", "\u009b", "\N", "\0", ...
# A file without such an escape needs no look at its values.
CONTROL_ESCAPE = re.compile(r"\\[0abvfreNxuU]")


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class YamlProblem(ValueError):
    """A file that cannot be read as content, with where and why."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(f"{mark}: {message}")
        self.mark = mark
        self.message = message


class Document:
    """Plain data from one file, and where each value is, by its path from the root.

    Positions are worked out the first time one is asked for, by composing the file's text again.
    """

    def __init__(self, file: str, data: Any = None, text: str = "") -> None:
        self.file = file
        self.data = data
        self.text = text
        # Where the text can be had again once it is let go (see Assembly.read): a big world's
        # texts would otherwise be held to the end of its load for the few positions asked for.
        self.source: Callable[[], str | None] | None = None
        self._positions: _Builder | None = None
        # (path, whether it is the key that names the path, the character) for each text or key
        # holding a control character: see `control_problems`.
        self.controls: list[tuple[Path_, bool, str]] = []
        # Whether some whole number is written with a leading zero (0123): only then need the
        # checker look up how each number was written.
        self.leading_zeros = False

    def let_go_of_text(self, source: Callable[[], str | None]) -> None:
        """Keep no text, and read it from `source` when a position is asked for (None from it: the
        file has changed since, and every position is then its first line)."""
        self.text, self.source = "", source

    def full_text(self) -> str:
        """The file's text, read again if the load let go of it (see let_go_of_text)."""
        return self._text()

    def _text(self) -> str:
        if self.source is not None:
            self.text, self.source = self.source() or "", None
        return self.text

    def _raw(self) -> _Builder:
        if self._positions is None:
            self._text()
            self._positions = _Builder(self.file, self.text)
            node = yaml.compose(self.text, Loader=Loader) if self.text else None
            if node is not None:
                self._positions.build(node, (), 0)
        return self._positions

    def _mark(self, raw: Any) -> Mark:
        return Mark(self.file, raw.line + 1, raw.column + 1)

    def mark(self, path: Path_) -> Mark:
        """Where the value at `path` starts, or its nearest ancestor when it has no mark."""
        marks = self._raw().marks
        while path not in marks and path:
            path = path[:-1]
        raw = marks.get(path)
        return self._mark(raw) if raw is not None else Mark(self.file, 1, 1)

    def mark_within(self, path: Path_, fragment: str, nth: int = 0) -> Mark:
        """Where the `nth` (from 0) `fragment` written in the value at `path` stands, or the value's
        own mark when it is not written as such (split by a fold, or spelt with escapes)."""
        raw = self._raw().marks.get(path)
        if raw is None:
            return self.mark(path)
        found = raw.index - 1
        self._text()
        for _ in range(nth + 1):
            found = self.text.find(fragment, found + 1)
            if found < 0:
                return self._mark(raw)
        line_start = self.text.rfind("\n", 0, found) + 1
        # Lines counted from the value's own mark, not from the top: an audit asks this for
        # thousands of texts of one file, and counting from the top would grow with the file.
        line = raw.line + self.text.count("\n", raw.index, found)
        return Mark(self.file, line + 1, found - line_start + 1)

    def written(self, path: Path_) -> str | None:
        """How the plain number, boolean or null at `path` is written in the file (`1.10` for the
        number 1.1), or None when the value there is text or not a scalar."""
        return self._raw().written.get(path)

    def key_mark(self, path: Path_) -> Mark:
        """Where the key that names `path` stands (for unknown fields and duplicate ids)."""
        raw = self._raw().key_marks.get(path)
        return self._mark(raw) if raw is not None else self.mark(path)

    def control_problems(self) -> list[tuple[Mark, str]]:
        """(where, what) for every text and key that holds a control character. The file is
        otherwise read as usual, so that its other problems are found too."""
        problems = []
        for path, of_key, character in self.controls:
            code = f"control character U+{ord(character):04X}"
            if of_key:
                problems.append((self.key_mark(path), f"{code} in the key {path[-1]!r}"))
                continue
            field = next((step for step in reversed(path) if isinstance(step, str)), None)
            problems.append((self.mark(path), f"{code} in {field!r}" if field is not None else f"{code} in this text"))
        return problems


class Place(NamedTuple):
    """A value's place in a document, kept instead of its Mark until a message needs one."""

    doc: Document
    path: Path_
    of_key: bool = True  # the key that names the value, rather than the value itself

    @property
    def mark(self) -> Mark:
        return self.doc.key_mark(self.path) if self.of_key else self.doc.mark(self.path)


def read_document(path: Path, display: str | None = None, pack: Path | None = None) -> Document:
    """Load one YAML file of the pack folder `pack` (default: the file's own folder) into a Document,
    raising YamlProblem for anything unsafe or malformed: the file is looked at before it is read
    (see files.read_file)."""
    name = display or str(path)
    try:
        raw = read_file(path, os.path.realpath(pack if pack is not None else path.parent))
    except Refused as refused:
        raise YamlProblem(Mark(name, 1, 1), refused.message) from None
    return decode_document(raw, name)


def decode_document(raw: bytes, name: str) -> Document:
    """A Document from a file's bytes, already read (see files.PackFiles)."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(Mark(name, 1, 1), f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlProblem(Mark(name, line, column),
                          f"the file is not UTF-8 text (bad byte at offset {error.start})") from None
    return parse_document(text, name)


def parse_document(text: str, name: str) -> Document:
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text, name) from None
    except yaml.reader.ReaderError as error:
        raise _unreadable_character(error, text, name) from None
    except yaml.YAMLError as error:
        raise YamlProblem(Mark(name, 1, 1), f"YAML syntax: {error}") from None
    except RecursionError:
        raise YamlProblem(Mark(name, 1, 1), "the YAML is nested too deeply") from None
    document = Document(name, None, text)
    if node is None:
        return document
    # Only aliases can make a small file expand; a file without any cannot be a bomb.
    aliases = "*" in text
    total, culprit = _subtree_sizes(node) if aliases else (0, None)
    if total > MAX_NODES:
        where = culprit or node
        raise YamlProblem(Mark(name, where.start_mark.line + 1, where.start_mark.column + 1),
                          "the file expands to too many values (an alias bomb?)")
    try:
        document.data, document.leading_zeros = _plain(node, aliases)
    except _Unsafe:
        # The builder that notes positions finds the same problem and says where it is.
        builder = _Builder(name, text)
        document.data = builder.build(node, (), 0)
        document._positions = builder
        document.leading_zeros = any(LEADING_ZERO.match(written) for written in builder.written.values())
    if CONTROL_ESCAPE.search(text):
        document.controls = _controls(document.data)
    return document


def _controls(data: Any) -> list[tuple[Path_, bool, str]]:
    """Every text and key in `data` that holds a control character, as `Document.controls`."""
    found: list[tuple[Path_, bool, str]] = []
    stack: list[tuple[Any, Path_]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if character := first_control(value):
                found.append((path, False, character))
        elif isinstance(value, dict):
            for key, item in value.items():
                if character := first_control(key):
                    found.append((path + (key,), True, character))
                stack.append((item, path + (key,)))
        elif isinstance(value, list):
            stack.extend((item, path + (index,)) for index, item in enumerate(value))
    return found


def _unreadable_character(error: yaml.reader.ReaderError, text: str, name: str) -> YamlProblem:
    """A character the reader refuses, where it stands. The reader's own position counts bytes
    (libyaml) or characters (PyYAML); the first such character in the text is the one it met."""
    index = text.find(chr(error.character)) if isinstance(error.character, int) else -1
    if index < 0:
        return YamlProblem(Mark(name, 1, 1), f"YAML syntax: {error.reason}")
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    kind = "control character" if CONTROL.match(text[index]) else "character"
    return YamlProblem(Mark(name, line, column),
                       f"{kind} U+{error.character:04X} in the file; content text cannot hold one")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> YamlProblem:
    """A parser error in words a modder can act on, at the place that needs changing."""
    mark = error.problem_mark or error.context_mark
    where = Mark(name, mark.line + 1, mark.column + 1) if mark else Mark(name, 1, 1)
    problem = str(error.problem or error.context)
    if "maximum nesting depth" in problem:
        line, column = _too_deep(text)
        return YamlProblem(Mark(name, line, column), f"values are nested more than {MAX_DEPTH} levels deep")
    if mark is not None and _character_at(text, mark.line, mark.column) == "\t":
        return YamlProblem(where, "YAML syntax: a tab is used for indentation; indent with spaces")
    if mark is not None:
        context_line = error.context_mark.line if error.context_mark is not None else None
        hint = yaml_hints.explain(problem, str(error.context or "") if error.problem else "", mark.line, mark.column,
                                  context_line, text)
        if hint is not None:
            return YamlProblem(Mark(name, hint.line, hint.column), hint.message)
    message = f"YAML syntax: {problem}"
    if error.context and error.context_mark is not None and error.problem:
        start = error.context_mark
        message += f" ({error.context} that starts at line {start.line + 1}, column {start.column + 1})"
    return YamlProblem(where, message)


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _too_deep(text: str) -> tuple[int, int]:
    """Where flow brackets first open more than MAX_DEPTH levels deep (1-based line, column)."""
    depth, line, column = 0, 1, 0
    for ch in text:
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, column
        elif ch in "]}":
            depth -= 1
    return 1, 1


def _subtree_sizes(root: yaml.Node) -> tuple[int, yaml.Node | None]:
    """How many values the document expands to, and the smallest value that alone expands past
    MAX_NODES (None if none does). Shared (aliased) nodes are counted once per use, cheaply."""
    sizes: dict[int, int] = {}
    culprit: list[yaml.Node] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    visiting: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = [] if isinstance(node, yaml.ScalarNode) else (
            node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair])
        if not done:
            if key in visiting:  # a recursive alias: the builder reports it where it is used
                sizes[key] = 1
                continue
            visiting.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        sizes[key] = min(total, MAX_NODES * 10)
        if total > MAX_NODES and not culprit and all(sizes.get(id(c), 1) <= MAX_NODES for c in children):
            culprit.append(node)
    return sizes.get(id(root), 1), (culprit[0] if culprit else None)


def _recursive_alias_mark(text: str, name: str) -> Mark | None:
    """Where an alias names an anchor whose value is still open around it."""
    open_anchors: list[str | None] = []
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                open_anchors.append(event.anchor)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                open_anchors.pop()
            elif isinstance(event, yaml.AliasEvent) and event.anchor in open_anchors:
                return Mark(name, event.start_mark.line + 1, event.start_mark.column + 1)
    except yaml.YAMLError:
        return None
    return None


class _Unsafe(Exception):
    """Something in a file that `_Builder` will find again and report with its position."""


SHORT = 40  # longer texts are prose, and prose rarely repeats


def _plain(root: yaml.Node, aliases: bool) -> tuple[Any, bool]:
    """The data of a node tree, refusing all that `_Builder` refuses (and raising `_Unsafe` for it),
    without noting any position, and whether a whole number in it is written with a leading zero.
    Without aliases no node is shared, so none can contain itself.

    Keys and short texts (ids, directions, flags) are interned: the same few thousand words recur
    hundreds of thousands of times in a big pack, and one object each makes the loaded content
    smaller and its compiled cache much quicker to write and read."""
    # Values are counted by their parents, so that a plain text can be read without a call.
    # Checking the total only at the end is enough: with aliases, parse_document has already
    # refused a tree that expands too far, and without them the tree is as big as the file.
    count = 1
    active: set[int] = set()
    leading_zeros = False

    def value(node: Any, depth: int) -> Any:
        nonlocal leading_zeros
        if node.__class__ is not yaml.ScalarNode:
            return collection(node, depth)
        if node.tag != STR_TAG:
            if node.tag == INT_TAG and LEADING_ZERO.match(node.value):
                leading_zeros = True
            return _scalar(node)
        text = node.value
        return intern(text) if len(text) <= SHORT else text

    def collection(node: Any, depth: int) -> Any:
        nonlocal count
        children = node.value
        count += len(children)
        if node.tag not in STANDARD_TAGS or (depth >= MAX_DEPTH and children):
            raise _Unsafe
        if aliases:
            if id(node) in active:
                raise _Unsafe
            active.add(id(node))
        depth += 1
        if node.__class__ is yaml.SequenceNode:
            result: Any = [value(item, depth) for item in children]
        else:
            result = {}
            for key_node, value_node in children:
                if key_node.__class__ is not yaml.ScalarNode or key_node.tag == MERGE_TAG:
                    raise _Unsafe
                key = intern(key_node.value)
                if key in result:
                    raise _Unsafe
                if value_node.__class__ is yaml.ScalarNode and value_node.tag == STR_TAG:
                    text = value_node.value
                    result[key] = intern(text) if len(text) <= SHORT else text
                else:
                    result[key] = value(value_node, depth)
        if aliases:
            active.discard(id(node))
        return result

    data = value(root, 0)
    if count > MAX_NODES:
        raise _Unsafe
    return data, leading_zeros


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value by its tag, as the YAML 1.2 core schema reads it (also for an explicit
    tag such as `!!int 0o17`); `_Unsafe` if it cannot be read."""
    if node.tag not in STANDARD_TAGS:
        raise _Unsafe
    value = node.value
    kind = node.tag.rpartition(":")[2]
    if kind in ("str", "timestamp", "binary"):
        return str(value)
    if kind == "null":
        return None
    if kind == "bool" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if kind == "int" and CORE_INT.match(value):
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value)  # base 10, whatever its leading zeros
    if kind == "float" and CORE_FLOAT.match(value):
        special = value.lstrip("+-").lower()
        if special in (".inf", ".nan"):
            number = float(special[1:])
            return -number if value.startswith("-") else number
        return float(value)
    raise _Unsafe


class _Builder:
    """Turns a node tree into data as `_plain` does, noting where each value and key stands, and
    reporting the first problem at its place."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.count = 0
        self.active: set[int] = set()
        # The parser's own marks (0-based), kept as they come: few are ever turned into a `Mark`.
        self.marks: dict[Path_, Any] = {}
        self.key_marks: dict[Path_, Any] = {}
        # How each value that is not text is written (see Document.written).
        self.written: dict[Path_, str] = {}

    def mark(self, node: yaml.Node) -> Mark:
        return Mark(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem(self.mark(node), "the file expands to too many values (an alias bomb?)")
        if depth > MAX_DEPTH:
            raise YamlProblem(self.mark(node), f"values are nested more than {MAX_DEPTH} levels deep")
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(self.mark(node), f"the tag {tag} is not allowed in content")
        self.marks.setdefault(path, node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            if node.tag != STR_TAG:
                self.written.setdefault(path, node.value)
            return self.scalar(node)
        if id(node) in self.active:
            where = _recursive_alias_mark(self.text, self.file) or self.mark(node)
            raise YamlProblem(where, "an alias refers to the value that contains it")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(self.mark(key_node), "merge keys (<<) are not supported in content")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(self.mark(key_node), "a key must be a plain word, not a list or mapping")
            key = str(key_node.value)
            if key in result:
                first = self.key_marks[path + (key,)]
                raise YamlProblem(self.mark(key_node), f"the key {key!r} appears twice in this mapping"
                                  f" (first at line {first.line + 1})")
            self.key_marks[path + (key,)] = key_node.start_mark
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return _scalar(node)
        except _Unsafe:
            raise YamlProblem(self.mark(node), f"cannot read the value {node.value!r}") from None
