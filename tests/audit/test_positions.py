"""The audit places its findings from the parser's events (elysium/audit/positions.py) rather than
by composing each file again: these tests hold the two ways to the same answers, for every value
of every file of the campus, the example packs and the packs made for tests, and for the words
within every text."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.audit.positions import Positions
from elysium.content.yamlsafe import parse_document

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted({*ROOT.glob("content/**/*.yaml"), *ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")})


def _document(path: Path):
    try:
        return parse_document(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    except Exception:
        return None  # a file made to be broken: the audit never places findings in one


def test_there_are_files_to_compare():
    assert len(FILES) > 80


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_value_and_the_words_in_every_text_stand_where_the_document_says(path):
    document = _document(path)
    if document is None:
        return
    positions = Positions(document)
    if positions.marks is None:  # a file with aliases: the Document answers itself
        assert "*" in document.text
        return
    assert positions.marks or not document.data
    for at in positions.marks:
        assert positions.mark(at) == document.mark(at), at
        value = _value(document.data, at)
        if isinstance(value, str) and value.split():
            for words in {value.split()[0], value.split()[-1], value[: len(value) // 2].strip()} - {""}:
                assert positions.mark_within(at, words) == document.mark_within(at, words), (at, words)
    missing = (*next(iter(positions.marks)), "no such field")
    assert positions.mark(missing) == document.mark(missing)


def test_a_file_with_an_alias_is_placed_by_its_document():
    text = "rooms:\n  hall:\n    name: &n Hall\n    description: *n\n"
    document = parse_document(text, "alias.yaml")
    positions = Positions(document)
    assert positions.marks is None
    assert positions.mark(("rooms", "hall", "description")) == document.mark(("rooms", "hall", "description"))
    assert str(positions.mark_within(("rooms", "hall", "name"), "Hall")) == "alias.yaml:3:14"


def _value(data, path):
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
