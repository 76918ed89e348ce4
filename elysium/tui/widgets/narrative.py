"""The story so far: what the player typed and what the game answered.

Nothing written here is read as markup, and no control character reaches the screen. The player's
lines and the TUI's notices are plain `Text`; the game's replies go through `styled()`, which
applies only content's few safe styles. Entries are kept, so the log
wraps again when its width changes (the sidebar opening or closing, the window resizing).
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.widgets import RichLog

from elysium.tui.messages import LISTENER, TurnPlayed
from elysium.tui.styled import styled, without_controls

MAX_ENTRIES = 2000


class NarrativeLog(RichLog, can_focus=False):
    """A RichLog of the game's replies, re-wrapped on resize and redrawn when the theme changes."""

    COMPONENT_CLASSES = {"narrative--echo", "narrative--notice"}

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, min_width=20, max_lines=20_000, **kwargs)
        self.entries: list[tuple[str, str]] = []  # (kind, text): "echo", "reply" or "notice"
        self.drawn_width = 0
        self.shown_height = 0  # the height last seen, to tell whether the reader was at the newest line
        self.add_class(LISTENER)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.call_after_refresh(self.redraw), init=False)

    @on(TurnPlayed)
    def played(self, message: TurnPlayed) -> None:
        if message.line is not None:
            self.add("echo", message.line)
        self.add("reply", message.reply)

    def notice(self, text: str) -> None:
        """A line from the TUI itself (a save written, a game restored), set apart from the story."""
        self.add("notice", text)

    def add(self, kind: str, text: str) -> None:
        self.entries.append((kind, text))
        del self.entries[:-MAX_ENTRIES]
        self.draw(kind, text, first=len(self.entries) == 1)
        if self._size_known:
            # RichLog scrolls after the next frame: scrolled now, a reply shows one frame sooner.
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def draw(self, kind: str, text: str, first: bool = False) -> None:
        if kind == "echo":
            if not first:
                self.put(Text(""))
            self.put(Text(f"> {without_controls(text)}", style=self.get_component_rich_style("narrative--echo")))
        elif kind == "notice":
            if not first:
                self.put(Text(""))
            self.put(Text(without_controls(text), style=self.get_component_rich_style("narrative--notice")))
        else:
            self.put(styled(text))

    def put(self, line: Text) -> None:
        """Write `line`, leaving the scrolling to `add` and `redraw` once the size is known."""
        self.write(line, scroll_end=False if self._size_known else None)

    def redraw(self) -> None:
        self.clear()
        self.drawn_width = self.scrollable_content_region.width
        for index, (kind, text) in enumerate(self.entries):
            self.draw(kind, text, first=index == 0)
        self.scroll_end(animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        # RichLog's own handler runs after this one and writes what waited for a size.
        followed_the_story = self.scroll_y >= self.virtual_size.height - self.shown_height
        self.shown_height = self.scrollable_content_region.height
        if not self._size_known:
            self.drawn_width = event.size.width
        elif event.size.width != self.drawn_width and self.entries:
            self.redraw()
        elif followed_the_story:
            # A shorter window keeps the top line where it was; a reader at the newest line stays there.
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True, x_axis=False)

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and for copying)."""
        return "\n".join(strip.text for strip in self.lines)
