"""What a load lets go of before it ends (issue 17 item 1): the peak of memory of a load is the
content plus whatever the loader still holds beside it, so the loader holds no copy it no longer
needs. `python -m bench --only memory` measures the peak; these prove what is let go."""

from __future__ import annotations

import shutil
import weakref
from pathlib import Path

import pytest

from elysium.content import ContentError, cache, load_content
from elysium.content.assemble import Assembly
from elysium.content.files import PackFiles

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURE, tmp_path / "world"))


def test_a_cache_hit_lets_the_packs_bytes_go_before_the_content_is_built(pack):
    load_content(pack)
    packs = [PackFiles(pack)]
    assert packs[0].data  # read for the key
    content, _ = cache.read(packs)
    assert content is not None and content == load_content(pack)
    assert packs[0].data == {}


def test_a_damaged_cache_file_after_the_bytes_went_still_loads_the_pack_from_its_files(pack, monkeypatch):
    load_content(pack)
    for path in (pack.parent / "cache").glob("*.pickle"):
        path.write_bytes(b"\x80\x05not a pickle")
    from_files = load_content(pack)
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    assert from_files == load_content(pack)


def test_an_assembled_load_keeps_neither_the_files_data_nor_the_entries_fields_but_their_places(pack):
    assembly = Assembly()
    content = assembly.run(PackFiles(pack), [])
    places = [place for entries in assembly.entries.values() for _, place in entries.values()]
    fields = [fields for entries in assembly.entries.values() for fields, _ in entries.values()]
    assert places and all(place.doc.data is None for place in places)
    assert all(found is None for found in fields)
    # the places still say where each entry is written, for warnings and coverage reports
    room_place = assembly.entries["rooms"]["vestibule"][1]
    assert room_place.mark.file.endswith(".yaml") and room_place.mark.line >= 1
    assert content.rooms["vestibule"].name


def test_names_that_all_match_build_no_did_you_mean_index(monkeypatch):
    # Over a big world's flags and records the indexes were the largest thing a load made (127 MB
    # at 50,000 rooms): they are made only for a warning that needs a suggestion.
    from elysium.content import names_check
    from elysium.content.names_check import NameUse, warnings

    made = []
    real = names_check._Suggestions
    monkeypatch.setattr(names_check, "_Suggestions", lambda names: made.append(names) or real(names))
    uses = [NameUse("flag", f"ward_{n}", read, None, ()) for n in range(50) for read in (True, False)]
    assert warnings(uses, records=[f"kept_{n}" for n in range(50)]) == []
    assert made == []


def test_a_warning_still_suggests_the_name_a_typo_away(tmp_path):
    from elysium.content.names_check import NameUse, warnings
    from elysium.content.yamlsafe import parse_document

    doc = parse_document("flags: [lantern_lit, lantern_lt]\n", "f.yaml")
    uses = [NameUse("flag", "lantern_lit", False, doc, ("flags", 0)),
            NameUse("flag", "lantern_lt", True, doc, ("flags", 1))]
    found = warnings(uses)
    assert [p.message for p in found] == [
        "the flag 'lantern_lit' is set here, but nothing ever reads it (did you mean 'lantern_lt'?)",
        "the flag 'lantern_lt' is read here, but nothing ever sets it (did you mean 'lantern_lit'?)"]


def test_a_load_lets_go_of_the_files_texts_and_reads_a_file_again_for_a_position(pack):
    from elysium.content.yamlsafe import read_document

    assembly = Assembly()
    assembly.run(PackFiles(pack), [])
    place = assembly.entries["rooms"]["vestibule"][1]
    assert all(p.doc.text == "" for entries in assembly.entries.values() for _, p in entries.values()
               if p.doc._positions is None)
    written = read_document(Path(place.doc.file), pack=pack)  # the pack is outside the working folder
    assert place.mark == written.key_mark(place.path) and place.mark.line > 1


def test_a_file_changed_since_it_was_read_gives_no_position_rather_than_a_wrong_one(pack):
    assembly = Assembly()
    assembly.run(PackFiles(pack), [])
    place = assembly.entries["rooms"]["vestibule"][1]
    source = Path(place.doc.file)
    source.write_text("# moved down\n" * 5 + source.read_text(encoding="utf-8"), encoding="utf-8")
    assert (place.mark.line, place.mark.column) == (1, 1)


