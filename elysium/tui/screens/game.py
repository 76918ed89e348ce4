"""The game: the story and the command line, with the sidebar beside them (or a status line).

Every line typed goes to `game.turn(line)`; this screen only shows what comes back. After each
turn it posts `TurnPlayed` to every widget that draws the game. Each dialog's module is imported
when the dialog is first opened: they bring in heavy widgets (Markdown, DataTable) that a game may
never need.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from elysium.content.mods import mods_note
from elysium.engine import Game
from elysium.state.saves import SaveError, SaveSlots, default_saves_folder
from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.tui.styled import plain, without_controls
from elysium.tui.widgets import CommandLine, NarrativeLog, Sidebar, StatusLine
from elysium.view import view_of

# The screens of campus systems, and the features that give them something to show.
SCREEN_FEATURES = {"journal": frozenset({"lore"}), "timetable": frozenset({"classes", "recitals"})}
WIDE = 100  # from this many columns the sidebar is open unless the player closed it


class GameScreen(Screen):
    # The game's widgets' rules, then the screen's own (absolute, so subclasses elsewhere find them).
    CSS_PATH = [Path(__file__).parent.parent / "widgets.tcss", Path(__file__).with_name("game.tcss")]
    AUTO_FOCUS = "#command"
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        Binding("f2", "journal", "Journal", id="journal"),
        Binding("f3", "timetable", "Timetable", id="timetable"),
        Binding("f4", "map", "Map", id="map"),
        Binding("ctrl+s", "save", "Save", id="save"),
        Binding("ctrl+o", "load", "Load", id="load"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("f6", "toggle_sidebar", "Sidebar", id="sidebar"),
        Binding("f9", "settings", "Theme", show=False, id="settings"),  # in the palette and the help
        Binding("pageup", "scroll_story(-1)", "Scroll up", show=False, id="scroll-up"),
        Binding("pagedown", "scroll_story(1)", "Scroll down", show=False, id="scroll-down"),
    ]
    # What the command palette offers on this screen: (name, help, action).
    PALETTE = (
        ("Save game", "Write the game to a save slot", "save"),
        ("Load game", "Restore a saved game", "load"),
        ("Undo", "Take back the last move", "undo"),
        ("Map", "The campus explored so far", "map"),
        ("Journal", "The lore you have gathered", "journal"),
        ("Help", "How to play", "help"),
        ("Timetable", "Classes and recitals", "timetable"),
        ("Theme", "Choose the colours", "settings"),
        ("Sidebar", "Show or hide the sidebar", "toggle_sidebar"),
        ("Title screen", "Leave this game (it is autosaved)", "leave"),
    )

    sidebar_open: reactive[bool | None] = reactive(None)  # None: open when the screen is wide

    def __init__(self, game: Game, opening: str) -> None:
        super().__init__()
        self.game = game
        self.opening = opening
        # The palette offers the journal and the timetable only in a game that has them.
        self.PALETTE = tuple(entry for entry in self.PALETTE if self.check_action(entry[2], ()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The journal's and the timetable's keys exist only in a game with lore, or classes."""
        needs = SCREEN_FEATURES.get(action)
        return needs is None or bool(needs & self.game.content.game.features)

    # The header shows these: the pack's title and the room's name, never a control character.
    def validate_title(self, title: str | None) -> str | None:
        return without_controls(title) if title else title

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        return without_controls(sub_title) if sub_title else sub_title

    @property
    def slots(self) -> SaveSlots:
        return self.game.slots or SaveSlots(default_saves_folder())

    def compose(self) -> ComposeResult:
        view = view_of(self.game)
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="story"):
                yield StatusLine(view, id="status")
                yield NarrativeLog(id="log")
                yield CommandLine(id="command")
            yield Sidebar(view, id="sidebar")
        yield Footer()

    def on_mount(self) -> None:
        self.title = plain(self.game.content.game.title)
        self.sub_title = plain(view_of(self.game).room)
        if note := mods_note(self.game.content):  # no mod is ever in play unseen
            self.query_one(NarrativeLog).add("notice", note)
        self.query_one(NarrativeLog).add("reply", self.opening)
        self.query_one(CommandLine).refresh_words(self.game)
        self.show_sidebar()

    # -- playing ---------------------------------------------------------------------------------
    @on(Input.Submitted, "#command")
    def submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        self.play(event.value)

    def play(self, line: str) -> None:
        reply = self.game.turn(line)
        self.tell(line, reply)
        if self.game.over:
            self.app.call_later(self.app.end_game, reply)

    def tell(self, line: str | None, reply: str) -> None:
        """Let every widget that draws the game know what just happened."""
        view = view_of(self.game)
        for widget in self.query(f".{LISTENER}"):
            widget.post_message(TurnPlayed(line, reply, view))
        self.query_one(CommandLine).refresh_words(self.game)
        self.sub_title = plain(view.room)

    # -- actions ---------------------------------------------------------------------------------
    def action_undo(self) -> None:
        self.play("undo")

    def action_help(self) -> None:
        from elysium.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.game.content.game.help, self.game.say("engine.help"),
                                        self.game.content.game.features))

    def action_journal(self) -> None:
        from elysium.tui.screens.journal import JournalScreen

        self.app.push_screen(JournalScreen(self.game))

    def action_timetable(self) -> None:
        from elysium.tui.screens.timetable import TimetableScreen

        self.app.push_screen(TimetableScreen(self.game))

    def action_map(self) -> None:
        from elysium.tui.screens.map import MapScreen

        self.app.push_screen(MapScreen(view_of(self.game)))

    def action_settings(self) -> None:
        from elysium.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_leave(self) -> None:
        self.app.end_game(None)

    def action_save(self) -> None:
        from elysium.tui.screens.save_dialog import SaveDialog

        room = self.game.content.rooms[self.game.state["location"]].name
        self.app.push_screen(SaveDialog(self.slots, room), self.save)

    def save(self, name: str | None) -> None:
        if not name:
            return
        try:
            info = self.game.save(self.slots, name)
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.query_one(NarrativeLog).notice(
            f"Saved as \u201c{info.name}\u201d ({info.location}, {info.when}).")

    def action_load(self) -> None:
        from elysium.tui.screens.load_dialog import LoadDialog

        self.app.push_screen(LoadDialog(self.slots), self.load)

    def load(self, name: str | None) -> None:
        if not name:
            return
        try:
            text = self.game.restore(self.slots, name)
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.query_one(NarrativeLog).notice(f"Restored \u201c{name}\u201d.")
        self.tell(None, text)

    # -- the sidebar and the story's scrolling -----------------------------------------------------
    def action_toggle_sidebar(self) -> None:
        self.sidebar_open = not self.has_class("-sidebar-open")

    def watch_sidebar_open(self) -> None:
        self.show_sidebar()

    def on_resize(self, event: Resize) -> None:
        self.show_sidebar()

    def show_sidebar(self) -> None:
        wide = self.size.width >= WIDE
        self.set_class(wide, "-wide")
        footer = self.query_one(Footer)
        footer.compact = not wide
        if footer.show_command_palette != wide:  # the footer draws its keys once: redrawn, no stale key
            footer.show_command_palette = wide  # Ctrl+P still opens it; the help says so
            footer.refresh(recompose=True)
        self.set_class(wide if self.sidebar_open is None else self.sidebar_open, "-sidebar-open")

    def action_scroll_story(self, pages: int) -> None:
        log = self.query_one(NarrativeLog)
        if pages < 0:
            log.scroll_page_up()
        else:
            log.scroll_page_down()
