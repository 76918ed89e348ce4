"""People who remember: greetings for someone already met, sleep, and walking their rounds."""

from __future__ import annotations

import textwrap
from pathlib import Path

from elysium.content import load_content
from elysium.engine import Game

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "world"


def with_mod(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: people\nname: People\nversion: 1.0.0\n")
    (folder / "people.yaml").write_text(textwrap.dedent(text))
    return folder


def game_with(tmp_path: Path, mod: str) -> Game:
    return Game.from_content(load_content(FIXTURE, (with_mod(tmp_path, mod),)), 1)


GREETINGS = """\
    patch:
      npcs:
        maestra:
          greeting:
            - if: {met: maestra}
              text: '"You again," says the maestra.'
            - text: '"A new student," says the maestra.'
"""


def test_a_greeting_can_tell_a_first_meeting_from_later_ones(tmp_path: Path) -> None:
    game = game_with(tmp_path, GREETINGS)
    game.turn("north")
    assert "A new student" in game.turn("talk to maestra")
    assert game.state["met"] == ["maestra"]
    assert "You again" in game.turn("talk to maestra")
    assert game.errors == []


def test_asking_someone_about_anything_is_meeting_them(tmp_path: Path) -> None:
    game = game_with(tmp_path, GREETINGS)
    game.turn("north")
    game.turn("ask maestra about turnips")
    assert "You again" in game.turn("talk to maestra")
    assert game.errors == []


def docs_example_game(tmp_path: Path) -> Game:
    """The guide's `people` example, in a game of two rooms (foyer and yard)."""
    import re
    guide = (Path(__file__).resolve().parents[2] / "docs" / "content.md").read_text(encoding="utf-8")
    [example] = re.findall(r"^```yaml\n(# docs example: people\n.*?)^```$", guide, re.MULTILINE | re.DOTALL)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: docs\nname: Docs\nversion: 1.0.0\ngame: {title: Docs, intro: Hello., start: foyer,"
        " features: [clock]}\n")
    (folder / "rooms.yaml").write_text(
        "rooms:\n  foyer: {name: Foyer, description: A foyer., exits: {north: hall}}\n"
        "  hall: {name: Hall, description: A hall., exits: {south: foyer, north: yard}}\n"
        "  yard: {name: Yard, description: A yard., exits: {south: hall}}\n")
    (folder / "people.yaml").write_text(example)
    assert load_content(folder).warnings == ()
    return Game.new(folder)


def test_the_guides_people_example_greets_a_stranger_once(tmp_path: Path) -> None:
    game = docs_example_game(tmp_path)
    assert '"A new face!"' in game.turn("talk to dunstan")
    assert "it's you again" in game.turn("talk to dunstan")


ASLEEP = """\
    patch:
      npcs:
        maestra:
          asleep: {npc: maestra, at: practice_hall, time: {from: "09:00", to: "09:45"}}
"""


def test_a_sleeper_neither_greets_nor_answers_nor_wakes(tmp_path: Path) -> None:
    game = game_with(tmp_path, ASLEEP)
    game.turn("north")
    assert game.turn("talk to maestra") == "Maestra Liesl Brand is asleep, and does not answer."
    assert game.turn("ask maestra about bell") == "Maestra Liesl Brand is asleep, and does not answer."
    assert game.turn("wake maestra") == "Maestra Liesl Brand stirs, mumbles something, and sleeps on."
    assert "met" not in game.state or "maestra" not in game.state["met"]
    game.turn("wait 15")
    assert "Good morning" in game.turn("talk to maestra")  # awake again at 09:45
    assert game.errors == []


def test_the_guides_sleeper_sleeps_at_night(tmp_path: Path) -> None:
    game = docs_example_game(tmp_path)
    game.turn("wait until 22:30")
    assert game.turn("talk to dunstan") == "Dunstan snores by the fire, his keys in his lap."


WALKS = """\
    patch:
      npcs:
        maestra:
          walks: true
          schedule:
            - {at: "09:00", room: practice_hall}
            - {at: "12:00", room: cloakroom}
"""


def test_a_walker_sets_out_early_and_passes_through_the_rooms_between(tmp_path: Path) -> None:
    game = game_with(tmp_path, WALKS)
    assert game.content.schedule_of(game.content.npcs["maestra"]) == (
        (8 * 60 + 58, "vestibule", ()), (9 * 60, "practice_hall", ()),
        (11 * 60 + 58, "vestibule", ()), (12 * 60, "cloakroom", ()))
    game.turn("wait until 11:57")
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"
    assert "Maestra Liesl Brand arrives." in game.turn("wait 1")  # the player waits in the vestibule
    assert game.state["npcs"]["maestra"]["at"] == "vestibule"
    assert "Maestra Liesl Brand leaves." in game.turn("wait 2")
    assert game.state["npcs"]["maestra"]["at"] == "cloakroom"
    assert game.errors == []


def test_someone_who_does_not_walk_still_moves_at_the_time_written(tmp_path: Path) -> None:
    game = game_with(tmp_path, WALKS.replace("walks: true", "walks: false"))
    game.turn("wait until 11:58")
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"
    game.turn("wait 2")
    assert game.state["npcs"]["maestra"]["at"] == "cloakroom"


def test_a_walk_that_does_not_fit_between_two_entries_is_a_move_at_the_time_written(tmp_path: Path) -> None:
    rushed = WALKS.replace('"12:00", room: cloakroom}', '"09:01", room: cloakroom}')
    game = game_with(tmp_path, rushed)
    assert game.content.schedule_of(game.content.npcs["maestra"]) == (
        (8 * 60 + 58, "vestibule", ()), (9 * 60, "practice_hall", ()),  # a day to walk back in
        (9 * 60 + 1, "cloakroom", ()))  # a minute is no time to walk two rooms


def test_a_walker_seen_passing_in_one_stretch_of_waiting_passes_through(tmp_path: Path) -> None:
    game = game_with(tmp_path, WALKS)
    game.turn("wait until 11:50")
    said = game.turn("wait 15")  # in the vestibule, from 11:50 to 12:05
    assert "Maestra Liesl Brand passes through." in said
    assert "arrives" not in said and "leaves" not in said
    assert game.state["npcs"]["maestra"]["at"] == "cloakroom"


def test_the_guides_walker_is_in_the_hall_on_his_way_to_the_yard(tmp_path: Path) -> None:
    game = docs_example_game(tmp_path)
    game.turn("north")
    assert "Old Dunstan arrives." in game.turn("wait until 11:58")
    assert "Old Dunstan leaves." in game.turn("wait 2")
    assert game.state["npcs"]["porter"]["at"] == "yard"


def test_a_meeting_is_kept_by_a_save_and_taken_back_by_undo(tmp_path: Path) -> None:
    from elysium.state.saves import SaveSlots

    game = game_with(tmp_path, GREETINGS)
    game.slots = SaveSlots(tmp_path / "saves")
    game.turn("north")
    game.turn("talk to maestra")
    game.turn("save met")
    game.turn("undo")  # back before the meeting (SAVE is not a move)
    assert "maestra" not in game.state.get("met", [])
    assert "A new student" in game.turn("talk to maestra")
    game.turn("restore met")
    assert game.state["met"] == ["maestra"]
    assert "You again" in game.turn("talk to maestra")
    assert game.errors == []


# A conversation keeps a person a little (services/world/lingering.py): the guide's Dunstan, due to
# set out at 11:58, stays while the player talks to him, then goes with his `leaving:` line.
def test_the_guides_porter_lingers_while_spoken_to_then_says_his_leaving_line(tmp_path: Path) -> None:
    game = docs_example_game(tmp_path)
    game.turn("wait until 11:55")
    game.turn("talk to dunstan")
    asked = game.turn("ask dunstan about keys")
    assert game.state["npcs"]["porter"]["at"] == "foyer", asked
    assert "Can't stop" not in asked
    gone = game.turn("wait")
    assert "Can't stop, the carrier's in" in gone
    assert game.state["npcs"]["porter"]["at"] == "yard"  # where his walk would have him by now
    assert game.errors == []


def test_unspoken_to_the_porter_sets_out_on_time(tmp_path: Path) -> None:
    game = docs_example_game(tmp_path)
    game.turn("wait until 11:59")
    assert game.state["npcs"]["porter"]["at"] == "hall"
