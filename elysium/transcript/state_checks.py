"""`{state}` checks: compare a value inside `game.state` with an expected value.

Syntax: `{state} <dotted.path> <operator> <value>`, e.g. `{state} items.brass_key.at == player`.

* The path walks dicts by key and lists by index (`visited.0`).
* Operators: `==`, `!=`, `<`, `<=`, `>`, `>=`, and `contains` (an element of a list,
  a substring of a string, or a key of a dict).
* The value is read as JSON when it parses (`true`, `null`, `5`, `"quoted"`, `[1, 2]`),
  otherwise it is the bare text, so `== fountain_court` needs no quotes.
* Booleans only equal booleans, so `score == true` does not pass for a score of 1.
* A path that does not exist fails the check with a message saying so; the negated
  form (`!{state} ...`) then passes, which makes "this flag is not set" easy to write.
* Ordering two values that cannot be ordered (a number and a string) fails the check,
  negated or not, because the check itself is wrong.
"""

from __future__ import annotations

import json
import operator
import re
from dataclasses import dataclass
from typing import Any, Callable

_CONTAINS = re.compile(r"^(?P<path>\S+)\s+contains\s+(?P<value>.+)$")
_COMPARE = re.compile(r"^(?P<path>[^\s=!<>]+)\s*(?P<op>==|!=|<=|>=|<|>)\s*(?P<value>.*)$")
_ORDERINGS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_MISSING = object()
_SHOWN_CHARS = 200  # long values are cut in reports so one check cannot flood the output


@dataclass(frozen=True)
class StateCheck:
    """A comparison between `game.state` at a dotted path and an expected value."""

    source: str
    line: int
    path: str
    op: str
    value: Any
    value_text: str
    negated: bool = False
    shows_output = False

    def evaluate(self, output: str, read_state: Callable[[], Any]) -> str | None:
        actual, missing_reason = _lookup(read_state(), self.path)
        if actual is _MISSING:
            return None if self.negated else missing_reason
        try:
            holds = self._holds(actual)
        except TypeError as error:
            return str(error)
        if holds != self.negated:
            return None
        return f"{self.path} is {show(actual)}"

    def _holds(self, actual: Any) -> bool:
        if self.op == "==":
            return same(actual, self.value)
        if self.op == "!=":
            return not same(actual, self.value)
        if self.op == "contains":
            return self._contains(actual)
        both_numbers = _is_number(actual) and _is_number(self.value)
        both_strings = isinstance(actual, str) and isinstance(self.value, str)
        if both_numbers or both_strings:
            return _ORDERINGS[self.op](actual, self.value)
        raise TypeError(
            f"cannot compare {self.path} = {show(actual)} with {self.op} {show(self.value)}"
        )

    def _contains(self, actual: Any) -> bool:
        if isinstance(actual, (list, tuple)):
            return any(same(item, self.value) for item in actual)
        if isinstance(actual, dict):
            # dict keys are strings, while `contains 42` reads the value as a number
            key = self.value if isinstance(self.value, str) else self.value_text
            return key in actual
        if isinstance(actual, str) and isinstance(self.value, str):
            return self.value in actual
        raise TypeError(f"cannot look inside {self.path} = {show(actual)} with contains")


def parse_state_check(source: str, line: int, rest: str, negated: bool) -> StateCheck:
    """Parse the part after `{state}`; raises ValueError with a readable message."""
    rest = rest.strip()
    match = _CONTAINS.match(rest)
    op = "contains"
    if match is None:
        match = _COMPARE.match(rest)
        if match is None:
            raise ValueError(
                "{state} check needs '<path> <operator> <value>' "
                "with one of == != < <= > >= contains"
            )
        op = match["op"]
    path, value_text = match["path"], match["value"].strip()
    if not value_text:
        raise ValueError(f"{{state}} check has no value after {op}")
    if any(not part for part in path.split(".")):
        raise ValueError(f"{{state}} path {path!r} has an empty part")
    return StateCheck(source, line, path, op, parse_value(value_text), value_text, negated)


def parse_value(text: str) -> Any:
    """JSON when the text is JSON, else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def same(actual: Any, expected: Any) -> bool:
    """Equality that keeps booleans apart from numbers (True == 1 in Python), at any depth."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        return isinstance(actual, bool) and isinstance(expected, bool) and actual == expected
    if isinstance(actual, (list, tuple)) and isinstance(expected, (list, tuple)):
        return len(actual) == len(expected) and all(map(same, actual, expected))
    if isinstance(actual, dict) and isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            same(value, expected[key]) for key, value in actual.items()
        )
    return actual == expected


def show(value: Any) -> str:
    """A value as it would be written in a check, cut short when long."""
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    except ValueError:  # circular structures
        text = repr(value)
    if len(text) > _SHOWN_CHARS:
        text = text[: _SHOWN_CHARS - 3] + "..."
    return text


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _lookup(state: Any, path: str) -> tuple[Any, str]:
    """Walk the dotted path; on a miss return _MISSING and a reason naming what exists."""
    current = state
    walked: list[str] = []
    for part in path.split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, (list, tuple)) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        elif walked == ["counters"] and isinstance(current, dict) and "." not in path[len("counters."):]:
            current = 0  # a counter nothing has changed yet is 0, as conditions read it
        else:
            return _MISSING, _missing_reason(path, walked, current)
        walked.append(part)
    return current, ""


def _missing_reason(path: str, walked: list[str], where: Any) -> str:
    reason = f"state path {path!r} does not exist"
    place = ".".join(walked) or "the state"
    if isinstance(where, dict):
        keys = sorted(map(str, where))
        shown = ", ".join(keys[:12]) + (", ..." if len(keys) > 12 else "")
        return f"{reason} ({place} has: {shown or 'nothing'})"
    if isinstance(where, (list, tuple)):
        return f"{reason} ({place} is a list of {len(where)})"
    return f"{reason} ({place} is {show(where)})"
