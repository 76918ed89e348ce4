"""The sidebar beside the story: where, the map, when, the student, and what they carry.

In a short window the map folds away (F4 still shows it full size) so that the other panels fit;
whatever still does not fit scrolls. Shift+Tab from the command line focuses the sidebar, the
arrows and Page Up/Down scroll it, and Escape (or Tab) goes back to the command line. A click
does not focus it, so a player who clicks the map and types still types a command.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from elysium.tui.widgets.campus_map import CampusMap
from elysium.tui.widgets.clock import ClockPanel
from elysium.tui.widgets.inventory import InventoryPanel
from elysium.tui.widgets.location import LocationPanel
from elysium.tui.widgets.student import StudentPanel, meters
from elysium.view import GameView

MAP_ROWS = 30  # the sidebar's height from which the map panel has room beside the others


class Sidebar(VerticalScroll, can_focus=True):
    FOCUS_ON_CLICK = False
    BINDINGS = [Binding("escape", "app.focus_next", "Back to the story", id="sidebar-leave")]

    def __init__(self, view: GameView, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view

    def compose(self) -> ComposeResult:
        yield LocationPanel(self.view, id="location")
        campus = CampusMap(self.view, id="map", classes="panel")
        campus.border_title = "Map"
        yield campus
        # The panels of what the game has: no clock or student where it has no such systems.
        if "clock" in self.view.features:
            yield ClockPanel(self.view, id="clock")
        if meters(self.view):
            yield StudentPanel(self.view, id="student")
        yield InventoryPanel(self.view, id="inventory")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < MAP_ROWS, "-short")
