"""It, them, him and her: what they mean in a command, and what a command makes them mean."""

from __future__ import annotations

import pytest

from elysium.parser import Command, Failure, pronouns_after

C = Command


def test_it_refers_to_the_thing_named(world) -> None:
    assert world.parse("take it", pronouns={"it": ["lute"]}) == C("take", ("lute",))
    assert world.parse("put it in chest", pronouns={"it": ["candle"]}) == C(
        "put", ("candle",), second="chest", preposition="in"
    )


def test_them_may_mean_several_things(world) -> None:
    pronouns = {"them": ["lute", "beads"]}
    assert world.parse("take them", pronouns=pronouns) == C("take", ("lute", "beads"))
    assert world.parse("take them and iron hook", pronouns=pronouns) == C(
        "take", ("lute", "beads", "iron_hook")
    )


def test_him_and_her(world) -> None:
    pronouns = {"him": ["warden"], "her": ["warden"]}
    assert world.parse("ask her about wards", pronouns=pronouns) == C("ask", ("warden",), text="wards")
    assert world.parse("talk to him", pronouns=pronouns) == C("talk", ("warden",))


def test_all_except_it(world) -> None:
    assert world.parse("take all except it", pronouns={"it": ["lute"]}) == C(
        "take", ("brass_hook", "iron_hook", "beads", "new_scroll"), used_all=True
    )


def test_a_pronoun_for_something_gone(world) -> None:
    reply = world.parse("take it", pronouns={"it": ["vanished_harp"]})
    assert isinstance(reply, Failure)
    assert '"it"' in reply.text and "any more" in reply.text


def test_a_pronoun_never_set(world) -> None:
    for pronoun in ("it", "them", "him", "her"):
        reply = world.parse(f"examine {pronoun}", pronouns={})
        assert reply == Failure(f'You haven\'t mentioned anything that "{pronoun}" could mean yet.')


def test_them_with_some_things_gone_means_the_rest(world) -> None:
    assert world.parse("take them", pronouns={"them": ["lute", "vanished_harp"]}) == C("take", ("lute",))


def test_them_for_a_verb_of_one_thing(world) -> None:
    reply = world.parse("read them", pronouns={"them": ["old_scroll", "new_scroll"]})
    assert reply == Failure("You can only read one thing at a time.")


@pytest.mark.parametrize(
    ("command", "changes"),
    [
        (C("take", ("lute",)), {"it": ["lute"]}),
        (C("take", ("beads",)), {"it": ["beads"], "them": ["beads"]}),
        (C("take", ("lute", "beads"), used_all=True), {"them": ["lute", "beads"]}),
        (C("talk", ("warden",)), {"him": ["warden"], "her": ["warden"]}),
        (C("ask", ("warden",), text="wards"), {"him": ["warden"], "her": ["warden"]}),
        (C("put", ("candle",), second="chest", preposition="in"), {"it": ["candle"]}),
        (C("look"), {}),
        (C("go", direction="north"), {}),
    ],
)
def test_pronouns_after(world, command: Command, changes: dict) -> None:
    assert pronouns_after(command, world.scope) == changes


def test_pronouns_after_a_thing_not_in_scope_treats_it_as_a_thing(world) -> None:
    assert pronouns_after(C("take", ("harp",)), world.scope) == {"it": ["harp"]}


def test_pronouns_round_trip(world) -> None:
    first = world.parse("take lute")
    pronouns = pronouns_after(first, world.scope)
    assert world.parse("drop it", pronouns=pronouns) == C("drop", ("lute",))
