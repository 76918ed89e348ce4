"""The broken-mod corpus: every folder in tests/content/broken/ is a mod that `elysium validate`
must reject, on top of the fixture world, with the lines in its expected.txt (see the README there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from elysium import cli
from elysium.content import ContentError, load_content
from elysium.content.yamlsafe import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).resolve().parent / "broken"
FIXTURE = ROOT / "tests" / "fixtures" / "world"


def _deep_flow_100000(folder: Path) -> None:
    (folder / "deep.yaml").write_text("rooms: " + "[" * 100_000 + "]" * 100_000 + "\n")


def _file_too_large(folder: Path) -> None:
    line = b"# padding " + b"-" * 69 + b"\n"
    blob = b"rooms: {}\n" + line * (MAX_FILE_BYTES // len(line) + 1)
    (folder / "big.yaml").write_bytes(blob[: MAX_FILE_BYTES + 1])


def _link(link: Path, target: str | Path, folder: bool = False) -> None:
    try:
        link.symlink_to(target, target_is_directory=folder)
    except OSError as error:  # e.g. Windows without the right to make links
        pytest.skip(f"cannot make a symlink here: {error}")


def _symlink_outside(folder: Path) -> None:
    _link(folder / "escape.yaml", FIXTURE / "rooms.yaml")


def _device(name: str) -> Path:
    device = Path("/dev") / name
    if not device.is_char_device():
        pytest.skip(f"this system has no {device}")
    return device


def _link_to_dev_zero(folder: Path) -> None:
    _link(folder / "zero.yaml", _device("zero"))


def _link_to_dev_urandom(folder: Path) -> None:
    _link(folder / "noise.yaml", _device("urandom"))


def _fifo_named_yaml(folder: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes (os.mkfifo)")
    os.mkfifo(folder / "pipe.yaml")


def _symlink_loop(folder: Path) -> None:
    _link(folder / "a.yaml", "b.yaml")
    _link(folder / "b.yaml", "a.yaml")


def _symlink_loop_folder(folder: Path) -> None:
    """Two links back to the pack's own folder: one named like content, one not (never followed)."""
    _link(folder / "again", ".", folder=True)
    _link(folder / "around.yaml", ".", folder=True)


def _huge_sparse_file(folder: Path) -> None:
    huge = folder / "huge.yaml"
    try:
        with huge.open("wb") as stream:
            stream.truncate(8 * 1024 ** 3)  # 8 GiB of nothing: a sparse file takes no room on disk
    except OSError as error:
        pytest.skip(f"this filesystem cannot hold an 8 GiB sparse file: {error}")
    if getattr(huge.stat(), "st_blocks", 0) * 512 > 1024 ** 2:
        huge.unlink()
        pytest.skip("this filesystem does not keep sparse files sparse")


def _manifest_link_outside(folder: Path) -> None:
    _link(folder / "mod" / "pack.yaml", Path("..") / "elsewhere" / "pack.yaml")


# Cases completed at test time in a copy of the folder (too big, a symlink or a special file: not
# something to commit).
GENERATED = {
    "deep_flow_100000": _deep_flow_100000,
    "file_too_large": _file_too_large,
    "symlink_outside": _symlink_outside,
    "link_to_dev_zero": _link_to_dev_zero,
    "link_to_dev_urandom": _link_to_dev_urandom,
    "fifo_named_yaml": _fifo_named_yaml,
    "symlink_loop": _symlink_loop,
    "symlink_loop_folder": _symlink_loop_folder,
    "huge_sparse_file": _huge_sparse_file,
    "manifest_link_outside": _manifest_link_outside,
}

# Cases that hung, crashed or filled the memory once: they run in a process of their own, stopped
# if it does not finish (a hang fails the case instead of the suite) and kept to 2 GiB of memory.
HAZARDS = {"link_to_dev_zero", "link_to_dev_urandom", "fifo_named_yaml", "symlink_loop",
           "symlink_loop_folder", "huge_sparse_file"}
GUARD_SECONDS = 60
GUARD_BYTES = 2 * 1024 ** 3


# Cases whose expected.txt holds the message the engine SHOULD give; what it gives now is quoted.
XFAIL: dict[str, str] = {}  # every case gives the message it should; add one here with its reason if not

CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def _display(path: Path) -> str:
    """A path as `elysium validate` prints it: relative to the working folder when under it."""
    relative = os.path.relpath(path, ROOT)
    return str(path) if relative.startswith("..") else relative


def _param(name: str):
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
    return pytest.param(name, marks=marks, id=name)


