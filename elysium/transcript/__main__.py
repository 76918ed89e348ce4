"""`python -m elysium.transcript PATH...`: run transcripts against the real engine.

A stand-in for a front-end command, handy while working on transcripts themselves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from elysium.transcript.runner import run_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m elysium.transcript", description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path, help=".regtest files or folders")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing tests too")
    parser.add_argument("--only", metavar="NAME", help="run only the tests with this name")
    args = parser.parse_args(argv)
    return run_paths(args.paths, sys.stdout, verbose=args.verbose, only=args.only)


if __name__ == "__main__":
    sys.exit(main())
