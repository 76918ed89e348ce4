"""The sidebar beside the story: where, the map, when, the student, and what they carry."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from elysium.tui.widgets.campus_map import CampusMap
from elysium.tui.widgets.clock import ClockPanel
from elysium.tui.widgets.inventory import InventoryPanel
from elysium.tui.widgets.location import LocationPanel
from elysium.tui.widgets.student import StudentPanel
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
        yield ClockPanel(self.view, id="clock")
        yield StudentPanel(self.view, id="student")
        yield InventoryPanel(self.view, id="inventory")
