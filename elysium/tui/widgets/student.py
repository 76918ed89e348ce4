"""The student: energy, standing with the faculty, reputation, score, and each skill, as bars."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive

from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.tui.widgets.meter import Meter
from elysium.view import GameView

SIGNED_RANGE = 10  # standing and reputation are drawn from -10 to +10 (the number is exact)


def skill_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class StudentPanel(Vertical):

    view: reactive[GameView | None] = reactive(None, recompose=True)

    def __init__(self, view: GameView | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Student"
        self.add_class(LISTENER, "panel")
        self.set_reactive(StudentPanel.view, view)

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        self.view = message.view

    def compose(self) -> ComposeResult:
        view = self.view
        if view is None:
            return
        yield Meter("Energy", view.energy, 0, view.max_energy, shown=f"{view.energy}/{view.max_energy}")
        yield Meter("Standing", view.standing, -SIGNED_RANGE, SIGNED_RANGE, shown=f"{view.standing:+d}")
        yield Meter("Reputation", view.reputation, -SIGNED_RANGE, SIGNED_RANGE, shown=f"{view.reputation:+d}")
        if view.max_score:
            yield Meter("Score", view.score, 0, view.max_score, shown=f"{view.score}/{view.max_score}")
        for name, level in view.skills.items():
            yield Meter(skill_label(name), level, 0, 100, classes="skill")