SHARING = """\
rooms:
  hall:
    name: Hall
    description: A long hall whose walls are hung with the portraits of every warden there has been.
    exits: {north: study}
  study:
    name: Study
    description: A long hall whose walls are hung with the portraits of every warden there has been.
    exits: {south: hall}
items:
  red_cup: {name: red cup, location: hall, description: A cup glazed the colour of a winter sunset.}
  blue_cup: {name: red cup, location: study, description: A cup glazed the colour of a winter sunset.}
npcs:
  ada:
    name: Ada
    location: hall
    description: A porter.
    topics: {weather: {keywords: [weather, rain], text: The rain has not stopped since the first of the month.}}
  bo:
    name: Bo
    location: study
    description: A porter.
    topics: {weather: {keywords: [weather, rain], text: The rain has not stopped since the first of the month.}}
"""


def _pack(tmp_path: Path, name: str, content: str) -> Path:
    """A game of one content file, starting in its `hall`."""
    folder = tmp_path / name
    folder.mkdir()
    title = name.title()
    (folder / "pack.yaml").write_text(f"id: {name}\nname: {title}\nversion: 1.0.0\ngame: {{title: {title}, start: hall}}\n")
    (folder / "content.yaml").write_text(content)
    return folder


def test_equal_texts_and_words_are_one_object_in_the_content_and_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    folder = _pack(tmp_path, "shared", SHARING)
    for content in (load_content(folder), load_content(folder)):  # built, then read from the cache
        rooms, items, npcs = content.rooms, content.items, content.npcs
        assert rooms["hall"].description is rooms["study"].description
        assert items["red_cup"].description is items["blue_cup"].description
        assert items["red_cup"].nouns is items["blue_cup"].nouns == ("cup",)
        assert items["red_cup"].adjectives is items["blue_cup"].adjectives == ("red",)
        ada, bo = npcs["ada"].topics["weather"], npcs["bo"].topics["weather"]
        assert ada.keywords is bo.keywords and ada.text is bo.text


def test_only_texts_and_tuples_of_texts_are_shared():
    from elysium.content.assemble import _Shared

    share = _Shared()
    assert share((1, 2)) == (1, 2) and share((True, 2)) == (True, 2)
    assert type(share((True, 2))[0]) is bool  # equal to (1, 2), but not the same value
    effects = ({"say": "hi"},)
    assert share(effects) is effects


def test_references_to_entries_already_read_are_not_kept_to_the_end_of_the_load(tmp_path):
    # one record per exit, location and effect naming a thing: 100 MB at 50,000 rooms, kept only
    # to find the few that name nothing
    folder = _pack(tmp_path, "shared", SHARING)
    (folder / "later.yaml").write_text("rooms:\n  attic: {name: Attic, description: Dust., exits: {down: hall}}\n"
                                       "  cellar: {name: Cellar, description: Damp., exits: {up: nursery}}\n")
    assembly = Assembly()
    with pytest.raises(Exception) as raised:
        assembly.run(PackFiles(folder), [])
    # the manifest's start is read before any room; then only the reference that names nothing is left
    assert [(r.kind, r.id) for r in assembly.checker.references] == [("rooms", "hall"), ("rooms", "nursery")]
    assert "unknown room 'nursery'" in str(raised.value)


def test_the_assembly_and_its_records_are_gone_before_the_cache_is_written(pack, monkeypatch):
    # The loader pauses the collector, so an assembly in a cycle stayed beside the pickler's own
    # records of every object while the cache was written.
    import gc

    alive = []
    write = cache.write
    monkeypatch.setattr(cache, "write", lambda key, content: (
        alive.append(sum(isinstance(thing, Assembly) for thing in gc.get_objects())), write(key, content)))
    gc.collect()
    load_content(pack)
    assert alive == [0]


class _Watched(Assembly):
    """An assembly that notes, once every file is read, what each kind's entries hold."""

    def resolve_references(self) -> None:
        self.held_when_read = {kind: {type(fields).__name__ for fields, _ in entries.values()}
                               for kind, entries in self.entries.items() if entries}
        super().resolve_references()


class _BuiltAtTheEnd(Assembly):
    builds_early = False


