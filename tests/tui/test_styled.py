"""styled(): content's few safe styles are applied; everything else is shown exactly as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style

from elysium.content.styles import COLOURS, CONTROL
from elysium.tui.styled import styled


def styles_at(text, index: int) -> Style:
    return text.get_style_at_offset(Console(), index)


@pytest.mark.parametrize(("source", "shown", "word", "style"), [
    ("a [b]bold[/b] word", "a bold word", "bold", Style(bold=True)),
    ("a [bold]bold[/bold] word", "a bold word", "bold", Style(bold=True)),
    ("an [i]odd[/i] one", "an odd one", "odd", Style(italic=True)),
    ("an [italic]odd[/] one", "an odd one", "odd", Style(italic=True)),
    ("the [red]rose[/red]", "the rose", "rose", Style(color="red")),
    ("[bright_blue]sky[/bright_blue]", "sky", "sky", Style(color="bright_blue")),
])
def test_the_safe_subset_is_applied(source, shown, word, style):
    text = styled(source)
    assert text.plain == shown
    index = shown.index(word)
    got = styles_at(text, index)
    assert got.bold == style.bold or style.bold is None
    assert got.italic == style.italic or style.italic is None
    if style.color:
        assert got.color == style.color
    assert styles_at(text, 0) == Style() or shown.index(word) == 0


def test_nesting_and_the_generic_close():
    text = styled("[b][i]both[/]bold[/b]plain")
    assert text.plain == "bothboldplain"
    assert styles_at(text, 0).italic and styles_at(text, 0).bold
    assert styles_at(text, 4).bold and not styles_at(text, 4).italic
    assert not styles_at(text, 8).bold


def test_an_unclosed_safe_tag_runs_to_the_end():
    assert styled("[b]shout").plain == "shout"
    assert styles_at(styled("[b]shout"), 4).bold


@pytest.mark.parametrize("source", [
    "[@click=app.quit]x[/]",
    "[link=https://example.com]here[/link]",
    "[/]",
    "[bold",
    "take [bold",
    "[blink]x[/blink]",
    "[reverse]x[/reverse]",
    "[on red]x[/]",
    "[b x]y",
    "[/b] closes nothing",
    "[B]upper case is not a tag[/B]",
    "]]][[[",
    "[#ff0000]x[/]",
    "[@click=app.bell]ring[/@click]",
])
def test_everything_else_is_shown_literally(source):
    text = styled(source)
    assert text.plain == source
    assert not any("link" in str(span.style) or "@" in str(span.style) for span in text.spans)


def test_a_close_that_matches_nothing_open_is_literal():
    assert styled("[red]a[/b]").plain == "a[/b]"
    assert styled("[[b]]").plain == "[]"


def test_escaped_brackets_are_literal():
    assert styled(r"\[b]not bold").plain == "[b]not bold"
    assert not styles_at(styled(r"\[b]not bold"), 3).bold


def test_the_documented_colours_are_all_real_colours():
    for colour in COLOURS:
        text = styled(f"[{colour}]x[/{colour}]")
        assert text.plain == "x"
        assert styles_at(text, 0).color is not None


PIECES = [*"[]/\\@=abi ord", "[b]", "[/b]", "[/]", "[red]", "[/red]", "[i]", "[@click=app.quit]", "[link=x]"]


@given(st.lists(st.sampled_from(PIECES)).map("".join))
def test_any_text_is_safe(source):
    text = styled(source)
    assert "@" not in "".join(str(span.style) for span in text.spans)
    assert all(char in source for char in text.plain)
    # what is removed is only ever one of the safe tags
    leftover = source
    for tag in ("[b]", "[/b]", "[/]", "[red]", "[/red]", "[i]", "[/i]", "\\"):
        leftover = leftover.replace(tag, "")
    assert len(text.plain) >= len(leftover)


@given(st.text())
def test_text_without_brackets_is_unchanged_but_for_control_codes(source):
    if "[" not in source:
        # Every control character goes, ESC and C1 too (Rich itself keeps them): no escape
        # sequence reaches the screen.
        assert styled(source).plain == CONTROL.sub("", source)


@given(st.lists(st.sampled_from([*PIECES, "\x1b", "\x07", "\x9b", "\x00", "]52;c;", "\n"])).map("".join))
def test_no_control_character_survives_styling(source):
    text = styled(source)
    assert not CONTROL.search(text.plain)
    assert "\x1b" not in "".join(segment.text for segment in text.render(Console()))
