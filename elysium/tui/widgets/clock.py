"""The day, the hour, and the next class or recital."""

from __future__ import annotations

from rich.text import Text

from elysium.tui.styled import plain
from elysium.tui.widgets.panel import ViewPanel
from elysium.view import GameView


class ClockPanel(ViewPanel):
    TITLE = "When"

    def draw(self, view: GameView) -> Text:
        text = Text.assemble((f"{view.weekday}, day {view.day}", "bold"))
        text.append(f"  {view.clock} ")
        text.append(view.period, style="dim")
        text.append("\nNext: ", style="dim")
        text.append(plain(view.next_event) if view.next_event else "nothing on the timetable")
        return text
