"""Reloading after an edit gives exactly the Content a full load gives (issue 17 §4), reading only
the changed file where that is enough (content/incremental.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from elysium.content import ContentError, incremental, load_content
from elysium.content.incremental import KINDS_OF_MODELS, Reloader

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"

# Warnings of each source the load gathers, so that their places and order are compared too: an
# unreachable room and an item never placed (the audit), a flag read that nothing sets and one set
# that nothing reads (names_check), a number written where text belongs (the checker).
EXTRAS = """\
rooms:
  attic:
    name: Attic
    description: Dust and a round window.
    exits:
      down: vestibule
  loft:
    name: Loft
    description: 1234
    exits:
      west: attic
items:
  lost_button:
    name: lost button
    description: A brass button.
rules:
  attic_rule:
    on: look
    where: attic
    if: {flag: attic_swept}
    text: The attic is swept clean.
  loft_rule:
    on: look
    where: loft
    do:
      - set: loft_seen
"""


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    folder = tmp_path / "world"
    shutil.copytree(FIXTURE, folder)
    (folder / "extras.yaml").write_text(EXTRAS)
    return folder


@pytest.fixture
def parses(monkeypatch):
    """The files the reloader parses, by name."""
    seen: list[str] = []
    real = incremental.decode_document

    def counted(data, name):
        seen.append(Path(name).name)
        return real(data, name)

    monkeypatch.setattr(incremental, "decode_document", counted)
    return seen


def loaded(pack: Path) -> Reloader:
    reloader = Reloader(pack)
    reloader.load()
    return reloader


def assert_same(got, full) -> None:
    assert got == full
    for kind in KINDS_OF_MODELS:  # the same order too, which == on dicts does not look at
        assert list(getattr(got, kind)) == list(getattr(full, kind)), kind
    assert list(got.origins["rooms"]) == list(full.origins["rooms"])


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def errors_of(call) -> list[str]:
    with pytest.raises(ContentError) as raised:
        call()
    return [str(problem) for problem in raised.value.problems]


def test_the_fixture_has_warnings_of_every_source(pack):
    messages = " | ".join(w.message for w in load_content(pack).warnings)
    for part in ("cannot be reached", "never placed", "nothing ever sets it", "nothing ever reads it", "quote"):
        assert part in messages


def test_an_edited_text_is_read_from_that_file_alone(pack, parses):
    reloader = loaded(pack)
    parses.clear()
    changed = edit(pack / "rooms.yaml", "name: Cloakroom", "name: The Cloakroom")
    got = reloader.reload([changed])
    assert parses == ["rooms.yaml"] and not reloader.last_was_full
    assert got.rooms["cloakroom"].name == "The Cloakroom"
    assert_same(got, load_content(pack))


def test_lines_added_above_move_the_warnings_of_that_file(pack, parses):
    reloader = loaded(pack)
    parses.clear()
    changed = edit(pack / "extras.yaml", "rooms:\n", "# a note\n# and another\n\nrooms:\n")
    got = reloader.reload([changed])
    assert parses == ["extras.yaml"] and not reloader.last_was_full
    assert_same(got, load_content(pack))
    assert any(w.mark.file.endswith("extras.yaml") and w.mark.line > 3 for w in got.warnings)


def test_a_flag_newly_set_clears_the_warnings_of_other_files(pack):
    reloader = loaded(pack)
    changed = edit(pack / "extras.yaml", "      - set: loft_seen", "      - set: loft_seen\n      - set: attic_swept")
    got = reloader.reload([changed])
    assert not reloader.last_was_full
    assert not any("attic_swept" in w.message for w in got.warnings)
    assert_same(got, load_content(pack))


def test_a_placed_item_runs_the_audit_again(pack):
    reloader = loaded(pack)
    changed = edit(pack / "extras.yaml", "A brass button.", "A brass button.\n    location: attic")
    got = reloader.reload([changed])
    assert not reloader.last_was_full
    assert not any("'lost_button' is never placed" in w.message for w in got.warnings)
    assert_same(got, load_content(pack))


def test_a_changed_exit_runs_the_audit_again(pack):
    reloader = loaded(pack)
    changed = edit(pack / "extras.yaml", "      west: attic", "      west: attic\n      east: vestibule")
    got = reloader.reload([changed])
    assert not reloader.last_was_full
    assert_same(got, load_content(pack))


def test_several_edits_in_a_row_each_match_a_full_load(pack):
    reloader = loaded(pack)
    for n in range(3):
        changed = edit(pack / "extras.yaml", "A brass button", f"A brass button, edit {n}")
        got = reloader.reload([changed])
        assert not reloader.last_was_full
        assert_same(got, load_content(pack))


def test_entries_added_and_removed(pack):
    reloader = loaded(pack)
    text = (pack / "extras.yaml").read_text()
    text = text.replace("  lost_button:\n    name: lost button\n    description: A brass button.\n",
                        "  odd_sock:\n    name: odd sock\n    description: Striped.\n    location: attic\n")
    (pack / "extras.yaml").write_text(text)
    got = reloader.reload([pack / "extras.yaml"])
    assert not reloader.last_was_full
    assert "odd_sock" in got.items and "lost_button" not in got.items
    assert_same(got, load_content(pack))


def test_an_entry_added_among_others_keeps_the_order_of_a_full_load(pack):
    reloader = loaded(pack)
    changed = edit(pack / "rooms.yaml", "  cloakroom:\n", "  boot_room:\n    name: Boot Room\n    description: Boots.\n"
                   "    exits: {north: cloakroom}\n\n  cloakroom:\n")
    got = reloader.reload([changed])
    assert not reloader.last_was_full
    assert list(got.rooms).index("boot_room") == list(got.rooms).index("cloakroom") - 1
    assert_same(got, load_content(pack))


def test_an_id_another_file_already_uses_is_reported_as_in_a_full_load(pack):
    reloader = loaded(pack)
    edit(pack / "extras.yaml", "  lost_button:\n", "  gem:\n")
    problems = errors_of(lambda: reloader.reload([pack / "extras.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))
    assert any("already used" in line for line in problems)


def test_a_removed_entry_that_another_file_names_is_reported_as_in_a_full_load(pack):
    reloader = loaded(pack)
    edit(pack / "items.yaml", "  gem:\n", "  gemstone:\n")
    problems = errors_of(lambda: reloader.reload([pack / "items.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))
    assert any("rules.yaml" in line and "gem" in line for line in problems)


def test_a_new_file(pack):
    reloader = loaded(pack)
    (pack / "more.yaml").write_text("rooms:\n  porch:\n    name: Porch\n    description: A porch.\n"
                                    "    exits: {west: attic}\n")
    got = reloader.reload([pack / "more.yaml"])
    assert not reloader.last_was_full
    assert "porch" in got.rooms
    assert_same(got, load_content(pack))


def test_new_files_in_the_middle_and_in_a_sub_folder_take_their_place_in_the_load_order(pack, parses):
    reloader = loaded(pack)
    parses.clear()
    (pack / "area").mkdir()
    (pack / "area" / "porch.yaml").write_text("rooms:\n  porch:\n    name: Porch\n    description: A porch.\n"
                                              "    exits: {west: attic}\n")
    (pack / "lantern_rule.yml").write_text("rules:\n  porch_rule:\n    on: look\n    where: porch\n"
                                           "    text: The porch creaks.\n")
    (pack / "npcs_more.yaml").write_text("items:\n  pebble:\n    name: pebble\n    description: Grey.\n"
                                         "    location: porch\n")
    got = reloader.reload([pack / "area" / "porch.yaml", pack / "lantern_rule.yml", pack / "npcs_more.yaml"])
    assert not reloader.last_was_full
    assert sorted(parses) == ["lantern_rule.yml", "npcs_more.yaml", "porch.yaml"]
    assert_same(got, load_content(pack))
    (pack / "npcs_more.yaml").unlink()
    got = reloader.reload([pack / "npcs_more.yaml"])
    assert not reloader.last_was_full
    assert_same(got, load_content(pack))


def test_a_deleted_file(pack):
    reloader = loaded(pack)
    (pack / "extras.yaml").unlink()
    got = reloader.reload([pack / "extras.yaml"])
    assert not reloader.last_was_full
    assert "attic" not in got.rooms
    assert_same(got, load_content(pack))


def test_a_deleted_file_whose_entries_another_file_names_is_reported_as_in_a_full_load(pack):
    reloader = loaded(pack)
    (pack / "items.yaml").unlink()
    problems = errors_of(lambda: reloader.reload([pack / "items.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))
    assert any("unknown" in line for line in problems)


def test_an_edited_manifest(pack):
    reloader = loaded(pack)
    changed = edit(pack / "pack.yaml", "version: 0.1.0", "version: 0.2.0")
    got = reloader.reload([changed])
    assert reloader.last_was_full
    assert got.pack.version == "0.2.0"
    assert_same(got, load_content(pack))


def test_a_renamed_id_leaves_references_dangling_as_in_a_full_load(pack):
    reloader = loaded(pack)
    before = reloader.content
    edit(pack / "rooms.yaml", "  cloakroom:\n", "  coatroom:\n")
    problems = errors_of(lambda: reloader.reload([pack / "rooms.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))
    assert any("unknown room 'cloakroom'" in line for line in problems)
    assert reloader.content is before


@pytest.mark.parametrize("old, new", [
    ("    name: Attic\n", "    name: [Attic\n"),  # YAML that does not parse
    ("    name: Attic\n", "    name: Attic\n    colour: grey\n"),  # a field the schema does not know
    ("      down: vestibule", "      down: vestibul"),  # an exit to nowhere
])
def test_a_broken_edit_is_reported_as_a_full_load_reports_it_and_the_old_content_stays(pack, old, new):
    reloader = loaded(pack)
    before = reloader.content
    edit(pack / "extras.yaml", old, new)
    problems = errors_of(lambda: reloader.reload([pack / "extras.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))
    assert all(":" in line.split(" ")[0] for line in problems)  # file:line:col
    assert reloader.content is before
    edit(pack / "extras.yaml", new, old)  # mended as it was: nothing to change in play
    assert reloader.reload([pack / "extras.yaml"]) is None
    assert_same(reloader.content, load_content(pack))
    edit(pack / "extras.yaml", "Dust and", "Dust, cobwebs and")  # the next edit builds on the last good load
    got = reloader.reload([pack / "extras.yaml"])
    assert not reloader.last_was_full
    assert_same(got, load_content(pack))


def test_a_broken_edit_then_an_edit_elsewhere_still_sees_the_broken_file(pack):
    reloader = loaded(pack)
    edit(pack / "extras.yaml", "    name: Attic\n", "    name: [Attic\n")
    with pytest.raises(ContentError):
        reloader.reload([pack / "extras.yaml"])
    edit(pack / "rooms.yaml", "name: Cloakroom", "name: The Cloakroom")
    problems = errors_of(lambda: reloader.reload([pack / "rooms.yaml"]))
    assert problems == errors_of(lambda: load_content(pack))


def test_a_file_saved_unchanged_reloads_nothing(pack, parses):
    reloader = loaded(pack)
    parses.clear()
    (pack / "rooms.yaml").write_text((pack / "rooms.yaml").read_text())
    assert reloader.reload([pack / "rooms.yaml"]) is None
    assert parses == []


def test_the_fingerprint_of_the_pack_follows_the_edit(pack):
    reloader = loaded(pack)
    before = reloader.content.packs
    changed = edit(pack / "extras.yaml", "A brass button.", "A tin button.")
    got = reloader.reload([changed])
    assert got.packs != before and got.packs == load_content(pack).packs


def test_play_dev_carries_the_game_on_with_the_edit(pack):
    import argparse

    from elysium.cli import dev_reloader
    from elysium.engine import Game

    game = Game.new(pack, seed=1)
    game.opening()
    game.turn("take lantern. e")
    before = {key: game.state[key] for key in ("location", "time", "flags", "score")}
    reload = dev_reloader(argparse.Namespace(content=pack, packs=[]))
    assert reload(game) == ""
    edit(pack / "rooms.yaml", "name: Cloakroom", "name: The Cloakroom")
    assert reload(game) == "(The content was reloaded: 1 room changed.)"
    assert {key: game.state[key] for key in before} == before
    assert game.state["items"]["lantern"]["at"] == "player"
    assert game.turn("look").startswith("The Cloakroom")
    edit(pack / "rooms.yaml", "name: The Cloakroom", "name: [Cloakroom")
    told = reload(game)
    assert told.startswith("(The packs changed, but they have errors; the game goes on as it was.)")
    assert "rooms.yaml:" in told
    assert game.turn("look").startswith("The Cloakroom")
    assert game.errors == []


MOD = """\
rooms:
  shed:
    name: Garden Shed
    description: Pots and twine.
    exits: {west: cloakroom}
