"""(7) Memory: the peak RSS of a fresh process that has loaded the largest pack (50,000 rooms;
10,000 with --quick), and its ratio to the size of the pack's YAML on disk. No target: reported so
that a change in the loader's memory shows.

cold   the process latency.py starts for the world-size walk (bench/probe.py), with the content
       cache off: peak RSS (VmHWM in /proc/self/status) right after load_content returns.
warm   a fresh process loading the same pack from the compiled cache, as every start after the
       second does: one process fills the cache, a second reads it back (reading and hashing the
       pack for its key, and remembering how its files stand: content/standing.py), and the third
       is measured; the second's peak is in the note. Not with --quick.
yaml   for comparison, a process that only yaml.load()s the same files (CSafeLoader) and keeps them.
"""

from __future__ import annotations

import os
import shutil

from bench.latency import world_probe, world_sizes
from bench.load import CACHE_ROOT, engine_has_cache
from bench.util import Row, Settings, child


def measure(settings: Settings) -> list[Row]:
    _, rooms = world_sizes(settings)
    probe = world_probe(rooms, settings)
    disk_mb = probe["yaml_bytes"] / 1e6
    peak = probe["peak_after_load_mb"]
    grown = peak - probe["rss_before_mb"]
    rows = [
        Row(f"memory.cold@{rooms}", f"(7) peak RSS, load_content (cold), {rooms:,} rooms vs YAML on disk",
            peak, disk_mb, "MB", peak / disk_mb, None, "INFO",
            f"{grown:.0f} MB for the load itself ({grown / disk_mb:.1f}x the YAML); "
            f"{probe['rss_after_gc_mb']:.0f} MB kept after gc",
            detail={k: v for k, v in probe.items() if k not in ("script", "runs_s")}),
    ]
    if engine_has_cache() and not settings.quick:  # two more processes: full runs only
        folder = CACHE_ROOT / f"memory-{rooms}"
        shutil.rmtree(folder, ignore_errors=True)
        saved = os.environ.get("ELYSIUM_CACHE")
        os.environ["ELYSIUM_CACHE"] = str(folder)
        try:
            child("bench.probe", "load", str(rooms))  # fills the cache
            second = child("bench.probe", "load", str(rooms))  # reads it back by the pack's hash
            warm = child("bench.probe", "load", str(rooms))
        finally:
            os.environ["ELYSIUM_CACHE"] = saved or ""
            shutil.rmtree(folder, ignore_errors=True)
        rows.append(Row(f"memory.warm@{rooms}", f"(7) peak RSS, load_content (warm), {rooms:,} rooms vs YAML on disk",
                        warm["peak_after_load_mb"], disk_mb, "MB", warm["peak_after_load_mb"] / disk_mb, None,
                        "INFO", f"from the compiled cache in {warm['load_s']:.2f} s; the second start, which reads "
                        f"and hashes the pack: {second['peak_after_load_mb']:.1f} MB in {second['load_s']:.2f} s",
                        detail={**warm, "second_start": second}))
    yaml_probe = child("bench.probe", "yaml", str(rooms))
    rows.append(Row(f"memory.yaml@{rooms}", "(7) peak RSS, yaml.load of the same files vs YAML on disk",
                    yaml_probe["peak_after_load_mb"], disk_mb, "MB", yaml_probe["peak_after_load_mb"] / disk_mb,
                    None, "INFO", f"cold engine peak / yaml.load peak = {peak / yaml_probe['peak_after_load_mb']:.2f}x",
                    detail=yaml_probe))
    return rows
