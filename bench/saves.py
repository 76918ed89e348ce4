"""(6) Saves: Game.save and Game.restore after 10,000 turns of the campus walk, against
json.dumps and json.loads of the same data; and the save's size after 1,000 vs 10,000 turns.

save    = game.save(slots, name): the body (state, history, packs, summary), its checksum, JSON
          on one line, written to a temporary file, fsynced, renamed, the folder fsynced.
restore = game.restore(slots, name): read, json.loads, the checksum, migrations, the check of
          every value of the state and of each undo checkpoint (state/save_check.py), reconcile
          them with the content, and the Look that follows.
floor   = json.dumps then json.loads of {"state": ..., "history": ...}: the same state and the same
          (capped) undo history that the save holds, as the game holds it (the save, format 5,
          writes each older step's rest as only what differs from the next one's: a smaller text).
Target: save + restore at most 2x the floor (issue 17; 3x before). The size after 10,000 turns
must not be larger than after 1,000 beyond what the capped undo history allows (ratio <= 1.1
here, as the history is already full after 1,000 turns). The saves go to bench/.cache/work/saves
(the project's disk, as a player's would). Quick mode plays 1,000 and 3,000 turns.
"""

from __future__ import annotations

import json

from bench.util import Row, Settings, interleaved, median, ratio_row, scratch
from bench.walks import SEED, CampusWalker
from elysium.content import load_content
from elysium.engine import Game
from elysium.state.saves import HISTORY_KEPT, SaveSlots

SAVE_TARGET = ("<=", 2.0)  # issue 17 (was 3)
SIZE_TARGET = ("<=", 1.1)


def measure(settings: Settings) -> list[Row]:
    turns_small, turns_large = (1_000, 3_000) if settings.quick else (1_000, 10_000)
    slots = SaveSlots(scratch("saves"))
    game = Game.from_content(load_content(), SEED)
    walker = CampusWalker(game)
    sizes = {}
    for turn in range(1, turns_large + 1):
        walker.step()
        if turn in (turns_small, turns_large) or turn % 2_500 == 0:
            game.save(slots, f"size-{turn}")
            sizes[turn] = slots.path(f"size-{turn}").stat().st_size
    if game.state["ending"]:
        raise RuntimeError(f"the campus walk ended the game ({game.state['ending']})")
    game.save(slots, "bench")
    restored = Game.from_content(game.content, SEED)
    restored.restore(slots, "bench")
    if restored.state != game.state:
        raise RuntimeError("a restored game differs from the saved one")
    payload = {"state": game.state, "history": game.history.checkpoints()[-HISTORY_KEPT:]}
    text = json.dumps(payload)

    reps = settings.reps(15, 5)
    samples = interleaved({
        "save": lambda: game.save(slots, "bench"),
        "restore": lambda: restored.restore(slots, "bench"),
        "dumps": lambda: json.dumps(payload),
        "loads": lambda: json.loads(text),
    }, reps)
    save, restore = median(samples["save"]), median(samples["restore"])
    dumps, loads = median(samples["dumps"]), median(samples["loads"])
    rows = [
        ratio_row("saves.roundtrip", f"(6) save+restore after {turns_large:,} turns vs json dumps+loads",
                  (save + restore) * 1e3, (dumps + loads) * 1e3, "ms", SAVE_TARGET,
                  f"save {save * 1e3:.2f} ms (dumps {dumps * 1e3:.2f}), restore {restore * 1e3:.2f} ms "
                  f"(loads {loads * 1e3:.2f})", samples_s=samples, json_bytes=len(text)),
        ratio_row("saves.save", "(6)   save alone vs json.dumps", save * 1e3, dumps * 1e3, "ms", None),
        ratio_row("saves.restore", "(6)   restore alone vs json.loads", restore * 1e3, loads * 1e3, "ms", None),
        ratio_row("saves.size", f"(6) save size after {turns_large:,} vs {turns_small:,} turns",
                  sizes[turns_large] / 1e3, sizes[turns_small] / 1e3, "kB", SIZE_TARGET,
                  f"history capped at {HISTORY_KEPT} checkpoints", sizes_bytes=sizes),
    ]
    return rows
