"""The world at work, through game.turn and game.state: darkness, doors and conditional exits,
containers, the NPC's schedule and timers, all in the fixture world (tests/fixtures/world)."""

from __future__ import annotations

import pytest

from elysium.engine import Game

from engine_walks import fixture_game

CELLAR_TEXT = "low brick cellar"
GEM_HERE = "Something violet glimmers"
DARK = "too dark to make out anything"


@pytest.fixture
def game() -> Game:
    game = fixture_game()
    game.opening()
    return game


def do(game: Game, *commands: str) -> str:
    """Play the commands; the reply to the last one. No command may cause an internal error."""
    reply = ""
    for command in commands:
        reply = game.turn(command)
        assert game.errors == [], f"{command!r}: {game.errors}"
    return reply


def at(game: Game, item: str) -> str:
    return game.state["items"][item]["at"]


OPEN_THE_CELLAR = ("open chest", "take key", "unlock door with key", "open door")


# -- darkness ---------------------------------------------------------------------------------------

def test_a_dark_room_shows_no_description_and_no_objects(game: Game) -> None:
    arrival = do(game, *OPEN_THE_CELLAR, "d")
    assert game.state["location"] == "cellar"
    for reply in (arrival, do(game, "look")):
        assert DARK in reply
        assert CELLAR_TEXT not in reply
        assert GEM_HERE not in reply
        assert "wine racks" not in reply
        assert "Exits:" not in reply
    assert "pitch dark down here" in arrival  # the `dark_cellar` rule
    for command in ("x gem", "take gem", "x racks"):
        assert "can't see" in do(game, command)
    assert at(game, "gem") == "cellar"


def test_an_unlit_light_source_is_no_help(game: Game) -> None:
    reply = do(game, *OPEN_THE_CELLAR, "take lantern", "d")
    assert DARK in reply and CELLAR_TEXT not in reply


def test_a_carried_lit_light_source_lights_the_room(game: Game) -> None:
    reply = do(game, *OPEN_THE_CELLAR, "take lantern", "light lantern", "d")
    assert CELLAR_TEXT in reply
    assert GEM_HERE in reply
    assert DARK not in reply
    assert "pitch dark" not in reply  # `dark_cellar` holds only in the dark
    assert "warm in your palm" in do(game, "take gem")
    assert at(game, "gem") == "player"


def test_the_lit_candle_works_as_well_as_the_lantern(game: Game) -> None:
    reply = do(game, *OPEN_THE_CELLAR, "n", "take candle", "s", "d")
    assert CELLAR_TEXT in reply and GEM_HERE in reply


def test_a_lit_light_source_lying_in_the_room_lights_it(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR, "take lantern", "light lantern", "d", "drop lantern")
    assert at(game, "lantern") == "cellar"
    reply = do(game, "look")
    assert CELLAR_TEXT in reply and "brass lantern" in reply
    do(game, "douse lantern")
    assert DARK in do(game, "look")
    # Out in the room, in the dark, the unlit lantern is out of reach.
    assert "can't see" in do(game, "light lantern")


def test_a_lit_light_source_in_another_room_does_not_help(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR, "light lantern")
    assert game.state["items"]["lantern"]["lit"] is True
    assert at(game, "lantern") == "vestibule"
    reply = do(game, "d")
    assert DARK in reply and CELLAR_TEXT not in reply


def test_carried_things_stay_in_reach_in_the_dark(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR, "take lantern", "n", "take book", "s", "d")
    assert DARK in do(game, "look")
    assert "unlit" in do(game, "x lantern")
    assert "leather songbook" in do(game, "x book")
    assert "far too dark to read" in do(game, "read book")  # `read_in_dark`, not the text
    assert "altar_legend" not in game.state["lore"]
    inventory = do(game, "inventory")
    assert "brass lantern" in inventory and "songbook" in inventory
    assert "Dropped" in do(game, "drop book")
    assert at(game, "songbook") == "cellar"
    assert "can't see" in do(game, "take book")  # dropped in the dark: out of reach now
    assert "You light the brass lantern" in do(game, "light lantern")
    assert CELLAR_TEXT in do(game, "look")
    assert "Taken" in do(game, "take book")
    assert "gem of the conservatory" in do(game, "read book")
    assert "altar_legend" in game.state["lore"]


def test_going_a_wrong_way_in_the_dark(game: Game) -> None:
    reply = do(game, *OPEN_THE_CELLAR, "d", "n")
    assert "find no way that direction" in reply
    assert "Exits" not in reply
    assert game.state["location"] == "cellar"
    assert "Vestibule" in do(game, "u")


# -- doors ------------------------------------------------------------------------------------------

def test_a_locked_door_bars_the_way(game: Game) -> None:
    reply = do(game, "d")
    assert "locked" in reply
    assert game.state["location"] == "vestibule"
    assert "locked" in do(game, "open door")
    assert game.state["items"]["cellar_door"]["locked"] is True
    assert game.state["items"]["cellar_door"]["open"] is False
    assert "locked, with a large iron keyhole" in do(game, "x door")


