"""The timetable: the term's classes and recitals, in two tables."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from elysium.engine import Game
from elysium.state import calendar
from elysium.tui.styled import plain, without_controls
from elysium.view import next_event


def _name(things: dict, thing_id: str) -> str:
    thing = things.get(thing_id)
    return plain(thing.name) if thing is not None else thing_id


class TimetableScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#classes"
    BINDINGS = [Binding("escape,f3,q", "dismiss", "Close", id="close")]

    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game

    def compose(self) -> ComposeResult:
        content = self.game.content
        coming = next_event(self.game)
        with Vertical(id="dialog", classes="wide fit") as dialog:
            dialog.border_title = "Timetable"
            yield Static(Text(f"Next: {plain(coming)}" if coming else "Nothing more this term."), id="next")
            yield Label("Classes", classes="heading")
            classes = DataTable(id="classes", cursor_type="row", zebra_stripes=True)
            classes.add_columns("Class", "Days", "Time", "Where", "Skill", "Teacher")
            for lesson in content.classes.values():
                classes.add_row(*(Text(without_controls(cell)) for cell in (
                    plain(lesson.name), ", ".join(lesson.days),
                    f"{calendar.clock_text(lesson.start)}-{calendar.clock_text(lesson.end)}",
                    _name(content.rooms, lesson.room), lesson.skill.replace("_", " "),
                    _name(content.npcs, lesson.instructor))))
            yield classes
            yield Label("Recitals", classes="heading")
            recitals = DataTable(id="recitals", cursor_type="row", zebra_stripes=True)
            recitals.add_columns("Recital", "Day", "Time", "Stage", "Skill")
            days = content.game.days
            for recital in sorted(content.recitals.values(), key=lambda r: (r.day, r.time)):
                weekday = calendar.weekday_of((recital.day - 1) * calendar.MINUTES_PER_DAY, days)
                recitals.add_row(*(Text(without_controls(cell)) for cell in (
                    plain(recital.name), f"{weekday}, day {recital.day}", calendar.clock_text(recital.time),
                    _name(content.rooms, recital.stage), recital.skill.replace("_", " "))))
            if not content.recitals:
                recitals.add_row(Text("No recitals this term."), "", "", "", "")
            yield recitals
        yield Footer()
