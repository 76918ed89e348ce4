"""P6: the campus's term end says only what the player can have seen. Wren's piece and Dame Fenn's
word happen in Fountain Court as the college gathers for the bell (where every ending takes the
player), never in the amphitheatre or its wings, wherever the player spent the evening; the
Gilded Quill's crowd is not said to have come to hear a performance that did not happen; and
Fenn's tally of losses counts the player's wins."""

from __future__ import annotations

import itertools

import pytest

from elysium.engine import Game
from elysium.state import calendar

LAST_EVENING = 21 * calendar.MINUTES_PER_DAY - 60  # 23:00 on the last day of term
ELSEWHERE = ("amphitheatre", "wings", "to hear you")


def _term_end(room: str, performed: bool, **counters: int) -> str:
    game = Game.new(seed=1)
    game.opening()
    game.state.update(time=LAST_EVENING, location=room)
    game.state["counters"].update(counters)
    if performed:
        game.state["performed"].append("starfall_recital")
    said = game.turn("wait 2 hours")
    return f"{said}\n{game.turn('wait 2 hours')}"


@pytest.mark.parametrize("helped, won, performed", itertools.product((1, 3), (0, 1), (False, True)))
def test_nothing_in_the_epilogue_happens_where_the_player_was_not(helped, won, performed):
    said = _term_end("fountain_court", performed, helped_wren=helped, disputations=1 + won,
                     disputations_won=won, gigs_played=4, recital_acclaim=2)
    epilogue = said[said.index("Wren Ashdown"):]
    assert "Harper of Coldwater" in epilogue and "Dame Fenn" in epilogue
    assert not [place for place in ELSEWHERE if place in epilogue]


def test_two_wins_are_two_losses_in_fenns_tally():
    said = _term_end("dormitory_loft", False, disputations=2, disputations_won=2)
    assert '"Five lost. Two of them yours.' in said
    assert '"Four lost,"' not in said


def _ending(**counters: int) -> str:
    game = Game.new(seed=1)
    game.opening()
    game.state.update(time=LAST_EVENING, location="dormitory_loft")
    game.state["counters"].update(counters)
    game.turn("wait 2 hours")
    game.turn("wait 2 hours")
    return game.state["ending"]


def test_the_town_does_not_buy_a_star_the_classes_did_not_earn():
    """The report's judgement call: the Quill's Own Bard is a winning ending with a star, so it
    asks for graduated's bar as well as four evenings on the dais."""
    assert _ending(gigs_played=4, recital_acclaim=2, classes_attended=20) == "tavern_bard"
    assert _ending(gigs_played=4, recital_acclaim=2, classes_attended=12) == "probation"
