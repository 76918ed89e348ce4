"""The compiled content cache: used when fresh, never when stale, harmless when damaged."""

from __future__ import annotations

import pickle
import subprocess
import sys
import shutil
from pathlib import Path

import pytest

from elysium.content import cache, load_content
from elysium.content.files import PackFiles

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ELYSIUM_CACHE", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURE, tmp_path / "world"))


def test_a_second_load_comes_from_the_cache_and_equals_the_first(pack):
    first = load_content(pack)
    assert list((pack.parent / "cache").glob("*.pickle"))
    content, key = cache.read([PackFiles(pack)])
    assert content == first and key


def test_a_changed_file_is_never_served_stale(pack):
    load_content(pack)
    rooms = pack / "rooms.yaml"
    rooms.write_text(rooms.read_text().replace("name: Cloakroom", "name: The Cloak Room"))
    assert load_content(pack).rooms["cloakroom"].name == "The Cloak Room"


def test_content_cached_by_other_checking_code_is_checked_again(pack, tmp_path, monkeypatch):
    """A pack cached before a check was added (an upgrade that kept the version) is read again."""
    load_content(pack)
    code = Path(shutil.copytree(cache.CONTENT_CODE, tmp_path / "code", ignore=shutil.ignore_patterns("__pycache__")))
    monkeypatch.setattr(cache, "CONTENT_CODE", code)
    assert cache.read([PackFiles(pack)])[0] is not None
    checks = code / "validate.py"
    checks.write_text(checks.read_text() + "\n# a new check\n")
    monkeypatch.setattr(cache, "_CODE_STAMPS", {})  # a process started after the upgrade
    content, key = cache.read([PackFiles(pack)])
    assert content is None and key


def test_a_damaged_cache_file_is_ignored(pack):
    load_content(pack)
    for path in (pack.parent / "cache").glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert load_content(pack).rooms["vestibule"].name


def test_a_cache_file_cannot_run_code(pack):
    _, key = cache.read([PackFiles(pack)])
    (pack.parent / "cache").mkdir(exist_ok=True)
    (pack.parent / "cache" / f"{key}.pickle").write_bytes(pickle.dumps(print))
    assert cache.read([PackFiles(pack)])[0] is None
    with pytest.raises(pickle.UnpicklingError):
        cache._ModelOnly(__import__("io").BytesIO(pickle.dumps(print))).load()


def test_the_cache_can_be_switched_off(pack, monkeypatch):
    monkeypatch.setenv("ELYSIUM_CACHE", "off")
    load_content(pack)
    assert not (pack.parent / "cache").exists()


def test_content_with_warnings_comes_from_the_cache_too(pack):
    # Warnings (a flag set but never read) travel with the content: a warm load must not miss.
    (pack / "unread.yaml").write_text("rules:\n  noted:\n    on: look\n    continue: true\n"
                                      "    do: [{set: never_read_anywhere}]\n", encoding="utf-8")
    first = load_content(pack)
    assert any("never_read_anywhere" in problem.message for problem in first.warnings)
    content, key = cache.read([PackFiles(pack)])
    assert content == first and key


def test_a_cache_hit_reads_no_yaml(pack):
    """The title screen's first frame loads a cached pack: the YAML reader is not imported for it
    (only a cached warning's position, when there is one, brings it in)."""
    load_content(pack)
    script = ("import sys; from elysium.content import load_content; "
              f"assert load_content({str(pack)!r}).rooms; "
              "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('elysium.content.yaml')))")
    # Run away from the checkout, so that the child imports the same elysium as this process
    # (with -c, the current folder comes first on its path), and so reads the same cache key.
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=pack.parent)
    assert shown.stdout.strip() == "[]"


@pytest.mark.parametrize("module", ["model.py", "validate.py", "messages/light.py"])
def test_any_change_to_the_code_that_reads_content_makes_a_new_key(pack, tmp_path, monkeypatch, module):
    """Editing any module of the content package, the engine's messages among them (validation
    checks a game's messages against them), keeps a pack cached before from being served."""
    code = Path(shutil.copytree(cache.CONTENT_CODE, tmp_path / "code", ignore=shutil.ignore_patterns("__pycache__")))
    monkeypatch.setattr(cache, "CONTENT_CODE", code)
    packs = [PackFiles(pack)]
    before = cache.cache_key(packs)
    assert cache.cache_key(packs) == before
    edited = code / module
    edited.write_text(edited.read_text() + "\n# changed\n")
    monkeypatch.setattr(cache, "_CODE_STAMPS", {})  # a process started after the edit
    assert cache.cache_key(packs) != before


def test_a_running_process_keys_its_content_by_the_code_it_started_with(pack, tmp_path, monkeypatch):
    """The code's stamp is taken once a process: a module edited while a game runs is not what the
    process runs, so what it caches must not go under the edited code's key, which the next
    process (started with the edit) uses."""
    code = Path(shutil.copytree(cache.CONTENT_CODE, tmp_path / "code", ignore=shutil.ignore_patterns("__pycache__")))
    monkeypatch.setattr(cache, "CONTENT_CODE", code)
    packs = [PackFiles(pack)]
    running = cache.cache_key(packs)
    checks = code / "validate.py"
    checks.write_text(checks.read_text() + "\n# edited while the game runs\n")
    assert cache.cache_key(packs) == running
    started_after = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from elysium.content import cache; "
         "from elysium.content.files import PackFiles; cache.CONTENT_CODE = Path(sys.argv[1]); "
         "print(cache.cache_key([PackFiles(Path(sys.argv[2]))]))", str(code), str(pack)],
        capture_output=True, text=True, check=True)
    assert started_after.stdout.strip() not in ("", running)


def test_the_rooms_and_items_are_pickled_as_tables_and_read_back_in_order(pack, monkeypatch):
    """Content.__getstate__: each table in parts of TABLE_ROWS models, made again as it is read."""
    from elysium.content import model

    content = load_content(pack)
    monkeypatch.setattr(model, "TABLE_ROWS", 2)  # several parts, the last one short
    state = content.__getstate__()
    assert isinstance(state["rooms"], tuple) and len(state["rooms"]) == (len(content.rooms) + 1) // 2
    back = pickle.loads(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == content and back.rooms is not content.rooms
    assert list(back.rooms) == list(content.rooms) and list(back.items) == list(content.items)
    assert all(type(room) is model.Room for room in back.rooms.values())
    assert back.rules_for("take", None) == content.rules_for("take", None)
    moved = dict(content.rooms)
    moved["elsewhere"] = moved.pop(next(iter(moved)))  # a room kept under another id: pickled as it is
    odd = model.Content(**{**{f: getattr(content, f) for f in ("pack", "game", "items", "npcs", "lore",
                                                             "pieces", "classes", "recitals", "endings",
                                                             "verbs", "rules", "timers")}, "rooms": moved})
    assert odd.__getstate__()["rooms"] == moved
    assert pickle.loads(pickle.dumps(odd)).rooms == moved
