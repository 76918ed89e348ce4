"""A world repeats itself: its texts share sentences, and its rooms hold things that differ only by
their ids. The audit reads each sentence once for its noun phrases (elysium/audit/phrases.py), and
asks the parser once about words among such things (elysium/audit/examine.py); these tests hold
both to what reading each text whole and parsing every run find, on every text and in every room
of the campus, the examples and the packs made for the tests."""

from __future__ import annotations


import pytest

from elysium import parser
from elysium.audit import examine, phrases
from elysium.audit.examine import Examiner
from elysium.audit.phrases import SUBSTITUTION, PhrasesRead, noun_phrases
from elysium.audit.verbs import _texts
from elysium.content import load_content
from elysium.content.loader import default_content_dir
from elysium.content.styles import plain
from elysium.engine import Game
from audit_support import FIXTURES, examiners_of_the_checks, packs_with

PACKS = packs_with(
    "audit_scenery", "audit_allowed", "audit_clean", "audit_verbs", "scenery", "world", "people2",
    "parser", "messages", "light", "travel", "rules")


def _whole(text: str) -> list[str]:
    """The phrases of `text` read in one pass over all its words, full stops and all."""
    return phrases._sentence_phrases(SUBSTITUTION.sub(",", plain(text)), {})


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_reading_sentence_by_sentence_finds_what_reading_the_whole_text_finds(game, mods):
    content = load_content(game or default_content_dir(), mods)
    read = PhrasesRead()
    texts = [text for _, text in _texts(content)]
    assert texts
    for text in texts:
        assert list(read[text]) == _whole(text), text
    assert len(read.sentences) < sum(len(text.split(".")) for text in set(texts))  # sentences recur


def test_a_text_s_full_stops_ellipses_and_substitutions_read_as_before():
    for text in ("The lamp burns. A dog sleeps by the gate.", "The lamp... the dog. . .the gate",
                 "Mr.Smith's hat.The {npc.warden} desk. The old {flag.x}. well", "the lamp.", ".", "",
                 "The lamp\u00a0. \u2028the dog", "The porter's. lodge and the gate"):
        assert noun_phrases(text) == _whole(text), text


def test_a_sentence_two_texts_share_is_read_once(monkeypatch):
    read = []
    real = phrases._sentence_phrases
    monkeypatch.setattr(phrases, "_sentence_phrases", lambda sentence, classes: read.append(sentence)
                        or real(sentence, classes))
    store = PhrasesRead()
    assert store["The lamp burns low. A dog sleeps by the gate."] == ("lamp", "dog", "gate")
    assert store["A dog sleeps by the gate. The bench is cold."] == ("dog", "gate", "bench")
    assert read.count("A dog sleeps by the gate") == 1


class Checked(Examiner):
    """An Examiner that parses every run too, and notes where the shared answer differs."""

    made: list[Checked] = []

    def __init__(self, vocabulary: parser.Vocabulary) -> None:
        super().__init__(vocabulary)
        Checked.made.append(self)
        self.asked = 0
        self.disagree: list[str] = []

    def _covers(self, words, scope):
        shared = super()._covers(words, scope)
        self.asked += 1
        if shared != self._parsed(words, scope):
            self.disagree.append(f"{words!r} among {sorted(thing.id for thing in scope)}: shared {shared}")
        return shared


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_an_answer_shared_between_rooms_is_the_parser_s_own_in_each(monkeypatch, game, mods):
    made = examiners_of_the_checks(Checked, monkeypatch, game, mods)
    assert made and (game is not None or sum(each.asked for each in made) > 100)
    disagree = [line for each in made for line in each.disagree]
    assert not disagree, "\n".join(disagree)


