"""A world repeats itself: its texts share sentences, and its rooms hold things that differ only by
their ids. The audit reads each sentence once for its noun phrases (elysium/audit/phrases.py);
these tests hold that reading to the reading of each text whole, on every text of the campus, the
examples and the packs made for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from elysium.audit import phrases
from elysium.audit.phrases import SUBSTITUTION, PhrasesRead, noun_phrases
from elysium.audit.verbs import _texts
from elysium.content import load_content
from elysium.content.loader import default_content_dir
from elysium.content.styles import plain

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

PACKS = [
    pytest.param(None, (), id="campus"),
    pytest.param(None, (ROOT / "examples" / "lantern_walk",), id="campus+lantern_walk"),
    pytest.param(ROOT / "examples" / "cloak_of_darkness", (), id="cloak_of_darkness"),
    *(pytest.param(FIXTURES / name, (), id=name)
      for name in ("audit_scenery", "audit_allowed", "audit_clean", "audit_verbs", "scenery", "world", "people2",
                   "parser", "messages", "light", "travel", "rules")),
]


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
