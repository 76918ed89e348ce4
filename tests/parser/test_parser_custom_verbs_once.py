"""The game's own verbs are read into the parser's words once per vocabulary, not once per sentence:
a web worker parses every player's lines against one vocabulary, and the campus has dozens of verbs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from elysium.parser import Command, Thing, Vocabulary, parse, resolve_answer

SCOPE = (Thing("lute", "battered lute", ("lute",), ("battered",), portable=True),
         Thing("bell", "bronze bell", ("bell",), ("bronze",)))
CUSTOM_VERBS = {"ring": "ring", "toll": "ring", "knock": "knock", "pull rope": "pull_rope"}
VOCABULARY = Vocabulary(nouns=frozenset({"lute", "bell", "rope"}), adjectives=frozenset({"battered", "bronze"}),
                        custom_verbs=CUSTOM_VERBS)


class CountedVerbs(Mapping):
    """The custom verbs, counting how often the parser walks through all of them."""

    def __init__(self, verbs: dict[str, str]) -> None:
        self.verbs, self.walks = verbs, 0

    def __getitem__(self, key: str) -> str:
        return self.verbs[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.verbs)

    def __len__(self) -> int:
        return len(self.verbs)

    def items(self):
        self.walks += 1
        return self.verbs.items()


def counted_vocabulary() -> tuple[Vocabulary, CountedVerbs]:
    verbs = CountedVerbs(CUSTOM_VERBS)
    return Vocabulary(VOCABULARY.nouns, VOCABULARY.adjectives, verbs, VOCABULARY.topics), verbs


def test_custom_verbs_are_read_once_for_many_sentences():
    vocabulary, verbs = counted_vocabulary()
    replies = [parse(line, SCOPE, vocabulary, {}) for line in ("ring", "toll", "pull rope", "knock", "ring")]
    assert [reply.action for reply in replies] == ["ring", "ring", "pull_rope", "knock", "ring"]
    assert all(isinstance(reply, Command) for reply in replies)
    assert verbs.walks == 1


def test_answers_to_a_question_use_the_same_words():
    vocabulary, verbs = counted_vocabulary()
    parse("ring", SCOPE, vocabulary, {})
    pending = {"complete": "put lute in"}
    assert resolve_answer("toll", pending, SCOPE, vocabulary, {}) is None  # a fresh command, not an answer
    assert verbs.walks == 1


def test_two_vocabularies_keep_their_own_verbs():
    first, _ = counted_vocabulary()
    second = Vocabulary(VOCABULARY.nouns, VOCABULARY.adjectives, {"hum": "hum"}, VOCABULARY.topics)
    assert parse("ring", SCOPE, first, {}).action == "ring"
    assert parse("hum", SCOPE, second, {}).action == "hum"
    assert getattr(parse("hum", SCOPE, first, {}), "action", None) != "hum"  # the first game has no "hum"
