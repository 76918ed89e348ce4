"""One line of the essentials, shown instead of the sidebar when the screen is narrow."""

from __future__ import annotations

from rich.text import Text

from elysium.tui.styled import plain
from elysium.tui.widgets.panel import ViewPanel
from elysium.view import GameView

SHORT = {"north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw",
         "southeast": "se", "southwest": "sw", "up": "u", "down": "d"}


class StatusLine(ViewPanel):
    DEFAULT_CLASSES = ""

    def draw(self, view: GameView) -> Text:
        score = f"{view.score}/{view.max_score}" if view.max_score else str(view.score)
        text = Text.assemble((plain(view.room), "bold"))
        if "clock" in view.features:
            text.append(f"  {view.weekday} {view.clock}")
        if "energy" in view.features:
            text.append(f"  Energy {view.energy}")
        text.append(f"  Score {score}")
        if view.exits:
            text.append(f"  Exits: {' '.join(SHORT.get(e, e) for e in view.exits)}", style="dim")
        return text
