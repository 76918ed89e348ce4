"""The golden transcript of a walk: every reply as a regtest test, and the diff against an old one.

Each reply is one test named by its path (`south / examine lamp`): its commands from the start,
with one check per line of the last reply only, so that `elysium test FILE` replays the walk and
each reply is checked once. The file says nothing that changes from run to run (no date, no
absolute path), so the same packs, seed and budget write the same bytes.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from elysium.content.styles import without_controls
from elysium.explore.walker import Exploration
from elysium.transcript.recorder import check_lines

OPENING = "opening"
SEPARATOR = " / "


def golden_text(found: Exploration, golden: Path, content: Path | None, mods: tuple[Path, ...],
                seed: int, steps: int) -> str:
    lines = [f"# Written by elysium explore (seed {seed}, {steps} steps): {len(found.replies)} replies.",
             "# Replay it with elysium test; elysium explore --golden diffs a new walk against it."]
    if content is not None:
        lines.append(f"** content: {_relative(content, golden)}")
    lines.extend(f"** mod: {_relative(mod, golden)}" for mod in mods)
    lines.append(f"** seed: {seed}")
    for reply in found.replies:
        name = SEPARATOR.join(reply.path) or OPENING
        lines += ["", f"* {' '.join(name.split())}"]
        lines.extend(f"> {' '.join(command.split())}".rstrip() for command in reply.path)
        lines.extend(check_lines(without_controls(reply.text)))
    return "".join(f"{without_controls(line)}\n" for line in lines)


def _relative(target: Path, golden: Path) -> str:
    folder = golden.parent.absolute()
    try:
        return Path(os.path.relpath(Path(target).absolute(), folder)).as_posix()
    except ValueError:  # another drive
        return Path(target).absolute().as_posix()


@dataclass(frozen=True)
class Change:
    name: str  # the test: the path of commands
    how: str  # "changed", "new" or "gone"
    lines: tuple[str, ...] = ()  # for a changed reply, its diff (- old, + new)

    def describe(self) -> str:
        head = f"{self.how}: {self.name}"
        return "\n".join([head, *(f"    {line}" for line in self.lines)])


def replies_of(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The header lines and, for each test, its check lines (the last reply's lines)."""
    headers: list[str] = []
    tests: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith(">"):
            continue
        if line.startswith("**") and not line.startswith("***") and current is None:
            headers.append(line)
        elif line.startswith("*") and not line.startswith("**"):
            current = tests.setdefault(line[1:].strip(), [])
        elif current is not None:
            current.append(line)
    return headers, tests


def compare(old: str, new: str) -> list[Change]:
    """Each reply that changed, appeared or went away between two golden transcripts."""
    old_headers, old_tests = replies_of(old)
    new_headers, new_tests = replies_of(new)
    changes: list[Change] = []
    if old_headers != new_headers:
        diff = difflib.unified_diff(old_headers, new_headers, lineterm="", n=0)
        changes.append(Change("(settings)", "changed", tuple(line for line in diff if line[:1] in "+-"
                                                                and line[:3] not in ("---", "+++"))))
    for name, lines in new_tests.items():
        if name not in old_tests:
            changes.append(Change(name, "new"))
        elif old_tests[name] != lines:
            diff = difflib.unified_diff(old_tests[name], lines, lineterm="", n=0)
            changes.append(Change(name, "changed", tuple(line for line in diff if line[:1] in "+-"
                                                         and line[:3] not in ("---", "+++"))))
    changes.extend(Change(name, "gone") for name in old_tests if name not in new_tests)
    return changes
