"""Where a web worker's pauses are: the web bench's load against workers that time every garbage
collection (wall and CPU of the collecting thread, by generation) and every write to the store.

    python -m bench.web_pauses [players] [--store URL] [--seconds S]

Not a section of `python -m bench` (it measures the service from inside, which costs a little):
a tool to find a tail's cause before cutting, as bench/README.md's "Pauses and bytes" did. Each
worker writes what it saw to a JSON file in a scratch folder about once a second (and after
each full collection); the summary is printed per worker at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import time
from pathlib import Path

from bench.util import median, percentile, scratch

REPORTS = "ELYSIUM_BENCH_PAUSES"  # the folder each instrumented worker reports to


def app():
    """`bench.web_app.app`, timed: the factory each uvicorn worker of this tool calls."""
    from bench.web_app import app as measured_app

    folder = Path(os.environ[REPORTS])
    seen: dict = {"wall": {0: [], 1: [], 2: []}, "cpu": {0: [], 1: [], 2: []}, "writes": []}
    started = {"wall": 0.0, "cpu": 0.0, "reported": 0.0}

    def report() -> None:
        seen["process_cpu"] = time.process_time()
        (folder / f"worker-{os.getpid()}.json").write_text(json.dumps(seen), encoding="utf-8")

    def collection(phase: str, info: dict) -> None:
        if not seen["writes"]:
            return  # from the first turn's write on: not the worker's start (its own full collection)
        if phase == "start":
            started["wall"], started["cpu"] = time.perf_counter(), time.thread_time()
            return
        if not started["wall"]:
            return  # its start came before the first write
        now = time.perf_counter()
        seen["wall"][info["generation"]].append(now - started["wall"])
        seen["cpu"][info["generation"]].append(time.thread_time() - started["cpu"])
        if info["generation"] == 2 or now - started["reported"] > 1.0:
            started["reported"] = now
            report()

    def timed(write):
        def timed_write(store, *args, **kwargs):
            began = time.perf_counter()
            try:
                return write(store, *args, **kwargs)
            finally:
                seen["writes"].append(time.perf_counter() - began)
        return timed_write

    for kind in store_classes():
        kind.write = timed(kind.write)
    made = measured_app()
    gc.callbacks.append(collection)
    return made


def store_classes() -> list[type]:
    """Every store class whose module imports here (a server store needs its client library)."""
    from elysium.web.store import postgres, redis_store, sqlite

    return [sqlite.SqliteStore, postgres.PostgresStore, redis_store.RedisStore]


def summary(values: list[float]) -> str:
    if not values:
        return "none"
    return (f"{len(values):,}: median {median(values) * 1e3:.2f} ms, p99 {percentile(values, 0.99) * 1e3:.2f} ms, "
            f"max {max(values) * 1e3:.1f} ms, total {sum(values) * 1e3:,.0f} ms")


def main() -> None:
    from bench import web

    parser = argparse.ArgumentParser(prog="python -m bench.web_pauses")
    parser.add_argument("players", nargs="?", type=int, default=1_000)
    parser.add_argument("--store", help="a store URL (default: a new SQLite file)")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    folder = scratch("web-pauses")
    os.environ[REPORTS] = str(folder)
    store = args.store or f"sqlite:///{(folder / 'web.db').as_posix().lstrip('/')}"
    with web.service(store, web.WORKERS, app="bench.web_pauses:app") as server:
        outcome = asyncio.run(web.typing(server.port, args.players, args.seconds))
    time.sleep(1.0)
    turns = outcome.latencies
    print(f"{args.players:,} players, {len(turns):,} turns, load average {os.getloadavg()[0]:.1f}: "
          f"p50 {median(turns) * 1e3:.1f} ms, p99 {percentile(turns, 0.99) * 1e3:.1f} ms")
    for report in sorted(folder.glob("worker-*.json")):
        seen = json.loads(report.read_text(encoding="utf-8"))
        collector = sum(sum(values) for values in seen["cpu"].values())
        print(f"{report.stem}: {seen['process_cpu']:.1f} CPU-s, {collector:.2f} of them collecting garbage")
        for generation in ("0", "1", "2"):
            print(f"  generation {generation}, CPU {summary(seen['cpu'][generation])}")
            print(f"  generation {generation}, wall {summary(seen['wall'][generation])}")
        print(f"  store writes, wall {summary(seen['writes'])}")


if __name__ == "__main__":
    main()
