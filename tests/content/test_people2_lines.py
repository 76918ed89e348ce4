"""The campus's people speak of what the player has done, not of what they assume (play report 14):
Cassia and the Provost on the Threnody after the player has sung it at a recital (P27, P28, through
the condition `performed_piece:`), the Provost's pen only at her desk and no ward-knot the player
never had (P28), and Cassia's harpsichord only once she has told of it (P31)."""

from __future__ import annotations

from pathlib import Path

from elysium.engine import Game
from elysium.state import places

CAMPUS = Path(__file__).resolve().parents[2] / "content" / "starred_blocks"
THRENODY = "threnody_for_three_kings"


def campus_with(*people: str, sung: bool) -> Game:
    """A campus game with these people beside the player, who knows the Threnody (and has sung it
    at the first recital, if `sung`)."""
    game = Game.new(CAMPUS, seed=0)
    game.turn("show letter to warden")
    game.turn("north")
    game.state["repertoire"][THRENODY] = {"mastery": 60, "practised": 0}
    if sung:
        game.state["recital_pieces"] = {"starday_recital": THRENODY}
    for person in people:
        places.move_npc(game.state, person, game.state["location"])
    return game


def test_cassia_after_the_threnody_has_been_sung_does_not_say_you_will_never_find_it() -> None:
    sung = campus_with("cassia_vane", sung=True).turn("ask cassia about threnody")
    assert "Not that you'd ever get your hands on it" not in sung
    assert "I didn't weep" in sung
    found = campus_with("cassia_vane", sung=False).turn("ask cassia about threnody")
    assert "Not that you'd ever get your hands on it" not in found
    assert "You've found it" in found


def test_the_provost_knows_she_has_heard_the_threnody_sung() -> None:
    game = campus_with("provost_vey", sung=True)
    first = game.turn("ask provost about threnody")
    assert "you sang it in front of me" in first
    assert "Sing it as if" not in first
    assert "You have sung it to me" in game.turn("ask provost about threnody")
    unsung = campus_with("provost_vey", sung=False).turn("ask provost about threnody")
    assert "Sing it as if you meant every word" in unsung


def test_the_provost_has_no_pen_away_from_her_desk_and_the_player_no_ward_knot() -> None:
    game = campus_with("provost_vey", sung=False)
    game.state["lore"].append("the_burning_of_calder")
    calder = game.turn("ask provost about calder")
    assert "That is all I say about Calder" in calder
    assert "pen" not in calder
    game.state["standing"] = 6
    spire = game.turn("ask provost about spire")
    assert "The spire knows you now" in spire
    assert "ward-knot" not in spire


def test_cassia_asks_after_the_harpsichord_only_once_she_has_told_of_it() -> None:
    game = campus_with("cassia_vane", sung=False)
    game.state["visits"]["practice_room_west"] = 1
    assert "how did you find the harpsichord" not in game.turn("ask cassia about practice")
    told = campus_with("cassia_vane", sung=False)
    assert "a harpsichord that knows two tunes" in told.turn("ask cassia about practice")
    told.state["visits"]["practice_room_west"] = 1
    assert "how did you find the harpsichord" in told.turn("ask cassia about practice")
