"""The rules behind `elysium serve`'s limits, without a server: sizes, the input budget, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.web.limits import InputBudget, clamp_size
from elysium.web.players import new_player_id, player_folder, valid_player_id


@pytest.mark.parametrize(("asked", "given"), [
    ((80, 24), (80, 24)), ((10000, 10000), (400, 150)), ((1, 1), (20, 8)),
    (("120", "40"), (120, 40)), (("wide", None), (80, 24)), ((float("inf"), 30), (80, 30)),
])
def test_sizes_are_clamped(asked, given) -> None:
    assert clamp_size(*asked) == given


def test_the_budget_allows_a_paste_then_a_persons_pace() -> None:
    now = [0.0]
    budget = InputBudget(burst=100, per_second=10, clock=lambda: now[0])
    assert budget.allow(100)
    assert not budget.allow(1)
    now[0] += 0.5
    assert budget.allow(5) and not budget.allow(1)
    now[0] += 1000  # refills, but never beyond the burst
    assert budget.allow(100) and not budget.allow(1)


def test_ids_are_random_and_only_well_formed_ones_are_kept(tmp_path: Path) -> None:
    first, second = new_player_id(), new_player_id()
    assert first != second and valid_player_id(first) == first
    for forged in (None, "", "../../etc", "a" * 31, "a" * 33, first[:-1] + "/"):
        assert valid_player_id(forged) is None
    folder = player_folder(tmp_path, first)
    assert folder.parent == tmp_path / "players" and first not in str(folder)
    assert player_folder(tmp_path, first) == folder != player_folder(tmp_path, second)
