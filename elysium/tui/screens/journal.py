"""The journal: the lore the player has gathered, listed by title; choose one to read it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from elysium.engine import Game
from elysium.tui.styled import plain, styled

EMPTY = ("Your journal is empty. Lore finds its way here as you listen to people, read what you "
         "find and explore the campus.")


class JournalScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#entries"
    BINDINGS = [Binding("escape,f2,q", "dismiss", "Close", id="close")]

    def __init__(self, game: Game) -> None:
        super().__init__()
        lore = game.content.lore
        self.entries = [(lore_id, lore[lore_id].title, game.render(lore[lore_id].text))
                        for lore_id in game.state["lore"] if lore_id in lore]
        self.total = len(lore)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as dialog:
            dialog.border_title = f"Journal: {len(self.entries)} of {self.total} entries"
            if not self.entries:
                yield Static(Text(EMPTY), id="journal-empty")
            else:
                with Horizontal(id="journal"):
                    yield OptionList(*(Option(Text(plain(title)), id=lore_id) for lore_id, title, _ in self.entries),
                                     id="entries")
                    with VerticalScroll(id="entry-scroll"):
                        yield Static(self.page(0), id="entry")
        yield Footer()

    def on_mount(self) -> None:
        if self.entries:
            self.query_one(OptionList).highlighted = 0

    def page(self, index: int) -> Text:
        """The entry's title, then its text (content's safe styles applied)."""
        _, title, text = self.entries[index]
        return Text.assemble((plain(title), "bold"), "\n\n", styled(text))

    @on(OptionList.OptionHighlighted, "#entries")
    @on(OptionList.OptionSelected, "#entries")
    def read(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        self.query_one("#entry", Static).update(self.page(event.option_index))