def test_unlocking_needs_the_key(game: Game) -> None:
    assert "right key" in do(game, "unlock door")
    assert game.state["items"]["cellar_door"]["locked"] is True
    do(game, "open chest", "take key")
    reply = do(game, "unlock door")
    assert "with the iron key" in reply
    assert game.state["items"]["cellar_door"]["locked"] is False
    assert "keyhole" in do(game, "x door") and "locked," not in do(game, "x door")


def test_a_closed_unlocked_door_is_opened_on_the_way_through(game: Game) -> None:
    do(game, "open chest", "take key", "unlock door with key")
    assert game.state["items"]["cellar_door"]["open"] is False
    reply = do(game, "d")
    assert "first opening the cellar door" in reply
    assert game.state["location"] == "cellar"
    assert game.state["items"]["cellar_door"]["open"] is True


def test_the_door_works_from_both_sides(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR, "take lantern", "light lantern", "d")
    assert "stout oak door" in do(game, "x door")
    assert "You close the cellar door" in do(game, "close door")
    assert "You lock the cellar door" in do(game, "lock door with key")
    do(game, "drop key")  # with the key in hand, going up would unlock the door on the way
    assert "locked" in do(game, "u")
    assert game.state["location"] == "cellar"
    do(game, "take key", "unlock door with key")
    reply = do(game, "u")
    assert "first opening the cellar door" in reply and "Vestibule" in reply


def test_a_door_must_be_closed_before_it_is_locked(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR)
    assert "close the cellar door first" in do(game, "lock door with key")
    assert game.state["items"]["cellar_door"]["locked"] is False


def test_the_maestra_locks_an_open_cellar_door(game: Game) -> None:
    do(game, *OPEN_THE_CELLAR, "n")
    reply = do(game, "ask maestra about cellar")
    assert "key turn" in reply
    assert game.state["items"]["cellar_door"]["open"] is False
    assert game.state["items"]["cellar_door"]["locked"] is True
    do(game, "s")
    assert "first unlocking the cellar door" in do(game, "d")  # the key from the chest is in hand


# -- conditional exits ------------------------------------------------------------------------------

def test_a_conditional_exit_refuses_with_its_else_text(game: Game) -> None:
    time = game.state["time"]
    reply = do(game, "u")
    assert reply == "The tower stair is roped off with a velvet cord."
    assert game.state["location"] == "vestibule"
    assert game.state["time"] == time  # a refused move takes no time


def test_the_lever_opens_and_bars_the_conditional_exit(game: Game) -> None:
    assert "stair is open" in do(game, "pull lever")
    assert game.state["flags"].get("tower_open") is True
    assert "Bell Tower" in do(game, "u")
    do(game, "d")
    assert "stair is barred" in do(game, "pull lever")
    assert "tower_open" not in game.state["flags"]
    assert "roped off" in do(game, "u")
    assert game.state["location"] == "vestibule"
    assert game.state["counters"]["lever_pulls"] == 2


def test_the_tower_timer_opens_the_conditional_exit(game: Game) -> None:
    reply = do(game, "wait until 10:00")
    assert "tower stair is open" in reply
    assert "Bell Tower" in do(game, "u")


# -- containers and supporters ----------------------------------------------------------------------

def test_a_closed_container_hides_what_it_holds(game: Game) -> None:
    assert "iron key" not in do(game, "look")
    assert "can't see" in do(game, "take key")
    assert "closed" in do(game, "x chest")
    assert "revealing an iron key" in do(game, "open chest")
    assert "iron key" in do(game, "look")
    assert "Taken" in do(game, "take key from chest")
    assert at(game, "iron_key") == "player"


def test_putting_things_in_and_closing_them_away(game: Game) -> None:
    do(game, "open chest", "take key")
    assert "into the oak chest" in do(game, "put key in chest")
    assert at(game, "iron_key") == "in:oak_chest"
    do(game, "close chest")
    assert "closed" in do(game, "put lantern in chest")
    assert at(game, "lantern") == "vestibule"
    assert "can't see" in do(game, "take key")
    assert "right key" in do(game, "unlock door")  # a key shut in a chest is no help


def test_an_open_container_needs_no_opening(game: Game) -> None:
    assert "In the wicker basket you see some glass beads" in do(game, "look")
    assert "Taken" in do(game, "take beads")
    assert at(game, "glass_beads") == "player"
    assert "into the wicker basket" in do(game, "put them in basket")
    assert at(game, "glass_beads") == "in:wicker_basket"
    assert "Taken" in do(game, "take beads from basket")
    assert at(game, "glass_beads") == "player"


def test_take_all_from_a_container(game: Game) -> None:
    reply = do(game, "take all from basket")
    assert "Taken" in reply
    assert at(game, "glass_beads") == "player"


def test_things_on_a_supporter(game: Game) -> None:
    reply = do(game, "n")
    assert "On the music stand you see a songbook" in reply
    assert "Taken" in do(game, "take book")
    assert at(game, "songbook") == "player"
    assert "on the music stand" in do(game, "put book on stand")
    assert at(game, "songbook") == "on:music_stand"
    assert "can't put things in" in do(game, "put candle in stand")


