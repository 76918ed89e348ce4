"""Which mods a game loads: each `--mod`, and the packs of the mods folder the player chose (their
own, or `--mods DIR`, or none with `--no-mods`), never a folder found beside `--saves`; and the
game says which mods it loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from elysium import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"
PEBBLE = {
    "pack.yaml": "id: pebble_mod\nname: The Pebble\nversion: 1.2.0\nrequires: [fixture_world]\n",
    "pebble.yaml": ("items:\n  pebble:\n    name: smooth pebble\n    location: fixture_world:vestibule\n"
                    "    description: A smooth grey pebble.\n"),
}
SEEN = "> A smooth grey pebble."  # the reply to EXAMINE PEBBLE, after its prompt


def pebble_in(mods_folder: Path) -> Path:
    folder = mods_folder / "pebble_mod"
    folder.mkdir(parents=True)
    for name, text in PEBBLE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def own_mods(tmp_path: Path, monkeypatch) -> Path:
    """The player's own mods folder, empty, away from the checkout's."""
    folder = tmp_path / "own" / "mods"
    folder.mkdir(parents=True)
    monkeypatch.setattr(cli, "default_mods_folder", lambda: folder)
    return folder


# `python -m elysium`, but with the player's mods folder given first (a real player's is fixed).
LAUNCHER = ("import sys; from pathlib import Path; from elysium import cli; "
            "cli.default_mods_folder = lambda: Path(sys.argv[1]); sys.exit(cli.main(sys.argv[2:]))")


def play(*argv: str, own: Path) -> list[str]:
    """`elysium play --plain` on the fixture world, examining the pebble; the lines it prints."""
    result = subprocess.run([sys.executable, "-c", LAUNCHER, str(own), "play", "--plain", "--content", str(FIXTURE),
                             *argv], input="examine pebble\n", capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.splitlines()


def note(mod: Path) -> str:
    return f"You are playing with 1 mod: The Pebble (pebble_mod 1.2.0, from {mod})."


def test_a_pack_beside_the_saves_folder_is_not_loaded(tmp_path, own_mods):
    pebble_in(tmp_path / "game" / "mods")

    lines = play("--saves", str(tmp_path / "game" / "saves"), own=own_mods)

    assert SEEN not in lines and not any(line.startswith("You are playing with") for line in lines)


def test_the_mods_folder_is_loaded_and_announced_before_the_opening(tmp_path, own_mods):
    mod = pebble_in(own_mods)

    lines = play("--saves", str(tmp_path / "saves"), own=own_mods)

    assert lines[:2] == [note(mod), ""]
    assert lines[2] == "THE LITTLE CONSERVATORY"
    assert SEEN in lines


def test_mods_chooses_another_mods_folder(tmp_path, own_mods):
    pebble_in(own_mods)
    chosen = tmp_path / "chosen"
    other = pebble_in(chosen)
    (other / "pack.yaml").write_text(PEBBLE["pack.yaml"].replace("The Pebble", "The Chosen Pebble"))

    lines = play("--mods", str(chosen), own=own_mods)

    assert lines[0] == note(other).replace("The Pebble", "The Chosen Pebble")
    assert SEEN in lines


def test_no_mods_loads_only_the_mods_given(tmp_path, own_mods):
    pebble_in(own_mods)
    assert SEEN not in play("--no-mods", own=own_mods)

    given = pebble_in(tmp_path / "given")
    lines = play("--no-mods", "--mod", str(given), own=own_mods)
    assert lines[0] == note(given)
    assert SEEN in lines


def test_a_mods_folder_that_is_no_folder_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["validate", "--mods", str(tmp_path / "nowhere")])
    assert stopped.value.code == 2
    assert f"argument --mods: {tmp_path / 'nowhere'} is not a folder" in capsys.readouterr().err


def test_a_mod_given_and_in_the_mods_folder_is_loaded_once(own_mods):
    mod = pebble_in(own_mods)
    lines = play("--mod", str(mod), own=own_mods)
    assert lines[0] == note(mod)


def test_validate_names_the_mods_it_loaded(own_mods, capsys):
    mod = pebble_in(own_mods)
    assert cli.main(["validate", "--content", str(FIXTURE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:-1] == [f"with 1 mod: The Pebble (pebble_mod 1.2.0, from {mod})"]
    assert lines[-1].startswith("content ok: ")


def test_validate_without_mods_prints_only_the_ok_line(own_mods, capsys):
    assert cli.main(["validate", "--content", str(FIXTURE)]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["content ok"]


def test_serve_hands_the_choice_of_mods_folder_to_each_game(tmp_path, monkeypatch):
    pytest.importorskip("textual_serve", reason="elysium serve needs the textual-serve package")
    served = []

    class TerminalServer:
        def __init__(self, argv: list[str], saves_root, **options) -> None:
            served.append(argv)
            self.title, self.address = options["title"], "http://127.0.0.1:8000"

        def serve(self) -> None:
            pass

    monkeypatch.setattr("elysium.web.terminal.TerminalServer", TerminalServer)
    assert cli.main(["serve", "--mods", str(tmp_path)]) == 0
    assert cli.main(["serve", "--no-mods"]) == 0
    assert ["--mods", str(tmp_path.resolve())] == served[0][-2:] and served[1][-1] == "--no-mods"


def test_new_mod_creates_the_mod_in_the_mods_folder(own_mods, capsys):
    assert cli.main(["new-mod", "Herb Garden"]) == 0
    assert (own_mods / "herb_garden" / "pack.yaml").is_file()


def test_a_pack_in_the_mods_folder_whose_manifest_is_no_file_is_reported_not_skipped(own_mods, capsys):
    broken = own_mods / "looping"
    broken.mkdir()
    try:
        (broken / "pack.yaml").symlink_to("pack.yaml")
    except OSError as error:
        pytest.skip(f"cannot make a symlink here: {error}")

    assert cli.main(["validate", "--content", str(FIXTURE)]) == 2
    assert (f"{broken / 'pack.yaml'}:1:1: error: this file is a link in a loop of links that never reaches a file"
            in capsys.readouterr().err.splitlines())
