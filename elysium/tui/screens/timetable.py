"""The timetable: the term's classes and recitals, in two tables."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from elysium.engine import Game
from elysium.state import calendar
from elysium.tui.styled import plain, without_controls
from elysium.view import next_event


def _name(things: dict, thing_id: str) -> str:
    thing = things.get(thing_id)
    return plain(thing.name) if thing is not None else thing_id


# Around the tables: the dialog's border and padding, the table's own edges and its scroll bar.
CHROME = 10
CLASS_HEADINGS = ("Class", "Days", "Time", "Where", "Skill", "Teacher")
RECITAL_HEADINGS = ("Recital", "Day", "Time", "Stage", "Skill")


class TimetableScreen(ModalScreen[None]):
    """In a window wide enough, a column for each detail; in a narrower one, each class and recital
    as a short block of lines, so that nothing is cut off."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#classes, #timetable-scroll"
    BINDINGS = [Binding("escape,f3,q", "dismiss", "Close", id="close")]

    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game
        self.class_rows, self.recital_rows = self.rows()
        self.narrow = False

    def rows(self) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        content = self.game.content
        classes = [tuple(without_controls(cell) for cell in (
            plain(lesson.name), ", ".join(lesson.days),
            f"{calendar.clock_text(lesson.start)}-{calendar.clock_text(lesson.end)}",
            _name(content.rooms, lesson.room), lesson.skill.replace("_", " "),
            _name(content.npcs, lesson.instructor))) for lesson in content.classes.values()]
        days = content.game.days
        recitals = []
        for recital in sorted(content.recitals.values(), key=lambda r: (r.day, r.time)):
            weekday = calendar.weekday_of((recital.day - 1) * calendar.MINUTES_PER_DAY, days)
            recitals.append(tuple(without_controls(cell) for cell in (
                plain(recital.name), f"{weekday}, day {recital.day}", calendar.clock_text(recital.time),
                _name(content.rooms, recital.stage), recital.skill.replace("_", " "))))
        return classes, recitals

    def table_width(self) -> int:
        """The width of the widest table with a column per detail, and the dialog's edges."""
        return CHROME + max(sum(max(len(cell) for cell in column) + 2 for column in zip(headings, *rows))
                            for headings, rows in ((CLASS_HEADINGS, self.class_rows),
                                                   (RECITAL_HEADINGS, self.recital_rows)))

    def too_narrow(self, width: int) -> bool:
        return self.table_width() > width - 2

    def compose(self) -> ComposeResult:
        self.narrow = self.too_narrow(self.app.size.width)
        coming = next_event(self.game)
        with Vertical(id="dialog", classes="wide fit") as dialog:
            dialog.border_title = "Timetable"
            if not self.narrow:
                dialog.styles.width = self.table_width()
            yield Static(Text(f"Next: {plain(coming)}" if coming else "Nothing more this term."), id="next")
            # Narrow, the tables are long: they scroll together, as one page.
            with VerticalScroll(id="timetable-scroll", classes="narrow" if self.narrow else ""):
                yield Label("Classes", classes="heading")
                yield self.table("classes", CLASS_HEADINGS, self.class_rows, _class_lines)
                yield Label("Recitals", classes="heading")
                yield self.table("recitals", RECITAL_HEADINGS, self.recital_rows, _recital_lines,
                                 empty="No recitals this term.")
        yield Footer()

    def table(self, name: str, headings: tuple[str, ...], rows: list[tuple[str, ...]], lines,
              empty: str | None = None) -> DataTable | Static:
        if self.narrow:  # a block of lines for each, read top to bottom
            blocks = [lines(row) for row in rows] or [Text(empty or "")]
            return Static(Text("\n").join(blocks), id=name)
        table = DataTable(id=name, cursor_type="row", zebra_stripes=True)
        table.add_columns(*headings)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        if not rows and empty:
            table.add_row(Text(empty), *([""] * (len(headings) - 1)))
        return table

    async def on_resize(self) -> None:
        if self.too_narrow(self.app.size.width) != self.narrow:
            await self.recompose()


def _class_lines(row: tuple[str, ...]) -> Text:
    name, days, time, where, skill, teacher = row
    return Text.assemble((name, "bold"), f"\n  {days}, {time}\n  {where}\n  {teacher}, {skill}")


def _recital_lines(row: tuple[str, ...]) -> Text:
    name, day, time, stage, skill = row
    return Text.assemble((name, "bold"), f"\n  {day}, {time}\n  {stage} ({skill})")
