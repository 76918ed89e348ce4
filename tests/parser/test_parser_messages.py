"""The parser's sentences are engine messages: each reply carries a key of
content/messages/parser.py and its parameters, its text is that key's default wording, and the
engine says a game's own wording instead (the example in docs/content.md included)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from elysium.content.messages import DEFAULTS
from elysium.content.messages.parser import MESSAGES, PARAMETERS
from elysium.engine import Game
from elysium.parser import Command, Failure, Question, Thing, corrected

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "tests" / "fixtures" / "parser"

TYPED = [
    "", "xyzzy", "take glorb", "take lute with lute", "take lantern", "take", "put lute",
    "insert lute", "hang lute", "ask warden", "go", "x hook", "x all", "read lute, beads",
    "open lute and beads", "take them", "pick", "warden,", "talk to", "read all"
]


@pytest.mark.parametrize("typed", TYPED)
def test_a_reply_is_its_keys_default_wording(world, typed: str) -> None:
    reply = world.parse(typed)
    assert isinstance(reply, (Failure, Question)), reply
    assert reply.key in MESSAGES
    expected = re.sub(r"\{(\w+)\}", lambda found: str(reply.params[found[1]]), DEFAULTS[reply.key])
    assert reply.text == expected


def test_every_parameter_a_default_uses_is_declared() -> None:
    for key, text in MESSAGES.items():
        used = set(re.findall(r"\{(?:the |a )?(\w+)\}", text))
        assert used <= set(PARAMETERS.get(key, ())), key


def test_every_parser_key_is_said_somewhere() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "elysium").rglob("*.py")
                       if path.name != "parser.py" or path.parent.name != "messages")
    assert [key for key in MESSAGES if f'"{key}"' not in source] == []


def test_oops_replaces_the_unknown_word() -> None:
    assert corrected(Command("oops", text="folio"), "take foilo", "foilo") == "take folio"
    assert corrected(Command("oops", text="folio"), None, None).key == "parser.oops_nothing"
    assert corrected(Command("oops"), "take foilo", "foilo").key == "parser.oops_no_word"


def test_a_failure_names_the_word_oops_would_replace(world) -> None:
    assert world.parse("take glorb").unknown == "glorb"
    assert world.parse("glorb the lute").unknown == "glorb"
    assert world.parse("take lantern").unknown is None  # a known word, just not here


def test_the_engine_says_the_games_wording() -> None:
    game = Game.new(PACK, seed=1)
    assert game.turn("take shelves") == 'There is no "shelves" about, as far as you can tell.'
    assert game.turn("glorb") == 'You don\'t know how to "glorb". (Type HELP for the verbs you can use.)'


def test_again_says_a_thing_gone_in_the_games_wording() -> None:
    game = Game.new(PACK, seed=1)
    game.turn("open case")
    game.turn("x lute")
    game.state["items"]["lute"]["at"] = "nowhere"
    game.state.reindex()
    assert game.turn("again") == "The lute is out of sight now."


def test_the_docs_example_rewords_the_parser(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    section = docs[docs.index("## What the player may type"):docs.index("## Rules")]
    example = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    manifest = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    manifest["game"]["messages"] = example["game"]["messages"]
    (pack / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    game = Game.new(pack, seed=1)
    assert game.turn("take glorb") == 'The word "glorb" means nothing to you.'
    assert game.turn("take shelves") == 'There is no "shelves" about, as far as you can tell.'
    assert game.turn("open") == "What should you open?"
    assert game.turn("chest") == "You open the oak chest, revealing a blue sash and a grey wool cloak."
    game.turn("e")
    assert game.turn("x book") == "Do you mean the red book or the blue book?"
