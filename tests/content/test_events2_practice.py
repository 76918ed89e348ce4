"""Repeats: the practice line is not the same sentence at every stage of mastery. Each band
(learning, steady, shaping, polishing, mastered) has its own keyed message, so a piece at 100
does not claim its hard passages are still becoming yours."""

from __future__ import annotations

import pytest

from elysium.engine import Game

BANDS = [
    (0, "until the hard passages stop being hard"),
    (35, "through twice without stopping"),
    (65, "where to breathe, where to wait"),
    (90, "from memory with your eyes shut"),
    (100, "There is nothing left in \u201cThe Circle Round\u201d to learn."),
]


def _practise_at(mastery: int) -> str:
    game = Game.new(seed=1)
    game.opening()
    game.state.update(location="practice_room_west", energy=100)
    game.state["repertoire"]["circle_round"] = {"mastery": mastery, "practised": None}
    return game.turn("practise circle round")


@pytest.mark.parametrize("mastery, said", BANDS)
def test_each_band_of_mastery_has_its_own_practice_line(mastery, said):
    practised = _practise_at(mastery)
    assert said in practised
    assert [text for _, text in BANDS if text in practised] == [said]

