"""`elysium test --coverage [--fail-under N] [--coverage-json FILE] PATH...`: run the transcripts,
then say what of each game they played (coverage_report.py)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from elysium.transcript.coverage import ContentCoverage
from elysium.transcript.coverage_report import as_json, figures, overall, report, shown
from elysium.transcript.report import display_path
from elysium.transcript.runner import run_paths


def run_with_coverage(args: argparse.Namespace, out: TextIO) -> int:
    """0 when every test passed and the overall coverage is not under --fail-under; else 1."""
    coverage = ContentCoverage()
    status = run_paths(list(args.paths), out, verbose=args.verbose, only=args.only, coverage=coverage)
    games = figures(coverage)
    if not games:
        print("content coverage: no game was played", file=out)
        return 1 if args.fail_under is not None else status
    print(file=out)
    print(report(games), file=out)
    if args.coverage_json is not None:
        try:
            args.coverage_json.write_text(json.dumps(as_json(games), indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            print(f"{display_path(args.coverage_json)}: cannot write the coverage report "
                  f"({error.strerror or error})", file=out)
            status = 1
        else:
            print(f"wrote {display_path(args.coverage_json)}", file=out)
    _, _, share = overall(games)
    if args.fail_under is not None and shown(share) < args.fail_under:
        print(f"content coverage {shown(share):.1f}% is under --fail-under {args.fail_under:g}%", file=out)
        return 1
    return status
