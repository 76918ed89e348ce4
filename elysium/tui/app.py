"""The Elysium TUI: a title screen, then the game screen, with dialogs over it.

`ElysiumApp(content=None, seed=0, mods=(), saves=None)` plays the pack at `content` (the default
pack when None) with that seed; saves go to `saves` (default: `default_saves_folder()`).
The app holds no rules of the game: it makes `Game`s and hands them to `GameScreen`.

Only what the title screen shows is imported up front. The engine, the content loader and the
game screen are imported when first used (the content by the thread that reads it), so
the title screen is up sooner.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from elysium.state.saves import SaveError, SaveSlots, default_saves_folder, shown_name
from elysium.tui.messages import ContentFailed, ContentLoaded
from elysium.tui.palette import GameCommands
from elysium.tui.preferences import read_preferences, write_preferences
from elysium.tui.screens.title import TitleScreen

if TYPE_CHECKING:
    from elysium.content import Content
    from elysium.engine import Game

DEFAULT_THEME = "textual-dark"
WARM_UP_DELAY = 0.2  # seconds after the menu shows
CONTINUE = ""  # as `resume`: the newest saved game


def shown(text: str) -> str:
    """`text` without control characters, which a terminal would act on. Titles and notices are
    set before the pack is read, so the content package is imported only for text that needs it."""
    if text.isprintable():
        return text
    from elysium.content.styles import without_controls

    return without_controls(text)


class ElysiumApp(App[int]):
    # Absolute, so subclasses elsewhere find it. The title screen's own is read with the app's:
    # read when the screen is first shown, it made Textual parse every style sheet again. The
    # game's widgets' rules come with the game screen, whose own sheet makes Textual parse every
    # sheet again anyway.
    CSS_PATH = Path(__file__).parent / "screens" / TitleScreen.CSS_PATH
    TITLE = "Elysium"
    COMMANDS = {GameCommands}  # the game's actions first, then Textual's own
    # True when whoever started the app (`elysium play`) paused the cyclic collector for the way to
    # the title screen: it is turned back on once the pack has been read, or could not be.
    collector_paused = False

    def __init__(self, content: Path | None = None, seed: int = 0, mods: tuple[Path, ...] = (),
                 saves: Path | None = None, resume: str | None = None) -> None:
        """`resume`: the saved game to go straight into once the pack is read (`--load NAME`),
        or CONTINUE for the newest one (`--continue`)."""
        super().__init__()
        self.content_path = content
        self.mods = tuple(mods)
        self.seed = seed
        self.slots = SaveSlots(saves or default_saves_folder())
        self.resume = resume
        chosen = read_preferences(self.slots.folder).get("theme")
        self.theme = chosen if isinstance(chosen, str) and chosen in self.available_themes else DEFAULT_THEME

    # Titles and notifications quote the pack and the saves: never a control character in them.
    def validate_title(self, title: str) -> str:
        return shown(title)

    def validate_sub_title(self, sub_title: str) -> str:
        return shown(sub_title)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        super().notify(shown(message), title=shown(title), severity=severity,
                       timeout=timeout, markup=markup)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, but for its theme picker: the game's own Theme (F9) replaces it."""
        return (command for command in super().get_system_commands(screen) if command.title != "Theme")

    def remember_theme(self) -> None:
        """Keep the theme now showing for the next time the game starts."""
        preferences = {**read_preferences(self.slots.folder), "theme": self.theme}
        problem = write_preferences(self.slots.folder, preferences)
        if problem:
            self.notify(f"The theme is yours for now, but it could not be kept for next time: {problem}.",
                        severity="warning", markup=False)

    # -- every way out keeps the game -----------------------------------------------------------
    def autosave_game(self) -> None:
        """Autosave the game being played, if any (QUIT has saved it already); a failure is shown."""
        from elysium.tui.screens.game import GameScreen

        for screen in self.screen_stack:
            if isinstance(screen, GameScreen) and not screen.game.over and (note := screen.game.autosave()):
                self.notify(note, severity="error", markup=False)

    def leave_on_signal(self) -> None:
        """SIGTERM or SIGHUP (a kill, a closed terminal): leave, which autosaves."""
        self.exit()

    def on_exit_app(self) -> None:
        """Every way out of the app passes here (Ctrl+Q, the palette's Quit, a signal, a browser
        tab closed under textual-serve): keep the game first."""
        self.autosave_game()

    def _handle_exception(self, error: Exception) -> None:
        """A widget failed: keep the game before Textual shows its error screen and leaves.
        (Textual has no public hook at this moment, so this one private method is overridden.)"""
        try:
            self.autosave_game()
        except Exception:  # the crash is the news; a failed autosave must not hide it
            import logging

            logging.getLogger("elysium").exception("the autosave after a crash failed")
        super()._handle_exception(error)

    def watch_signals(self) -> None:
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                try:
                    loop.add_signal_handler(getattr(signal, name), self.leave_on_signal)
                except (NotImplementedError, RuntimeError, ValueError):
                    pass  # not the main thread, or no signals here: the other ways out still save

    def get_default_screen(self) -> Screen:
        """The title screen is the first screen: pushed over Textual's blank default one instead,
        both were made, styled and laid out on the way to the first frame."""
        # Whatever interrupted saves left behind (never a save that another game is writing now):
        # here, so that every way into the TUI does it, a tab of `elysium serve` too.
        self.slots.clean_temporaries()
        return TitleScreen(self.read_content, self.slots)

    def on_mount(self) -> None:
        self.watch_signals()

    def read_content(self) -> Content:
        """Read the pack (called in a thread of its own by the title screen)."""
        from elysium.content import load_content

        return load_content(self.content_path, self.mods)

    def resume_collector(self) -> None:
        if self.collector_paused:
            self.collector_paused = False
            gc.enable()

    def on_content_failed(self, message: ContentFailed) -> None:
        self.resume_collector()

    def on_content_loaded(self, message: ContentLoaded) -> None:
        from elysium.tui.styled import plain

        self.resume_collector()
        self.title = plain(message.content.game.title)
        if self.resume is not None:
            self.resume_game(message.content)
        # The menu is up; the engine and the game screen can load behind it, so that "New game"
        # does not wait for their imports.
        self.set_timer(WARM_UP_DELAY, self.warm_up)

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up(self) -> None:
        for module in ("elysium.engine", "elysium.tui.screens.game"):
            import_module(module)

    # -- starting and ending games -------------------------------------------------------------
    def make_game(self, content: Content) -> Game:
        from elysium.engine import Game

        game = Game.from_content(content, self.seed)
        game.slots = self.slots
        game.autosave_each_line = True  # so that no way out of the game loses a move
        return game

    def new_game(self, content: Content) -> None:
        from elysium.tui.screens.game import GameScreen

        game = self.make_game(content)
        self.push_screen(GameScreen(game, game.opening()))

    def restore_game(self, content: Content, name: str, instead: str = "") -> bool:
        from elysium.tui.screens.game import GameScreen

        game = self.make_game(content)
        try:
            text = game.restore(self.slots, name)
        except SaveError as error:
            self.notify(f"{error} {instead}".strip(), severity="error", markup=False)
            return False
        self.push_screen(GameScreen(game, f"Restored \u201c{shown_name(name)}\u201d.\n\n{text}"))
        return True

    def resume_game(self, content: Content) -> None:
        """Go into the game named on the command line; the title screen stays beneath, and is
        where the player is left, told why, when there is none. A damaged newest save is named,
        and the newest one that can be read is played instead."""
        wanted, self.resume = self.resume, None
        names = self.slots.to_continue() if wanted == CONTINUE else [wanted]
        if not names:
            self.notify("There is no saved game to continue yet.", markup=False)
        for index, name in enumerate(names):
            later = names[index + 1:]
            instead = f"Continuing \u201c{later[0]}\u201d, the newest saved game that can be read." if later else ""
            if self.restore_game(content, name, instead):
                return

    def end_game(self, farewell: str | None) -> None:
        """Back to the title screen (the player typed QUIT, or left from the palette)."""
        self.autosave_game()
        while not isinstance(self.screen, TitleScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if farewell:
            self.notify(farewell, title="Farewell", markup=False)
