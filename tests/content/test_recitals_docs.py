"""The example of docs/content.md's "Recitals are events" loads and plays as the text says: the
steward's call stops a wait and a bare title answers it, the theme and the piece's own text shape
the performance, `performed:` changes a description, and an unanswered call is a missed recital."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

from elysium.content import load_content
from elysium.engine import Game
from elysium.services.recitals import judge

from docs_examples import guide_example


MANIFEST = """\
id: docs_recitals
name: Docs recitals
version: 1.0.0
game:
  title: Docs recitals
  intro: Hello.
  start: stage
  start_time: "08:00"
  features: [clock, energy, standing, recitals]
"""


def game(tmp_path: Path) -> Game:
    (tmp_path / "pack.yaml").write_text(MANIFEST)
    (tmp_path / "recitals.yaml").write_text(guide_example("recital events"))
    assert load_content(tmp_path).warnings == ()
    return Game.new(tmp_path, seed=1)


def test_the_call_stops_the_wait_and_a_bare_title_answers_it(tmp_path):
    play = game(tmp_path)
    called = play.turn("wait until 9:00")
    assert "You stop waiting: it is 08:10." in called
    assert called.endswith('"Which piece will you play?"')
    assert play.state["time"] == 8 * 60 + 10
    assert "Benches face a small stage" in play.turn("look")  # a look round: the call still waits
    performed = play.turn("the fox and the fiddler")
    assert 'You step into the light and begin \u201cThe Fox and the Fiddler\u201d.' in performed
    assert 'You leave the pause after "one more verse", and it holds.' in performed
    assert "tonight was for tales" not in performed
    assert play.state["performed"] == ["lantern_night"]
    assert "your turn is over" in play.turn("look")


def test_a_piece_that_does_not_suit_the_theme_is_told_so(tmp_path):
    play = game(tmp_path)
    play.turn("wait until 9:00")
    performed = play.turn("kettle reel")
    assert "feet tap along the benches" in performed
    assert performed.endswith('"A pretty tune," someone murmurs, "but tonight was for tales."')


def test_the_theme_is_worth_its_fit_in_points(tmp_path):
    """The same tale, the same seed: judged on a night for tales, it scores 2 * fit more than on a
    night for instrumentals, and on a night with no theme, fit more than there."""
    totals = {}
    for suits in (("tale", "poem", "song"), (), ("instrumental",)):
        play = game(tmp_path)
        play.turn("wait until 9:00")
        recital = dataclasses.replace(play.content.recitals["lantern_night"], suits=suits)
        ctx = SimpleNamespace(state=play.state, content=play.content)
        totals[suits] = judge(recital, play.content.pieces["fox_tale"], ctx)
    suited, open_night, unsuited = totals.values()
    assert suited - open_night == open_night - unsuited == 10


def test_a_call_left_unanswered_is_a_missed_recital(tmp_path):
    play = game(tmp_path)
    play.turn("wait until 9:00")
    gone = play.turn("wait")
    assert "The steward calls the next name, and your turn has gone by." in gone
    assert play.state["standing"] == -5
    assert play.state["counters"]["recitals_missed"] == 1
    assert "Your turn has gone by" in play.turn("perform fox")
    assert "(missed)" in play.turn("recitals")


def test_a_record_naming_a_recital_the_content_no_longer_has_is_passed_over(tmp_path):
    play = game(tmp_path)
    play.state["recital_calls"] = {"vanished_recital": "called"}
    play.state["recital_pieces"] = {"vanished_recital": "vanished_piece"}
    assert play.turn("wait").startswith("Time passes.")
    campus = Game.new(seed=1)  # a game with a JOURNAL
    campus.state["recital_pieces"] = {"vanished_recital": "vanished_piece"}
    assert campus.turn("journal").startswith("Your journal's pages are still blank.")
    assert play.errors == campus.errors == []
