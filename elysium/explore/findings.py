"""What the explorer looks for in each reply: internal errors, raw ids and unexpanded templates.

A raw id is an id of the content (a room, an item, a flag...) or an engine message key that shows
in a reply as it is written in the YAML. Only ids that cannot be a word of prose are looked for:
those joined by `_`, `:` or `.` (`warden_lantern`, `herb_garden:trowel`, `world.empty_inventory`);
an id that is one plain word (`lantern`) reads the same as the word itself. A template is text in
braces (`{lantern_glow}`) that no substitution took up.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from elysium.content import Content
from elysium.content.messages import DEFAULTS

ERROR, WARNING, RAW_ID, TEMPLATE = "internal error", "warning", "raw id", "template"
KINDS = (ERROR, WARNING, RAW_ID, TEMPLATE)

JOINED_WORD = re.compile(r"[A-Za-z0-9]+(?:[_:.][A-Za-z0-9]+)+")
TEMPLATE_TEXT = re.compile(r"\{[^{}\n]{1,80}\}")
LOGGER = "elysium"


@dataclass(frozen=True)
class Finding:
    kind: str
    path: tuple[str, ...]  # the commands from the start that reach it
    detail: str

    def describe(self) -> str:
        return f"{self.kind}: {self.detail} (reached by: {' / '.join(self.path) or '(opening)'})"

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": list(self.path), "detail": self.detail}


def raw_names(content: Content, state: dict[str, Any]) -> frozenset[str]:
    """Every id and named piece of state that must never reach the player as written, and could
    not be mistaken for a word of prose."""
    kinds = (content.rooms, content.items, content.npcs, content.lore, content.pieces, content.classes,
             content.recitals, content.endings, content.verbs, content.rules, content.timers, content.states)
    names: set[str] = {key for kind in kinds for key in kind}
    names |= {topic for npc in content.npcs.values() for topic in npc.topics}
    for part in ("flags", "counters"):
        value = state.get(part)
        if isinstance(value, dict):
            names |= set(value)
    names |= set(DEFAULTS)
    names |= {name.partition(":")[2] for name in names if ":" in name}  # a mod's id without its pack
    return frozenset(name for name in names if JOINED_WORD.fullmatch(name))


def leaks(reply: str, names: frozenset[str]) -> list[tuple[str, str]]:
    """(kind, detail) of each raw id and template in a reply, each once, in reading order."""
    found: dict[tuple[str, str], None] = {}
    for line in reply.splitlines():
        for word in JOINED_WORD.findall(line):
            if word in names:
                found[(RAW_ID, f"{word!r} in {_excerpt(line)}")] = None
        for template in TEMPLATE_TEXT.findall(line):
            found[(TEMPLATE, f"{template} in {_excerpt(line)}")] = None
    return list(found)


def _excerpt(line: str, width: int = 100) -> str:
    line = line.strip()
    return repr(line if len(line) <= width else line[: width - 1] + "…")


class LogWatch(logging.Handler):
    """Collects what the engine reports while the explorer plays: the errors a turn caught and the
    warnings about content that misbehaves (a rule that sets itself off without end)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[tuple[str, str]]:
        """(kind, detail) of everything reported since the last call."""
        taken, self.records = self.records, []
        return [(ERROR if record.levelno >= logging.ERROR else WARNING, _reported(record)) for record in taken]


def _reported(record: logging.LogRecord) -> str:
    message = record.getMessage().splitlines()[0] if record.getMessage() else ""
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        return f"{type(error).__name__}: {error} ({message})"
    return message


@contextmanager
def watching_the_log() -> Iterator[LogWatch]:
    """While in this block, the engine's reports go to a LogWatch (and to nothing else that would
    print them: the explorer reports them itself)."""
    logger = logging.getLogger(LOGGER)
    watch = LogWatch()
    logger.addHandler(watch)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield watch
    finally:
        logger.removeHandler(watch)
        logger.propagate = propagate
