"""The title screen: New game, Continue (the newest save), Load, Quit.

The content pack is read in a thread from the moment the screen is made. A pack that is read
quickly (from its compiled cache) is shown in the screen's first frame; a slower one is waited for
in a worker while the screen shows a loading indicator, so a large pack never freezes the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, LoadingIndicator, Static

from elysium.tui.menu_item import MenuItem
from elysium.tui.messages import ContentFailed, ContentLoaded

if TYPE_CHECKING:  # the content package is imported by the worker, off the way to the first frame
    from elysium.content import Content
    from elysium.state.saves import SaveInfo, SaveSlots

BANNER = "\u2726  E L Y S I U M  \u2726"
QUICK_READ_S = 0.1  # a pack read within this is shown at once, without a flash of the loading indicator


def read_in_background(read: Callable[[], Content]) -> Future[Content]:
    """`read()` run in a thread of its own; a daemon, so that a pack being read never delays quitting."""
    future: Future[Content] = Future()

    def run() -> None:
        try:
            future.set_result(read())
        except Exception as error:
            future.set_exception(error)

    threading.Thread(target=run, name="read-content", daemon=True).start()
    return future


def summary(newest: SaveInfo | None) -> Text:
    """What the title screen says of the newest save (the one Continue plays)."""
    from elysium.tui.styled import without_controls

    when = newest and (newest.when if newest.day is None else f"day {newest.day} {newest.clock}")
    text = f"Continue: \u201c{newest.name}\u201d, {when}, {newest.location}" if newest else "No saved games yet."
    return Text(without_controls(text))  # what a save file says


class TitleScreen(Screen):
    CSS_PATH = "title.tcss"
    AUTO_FOCUS = "#new"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("n", "new_game", "New game", id="new-game"),
        Binding("c", "continue_game", "Continue", id="continue"),
        Binding("l", "load_game", "Load", id="load"),
        Binding("q", "app.quit", "Quit", id="quit"),
        Binding("up", "app.focus_previous", "Up", show=False, id="menu-up"),
        Binding("down", "app.focus_next", "Down", show=False, id="menu-down"),
    ]
    PALETTE = (
        ("New game", "Begin the term", "new_game"),
        ("Continue", "Carry on from the newest save", "continue_game"),
        ("Load game", "Restore a saved game", "load_game"),
    )

    def __init__(self, read_content: Callable[[], Content], slots: SaveSlots) -> None:
        # The class for the screen's height is set now, as Textual would set it on the screen's
        # first resize: set then, it restyled every widget of the screen a second time.
        super().__init__(classes=self.height_class(self.app.size.height))
        self.reading = read_in_background(read_content)
        self.slots = slots
        self.content: Content | None = None
        self.saves_listed = False  # since the screen was last shown: each listing reads every save

    @classmethod
    def height_class(cls, height: int) -> str:
        """The class of VERTICAL_BREAKPOINTS for a screen `height` rows high."""
        return next((name for rows, name in sorted(cls.VERTICAL_BREAKPOINTS, reverse=True) if height >= rows), "")

    def compose(self) -> ComposeResult:
        # The saves are listed before the menu is made: disabled once the menu had been styled,
        # Continue and Load were styled again before the first frame.
        newest = self.newest()
        self.saves_listed = True
        with Vertical(id="title-box"):
            yield Static(BANNER, id="banner")
            yield Static("", id="pack-title")
            yield Static("", id="subtitle")
            # The loading indicator (a slow pack) and the problems (a broken one) are made only when
            # needed: every widget of the first frame costs its start (styles to apply, a layout).
            with Center(id="menu"):
                yield MenuItem("New game", id="new", variant="primary")
                yield MenuItem("Continue", id="continue", disabled=newest is None)
                yield MenuItem("Load\u2026", id="load", disabled=newest is None)
                yield MenuItem("Quit", id="quit", variant="error")
            yield Static(summary(newest), id="newest")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.reading.exception(timeout=QUICK_READ_S)
        except TimeoutError:
            # Made only now: a pack read from its cache never shows them, and every widget the
            # first frame holds costs its start (a style sheet to parse, styles to apply).
            self.query_one("#title-box", Vertical).mount(
                LoadingIndicator(id="loading"), Label("Reading the campus\u2026", id="loading-label"), before="#menu")
            self.set_class(True, "-loading")
            self.load()
        else:
            # Shown now, so that the screen's first frame is the whole title; posted to be shown,
            # the news came after Textual had drawn the screen once without it.
            news = self.news()
            self.show(news)
            self.post_message(news)  # on to the app: its title, the collector, --continue

    @work(thread=True, exclusive=True, group="content")
    def load(self) -> None:
        news = self.news()
        self.app.call_from_thread(self.show, news)
        self.post_message(news)

    def news(self) -> ContentLoaded | ContentFailed:
        """What the reading gave. Blocks until it is done."""
        from elysium.content import ContentError

        try:
            content = self.reading.result()
        except ContentError as error:
            return ContentFailed([str(problem) for problem in error.problems])
        return ContentLoaded(content)

    def show(self, news: ContentLoaded | ContentFailed) -> None:
        self.set_class(False, "-loading")
        if isinstance(news, ContentLoaded):
            self.show_content(news.content)
        else:
            self.show_problems(news.problems)

    def show_content(self, content: Content) -> None:
        from elysium.tui.styled import plain

        self.content = content
        self.query_one("#pack-title", Static).update(Text(plain(content.game.title)))
        self.query_one("#subtitle", Static).update(Text(plain(content.game.subtitle or "")))
        self.query_one("#new", MenuItem).focus()

    def show_problems(self, problems: list[str]) -> None:
        from elysium.tui.styled import without_controls

        self.set_class(True, "-failed")
        count = len(problems)
        text = Text.assemble((f"The content has {count} error{'s' * (count != 1)}; nothing can be played.\n\n",
                              "bold"))
        text.append(without_controls("\n".join(problems)))  # they quote file names
        self.query_one("#title-box", Vertical).mount(Static(text, id="problems"))
        self.query_one("#quit", MenuItem).focus()

    def on_screen_suspend(self) -> None:
        self.saves_listed = False  # a game or a dialog over this screen may save

    def on_screen_resume(self) -> None:
        if self.content is not None and not self.saves_listed:
            self.show_newest()

    def newest(self) -> SaveInfo | None:
        saves = self.slots.list()
        return saves[0] if saves else None

    def show_newest(self) -> None:
        newest = self.newest()
        self.query_one("#continue", MenuItem).disabled = newest is None
        self.query_one("#load", MenuItem).disabled = newest is None
        self.query_one("#newest", Static).update(summary(newest))
        self.saves_listed = True

    # -- the menu --------------------------------------------------------------------------------
    @on(MenuItem.Pressed, "#new")
    def action_new_game(self) -> None:
        if self.content is not None:
            self.app.new_game(self.content)

    @on(MenuItem.Pressed, "#continue")
    def action_continue_game(self) -> None:
        newest = self.newest() if self.content is not None else None
        if newest is not None:
            self.app.restore_game(self.content, newest.name)

    @on(MenuItem.Pressed, "#load")
    def action_load_game(self) -> None:
        if self.content is not None:
            from elysium.tui.screens.load_dialog import LoadDialog

            self.app.push_screen(LoadDialog(self.slots), self.load_chosen)

    def load_chosen(self, name: str | None) -> None:
        if name and self.content is not None:
            self.app.restore_game(self.content, name)

    @on(MenuItem.Pressed, "#quit")
    def quit_pressed(self) -> None:
        code = 2 if self.has_class("-failed") else 0  # 2: the content could not be read, as in plain mode
        self.app.exit(code, return_code=code)
