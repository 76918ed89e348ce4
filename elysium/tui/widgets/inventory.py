"""What the player carries, and what is in the open containers they carry."""

from __future__ import annotations

from rich.text import Text

from elysium.tui.styled import plain
from elysium.tui.widgets.panel import ViewPanel
from elysium.view import GameView


class InventoryPanel(ViewPanel):
    TITLE = "Carrying"

    def draw(self, view: GameView) -> Text:
        if not view.carried:
            return Text("Nothing.", style="dim")
        # What is in an open container is listed under it, a step further in.
        return Text("\n").join(Text(f"{'  ' * depth}• {plain(item)}") for depth, item in view.carried)
