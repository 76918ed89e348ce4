"""Measurements that need a process of their own; each prints one line of JSON last.

    python -m bench.probe world ROOMS COMMANDS REPS
        load the synthetic pack of ROOMS rooms in a fresh process with the content cache off (its
        peak RSS before and after: measurement 7), then time the synthetic walk of COMMANDS
        commands REPS times on fresh games (measurement 3, the world-size ratio).
    python -m bench.probe load ROOMS
        load the pack with the content cache as ELYSIUM_CACHE says; the peak RSS.
    python -m bench.probe yaml ROOMS
        the peak RSS of yaml.load (CSafeLoader) of the same pack, for comparison.
"""

from __future__ import annotations

import gc
import os
import sys
import time

from bench import packs
from bench.util import emit, peak_rss_mb, rss_mb


def world(rooms: int, commands: int, reps: int) -> dict:
    os.environ["ELYSIUM_CACHE"] = "off"  # a cold load: what the loader itself holds at its peak
    folder = packs.pack(rooms)
    from bench.latency import replay
    from elysium.content import load_content

    gc.collect()
    before, peak_before = rss_mb(), peak_rss_mb()
    started = time.perf_counter()
    content = load_content(folder)
    load_s = time.perf_counter() - started
    peak_after, after = peak_rss_mb(), rss_mb()
    gc.collect()
    settled = rss_mb()
    script = packs.walk(commands)
    runs = [replay(content, script) for _ in range(reps)]
    return {"rooms": rooms, "yaml_bytes": packs.yaml_bytes(folder), "load_s": load_s,
            "rss_before_mb": before, "peak_before_mb": peak_before, "peak_after_load_mb": peak_after,
            "rss_after_load_mb": after, "rss_after_gc_mb": settled, "script": script, "runs_s": runs}


def load_memory(rooms: int) -> dict:
    from elysium.content import load_content

    folder = packs.pack(rooms)
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    content = load_content(folder)
    seconds = time.perf_counter() - started
    return {"rooms": rooms, "rss_before_mb": before, "peak_after_load_mb": peak_rss_mb(), "load_s": seconds,
            "cache": os.environ.get("ELYSIUM_CACHE"), "rooms_loaded": len(content.rooms)}


def yaml_memory(rooms: int) -> dict:
    import yaml

    folder = packs.pack(rooms)
    gc.collect()
    before = rss_mb()
    data = [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in packs.yaml_files(folder)]
    peak = peak_rss_mb()
    return {"rooms": rooms, "rss_before_mb": before, "peak_after_load_mb": peak, "documents": len(data)}


def main(argv: list[str]) -> None:
    kind, *args = argv
    if kind == "world":
        emit(world(int(args[0]), int(args[1]), int(args[2])))
    elif kind == "load":
        emit(load_memory(int(args[0])))
    elif kind == "yaml":
        emit(yaml_memory(int(args[0])))
    else:
        raise SystemExit(f"unknown probe {kind!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
