"""Packs and their manifests: what each pack is, what it needs, and the order to load them in.

A pack is a folder with a `pack.yaml` manifest. The game pack (the default is Starred Blocks) has a
`game:` section; mods require it, or each other, and may ask to load after others. Requirements
that are missing, cycles and engine versions a pack does not support are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from elysium import __version__
from elysium.content.yamlsafe import Mark

VERSION_PART = re.compile(r"(>=|<=|==|!=|>|<|~=)?\s*(\d+(?:\.\d+)*)")


@dataclass(frozen=True)
class Manifest:
    id: str
    name: str
    version: str
    folder: Path
    mark: Mark
    engine: str = ""
    requires: dict[str, str] = field(default_factory=dict)
    load_after: tuple[str, ...] = ()
    is_game: bool = False


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:4])


def satisfies(version: str, spec: str) -> bool:
    """Whether `version` meets a spec such as ">=0.1, <0.3" (an empty spec allows any)."""
    for clause in (c.strip() for c in spec.split(",") if c.strip()):
        match = VERSION_PART.fullmatch(clause)
        if not match:
            return False
        operator, wanted = match[1] or "==", version_key(match[2])
        have = version_key(version)
        if operator == "~=":  # compatible release: same leading parts, at least this one
            if have < wanted or have[: len(wanted) - 1] != wanted[: len(wanted) - 1]:
                return False
            continue
        width = max(len(have), len(wanted))
        have, wanted = have + (0,) * (width - len(have)), wanted + (0,) * (width - len(wanted))
        if not {"==": have == wanted, "!=": have != wanted, ">=": have >= wanted, "<=": have <= wanted,
                ">": have > wanted, "<": have < wanted}[operator]:
            return False
    return True


def valid_spec(spec: str) -> bool:
    return all(VERSION_PART.fullmatch(c.strip()) for c in spec.split(",") if c.strip())


def load_order(packs: list[Manifest]) -> tuple[list[Manifest], list[tuple[Mark, str]]]:
    """Packs sorted so each comes after what it requires and what it loads after; problems too."""
    problems: list[tuple[Mark, str]] = []
    by_id = {pack.id: pack for pack in packs}
    for pack in packs:
        if pack.engine and not satisfies(__version__, pack.engine):
            problems.append((pack.mark, f"pack {pack.id!r} supports engine versions {pack.engine}, "
                                        f"but this is {__version__}"))
        for needed, spec in pack.requires.items():
            if needed not in by_id:
                problems.append((pack.mark, f"pack {pack.id!r} requires {needed!r}, which is not loaded "
                                            f"(add it with --mod, or put it in the mods folder)"))
            elif spec and not satisfies(by_id[needed].version, spec):
                problems.append((pack.mark, f"pack {pack.id!r} requires {needed} {spec}, "
                                            f"but {needed} is version {by_id[needed].version}"))
    order: list[Manifest] = []
    state: dict[str, str] = {}

    def visit(pack: Manifest, trail: list[str]) -> None:
        if state.get(pack.id) == "done":
            return
        if state.get(pack.id) == "visiting":
            cycle = " -> ".join([*trail[trail.index(pack.id):], pack.id])
            problems.append((pack.mark, f"packs require each other in a circle: {cycle}"))
            return
        state[pack.id] = "visiting"
        befores = [*pack.requires, *pack.load_after]
        if not pack.is_game:
            befores.insert(0, next((p.id for p in packs if p.is_game), ""))
        for before in befores:
            if before in by_id and before != pack.id:
                visit(by_id[before], [*trail, pack.id])
        state[pack.id] = "done"
        order.append(pack)

    for pack in packs:
        visit(pack, [])
    return order, problems
