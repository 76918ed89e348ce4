"""`validate` on the game's messages and on `{...}` substitutions in any text: every mistake is an
error at file:line:col, with a did-you-mean when something close exists."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content import substitutions
from elysium.state import text as state_text

MANIFEST = """\
id: tiny
name: Tiny
version: 0.1.0
game:
  title: Tiny
  intro: You arrive.
  start: hall
"""

WORLD = """\
rooms:
  hall:
    name: Hall
    description: A bare hall.
items:
  lantern:
    name: brass lantern
    description: A lantern.
    location: hall
  box:
    name: box
    description: A box.
    location: hall
    container: true
"""


def pack(tmp_path: Path, messages: str = "", **files: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    manifest = MANIFEST + ("  messages:\n" + textwrap.indent(textwrap.dedent(messages), "    ") if messages else "")
    (folder / "pack.yaml").write_text(manifest)
    (folder / "world.yaml").write_text(WORLD)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text))
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(p).replace(f"{folder}/", "") for p in caught.value.problems]


def test_an_unknown_message_key_is_an_error_with_did_you_mean(tmp_path):
    found = problems(pack(tmp_path, "world.emty_inventory: Nothing.\n"))
    assert found == ["pack.yaml:9:5: error: unknown message 'world.emty_inventory' "
                     "(did you mean 'world.empty_inventory'?)"]


def test_an_unknown_form_is_an_error_where_it_is_written(tmp_path):
    found = problems(pack(tmp_path, extra="""\
        rooms:
          cellar:
            name: Cellar
            description: Damp. You see {teh lantern} here.
        """))
    assert found == ["extra.yaml:4:32: error: unknown substitution {teh lantern}: 'teh' is not one of "
                     "the, a, an, counter, contents, state (did you mean 'the'?)"]


def test_an_unknown_id_in_content_text_is_an_error_with_did_you_mean(tmp_path):
    found = problems(pack(tmp_path, extra="""\
        rooms:
          cellar:
            name: Cellar
            description: |
              Damp.
              A shelf holds {the lantern}, and {a lanter}.
        """))
    assert found == ["extra.yaml:6:40: error: unknown substitution {a lanter}: 'lanter' is not an item or NPC id "
                     "(did you mean 'lantern'?)"]


def test_the_second_of_two_same_mistakes_is_found_at_its_own_place(tmp_path):
    found = problems(pack(tmp_path, extra="""\
        items:
          tale:
            name: tale
            description: "{nobody} and {nobody}"
            location: hall
        """))
    assert found == [
        "extra.yaml:4:19: error: unknown substitution {nobody}: 'nobody' is not an item or NPC id",
        "extra.yaml:4:32: error: unknown substitution {nobody}: 'nobody' is not an item or NPC id"]


def test_contents_needs_an_item_not_a_person(tmp_path):
    found = problems(pack(tmp_path, extra="""\
        npcs:
          cook:
            name: the cook
            description: "Her apron holds {contents cook}."
            location: hall
        """))
    assert found == ["extra.yaml:4:35: error: unknown substitution {contents cook}: 'cook' is not an item id"]


def test_a_message_may_use_its_own_parameters_and_no_others(tmp_path):
    found = problems(pack(tmp_path, """\
        world.put_in: "{The noun} goes into {the holdr}."
        world.taken: "You take {the noun}."
        """))
    assert found == [
        "pack.yaml:9:41: error: unknown substitution {the holdr}: 'holdr' is neither a parameter of this message "
        "(noun, is, has, does, holder) nor an item or NPC id (did you mean 'holder'?)",
        "pack.yaml:10:28: error: unknown substitution {the noun}: 'noun' is not an item or NPC id"]


def test_message_variants_know_their_parameters_too(tmp_path):
    found = problems(pack(tmp_path, """\
        world.opened:
          - if: {flag: tired}
            text: "{The noun} {is} open, and so {is} your {naem}."
          - text: "{The noun} swings open."
        """))
    assert found == ["pack.yaml:11:55: error: unknown substitution {naem}: 'naem' is neither a parameter of "
                     "this message (noun, is, has, does) nor an item or NPC id"]


def test_every_known_substitution_loads(tmp_path):
    content = load_content(pack(tmp_path, """\
        world.opened: "{The noun} {is} open; {the lantern} glows; {contents box}; {counter gold}; {{braces}}."
        """, extra="""\
        rooms:
          cellar:
            name: Cellar
            description: "{A lantern} and {Lantern}, {an box}, {the lantern}; {counter gold} coins."
        """))
    assert "{the lantern}" in content.game.messages["world.opened"]


def test_validate_reads_substitutions_as_the_game_does():
    assert substitutions.SUBSTITUTION.pattern == state_text.SUBSTITUTION.pattern
    assert set(substitutions.FORMS) == set(state_text.FORMS)
