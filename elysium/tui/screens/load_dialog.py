"""Load: the saved games, newest first. Dismisses with the chosen name, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Label

from elysium.state.saves import SaveSlots
from elysium.tui.widgets.save_table import SaveTable


class LoadDialog(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#saves"
    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="cancel")]

    def __init__(self, slots: SaveSlots) -> None:
        super().__init__()
        self.slots = slots

    def compose(self) -> ComposeResult:
        saves = self.slots.list()
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Load a saved game"
            if saves:
                yield SaveTable(saves, id="saves")
            else:
                yield Label("There are no saved games yet.", id="no-saves")
            with Horizontal(classes="buttons"):
                yield Button("Load", id="load", variant="primary", disabled=not saves)
                yield Button("Cancel", id="cancel")
        yield Footer()

    @on(DataTable.RowSelected, "#saves")
    def selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    @on(Button.Pressed, "#load")
    def load(self) -> None:
        table = self.query_one(SaveTable)
        if table.row_count:
            self.dismiss(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)
