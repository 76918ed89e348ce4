"""What happens in the TUI, as Textual messages: small dataclasses named for the event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the title screen posts these before the content or the engine is imported
    from elysium.content import Content
    from elysium.view import GameView

LISTENER = "turn-listener"  # the CSS class of every widget that is sent TurnPlayed


@dataclass
class TurnPlayed(Message, bubble=False):
    """The engine answered: `line` is what the player typed (None for the opening or a restored
    game), `reply` the game's text, `view` what the sidebar shows now. Posted to every widget that
    draws the game (the narrative log, the status line, the sidebar's panels)."""

    line: str | None
    reply: str
    view: GameView


@dataclass
class ContentLoaded(Message):
    """The content pack has been read (in a worker thread) and is ready for a game."""

    content: Content


@dataclass
class ContentFailed(Message):
    """The content pack could not be read; `problems` are `file:line:col: error: ...` lines."""

    problems: list[str]
