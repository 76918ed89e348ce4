"""Broken content stops the game before it starts, with `file:line:col: error: message`."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content

MANIFEST = """\
id: tiny
name: Tiny
version: 0.1.0
game:
  title: Tiny
  intro: You arrive.
  start: hall
"""

HALL = """\
rooms:
  hall:
    name: Hall
    description: A bare hall.
"""


def pack(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(MANIFEST)
    (folder / "hall.yaml").write_text(HALL)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text))
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(p) for p in caught.value.problems]


CASES = {
    "yaml_syntax": ("rooms:\n  cellar: [\n", "extra.yaml:3:1: error: YAML syntax"),
    "wrong_type": ("rooms:\n  cellar:\n    name: Cellar\n    description: Damp.\n    dark: maybe\n",
                   "extra.yaml:5:11: error: 'dark' in room 'cellar' must be true, false or a condition, not text"),
    "unknown_key": ("rooms:\n  cellar:\n    name: Cellar\n    descripton: Damp.\n",
                    "extra.yaml:4:5: error: unknown field 'descripton' in room 'cellar' (did you mean 'description'?)"),
    "missing_field": ("rooms:\n  cellar:\n    description: Damp.\n",
                      "extra.yaml:2:3: error: room 'cellar' needs the field 'name'"),
    "dangling_exit": ("rooms:\n  cellar:\n    name: Cellar\n    description: Damp.\n    exits:\n      up: hal\n",
                      "extra.yaml:6:11: error: unknown room 'hal' (did you mean 'hall'?)"),
    "dangling_key": ("items:\n  door:\n    name: door\n    description: Oak.\n    location: hall\n    key: brass_kye\n",
                     "extra.yaml:6:10: error: unknown item 'brass_kye'"),
    "duplicate_id": ("rooms:\n  hall:\n    name: Hall again\n    description: Twice.\n",
                     "hall.yaml:2:3: error: the id 'hall' is already used by rooms at"),
    "duplicate_key": ("rooms:\n  cellar:\n    name: Cellar\n    name: Vault\n    description: Damp.\n",
                      "extra.yaml:4:5: error: the key 'name' appears twice in this mapping (first at line 3)"),
    "python_tag": ("rooms: !!python/object/apply:os.system ['echo hacked']\n",
                   "extra.yaml:1:8: error: the tag !!python/object/apply:os.system is not allowed in content"),
    "unknown_kind": ("room:\n  cellar: {}\n", "extra.yaml:1:1: error: unknown kind 'room' (did you mean 'rooms'?)"),
    "bad_condition": ("rooms:\n  cellar:\n    name: Cellar\n    description: Damp.\n    exits:\n"
                      "      up: {to: hall, if: {flgs: x}}\n",
                      "extra.yaml:6:27: error: unknown condition 'flgs' (did you mean 'flag'?)"),
    "bad_effect": ("rooms:\n  cellar:\n    name: Cellar\n    description: Damp.\n    on_enter:\n      - sya: Hello\n",
                   "extra.yaml:6:9: error: unknown effect 'sya' (did you mean 'say'?)"),
    "bad_time": ("timers:\n  bell:\n    at: '25:00'\n", "extra.yaml:3:9: error: 'at' in timer 'bell' must be a time of day"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_content_error_names_file_line_and_column(tmp_path, case):
    text, expected = CASES[case]
    found = problems(pack(tmp_path, extra=text))
    assert any(expected in line for line in found), found
    assert all(line.split(":")[0].endswith(".yaml") for line in found)


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = "rooms:\n  cellar:\n    name: true\n    descripton: Damp.\n    exits: {up: nowhere_room}\n"
    found = problems(pack(tmp_path, extra=text))
    assert len(found) >= 3


def test_recursive_alias_and_alias_bomb_are_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    found = problems(pack(tmp_path, extra=bomb))
    assert any("too many values" in line for line in found)


def test_the_cli_refuses_broken_content_with_exit_status_2(tmp_path):
    folder = pack(tmp_path, extra="rooms:\n  cellar:\n    description: Damp.\n")
    result = subprocess.run([sys.executable, "-m", "elysium", "play", "--plain", "--content", str(folder)],
                            input="look\n", capture_output=True, text=True)
    assert result.returncode == 2
    assert "extra.yaml:2:3: error: room 'cellar' needs the field 'name'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
