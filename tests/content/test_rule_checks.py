"""Validation of the rule fields of issue 12 §4 taken together: a direction only on a go rule, except
only on `on: any` and naming verbs, a phase only on actions, replace only after, never both stop and
continue. Each case is a mod on top of the rules fixture."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "rules"


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


def test_a_good_rule_of_every_new_field_loads(tmp_path):
    content = load_content(FIXTURE, (mod(tmp_path, """\
        rules:
          r:
            on: any
            except: [go, inventory]
            phase: after
            replace: true
            stop: true
            do: [say: Hm.]
          g:
            on: go
            direction: [north, nowhere]
            do: [say: No.]
        """),))
    rule = content.rules["trial:r"]
    assert (rule.excluded, rule.phase, rule.replace, rule.proceed) == (("go", "inventory"), "after", True, False)
    assert content.rules["trial:g"].directions == ("north", "nowhere")


def test_a_direction_must_be_a_direction_or_nowhere(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: go
            direction: [north, nowher]
            do: [say: No.]
        """) == ["4:24: 'nowher' is not a direction (did you mean 'nowhere'?)"]


def test_a_direction_belongs_to_a_go_rule(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: take
            direction: north
            do: [say: No.]
        """) == ["2:3: rule 'r' names a direction, which only a rule on go (or any) can use"]


def test_except_names_verbs_and_belongs_to_on_any(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: any
            except: [go, inventry]
            do: [say: No.]
          s:
            on: take
            except: go
            do: [say: No.]
        """) == ["2:3: rule 'r' leaves out 'inventry', which is not a verb (did you mean 'inventory'?)",
                 "6:3: rule 's' has 'except', which only a rule on any can use"]


def test_a_phase_is_one_of_three_and_only_for_actions(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: take
            phase: afterwards
            do: [say: No.]
          t:
            on: turn
            phase: after
            do: [say: No.]
        """) == ["4:12: 'phase' in rule 'r' must be one of before, instead, after (did you mean 'after'?)",
                 "6:3: rule 't' is for turn, which has no phases: leave out 'phase'"]


def test_replace_is_for_after_rules_and_stop_and_continue_do_not_mix(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: take
            replace: true
            do: [say: No.]
          s:
            on: take
            stop: true
            continue: true
            do: [say: No.]
        """) == ["2:3: rule 'r' has 'replace', which only an after rule can use (it replaces the action's text)",
                 "6:3: rule 's' has both 'continue' and 'stop': keep the one you mean"]


def test_inventory_is_a_verb_rules_can_name(tmp_path):
    content = load_content(FIXTURE, (mod(tmp_path, """\
        rules:
          r:
            on: inventory
            do: [say: Your pockets are a mystery.]
        """),))
    assert content.rules_for("inventory", None)[-1].id == "trial:r"


def test_named_states_are_declared_and_used_with_their_values(tmp_path):
    content = load_content(FIXTURE, (mod(tmp_path, """\
        states:
          weather: [dry, drizzle, storm]
        rules:
          r:
            on: wait
            if: {state: weather, is: [dry, drizzle]}
            do: [{state: weather, to: Storm}, say: "It is {state weather} now; the barman is {state mood}."]
        """),))
    assert content.states == {"mood": ("calm", "uneasy", "furious"), "weather": ("dry", "drizzle", "storm")}
    assert content.rules["trial:r"].effects[0] == {"state": "weather", "to": "storm"}


def test_a_named_state_or_value_that_does_not_exist_is_an_error_with_did_you_mean(tmp_path):
    assert errors(tmp_path, """\
        rules:
          r:
            on: wait
            if: {state: mod, is: calm}
            do: [{state: mood, to: furius}, say: "{state moood}"]
          s:
            on: look
            if: {state: mood, is: [calm, clam]}
            do: [say: Hm.]
        """) == ["4:17: unknown named state 'mod' (did you mean 'mood'?) (declare it under states:)",
                 "5:28: 'furius' is not a value of the named state 'mood' (calm, uneasy, furious) "
                 "(did you mean 'furious'?)",
                 "5:42: unknown named state 'moood' (did you mean 'mood'?) (declare it under states:)",
                 "8:34: 'clam' is not a value of the named state 'mood' (calm, uneasy, furious) "
                 "(did you mean 'calm'?)"]


def test_a_named_state_needs_two_values_and_one_declaration_and_its_condition_both_keys(tmp_path):
    assert errors(tmp_path, """\
        states:
          mood: [a, b]
          lonely: [only]
        rules:
          r:
            on: wait
            if: {state: mood}
            do: [say: Hm.]
        """) == ["2:3: the named state 'mood' is already declared at tests/fixtures/rules/rooms.yaml:28:3",
                 "3:11: the named state 'lonely' needs two or more different values",
                 "7:10: a condition on a named state needs both state: NAME and is: VALUE (or a list of values)"]


def test_a_rule_on_any_answers_look_wait_inventory_and_custom_verbs_but_not_score_or_help(tmp_path):
    from elysium.engine import Game

    game = Game.new(FIXTURE, mods=(mod(tmp_path, """\
        verbs:
          hum: {words: [hum]}
        rules:
          everything:
            on: any
            where: vault
            except: [go]
            do: [say: ANYTHING.]
        """),))
    assert "ANYTHING" not in game.turn("e")
    for command in ("look", "wait", "i", "hum"):
        assert game.turn(command).startswith("ANYTHING."), command
    for command in ("score", "help", "time"):
        assert "ANYTHING" not in game.turn(command), command


def test_hidden_exits_are_left_out_of_the_sidebar_and_the_map_too():
    from elysium.engine import Game
    from elysium.view import view_of

    view = view_of(Game.new(FIXTURE))
    assert view.exits == ("south", "west")
    [foyer] = [room for room in view.rooms if room.id == "foyer"]
    assert foyer.exits == {"south": "bar", "west": "cloakroom"}
