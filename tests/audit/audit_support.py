"""The packs the audit's equivalence tests walk room by room: the campus, the campus with the
Lantern Walk, Cloak of Darkness, and the test packs each test names."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def packs_with(*fixtures: str) -> list:
    """(game folder, mods) parameters, each with its id: None is the campus."""
    return [
        pytest.param(None, (), id="campus"),
        pytest.param(None, (ROOT / "examples" / "lantern_walk",), id="campus+lantern_walk"),
        pytest.param(ROOT / "examples" / "cloak_of_darkness", (), id="cloak_of_darkness"),
        *(pytest.param(FIXTURES / name, (), id=name) for name in fixtures),
    ]


def examiners_of_the_checks(examiner_class, monkeypatch, game: Path | None, mods: tuple) -> list:
    """Every Examiner the room checks and the reply checks make for one pack, each made as
    `examiner_class` (which keeps a list of them in `made`)."""
    from elysium.audit.scenery import reply_gaps, scenery_coverage
    from elysium.content import load_content
    from elysium.content.loader import default_content_dir

    monkeypatch.setattr("elysium.audit.scenery.Examiner", examiner_class)
    examiner_class.made = []
    content = load_content(game or default_content_dir(), mods)
    scenery_coverage(content)
    reply_gaps(content)
    return examiner_class.made
