"""The scenery checks answer "does anything here answer to these words?" without the parser when
no word of them is a word of anything in scope (elysium/audit/examine.py). These tests hold that
shortcut to the parser: on every run of words of every noun phrase the checks read, in every room
of the campus (with and without the Lantern Walk), of Cloak of Darkness and of the packs made for
the audit's tests, each run the shortcut answers is one the parser would not have counted either;
and where prose names what is not there the shortcut spares the parser those runs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elysium import parser
from elysium.audit import examine
from elysium.audit.examine import Examiner
from elysium.audit.phrases import runs
from elysium.audit.scenery import scenery_coverage
from elysium.content import load_content
from elysium.content.loader import default_content_dir
from elysium.engine import Game
from audit_support import FIXTURES, examiners_of_the_checks, packs_with

PACKS = packs_with("audit_scenery", "audit_allowed", "audit_clean", "scenery", "world", "people2", "parser")


def _parser_covers(words: str, scope: list[parser.Thing], vocabulary: parser.Vocabulary) -> bool:
    """The parser's own answer for one run of words, as the checks counted it before the shortcut."""
    result = parser.parse(f"examine {words}", scope, vocabulary, {})
    if isinstance(result, parser.Question):
        return True
    if isinstance(result, parser.Command) and result.objects:
        thing = next((t for t in scope if t.id == result.objects[0]), None)
        return thing is not None and bool(set(words.split()) & parser.matching.nouns_of(thing))
    return False


class Checked(Examiner):
    """An Examiner that asks the parser too for every run the shortcut answers, and counts."""

    def __init__(self, vocabulary: parser.Vocabulary) -> None:
        super().__init__(vocabulary)
        Checked.made.append(self)
        self.runs = self.spared = self.whole = 0
        self.disagree: list[str] = []

    def examinable(self, phrase, scope, scope_words=None):
        known = examine.words_in(scope) if scope_words is None else scope_words
        if self._names_nothing_at_all(phrase, known):  # the whole phrase at once: so must every run be
            self.whole += 1
            self.disagree += [f"{words!r} of {phrase!r}: the phrase was spared, the run not"
                              for words in runs(phrase) if not self._names_nothing(words, known)]
        for words in runs(phrase):
            self.runs += 1
            if self._names_nothing(words, known):
                self.spared += 1
                if _parser_covers(words, scope, self.vocabulary):
                    self.disagree.append(f"{words!r} among {sorted(t.id for t in scope)}")
        return super().examinable(phrase, scope, scope_words)

    made: list[Checked] = []


@pytest.mark.parametrize(("game", "mods"), PACKS)
def test_the_shortcut_and_the_parser_agree_on_every_run_of_every_phrase(monkeypatch, game, mods):
    made = examiners_of_the_checks(Checked, monkeypatch, game, mods)
    assert made, "the checks no longer make their Examiner here"
    assert game is not None or sum(each.whole for each in made) > 100  # the campus names much that is not there
    disagree = [line for each in made for line in each.disagree]
    assert not disagree, "\n".join(disagree)


def test_where_the_prose_names_what_is_not_there_the_parser_is_spared_those_runs(monkeypatch):
    # Every run of words of a noun that cannot be examined is tried before it is called a gap: in
    # a pack whose prose names many things that are not there, that was most of the audit's time.
    content = load_content(FIXTURES / "world")
    gaps = scenery_coverage(content).gaps
    tried = sum(len(runs(gap.noun)) for gap in gaps)
    assert len(gaps) > 20 and tried > 40
    calls = []
    real = parser.parse
    monkeypatch.setattr(parser, "parse", lambda *args: calls.append(args[0]) or real(*args))
    assert scenery_coverage(content).gaps == gaps
    # before the shortcut every one of those runs was parsed, and the covered phrases besides
    assert len(calls) < tried, f"{len(calls)} parses for {tried} runs of the gaps alone"


def test_a_game_verb_of_its_own_that_starts_with_examine_turns_the_shortcut_off():
    vocabulary = Game.from_content(load_content(FIXTURES / "audit_scenery")).vocabulary
    assert Examiner(vocabulary).shortcut
    assert not Examiner(replace(vocabulary, custom_verbs={"examine closely": "peer"})).shortcut


def test_the_closest_noun_is_the_one_difflib_offers_for_every_noun_of_the_campus():
    import difflib

    from elysium.audit.places import CloseNouns

    content = load_content(default_content_dir())
    close = CloseNouns(content)
    nouns = sorted({noun for item in content.items.values() for noun in item.nouns})
    words = nouns + [noun + "s" for noun in nouns] + [noun[:-1] for noun in nouns if len(noun) > 3]
    offered = 0
    for room, known in close.by_room.items():
        for word in words:
            expected = difflib.get_close_matches(word, known, n=1, cutoff=0.8)
            assert close._closest(word, known) == (expected[0] if expected else None), (room, word)
            offered += bool(expected)
    assert offered > 100
