"""What the player carries."""

from __future__ import annotations

from rich.text import Text

from elysium.tui.styled import plain
from elysium.tui.widgets.panel import ViewPanel
from elysium.view import GameView


class InventoryPanel(ViewPanel):
    TITLE = "Carrying"

    def draw(self, view: GameView) -> Text:
        if not view.inventory:
            return Text("Nothing.", style="dim")
        return Text("\n").join(Text(f"• {plain(item)}") for item in view.inventory)
