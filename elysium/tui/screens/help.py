"""Help: the engine's help (elysium/help.md) and the pack's own words, as rendered Markdown."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from elysium.content.features import ALL
from elysium.engine import HELP_FILE, for_features
from elysium.tui.styled import plain

KEYS = """
## Keys

| key | does |
|---|---|
| Enter | plays the command typed |
| Up / Down | earlier commands |
| Tab or Right | completes the word being typed |
| F1 | this help |
| F2 | the journal | <!-- needs lore -->
| F3 | the timetable | <!-- needs classes -->
| F4 | the map |
| Ctrl+S / Ctrl+O | save / load |
| Ctrl+Z | undo |
| F6 | show or hide the sidebar |
| Shift+Tab | the sidebar: the arrows and Page Up/Down scroll it, Escape comes back |
| F9 | the theme |
| Ctrl+P | every action, by name |
| Ctrl+Q | quit |
"""


def help_markdown(pack_help: str | None, source: Path = HELP_FILE, engine_help: str | None = None,
                  features: frozenset[str] = ALL) -> str:
    """The engine's help (the game's wording of `engine.help` when given) for the game's features,
    the keys, the pack's help."""
    text = for_features((engine_help if engine_help is not None else source.read_text(encoding="utf-8")).strip()
                        + "\n" + KEYS, features)
    if pack_help:
        text += "\n## About this game\n\n" + plain(pack_help.strip()) + "\n"
    return text


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#help-scroll"
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close", id="close"),
    ]

    def __init__(self, pack_help: str | None = None, engine_help: str | None = None,
                 features: frozenset[str] = ALL) -> None:
        super().__init__()
        self.pack_help = pack_help
        self.engine_help = engine_help
        self.features = features  # the campus systems whose keys and verbs the help mentions

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as dialog:
            dialog.border_title = "Help"
            with VerticalScroll(id="help-scroll"):
                yield Markdown(help_markdown(self.pack_help, engine_help=self.engine_help, features=self.features),
                               open_links=False)
        yield Footer()
