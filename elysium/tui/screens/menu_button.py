"""The title screen's menu buttons: Textual's Button, with only the rules of its default style sheet
that the menu can show.

Button's default style sheet (7 kB) styles five variants in two looks and a compact form, and was
the biggest of the sheets parsed for the title screen's first frame (8 ms of 19). A MenuButton
brings it without the rules of what the menu never shows, cut from Button's own sheet at import,
so that it looks as Button does in any version of Textual. The first Button elsewhere (a dialog)
brings the whole sheet under the same name, which replaces the short one for good.
"""

from __future__ import annotations

import re

from textual.widgets import Button

# The menu's buttons have the default look, in the default, primary and error variants.
UNUSED_RULES = ("&.-success", "&.-warning", "&.-style-flat", "&.-textual-compact")


def without_rules(css: str, selectors: tuple[str, ...]) -> str:
    """`css` without the nested rules (each up to its matching brace) whose selector is one of `selectors`."""
    opening = re.compile("(?:" + "|".join(re.escape(selector) for selector in selectors) + r")\s*\{")
    kept, at = [], 0
    while found := opening.search(css, at):
        kept.append(css[at:found.start()])
        depth, end = 0, found.end() - 1
        while True:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            if depth == 0:
                break
            end += 1
        at = end + 1
    kept.append(css[at:])
    return "".join(kept)


MENU_CSS = without_rules(Button.DEFAULT_CSS, UNUSED_RULES)


class MenuButton(Button):
    """A Button that brings MENU_CSS as Button's default sheet, unless the whole one is there already."""

    def _get_default_css(self):  # Textual's (private) list of the default sheets a widget brings
        held = self.app.stylesheet.source
        return [(where, MENU_CSS if where[1] == "Button.DEFAULT_CSS" and _short_or_none(held.get(where)) else css,
                 *rest) for where, css, *rest in super()._get_default_css()]


def _short_or_none(source) -> bool:
    return source is None or source.content == MENU_CSS
