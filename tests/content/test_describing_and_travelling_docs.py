"""docs/content.md, "Describing and travelling": its YAML is a pack that loads and plays as the
section says (the manifest block first, then the rooms and rules)."""

from __future__ import annotations

import re
from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game

DOCS = Path(__file__).resolve().parents[2] / "docs" / "content.md"


def _section_blocks() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Describing and travelling", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


def test_the_sections_yaml_is_a_pack_that_plays_as_described(tmp_path: Path) -> None:
    manifest, rooms = _section_blocks()
    (tmp_path / "pack.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "rooms.yaml").write_text(rooms, encoding="utf-8")
    content = load_content(tmp_path)
    assert not content.warnings, content.warnings
    game = Game.from_content(content, seed=1)

    opening = game.opening()
    assert opening.startswith("Fish Market\n")  # no banner, no intro
    assert "Exits: spinward" not in opening and "Exits: east." in opening
    assert game.turn("x me") == "A sailor on shore leave, weathered and patient."
    about = game.turn("about")
    assert "by A. Tester" in about and "Version 1.2.0" in about
    assert about.endswith("Thanks to everyone who ever typed GO TO.")
    assert game.turn("e") == "Rope Lane\nExits: west, forward."  # no description; the game's words
    assert game.turn("forward").startswith("Dim Chapel\nModel ships hang from the beams.")
    assert game.turn("go to fish").splitlines()[0] == "Rope Lane"
    assert game.state["location"] == "market"
    assert game.turn("jump") == "You vault the railing and drop through the chapel's skylight."
    assert game.state["location"] == "chapel"
