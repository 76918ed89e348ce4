"""validate checks flags and counters by name (issue 12 §4): one read but never set, or set but never
read, is a warning where it is written, with did-you-mean over the names that are set (or read); all
loaded packs count together; a comparison with nothing to compare is an error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]

GAME = """\
id: tiny
name: Tiny
version: 1.0.0
game:
  title: Tiny
  intro: Hello.
  start: hall
  features: [clock, energy, classes]   # for the skill condition
"""
HALL = """\
rooms:
  hall:
    name: Hall
    description: A hall.
"""


def pack(folder: Path, manifest: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text(textwrap.dedent(manifest))
    (folder / "content.yaml").write_text(textwrap.dedent(text))
    return folder


def game(tmp_path: Path, text: str, manifest: str = GAME) -> Path:
    return pack(tmp_path / "tiny", manifest, HALL + textwrap.dedent(text))


def warnings(content) -> list[str]:
    return [f"{Path(p.mark.file).parent.name}/{Path(p.mark.file).name}:{p.mark.line}:{p.mark.column}: {p.message}"
            for p in content.warnings]


def test_a_misspelt_flag_is_read_but_never_set(tmp_path):
    content = load_content(game(tmp_path, """\
        rules:
          blunder:
            on: wait
            do: [set: cloak_went_in_dark]
          count:
            on: turn
            if: {flag: cloak_went_in_drak}
            do: [say: Counted.]
        """))
    assert warnings(content) == [
        "tiny/content.yaml:8:15: the flag 'cloak_went_in_dark' is set here, but nothing ever reads it "
        "(did you mean 'cloak_went_in_drak'?)",
        "tiny/content.yaml:11:16: the flag 'cloak_went_in_drak' is read here, but nothing ever sets it "
        "(did you mean 'cloak_went_in_dark'?)"]


def test_a_misspelt_counter_in_a_win_condition(tmp_path):
    content = load_content(game(tmp_path, """\
        rules:
          disturb:
            on: wait
            do: [{counter: cloak_disturbance, add: 1}]
          read:
            on: look
            if: {counter: cloak_disturbence, at_most: 1}
            do: [say: You win.]
        """))
    assert warnings(content)[1] == ("tiny/content.yaml:11:19: the counter 'cloak_disturbence' is read here, but "
                                    "nothing ever sets it (did you mean 'cloak_disturbance'?)")


def test_names_that_are_set_and_read_give_no_warning_and_text_reads_counters(tmp_path):
    content = load_content(game(tmp_path, """\
        rules:
          disturb:
            on: wait
            do:
              - counter: disturbed
                add: 1
              - set: [restless, awake]
              - clear: restless
          show:
            on: look
            if: {any: [{flag: restless}, {not: {flag: awake}}]}
            do: [say: "Disturbed {counter disturbed} times."]
        """))
    assert warnings(content) == []


def test_records_are_names_kept_for_something_outside_the_story(tmp_path):
    manifest = GAME + "records: [late_entries, river_pass]\n"
    content = load_content(game(tmp_path, """\
        rules:
          late:
            on: wait
            do: [{counter: late_entries, add: 1}]
          river:
            on: look
            if: {flag: river_pass}
            do: [say: The river.]
        """, manifest))
    assert warnings(content) == []


def test_a_mod_may_read_what_its_game_sets_and_the_other_way_round(tmp_path):
    tiny = game(tmp_path, """\
        rules:
          ring:
            on: wait
            do: [set: bell_rung]
          answer:
            on: look
            if: {flag: mod_answered}
            do: [say: Answered.]
        """)
    alone = warnings(load_content(tiny))
    assert [w.split(": ", 1)[1] for w in alone] == [
        "the flag 'bell_rung' is set here, but nothing ever reads it",
        "the flag 'mod_answered' is read here, but nothing ever sets it"]
    mod = pack(tmp_path / "answering", "id: answering\nname: Answering\nversion: 1.0.0\n", """\
        rules:
          reply:
            on: look
            if: {flag: bell_rung}
            do: [set: mod_answered]
        """)
    assert warnings(load_content(tiny, (mod,))) == []


@pytest.mark.parametrize("condition", ["{at_most: 1}", "{equals: 2, flag: x}", "{score: 3, at_least: 1}"])
def test_a_comparison_with_no_subject_is_an_error(tmp_path, condition):
    with pytest.raises(ContentError) as caught:
        load_content(game(tmp_path, f"""\
            rules:
              r:
                on: look
                if: {condition}
                do: [say: Hm.]
            """))
    messages = [p.message for p in caught.value.problems]
    assert any("compares a number, but this condition names none" in m for m in messages), messages


@pytest.mark.parametrize("condition", ["{counter: c, at_most: 1}", "{score: true, at_least: 1}",
                                       "{visits: hall, equals: 2}", "{skill: voice, at_least: 2}"])
def test_a_comparison_with_a_subject_is_fine(tmp_path, condition):
    load_content(game(tmp_path, f"""\
        rules:
          r:
            on: look
            if: {condition}
            do: [{{counter: c, add: 1}}]
        """))


def test_the_campus_and_its_transcripts_fixture_have_no_name_warnings():
    content = load_content(ROOT / "content" / "starred_blocks")
    assert [p for p in content.warnings if "ever" in p.message] == []
