"""The kitchens are behind a locked door (Mother Bramble's key), so the starter she guards is
checked by putting the player there: Play14 could not examine it."""

from elysium.engine import Game


def test_the_starter_bramble_guards_can_be_examined():
    game = Game.new()
    game.state["location"] = "kitchens"
    assert "A brown crock on the warm end of the hearth" in game.turn("x starter")
