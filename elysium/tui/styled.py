"""Content's text styles, made safe: `styled(text)` turns game text into a Rich `Text`.

Content may use a small set of tags (documented in docs/content.md, "Text styles"): `[b]`, `[bold]`,
`[i]`, `[italic]` and the colour names in `COLOURS`, each closed by `[/name]` or by `[/]`; `\\[` is
a literal bracket. Everything else that looks like markup (links, `[@click=...]` actions, unknown
tags, a stray `[/]`, an unclosed `[`) is kept exactly as written. Control characters are left out
(Rich itself drops only a few, and passes ESC to the terminal); `without_controls` does the same
for text shown without styles, such as what a save file says.

This never calls `Text.from_markup`: it reads only the tags above, so no text from a pack or a
player can run an action or break the screen.
"""

from __future__ import annotations

from rich.text import Text

from elysium.content.styles import plain, spans, without_controls

__all__ = ["plain", "styled", "without_controls"]


def styled(text: str, style: str = "") -> Text:
    """`text` as a Rich Text, with the safe tags applied and removed and anything else kept as is."""
    words, stretches = spans(text)
    result = Text(words, style=style, end="")
    for start, end, span_style in sorted(stretches):
        result.stylize(span_style, start, end)
    return result
