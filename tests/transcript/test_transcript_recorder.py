"""Recording a session: the file it writes, and that the file replays as a passing test."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from elysium.transcript import TranscriptRecorder, parse_transcript, run_paths
from elysium.transcript.recorder import check_lines
from transcript_fakes import ROOMS, FakeGame

TRICKY = (
    "echo > not a command|* not a test|** nor a header|!not negated|/not a regex|"
    "{count=2} not a count|{state} score == 99|# not a comment|Price: $5 (or {more})"
)


def play(recorder: TranscriptRecorder, game: FakeGame, commands: list[str]) -> None:
    """What `elysium play --plain --record` does: record the opening and each turn."""
    recorder.opening(game.opening())
    for command in commands:
        recorder.command(command, game.turn(command))


def test_the_recorded_file(workdir):
    game = FakeGame.new(seed=3)
    content, mods = workdir / "content" / "starred_blocks", (workdir / "mods" / "lanterns",)
    path = Path("play/session.regtest")
    with TranscriptRecorder(path, content, 3, mods, name="intro") as recorder:
        play(recorder, game, ["look", "", "ring bell", "echo  indented  |   |  > quoted"])
    text = (workdir / "play" / "session.regtest").read_text()
    assert text.startswith("# Recorded by elysium play on ")
    assert text.split("\n", 1)[1] == (
        "** content: ../content/starred_blocks\n"
        "** mod: ../mods/lanterns\n"
        "** seed: 3\n"
        "\n"
        "* intro\n"
        "The Gatehouse\n"
        "White marble arches rise over the gate.\n"
        "A warden watches you.\n"
        "\n"
        "> look\n"
        "The Gatehouse\n"
        "White marble arches rise over the gate.\n"
        "\n"
        ">\n"
        "Pardon?\n"
        "\n"
        "> ring bell\n"
        "You pull the rope.\n"
        "Bong!\n"
        "Bong! Bong!\n"
        "The bell falls silent.\n"
        "\n"
        "> echo  indented  |   |  > quoted\n"
        "indented\n"
        "/>\\ quoted\n"
    )


def test_without_a_name_the_test_is_named_after_the_time(workdir):
    TranscriptRecorder(Path("t.regtest")).close()
    (test,) = parse_transcript(Path("t.regtest")).tests
    assert test.name.startswith("recorded-20")
    assert "** content" not in Path("t.regtest").read_text()


def test_paths_that_cannot_be_relative_are_written_absolute(workdir, monkeypatch):
    def refuse(*args):
        raise ValueError("path is on mount 'C:', start on mount 'D:'")

    monkeypatch.setattr("elysium.transcript.recorder.os.path.relpath", refuse)
    TranscriptRecorder(Path("t.regtest"), content=workdir / "pack").close()
    assert f"** content: {(workdir / 'pack').as_posix()}\n" in Path("t.regtest").read_text()


def test_the_recording_replays_as_a_passing_test(workdir):
    commands = ["look", "north", "take key", "talk to warden", "ring bell", TRICKY, "", "quit"]
    mods = (workdir / "mods" / "lanterns",)
    with TranscriptRecorder(Path("round.regtest"), workdir / "pack", 11, mods) as recorder:
        play(recorder, FakeGame.new(workdir / "pack", 11, mods), commands)
    out = io.StringIO()
    assert run_paths([Path("round.regtest")], out, FakeGame.new) == 0, out.getvalue()
    assert out.getvalue() == "1 passed, 0 failed\n"
    transcript = parse_transcript(Path("round.regtest"))
    assert (transcript.content, transcript.seed, transcript.mods) == (workdir / "pack", 11, mods)


def test_the_replay_notices_when_the_game_changes(workdir, monkeypatch):
    with TranscriptRecorder(Path("change.regtest")) as recorder:
        play(recorder, FakeGame.new(), ["look"])
    monkeypatch.setitem(ROOMS, "gatehouse", "The Gatehouse\nIt is dark.")
    out = io.StringIO()
    assert run_paths([Path("change.regtest")], out, FakeGame.new) == 1
    assert "check:  White marble arches rise over the gate." in out.getvalue()


def test_each_command_is_on_disk_before_the_session_ends(workdir):
    recorder = TranscriptRecorder(Path("live.regtest"))
    play(recorder, FakeGame.new(), ["north"])
    assert Path("live.regtest").read_text().endswith(
        "> north\nFountain Court\nA fountain throws glittering arcs into the air.\n"
    )
    recorder.close()
    recorder.close()  # closing twice is harmless
    with pytest.raises(ValueError, match="already closed"):
        recorder.command("look", "The Gatehouse")


def test_the_opening_must_come_first(workdir):
    with TranscriptRecorder(Path("order.regtest")) as recorder:
        recorder.command("look", "The Gatehouse")
        with pytest.raises(RuntimeError):
            recorder.opening("too late")


def test_escaped_lines_still_match_literally():
    assert check_lines("  > look\n\n*bold*\n plain ") == ["/>\\ look", "/\\*bold\\*", "plain"]


class ScriptedGame:
    """Replies with the given outputs in order, for the property test below."""

    def __init__(self, outputs: list[str]):
        self.outputs, self.over, self.state = list(outputs), False, {}

    def opening(self) -> str:
        return self.outputs.pop(0)

    def turn(self, line: str) -> str:
        return self.outputs.pop(0)


@settings(max_examples=60, deadline=None)
@example(outputs=["\x08>"], commands=[])  # a reply that reads as a command once cleaned
@given(
    outputs=st.lists(st.text(max_size=60), min_size=1, max_size=4),
    commands=st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=20), max_size=3),
)
def test_any_recorded_output_replays(outputs, commands):
    outputs = outputs[: len(commands) + 1]
    commands = commands[: len(outputs) - 1]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.regtest"
        with TranscriptRecorder(path) as recorder:
            recorder.opening(outputs[0])
            for command, output in zip(commands, outputs[1:]):
                recorder.command(command, output)
        out = io.StringIO()
        factory = lambda **settings: ScriptedGame(outputs)  # noqa: E731
        assert run_paths([path], out, factory) == 0, out.getvalue()
