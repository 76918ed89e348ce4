"""The game's actions in Textual's command palette (Ctrl+P), before Textual's own.

Each screen lists what it offers in a `PALETTE` tuple of (name, help, action); this provider
shows those of the screen the palette was opened from, runs the chosen action there, and then
offers the app's system commands (keys, quit, screenshot...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class GameCommands(Provider):
    def commands(self) -> Iterator[tuple[str, str, Callable[[], object], bool]]:
        for name, help_text, action in getattr(self.screen, "PALETTE", ()):
            yield name, help_text, partial(self.screen.run_action, action), True
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            yield name, help_text, callback, discover

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.commands():
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, _ in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
