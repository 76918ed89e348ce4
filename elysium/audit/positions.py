"""Where each value of a file stands, read from the parser's events rather than a composed tree.

A finding of the audit is placed at file:line:col. `Document.mark` works positions out by composing
the whole file again into nodes and walking them, and a big world has findings in every file: that
costs the audit as much as the load. libyaml's events carry the very marks the composed nodes take
from them, so the same table (path -> mark) comes from one pass over the events at a third of the
cost. A file with an alias is left to the Document: a path reached through an alias takes the mark
of the value the alias names, which the events do not say where it is used.
"""

from __future__ import annotations

from typing import Any

import yaml

from elysium.content.yamlsafe import Document, Loader, Mark, Path_

_OPENS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Alias(Exception):
    """An alias or a key that is not plain text: this file is placed by its Document."""


class Positions:
    """`Document.mark` and `Document.mark_within` with the same answers, from the events."""

    def __init__(self, document: Document) -> None:
        self.document = document
        try:
            self.marks: dict[Path_, Any] | None = marks_of(text) if (text := document.full_text()) else {}
        except (_Alias, yaml.YAMLError):
            self.marks = None

    def mark(self, path: Path_) -> Mark:
        """Where the value at `path` starts, or its nearest ancestor when it has no mark."""
        if self.marks is None:
            return self.document.mark(path)
        while path not in self.marks and path:
            path = path[:-1]
        raw = self.marks.get(path)
        return self._mark(raw) if raw is not None else Mark(self.document.file, 1, 1)

    def mark_within(self, path: Path_, fragment: str) -> Mark:
        """Where the first `fragment` written in the value at `path` stands, or the value's own mark
        when it is not written as such."""
        if self.marks is None:
            return self.document.mark_within(path, fragment)
        raw = self.marks.get(path)
        if raw is None:
            return self.mark(path)
        text = self.document.full_text()
        found = text.find(fragment, raw.index)
        if found < 0:
            return self._mark(raw)
        line_start = text.rfind("\n", 0, found) + 1
        line = raw.line + text.count("\n", raw.index, found)
        return Mark(self.document.file, line + 1, found - line_start + 1)

    def _mark(self, raw: Any) -> Mark:
        return Mark(self.document.file, raw.line + 1, raw.column + 1)


def marks_of(text: str) -> dict[Path_, Any]:
    """path -> the parser's mark of the value there, the first one for a path written twice, as
    the Document's builder keeps them; raises _Alias for a file it cannot place alone."""
    marks: dict[Path_, Any] = {}
    # each open collection: [its path, the key or index of its next value, whether a key comes next]
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _OPENS):
            if stack:
                top = stack[-1]
                if top[2] is True:  # a mapping's key
                    if not isinstance(event, yaml.ScalarEvent):
                        raise _Alias
                    top[1], top[2] = str(event.value), False
                    continue
                path = top[0] + (top[1],)
                if top[2] is False:
                    top[2] = True  # the next is a key again
                else:
                    top[1] += 1  # a sequence's next index
            else:
                path = ()
            marks.setdefault(path, event.start_mark)
            if isinstance(event, yaml.MappingStartEvent):
                stack.append([path, None, True])
            elif isinstance(event, yaml.SequenceStartEvent):
                stack.append([path, 0, None])
        elif isinstance(event, _CLOSES):
            stack.pop()
        elif isinstance(event, yaml.AliasEvent):
            raise _Alias
    return marks
