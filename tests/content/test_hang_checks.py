"""Validation refuses content that can be seen to hang the game or break the world: waits beyond the
longest allowed, rules and rooms that set themselves off for ever, things moved into themselves.
Each case is a mod on top of the fixture world; the broken-mod corpus holds the plainest ones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content.jsonschema import content_schema
from elysium.content.schema import MAX_WAIT

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "world"


def mod(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "trial"
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text("id: trial\nname: Trial\nversion: 1.0.0\n")
    (folder / "trial.yaml").write_text(textwrap.dedent(text))
    return folder


def errors(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(FIXTURE, (mod(tmp_path, text),))
    return [f"{p.mark.line}:{p.mark.column}: {p.message}" for p in caught.value.problems]


def warnings(tmp_path: Path, text: str) -> list[str]:
    content = load_content(FIXTURE, (mod(tmp_path, text),))
    return [f"{p.mark.line}:{p.mark.column}: {p.message}" for p in content.warnings if p.mark.file.endswith("trial.yaml")]


NAP = """\
rules:
  long_nap:
    on: nap
    do: [{{wait: {minutes}}}]
"""


def test_the_longest_wait_is_a_week_and_a_minute_more_is_an_error(tmp_path):
    assert MAX_WAIT == 7 * 24 * 60
    load_content(FIXTURE, (mod(tmp_path, NAP.format(minutes=MAX_WAIT)),))
    assert errors(tmp_path, NAP.format(minutes=MAX_WAIT + 1)) == [
        f"4:17: 'wait' in the 'wait' effect must be a number of minutes from 0 to {MAX_WAIT} (a week), "
        f"not {MAX_WAIT + 1}"]
    assert errors(tmp_path, NAP.format(minutes=-5))[0].endswith("not -5")


def test_the_json_schema_bounds_waits_as_validation_does():
    wait = content_schema()["$defs"]["effect"]["properties"]["wait"]
    assert (wait["minimum"], wait["maximum"]) == (0, MAX_WAIT)


# -- moving a thing into itself ------------------------------------------------------------------

def test_a_move_onto_itself_is_an_error_where_the_place_is_written(tmp_path):
    assert errors(tmp_path, """\
        rules:
          stack_stand:
            on: nap
            do:
              - move: music_stand
                to: {on: music_stand}
        """) == ["6:13: this moves 'music_stand' onto itself, which the game always refuses: a thing cannot hold itself"]


def test_a_move_into_what_the_item_holds_two_deep_is_an_error_when_nothing_takes_it_out(tmp_path):
    assert errors(tmp_path, """\
        items:
          lining:
            name: silk lining
            description: Stitched in for good.
            location: {in: oak_chest}
            portable: false
            container: true
          pocket:
            name: inner pocket
            description: Sewn into the lining.
            location: {in: lining}
            scenery: true
            container: true
        rules:
          fold_chest:
            on: nap
            do: [{move: oak_chest, to: {in: pocket}}]
        """) == ["17:32: 'pocket' lies inside 'oak_chest' and nothing ever takes it out, so this move could only "
                 "put 'oak_chest' inside itself, which the game always refuses"]


@pytest.mark.parametrize("how", ["the player can take it out", "an effect takes it out"])
def test_a_move_into_what_the_item_holds_is_a_warning_when_the_holder_may_leave_first(tmp_path, how):
    portable = "true" if how == "the player can take it out" else "false"
    taken_out = "" if portable == "true" else "\n              - move: purse\n                to: player"
    assert warnings(tmp_path, f"""\
        items:
          purse:
            name: small purse
            description: A purse.
            location: {{in: wicker_basket}}
            portable: {portable}
            container: true
        rules:
          pack_basket:
            on: nap
            do:
              - move: wicker_basket
                to: {{in: purse}}
          empty_basket:
            on: pray
            do:
              - say: You shake the basket out.{taken_out}
        """) == ["13:13: 'purse' starts inside 'wicker_basket': unless it has been taken out by then, this move is "
                 "refused, since a thing cannot go inside itself"]


# -- loops of arrivals ----------------------------------------------------------------------------

LANDINGS = """\
rooms:
  upper:
    name: Upper Landing
    description: A landing.
    exits: {{down: vestibule}}
    on_enter: {upper}
  middle:
    name: Middle Landing
    description: A landing.
    exits: {{down: vestibule}}
    on_enter: {middle}
  lower:
    name: Lower Landing
    description: A landing.
    exits: {{down: vestibule}}
    on_enter: {lower}
patch:
  rooms:
    vestibule:
      exits: {{west: upper}}
