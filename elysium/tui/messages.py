"""What happens in the TUI, as Textual messages: small classes named for the event.

Plain classes, not dataclasses: a dataclass writes and compiles its methods at every start, and
the title screen's messages are on the way to its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the title screen posts these before the content or the engine is imported
    from elysium.content import Content
    from elysium.view import GameView

LISTENER = "turn-listener"  # the CSS class of every widget that is sent TurnPlayed


class TurnPlayed(Message, bubble=False):
    """The engine answered: `line` is what the player typed (None for the opening or a restored
    game), `reply` the game's text, `view` what the sidebar shows now. Posted to every widget that
    draws the game (the narrative log, the status line, the sidebar's panels)."""

    def __init__(self, line: str | None, reply: str, view: GameView) -> None:
        self.line = line
        self.reply = reply
        self.view = view
        super().__init__()


class ContentLoaded(Message):
    """The content pack has been read (in a worker thread) and is ready for a game."""

    def __init__(self, content: Content) -> None:
        self.content = content
        super().__init__()


class ContentFailed(Message):
    """The content pack could not be read; `problems` are `file:line:col: error: ...` lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__()