def test_a_locked_container_without_a_key_opens_only_by_its_rule(game: Game) -> None:
    do(game, "n", "e")
    assert "sealed tight" in do(game, "x reliquary")
    assert "locked" in do(game, "open reliquary")
    assert "can't see" in do(game, "take fork")
    assert "clicks open" in do(game, "sing")
    assert game.state["items"]["reliquary"]["locked"] is False
    assert game.state["items"]["reliquary"]["open"] is True
    assert "Its seal has given way" in do(game, "x reliquary")
    assert "Taken" in do(game, "take fork")
    assert "echoes sweetly" in do(game, "sing")


def test_scenery_and_fixed_things_stay_put(game: Game) -> None:
    do(game, "n")
    reply = do(game, "take organ")
    assert "not something you can carry off" in reply
    assert at(game, "organ") == "practice_hall"
    assert "one eyebrow" in do(game, "take maestra")


# -- the NPC's schedule -----------------------------------------------------------------------------

def test_the_maestra_keeps_her_schedule_as_time_passes(game: Game) -> None:
    npc = game.state["npcs"]["maestra"]
    assert npc["at"] == "practice_hall"
    assert "Organ music drifts" in do(game, "look")  # the vestibule's {npc: ..., at: ...} variant
    do(game, "wait until 11:59")
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"
    do(game, "wait 1")
    assert game.state["npcs"]["maestra"]["at"] == "chapel"
    reply = do(game, "look")
    assert "Organ music" not in reply and "practice hall lies north" in reply
    do(game, "wait until 8:59 tomorrow")  # the next morning
    assert game.state["npcs"]["maestra"]["at"] == "chapel"
    do(game, "wait 1")
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"


def test_the_player_sees_the_maestra_come_and_go(game: Game) -> None:
    do(game, "n", "wait until 11:58")
    reply = do(game, "wait 5")
    assert "Maestra Liesl Brand leaves." in reply
    assert "Maestra Brand is here" not in do(game, "look")
    reply = do(game, "e")
    assert "Maestra Brand is here" in reply
    assert "Maestra Liesl Brand leaves." in do(game, "wait until 9:00 tomorrow")  # the next morning
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"
    assert "Maestra" not in do(game, "wait until 11:59")
    assert "Maestra Liesl Brand arrives." in do(game, "wait 1")
    assert game.state["npcs"]["maestra"]["at"] == "chapel"


def test_the_schedule_is_kept_unseen_and_across_a_whole_day(game: Game) -> None:
    reply = do(game, "e", "wait until 12:30")
    assert "Maestra" not in reply  # she moves, but not where the player can see
    assert game.state["npcs"]["maestra"]["at"] == "chapel"
    do(game, "wait 24 hours")
    assert game.state["npcs"]["maestra"]["at"] == "chapel"
    do(game, "wait 21 hours")  # 09:30 on day 3
    assert game.state["npcs"]["maestra"]["at"] == "practice_hall"


# -- timers -----------------------------------------------------------------------------------------

def test_a_one_off_timer_fires_once_at_its_time(game: Game) -> None:
    assert "bolt is drawn back" not in do(game, "wait 29 minutes")
    assert "tower_open" not in game.state["flags"]
    reply = do(game, "wait 1")  # 10:00
    assert "Somewhere above, a bolt is drawn back. The tower stair is open." in reply
    assert game.state["flags"]["tower_open"] is True
    assert "timer:tower_unbarred" in game.state["fired"]
    do(game, "pull lever")  # bar it again; day 2 at 10:00 must not undo that
    reply = do(game, "wait 24 hours")
    assert "bolt is drawn back" not in reply
    assert "tower_open" not in game.state["flags"]


def test_a_timer_fires_inside_a_rules_wait(game: Game) -> None:
    reply = do(game, "nap")  # 60 minutes of the rule's `wait`, and the verb's own minute
    assert "doze" in reply and "tower stair is open" in reply
    assert game.state["flags"]["tower_open"] is True


def test_a_daily_timer_fires_every_day_and_heeds_its_conditions(game: Game) -> None:
    assert "Far above, the noon bell tolls." in do(game, "wait until 12:00")
    assert "noon bell" not in do(game, "wait until 11:00 tomorrow")
    do(game, "e")  # the cloakroom: the bell is not heard there
    assert "noon bell" not in do(game, "wait until 12:30")
    do(game, "w", "u")  # the tower stair was opened by the 10:00 timer on day 1
    assert game.state["location"] == "bell_tower"
    assert "tolls right beside you, deafeningly" in do(game, "wait until 12:00 tomorrow")


def test_time_passes_with_every_action(game: Game) -> None:
    start = game.state["time"]
    do(game, "look")
    assert game.state["time"] == start + 1
    do(game, "n")
    assert game.state["time"] == start + 3
    do(game, "wait 20 minutes")
    assert game.state["time"] == start + 23
    do(game, "inventory", "score", "time")  # meta commands take no time
    assert game.state["time"] == start + 23
