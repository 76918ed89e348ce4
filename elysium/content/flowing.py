"""Light Markdown (the engine's HELP) as plain text that flows: each paragraph and each list item
on one line, so the terminal or a screen reader wraps it to its own width, not the source's."""

from __future__ import annotations

import re

LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")


def flowing(markdown: str) -> str:
    """`markdown` as plain text: headings in capitals, code marks dropped, the lines of a paragraph
    or of a list item joined; headings and list items keep lines of their own, blank lines stay."""
    lines: list[str] = []
    joining = False  # whether the next text line goes on from the one above
    for line in markdown.splitlines():
        text = line.strip()
        if not text:
            lines.append("")
            joining = False
        elif text.startswith("#"):
            lines.append(text.lstrip("#").strip().upper())
            joining = False
        elif joining and not LIST_ITEM.match(line):
            lines[-1] += " " + text.replace("`", "")
        else:
            lines.append(line.rstrip().replace("`", ""))
            joining = True
    return "\n".join(lines)
