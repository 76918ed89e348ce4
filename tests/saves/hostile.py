"""A corpus of hostile saves, made afresh in a folder from a real save of the fixture world: each is
what a crafted or broken file could hold, and each must be refused with a clear message by every
front-end, without a traceback, a hang, or a game loaded half-way.

Where a case is about the values in a save, not about its checksum, the save gets a checksum that
matches (a hostile file can always compute one), so that the values themselves are what is refused.
Each value case is also dated after every real save, so that it is the newest: what `--continue`
and the title screen's Continue would pick.

Kept in a plain module (not conftest.py) so that the saves tests and the TUI tests share it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from elysium import __version__
from elysium.state.saves import MAX_SAVE_BYTES, SUFFIX, checksum
from elysium.state.store import copy_state

QUOTES = "\u201c{}\u201d"
NEWEST = "2999-01-01T00:00:00.000000+00:00"  # later than any real save
TERM_END = 3 * 24 * 60  # the fixture world's term ends at midnight after its third day
DAMAGED = "is damaged: "
CONTROL = "is damaged: it holds control characters, which no saved game has."


@dataclass(frozen=True)
class Hostile:
    name: str  # the save's slot
    says: str  # what refusing it says after "The saved game “name” "
    make: Callable[[Path, str, dict[str, Any]], None]  # (folder, slot, a good body): writes the save
    listed: bool = True  # whether a list of saves shows it (SAVES, the title screen, Load)

    def message(self) -> str:
        return f"The saved game {QUOTES.format(self.name)} {self.says}"

    def path(self, folder: Path) -> Path:
        return folder / f"{self.name}{SUFFIX}"


def signed(body: dict[str, Any]) -> str:
    """The body's text as a game writes it, with a checksum that matches it."""
    body = {k: v for k, v in body.items() if k != "checksum"}
    return json.dumps({**body, "checksum": checksum(body)}, ensure_ascii=False)


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}{SUFFIX}").write_text(text, encoding="utf-8")


def state_changed(change: Callable[[dict[str, Any]], None]) -> Callable[[Path, str, dict[str, Any]], None]:
    """A signed, newest save whose state `change` has altered in place."""
    def make(folder: Path, name: str, good: dict[str, Any]) -> None:
        body = {**copy_state(good), "saved_at": NEWEST}
        change(body["state"])
        _write(folder, name, signed(body))
    return make


def body_changed(change: Callable[[dict[str, Any]], None], sign: bool = True) -> Callable[..., None]:
    def make(folder: Path, name: str, good: dict[str, Any]) -> None:
        body = {**copy_state(good), "saved_at": NEWEST}
        change(body)
        _write(folder, name, signed(body) if sign else json.dumps(body, ensure_ascii=False))
    return make


def text_of(make_text: Callable[[str], str]) -> Callable[[Path, str, dict[str, Any]], None]:
    """A save whose text is the good save's text, changed by `make_text`."""
    def make(folder: Path, name: str, good: dict[str, Any]) -> None:
        _write(folder, name, make_text(signed({**good, "saved_at": NEWEST})))
    return make


def deeply_nested(text: str) -> str:
    depth = 100_000
    return text.replace('"flags": {', f'"flags": {{"deep": {"[" * depth}{"]" * depth}, ', 1)


def huge_integer(text: str) -> str:
    at = text.index('"turn": ') + len('"turn": ')
    end = at + len(text[at:]) - len(text[at:].lstrip("0123456789"))
    return f"{text[:at]}{'9' * 100_000}{text[end:]}"


