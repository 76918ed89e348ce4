"""The map, full size: the campus explored so far, with the room you are in highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from elysium.tui.styled import plain
from elysium.tui.widgets.campus_map import CampusMap
from elysium.view import GameView

LARGE_CELL = 18


class MapScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f4,q", "dismiss", "Close", id="close")]

    def __init__(self, view: GameView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as dialog:
            dialog.border_title = "Map"
            with VerticalScroll(id="map-scroll"):
                yield CampusMap(self.view, max_cell=LARGE_CELL, id="big-map")
            legend = Text.assemble(("You are in ", "dim"))
            legend.append(plain(self.view.room), style="bold")
            legend.append(".  North is up; ? is a place you have not been yet; a dotted line goes up, down,"
                          " in or out.", style="dim")
            yield Static(legend, id="legend")
        yield Footer()
