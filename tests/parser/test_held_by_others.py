"""A thing another person holds is named last: "lute" means the player's own lute while Wren holds
hers, and hers alone when the player has none; her adjectives still pick hers."""

from elysium import parser
from elysium.parser import Command, Thing, Vocabulary

OWN = Thing("lute", "lute", ("lute",), ("your",), carried=True, portable=True)
HERS = Thing("wren_lute", "Wren's lute", ("lute",), ("wren's", "battered"), in_room=False, held_by="wren")
WREN = Thing("wren", "Wren", ("wren",), (), kind="npc")
WORDS = Vocabulary(nouns=frozenset({"lute", "wren"}), adjectives=frozenset({"your", "wren's", "battered"}),
                   custom_verbs={})


def test_the_players_own_thing_is_meant_before_one_someone_else_holds():
    assert parser.parse("examine lute", [OWN, HERS, WREN], WORDS, {}) == Command("examine", ("lute",))
    assert parser.parse("touch lute", [OWN, HERS, WREN], WORDS, {}).objects == ("lute",)


def test_the_one_someone_holds_is_found_when_it_is_the_only_one_or_named_by_its_own_words():
    assert parser.parse("examine lute", [HERS, WREN], WORDS, {}) == Command("examine", ("wren_lute",))
    assert parser.parse("examine battered lute", [OWN, HERS, WREN], WORDS, {}) == Command("examine", ("wren_lute",))
