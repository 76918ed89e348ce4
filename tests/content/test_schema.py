"""The JSON Schema for editors: committed, current, and accepting every pack we ship."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from elysium.cli import main
from elysium.content.jsonschema import content_schema
from elysium.content.yamlsafe import read_document

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "content" / "elysium.schema.json"
PACKS = [ROOT / "content" / "starred_blocks", ROOT / "tests" / "fixtures" / "world"]
FILES = sorted(path for pack in PACKS for path in pack.rglob("*.yaml"))


def test_the_committed_schema_is_what_the_command_writes(tmp_path, capsys):
    out = tmp_path / "schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text() == COMMITTED.read_text(), "run: elysium schema --out content/elysium.schema.json"


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(content_schema())


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_content_file_passes_the_schema_and_names_it(path):
    assert path.read_text().startswith("# yaml-language-server: $schema="), "the first line names the schema"
    data = read_document(path).data or {}
    jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text())).validate(data)


def test_the_schema_catches_a_misspelt_field():
    validator = jsonschema.Draft202012Validator(content_schema())
    errors = list(validator.iter_errors({"rooms": {"hall": {"name": "Hall", "descripton": "x"}}}))
    assert errors
