"""The student: energy, standing with the faculty, reputation, score, and each skill, as bars."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.tui.widgets.meter import Meter
from elysium.view import GameView

STUDENT = frozenset({"energy", "standing", "classes"})  # the features whose bars make a student
SIGNED_RANGE = 10  # standing and reputation are drawn from -10 to +10 (the number is exact)


def skill_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def meters(view: GameView) -> list[tuple[str, int, int, int, str | None, str]]:
    """(label, value, low, high, shown, classes) of each bar the view calls for, top to bottom."""
    bars = []
    if "energy" in view.features:
        bars.append(("Energy", view.energy, 0, view.max_energy, f"{view.energy}/{view.max_energy}", ""))
    if "standing" in view.features:
        bars += [("Standing", view.standing, -SIGNED_RANGE, SIGNED_RANGE, f"{view.standing:+d}", ""),
                 ("Reputation", view.reputation, -SIGNED_RANGE, SIGNED_RANGE, f"{view.reputation:+d}", "")]
    if view.max_score:
        bars.append(("Score", view.score, 0, view.max_score, f"{view.score}/{view.max_score}", ""))
    if "classes" in view.features:
        bars += [(skill_label(name), level, 0, 100, None, "skill") for name, level in view.skills.items()]
    return bars


class StudentPanel(Vertical):
    """Composed once; after a turn its meters are set in place, and only when the bars called
    for change (a skill first learnt) is it composed again."""

    def __init__(self, view: GameView | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        # Only the score, in a game without the student's campus systems.
        self.border_title = "Student" if view is None or STUDENT & view.features else "Score"
        self.add_class(LISTENER, "panel")
        self.view = view

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        self.view = message.view
        bars = meters(message.view)
        shown = list(self.query_children(Meter))
        if [bar[0] for bar in bars] != [meter.label for meter in shown]:
            self.refresh(recompose=True)
            return
        for meter, (_, value, low, high, number, _) in zip(shown, bars):
            meter.set(value, low, high, number)

    def compose(self) -> ComposeResult:
        if self.view is None:
            return
        for label, value, low, high, shown, classes in meters(self.view):
            yield Meter(label, value, low, high, shown=shown, classes=classes)