def number_literal(literal: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        at = text.index('"energy": ') + len('"energy": ')
        end = at + len(text[at:]) - len(text[at:].lstrip("0123456789"))
        return f"{text[:at]}{literal}{text[end:]}"
    return change


def cycle(state: dict[str, Any]) -> None:
    state["items"]["oak_chest"]["at"] = "in:wicker_basket"
    state["items"]["wicker_basket"]["at"] = "on:oak_chest"


def drop_checksum(body: dict[str, Any]) -> None:
    del body["checksum"]


def rename_checksum(body: dict[str, Any]) -> None:
    body["check"] = body.pop("checksum")


def one_older_step(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change_body(body: dict[str, Any]) -> None:
        change(body["history"][0])
    return change_body


def fifo(folder: Path, name: str, good: dict[str, Any]) -> None:
    os.mkfifo(folder / f"{name}{SUFFIX}")


def link_to_dev_zero(folder: Path, name: str, good: dict[str, Any]) -> None:
    (folder / f"{name}{SUFFIX}").symlink_to("/dev/zero")


def link_to_a_good_save(folder: Path, name: str, good: dict[str, Any]) -> None:
    (folder / f"{name}{SUFFIX}").symlink_to(folder / f"good{SUFFIX}")


def huge_sparse(folder: Path, name: str, good: dict[str, Any]) -> None:
    with (folder / f"{name}{SUFFIX}").open("wb") as stream:
        stream.truncate(MAX_SAVE_BYTES * 4)


def _set(*path: str, to: Any) -> Callable[[dict[str, Any]], None]:
    def change(mapping: dict[str, Any]) -> None:
        for key in path[:-1]:
            mapping = mapping[key]
        mapping[path[-1]] = to
    return change


CASES: list[Hostile] = [
    Hostile("nested-100000-deep", f"{DAMAGED}it is nested far deeper than any saved game.", text_of(deeply_nested),
            listed=False),
    Hostile("integer-of-100000-digits", f"{DAMAGED}it holds a number far larger than any game uses.",
            text_of(huge_integer), listed=False),
    Hostile("nan", f"{DAMAGED}it holds the number NaN, and a game's numbers are all whole.",
            text_of(number_literal("NaN")), listed=False),
    Hostile("infinity", f"{DAMAGED}it holds the number -Infinity, and a game's numbers are all whole.",
            text_of(number_literal("-Infinity")), listed=False),
    Hostile("fraction", f"{DAMAGED}it holds the number 99.5, and a game's numbers are all whole.",
            text_of(number_literal("99.5")), listed=False),
    Hostile("visits-many", f"{DAMAGED}state.visits.vestibule should be a whole number of 0 or more.",
            state_changed(_set("visits", "vestibule", to="many"))),
    Hostile("delay-of-a-billion", f"{DAMAGED}state.delay should be a whole number of minutes from 0 to {TERM_END}.",
            state_changed(_set("delay", to=1_000_000_000))),
    Hostile("energy-250", f"{DAMAGED}state.energy should be a whole number from 0 to 100.",
            state_changed(_set("energy", to=250))),
    Hostile("energy-negative", f"{DAMAGED}state.energy should be a whole number from 0 to 100.",
            state_changed(_set("energy", to=-1))),
    Hostile("skill-101", f"{DAMAGED}state.skills.voice should be a whole number from 0 to 100.",
            state_changed(_set("skills", "voice", to=101))),
    Hostile("turn-true", f"{DAMAGED}state.turn should be a whole number of 0 or more.",
            state_changed(_set("turn", to=True))),
    Hostile("time-after-term", f"{DAMAGED}state.time should be a time within the term (0 to {TERM_END} minutes).",
            state_changed(_set("time", to=TERM_END + 1))),
    Hostile("time-negative", f"{DAMAGED}state.time should be a time within the term (0 to {TERM_END} minutes).",
            state_changed(_set("time", to=-30))),
    Hostile("chest-in-itself", f"{DAMAGED}state.items.oak_chest is inside itself.",
            state_changed(_set("items", "oak_chest", "at", to="in:oak_chest"))),
    Hostile("containment-cycle", f"{DAMAGED}state.items.oak_chest is inside itself.", state_changed(cycle)),
    Hostile("worn-not-held", f"{DAMAGED}state.items.velvet_cloak is worn but not held.",
            state_changed(_set("items", "velvet_cloak", "at", to="vestibule"))),
    Hostile("unknown-state-key", f"{DAMAGED}state.godmode is no part of a saved game.",
            state_changed(_set("godmode", to=True))),
    Hostile("unknown-top-key", f"{DAMAGED}cheats is no part of a saved game.", body_changed(_set("cheats", to=[]))),
    Hostile("older-step-energy", f"{DAMAGED}history.0.rest.energy should be a whole number from 0 to 100.",
            body_changed(one_older_step(_set("rest", "energy", to=1000)))),
    Hostile("older-step-in-itself", f"{DAMAGED}history.0.items.oak_chest is inside itself.",
            body_changed(one_older_step(_set("items", "oak_chest", to={"at": "in:oak_chest", "open": True})))),
    Hostile("missing-checksum", f"{DAMAGED}its checksum is missing.", body_changed(drop_checksum, sign=False)),
    Hostile("renamed-checksum", f"{DAMAGED}its checksum is missing.",
            body_changed(rename_checksum, sign=False)),
    Hostile("newer-game", f"was made by a newer version of Elysium (99.0.0); this is version {__version__}.",
            body_changed(_set("game_version", to="99.0.0"))),
    Hostile("escape-in-summary", CONTROL, body_changed(_set("summary", "location", to="Vestibule\x1b[2J\x1b[H")),
            listed=False),
    Hostile("csi-in-summary", CONTROL, body_changed(_set("summary", "location", to="Vestibule\x9b2J")),
            listed=False),
    Hostile("escape-in-pack-id", CONTROL, body_changed(_set("packs", 0, "id", to="fixture_world\x1b]0;owned\x07")),
            listed=False),
    Hostile("fifo", "is a pipe, not a file.", fifo, listed=False),
    Hostile("link-to-dev-zero", "is a link to another file, and the game only reads saves it wrote itself.",
            link_to_dev_zero, listed=False),
    Hostile("link-to-a-save", "is a link to another file, and the game only reads saves it wrote itself.",
            link_to_a_good_save, listed=False),
    Hostile("huge-sparse", "is far too large to be a saved game.", huge_sparse, listed=False),
]
# A pipe and /dev/zero are what a POSIX system has; elsewhere those cases cannot be made.
CASES = [case for case in CASES if (case.make is not fifo or hasattr(os, "mkfifo"))
         and (case.make is not link_to_dev_zero or Path("/dev/zero").exists())]
BY_NAME = {case.name: case for case in CASES}


def make_corpus(folder: Path, good: dict[str, Any], cases: list[Hostile] = CASES) -> None:
    """Write each hostile case into `folder`, beside the real save whose body is `good`."""
    for case in cases:
        case.make(folder, case.name, good)
