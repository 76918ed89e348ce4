"""The sidebar beside the story: where, the map, when, the student, and what they carry."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from elysium.tui.widgets.campus_map import CampusMap
from elysium.tui.widgets.clock import ClockPanel
from elysium.tui.widgets.inventory import InventoryPanel
from elysium.tui.widgets.location import LocationPanel
from elysium.tui.widgets.student import StudentPanel, meters
from elysium.view import GameView


class Sidebar(VerticalScroll, can_focus=False):
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
