"""Problems found in content: what is wrong and exactly where, ready to show a modder."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a loaded game needs ContentError's name, not the YAML reader
    from elysium.content.yamlsafe import Mark


@dataclass(frozen=True)
class Problem:
    """Something wrong with content: where it is written, what is wrong, and how bad it is."""

    mark: Mark
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.mark}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Content that cannot be played; `problems` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def tell(self, outcome: str) -> None:
        """Each problem on stderr (a mod's text cannot drive the terminal), then what a tool did not
        do because of them."""
        from elysium.content.styles import without_controls

        for problem in self.problems:
            print(without_controls(str(problem)), file=sys.stderr)
        print(outcome, file=sys.stderr)


def _order(problem: Problem) -> tuple[str, int, int]:
    return (problem.mark.file, problem.mark.line, problem.mark.column)


def suggestion(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
