"""The `elysium` command as a player, a pipe or an IF tool sees it: `python -m elysium ...`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from elysium.content import load_content

from engine_walks import FIXTURE_WORLD, ROOT

TIMEOUT = 60
TRACE_LINE = re.compile(r"^(?P<sender>[a-z_]+) -> (?P<type>[A-Z][A-Za-z]+) (?P<fields>\{.*\}) "
                        r"=> (?P<handler>[a-z_]+\.[a-z_]+|\(noted\)) \((?P<us>\d+) us\)$")  # noted: no service hears it


def elysium(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "elysium", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT,
        cwd=cwd or ROOT,
    )


def start_room(content_dir: Path | None = None) -> str:
    content = load_content(content_dir)
    return content.rooms[content.game.start].name


def prompts(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(">")]


# -- play --plain -----------------------------------------------------------------------------------

def test_plain_play_from_a_pipe() -> None:
    result = elysium("play", "--plain", "--seed", "1", stdin="look\nxyzzy\nundo\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    opening, _, rest = out.partition("\n>")
    assert start_room() in opening
    assert start_room() in rest.split("\n>")[0]  # LOOK shows the room again
    replies = out.split("\n> ")[1:]
    assert len(replies) == 4  # three commands, then the prompt that meets the end of input
    assert "xyzzy" in replies[1]
    assert "take back" in replies[2].lower()
    assert "\x1b" not in out
    assert result.stderr == ""


def test_plain_output_has_no_ansi_escape_codes() -> None:
    lines = "look\nxyzzy\nundo\nx [bold]\n\x1b[31mlook\ntake \x1b[2J\nhelp\ninventory\n"
    result = elysium("play", "--plain", "--seed", "1", stdin=lines)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


def test_every_prompt_is_a_greater_than_sign_at_the_start_of_a_line() -> None:
    commands = ["look", "xyzzy", "undo", "n", "e", "help", "", "i", "w"]
    result = elysium("play", "--plain", stdin="".join(c + "\n" for c in commands))
    assert result.returncode == 0
    out = result.stdout
    # Each prompt is ">" then a space, at the start of a line, after a blank line.
    assert len(prompts(out)) == len(commands) + 1
    assert all(line.startswith("> ") or line == ">" for line in prompts(out))
    assert len(re.findall(r"(?:^|\n)> ", out)) == len(commands) + 1
    assert re.search(r"[^\n]> ", out) is None  # never in the middle of a line
    assert out.count("\n\n> ") == len(commands) + 1


@pytest.mark.parametrize("stdin", ["", "look\n", "look", "look\nn\n\n"])
def test_end_of_input_ends_the_game_with_status_zero(stdin: str) -> None:
    result = elysium("play", "--plain", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert start_room() in result.stdout
    assert result.stdout.endswith("\n")
    assert result.stderr == ""


def test_quit_ends_the_game_with_status_zero() -> None:
    result = elysium("play", "--plain", stdin="look\nquit\nlook\nxyzzy\n")
    assert result.returncode == 0
    assert "farewell" in result.stdout.lower()
    # Nothing after QUIT is read: two prompts, and no reply to the last two commands.
    assert len(prompts(result.stdout)) == 2
    assert "xyzzy" not in result.stdout
    assert result.stderr == ""


def test_markup_is_echoed_literally_in_plain_mode() -> None:
    result = elysium("play", "--plain", stdin="x [/]\ntake [bold]lantern[/bold]\n[@click=app.quit]x[/]\n")
    assert result.returncode == 0
    assert '"[/]"' in result.stdout
    assert "[/bold" in result.stdout
    assert "click=app" in result.stdout
    assert "\x1b" not in result.stdout


def test_plain_play_works_from_another_folder(tmp_path: Path) -> None:
    result = elysium("play", "--plain", "--seed", "4", stdin="look\nxyzzy\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert start_room() in result.stdout
    assert "xyzzy" in result.stdout
    fixture = elysium("play", "--plain", "--content", str(FIXTURE_WORLD), stdin="look\n", cwd=tmp_path)
    assert fixture.returncode == 0, fixture.stderr
    assert start_room(FIXTURE_WORLD) in fixture.stdout


def test_invalid_utf8_on_stdin_gets_a_reply_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run(
        [sys.executable, "-m", "elysium", "play", "--plain"],
        input=b"x caf\xe9\nlook\n", capture_output=True, timeout=TIMEOUT, cwd=ROOT, env=env,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert len(prompts(out)) == 3
    assert start_room() in out.split("\n> ")[2]  # LOOK after the bad line still works


# -- --trace ----------------------------------------------------------------------------------------

def test_trace_writes_every_delivery_to_stderr() -> None:
    commands = "look\nn\ntake candle\nxyzzy\nwait\n"
    traced = elysium("play", "--plain", "--seed", "2", "--trace", "--content", str(FIXTURE_WORLD),
                     stdin=commands)
    plain = elysium("play", "--plain", "--seed", "2", "--content", str(FIXTURE_WORLD), stdin=commands)
    assert traced.returncode == 0
    assert traced.stdout == plain.stdout  # the trace never mixes into the game's own output
    lines = traced.stderr.splitlines()
    assert len(lines) > 10
    assert "engine -> Look" in traced.stderr
    assert " us)" in traced.stderr
    for line in lines:
        match = TRACE_LINE.match(line)
        assert match, f"not a trace line: {line!r}"
    parsed = [TRACE_LINE.match(line).groupdict() for line in lines]
    assert {"engine", "clock"} <= {p["sender"] for p in parsed}
    assert {"world.look", "clock.advance", "rules.run_rules"} <= {p["handler"] for p in parsed}
    assert any(p["type"] == "Take" and "'item': 'candle'" in p["fields"] for p in parsed)
    assert any(p["type"] == "AdvanceClock" and "'until':" in p["fields"] for p in parsed)
    assert any(p["type"] == "TimePassed" for p in parsed)  # events are traced too


# -- --record and test ------------------------------------------------------------------------------

def test_a_recorded_session_passes_as_a_transcript(tmp_path: Path) -> None:
    record = tmp_path / "session.regtest"
    commands = "look\nxyzzy\nshow letter to warden\nn\nx [/]\nundo\nn\ntoss penny\ni\n"
    played = elysium("play", "--plain", "--seed", "5", "--record", str(record), stdin=commands)
    assert played.returncode == 0, played.stderr
    text = record.read_text(encoding="utf-8")
    assert "** seed: 5" in text
    assert "> xyzzy" in text
    result = elysium("test", str(record))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


def test_a_recorded_fixture_world_win_passes_from_another_folder(tmp_path: Path) -> None:
    """A session with a question, an ending ('*** ... ***' lines) and --content, recorded in one
    folder and replayed from another."""
    record = tmp_path / "deep" / "win.regtest"
    commands = ("open chest\ntake key\nunlock door with key\nopen door\ntake lantern\nlight lantern\n"
                "d\ntake gem\nu\ne\nremove cloak\nput cloak on hook\nsmall\nw\nn\ne\nput gem on altar\n")
    played = elysium("play", "--plain", "--content", str(FIXTURE_WORLD), "--record", str(record),
                     stdin=commands, cwd=tmp_path)
    assert played.returncode == 0, played.stderr
    assert "Harmony" in record.read_text(encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = elysium("test", str(record), cwd=elsewhere)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


def test_test_reports_a_failing_transcript_by_file_and_line(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "good.regtest").write_text(
        "** seed: 1\n"
        "\n"
        "* looking around\n"
        "> look\n"
        f"{start_room()}\n",
        encoding="utf-8")
    (suite / "bad.regtest").write_text(
        "** seed: 1\n"          # 1
        "\n"                    # 2
        "* a wrong check\n"     # 3
        "> look\n"              # 4
        "Exits:\n"              # 5 (passes)
        "No such words here\n"  # 6 (fails)
        "> xyzzy\n"             # 7
        "xyzzy\n",              # 8 (passes)
        encoding="utf-8")
    result = elysium("test", "suite", cwd=tmp_path)
    assert result.returncode == 1
    assert re.search(r"(^|\s)suite/bad\.regtest:6\b", result.stdout), result.stdout
    assert "good.regtest:" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1 passed, 1 failed"
    only_good = elysium("test", str(suite / "good.regtest"), cwd=tmp_path)
    assert only_good.returncode == 0


# -- validate ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["project", "elsewhere"])
def test_validate_prints_one_ok_line(where: str, tmp_path: Path) -> None:
    result = elysium("validate", cwd=ROOT if where == "project" else tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("content ok: ")
    assert result.stderr == ""


def test_validate_the_fixture_world_from_another_folder(tmp_path: Path) -> None:
    result = elysium("validate", "--content", str(FIXTURE_WORLD), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content ok: ")
    assert len(result.stdout.splitlines()) == 1
