"""YAML syntax errors keep file:line:col and say in plain words what most likely went wrong, at the
line to change (issue 15 §5): indentation, a colon in plain text, a tab, a second document.

Each file in broken/ holds one such mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium import cli
from elysium.content.yamlsafe import YamlProblem, read_document

BROKEN = Path(__file__).resolve().parent / "broken"

# file -> (line:col where the mistake most likely is, the start of the hint, where YAML noticed it)
EXPECTED = {
    # fields dedented to the id level: YAML notices only two lines later, at the next deeper line
    "dedented_fields.yaml": ("5:3", "the indentation: line 5 is indented less than line 4 above it, so from here on "
                             "the fields no longer belong to the same entry; indent lines 5-6 to column 5", "7, column 16"),
    "over_indented_field.yaml": ("6:11", "the indentation: line 6 is indented more than the field on line 5, so it is "
                                 "read as more of that field's value; line it up with that field (column 9)", "6, column 14"),
    "under_indented_text.yaml": ("6:5", "line 6 is read as a new field, but has no ':'. Most likely it is text indented "
                                 "less than the text it goes on from: indent it like line 5 (column 7)", "7, column 5"),
    "odd_column.yaml": ("4:4", "the indentation: line 4 starts at column 4, which lines up with nothing above it", "4, column 4"),
    "colon_in_text.yaml": ("4:22", "a colon followed by a space inside plain text: put the whole text in quotes",
                           "4, column 22"),
    "tab.yaml": ("4:3", "a tab is used for indentation; indent with spaces", None),
    "two_documents.yaml": ("5:1", "a second document starts here ('---'), but a content file holds one", "5, column 1"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_syntax_error_says_what_most_likely_went_wrong_where(name):
    where, hint, noticed = EXPECTED[name]
    with pytest.raises(YamlProblem) as raised:
        read_document(BROKEN / name, name)
    message = str(raised.value)
    assert message.startswith(f"{name}:{where}: YAML syntax: {hint}"), message
    if noticed is not None:
        assert f"(YAML noticed it at line {noticed}: " in message


def test_every_broken_file_has_its_expectation():
    assert sorted(path.name for path in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


def test_validate_shows_the_hint_without_a_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    (tmp_path / "pack.yaml").write_text("id: hints\nname: Hints\nversion: 0.1.0\ngame: {title: Hints, start: annex}\n")
    (tmp_path / "rooms.yaml").write_bytes((BROKEN / "dedented_fields.yaml").read_bytes())
    status = cli.main(["validate", "--content", str(tmp_path)])
    output = capsys.readouterr()
    assert status != 0 and "Traceback" not in output.out + output.err
    assert "rooms.yaml:5:3: error: YAML syntax: the indentation: line 5" in output.out + output.err
