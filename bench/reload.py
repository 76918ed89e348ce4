"""(1) Reloading after an edit of one file of a big pack, against the cold load of the whole pack.

A = `Reloader.reload([file])` (elysium/content/incremental.py, what `play --dev` runs when a file
    changed) after a one-room description edit in the middle file of the 10,000-room pack (1,000
    with --quick): the file read and parsed again, its entries checked and linked against the rest,
    and a Content built equal to a full load's (checked once, untimed, against `load_content`).
B = line 1's cold load of the same pack: `load_content(pack)` on a cache miss, a new empty cache
    folder each time.
Each repetition edits the room's description anew (a different word each time), so every reload
has a real change to carry. Run in turns (B, A, B, A, ...), gc.collect() before each. Reported
beside it, without a target: `Game.reload(content)` on a game in progress, the engine's fitting of
the player's state to the new content, which `play --dev` runs after the reload.
"""

from __future__ import annotations

import os
import shutil
import time

from bench import packs
from bench.load import CACHE_ROOT, _CacheAt, _timed
from bench.util import Row, Settings, median, ratio_row
from elysium.content import load_content
from elysium.content.incremental import Reloader
from elysium.engine import Game

TARGET = ("<=", 0.05)
WORK = packs.CACHE / "reload"


def _edited(text: str, n: int) -> str:
    """The file with its first room's description starting with a new word."""
    marker = "    description: >-\n      "
    at = text.index(marker) + len(marker)
    end = text.index(" ", at)
    return text[:at] + f"Edit{n}" + text[end:]


def measure(settings: Settings) -> list[Row]:
    rooms = 1_000 if settings.quick else 10_000
    reps = 5 if settings.quick else 9
    source = packs.pack(rooms)
    folder = WORK / f"rooms_{rooms}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    regions = sorted((folder / "regions").glob("*.yaml"))
    edited = regions[len(regions) // 2]
    miss_dir = CACHE_ROOT / f"reload-miss-{rooms}"
    try:
        with _CacheAt("off"):
            load_content(folder)  # imports and the OS's file cache warmed, as line 1 does
            reloader = Reloader(folder)
            reloader.load()
            game = Game.new(folder, seed=1)
            game.opening()
        samples: dict[str, list[float]] = {"cold": [], "reload": [], "reload_cpu": [], "game_reload": []}
        text = edited.read_text(encoding="utf-8")
        fallbacks = 0
        for n in range(reps):
            shutil.rmtree(miss_dir, ignore_errors=True)
            samples["cold"].append(_timed(lambda: load_content(folder), str(miss_dir)))
            edited.write_text(_edited(text, n), encoding="utf-8")
            with _CacheAt("off"):
                cpu = time.process_time()
                samples["reload"].append(_timed(lambda: reloader.reload([edited]), "off"))
                samples["reload_cpu"].append(time.process_time() - cpu)
                fallbacks += reloader.last_was_full
                samples["game_reload"].append(_timed(lambda: game.reload(reloader.content), "off"))
        with _CacheAt("off"):
            same = reloader.content == load_content(folder)
    finally:
        shutil.rmtree(miss_dir, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    cold, reload = median(samples["cold"]), median(samples["reload"])
    game_reload = median(samples["game_reload"])
    note = (f"edit of one room in {edited.name} ({len(regions) + 1} files); the same Content as a full load: "
            f"{'yes' if same else 'NO'}; full loads instead: {fallbacks}; then Game.reload {game_reload * 1000:.0f} ms "
            f"({game_reload / cold:.2f}x)")
    row = ratio_row(f"reload.one_file@{rooms}", f"(1) reload after editing one file, {rooms:,} rooms vs its cold load",
                    reload, cold, "s", TARGET, note, rooms=rooms, samples_s=samples, same_as_full_load=same,
                    full_loads=fallbacks, load_average=os.getloadavg())
    if not same or fallbacks:
        row.status = "ERROR"
    return [row]
