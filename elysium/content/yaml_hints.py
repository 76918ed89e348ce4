"""Plain words for the YAML syntax errors authors make most: indentation, a colon in plain text, a tab.

The parser names the place where it gave up, which is often a line or two after the mistake: a
field indented too little is only noticed when a later line is indented more. Each hint here says
what most likely went wrong and points at the line to change, and keeps the parser's own words and
place in brackets, so nothing it said is lost.
"""

from __future__ import annotations

from typing import NamedTuple


class Hint(NamedTuple):
    line: int  # 1-based, where the mistake most likely is
    column: int
    message: str


def explain(problem: str, context: str, line: int, column: int, context_line: int | None,
            text: str) -> Hint | None:
    """A hint for the parser's `problem` (and `context`), which it noticed at the 0-based `line`
    and `column` (`context_line`: where what it was reading began); None when there is none."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    noticed = f"YAML noticed it at line {line + 1}, column {column + 1}: {problem}"
    if context:
        noticed += f", {context}"
    tab = _tab_before(lines, line)
    if tab is not None:
        return Hint(tab[0] + 1, tab[1] + 1, f"YAML syntax: a tab is used for indentation; indent with spaces ({noticed})")
    if "another document" in problem:
        return Hint(line + 1, column + 1, "YAML syntax: a second document starts here ('---'), but a content file "
                    f"holds one: remove the '---', or put what follows in a file of its own ({noticed})")
    if problem == "did not find expected <document start>":
        return Hint(line + 1, column + 1, f"YAML syntax: the indentation: line {line + 1} starts at column 1, where "
                    "only the file's kinds (rooms:, items:, ...) start, but it is not one; most likely it belongs "
                    f"to the entry above it: indent it ({noticed})")
    if problem == "mapping values are not allowed in this context":
        return _colon(lines, line, column, noticed)
    if problem == "could not find expected ':'" and context_line is not None and context_line < len(lines):
        above = _above(lines, context_line)
        return Hint(context_line + 1, _indent(lines[context_line]) + 1,
                    f"YAML syntax: line {context_line + 1} is read as a new field, but has no ':'. Most likely it "
                    "is text indented less than the text it goes on from"
                    + (f": indent it like line {above + 1} (column {_indent(lines[above]) + 1})" if above is not None else "")
                    + f", or put the text in quotes ({noticed})")
    if problem == "did not find expected key" or problem.startswith("did not find expected '-'"):
        above = _above(lines, line)
        if above is None:
            return None
        return Hint(line + 1, _indent(lines[line]) + 1,
                    f"YAML syntax: the indentation: line {line + 1} starts at column {_indent(lines[line]) + 1}, "
                    f"which lines up with nothing above it; fields of one entry, and the items of one list, start "
                    f"at the same column: line {above + 1} starts at column {_indent(lines[above]) + 1} ({noticed})")
    return None


def _colon(lines: list[str], line: int, column: int, noticed: str) -> Hint:
    """`mapping values are not allowed`: a ': ' in plain text, or a line read as more of the value
    of the line above it because it is indented further than that line's field."""
    current = lines[line]
    start = _key_column(current)
    if ": " in current[start:column] or current[start:start + 1] in ("'", '"'):
        return Hint(line + 1, column + 1, "YAML syntax: a colon followed by a space inside plain text: put the "
                    f"whole text in quotes, or write it on the next lines after '>-' ({noticed})")
    above = _above(lines, line)
    if above is None or _key_column(lines[above]) >= start:
        return Hint(line + 1, column + 1, "YAML syntax: a colon followed by a space inside plain text: put the "
                    f"whole text in quotes, or write it on the next lines after '>-' ({noticed})")
    # Lines above at the same column as the line above: were they dedented, between fields that line up?
    level = _key_column(lines[above])
    first = above
    while (earlier := _above(lines, first)) is not None and _key_column(lines[earlier]) == level:
        first = earlier
    earlier = _above(lines, first)
    if earlier is not None and _key_column(lines[earlier]) == start:
        return Hint(first + 1, level + 1,
                    f"YAML syntax: the indentation: line {first + 1} is indented less than line {earlier + 1} above "
                    f"it, so from here on the fields no longer belong to the same entry; indent "
                    f"{f'line {first + 1}' if first == above else f'lines {first + 1}-{above + 1}'} to column "
                    f"{start + 1} ({noticed})")
    return Hint(line + 1, start + 1,
                f"YAML syntax: the indentation: line {line + 1} is indented more than the field on line "
                f"{above + 1}, so it is read as more of that field's value; line it up with that field (column "
                f"{level + 1}). If line {above + 1} holds text that goes on here, put the text in quotes ({noticed})")


def _tab_before(lines: list[str], line: int) -> tuple[int, int] | None:
    """(line, column) of a tab in the indentation of `line` or the line with content above it."""
    above = _above(lines, line)
    for index in ([above] if above is not None else []) + [line]:
        text = lines[index]
        leading = text[:len(text) - len(text.lstrip(" \t"))]
        if "\t" in leading:
            return index, leading.index("\t")
    return None


def _above(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` with something on it other than a comment."""
    for index in range(line - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _key_column(text: str) -> int:
    """Where a line's field starts: after its indentation and any list dashes (`  - say: x` -> 4)."""
    column = _indent(text)
    while text[column:column + 2] == "- " or text[column:] == "-":
        column += 1
        column += _indent(text[column:])
    return column
