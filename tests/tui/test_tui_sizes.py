"""The TUI at every size: the story, the completion, the map and the sidebar when the window changes."""

from __future__ import annotations

from pathlib import Path

from elysium.tui.widgets import NarrativeLog
from tui_support import play, start

CAMPUS = Path(__file__).resolve().parents[2] / "content" / "starred_blocks"


async def test_after_the_window_shrinks_the_story_still_shows_its_newest_lines(make_app):
    app = make_app(CAMPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await play(pilot, "x warden")
        log = app.screen.query_one(NarrativeLog)
        assert log.scroll_offset.y == log.max_scroll_y

        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        await pilot.pause()

        assert log.max_scroll_y > 0
        assert log.scroll_offset.y == log.max_scroll_y
        last_shown = log.lines[log.scroll_offset.y + log.scrollable_content_region.height - 1].text
        assert last_shown.strip() and last_shown == log.lines[-1].text
