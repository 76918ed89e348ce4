"""`elysium audit` loads the packs as play does, from the compiled cache when it is warm, with the
facts of the load it needs besides the content kept beside it (elysium/audit/load.py): a second
audit of unchanged packs parses no YAML to load them, and says exactly what the first said, with
the same positions, whatever is in the cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import elysium.content.assemble
from elysium.audit.load import SUFFIX
from elysium.audit.run import audit

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

PACKS = [
    pytest.param(FIXTURES / "audit_names", (), id="names"),
    pytest.param(FIXTURES / "audit_reach", (), id="reach"),
    pytest.param(FIXTURES / "audit_allowed", (), id="allowed"),
    pytest.param(FIXTURES / "world", (), id="world"),
    pytest.param(None, (ROOT / "examples" / "lantern_walk",), id="campus+lantern_walk"),
]


@pytest.fixture
def loads(monkeypatch):
    """How many times the packs are parsed and built (a cache hit builds nothing)."""
    made = []
    real = elysium.content.assemble.Assembly.run
    monkeypatch.setattr(elysium.content.assemble.Assembly, "run", lambda self, *a: made.append(1) or real(self, *a))
    return made


def _report(game, mods):
    report = audit(game, mods)
    return report.as_json(), [str(finding) for finding in report.findings]


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_an_audit_from_the_cache_says_exactly_what_one_without_it_says(monkeypatch, tmp_path, loads, game, mods):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    without = _report(game, mods)
    assert len(loads) == 1
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    assert _report(game, mods) == without  # a miss: loaded, and kept
    assert len(loads) == 2 and list(tmp_path.glob(f"*{SUFFIX}"))
    assert _report(game, mods) == without  # a hit: nothing parsed to load
    assert len(loads) == 2


def test_the_audit_finds_what_it_found_with_every_kind_of_finding_from_the_cache(monkeypatch, tmp_path, loads):
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    first = _report(FIXTURES / "audit_names", ())
    kinds = {finding["kind"] for finding in first[0]["findings"]}
    assert {"unset", "unused"} <= kinds and all(finding["line"] for finding in first[0]["findings"])
    assert _report(FIXTURES / "audit_names", ()) == first and len(loads) == 1


@pytest.mark.parametrize(("game", "mods"), PACKS[:-1])  # the last has no findings
def test_a_warm_audit_places_its_findings_without_reading_a_file_again(monkeypatch, tmp_path, game, mods):
    import elysium.audit.places

    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    first = _report(game, mods)
    assert any(finding["line"] for finding in first[0]["findings"])
    read = []
    real = elysium.audit.places.Positions
    monkeypatch.setattr(elysium.audit.places, "Positions", lambda document: read.append(document) or real(document))
    assert _report(game, mods) == first
    assert read == []  # every mark came from the facts kept beside the cache


def test_marks_are_named_by_the_working_folder_of_the_audit_that_reads_them(monkeypatch, tmp_path):
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    monkeypatch.chdir(ROOT)
    _report(FIXTURES / "audit_reach", ())
    monkeypatch.chdir(FIXTURES)
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    without = _report(FIXTURES / "audit_reach", ())
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    assert _report(FIXTURES / "audit_reach", ()) == without
    assert without[0]["findings"][0]["file"].startswith("audit_reach")


@pytest.mark.parametrize("damage", ["{not json", '{"format": 1}', '{"format": 99, "names": []}',
                                    '{"format": 2, "files": [[7, "nowhere.yaml"]], "names": [], "state_uses": [],'
                                    ' "written": [], "states": {}, "records": [], "places": []}',
                                    '{"format": 2, "files": [], "names": [], "state_uses": [], "written": [],'
                                    ' "states": {}, "records": [], "places": [["key", 0, 1, 1]]}'])
def test_damaged_or_foreign_facts_are_not_used(monkeypatch, tmp_path, loads, damage):
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path))
    first = _report(FIXTURES / "audit_reach", ())
    for facts in tmp_path.glob(f"*{SUFFIX}"):
        facts.write_text(damage)
    assert _report(FIXTURES / "audit_reach", ()) == first
    assert len(loads) == 2  # loaded again, and the facts kept again
    assert _report(FIXTURES / "audit_reach", ()) == first and len(loads) == 2


def test_a_changed_pack_is_audited_afresh(monkeypatch, tmp_path, loads):
    import shutil

    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURES / "audit_names", pack)
    first = _report(pack, ())
    changed = next(path for path in sorted(pack.glob("*.yaml")) if path.name != "pack.yaml")
    changed.write_text(changed.read_text() + "\n# a comment moves nothing but the key\n")
    assert _report(pack, ()) == first and len(loads) == 2
