"""Where the player is, and the ways out."""

from __future__ import annotations

from rich.text import Text

from elysium.tui.styled import plain
from elysium.tui.widgets.panel import ViewPanel
from elysium.view import GameView


class LocationPanel(ViewPanel):
    TITLE = "Where"

    def draw(self, view: GameView) -> Text:
        text = Text.assemble((plain(view.room), "bold"))
        exits = ", ".join(view.exits) if view.exits else "none that you can see"
        text.append("\nExits: ", style="dim")
        text.append(exits)
        return text
