"""P8: the Starfall Recital credits Ansel Moss with the forecast only when the player heard it from
him. P7: the Provost's standing ovation ends with the applause, so the LOOK that follows, which
shows her seated, does not contradict it."""

from __future__ import annotations

from elysium.engine import Game
from elysium.services import recitals
from elysium.state import calendar

BEFORE_STARFALL = 20 * calendar.MINUTES_PER_DAY + 18 * 60 + 55  # day 21, 18:55


def _on_the_starfall_stage(**flags: bool) -> Game:
    game = Game.new(seed=1)
    game.opening()
    game.state.update(time=BEFORE_STARFALL, location="amphitheatre")
    game.state["repertoire"]["copper_kettle_reel"] = {"mastery": 90, "practised": BEFORE_STARFALL}
    game.state["flags"].update(flags)
    return game


def test_the_rain_is_the_gardeners_saying_unless_moss_said_it():
    opening = _on_the_starfall_stage().turn("wait until 19:30")
    assert "The rain that fell all afternoon stops just before seven" in opening
    assert "Ansel Moss" not in opening
    told = _on_the_starfall_stage(heard_moss_forecast=True).turn("wait until 19:30")
    assert "as Ansel Moss said it would" in told


def test_the_provost_stands_for_the_applause_and_sits_again_after(monkeypatch):
    monkeypatch.setattr(recitals, "judge", lambda *args: 99)
    game = _on_the_starfall_stage()
    game.turn("wait until 19:30")
    triumph = game.turn("copper kettle reel")
    assert "Provost Vey has risen" in triumph
    assert "does not sit down again" not in triumph
    assert "stays on her feet until the very last of the applause" in triumph


def test_a_late_arrival_finds_the_recital_under_way_not_filling():
    """P4's class: the stage's own description at 19:40 says the recital has begun."""
    game = _on_the_starfall_stage()
    game.state.update(time=BEFORE_STARFALL + 45)
    seen = game.turn("look")
    assert "The Starfall Recital is under way." in seen
    assert "is filling from the top step down" not in seen
