"""Mod packs: load order, requirements, namespaced ids, patches and the conflicts between them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content.packs import satisfies

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


def mod(tmp_path: Path, name: str, manifest: str = "", **files: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "pack.yaml").write_text(f"id: {name}\nname: {name.title()}\nversion: 1.0.0\n"
                                      + textwrap.dedent(manifest))
    for file, text in files.items():
        (folder / f"{file}.yaml").write_text(textwrap.dedent(text))
    return folder


def errors(*mods: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(FIXTURE, mods)
    return str(caught.value)


ANNEX = """\
    rooms:
      annex:
        name: The Annex
        description: A narrow room smelling of new plaster.
        exits: {south: fixture_world:vestibule}
    items:
      lamp:
        name: annex lamp
        description: A squat lamp.
        location: annex
    patch:
      rooms:
        fixture_world:vestibule:
          exits: {north: annex}
"""


def test_a_mod_adds_rooms_and_items_under_its_own_name(tmp_path):
    content = load_content(FIXTURE, (mod(tmp_path, "annexe", annex=ANNEX),))
    assert content.rooms["annexe:annex"].exits["south"].to == "vestibule"
    assert content.items["annexe:lamp"].location == "annexe:annex"
    assert content.rooms["vestibule"].exits["north"].to == "annexe:annex"


def test_a_patch_can_remove_an_exit_and_change_a_field(tmp_path):
    patch = """\
        patch:
          rooms:
            vestibule:
              name: The Grand Vestibule
              exits: {north: null}
    """
    content = load_content(FIXTURE, (mod(tmp_path, "renovation", p=patch),))
    assert content.rooms["vestibule"].name == "The Grand Vestibule"
    assert "north" not in content.rooms["vestibule"].exits


def test_when_two_mods_change_one_field_the_later_wins_and_a_warning_says_so(tmp_path):
    first = mod(tmp_path, "first", p="patch:\n  rooms:\n    vestibule: {name: First Hall}\n")
    second = mod(tmp_path, "second", "load_after: [first]\n",
                 p="patch:\n  rooms:\n    vestibule: {name: Second Hall}\n")
    content = load_content(FIXTURE, (second, first))
    assert content.rooms["vestibule"].name == "Second Hall"
    assert any("first and second both change rooms.vestibule.name" in str(w) for w in content.warnings)


def test_requirements_order_the_packs(tmp_path):
    base = mod(tmp_path, "base", annex=ANNEX)
    addon = mod(tmp_path, "addon", "requires: [base]\n",
                p="patch:\n  items:\n    base:lamp: {name: brass lamp}\n")
    content = load_content(FIXTURE, (addon, base))
    assert content.items["base:lamp"].name == "brass lamp"


def test_a_missing_requirement_is_an_error(tmp_path):
    assert "requires 'nowhere_pack', which is not loaded" in errors(mod(tmp_path, "lonely", "requires: [nowhere_pack]\n"))


def test_packs_that_require_each_other_are_an_error(tmp_path):
    a = mod(tmp_path, "alpha", "requires: [beta]\n")
    b = mod(tmp_path, "beta", "requires: [alpha]\n")
    assert "packs require each other in a circle" in errors(a, b)


def test_an_unsupported_engine_version_is_an_error(tmp_path):
    assert "supports engine versions >=9.0" in errors(mod(tmp_path, "future", "engine: '>=9.0'\n"))


def test_a_patch_of_something_nobody_defines_is_an_error(tmp_path):
    found = errors(mod(tmp_path, "typo", p="patch:\n  rooms:\n    vestibul: {name: X}\n"))
    assert "this patch changes room 'vestibul', which no pack defines (did you mean 'vestibule'?)" in found


def test_a_patch_cannot_remove_a_required_field(tmp_path):
    assert "cannot remove the required field 'name'" in errors(
        mod(tmp_path, "eraser", p="patch:\n  rooms:\n    vestibule: {name: null}\n"))


def test_version_ranges():
    assert satisfies("0.1.0", ">=0.1, <0.2")
    assert not satisfies("0.2.0", ">=0.1, <0.2")
    assert satisfies("1.4.2", "~=1.4")
    assert not satisfies("2.0", "~=1.4")


SCORING = """\
    rules:
      ring_for_points:
        "on": ring
        do: [{score: 3}]
    verbs:
      ring:
        words: [ring]
        default: You ring the air.
"""


def test_a_mod_that_gives_points_raises_the_possible_score(tmp_path):
    plain = load_content(FIXTURE)
    scoring = mod(tmp_path, "bells", "adds_score: 3\n", bells=SCORING)
    assert load_content(FIXTURE, (scoring,)).game.max_score == plain.game.max_score + 3
    assert load_content(FIXTURE, (scoring, mod(tmp_path, "more", "adds_score: 2\n"))).game.max_score \
        == plain.game.max_score + 5


def test_the_possible_score_cannot_fall_below_nothing(tmp_path):
    plain = load_content(FIXTURE)
    taking = mod(tmp_path, "taking", f"adds_score: -{plain.game.max_score + 1}\n")
    assert "taking/pack.yaml:4:13: error: with this, the game's possible score would be -1, less than nothing" \
        in errors(taking)


def test_the_game_sets_its_score_in_its_own_game_section(tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    for path in FIXTURE.iterdir():
        (game / path.name).write_text(path.read_text()) if path.is_file() else None
    manifest = game / "pack.yaml"
    manifest.write_text(manifest.read_text() + "adds_score: 4\n")
    with pytest.raises(ContentError) as caught:
        load_content(game)
    assert "adds_score is for mods" in str(caught.value)


def test_a_patched_class_day_the_game_does_not_have_is_an_error_in_the_mod(tmp_path):
    moved = mod(tmp_path, "moved", p="""\
        patch:
          classes:
            voice_training:
              days: [Firstday, Fithday]
    """)
    assert "moved/p.yaml:4:24: error: 'Fithday' is not one of the game's days (did you mean 'Fifthday'?)" \
        in errors(moved)
