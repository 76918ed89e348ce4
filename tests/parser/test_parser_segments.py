"""split_commands: one line of input into the commands the player chained together."""

from __future__ import annotations

import pytest

from elysium.parser import split_commands


@pytest.mark.parametrize(
    ("line", "segments"),
    [
        ("take key. go north then drop key", ["take key", "go north", "drop key"]),
        ("take key; drop key", ["take key", "drop key"]),
        ("take lute, then play it", ["take lute", "play it"]),
        ("take lute , then play it", ["take lute", "play it"]),
        ("take lute THEN north", ["take lute", "north"]),
        ("look", ["look"]),
        ("  look  ", ["look"]),
        (".", []),
        ("", []),
        ("   ", []),
        ("...;;. then then", []),
        ("take key.", ["take key"]),
        ("wait until 9.30. look", ["wait until 9.30", "look"]),
        ("ask warden about athens", ["ask warden about athens"]),
        ("take lute, beads and cloak", ["take lute, beads and cloak"]),
    ],
)
def test_split_commands(line: str, segments: list[str]) -> None:
    assert split_commands(line) == segments