items:
  trowel:
    name: trowel
    description: A rusty trowel.
    location: shed
"""


@pytest.fixture
def mod(pack):
    folder = pack.parent / "garden"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: garden\nname: Garden\nversion: 1.0.0\nrequires: {fixture_world: ''}\n")
    (folder / "shed.yaml").write_text(MOD)
    return folder


def test_a_mod_s_edited_text_is_read_from_that_file_alone(pack, mod, parses):
    reloader = Reloader(pack, (mod,))
    reloader.load()
    parses.clear()
    changed = edit(mod / "shed.yaml", "A rusty trowel.", "A bright trowel.")
    got = reloader.reload([changed])
    assert parses == ["shed.yaml"] and not reloader.last_was_full
    assert got.items["garden:trowel"].description == "A bright trowel."
    assert_same(got, load_content(pack, (mod,)))


def test_a_mod_s_new_entry_reads_everything_again(pack, mod):
    reloader = Reloader(pack, (mod,))
    reloader.load()
    changed = edit(mod / "shed.yaml", "items:\n", "items:\n  twine:\n    name: twine\n    description: Green.\n"
                   "    location: shed\n")
    got = reloader.reload([changed])
    assert reloader.last_was_full
    assert_same(got, load_content(pack, (mod,)))


def test_a_fault_in_the_reloader_itself_falls_back_to_a_full_load(pack, monkeypatch):
    reloader = loaded(pack)

    def broken(*args):
        raise RuntimeError("a bug in the incremental path")

    monkeypatch.setattr(reloader, "rebuild", broken)
    changed = edit(pack / "rooms.yaml", "name: Cloakroom", "name: The Cloakroom")
    got = reloader.reload([changed])
    assert reloader.last_was_full
    assert_same(got, load_content(pack))
