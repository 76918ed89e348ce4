"""The catalogue of engine messages: documented as it is, every key said somewhere, defaults neutral
and filled only from their own parameters, and the docs' example a game that plays."""

from __future__ import annotations

import re

from pathlib import Path

from elysium.content import messages
from elysium.content.messages import DEFAULTS, PARAMETERS
from elysium.content.messages.table import markdown_table
from elysium.content.substitutions import check
from elysium.commands import TRIED_ACTIONS
from elysium.engine import Game, for_features
from elysium.content import load_content

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "content.md"
CODE = ROOT / "elysium"
TABLE = re.compile(r"<!-- messages table:.*?-->\n(?P<table>.*?)<!-- end of the messages table -->", re.S)
# Words of the Starred Blocks that a neutral sentence has no business saying.
CAMPUS_WORDS = re.compile(r"\b(terms?|colleges?|bards?|masters?|lutes?|recitals?|timetables?|repertoire|"
                          r"strings|curfew|warden|students?|lessons?|classes|bells)\b", re.I)


def test_the_table_in_the_docs_is_the_one_the_catalogue_makes():
    found = TABLE.search(DOCS.read_text(encoding="utf-8"))
    assert found, "docs/content.md has no messages table between its markers"
    assert found["table"] == markdown_table(), "run: python -m elysium.content.messages --markdown"


def test_the_table_has_a_row_for_every_key():
    rows = [line for line in markdown_table().splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == sorted(DEFAULTS)


def test_every_key_is_said_somewhere_in_the_engine():
    catalogue = CODE / "content" / "messages"
    code = "\n".join(path.read_text(encoding="utf-8") for path in CODE.rglob("*.py")
                     if catalogue not in path.parents)
    # A key may also be made from the table of the verbs players try: f"verbs.{action}_thing".
    made = {pattern.replace("{action}", action) for pattern in re.findall(r'f"(verbs\.[^"]*\{action\}[^"]*)"', code)
            for action in TRIED_ACTIONS}
    dead = [key for key in DEFAULTS if f'"{key}"' not in code and f"'{key}'" not in code and key not in made]
    assert dead == []


def test_keys_are_named_for_their_part():
    for part in messages._PARTS:
        name = part.__name__.rpartition(".")[2]
        for key in part.MESSAGES:
            assert re.fullmatch(rf"{name}\.[a-z][a-z0-9_]*", key), key
        assert set(part.PARAMETERS) <= set(part.MESSAGES), name


def test_defaults_speak_of_no_campus_except_the_campus_messages():
    # HELP's lines marked `<!-- needs FEATURE -->` are shown only in a game with that campus feature.
    shown_in_any_game = {key: for_features(text, frozenset()) for key, text in DEFAULTS.items()}
    campus = {key: CAMPUS_WORDS.findall(text) for key, text in shown_in_any_game.items()
              if not key.startswith("campus.") and CAMPUS_WORDS.search(text)}
    assert campus == {}


def test_the_campus_words_check_would_catch_the_old_campus_wording():
    assert CAMPUS_WORDS.search("Farewell, and may your strings stay true.")
    assert CAMPUS_WORDS.search("Start the term again from the very beginning?")
    assert CAMPUS_WORDS.search("DROP ALL EXCEPT the lute")


def test_every_default_is_filled_from_its_own_parameters():
    for key, text in DEFAULTS.items():
        unfilled = [fragment for fragment, _, _, _ in check(text, PARAMETERS.get(key, ()))]
        assert unfilled == [], key


def test_the_docs_example_is_a_game_that_says_its_own_words(tmp_path):
    docs = DOCS.read_text(encoding="utf-8")
    example = re.search(r"## Messages\n.*?```yaml\n(?P<yaml>.*?)```", docs, re.S)["yaml"]
    pack = tmp_path / "lighthouse"
    pack.mkdir()
    (pack / "pack.yaml").write_text(example, encoding="utf-8")
    (pack / "world.yaml").write_text(
        "rooms:\n  lamp_room:\n    name: Lamp Room\n    description: The great lens turns.\n"
        "    exits: {down: stair}\n  stair:\n    name: Stair\n    description: Iron steps.\n"
        "    exits: {up: lamp_room}\n"
        "items:\n  locker:\n    name: locker\n    description: A tin locker.\n    location: lamp_room\n"
        "    container: true\n    openable: true\n    open: false\n    portable: false\n"
        "  rag:\n    name: oily rag\n    description: A rag.\n    location: {in: locker}\n",
        encoding="utf-8")
    game = Game.from_content(load_content(pack))
    assert game.turn("i") == "Your oilskin pockets are empty."
    assert game.turn("open locker") == "The locker is open now. Inside: an oily rag."
    assert game.turn("take rag") == "Got it."
    assert game.turn("west") == "The only ways from here are down; the rest is sea."
    assert game.turn("quit") == "The lamp turns on without you. Farewell, keeper."
