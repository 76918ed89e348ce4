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



def test_findings_are_placed_in_the_files_the_load_read_not_in_every_file_decoded_again(monkeypatch, capsys):
    # Placing a finding needed the file that writes its entry: every file of every pack was decoded
    # again to find it, which cost as much as the load itself. The load's own documents say.
    from pathlib import Path

    import elysium.audit.places
    from elysium.cli import main

    decoded = []
    real = elysium.audit.places.decode_document
    monkeypatch.setattr(elysium.audit.places, "decode_document", lambda *args: decoded.append(args[1]) or real(*args))
    pack = Path(__file__).resolve().parents[1] / "fixtures" / "world"
    assert main(["audit", "--content", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "rooms.yaml:14:15: vestibule: 'vestibule' (room vestibule description) cannot be examined there" in out
    assert decoded == []
