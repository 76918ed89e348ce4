"""`elysium` with play's options and no command plays, as the README says: --saves, --continue,
--seed, --load, --plain, a pack folder."""

from __future__ import annotations

from pathlib import Path

from elysium.cli import build_parser, main
from elysium.engine import AUTOSAVE
from elysium.state.saves import SUFFIX, SaveSlots
from saves_support import FIXTURE_WORLD, elysium, replies


def plain(*args: str, stdin: str = "") -> tuple[int, list[str], str]:
    result = elysium(*args, stdin=stdin)
    return result.returncode, replies(result.stdout), result.stderr


def test_saves_and_continue_work_without_the_word_play(saves: Path) -> None:
    code, _, err = plain("--plain", "--seed", "1", "--content", str(FIXTURE_WORLD), "--saves", str(saves),
                         stdin="take lantern\nn\n")
    assert code == 0, err
    assert (saves / f"{AUTOSAVE}{SUFFIX}").exists()
    code, [opening, *_], err = plain("--continue", "--plain", "--content", str(FIXTURE_WORLD),
                                     "--saves", str(saves))
    assert code == 0, err
    assert opening.startswith("Restored \u201cautosave\u201d.") and "Practice Hall" in opening


def test_load_works_without_the_word_play(saves: Path) -> None:
    plain("play", "--plain", "--content", str(FIXTURE_WORLD), "--saves", str(saves), stdin="n\nsave there\n")
    code, [opening, *_], err = plain("--load", "there", "--plain", "--content", str(FIXTURE_WORLD),
                                     "--saves", str(saves))
    assert code == 0, err
    assert opening.startswith("Restored \u201cthere\u201d.")


def test_seed_and_a_pack_folder_work_without_the_word_play(saves: Path) -> None:
    code, _, err = plain("--seed", "7", "--plain", str(FIXTURE_WORLD), "--saves", str(saves), stdin="n\n")
    assert code == 0, err
    assert SaveSlots(saves).read(AUTOSAVE)["state"]["seed"] == 7


def test_every_play_option_is_read_the_same_with_or_without_play(monkeypatch) -> None:
    options = ["--plain", "--seed", "3", "--content", "x", "--mod", "m", "--no-mods", "--trace",
               "--record", "r", "--continue", "--dev", "--saves", "s", "--debug"]
    with_play = vars(build_parser().parse_args(["play", *options]))
    seen = {}

    def capture(args):
        seen.update(vars(args))
        return 0

    monkeypatch.setattr("elysium.cli.play", capture)
    assert main(options) == 0
    assert seen == with_play
