"""The shape every sidebar panel shares: a bordered Static redrawn from each turn's GameView.

Most turns change a panel little or not at all, so a panel is updated only when its text changed,
and asks for a layout (the costly part of a frame) only when its height may have changed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.visual import visualize
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
        self.drawn: Text | None = None
        self.add_class(LISTENER)

    def on_mount(self) -> None:
        if self.view is not None:
            self.show(self.view)

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        self.show(message.view)

    def show(self, view: GameView) -> None:
        self.view = view
        text = self.draw(view)
        if text == self.drawn:
            return
        layout = self.resizes(text)
        self.drawn = text
        self.update(text, layout=layout)

    def resizes(self, text: Text) -> bool:
        """Whether showing `text` in place of the text shown may change the panel's height."""
        height = self.styles.height
        if height is not None and not height.is_auto:
            return False
        width = self.content_size.width
        return self.drawn is None or not width or self.lines(self.drawn, width) != self.lines(text, width)

    def lines(self, text: Text, width: int) -> int:
        """How many lines `text` takes at `width`, wrapped as this panel wraps it."""
        return visualize(self, text, markup=False).get_height(self.styles, width)

    def draw(self, view: GameView) -> Text:
        raise NotImplementedError

