"""The example mods and the modding guide: the examples play, load cleanly, and are what the guide shows.

- Every `examples/*/tests/*.regtest` passes (`elysium test` on each example's tests).
- Every example mod loads on top of the default game, and every stand-alone example game on its
  own, with no warnings, and each of its YAML files
  names the project's JSON Schema in its first line and passes it.
- In docs/modding.md, a fenced ```yaml block whose first line is a comment naming a file
  (`# examples/lantern_walk/walk.yaml`) must be that line followed by the file's exact text, so
  the guide's examples are the tested files. Every other ```yaml block must parse (with the
  engine's own safe reader) or say in its first line that it is a fragment (`# fragment`, which
  may be followed by `: what it is`).
- Every link in the guide leads to a file that exists, and every `#anchor` to a heading.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from elysium.content import load_content
from elysium.content.yamlsafe import YamlProblem, parse_document, read_document
from elysium.transcript import run_paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GUIDE = ROOT / "docs" / "modding.md"
SCHEMA = ROOT / "content" / "elysium.schema.json"

PACKS = sorted(p.parent for p in EXAMPLES.glob("*/pack.yaml"))
TRANSCRIPTS = sorted(EXAMPLES.glob("*/tests/*.regtest"))
YAML_FILES = sorted(p for pack in PACKS for p in (*pack.rglob("*.yaml"), *pack.rglob("*.yml")))

FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[ \t]*$")
NAMES_A_FILE = re.compile(r"^#\s*(?P<path>[\w./-]+\.ya?ml)\s*$")
FRAGMENT = re.compile(r"^#\s*fragment\b")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def yaml_blocks(markdown: str) -> list[tuple[int, str]]:
    """(line number of the opening fence, text) of every ```yaml or ```yml block, indented or not."""
    blocks, lines, index = [], markdown.splitlines(), 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, start, body = opening["indent"], index + 1, []
        index += 1
        while index < len(lines) and lines[index].strip() != "```":
            line = lines[index]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            index += 1
        assert index < len(lines), f"docs/modding.md:{start}: a ``` block is never closed"
        index += 1
        if opening["lang"] in ("yaml", "yml"):
            blocks.append((start, "\n".join(body) + "\n"))
    return blocks


BLOCKS = yaml_blocks(GUIDE.read_text(encoding="utf-8"))


def without_code_blocks(markdown: str) -> str:
    return re.sub(r"^[ \t]*```.*?^[ \t]*```[ \t]*$", "", markdown, flags=re.MULTILINE | re.DOTALL)


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to dashes,
    and -1, -2, ... after a repeated one."""
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", without_code_blocks(markdown), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        candidate, n = slug, 0
        while candidate in found:
            n += 1
            candidate = f"{slug}-{n}"
        found.add(candidate)
    return found


def test_every_link_in_the_guide_leads_somewhere():
    guide = GUIDE.read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", without_code_blocks(guide)):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        file = (GUIDE.parent / path).resolve() if path else GUIDE
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file.read_text(encoding="utf-8")):
            broken.append(f"{target}: no such heading")
    assert not broken, "docs/modding.md has broken links:\n" + "\n".join(broken)


def test_there_are_examples_and_the_guide_shows_them():
    assert PACKS, "examples/ holds no packs"
    assert TRANSCRIPTS, "the examples have no playthroughs"
    shown = {m["path"] for _, text in BLOCKS if (m := NAMES_A_FILE.match(text.splitlines()[0]))}
    assert shown, "docs/modding.md shows no example file"


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=relative)
def test_every_example_playthrough_passes(transcript):
    out = io.StringIO()
    assert run_paths([transcript], out) == 0, out.getvalue()


@pytest.mark.parametrize("pack", PACKS, ids=relative)
def test_every_example_pack_loads_without_warnings(pack):
    # A game of its own (its manifest has a `game:` section) is the content; a mod goes on the campus.
    stand_alone = re.search(r"^game:", (pack / "pack.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    content = load_content(pack) if stand_alone else load_content(None, (pack,))
    assert not content.warnings, "\n".join(map(str, content.warnings))


@pytest.mark.parametrize("path", YAML_FILES, ids=relative)
def test_every_example_file_names_the_schema_and_passes_it(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{relative(path)}: the first line must be the yaml-language-server modeline"
    assert (path.parent / match[1]).resolve() == SCHEMA, f"{relative(path)}: the modeline must name {relative(SCHEMA)}"
    data = read_document(path).data or {}
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)


@pytest.mark.parametrize("line, text", BLOCKS, ids=[f"modding.md:{line}" for line, _ in BLOCKS])
def test_every_yaml_block_in_the_guide_is_a_tested_file_valid_yaml_or_a_marked_fragment(line, text):
    first, _, rest = text.partition("\n")
    if named := NAMES_A_FILE.match(first):
        path = ROOT / named["path"]
        assert path.is_file(), f"docs/modding.md:{line}: the block names {named['path']}, which does not exist"
        assert rest == path.read_text(encoding="utf-8"), (
            f"docs/modding.md:{line}: the block differs from {named['path']}; copy the file into the guide")
        return
    if FRAGMENT.match(first):
        return
    try:
        parse_document(text, f"docs/modding.md block at line {line}")
    except YamlProblem as problem:
        pytest.fail(f"{problem} (mark the block '# fragment' if it is not meant to be a whole YAML document)")
