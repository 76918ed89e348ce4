"""The guide's named examples: a ```yaml block of docs/content.md whose first line is
`# docs example: NAME`, which the tests load as a pack so that the guide stays true."""

from __future__ import annotations

import re
from pathlib import Path

CONTENT_GUIDE = Path(__file__).resolve().parents[1] / "docs" / "content.md"
_BLOCK = re.compile(r"^```yaml\n(# docs example: (.+?)\n.*?)^```$", re.MULTILINE | re.DOTALL)


def guide_example(name: str, guide: Path = CONTENT_GUIDE) -> str:
    """The text of the one example called `name` (its naming line included)."""
    [text] = [text for text, named in _BLOCK.findall(guide.read_text(encoding="utf-8")) if named == name]
    return text
