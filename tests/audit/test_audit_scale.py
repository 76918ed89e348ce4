"""The scenery audit's cost follows the world's size, not its square: it finds the items of a room
(and those a person holds) through an index made once, instead of reading every item of the game
for every room. The bench line `audit` (bench/tools.py) measures the time; this proves the shape."""

from __future__ import annotations

from dataclasses import replace

from elysium.audit.scenery import reply_gaps, scenery_coverage
from elysium.content import load_content
from elysium.content.loader import default_content_dir


class CountedItems(dict):
    """The items table, counting how often the whole of it is read."""

    reads = 0

    def values(self):
        CountedItems.reads += 1
        return super().values()


def _reads_of_every_item(check) -> int:
    content = load_content(default_content_dir())
    counted = replace(content, items=CountedItems(content.items))
    CountedItems.reads = 0
    check(counted)
    return CountedItems.reads


def test_the_scenery_check_reads_the_whole_items_table_a_few_times_not_once_a_room():
    rooms = len(load_content(default_content_dir()).rooms)
    assert rooms > 20
    # Game.from_content and the index each read it once or twice, whatever the number of rooms.
    assert _reads_of_every_item(scenery_coverage) < 5
    assert _reads_of_every_item(reply_gaps) < 5

