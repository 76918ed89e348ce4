"""The example of docs/content.md's "Coming late" loads and plays as the text says: a class with
`late:` halves the lesson of a student who comes after the grace, and runs its effects; within the
grace it costs nothing; a recital performed after the call went by tells the `late` text instead of
the opening that calls your name, and judges ten points harder."""

from __future__ import annotations

from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game
from elysium.services import recitals

from docs_examples import guide_example


MANIFEST = """\
id: docs_late
name: Docs late
version: 1.0.0
game:
  title: Docs late
  intro: Hello.
  start: schoolroom
  start_time: "08:00"
  days: [Firstday, Secondday]
  features: [clock, energy, standing, classes, recitals]
"""


def game(tmp_path: Path) -> Game:
    (tmp_path / "pack.yaml").write_text(MANIFEST)
    (tmp_path / "late.yaml").write_text(guide_example("late arrivals"))
    assert load_content(tmp_path).warnings == ()
    return Game.new(tmp_path, seed=1)


def test_a_student_late_after_the_grace_learns_half_and_is_noticed(tmp_path):
    play = game(tmp_path)
    play.turn("wait until 9:30")
    lesson = play.turn("attend")
    assert lesson.startswith("The tutor stops, and waits until you have found a bench.")
    assert "The tutor plays a scale" in lesson
    assert play.state["skills"]["performance"] == 4
    assert play.state["standing"] == -1
    assert play.state["counters"]["classes_late"] == 1


def test_within_the_grace_a_student_is_on_time(tmp_path):
    play = game(tmp_path)
    play.turn("wait until 9:10")
    lesson = play.turn("attend")
    assert "The tutor stops" not in lesson
    assert play.state["skills"]["performance"] == 8
    assert play.state["standing"] == 0


def test_a_late_performer_is_told_so_not_called_and_judged_harder(tmp_path, monkeypatch):
    """The same total (65, a triumph) on time, and ten points less (a good night) late."""
    monkeypatch.setattr(recitals, "judge", lambda *args: 65)
    on_time = game(tmp_path)
    on_time.turn("wait until 19:30")
    played = on_time.turn("little air")
    assert "The last note hangs in the air" in played
    late = game(tmp_path)
    late.turn("east")
    late.turn("wait until 19:30")
    late.turn("west")
    performed = late.turn("perform little air")
    assert performed.startswith("The steward finds your name struck through")
    assert "the steward calls your name" not in performed
    assert "You finish to warm, honest applause." in performed
    assert late.state["standing"] == on_time.state["standing"] - 1 - 1  # the late effect; a good night's +1, not +2


def test_a_pieces_own_practice_text_follows_the_line_until_it_is_mastered(tmp_path):
    (tmp_path / "pack.yaml").write_text(MANIFEST)
    (tmp_path / "late.yaml").write_text(guide_example("late arrivals"))
    learning = Game.new(tmp_path, seed=1)
    learning.turn("wait until 8:30")
    practised = learning.turn("practise little air")
    assert "(Mastery" in practised and practised.endswith("The third bar still trips you.")
    learning.state["repertoire"]["little_air"]["mastery"] = 100
    assert "The third bar still trips you." not in learning.turn("practise little air")
