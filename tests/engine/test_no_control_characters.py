"""No control character from a pack or a save reaches the terminal in plain mode, in `elysium
validate`, `--load`, or transcripts (issue 11). The packs and saves here carry escape sequences in
every text (tests/escapes_support.py); validation refuses them, and the front-ends strip whatever
gets past it anyway.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from elysium import cli
from elysium.engine import Game
from elysium.plain import run_plain
from elysium.state import saves
from elysium.state.saves import SaveSlots
from elysium.transcript import TranscriptRecorder, run_paths
from escapes_support import (CLIPBOARD, FIXTURE_WORLD, HOSTILE_SAVE, controls_in, unchecked,  # noqa: F401
                             write_hostile_save, write_pack)

COMMANDS = ["look", "examine sign", "x keeper", "ask keeper about wall", "take trinket", "inventory",
            "score", "read sign", "journal", "timetable", "recitals", "time", "status", "east", "west", "help",
            "saves", f"restore {HOSTILE_SAVE}", "save mine", "saves", "restore mine", "quit"]


def test_validate_refuses_escapes_and_prints_none(tmp_path, capfd, monkeypatch):
    monkeypatch.setattr(saves, "default_saves_folder", lambda: tmp_path / "saves")  # no installed mods
    pack = write_pack(tmp_path / "pack\x1b]0;PWNED\x07")  # the folder's name is printed too
    assert cli.main(["validate", "--content", str(pack)]) == 2
    out, err = capfd.readouterr()
    assert controls_in(out + err) == []
    assert "items.yaml:5:18: error: control character U+001B in 'description'" in err
    assert "pack]0;PWNED" in err


def test_plain_mode_shows_no_control_character(tmp_path, unchecked):
    game = Game.new(write_pack(tmp_path / "hostile"), seed=0)
    game.slots = SaveSlots(tmp_path / "saves")
    write_hostile_save(game.slots.folder)
    news = iter(["(The packs changed: \x1b]0;PWNED\x07 \x1b[2J)"])
    out = io.StringIO()

    run_plain(game, io.StringIO("\n".join(COMMANDS) + "\n"), out, reloader=lambda game: next(news, ""))

    shown = out.getvalue()
    assert controls_in(shown) == []
    # The texts are there, as harmless characters: only their control characters are gone.
    assert f"Sign ]52;c;{CLIPBOARD}\\ ]0;PWNED\\" in shown and "pwned.example" in shown
    assert "(The packs changed: ]0;PWNED [2J)" in shown
    assert "Tale ]52;c;" in shown and "Lute ]52;c;" in shown
    # What SAVES and RESTORE make of the hostile saves is the save reader's to decide (it may list
    # them, or refuse them as damaged); whatever it is, it is shown without a control character.
    assert "> Saved as \u201cmine\u201d (Hall ]52;c;" in shown


def test_a_hostile_save_named_on_the_command_line_prints_no_control_character(tmp_path):
    folder = tmp_path / "saves"
    write_hostile_save(folder)
    for option in (["--load", HOSTILE_SAVE], ["--continue"]):
        result = subprocess.run(
            [sys.executable, "-m", "elysium", "play", "--plain", "--content", str(FIXTURE_WORLD),
             "--saves", str(folder), *option],
            input=b"saves\n", capture_output=True, timeout=60, env={**os.environ, "ELYSIUM_CACHE": "off"})
        shown = (result.stdout + result.stderr).decode("utf-8")
        assert result.returncode == 0, shown
        assert controls_in(shown) == [] and "Vestibule" in shown  # restored or not, the game is on


def test_a_recorded_transcript_holds_no_control_character(tmp_path, unchecked):
    game = Game.new(write_pack(tmp_path / "hostile"), seed=0)
    record = tmp_path / "session.regtest"
    with TranscriptRecorder(record, tmp_path / "hostile", name="escapes\x1b[2J") as recorder:
        run_plain(game, io.StringIO("examine sign\x1b]0;PWNED\x07\nask keeper about wall\n"), io.StringIO(),
                  recorder=recorder)
    written = record.read_text(encoding="utf-8")
    assert controls_in(written) == []
    assert "* escapes[2J" in written and "> examine sign]0;PWNED" in written and CLIPBOARD in written


def test_transcript_reports_show_no_control_character(tmp_path, unchecked):
    write_pack(tmp_path / "hostile")
    (tmp_path / "hostile.regtest").write_text(textwrap.dedent("""\
        ** content: hostile
        * failing\x1b]0;PWNED\x07
        > examine sign
        This line is not in the reply \x1b[2J
        """), encoding="utf-8")
    out = io.StringIO()
    assert run_paths([tmp_path / "hostile.regtest"], out) == 1
    report = out.getvalue()
    assert controls_in(report) == []
    assert "failing]0;PWNED" in report and f"Sign ]52;c;{CLIPBOARD}" in report and "0 passed, 1 failed" in report
