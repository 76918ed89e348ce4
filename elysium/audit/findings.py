"""What `elysium audit` reports: one finding per hole, at file:line:col, in a plain sentence; the
packs' allowances set aside, and the summary line that counts what is left."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# The kinds of finding, as the summary line and `audit:` allowances name them.
KINDS = ("scenery", "unreachable", "unused", "unset", "verbs")
IDS = frozenset({"room", "npc", "item", "topic", "lore", "ending"})  # subjects that are ids of entries


@dataclass(frozen=True)
class AuditFinding:
    kind: str  # one of KINDS, or "allowance" for an allowance that no longer matches anything
    subject: dict[str, str]  # what it is about, as an allowance names it: {"room": "yard", "noun": "crank"}
    message: str
    where: str = ""  # file:line:col, when the pack's files say

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_json(self) -> dict:
        file, line, column = _split(self.where)
        return {"kind": self.kind, "subject": self.subject, "message": self.message,
                "file": file, "line": line, "column": column}


@dataclass(frozen=True)
class Allowance:
    """An entry of a pack's `audit:`: a finding the author accepts, and why."""

    kind: str
    subject: dict[str, str]
    why: str
    where: str = ""
    pack: str = ""  # "mod:" for a mod's allowance, whose bare ids may name the mod's own entries

    def allows(self, finding: AuditFinding) -> bool:
        return finding.kind == self.kind and all(
            finding.subject.get(key) in (value, self.pack + value if key in IDS else value)
            for key, value in self.subject.items())


@dataclass
class Report:
    rooms: int
    findings: list[AuditFinding] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(finding.kind == kind for finding in self.findings)

    def by_room(self) -> dict[str, int]:
        """How many nouns are unexaminable in each room, the most first."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            if finding.kind == "scenery":
                counts[finding.subject["room"]] = counts.get(finding.subject["room"], 0) + 1
        return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))

    def summary(self) -> str:
        """The summary line, always these five figures (a CI script may read it)."""
        return (f"audit: {self.rooms} rooms, {self.count('scenery')} nouns unexaminable, "
                f"{self.count('unreachable')} unreachable, {self.count('unused')} unused, {self.count('unset')} unset")

    def also(self) -> str:
        """The two kinds the five figures leave out, when there are any: "" otherwise."""
        verbs, stale = self.count("verbs"), self.count("allowance")
        parts = ([f"{verbs} verb{'s' * (verbs != 1)} not understood"] if verbs else []) + (
            [f"{stale} allowance{'s' * (stale != 1)} matching nothing"] if stale else [])
        return f"audit also found: {', '.join(parts)}" if parts else ""

    def as_json(self) -> dict:
        return {"summary": {"rooms": self.rooms, **{kind: self.count(kind) for kind in (*KINDS, "allowance")}},
                "scenery_by_room": self.by_room(),
                "findings": [finding.as_json() for finding in self.findings]}


def set_aside(findings: Iterable[AuditFinding], allowances: list[Allowance]) -> list[AuditFinding]:
    """The findings no allowance covers, then one for each allowance that covers none (an allowance
    outlives its reason when the hole was mended or the text changed)."""
    left, used = [], set()
    for finding in findings:
        allowing = [i for i, allowance in enumerate(allowances) if allowance.allows(finding)]
        used.update(allowing)
        if not allowing:
            left.append(finding)
    for i, allowance in enumerate(allowances):
        if i not in used:
            named = ", ".join(f"{key} {value!r}" for key, value in allowance.subject.items())
            left.append(AuditFinding("allowance", {"kind": allowance.kind, **allowance.subject},
                                     f"this allowance of audit: {allowance.kind} ({named}) matches no finding: "
                                     "remove it", allowance.where))
    return left


def _split(where: str) -> tuple[str | None, int | None, int | None]:
    parts = where.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return parts[0], int(parts[1]), int(parts[2])
    return where or None, None, None
