"""Settings: the colours, from Textual's built-in themes. Moving through the list tries each one;
Enter keeps it, for this session and the next ones, Escape goes back to the theme you had."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option


class SettingsScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#themes"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("f9", "keep", "Keep", id="keep"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.before = ""

    def compose(self) -> ComposeResult:
        self.before = self.app.theme
        names = sorted(name for name in self.app.available_themes if name != "textual-ansi")
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Theme"
            yield Label("Up and Down try a theme; Enter keeps it, Escape puts the old one back.")
            themes = OptionList(*(Option(name, id=name) for name in names), id="themes")
            if self.before in names:
                themes.highlighted = names.index(self.before)
            yield themes
        yield Footer()

    @on(OptionList.OptionHighlighted, "#themes")
    def try_theme(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.app.theme = event.option.id

    @on(OptionList.OptionSelected, "#themes")
    def choose(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.theme = event.option.id
        self.keep()

    def action_keep(self) -> None:
        self.keep()

    def keep(self) -> None:
        self.app.remember_theme()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.app.theme = self.before
        self.dismiss(None)
