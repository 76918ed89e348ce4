"""Save: name a slot (or pick one to overwrite). Dismisses with the name, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Input, Label

from elysium.state.saves import SaveSlots
from elysium.tui.styled import without_controls
from elysium.tui.widgets.save_table import SaveTable

DEFAULT_NAME = "quicksave"


class SaveDialog(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#save-name"
    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="cancel")]

    def __init__(self, slots: SaveSlots) -> None:
        super().__init__()
        self.slots = slots

    def compose(self) -> ComposeResult:
        saves = self.slots.list()
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Save the game"
            yield Label("Name of the save (letters, digits, - and _):")
            yield Input(without_controls(saves[0].name) if saves else DEFAULT_NAME, id="save-name",
                        select_on_focus=True)
            if saves:
                yield Label("Or choose one to replace:")
                yield SaveTable(saves, id="saves")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        name = self.query_one("#save-name", Input).value.strip()
        if name:
            self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowHighlighted, "#saves")
    def choose(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and self.query_one(SaveTable).has_focus:
            self.query_one("#save-name", Input).value = without_controls(event.row_key.value)
