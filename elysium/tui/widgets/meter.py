"""A one-line bar: a label, a filled bar, and the number.

A meter over a range that starts below zero (standing, reputation) fills from its middle, to the
right when the value is positive and to the left when it is negative.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

LABEL_WIDTH = 15  # "Bardic history" and a space
NUMBER_WIDTH = 7


class Meter(Widget):
    COMPONENT_CLASSES = {"meter--fill", "meter--empty", "meter--negative", "meter--label"}

    value: reactive[int] = reactive(0)

    def __init__(self, label: str, value: int, low: int = 0, high: int = 100, shown: str | None = None,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.low, self.high = low, high
        self.shown = shown
        self.set_reactive(Meter.value, value)

    def set(self, value: int, low: int, high: int, shown: str | None) -> None:
        """Show new figures: a repaint when they differ, never a layout (a meter is one line)."""
        if (value, low, high, shown) == (self.value, self.low, self.high, self.shown):
            return
        self.low, self.high, self.shown = low, high, shown
        self.set_reactive(Meter.value, value)
        self.refresh()

    def render(self) -> Text:
        number = self.shown if self.shown is not None else str(self.value)
        width = max(self.size.width - LABEL_WIDTH - NUMBER_WIDTH - 1, 4)
        text = Text(f"{self.label[:LABEL_WIDTH - 1]:<{LABEL_WIDTH}}",
                    style=self.get_component_rich_style("meter--label"), end="")
        text.append_text(self.bar(width))
        text.append(f" {number:>{NUMBER_WIDTH}}")
        return text

    def bar(self, width: int) -> Text:
        fill = self.get_component_rich_style("meter--fill")
        empty = self.get_component_rich_style("meter--empty")
        value = min(max(self.value, self.low), self.high)
        if self.low >= 0:
            filled = round(width * (value - self.low) / max(self.high - self.low, 1))
            return Text.assemble(("━" * filled, fill), ("━" * (width - filled), empty))
        # A signed range: the middle is zero.
        middle = width // 2
        cells = ["━"] * width
        styles = [empty] * width
        reach = round(middle * abs(value) / max(self.high if value > 0 else -self.low, 1))
        span = range(middle, middle + reach) if value > 0 else range(middle - reach, middle)
        negative = self.get_component_rich_style("meter--negative")
        for index in span:
            styles[index] = fill if value > 0 else negative
        cells[middle] = "┃" if middle < width else "━"
        text = Text(end="")
        for cell, style in zip(cells, styles):
            text.append(cell, style)
        return text
