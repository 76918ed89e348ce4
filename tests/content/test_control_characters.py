"""Control characters in content: every way YAML can write one is an error where it is written.

The broken-mod corpus (control_characters, control_character_raw) shows the messages for each kind
of text; this checks every escape and every control character, and that ordinary text is left alone.
"""

from __future__ import annotations

import pytest

from elysium.content.styles import CONTROL
from elysium.content.yamlsafe import YamlProblem, parse_document

ALL_CONTROLS = [chr(code) for code in range(0x110) if CONTROL.match(chr(code))]

# Every double-quoted escape that stands for a control character, and the character it stands for.
ESCAPES = {"\\0": "\x00", "\\a": "\x07", "\\b": "\x08", "\\v": "\x0b", "\\f": "\x0c", "\\r": "\x0d",
           "\\e": "\x1b", "\\N": "\x85", "\\x9b": "\x9b", "\\u009d": "\x9d", "\\U0000007f": "\x7f"}


def problems(text: str) -> list[str]:
    return [f"{mark.line}:{mark.column}: {message}" for mark, message in parse_document(text, "f.yaml").control_problems()]


def test_the_control_set_is_c0_c1_and_del_but_not_newline_or_tab():
    assert len(ALL_CONTROLS) == 63 and "\n" not in ALL_CONTROLS and "\t" not in ALL_CONTROLS


@pytest.mark.parametrize("code", [ord(c) for c in ALL_CONTROLS], ids=lambda code: f"U+{code:04X}")
def test_every_control_character_written_as_an_escape_is_found(code):
    assert problems(f'rooms:\n  hall:\n    name: "a\\u{code:04x}b"\n') == [
        f"3:11: control character U+{code:04X} in 'name'"]


@pytest.mark.parametrize(("escape", "character"), ESCAPES.items(), ids=list(ESCAPES))
def test_every_escape_for_a_control_character_is_found(escape, character):
    assert problems(f'lore:\n  tale:\n    text: ["fine", "x{escape}y"]\n') == [
        f"3:20: control character U+{ord(character):04X} in 'text'"]


def test_keys_are_checked_too_and_named_safely():
    assert problems('topics:\n  "a\\eb": {text: fine}\n') == ["2:3: control character U+001B in the key 'a\\x1bb'"]


def test_ordinary_text_and_escapes_are_no_problem():
    text = ('a: "tab\\there, line\\nbreak, quote \\", slash \\\\e, \\x41\\u00e9"\n'
            'b: plain \\e is a backslash and an e\nc: |\n  verse\n  \\e\n')
    document = parse_document(text, "f.yaml")
    assert document.control_problems() == []
    assert document.data["a"] == 'tab\there, line\nbreak, quote ", slash \\e, A\u00e9'


@pytest.mark.parametrize("raw", ["\x1b", "\x07", "\x00", "\x7f", "\x9b"], ids=repr)
def test_a_control_character_written_raw_is_refused_where_it_stands(raw):
    with pytest.raises(YamlProblem) as refused:
        parse_document(f"rooms:\n  hall:\n    name: caf\u00e9 {raw}x\n", "f.yaml")
    assert str(refused.value) == (f"f.yaml:3:16: control character U+{ord(raw):04X} in the file; "
                                  "content text cannot hold one")
