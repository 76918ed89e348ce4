"""A table of saved games, newest first: name, day, time, place, and when it was saved."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from elysium.state.saves import SaveInfo
from elysium.tui.styled import without_controls


def saved_when(info: SaveInfo) -> str:
    """'2025-11-28 12:40' from the ISO time the save was written (UTC)."""
    return info.saved_at.replace("T", " ")[:16]


class SaveTable(DataTable):
    def __init__(self, saves: list[SaveInfo], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.saves = saves

    def on_mount(self) -> None:
        self.add_columns("Name", "Day", "Time", "Where", "Saved (UTC)")
        for info in self.saves:
            # Each cell is what a save file says: shown as text, without control characters.
            self.add_row(*(Text(without_controls(str(cell))) for cell in (
                info.name, info.day or "", info.clock or f"turn {info.turn}", info.location, saved_when(info))),
                key=info.name)
