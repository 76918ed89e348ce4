"""The indexes a Content makes of itself (rules by verb and by thing, doors by room, walks, every
NPC's scheduled minutes) are made from its content alone: a copy made with `replace()`, as the
loader makes one to add the warnings, has the same indexes, not the old ones added to again."""

from __future__ import annotations

import dataclasses

import pytest

from elysium.content import load_content


@pytest.fixture(scope="module")
def campus():
    return load_content()


def test_the_scheduled_minutes_are_sorted_and_each_is_there_once(campus):
    times = campus.schedule_times
    assert times == sorted(set(times))
    expected = {(at, n, npc.id) for n, npc in enumerate(campus.npcs.values()) for at, *_ in campus.schedule_of(npc)}
    assert set(times) == expected


def test_a_copy_has_the_same_indexes_and_the_original_keeps_its_own(campus):
    before = {name: getattr(campus, name) for name in INDEXES}
    copy = dataclasses.replace(campus, warnings=())
    for name in INDEXES:
        assert getattr(copy, name) == before[name], name
        assert getattr(campus, name) == before[name], name


def test_a_copy_without_rules_has_no_rules_in_its_indexes(campus):
    copy = dataclasses.replace(campus, rules={})
    assert copy.rules_by_verb == {} and copy.rules_by_target == {}
    assert campus.rules_by_verb


INDEXES = ("rules_by_verb", "rules_by_target", "doors_by_room", "rounds", "schedule_times")


def test_the_loads_copy_with_its_facts_equals_a_replace_and_shares_the_indexes(campus):
    facts = dict(warnings=(), packs=({"id": "x", "version": "1", "hash": "0"},), mods=())
    copy = campus.with_load_facts(facts["warnings"], facts["packs"], facts["mods"])
    assert copy == dataclasses.replace(campus, **facts)
    assert all(getattr(copy, name) is getattr(campus, name) for name in INDEXES)
    assert campus.packs != facts["packs"]
