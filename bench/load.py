"""(1) Content load, cold, and (2) content load, warm, each against the floor of plain parsing.

floor = `yaml.load(text, Loader=yaml.CSafeLoader)` of the same files, read from disk the same way.
cold  = `load_content(pack)` on a cache miss: everything the engine does before the first turn on
        a pack it has not seen (read, compose with positions, validate, link, index, audit), plus
        what its compiled cache adds on a miss (hashing the files for the key, writing the pickle).
        Each repetition gets a new, empty cache folder (ELYSIUM_CACHE), removed afterwards.
warm  = `load_content(pack)` on a cache hit: the cache folder already holds this pack. The first
        warm load reads and hashes the pack for the key and remembers how its files stand; the
        rest find the key from that standing, as every start after the second does.
Also reported, without a target, up to 10,000 rooms: cold with the cache switched off
(ELYSIUM_CACHE=off), the loader's own cost without the cache's hashing and writing. The first cold
load's cache folder becomes the warm one.

All run in turns (floor, cold, cold without cache, warm, floor, ...) in one process, a gc.collect()
before each, the garbage collector left as each side leaves it (load_content pauses it itself).
If the engine loses its cache (no elysium.content.cache), warm is a plain second load, noted.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import shutil
import time
from collections.abc import Callable

import yaml

from bench import packs
from bench.util import Row, Settings, median, ratio_row
from elysium.content import load_content

COLD_TARGET = ("<=", 1.0)
WARM_TARGET = ("<=", 0.05)
CACHE_ROOT = packs.CACHE / "content-cache"


def sizes(settings: Settings) -> list[int]:
    return [100, 1_000] if settings.quick else [100, 1_000, 10_000, 50_000]


def _reps(settings: Settings, rooms: int) -> int:
    if settings.quick:
        return 3
    return 3 if rooms >= 50_000 else 5


def floor_load(files: list) -> list:
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in files]


def engine_has_cache() -> bool:
    return importlib.util.find_spec("elysium.content.cache") is not None


class _CacheAt:
    """ELYSIUM_CACHE set to `value` for the duration of a with-block."""

    def __init__(self, value: str) -> None:
        self.value = value

    def __enter__(self) -> None:
        self.saved = os.environ.get("ELYSIUM_CACHE")
        os.environ["ELYSIUM_CACHE"] = self.value

    def __exit__(self, *exc: object) -> None:
        if self.saved is None:
            os.environ.pop("ELYSIUM_CACHE", None)
        else:
            os.environ["ELYSIUM_CACHE"] = self.saved


def _timed(fn: Callable[[], object], cache: str) -> float:
    with _CacheAt(cache):
        gc.collect()
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started


def measure(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    has_cache = engine_has_cache()
    for rooms in sizes(settings):
        folder = packs.pack(rooms)
        files = packs.yaml_files(folder)
        size = packs.yaml_bytes(folder)
        warm_dir = CACHE_ROOT / f"warm-{rooms}"
        miss_dir = CACHE_ROOT / f"miss-{rooms}"
        shutil.rmtree(warm_dir, ignore_errors=True)
        small = rooms <= 10_000
        if small:  # warm up imports and the OS's file cache (a 50,000-room load is its own warm-up)
            with _CacheAt("off"):
                load_content(folder)
        samples: dict[str, list[float]] = {"floor": [], "cold": [], "warm": []}
        if small:
            samples["cold_no_cache"] = []
        for _ in range(_reps(settings, rooms)):
            shutil.rmtree(miss_dir, ignore_errors=True)
            samples["floor"].append(_timed(lambda: floor_load(files), "off"))
            samples["cold"].append(_timed(lambda: load_content(folder), str(miss_dir)))
            if not warm_dir.exists():
                miss_dir.rename(warm_dir)  # the first cold load's cache is the warm one
            shutil.rmtree(miss_dir, ignore_errors=True)
            if small:
                samples["cold_no_cache"].append(_timed(lambda: load_content(folder), "off"))
            samples["warm"].append(_timed(lambda: load_content(folder), str(warm_dir)))
        shutil.rmtree(warm_dir, ignore_errors=True)
        shutil.rmtree(miss_dir, ignore_errors=True)
        floor, cold = median(samples["floor"]), median(samples["cold"])
        warm = median(samples["warm"])
        bare = median(samples["cold_no_cache"]) if small else None
        mb = size / 1e6
        common = {"rooms": rooms, "yaml_bytes": size, "files": len(files), "samples_s": samples,
                  "floor_mb_s": mb / floor, "engine_mb_s": mb / cold}
        rows.append(ratio_row(f"load.cold@{rooms}", f"(1) load cold, {rooms:,} rooms ({mb:.1f} MB) vs yaml.load",
                              cold, floor, "s", COLD_TARGET,
                              f"engine {mb / cold:.1f} MB/s, floor {mb / floor:.1f} MB/s"
                              + (f"; cache off: {bare:.3f} s ({bare / floor:.2f}x)" if bare else ""), **common))
        warm_note = ("cache hit" if has_cache else
                     "no compiled cache in the engine: warm repeats the cold work")
        rows.append(ratio_row(f"load.warm@{rooms}", f"(2) load warm, {rooms:,} rooms vs yaml.load",
                              warm, floor, "s", WARM_TARGET, warm_note, **common))
    return rows