def test_without_patches_each_files_entries_are_models_as_soon_as_the_file_is_read(pack):
    # Holding every entry's converted fields to the end, and the models beside them while they
    # were built, was most of a big world's cold-load peak (378 -> 310 MB at 50,000 rooms).
    assembly = _Watched()
    content = assembly.run(PackFiles(pack), [])
    held = assembly.held_when_read
    assert held["rooms"] == {"Room"} and held["items"] == {"Item"} and held["npcs"] == {"Npc"}
    assert held["rules"] == {"dict"}  # their verbs are known only once every pack is read
    assert content == _BuiltAtTheEnd().run(PackFiles(pack), [])


def test_a_patch_in_a_later_file_keeps_every_entry_open_to_it(pack):
    (pack / "zz_patch.yaml").write_text("patch:\n  rooms:\n    vestibule:\n      name: The Patched Hall\n")
    assembly = _Watched()
    content = assembly.run(PackFiles(pack), [])
    assert assembly.held_when_read["rooms"] == {"dict"}
    assert content.rooms["vestibule"].name == "The Patched Hall"


@pytest.mark.parametrize("key", ['"p\\x61tch":', '"p\\u0061tch":', '? "pat\\\n  ch"\n:', "'patch':", "patch :"])
def test_a_patch_however_its_key_is_spelt_is_seen_before_the_files_are_read(pack, key):
    (pack / "zz_patch.yaml").write_text(f"{key}\n  rooms:\n    vestibule:\n      name: The Patched Hall\n")
    assert load_content(pack).rooms["vestibule"].name == "The Patched Hall"


def test_a_word_that_only_contains_patch_does_not_keep_the_entries_open(pack):
    (pack / "zz_coat.yaml").write_text("items:\n  coat:\n    name: patched coat\n"
                                       "    description: Patched at the elbows.\n    location: vestibule\n")
    assembly = _Watched()
    content = assembly.run(PackFiles(pack), [])
    assert assembly.held_when_read["items"] == {"Item"}
    assert content == _BuiltAtTheEnd().run(PackFiles(pack), [])


def test_a_device_that_gives_light_and_says_lit_is_still_refused_when_built_early(pack):
    (pack / "zz_lamp.yaml").write_text("items:\n  lamp:\n    name: brass lamp\n    description: A lamp.\n"
                                       "    location: vestibule\n    device: true\n    light: true\n"
                                       "    lit: false\n")
    with pytest.raises(ContentError) as caught:
        load_content(pack)
    assert [p.message for p in caught.value.problems] == [
        "'lamp' is a device that gives light, so it is alight while switched on: say switched_on, not lit"]


def test_the_load_warnings_find_unplaced_items_without_a_set_of_every_placed_one(pack, monkeypatch):
    # A set of every placed item, made twice (for items and for the lore they carry), was the
    # largest thing the load's warnings made: they ask only which items an effect moves.
    from elysium.content import audit
    monkeypatch.setattr(audit, "placed_items", None)
    (pack / "zz_lost.yaml").write_text(
        "items:\n"
        "  lost_ring: {name: lost ring, description: A ring., location: nowhere}\n"
        "  folded_map: {name: folded map, description: A map., location: nowhere, lore: map_lore}\n"
        "lore:\n"
        "  map_lore: {title: The Map, text: Lines on it.}\n"
        "rules:\n"
        "  find_map: {on: nap, do: [{move: folded_map, to: player}]}\n")
    content = load_content(pack)
    assert [p.message for p in content.warnings if p.mark.file.endswith("zz_lost.yaml")] == [
        "item 'lost_ring' is never placed in the world"]


def test_places_kept_for_every_entry_are_small_and_say_the_same_as_before(pack):
    early, late = Assembly(), _BuiltAtTheEnd()
    early.run(PackFiles(pack), [])
    late.run(PackFiles(pack), [])
    for kind, entries in late.entries.items():
        for entry_id, (_, place) in entries.items():
            kept = early.entries[kind][entry_id][1]
            assert (kept.doc.file, kept.path, kept.mark) == (place.doc.file, place.path, place.mark)
    room_place = early.entries["rooms"]["vestibule"][1]
    assert not hasattr(room_place, "__dict__") and type(room_place).__name__ == "_Entry"
    # and only the items with rules of their own have a count of them
    assert 0 < len(early.item_rule_counts) < len(early.entries["items"])
    assert all(early.item_rule_counts.values())


