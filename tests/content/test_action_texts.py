"""`validate` on the names a rule's texts may use: the action's parts ({the noun}, {the second},
{text}, {direction}) in a rule's effects and a verb's default reply, and nowhere else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "action_texts"


def problems(tmp_path: Path, extra: str) -> list[str]:
    folder = tmp_path / "pack"
    shutil.copytree(PACK, folder)
    (folder / "extra.yaml").write_text(extra, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [problem.message for problem in caught.value.problems]


def test_the_fixture_names_the_parts_of_its_actions_and_loads():
    assert not load_content(PACK).warnings


def test_a_misspelt_part_of_the_action_is_an_error_with_did_you_mean(tmp_path):
    found = problems(tmp_path, 'rules:\n  r:\n    on: drop\n    do: [{say: "{The nun} falls."}]\n')
    assert len(found) == 1 and "(did you mean 'noun'?)" in found[0], found


def test_a_timer_has_no_action_so_no_noun(tmp_path):
    found = problems(tmp_path, 'timers:\n  t:\n    at: "09:00"\n    do: [{say: "{The noun} chimes."}]\n')
    assert len(found) == 1 and "'noun'" in found[0], found
