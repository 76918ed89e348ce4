"""A menu's entry: a line of text, chosen with Enter, Space or a click, as the title screen's menu has.

Textual's Button would do, but its style sheet (7 kB: five colours in three looks) was the largest
one parsed on the way to the first frame, and its rules were matched against every widget of the
screen. This one holds only the look the menu shows: a plain entry, a primary one and a quit one.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class MenuItem(Static, can_focus=True):
    """An entry of a menu. `variant` "primary" marks the usual choice, "error" the way out."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    MenuItem {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        border-top: tall $surface-lighten-1;
        border-bottom: tall $surface-darken-1;
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
        &:hover {
            border-top: tall $surface;
            background: $surface-darken-1;
        }
        &:disabled {
            text-opacity: 0.6;
            pointer: not-allowed;
        }
        &.-primary {
            color: $button-color-foreground;
            background: $primary;
            border-top: tall $primary-lighten-3;
            border-bottom: tall $primary-darken-3;
            &:hover {
                background: $primary-darken-2;
                border-top: tall $primary;
            }
        }
        &.-error {
            color: $button-color-foreground;
            background: $error;
            border-top: tall $error-lighten-2;
            border-bottom: tall $error-darken-3;
            &:hover {
                background: $error-darken-1;
                border-top: tall $error;
            }
        }
    }
    """
    BINDINGS = [Binding("enter,space", "press", "Choose", show=False)]

    class Pressed(Message):
        """The entry was chosen (by its keys or a click), unless it is disabled."""

        def __init__(self, item: MenuItem) -> None:
            self.item = item
            super().__init__()

        @property
        def control(self) -> MenuItem:
            """The entry chosen: what `@on(MenuItem.Pressed, "#id")` selectors match."""
            return self.item

    def __init__(self, label: str, *, id: str | None = None, variant: str = "", disabled: bool = False) -> None:
        super().__init__(label, markup=False, id=id, classes=f"-{variant}" if variant else None, disabled=disabled)

    def action_press(self) -> None:
        if not self.disabled:
            self.post_message(self.Pressed(self))

    def on_click(self) -> None:
        self.action_press()
