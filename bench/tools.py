"""(10) The tools, each against a floor (issue 17 item 5).

audit     `elysium audit` of the synthetic pack (10,000 rooms; 1,000 with --quick): the report it
          writes (its own load of the packs, the scenery and reply checks, what no path reaches,
          names, invited verbs, the allowances) against `load_content` of the same pack on a cache
          miss (line 1's cold load: a new, empty cache folder each time). The audit loads as play
          does, from the compiled cache when it is warm: each turn audits once into a new, empty
          cache folder (the miss, reported in the note) and once more (A, the cache warm), then
          loads; a gc.collect() before each. Target <= 1x.
web turn  one turn as the web service plays it, in this process, without HTTP: read the player's
          record from a SQLite store (a file under bench/.cache/work), rebuild the game from it,
          play the line, write the record back, against `Game.turn` of the same line on one live
          game. The campus, the commands of section 9's players, in blocks of 50 turns taken in
          turns (web, direct, web, ...); per turn, the median block. Target <= 5x.
"""

from __future__ import annotations

import gc
import shutil
import time

from bench import packs
from bench.load import CACHE_ROOT, _CacheAt
from bench.util import Row, Settings, median, ratio_row, scratch

AUDIT_TARGET = ("<=", 1.0)
WEB_TURN_TARGET = ("<=", 5.0)
BLOCK = 50


def measure(settings: Settings) -> list[Row]:
    return [audit_row(settings), web_turn_row(settings)]


def audit_row(settings: Settings) -> Row:
    from elysium.audit.run import audit
    from elysium.content import load_content

    rooms = 1_000 if settings.quick else 10_000
    folder = packs.pack(rooms)
    miss = CACHE_ROOT / f"tools-miss-{rooms}"
    own = CACHE_ROOT / f"tools-audit-{rooms}"
    audits, misses, loads, findings = [], [], [], 0
    for _ in range(settings.reps(2, 1)):  # an audit of 10,000 rooms takes many seconds
        # The audit loads as play does: from the compiled cache when it is warm. First into a new,
        # empty cache folder (a miss: its own cold load, and the cache written), then again.
        shutil.rmtree(own, ignore_errors=True)
        with _CacheAt(str(own)):
            gc.collect()
            started = time.perf_counter()
            missed = len(audit(folder).findings)
            misses.append(time.perf_counter() - started)
            gc.collect()
            started = time.perf_counter()
            findings = len(audit(folder).findings)
            audits.append(time.perf_counter() - started)
        assert missed == findings, "an audit from the cache found something else"
        shutil.rmtree(own, ignore_errors=True)
        shutil.rmtree(miss, ignore_errors=True)
        with _CacheAt(str(miss)):
            gc.collect()
            started = time.perf_counter()
            load_content(folder)
            loads.append(time.perf_counter() - started)
        shutil.rmtree(miss, ignore_errors=True)
    return ratio_row(f"tools.audit@{rooms}", f"(10) elysium audit, {rooms:,} rooms vs its cold load",
                     median(audits), median(loads), "s", AUDIT_TARGET,
                     f"{findings:,} findings (the synthetic pack has no scenery lines); cache warm; on a miss "
                     f"{median(misses):.2f} s ({median(misses) / median(loads):.2f}x)",
                     rooms=rooms, audit_s=audits, audit_miss_s=misses, load_s=loads)


def web_turn_row(settings: Settings) -> Row:
    from bench.web_load import COMMANDS
    from elysium.content import load_content
    from elysium.web.play import Table
    from elysium.web.store import MemoryStore
    from elysium.web.store.sqlite import SqliteStore

    table = Table(load_content())
    store = SqliteStore(scratch("tools") / "turns.db")
    player = "bench"
    version = store.write(player, table.start(store, player).record, 0)
    live = table.new_game(MemoryStore(), "direct")
    webs, directs = [], []
    step = 0
    try:
        for _ in range(settings.reps(40, 8)):
            lines = [COMMANDS[(step + n) % len(COMMANDS)] for n in range(BLOCK)]
            step += BLOCK
            gc.collect()
            started = time.perf_counter()
            for line in lines:
                stored = store.read(player)
                game = table.game_from(stored.state, store, player)
                version = store.write(player, table.turn(game, line).record, stored.version)
            webs.append((time.perf_counter() - started) / BLOCK)
            gc.collect()
            started = time.perf_counter()
            for line in lines:
                live.turn(line)
            directs.append((time.perf_counter() - started) / BLOCK)
    finally:
        store.close()
    web, direct = median(webs) * 1e3, median(directs) * 1e3
    return ratio_row("tools.web_turn", "(10) web turn (SQLite read, game from record, turn, write) vs Game.turn",
                     web, direct, "ms", WEB_TURN_TARGET, f"{len(webs) * BLOCK:,} turns each, record version {version:,}",
                     web_ms=[w * 1e3 for w in webs], direct_ms=[d * 1e3 for d in directs])
