"""Plain YAML values that may not say what their author meant, and the warning for each.

Content is read by the YAML 1.2 core schema (see yamlsafe.py). Where the schema table wants one
kind of value and the file holds a plain scalar that YAML reads as another, the checker takes what
the author most likely meant and warns at the value's place, saying how to write it without doubt:

- a number where text belongs (`version: 1.10`, `name: 0123`) is kept as the text written;
- a whole number with a leading zero (`score: 010`) is that number in base ten, not octal;
- `yes`, `no`, `on`, `off`, `y`, `n` (text in YAML 1.2, booleans in YAML 1.1) where a field
  wants true or false are taken as true or false.
"""

from __future__ import annotations

from typing import Any

from elysium.content.problems import Problem
from elysium.content.yamlsafe import LEADING_ZERO, Document, Path_

# The words YAML 1.1 read as booleans (and that many other tools still do), by what they meant.
OLD_BOOLEANS = {"yes": True, "on": True, "y": True, "no": False, "off": False, "n": False}


def _word(value: bool) -> str:
    return "true" if value else "false"


def number_as_text(doc: Document, path: Path_, value: Any, what: str) -> tuple[str, Problem] | None:
    """A plain number where text belongs: (the text as written, a warning to quote it); None for
    any other value. `1.10` stays "1.10" and `0123` stays "0123"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    written = doc.written(path) or str(value)
    warning = Problem(doc.mark(path), f"{what} is written {written} without quotes, which YAML reads as a "
                      f"number; it is taken as the text {written!r}: quote it (\"{written}\") to say so", "warning")
    return written, warning


def old_boolean(doc: Document, path: Path_, value: Any, what: str) -> tuple[bool, Problem] | None:
    """`yes`/`no`/`on`/`off`/`y`/`n` where true or false belongs: (the boolean meant, a warning);
    None for any other value."""
    if not isinstance(value, str) or value.lower() not in OLD_BOOLEANS:
        return None
    meant = OLD_BOOLEANS[value.lower()]
    warning = Problem(doc.mark(path), f"{what} is written {value}, which YAML 1.2 reads as text, not "
                      f"true or false; it is taken as {_word(meant)}: write {_word(meant)}", "warning")
    return meant, warning


def leading_zero(doc: Document, path: Path_, value: Any, what: str) -> Problem | None:
    """A warning for a whole number written with a leading zero (`010`), read in base ten where
    YAML 1.1 tools read octal; None for any other value. Costs nothing in a file without one."""
    if not doc.leading_zeros or isinstance(value, bool) or not isinstance(value, int):
        return None
    written = doc.written(path)
    if written is None or not LEADING_ZERO.match(written):
        return None
    return Problem(doc.mark(path), f"{what} is written {written} with a leading zero, which YAML 1.2 reads as "
                   f"the number {value} (not as octal); write {value}, or quote it (\"{written}\") if it is text", "warning")
