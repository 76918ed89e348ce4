"""Save: name a slot (or pick one to overwrite, after saying so). Dismisses with the name, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Input, Label

from elysium.state.saves import SaveSlots, shown_name
from elysium.tui.styled import without_controls
from elysium.tui.widgets.save_table import SaveTable

DEFAULT_NAME = "quicksave"


class SaveDialog(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#save-name"
    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="cancel")]

    def __init__(self, slots: SaveSlots, suggested: str = "") -> None:
        """`suggested`: a name to start from, such as the room's; made fresh (never an existing
        save's) so that pressing Enter never replaces a save the player did not choose."""
        super().__init__()
        self.slots = slots
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        saves = self.slots.list()
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Save the game"
            yield Label("Name of the save:")
            yield Input(self.fresh_name(), id="save-name", select_on_focus=True)
            if saves:
                yield Label("Or choose one to replace:")
                yield SaveTable(saves, id="saves")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def fresh_name(self) -> str:
        """The suggested name (or DEFAULT_NAME), numbered when a save has it already: "Hall 2"."""
        base = shown_name(without_controls(self.suggested or DEFAULT_NAME))
        number, name = 1, base
        while self.slots.exists(name):
            number += 1
            name = f"{base} {number}"
        return name

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        name = self.query_one("#save-name", Input).value.strip()
        if not name:
            return
        if not self.slots.exists(name):
            self.dismiss(name)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(name)

        self.app.push_screen(ReplaceDialog(shown_name(name)), answered)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowHighlighted, "#saves")
    def choose(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and self.query_one(SaveTable).has_focus:
            self.query_one("#save-name", Input).value = without_controls(event.row_key.value)


class ReplaceDialog(ModalScreen[bool]):
    """Whether to save over the saved game of that name. Dismisses with True to replace it."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#keep"
    BINDINGS = [Binding("escape", "keep", "Cancel", id="cancel")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.save_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Replace the saved game?"
            yield Label(f"A saved game called \u201c{without_controls(self.save_name)}\u201d already exists. "
                        "Replace it?", id="replace-question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Replace", id="replace", variant="warning")
                yield Button("Cancel", id="keep")
        yield Footer()

    @on(Button.Pressed, "#replace")
    def replace(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)
