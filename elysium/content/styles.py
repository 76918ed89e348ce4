"""The small set of text styles content may use, read without any markup library.

`[b]`, `[bold]`, `[i]`, `[italic]` and colour names (`[red]...[/red]`), each closed by `[/name]` or
`[/]`; `\\[` is a literal bracket. Anything else that looks like markup (links, `[@click=...]`
actions, unknown tags, a stray `[/]`, an unclosed `[`) is text like any other. Front-ends that
style text (the TUI) use `spans`; plain text front-ends use `plain`. Both leave out control
characters (see `CONTROL`), whatever let them into the text.
"""

from __future__ import annotations

import re

STYLES = {"b": "bold", "bold": "bold", "i": "italic", "italic": "italic"}
BASE_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
COLOURS = frozenset({*BASE_COLOURS, *(f"bright_{c}" for c in BASE_COLOURS), "grey", "gray", "purple", "orange"})
_COLOUR_STYLE = {"grey": "grey50", "gray": "grey50", "orange": "dark_orange"}

# C0 and C1 control characters, and DEL: on a terminal they start escape sequences (a mod could
# write the clipboard, retitle the window or clear the screen), so no text of a pack or a save may
# carry them. Newline and tab are text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# An escaped bracket, or a tag made of letters and underscores (optionally a closing one).
TAG = re.compile(r"\\\[|\[(/?)([a-z_]*)\]")


def style_of(name: str) -> str | None:
    """The style a tag name stands for, or None when it is not one of the safe tags."""
    if name in STYLES:
        return STYLES[name]
    if name in COLOURS:
        return _COLOUR_STYLE.get(name, name)
    return None


def spans(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text without its safe tags or control characters, and (start, end, style) for each
    styled stretch."""
    text = without_controls(text)
    out: list[str] = []
    length = 0
    found: list[tuple[int, int, str]] = []
    open_tags: list[tuple[str, int]] = []  # (tag name, where its text starts)
    position = 0
    for match in TAG.finditer(text):
        before = text[position:match.start()]
        out.append(before)
        length += len(before)
        position = match.end()
        closing, name = match.group(1), match.group(2)
        if match.group(0) == "\\[":
            out.append("[")
            length += 1
        elif not closing and style_of(name):
            open_tags.append((name, length))
        elif closing and open_tags and (name == "" or any(tag == name for tag, _ in open_tags)):
            index = len(open_tags) - 1 if name == "" else max(
                i for i, (tag, _) in enumerate(open_tags) if tag == name)
            tag, start = open_tags.pop(index)
            found.append((start, length, style_of(tag) or ""))
        else:
            out.append(match.group(0))  # not ours: shown exactly as written
            length += len(match.group(0))
    out.append(text[position:])
    length += len(text) - position
    found.extend((start, length, style_of(tag) or "") for tag, start in open_tags)
    return "".join(out), [span for span in found if span[1] > span[0]]


def plain(text: str) -> str:
    """`text` as a screen without styles shows it (and without control characters)."""
    return spans(text)[0]


def without_controls(text: str) -> str:
    """`text` with every control character but newline and tab removed: safe to write to a terminal."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def first_control(text: str) -> str | None:
    """The first control character in `text` that a terminal would act on, or None."""
    found = CONTROL.search(text)
    return found.group(0) if found else None


def escape(text: str) -> str:
    """Text that must show exactly as written, even where it looks like a safe tag."""
    return text.replace("[", "\\[")
