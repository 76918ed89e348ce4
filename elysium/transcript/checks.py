"""Check lines: what they look like in a transcript and how they judge the output.

Matching works line by line, as in Andrew Plotkin's regtest.py: the output of a step is
split into lines, each line is stripped of surrounding whitespace, and

* a plain check passes when its text is a substring of some single line, so a check
  never matches across a line break and whitespace inside a line must match exactly;
* a `/regex` check passes when `re.search` finds the pattern in some single line;
* `{count=N}` before either kind means "occurs at least N times" (regtest.py's meaning:
  every occurrence counts, several on one line too, overlapping ones included for text);
* a leading `!` negates the check (`!text`, `!/regex`, `!{count=2} text`,
  `!{state} ...`).

`{state}` checks look at `game.state` instead of the text; see state_checks.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from elysium.transcript.state_checks import StateCheck, parse_state_check

# The characters that make a line mean something other than a plain check.
SYNTAX_LEADERS = (">", "*", "!", "/", "{", "#")

_MODIFIER = re.compile(r"\{(?P<name>[A-Za-z_]+)(?:=(?P<value>[^}]*))?\}\s*")


def output_lines(text: str) -> list[str]:
    """Split output the way every check (and the recorder) sees it."""
    return [line.strip() for line in text.splitlines()]


@dataclass(frozen=True)
class TextCheck:
    """A plain or regex check against the lines of a step's output."""

    source: str
    line: int
    pattern: re.Pattern[str] | None  # None for a plain substring check
    text: str  # what is left after `!` and modifiers, e.g. "White marble" or "/marble"
    negated: bool = False
    min_count: int = 1
    shows_output = True

    def _occurrences(self, line: str) -> int:
        if self.pattern is not None:
            return sum(1 for _ in self.pattern.finditer(line))
        count, start = 0, 0
        while self.text and (position := line.find(self.text, start)) >= 0:
            count, start = count + 1, position + 1
        return count

    def evaluate(self, output: str, read_state: Callable[[], Any]) -> str | None:
        hits = sum(self._occurrences(line) for line in output_lines(output))
        found = hits >= self.min_count
        if found != self.negated:
            return None
        if self.negated:
            if self.min_count == 1:
                return "found, but should not be"
            return f"occurs {_times(hits)}, should occur fewer than {self.min_count} times"
        if self.min_count == 1:
            return ""  # "not found" is what a failed plain check means; say nothing
        return f"occurs {_times(hits)}, should occur at least {self.min_count} times"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


class CheckSyntaxError(ValueError):
    """A check line that cannot be understood; the message has no file or line."""


def parse_check(source: str, line: int) -> TextCheck | StateCheck:
    """Turn one stripped, non-blank check line into a check object."""
    rest = source
    negated = rest.startswith("!")
    if negated:
        rest = rest[1:].strip()
    min_count = None
    is_state = False
    while match := _MODIFIER.match(rest):
        name, value = match["name"], match["value"]
        if name == "count" and min_count is None:
            min_count = _parse_count(value)
        elif name == "state" and value is None and not is_state:
            is_state = True
        elif name in ("count", "state"):
            raise CheckSyntaxError(f"{match.group(0).strip()} is repeated or malformed")
        else:
            raise CheckSyntaxError(
                f"unsupported check modifier {{{name}}} (supported: {{count=N}}, {{state}})"
            )
        rest = rest[match.end():]
    if is_state:
        if min_count is not None:
            raise CheckSyntaxError("{count=N} cannot be used with {state}")
        try:
            return parse_state_check(source, line, rest, negated)
        except ValueError as error:
            raise CheckSyntaxError(str(error)) from None
    if not rest:
        raise CheckSyntaxError("empty check")
    pattern = None
    if rest.startswith("/"):
        if len(rest) == 1:
            raise CheckSyntaxError("empty regular expression")
        try:
            pattern = re.compile(rest[1:], re.MULTILINE)
        except re.error as error:
            raise CheckSyntaxError(f"bad regular expression: {error}") from None
    return TextCheck(source, line, pattern, rest, negated, min_count or 1)


def _parse_count(value: str | None) -> int:
    try:
        count = int(value or "")
    except ValueError:
        count = 0
    if count < 1:
        raise CheckSyntaxError(f"{{count={value or ''}}} needs a whole number of at least 1")
    return count
