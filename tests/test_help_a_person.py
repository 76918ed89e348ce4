"""HELP someone is ASK them ABOUT HELP (docs/content.md, "HELP someone"): the docs' gardener
answers with a topic, and HELP with anything that is not a person in reach is the help screen."""

from pathlib import Path

from elysium.engine import Game
from elysium.content import load_content

ROOT = Path(__file__).resolve().parents[1]


def _yard(tmp_path: Path) -> Game:
    docs = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    section = docs.split("**HELP someone.**", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pack.yaml").write_text("id: help_yard\nname: Help Yard\nversion: 0.1.0\ngame:\n"
                                        "  title: The Yard\n  intro: You come into the yard.\n"
                                        "  start: yard\n  features: []\n", encoding="utf-8")
    (tmp_path / "yard.yaml").write_text(
        "rooms:\n  yard:\n    name: Yard\n    description: A yard with a well.\n"
        "    scenery:\n      well: An old well.\n" + example
        + "  ostler:\n    name: ostler\n    description: A bandy-legged ostler.\n"
        "    location: yard\n    default: The ostler spits.\n", encoding="utf-8")
    return Game.from_content(load_content(tmp_path))


def test_help_a_person_in_reach_asks_them_about_help(tmp_path):
    game = _yard(tmp_path)
    reply = game.turn("help gardener")
    assert "Pull the weeds by the well" in reply
    assert "HOW TO PLAY" not in reply


def test_help_with_anything_else_is_the_help_screen(tmp_path):
    game = _yard(tmp_path)
    assert "HOW TO PLAY" in game.turn("help me")
    assert "HOW TO PLAY" in game.turn("help well")
    assert "HOW TO PLAY" in game.turn("help")


def test_help_a_person_without_a_help_topic_gets_their_default(tmp_path):
    reply = _yard(tmp_path).turn("help ostler")
    assert "The ostler spits." in reply
    assert "HOW TO PLAY" not in reply
