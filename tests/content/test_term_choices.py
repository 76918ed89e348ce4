"""The campus's term-end tells what became of the term's choices (opportunities.yaml): Wren's
piece, Dame Fenn's disputations and the evenings at the Gilded Quill, before and in the ending."""

from __future__ import annotations

from elysium.engine import Game
from elysium.state import calendar

LAST_EVENING = 21 * calendar.MINUTES_PER_DAY - 60  # 23:00 on the last day of term


def _term_end(**counters: int) -> tuple[str, Game]:
    game = Game.new(seed=1)
    game.opening()
    game.state.update(time=LAST_EVENING, location="dormitory_loft")
    game.state["counters"].update(counters)
    said = game.turn("wait 2 hours")  # a wait stops a minute short of the end of term...
    return f"{said}\n{game.turn('wait 2 hours')}", game  # ...and goes on when asked again


def test_wren_made_ready_plays_well_and_the_quills_bard_takes_her_along() -> None:
    said, game = _term_end(helped_wren=3, gigs_played=4, recital_acclaim=2, disputations=1, disputations_won=1,
                           classes_attended=20)
    assert game.state["ending"] == "tavern_bard"
    assert "The hard bar comes out clean" in said
    assert '"Four lost,"' in said
    assert "When Wren's name is called she runs up the steps" in said


def test_wren_helped_once_nearly_makes_it_and_a_lost_disputation_is_remembered_kindly() -> None:
    said, game = _term_end(helped_wren=1, disputations=2)
    assert "It was nearly enough." in said and "The hard bar comes out clean" not in said
    assert '"Next term, dear. Read more,"' in said
    assert game.state["ending"] == "probation"


def test_a_term_without_the_choices_says_nothing_of_them() -> None:
    said, game = _term_end(gigs_played=3, recital_acclaim=2)
    assert "Harper of Coldwater" not in said and "Dame Fenn" not in said
    assert game.state["ending"] != "tavern_bard"