"""


def landings(upper: str = "[]", middle: str = "[]", lower: str = "[]") -> str:
    return LANDINGS.format(upper=upper, middle=middle, lower=lower)


def test_three_rooms_that_always_pass_the_player_on_in_a_ring_are_an_error_naming_each_step(tmp_path):
    found = errors(tmp_path, landings("[{go: middle}]", "[{go: lower}]", "[{say: Round again.}, {go: upper}]"))
    assert len(found) == 1
    assert found[0].startswith("6:21: the player would be moved round and round for ever: arriving in 'upper' sends "
                               "them to 'middle' (here); then arriving in 'middle' sends them to 'lower' (")
    assert "trial.yaml:11:21); then arriving in 'lower' sends them to 'upper' (" in found[0]
    assert found[0].endswith("Make one of these go: effects conditional, for example on a flag it sets")


def test_an_arrive_rule_for_any_room_that_goes_somewhere_loops_there(tmp_path):
    assert errors(tmp_path, """\
        rules:
          whisked_away:
            on: arrive
            do: [{go: chapel}]
        """) == ["4:15: the player would be moved round and round for ever: arriving in 'chapel', rule "
                 "'whisked_away' sends them to 'chapel' again. Make this go: conditional, for example on a flag it sets"]


@pytest.mark.parametrize("guard", [
    "{if: {not: {flag: dizzy}}, then: [{set: dizzy}, {go: upper}]}",  # a flag the step sets
    "{if: {flag: spinning}, then: [{clear: spinning}, {go: upper}], else: [{say: Still.}]}",  # one it clears
    "{if: {visits: upper, at_most: 3}, then: [{go: upper}]}",  # the room's visits grow each time
    "{if: {all: [{period: night}, {visits: upper, equals: 1}]}, then: [{go: upper}]}",
])
def test_a_loop_that_its_own_effects_end_is_not_reported(tmp_path, guard):
    content = load_content(FIXTURE, (mod(tmp_path, landings(f"[{guard}]")),))
    assert not [w for w in content.warnings if "round and round" in w.message]


def test_a_once_rule_or_one_kept_out_of_its_target_room_does_not_loop(tmp_path):
    content = load_content(FIXTURE, (mod(tmp_path, """\
        rules:
          first_time_only:
            on: arrive
            once: true
            do: [{go: chapel}]
          never_in_the_chapel:
            on: arrive
            if: {all: [{flag: lost}, {not: {in: [chapel, cellar]}}]}
            do: [{go: chapel}]
        """),))
    assert not [w for w in content.warnings if "round and round" in w.message]


def test_a_loop_behind_a_condition_it_does_not_change_is_a_warning(tmp_path):
    found = warnings(tmp_path, landings("[{if: {period: night}, then: [{go: middle}]}]", "[{go: upper}]"))
    assert [w for w in found if "round and round" in w] == [
        "6:50: the player may be moved round and round for ever: arriving in 'upper' sends them to 'middle' (here); "
        f"then arriving in 'middle' sends them to 'upper' ({tmp_path / 'trial' / 'trial.yaml'}:11:21), for as long as "
        "the conditions on the way hold. Make sure one stops holding (a flag the effect sets, or visits: with at_most)"]


def test_the_shipped_packs_have_no_loops():
    for folder in (ROOT / "content" / "starred_blocks", FIXTURE):
        content = load_content(folder)
        assert not [w for w in content.warnings if "round and round" in w.message or "every day" in w.message]


# -- loops of waiting -----------------------------------------------------------------------------

def timers(*waits: str) -> str:
    entries = "".join(f"  timer_{n}:\n    at: \"{n + 1:02d}:00\"\n    do: {wait}\n" for n, wait in enumerate(waits))
    return f"timers:\n{entries}"


def test_daily_timers_that_wait_a_day_between_them_are_an_error(tmp_path):
    assert errors(tmp_path, timers("[{wait: 600}]", "[{say: Tock.}]", "[{wait: 840}]")) == [
        "4:17: daily timers 'timer_0' and 1 more wait 1440 minutes every day, a day or more, so a wait that reaches "
        "them sets them off again the next day and never ends. Make the waits shorter, or conditional"]


def test_daily_timers_that_may_wait_a_day_if_conditions_hold_are_a_warning(tmp_path):
    found = warnings(tmp_path, timers("[{wait: 600}]", "[{if: {flag: late}, then: [{wait: 840}]}]"))
    assert [w for w in found if "every day" in w] == [
        "7:43: daily timers 'timer_1' and 1 more wait up to 1440 minutes every day, a day or more, if the "
        "conditions on the way hold: a wait that reaches them may never end. Make sure the waits add up to less "
        "than a day"]


def test_waits_shorter_than_a_day_or_of_timers_for_one_day_are_fine(tmp_path):
    text = timers("[{wait: 600}]", "[{wait: 839}]") + "  once:\n    at: \"05:00\"\n    day: 2\n    do: [{wait: 5000}]\n"
    content = load_content(FIXTURE, (mod(tmp_path, text),))
    assert not [w for w in content.warnings if "every day" in w.message]