EQUAL_CONDITIONS = """\
rooms:
  hall:
    name: Hall
    description: A hall.
    exits:
      north: {to: study, if: {flag: quiet_bells}, else: The door will not give.}
  study:
    name: Study
    description: A study.
    exits:
      south: {to: hall, if: {flag: quiet_bells}, else: The door will not give.}
rules:
  ring_one:
    on: [sing]
    if: {flag: quiet_bells}
    do: [{say: Ding.}, {set: rung}]
  ring_two:
    on: [sing]
    if: {flag: quiet_bells}
    do: [{say: Ding.}, {set: rung}]
  ring_three:
    on: [sing]
    if: {counter: rings, at_least: 1}
  ring_four:
    on: [sing]
    if: {at_least: 1, counter: rings}
"""


def test_equal_conditions_and_effects_are_one_object_when_read_from_the_cache(tmp_path, monkeypatch):
    # a dict for every `if:` and effect as written: about 12 MB of equal copies at 50,000 rooms
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    folder = _pack(tmp_path, "conditions", EQUAL_CONDITIONS)
    built = load_content(folder)
    content, _ = cache.read([PackFiles(folder)])
    assert content == built
    rules, exits = content.rules, (content.rooms["hall"].exits["north"], content.rooms["study"].exits["south"])
    assert rules["ring_one"].condition is rules["ring_two"].condition is exits[0].condition is exits[1].condition
    assert rules["ring_one"].effects is rules["ring_two"].effects
    assert exits[0].refusal is exits[1].refusal
    three, four = rules["ring_three"].condition, rules["ring_four"].condition
    assert three == four and three is not four and list(four) == ["at_least", "counter"]  # as written


def test_equal_values_are_told_apart_by_their_types_and_order():
    assert cache._key({"a": 1}) != cache._key({"a": True}) != cache._key({"a": 1.0}) != cache._key({"a": 1})
    assert cache._key({"a": 1, "b": 2}) != cache._key({"b": 2, "a": 1})
    assert cache._key([{"say": "hi"}]) != cache._key(({"say": "hi"},))
    assert cache._key({"a": [1, 2]}) == cache._key({"a": [1, 2]})
    assert cache._key({"a": (1, "x")}) != cache._key({"a": [1, "x"]})


def test_a_cache_hit_makes_the_tables_into_models_once_the_unpickler_is_gone(pack, monkeypatch):
    # the unpickler's memo holds every object it has read until it is gone: the models made
    # beside it were the peak of a warm load (174 -> 160 MB traced at 50,000 rooms)
    from elysium.content import model

    load_content(pack)
    made = []
    real = model._from_table
    unpicklers = []

    class Watched(cache._ModelOnly):
        def __init__(self, *args):
            super().__init__(*args)
            unpicklers.append(weakref.ref(self))

    def watched(cls, parts):
        made.append((all(ref() is None for ref in unpicklers), [values for values, _ in parts]))
        return real(cls, parts)

    monkeypatch.setattr(cache, "_ModelOnly", Watched)
    monkeypatch.setattr(model, "_from_table", watched)
    content, _ = cache.read([PackFiles(pack)])
    assert unpicklers and len(made) == 2 and all(gone for gone, _ in made)
    assert all(values == [] for _, parts in made for values in parts)  # each part let go as it is made
    assert content == load_content(pack)


def _held_by(value, depth: int = 2) -> list:
    """What `value` holds, and what that holds, `depth` levels down (gc's view, classes left out)."""
    import gc

    found, level = [], [value]
    for _ in range(depth):
        level = [each for each in gc.get_referents(*level) if not isinstance(each, type)]
        found += level
    return found


@pytest.mark.parametrize("cache_on", [True, False], ids=["warm", "cold"])
def test_a_rooms_plain_exits_are_held_as_their_targets_not_as_exits_in_a_dict(pack, monkeypatch, cache_on):
    # a dict and an Exit for each way out were 25.5 MB of the content at 50,000 rooms
    from elysium.content import model

    if cache_on:
        load_content(pack)  # fills the cache: the next load is warm
    else:
        monkeypatch.setenv("ELYSIUM_CACHE", "off")
    vestibule = load_content(pack).rooms["vestibule"]
    held = _held_by(vestibule.exits)
    assert not any(isinstance(each, dict) for each in held)
    assert sorted(each.direction for each in held if type(each) is model.Exit) == ["down", "up"]  # a door, a condition
    assert vestibule.exits["north"] == model.Exit("north", "practice_hall")
