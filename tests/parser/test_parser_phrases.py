"""Noun phrases: adjectives, lists, "all" and its exceptions, and which of several things is meant."""

from __future__ import annotations

from elysium.parser import Command, Failure, Question, Thing

C = Command


def test_adjectives_before_the_noun_in_any_number(world) -> None:
    assert world.parse("take small brass hook") == C("take", ("brass_hook",))
    assert world.parse("take the brass small hook") == C("take", ("brass_hook",))


def test_an_adjective_alone_will_do_when_it_picks_one_thing(world) -> None:
    assert world.parse("take iron") == C("take", ("iron_hook",))
    assert world.parse("x battered") == C("examine", ("lute",))


def test_a_thing_named_by_its_noun_beats_one_named_only_by_adjectives(world) -> None:
    scope = world.scope + (
        # "brass" is this thing's noun: "x brass" means it, not the brass hook or key.
        Thing("brass_plate", "brass", ("brass",), ("polished",)),
    )
    assert world.parse("x brass", scope=scope) == C("examine", ("brass_plate",))


def test_articles_are_ignored(world) -> None:
    assert world.parse("take the lute") == C("take", ("lute",))
    assert world.parse("take a lute") == C("take", ("lute",))
    assert world.parse("take an lute") == C("take", ("lute",))
    assert world.parse("take some beads") == C("take", ("beads",))


def test_lists_with_and_and_commas(world) -> None:
    assert world.parse("take lute and beads") == C("take", ("lute", "beads"))
    assert world.parse("take lute, beads and new scroll") == C("take", ("lute", "beads", "new_scroll"))
    assert world.parse("take lute, beads, and iron hook") == C("take", ("lute", "beads", "iron_hook"))
    assert world.parse("drop old scroll and candle") == C("drop", ("old_scroll", "candle"))


def test_naming_a_thing_twice_takes_it_once(world) -> None:
    assert world.parse("take lute and the lute") == C("take", ("lute",))


def test_take_all_takes_what_lies_in_the_room(world) -> None:
    assert world.parse("take all") == C(
        "take", ("brass_hook", "iron_hook", "lute", "beads", "new_scroll"), used_all=True
    )
    assert world.parse("take everything") == world.parse("take all")
    assert world.parse("pick up all") == world.parse("take all")


def test_take_all_except(world) -> None:
    assert world.parse("take all except lute") == C(
        "take", ("brass_hook", "iron_hook", "beads", "new_scroll"), used_all=True
    )
    assert world.parse("take all but the hooks") == C("take", ("lute", "beads", "new_scroll"), used_all=True)
    assert world.parse("take everything except hook, lute and beads") == C(
        "take", ("new_scroll",), used_all=True
    )


def test_all_with_a_noun_means_every_one_of_them(world) -> None:
    assert world.parse("take all hooks") == C("take", ("brass_hook", "iron_hook"), used_all=True)
    assert world.parse("take all of the hooks") == C("take", ("brass_hook", "iron_hook"), used_all=True)


def test_all_and_something_more(world) -> None:
    assert world.parse("take all hooks and lute") == C("take", ("brass_hook", "iron_hook", "lute"), used_all=True)
    assert world.parse("drop candle and everything") == C(
        "drop", ("candle", "grey_cloak", "old_scroll"), used_all=True
    )


def test_drop_all_and_put_all_use_what_is_held_but_not_worn(world) -> None:
    assert world.parse("drop all") == C("drop", ("grey_cloak", "old_scroll", "candle"), used_all=True)
    assert world.parse("put all in chest") == C(
        "put", ("grey_cloak", "old_scroll", "candle"), second="chest", used_all=True, preposition="in"
    )
    assert world.parse("drop all except candle") == C("drop", ("grey_cloak", "old_scroll"), used_all=True)


def test_put_all_in_something_leaves_that_thing_out(world) -> None:
    assert world.parse("put all on candle") == C(
        "put", ("grey_cloak", "old_scroll"), second="candle", used_all=True, preposition="on"
    )


def test_wear_all_and_remove_all(world) -> None:
    assert world.parse("wear all") == C("wear", ("grey_cloak",), used_all=True)
    assert world.parse("remove all") == C("remove", ("red_cloak",), used_all=True)
    assert world.parse("take off everything") == C("remove", ("red_cloak",), used_all=True)


def test_take_all_from_a_container(world) -> None:
    assert world.parse("take all from chest") == C("take", ("brass_key",), second="chest", used_all=True)


def test_take_all_never_asks_which(world) -> None:
    assert not isinstance(world.parse("take all except hook"), Question)


def test_all_with_nothing_to_gather(world) -> None:
    empty_handed = world.without("red_cloak", "grey_cloak", "old_scroll", "candle")
    assert world.parse("take all", scope=world.without(
        "brass_hook", "iron_hook", "lute", "beads", "new_scroll"
    )) == Failure("There is nothing here to take.")
    assert world.parse("drop all", scope=empty_handed) == Failure("You are not carrying anything to drop.")
    assert world.parse("remove all", scope=empty_handed) == Failure("You are not wearing anything.")
    assert world.parse("take all except lute", scope=world.without(
        "brass_hook", "iron_hook", "beads", "new_scroll"
    )) == Failure("There is nothing here to take.")


def test_all_with_a_verb_that_does_not_take_it(world) -> None:
    reply = world.parse("examine all")
    assert isinstance(reply, Failure) and '"all"' in reply.text
    assert isinstance(world.parse("open everything"), Failure)


def test_verbs_for_one_thing_refuse_a_list(world) -> None:
    assert world.parse("read old scroll and new scroll") == Failure("You can only read one thing at a time.")
    assert world.parse("look in chest and lute") == Failure("You can only look in one thing at a time.")


def test_my_means_nothing_more_than_the(world) -> None:
    assert world.parse("drop my candle") == C("drop", ("candle",))
