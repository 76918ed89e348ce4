"""The command line: a one-line Input with a history (Up/Down) and Tab completion."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import Input

from elysium.engine import Game
from elysium.tui.completion import CommandSuggester

HISTORY_SIZE = 200


class CommandLine(Input):
    """Where the player types. Submitting posts `Input.Submitted`; the screen plays the line."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous command", show=False, id="history-previous"),
        Binding("down", "history(1)", "Next command", show=False, id="history-next"),
        Binding("tab", "complete", "Complete the word", show=False, id="complete"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="What do you do?  (Tab completes a word, F1 is help)",
                         suggester=CommandSuggester(), select_on_focus=False, **kwargs)
        self.history: list[str] = []
        self.position: int | None = None  # index into history while browsing it
        self.draft = ""  # what was typed before browsing began

    def refresh_words(self, game: Game) -> None:
        """Complete with this game's verbs and the words of what is in reach now."""
        assert isinstance(self.suggester, CommandSuggester)
        self.suggester.refresh(game)

    @on(Input.Submitted)
    def remember(self, event: Input.Submitted) -> None:
        line = event.value
        if line.strip() and (not self.history or self.history[-1] != line):
            self.history.append(line)
            del self.history[:-HISTORY_SIZE]
        self.position = None
        self.draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self.position is None:
            if step > 0:
                return
            self.draft = self.value
            self.position = len(self.history)
        self.position += step
        if self.position < 0:
            self.position = 0
        if self.position >= len(self.history):
            self.position = None
            self.value = self.draft
        else:
            self.value = self.history[self.position]
        self.cursor_position = len(self.value)

    def action_complete(self) -> None:
        """Finish the word under the cursor (at the end of the line, Right does the same)."""
        assert isinstance(self.suggester, CommandSuggester)
        end = self.cursor_position
        while end < len(self.value) and not self.value[end].isspace():
            end += 1
        head, tail = self.value[:end], self.value[end:]
        suggestion = self.suggester.complete(head)
        if suggestion:
            self.value = suggestion + tail
            self.cursor_position = len(suggestion)
