"""(3) Command latency through Game.turn (the engine and the bus, headless).

campus: the scripted walk of 1,000 commands on the default campus (bench/walks.py), replayed on
        fresh games with the same seed; the median and the p99 of the time per command, over each
        replay, then the median of those over the replays. Target: p99 <= 10x the median.
timers: a day's WAIT on the campus with a timer every minute of the day (1,440 firings), per firing,
        vs a one-minute WAIT that fires one timer, on fresh games. Target: <= 1.0 (passing time costs
        the timers that fire, not the minutes passed or the timers read at every step).
world:  the synthetic walk (bench/packs.py: look, examine, take, inventory, drop, ask, wait, move
        in the top-left 10 x 10 rooms) in the 50,000-room world vs the 100-room world, each in a
        fresh process; the ratio of the median time per command. Target: <= 1.2 (a turn's cost
        must not grow with the world). Quick mode compares 10,000 rooms with 100.
"""

from __future__ import annotations

import dataclasses
import gc
import time

from bench.util import Row, Settings, child, interleaved, median, percentile, ratio_row
from bench.walks import SEED, campus_walk
from elysium.content import load_content
from elysium.content.model import Content, Timer
from elysium.engine import Game

P99_TARGET = ("<=", 10.0)
WORLD_TARGET = ("<=", 1.2)
FIRING_TARGET = ("<=", 1.0)

_world_cache: dict[tuple[int, int, int], dict] = {}


def world_sizes(settings: Settings) -> tuple[int, int]:
    return (100, 10_000) if settings.quick else (100, 50_000)


def world_walk(settings: Settings) -> tuple[int, int]:
    """(commands, replays) of the synthetic walk: short, because in a large world every turn is slow."""
    return (30, 1) if settings.quick else (100, 2)


def world_probe(rooms: int, settings: Settings) -> dict:
    commands, reps = world_walk(settings)
    key = (rooms, commands, reps)
    if key not in _world_cache:
        _world_cache[key] = child("bench.probe", "world", str(rooms), str(commands), str(reps))
    return _world_cache[key]


def replay(content, script: list[str]) -> list[float]:
    game = Game.from_content(content, SEED)
    times = []
    gc.collect()
    for line in script:
        started = time.perf_counter()
        game.turn(line)
        times.append(time.perf_counter() - started)
    return times


def measure(settings: Settings) -> list[Row]:
    rows = []
    content = load_content()
    script = campus_walk(1_000, content)
    replay(content, script[:100])  # warm up: imports, caches, the vocabulary
    runs = [replay(content, script) for _ in range(settings.reps(5, 2))]
    medians = [median(run) for run in runs]
    p99s = [percentile(run, 0.99) for run in runs]
    kinds: dict[str, list[float]] = {}
    for run in runs:
        for line, seconds in zip(script, run):
            kinds.setdefault(line.split()[0], []).append(seconds)
    per_kind_ms = {kind: median(values) * 1e3 for kind, values in sorted(kinds.items())}
    slowest = sorted(zip(runs[0], script), reverse=True)[:5]
    rows.append(ratio_row("latency.campus.p99", "(3) campus walk, 1,000 cmds: p99 vs median per command",
                          median(p99s) * 1e3, median(medians) * 1e3, "ms", P99_TARGET,
                          f"median {median(medians) * 1e3:.2f} ms, p99 {median(p99s) * 1e3:.2f} ms",
                          medians_ms=[m * 1e3 for m in medians], p99s_ms=[p * 1e3 for p in p99s],
                          per_kind_median_ms=per_kind_ms,
                          slowest_ms=[(round(s * 1e3, 3), line) for s, line in slowest],
                          commands=len(script), script_head=script[:60]))
    rows.append(timer_firing_row(content, settings))
    small, large = world_sizes(settings)
    probes = {rooms: world_probe(rooms, settings) for rooms in (small, large)}
    per_command = {rooms: median([median(run) for run in probe["runs_s"]]) for rooms, probe in probes.items()}
    p99 = {rooms: median([percentile(run, 0.99) for run in probe["runs_s"]]) for rooms, probe in probes.items()}
    rows.append(ratio_row(f"latency.world@{large}", f"(3) per command, {large:,}-room vs {small}-room world",
                          per_command[large] * 1e3, per_command[small] * 1e3, "ms", WORLD_TARGET,
                          f"{len(probes[large]['script'])} cmds x {len(probes[large]['runs_s'])}; "
                          f"p99 {p99[large] * 1e3:.1f} vs {p99[small] * 1e3:.2f} ms",
                          sizes=[small, large], commands=len(probes[large]["script"]),
                          replays=len(probes[large]["runs_s"]),
                          runs_ms={str(r): [[t * 1e3 for t in run] for run in p["runs_s"]] for r, p in probes.items()},
                          script=probes[large]["script"]))
    return rows


def with_timers(content: Content, minutes: list[int]) -> Content:
    """The content with one more daily timer at each of `minutes` of the day, each saying a line."""
    added = {f"bench_tick_{m:04d}": Timer(f"bench_tick_{m:04d}", m, effects=({"say": "A clock ticks."},))
             for m in minutes}
    return dataclasses.replace(content, timers={**content.timers, **added}, rules_by_verb={},
                               rules_by_target={}, doors_by_room={}, schedule_times=[])


def timer_firing_row(content: Content, settings: Settings) -> Row:
    start = content.game.start_time
    busy, single = with_timers(content, list(range(24 * 60))), with_timers(content, [start + 1])
    reps = settings.reps(7, 3)
    games = {"day": [Game.from_content(busy, SEED) for _ in range(reps + 1)],
             "one": [Game.from_content(single, SEED) for _ in range(reps + 1)]}
    for game in (*games["day"], *games["one"]):
        game.turn("time")  # a first turn's one-off work (the vocabulary, the scope), which takes no time
    samples = interleaved({"day": lambda: games["day"].pop().turn("wait 24 hours"),
                           "one": lambda: games["one"].pop().turn("wait 1")}, reps)
    per_firing = median(samples["day"]) / (24 * 60)
    return ratio_row("latency.timers", "(3) a day's WAIT with 1,440 one-minute timers, per firing, vs a WAIT firing one",
                     per_firing * 1e6, median(samples["one"]) * 1e6, "µs", FIRING_TARGET,
                     f"the day's WAIT: {median(samples['day']) * 1e3:.1f} ms",
                     day_s=samples["day"], one_s=samples["one"])
