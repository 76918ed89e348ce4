"""The shape every sidebar panel shares: a bordered Static redrawn from each turn's GameView."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import Static

from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.view import GameView


class ViewPanel(Static):
    """A titled panel that draws one part of the GameView; subclasses say how in `draw`."""

    DEFAULT_CLASSES = "panel"
    TITLE = ""

    def __init__(self, view: GameView | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = self.TITLE
        self.view = view
        self.add_class(LISTENER)

    def on_mount(self) -> None:
        if self.view is not None:
            self.show(self.view)

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        self.show(message.view)

    def show(self, view: GameView) -> None:
        self.view = view
        self.update(self.draw(view))

    def draw(self, view: GameView) -> Text:
        raise NotImplementedError
