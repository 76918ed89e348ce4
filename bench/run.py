"""`python -m bench [--quick] [--only NAME,...]` (or `python bench/run.py ...`): run the measurements, print the table of medians
and ratios (each ratio with its target and PASS or MISS), and write bench/results/<time>.json and
bench/results/latest.json.

A MISS is information, not failure: the exit status is 0 whenever the suite itself ran, and 1 only
when a measurement broke (its row then says ERROR, with the traceback in the JSON).
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as a file, `python bench/run.py`: find the suite as a package
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench import GENERATOR_VERSION
from bench.util import ROOT, Row, Settings

SECTIONS = ("load", "latency", "bus", "tui", "saves", "memory", "serve", "web", "tools", "reload")
RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import textual
    import yaml

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": ram_gb, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": platform.platform(),
            "textual": textual.__version__, "pyyaml": yaml.__version__,
            "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
            "commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "--porcelain", "--", "elysium", "content"))}


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "/s":
        return f"{value:,.0f}/s"
    if abs(value) >= 1000:
        return f"{value:,.0f} {unit}"
    if abs(value) >= 100:
        return f"{value:.1f} {unit}"
    if abs(value) >= 1:
        return f"{value:.2f} {unit}"
    return f"{value:.3f} {unit}"


def table(rows: list[Row]) -> str:
    header = ("measurement", "A (median)", "B (median)", "ratio A/B", "target", "status")
    body = [(r.what, fmt(r.a, r.unit), fmt(r.b, r.unit), "-" if r.ratio is None else f"{r.ratio:.2f}x",
             r.target_text(), r.status) for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    out = []
    for index, line in enumerate([header, *body]):
        cells = [line[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(line[1:], widths[1:])]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
        elif rows[index - 1].note:
            out.append(f"    {rows[index - 1].note}")
    return "\n".join(out)


def markdown(rows: list[Row]) -> str:
    out = ["| measurement | A (median) | B (median) | ratio A/B | target | status | note |",
           "|---|---:|---:|---:|---|---|---|"]
    for r in rows:
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}x"
        out.append(f"| {r.what} | {fmt(r.a, r.unit)} | {fmt(r.b, r.unit)} | {ratio} | {r.target_text()} | "
                   f"**{r.status}** | {r.note} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions and only the smaller packs (under a minute; what CI runs)")
    parser.add_argument("--only", metavar="NAME,...", help=f"run only these sections: {', '.join(SECTIONS)}")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    args = parser.parse_args(argv)
    sections = SECTIONS if not args.only else tuple(s.strip() for s in args.only.split(","))
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {unknown}; choose from {', '.join(SECTIONS)}")
    settings = Settings(quick=args.quick)
    # The engine's compiled content cache: the suite's own folder (children inherit it), never the
    # user's; load.py and the probes point it elsewhere (or off) where a measurement needs that.
    os.environ["ELYSIUM_CACHE"] = str(ROOT / "bench" / ".cache" / "content-cache" / "shared")
    # Fresh processes (start-up, the big worlds) should import the project as an installed copy
    # does, from bytecode. Python writes it on a first import by itself, unless
    # PYTHONDONTWRITEBYTECODE is set; then every child would compile every module from source,
    # a cost Textual's own modules, compiled when installed, never pay.
    compileall.compile_dir(ROOT / "elysium", quiet=1)
    compileall.compile_dir(ROOT / "bench", quiet=1)
    started = time.perf_counter()
    info = machine()
    print(f"Elysium benchmarks ({'quick' if args.quick else 'full'}): {info['nproc']} CPUs, {info['cpu']}, "
          f"{info['ram_gb']} GB RAM, Python {info['python']}, commit {info['commit']}"
          f"{' (+ local changes)' if info['dirty'] else ''}", flush=True)
    rows: list[Row] = []
    timings = {}
    for name in sections:
        section_started = time.perf_counter()
        print(f"  running {name} ...", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            rows += module.measure(settings)
        except Exception:
            rows.append(Row(f"{name}.error", f"({name}) the measurement broke", status="ERROR",
                            note=traceback.format_exc().strip().splitlines()[-1],
                            detail={"traceback": traceback.format_exc()}))
            traceback.print_exc()
        timings[name] = round(time.perf_counter() - section_started, 1)
    elapsed = time.perf_counter() - started
    print()
    print(table(rows))
    if args.markdown:
        print()
        print(markdown(rows))
    counts = {status: sum(r.status == status for r in rows) for status in ("PASS", "MISS", "SKIP", "ERROR")}
    print(f"\n{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['SKIP']} SKIP, {counts['ERROR']} ERROR "
          f"in {elapsed:.0f} s ({', '.join(f'{k} {v:g} s' for k, v in timings.items())})")
    stamp = datetime.now(timezone.utc)
    end = machine()  # others may commit while a long run goes on: say so
    if (end["commit"], end["dirty"]) != (info["commit"], info["dirty"]):
        print(f"note: the code changed during the run (commit {info['commit']} at the start, "
              f"{end['commit']}{' + local changes' if end['dirty'] else ''} at the end)")
    info["commit_at_end"], info["dirty_at_end"] = end["commit"], end["dirty"]
    result = {"when": stamp.isoformat(timespec="seconds"), "mode": "quick" if args.quick else "full",
              "sections": list(sections), "machine": info, "generator": GENERATOR_VERSION,
              "seconds": round(elapsed, 1), "section_seconds": timings, "counts": counts,
              "rows": [r.as_json() for r in rows]}
    # Full runs are the record (bench/results/, committed); quick runs go to results/quick/ (ignored).
    folder = RESULTS / "quick" if args.quick else RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    # A run of some sections (--only) is named for them and leaves latest.json, the whole suite's record.
    kind = "-".join(sections) if args.only else ("quick" if args.quick else "full")
    name = f"{stamp.strftime('%Y%m%dT%H%M%SZ')}-{kind}{'-quick' if args.only and args.quick else ''}.json"
    text = json.dumps(result, indent=1, ensure_ascii=False, default=str)
    (folder / name).write_text(text + "\n", encoding="utf-8")
    if not args.only:
        (folder / "latest.json").write_text(text + "\n", encoding="utf-8")
    print(f"results: {(folder / name).relative_to(ROOT)}{'' if args.only else ' (and latest.json beside it)'}")
    return 1 if counts["ERROR"] else 0


if __name__ == "__main__":
    sys.exit(main())