def _parses(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = parser.parse
    monkeypatch.setattr(examine.parser, "parse", lambda *args: calls.append(args[0]) or real(*args))
    return calls


def test_rooms_holding_the_same_things_under_other_ids_share_one_parse(monkeypatch):
    examiner = Examiner(Game.from_content(load_content(FIXTURES / "audit_scenery")).vocabulary)
    calls = _parses(monkeypatch)
    for room in range(5):
        scope = [parser.Thing(f"lamp_{room}", "brass lamp", ("lamp",), ("brass",)),
                 parser.Thing(f"stool_{room}", "stool", ("stool",), ())]
        assert examiner.examinable("brass lamp", scope)
        assert not examiner.examinable("brass", scope)  # found, but by no noun of it
    assert calls == ["examine brass lamp", "examine brass"]


def test_things_that_differ_by_more_than_their_ids_are_parsed_again(monkeypatch):
    examiner = Examiner(Game.from_content(load_content(FIXTURES / "audit_scenery")).vocabulary)
    calls = _parses(monkeypatch)
    lamp = parser.Thing("lamp", "brass lamp", ("lamp",), ("brass",))
    assert examiner.examinable("lamp", [lamp])
    held = parser.Thing("lamp", "brass lamp", ("lamp",), ("brass",), held_by="warden")
    assert examiner.examinable("lamp", [lamp, held])  # two lamps: the parser asks which
    assert examiner.examinable("lamp", [lamp, parser.Thing("lamp_2", "brass lamp", ("lamp",), ("brass",))])
    assert examiner.examinable("lamp", [lamp, lamp])  # the same lamp twice is another scope again
    assert len(calls) == 4


def _invited_whole(text: str) -> list[tuple[str, str]]:
    """The invitations of `text` found by running each pattern over the whole text at once."""
    from elysium.audit import verbs

    text = plain(text)
    found = [(match[1].lower(), match[0]) for match in verbs.INVITATIONS.finditer(text)
             if match[1].lower() in verbs.INVITING]
    for quoted in verbs.QUOTE.finditer(text):
        speech = quoted[1] if quoted[1] is not None else quoted[2]
        found += [(clause[1].lower(), f"{clause[1]} {clause[2]}") for clause in verbs.CLAUSE_START.finditer(speech)
                  if clause[1].lower() in verbs.INVITING and clause[2].lower() in verbs.OBJECT_STARTS]
    if verbs.CAPITALS.search(text) and len(verbs.UPPER.findall(text)) * 2 <= len(verbs.LETTER.findall(text)):
        found += [(command[1].lower(), command[0]) for command in verbs.CAPITALS.finditer(text)
                  if command[1].lower() in verbs.INVITING]
    return found


INVITING_TEXTS = [
    "You could touch the star. Why not ring the bell? \"Toss one in. Ring the bell twice,\" she says.",
    "Nothing here.TOUCH STAR.You might gently polish it", "THE INSCRIPTION READS. TOUCH STAR", "Try to.climb",
    "You could [b]touch[/b] the star.", "You\x01 could touch it. \\[TOUCH STAR] and PULL LEVER now.",
    "“Knock twice. Then open the door,” he says. You can. Feel free to dance.", "", ".", "..you could sing",
]


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_invitations_found_sentence_by_sentence_are_those_of_the_whole_text(game, mods):
    from elysium.audit.verbs import invited_verbs

    content = load_content(game or default_content_dir(), mods)
    sentences: dict = {}
    texts = [text for _, text in _texts(content)] + INVITING_TEXTS
    for text in texts:
        assert list(invited_verbs(text, sentences)) == _invited_whole(text), text
    assert any(_invited_whole(text) for text in INVITING_TEXTS[:3])


def test_a_sentence_two_texts_share_is_searched_for_invitations_once(monkeypatch):
    from elysium.audit import verbs

    read = []
    real = verbs._sentence
    monkeypatch.setattr(verbs, "_sentence", lambda sentence: read.append(sentence) or real(sentence))
    sentences: dict = {}
    assert list(verbs.invited_verbs("The lamp burns low. You could touch the star.", sentences)) == [
        ("touch", "You could touch")]
    assert list(verbs.invited_verbs("You could touch the star. The bench is cold.", sentences)) == [
        ("touch", "You could touch")]
    assert read.count("You could touch the star") == 1


def test_plain_text_is_plain_for_text_with_markup_escapes_or_control_characters_and_without():
    for text in ("plain words", "[b]bold[/b] and [red]red", "\\[not a tag]", "a\x01b\x7f", "[/] stray [", "",
                 "tab\tand\nnewline", "[@click=x]link[/]"):
        assert phrases.plain_text(text) == plain(text), text
