"""docs/content.md, "Telling the way (MAP)": its YAML is a pack that answers MAP as the section says."""

from __future__ import annotations

import re
from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game

DOCS = Path(__file__).resolve().parents[2] / "docs" / "content.md"


def test_the_sections_pack_answers_map_in_its_own_words(tmp_path: Path) -> None:
    section = DOCS.read_text(encoding="utf-8").split("## Telling the way (MAP)", 1)[1].split("\n## ", 1)[0]
    manifest, rooms = re.findall(r"```yaml\n(.*?)```", section, re.S)
    (tmp_path / "pack.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "rooms.yaml").write_text(rooms, encoding="utf-8")
    content = load_content(tmp_path)
    assert not content.warnings, content.warnings
    game = Game.from_content(content, seed=1)
    game.opening()
    game.turn("south")
    game.turn("north")
    said = game.turn("map")
    assert said == "You could leave Foyer south to Bar and west, somewhere new."
    assert said in section.replace("\n", " ")
