"""Content is read by YAML 1.2 core rules, and `validate` warns where a plain value is ambiguous.

Issue 15 §5: the blind modding test found `name: 0123` shown as "83", `version: 1.10` stored as
"1.1", and `keywords: [off, on]` refused because YAML 1.1 read them as booleans.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from elysium import cli
from elysium.content import load_content
from elysium.content.yamlsafe import parse_document

PLAIN_VALUES = {
    # YAML 1.1 booleans that YAML 1.2 core reads as text
    "yes": "yes", "no": "no", "on": "on", "off": "off", "y": "y", "n": "n", "Yes": "Yes", "OFF": "OFF",
    # the booleans of YAML 1.2 core, in each case it allows; any other case is text
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False, "tRUE": "tRUE",
    # numbers: a leading zero is base ten, octal needs 0o, no base 60, no digit separators
    "0123": 123, "-0123": -123, "09": 9, "0o17": 15, "0x1F": 31, "1:20": "1:20", "07:30": "07:30",
    "1_000": "1_000", "1.10": 1.1, "1e3": 1000.0, ".5": 0.5,
    ".inf": math.inf, "-.inf": -math.inf, "+.INF": math.inf,
    # null, and what YAML 1.1 alone gave a meaning to
    "~": None, "null": None, "NULL": None, "=": "=", "2024-01-01": "2024-01-01",
}


@pytest.mark.parametrize(("written", "value"), PLAIN_VALUES.items(), ids=list(PLAIN_VALUES))
def test_a_plain_value_is_read_by_yaml_1_2_core(written, value):
    read = parse_document(f"value: {written}\n", "f.yaml").data["value"]
    assert read == value and type(read) is type(value)


def test_nan_is_a_number_in_each_case_yaml_1_2_allows():
    read = parse_document("value: [.nan, .NaN, .NAN, .Nan]\n", "f.yaml").data["value"]
    assert [isinstance(v, float) and math.isnan(v) for v in read[:3]] == [True] * 3 and read[3] == ".Nan"


def test_an_explicit_tag_is_read_by_the_same_rules():
    data = parse_document("a: !!int 0o17\nb: !!int 0123\nc: !!bool true\n", "f.yaml").data
    assert data == {"a": 15, "b": 123, "c": True}


def test_the_document_knows_how_a_plain_number_is_written():
    document = parse_document("version: 1.10\nname: 0123\nsay: fine\n", "f.yaml")
    assert document.leading_zeros
    assert (document.written(("version",)), document.written(("name",)), document.written(("say",))) == (
        "1.10", "0123", None)


def write_pack(folder: Path, manifest: str, world: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(manifest)
    (folder / "world.yaml").write_text(world)
    return folder


MANIFEST = """\
id: traps
name: Traps
version: 1.10
game:
  title: Traps
  start: hall
  max_score: 012
"""

WORLD = """\
rooms:
  hall:
    name: The Hall
    description: A hall.
items:
  ticket:
    name: 0123
    nouns: [ticket, 0456]
    location: hall
    portable: yes
  switch:
    name: switch
    nouns: [switch, on, off, no]
    location: hall
    scenery: on
    portable: no
rules:
  clap:
    "on": wait
    do:
      - score: 010
