"""Light Markdown turned into plain text whose paragraphs and list items flow."""

from elysium.content.flowing import flowing

SOURCE = """# How to play

A paragraph written
over three lines with `code`
in it.

## Lists
- one item that goes
  on to a second line
- another
  1. a numbered one
     that goes on
* a starred one
"""


def test_paragraphs_and_list_items_are_joined_and_headings_stand_alone():
    assert flowing(SOURCE).splitlines() == [
        "HOW TO PLAY",
        "",
        "A paragraph written over three lines with code in it.",
        "",
        "LISTS",
        "- one item that goes on to a second line",
        "- another",
        "  1. a numbered one that goes on",
        "* a starred one",
    ]


def test_a_paragraph_right_after_a_list_item_without_a_blank_line_goes_on_from_it():
    # As in Markdown, a line that is not a new item continues the item above ("lazy" continuation).
    assert flowing("- item\nmore of it\n\nNext paragraph.") == "- item more of it\n\nNext paragraph."
