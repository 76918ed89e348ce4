"""Timing, statistics, results and child processes shared by every measurement.

Rules every measurement follows: a gc.collect() before each timed repetition, time.perf_counter,
medians of several repetitions, the two sides of a ratio measured in the same run (interleaved
A, B, A, B where they run in one process), and no timing is ever asserted: a missed target is a
MISS in the table, not a failure.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent  # the project root (the child processes run there)


@dataclass
class Settings:
    quick: bool = False

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full


@dataclass
class Row:
    """One line of the table: a measured figure (a), what it is set against (b), and their ratio."""

    key: str
    what: str
    a: float | None = None
    b: float | None = None
    unit: str = ""
    ratio: float | None = None
    target: tuple[str, float] | None = None  # ("<=", 1.0) or (">=", 10.0)
    status: str = "INFO"  # PASS, MISS, SKIP, INFO or ERROR
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    def judge(self) -> Row:
        if self.target is not None and self.ratio is not None and self.status not in ("SKIP", "ERROR"):
            op, limit = self.target
            self.status = "PASS" if (self.ratio <= limit if op == "<=" else self.ratio >= limit) else "MISS"
        return self

    def target_text(self) -> str:
        if self.target is None:
            return "-"
        op, limit = self.target
        return f"{'≤' if op == '<=' else '≥'} {limit:g}x"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = None if self.target is None else {"op": self.target[0], "value": self.target[1]}
        return data


def ratio_row(key: str, what: str, a: float, b: float, unit: str, target: tuple[str, float] | None,
              note: str = "", **detail: Any) -> Row:
    return Row(key, what, a, b, unit, a / b if b else None, target, note=note, detail=detail).judge()


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (p99 of 1,000 values is the 990th smallest)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(round(fraction * len(ordered) + 0.5 - 1e-9))))
    return ordered[rank - 1]


def timed_once(fn: Callable[[], Any]) -> float:
    gc.collect()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def interleaved(functions: dict[str, Callable[[], Any]], reps: int, warmup: bool = True) -> dict[str, list[float]]:
    """Seconds per call of each function, run in turns (A, B, A, B, ...) so drift hits both alike."""
    if warmup:
        for fn in functions.values():
            fn()
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(reps):
        for name, fn in functions.items():
            samples[name].append(timed_once(fn))
    return samples


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (VmHWM), in MB."""
    return _status_kb("VmHWM") / 1024


def rss_mb() -> float:
    return _status_kb("VmRSS") / 1024


def _status_kb(key: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    import resource
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child(module: str, *args: str, timeout: float = 1200) -> dict[str, Any]:
    """Run `python -m module args...` in the project root; its last line of output is JSON."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    completed = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=timeout)
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"{module} {' '.join(args)} failed (exit {completed.returncode}):\n"
                           f"{completed.stderr[-3000:]}")
    return json.loads(lines[-1])


def emit(data: Any) -> None:
    """A child's answer: one line of JSON, last on stdout."""
    sys.stdout.write("\n" + json.dumps(data) + "\n")
    sys.stdout.flush()


def scratch(name: str) -> Path:
    """A folder under bench/.cache/work (git-ignored), emptied first."""
    import shutil

    folder = ROOT / "bench" / ".cache" / "work" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def stop(process: subprocess.Popen, seconds: float = 30) -> None:
    """Ask a server the bench started to stop, and kill it if it will not."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