"""


@pytest.fixture
def traps(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    return write_pack(tmp_path / "traps", MANIFEST, WORLD)


def test_values_mean_what_their_author_wrote(traps):
    content = load_content(traps)
    assert content.pack.version == "1.10"
    assert content.game.max_score == 12
    ticket, switch = content.items["ticket"], content.items["switch"]
    assert ticket.name == "0123" and ticket.nouns == ("ticket", "0456") and ticket.portable is True
    assert switch.nouns == ("switch", "on", "off", "no") and switch.portable is False


def test_each_ambiguous_value_is_a_warning_where_it_is_written_saying_to_quote_it(traps):
    warnings = [str(w) for w in load_content(traps).warnings if "YAML" in w.message]
    where = traps
    assert warnings == [
        f"{where}/pack.yaml:3:10: warning: 'version' in the manifest is written 1.10 without quotes, which YAML "
        "reads as a number; it is taken as the text '1.10': quote it (\"1.10\") to say so",
        f"{where}/pack.yaml:7:14: warning: 'max_score' in the game section is written 012 with a leading zero, which "
        "YAML 1.2 reads as the number 12 (not as octal); write 12, or quote it (\"012\") if it is text",
        f"{where}/world.yaml:7:11: warning: 'name' in item 'ticket' is written 0123 without quotes, which YAML "
        "reads as a number; it is taken as the text '0123': quote it (\"0123\") to say so",
        f"{where}/world.yaml:8:21: warning: 'nouns' in item 'ticket' is written 0456 without quotes, which YAML "
        "reads as a number; it is taken as the text '0456': quote it (\"0456\") to say so",
        f"{where}/world.yaml:10:15: warning: 'portable' in item 'ticket' is written yes, which YAML 1.2 reads "
        "as text, not true or false; it is taken as true: write true",
        f"{where}/world.yaml:15:14: warning: 'scenery' in item 'switch' is written on, which YAML 1.2 reads "
        "as text, not true or false; it is taken as true: write true",
        f"{where}/world.yaml:16:15: warning: 'portable' in item 'switch' is written no, which YAML 1.2 reads "
        "as text, not true or false; it is taken as false: write false",
        f"{where}/world.yaml:21:16: warning: 'score' in the 'score' effect is written 010 with a leading "
        "zero, which YAML 1.2 reads as the number 10 (not as octal); write 10, or quote it (\"010\") if it is text",
    ]


def test_validate_prints_the_warnings_and_still_passes(traps, capsys):
    assert cli.main(["validate", "--content", str(traps)]) == 0
    out = capsys.readouterr().out
    assert "pack.yaml:3:10: warning: 'version' in the manifest is written 1.10" in out
    assert "content ok" in out


def test_quoted_values_are_taken_as_written_without_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    quoted = MANIFEST.replace("1.10", '"1.10"').replace("012", "12")
    world = (WORLD.replace("0123", '"0123"').replace("0456", '"0456"').replace("yes", "true")
             .replace("scenery: on", "scenery: true").replace("portable: no", "portable: false")
             .replace("010", "10"))
    content = load_content(write_pack(tmp_path / "quoted", quoted, world))
    assert content.pack.version == "1.10" and content.items["ticket"].name == "0123"
    assert [w for w in content.warnings if "YAML" in w.message] == []


def test_a_mod_requiring_a_version_sees_the_version_as_written(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    game = write_pack(tmp_path / "traps", MANIFEST, WORLD)
    mod = write_pack(tmp_path / "needs", "id: needs\nname: Needs\nversion: 0.1.0\nrequires: {traps: '>=1.9'}\n",
                     "rooms:\n  annex:\n    name: The Annex\n    description: An annex.\n")
    assert load_content(game, (mod,)).mods[0].id == "needs"


def docs_example(marker: str) -> str:
    """The ```yaml block of docs/content.md that follows the line `marker`."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "content.md").read_text(encoding="utf-8")
    after = text[text.index(marker):]
    return after[after.index("```yaml\n") + len("```yaml\n"):after.index("\n```", after.index("```yaml\n"))] + "\n"


def test_the_docs_example_reads_as_the_docs_say(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    manifest = "id: docs\nname: Docs\nversion: 0.1.0\ngame: {title: Docs, start: hall}\n"
    folder = write_pack(tmp_path / "docs", manifest, "rooms:\n  hall:\n    name: Hall\n    description: A hall.\n")
    (folder / "items.yaml").write_text(docs_example("<!-- yaml-1.2-example -->"))
    content = load_content(folder)
    ticket, switch = content.items["ticket"], content.items["switch"]
    assert (ticket.name, ticket.portable, switch.nouns, switch.text) == ("0123", True, ("switch", "on", "off"), "1.10")
    assert [(w.mark.line, w.message.split(" is written ")[0]) for w in content.warnings if "YAML" in w.message] == [
        (4, "'name' in item 'ticket'"), (6, "'portable' in item 'ticket'"), (11, "'text' in item 'switch'")]
