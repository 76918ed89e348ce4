"""`elysium explore`: the game plays itself and reports internal errors, raw ids and templates,
each with the commands that reach it, and keeps a golden transcript that a later walk diffs against."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from elysium import cli
from elysium.content import load_content
from elysium.engine import Game
from elysium.explore.findings import ERROR, RAW_ID, TEMPLATE, WARNING
from elysium.explore.walker import explore, object_verbs
from elysium.state.saves import SaveSlots
from elysium.transcript import run_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "explore"
LEAKY, CLEAN = FIXTURES / "leaky", FIXTURES / "clean"


def walk(pack: Path, steps: int = 2000, seed: int = 0):
    return explore(Game.from_content(load_content(pack), seed), steps)


def found(pack: Path) -> dict[str, list]:
    kinds: dict[str, list] = {}
    for finding in walk(pack).findings:
        kinds.setdefault(finding.kind, []).append(finding)
    return kinds


def test_a_raw_id_in_a_reply_is_reported_with_the_commands_that_reach_it() -> None:
    (leak,) = found(LEAKY)[RAW_ID]
    assert leak.path == ("north", "examine desk")
    assert "'warden_lantern'" in leak.detail


def test_a_template_left_in_a_reply_is_reported_with_its_path() -> None:
    (leak,) = found(LEAKY)[TEMPLATE]
    assert leak.path == ("north", "examine scroll")
    assert "{the old lantern}" in leak.detail


def test_content_that_runs_away_is_reported_from_the_log() -> None:
    (stopped,) = found(LEAKY)[WARNING]
    assert stopped.path == ("east",)
    assert "loop_room" in stopped.detail


def test_an_exception_inside_a_turn_is_reported_as_an_internal_error(monkeypatch) -> None:
    carry_out = Game.carry_out

    def failing(self, command, scope, show):
        if command.action == "read" and command.objects == ("bread",):
            raise ZeroDivisionError("the loaf divides by nothing")
        return carry_out(self, command, scope, show)

    monkeypatch.setattr(Game, "carry_out", failing)
    (error,) = found(CLEAN)[ERROR]
    assert error.path == ("east", "read loaf")
    assert "ZeroDivisionError: the loaf divides by nothing" in error.detail


def test_a_clean_pack_has_no_findings_and_every_room_a_walk_can_reach_is_reached() -> None:
    walked = walk(CLEAN)
    assert walked.findings == []
    # The garden's door unlocks when the lever is pushed, the attic opens once the cord is pulled:
    # a door unlocked or a flag set sends the walk through the ways out of the room again.
    assert walked.rooms == ["parlour", "kitchen", "pantry", "garden", "attic"]
    assert not walked.budget_spent


def test_each_person_is_asked_about_each_topic_and_about_something_they_do_not_know() -> None:
    replies = {reply.path: reply.text for reply in walk(CLEAN).replies}
    assert replies[("east", "ask cook about bread")] == '"Baked at dawn," says the cook.'
    assert replies[("east", "ask cook about xyzzy")] == "The cook shrugs and goes on kneading."


def test_the_verbs_come_from_the_parser_tables_and_the_games_own_verbs() -> None:
    game = Game.from_content(load_content(None))
    verbs = dict(object_verbs(game))
    assert {"examine", "take", "open", "push", "read", "wear"} <= set(verbs)
    assert set(game.content.verbs) <= set(verbs)  # the campus's own verbs (ring, toss...) too
    assert "quit" not in verbs and "save" not in verbs  # nothing that ends or writes


def explore_cli(*args: str | Path) -> int:
    return cli.main(["explore", *map(str, args)])


def test_the_command_exits_1_with_findings_and_a_summary_line(capsys) -> None:
    assert explore_cli("--content", LEAKY) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == ("explore: 3 rooms, 106 commands, 0 internal errors, 1 warnings, 1 raw ids, 1 templates")
    assert any(line.startswith("raw id: 'warden_lantern'") and line.endswith("(reached by: north / examine desk)")
               for line in out)


def test_the_command_exits_0_on_a_clean_pack(capsys) -> None:
    assert explore_cli("--content", CLEAN) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("explore: 5 rooms, ")


def test_the_same_seed_and_budget_write_the_same_golden_bytes(tmp_path) -> None:
    first, second = tmp_path / "one" / "golden.regtest", tmp_path / "two" / "golden.regtest"
    assert explore_cli("--content", LEAKY, "--seed", "3", "--golden", first) == 1
    assert explore_cli("--content", LEAKY, "--seed", "3", "--golden", second) == 1
    assert first.read_bytes() == second.read_bytes()
    assert b"** seed: 3" in first.read_bytes()


def test_the_golden_transcript_replays_as_a_passing_test(tmp_path, capsys) -> None:
    golden = tmp_path / "golden.regtest"
    explore_cli("--content", CLEAN, "--golden", golden)
    capsys.readouterr()
    assert run_paths([golden], __import__("sys").stdout) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("335 passed, 0 failed")


def test_a_reply_changed_by_the_content_is_reported_and_update_accepts_it(tmp_path, capsys) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(CLEAN, pack)
    golden = tmp_path / "golden.regtest"
    assert explore_cli("--content", pack, "--golden", golden) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        f"wrote {golden} (335 replies)",
        "explore: 5 rooms, 334 commands, 0 internal errors, 0 warnings, 0 raw ids, 0 templates"]
    assert explore_cli("--content", pack, "--golden", golden) == 0  # nothing changed
    assert capsys.readouterr().out.splitlines()[-1].endswith(", 0 templates, 0 replies changed")
    world = pack / "world.yaml"
    world.write_text(world.read_text().replace("A crusty loaf, still warm.", "A stale loaf."))
    capsys.readouterr()

    assert explore_cli("--content", pack, "--golden", golden) == 1
    out = capsys.readouterr().out
    assert "changed: east / examine loaf\n    -A crusty loaf, still warm.\n    +A stale loaf.\n" in out
    assert out.splitlines()[-1].endswith(", 1 replies changed")
    assert "A crusty loaf" in golden.read_text()  # a diff does not rewrite the golden

    assert explore_cli("--content", pack, "--golden", golden, "--update") == 0
    assert explore_cli("--content", pack, "--golden", golden) == 0


def test_the_step_budget_bounds_the_walk(tmp_path, capsys) -> None:
    golden = tmp_path / "golden.regtest"
    assert explore_cli("--content", CLEAN, "--steps", "5", "--golden", golden) == 0
    assert "explore: 3 rooms, 5 commands (the budget ran out)" in capsys.readouterr().out
    assert golden.read_text().count("\n* ") == 6  # the opening and five replies


def test_a_walk_can_start_from_a_saved_game(tmp_path, capsys) -> None:
    game = Game.from_content(load_content(CLEAN))
    game.turn("east")
    game.save(SaveSlots(tmp_path), "in the kitchen")
    save = next(tmp_path.glob("*.save.json"))
    assert explore_cli("--content", CLEAN, "--from", save, "--steps", "3", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rooms"] == ["kitchen", "parlour", "pantry"] and report["steps"] == 3
    assert report["findings"] == [] and report["budget_spent"]


def test_the_json_report_names_each_finding_with_its_path(capsys) -> None:
    assert explore_cli("--content", LEAKY, "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert {"kind": RAW_ID, "path": ["north", "examine desk"],
            "detail": "'warden_lantern' in \"A label on the drawer reads warden_lantern in a clerk's hand.\""} in report["findings"]
    assert report["summary"].startswith("explore: 3 rooms, 106 commands")


@pytest.mark.parametrize("args, message", [
    (["--steps", "0"], "--steps needs a whole number"),
    (["--update"], "--update needs --golden"),
    (["--content", FIXTURES / "nowhere"], "nothing was explored"),
])
def test_bad_input_gets_a_message_and_status_2(args, message, capsys) -> None:
    assert explore_cli(*args) == 2
    assert message in capsys.readouterr().err


def test_the_campus_walks_clean_within_the_default_budget(capsys) -> None:
    assert explore_cli() == 0
    assert ", 0 internal errors, 0 warnings, 0 raw ids, 0 templates" in capsys.readouterr().out


def test_the_guide_shows_what_the_command_reports_on_its_example(capsys) -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "modding.md").read_text(encoding="utf-8")
    section = guide.split("\n## elysium explore\n", 1)[1].split("\n## ", 1)[0]
    shown = section.split("$ elysium explore --content tests/fixtures/explore/leaky\n", 1)[1].split("```", 1)[0]
    explore_cli("--content", LEAKY)
    printed = capsys.readouterr().out.splitlines()
    assert shown.splitlines()[1:] == printed[1:]  # the first line's details are cut short in the guide
    assert printed[0].startswith(shown.splitlines()[0].split("(...)", 1)[0])
