"""Flags, counters and named states that are read but never set, or set but never read: the facts
`validate` gathers as it reads the files (content/names_check.py), here one finding per name, at
its first use, with the closest name of the other side when one is a typo away."""

from __future__ import annotations

from collections.abc import Iterable

from elysium.content.names_check import ENGINE_COUNTERS, NameUse, _Suggestions
from elysium.content.yamlsafe import Document

from .findings import AuditFinding

# (name, its values or None, where the name is written, where the values are), as the checker keeps them
StateUse = tuple[str, tuple[str, ...] | None, Document, tuple, tuple]


def name_findings(uses: Iterable[NameUse], state_uses: Iterable[StateUse],
                  records: Iterable[str] = ()) -> list[AuditFinding]:
    kept = {*records, *ENGINE_COUNTERS}  # read or changed outside the story: never a finding
    # (kind, name, read) -> where it is first written (a document and a path: the position is
    # worked out only for a finding)
    first: dict[tuple[str, str, bool], tuple[Document, tuple]] = {}
    for use in uses:
        first.setdefault((use.kind, use.name, use.read), (use.doc, use.path))
    for name, values, doc, name_path, values_path in state_uses:
        # a state is set by an effect's `to:`; a condition's `is:` and a text's {state} read it
        reading = values is None or values_path[-1:] != ("to",)
        first.setdefault(("state", name, reading), (doc, name_path))
    found = []
    for kind in ("flag", "counter", "state"):
        read = {name for k, name, reading in first if k == kind and reading} | kept
        written = {name for k, name, reading in first if k == kind and not reading} | kept
        suggestions: dict[bool, _Suggestions] = {}  # made only for a finding: they index every name

        def close(name: str, among_set: bool) -> str:
            if among_set not in suggestions:
                suggestions[among_set] = _Suggestions(written if among_set else read)
            return suggestions[among_set].close(name)
        label = "named state" if kind == "state" else kind
        for (k, name, reading), (doc, path) in first.items():
            if k != kind or name in (written if reading else read):
                continue
            where = str(doc.mark(path))
            if reading:
                found.append(AuditFinding("unset", {kind: name}, f"the {label} {name!r} is read here, but nothing "
                                          f"ever sets it{close(name, True)}", where))
            else:
                found.append(AuditFinding("unused", {kind: name}, f"the {label} {name!r} is set here, but nothing "
                                          f"ever reads it{close(name, False)}", where))
    return found