def test_the_corpus_has_every_case_with_an_expectation():
    assert len(CASES) >= 25
    assert [name for name in CASES if not (BROKEN / name / "expected.txt").is_file()] == []
    assert set(XFAIL) <= set(CASES) and set(GENERATED) <= set(CASES)


@pytest.mark.parametrize("name", [_param(name) for name in CASES])
def test_a_broken_mod_is_rejected_with_a_clear_message(name, tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(ROOT)
    case = BROKEN / name
    if name in GENERATED:
        case = tmp_path / name
        shutil.copytree(BROKEN / name, case)
        GENERATED[name](case)
    listed = case / "args.txt"
    mods = [case / line.strip() for line in listed.read_text().splitlines() if line.strip()] if listed.is_file() else [case]
    argv = ["validate", "--no-mods", "--content", _display(FIXTURE)]  # the mods folder's packs stay out
    for folder in mods:
        argv += ["--mod", _display(folder)]

    if name in HAZARDS:
        status, out, err = _guarded(argv)
    else:
        try:
            status = cli.main(argv)
        except SystemExit as exit_:
            status = exit_.code
        out, err = capfd.readouterr()

    expected = (BROKEN / name / "expected.txt").read_text(encoding="utf-8").replace("{case}", _display(case))
    assert "Traceback" not in out + err
    assert out == "", f"nothing belongs on stdout; stderr was:\n{err}"
    assert status == 2, f"stderr was:\n{err}"
    missing = [line for line in expected.splitlines() if line and line not in err.splitlines()]
    assert missing == [], f"stderr was:\n{err}"


@pytest.mark.parametrize("name", ["fifo_named_yaml", "link_to_dev_zero"])
def test_play_reports_a_file_that_is_no_file_without_hanging(name, tmp_path):
    case = tmp_path / name
    shutil.copytree(BROKEN / name, case)
    GENERATED[name](case)

    status, out, err = _guarded(["play", "--plain", "--no-mods", "--content", _display(FIXTURE), "--mod", _display(case)])

    expected = (BROKEN / name / "expected.txt").read_text(encoding="utf-8").replace("{case}", _display(case))
    assert "Traceback" not in out + err
    assert (status, out) == (2, "")
    assert err.splitlines() == expected.splitlines()


def _guarded(argv: list[str]) -> tuple[int, str, str]:
    """`python -m elysium ARGV` from the project root with nothing on stdin, in a process that is
    stopped if it does not finish and cannot take more than GUARD_BYTES of memory."""
    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (GUARD_BYTES, GUARD_BYTES))

    try:
        result = subprocess.run([sys.executable, "-m", "elysium", *argv], cwd=ROOT, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=GUARD_SECONDS,
                                preexec_fn=limit_memory if os.name == "posix" else None)
    except subprocess.TimeoutExpired:
        pytest.fail(f"elysium {' '.join(argv)} was still running after {GUARD_SECONDS} s: it hangs")
    return result.returncode, result.stdout, result.stderr


def test_a_broken_mod_leaves_nothing_half_loaded(monkeypatch):
    """One good room and one duplicate: the error is raised and no Content comes back at all."""
    monkeypatch.chdir(ROOT)
    mod = BROKEN / "duplicate_id_across_files"
    returned = []
    with pytest.raises(ContentError) as caught:
        returned.append(load_content(FIXTURE, (mod,)))
    assert returned == []
    assert [p.message for p in caught.value.problems] == [
        f"the id 'annex' is already used by rooms at {_display(mod / 'annex.yaml')}:2:3"]
    content = load_content(FIXTURE)  # the game loads on its own, with no trace of the mod
    assert not [room for room in content.rooms if room.startswith("duplicate_id_across_files:")]


def test_an_empty_content_file_is_fine_but_an_empty_manifest_is_not(tmp_path, capfd):
    mod = tmp_path / "quiet"
    mod.mkdir()
    (mod / "pack.yaml").write_text("id: quiet\nname: Quiet\nversion: 1.0.0\n")
    (mod / "empty.yaml").write_text("")
    (mod / "comments.yaml").write_text("# nothing here yet\n")
    assert cli.main(["validate", "--no-mods", "--content", str(FIXTURE), "--mod", str(mod)]) == 0
    out, err = capfd.readouterr()
    assert out.splitlines()[-1].startswith("content ok: ") and err == ""

    (mod / "pack.yaml").write_text("")
    assert cli.main(["validate", "--no-mods", "--content", str(FIXTURE), "--mod", str(mod)]) == 2
    out, err = capfd.readouterr()
    assert out == "" and "pack.yaml:1:1: error: the manifest must be a mapping of fields, not nothing" in err
