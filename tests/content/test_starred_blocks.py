"""The Starred Blocks pack as a whole: everything in it can be reached, found and finished."""

from __future__ import annotations

from typing import Any

import pytest

from elysium.content import audit, load_content
from elysium.content.model import Variant


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_every_room_is_reachable_from_the_start(content):
    assert set(content.rooms) - audit.reachable_rooms(content) == set()


def test_every_lore_entry_can_be_found(content):
    assert set(content.lore) - audit.obtainable_lore(content) == set()


def test_every_ending_can_be_reached(content):
    assert set(content.endings) - audit.reachable_endings(content) == set()


def test_every_piece_can_be_learned(content):
    assert set(content.pieces) - audit.learnable_pieces(content) == set()


def test_every_item_is_somewhere_or_brought_into_play(content):
    assert set(content.items) - audit.placed_items(content) == set()


def texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v.text if isinstance(v, Variant) else v.get("text", "") for v in value]


def test_no_text_is_empty_or_a_placeholder(content):
    found = []
    for kind in ("rooms", "items", "npcs", "lore", "pieces", "classes", "recitals", "endings"):
        for entry in getattr(content, kind).values():
            for field in ("description", "text", "here", "greeting", "default"):
                for text in texts(getattr(entry, field, None)):
                    found.append((f"{kind}.{entry.id}.{field}", text))
    for npc in content.npcs.values():
        for topic in npc.topics.values():
            found += [(f"npcs.{npc.id}.topics.{topic.id}", t) for t in texts(topic.text)]
    assert found
    for where, text in found:
        assert text.strip(), f"{where} is empty"
        lowered = text.lower()
        assert not any(mark in lowered for mark in ("lorem", "todo", "tbd", "placeholder", "xxx")), where


def test_the_pack_is_as_large_as_a_term_needs(content):
    assert len(content.rooms) >= 30
    assert len(content.items) >= 60
    assert len(content.npcs) >= 10
    assert len(content.lore) >= 40
    assert len(content.endings) >= 4
    assert {"music_theory", "bardic_history", "storytelling", "poetry", "performance"} <= {
        course.skill for course in content.classes.values()}


def test_every_npc_has_topics_and_a_schedule(content):
    for npc in content.npcs.values():
        assert len(npc.topics) >= 5, npc.id
        assert npc.schedule, npc.id


def test_the_pack_names_at_least_one_rival_and_one_friend(content):
    prose = " ".join(t for npc in content.npcs.values() for t in texts(npc.description)).lower()
    assert "rival" in prose or any("rival" in (t.keywords or ()) for n in content.npcs.values()
                                   for t in n.topics.values())
    assert "friend" in prose
