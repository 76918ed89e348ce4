"""What content coverage says: per game, a table of each kind touched out of its total, the ids
never touched at file:line:col, and the same as JSON (docs/modding.md, `elysium test --coverage`).

"Overall" is every id touched, of every kind and every game played, out of every id: each room,
item, rule, topic, lore entry, timer and ending weighs the same, as each line does in coverage.py.
Positions are read again from the packs' files, and only when a report asks for them: the content
model keeps none, and a run without coverage never reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from elysium.content.styles import without_controls
from elysium.transcript.coverage import KINDS, ContentCoverage, GameCoverage, all_ids
from elysium.transcript.report import display_path


def percent(touched: int, total: int) -> float:
    """The share touched, from 0 to 100; nothing to touch counts as all of it touched."""
    return 100.0 * touched / total if total else 100.0


def shown(value: float) -> float:
    """A percentage as it is printed (and judged by --fail-under): one decimal."""
    return round(value, 1)


@dataclass(frozen=True)
class KindFigures:
    kind: str
    touched: tuple[str, ...]
    total: int
    untouched: tuple[tuple[str, str], ...]  # (id, "file:line:col" or "" when unknown), in content order

    @property
    def heading(self) -> str:
        return f"{self.kind} {KINDS[self.kind]}"

    @property
    def percent(self) -> float:
        return percent(len(self.touched), self.total)


@dataclass(frozen=True)
class GameFigures:
    title: str
    pack: str
    folder: str
    mods: tuple[str, ...]
    tests: int
    kinds: tuple[KindFigures, ...]

    @property
    def touched(self) -> int:
        return sum(len(kind.touched) for kind in self.kinds)

    @property
    def total(self) -> int:
        return sum(kind.total for kind in self.kinds)

    @property
    def percent(self) -> float:
        return percent(self.touched, self.total)


def figures(coverage: ContentCoverage, positions: bool = True) -> list[GameFigures]:
    """The figures of every game played, in the order they were first played; with `positions`,
    where each untouched id is written (a second read of the packs' files)."""
    return [game_figures(game, positions) for game in coverage.games.values()]


def game_figures(game: GameCoverage, positions: bool = True) -> GameFigures:
    places = EntryPlaces(game) if positions else None
    kinds = []
    for kind, ids in all_ids(game.content).items():
        touched = tuple(entry for entry in ids if entry in game.touched[kind])
        untouched = tuple((entry, places.where(kind, entry) if places else "")
                          for entry in ids if entry not in game.touched[kind])
        kinds.append(KindFigures(kind, touched, len(ids), untouched))
    content = game.content
    return GameFigures(content.game.title, content.pack.id, display_path(game.folder),
                       tuple(display_path(mod) for mod in game.mods), game.tests, tuple(kinds))


def overall(games: list[GameFigures]) -> tuple[int, int, float]:
    """(touched, total, percent) over every game."""
    touched, total = sum(g.touched for g in games), sum(g.total for g in games)
    return touched, total, percent(touched, total)


def report(games: list[GameFigures]) -> str:
    """The report `elysium test --coverage` prints: a block per game, then the overall line."""
    blocks = [_game_block(game) for game in games]
    touched, total, share = overall(games)
    blocks.append(f"content coverage: {touched} of {total} ({shown(share):.1f}%) overall")
    return without_controls("\n\n".join(blocks))


def _game_block(game: GameFigures) -> str:
    mods = f" with {', '.join(game.mods)}" if game.mods else ""
    tests = f"{game.tests} test{'s' * (game.tests != 1)}"
    lines = [f"Content coverage of {game.title} ({game.folder}{mods}), {tests}"]
    width = max(len(kind.heading) for kind in game.kinds)
    lines.append(f"  {'':{width}}  touched  total  percent")
    for kind in game.kinds:
        lines.append(f"  {kind.heading:{width}}  {len(kind.touched):7}  {kind.total:5}  {shown(kind.percent):6.1f}%")
    lines.append(f"  {'all':{width}}  {game.touched:7}  {game.total:5}  {shown(game.percent):6.1f}%")
    for kind in game.kinds:
        if kind.untouched:
            lines.append(f"{kind.kind} never {KINDS[kind.kind]} ({len(kind.untouched)}):")
            lines.extend(f"  {where}: {entry}" if where else f"  {entry}" for entry, where in kind.untouched)
    return "\n".join(lines)


def summary_lines(game: GameFigures) -> list[str]:
    """The short form pytest's summary shows: a heading, then one line per kind."""
    width = max(len(kind.heading) for kind in game.kinds)
    lines = [f"content coverage of {game.title} ({game.tests} transcript tests): "
             f"{game.touched}/{game.total} ({shown(game.percent):.1f}%)"]
    lines += [f"  {kind.heading:{width}} {len(kind.touched):4}/{kind.total:<4} {shown(kind.percent):5.1f}%"
              for kind in game.kinds]
    return [without_controls(line) for line in lines]


def as_json(games: list[GameFigures]) -> dict[str, Any]:
    """The report as data: see docs/modding.md for its shape."""
    touched, total, share = overall(games)
    return {
        "overall": {"touched": touched, "total": total, "percent": shown(share)},
        "games": [{
            "title": game.title,
            "pack": game.pack,
            "folder": game.folder,
            "mods": list(game.mods),
            "tests": game.tests,
            "overall": {"touched": game.touched, "total": game.total, "percent": shown(game.percent)},
            "kinds": {kind.kind: {
                "touched": len(kind.touched),
                "total": kind.total,
                "percent": shown(kind.percent),
                "touched_ids": list(kind.touched),
                "untouched": [{"id": entry, "at": where} for entry, where in kind.untouched],
            } for kind in game.kinds},
        } for game in games],
    }


class EntryPlaces:
    """Where each entry of a game is written, from a second read of its packs (the loader's own
    positions: an item's rules and a room's scenery lines included)."""

    def __init__(self, game: GameCoverage) -> None:
        from elysium.content.assemble import Assembly
        from elysium.content.files import PackFiles
        from elysium.content.problems import ContentError

        self.assembly: Any = Assembly()
        try:
            self.assembly.run(PackFiles(game.folder), [PackFiles(mod) for mod in game.mods])
        except (ContentError, OSError):
            self.assembly = None  # the packs changed since they were played: no positions

    def where(self, kind: str, entry_id: str) -> str:
        if self.assembly is None:
            return ""
        if kind == "topics":
            npc, _, topic = entry_id.rpartition(":")
            found = self.assembly.entries["npcs"].get(npc)
            return str(found[1].doc.key_mark(found[1].path + ("topics", topic))) if found else ""
        found = self.assembly.entries[kind].get(entry_id)
        return str(found[1].mark) if found else ""
