"""The noun phrases a piece of prose names, found by a plain heuristic rather than a grammar.

A phrase starts after a determiner or a possessive ("the", "a", "its", "every", "two", "Vell's")
and runs up to a closed-class word (a preposition, a conjunction, a pronoun, a helping verb, an
adverb) or punctuation, at most `LONGEST` words. The check tries the phrase and its shorter runs
of words, so a verb caught at its end ("the fountain throws") does no harm.
"""

from __future__ import annotations

import re

from elysium.content.styles import CONTROL, plain

LONGEST = 4

DETERMINERS = frozenset("""
    the a an its his her their your my our every each some any another both several many few
    this these those two three four five six seven eight nine ten eleven twelve twenty hundred
    half dozen
""".split())

# Words that end a phrase: the small closed classes of English, and a few adverbs that read like
# adjectives to a heuristic.
CLOSED = frozenset("""
    of in on at to from by with into onto over under above below beneath beside besides between
    through across along around behind beyond up down out off for about against among past
    toward towards upon within without near like after before since during inside outside
    and or but nor yet so while where when whence that which who whom whose as than if because
    though although until unless whether
    is are was were be been being am has have had do does did can could will would may might
    must shall should
    it they them he him she you we i me us one ones itself themselves yourself himself herself
    not no never still just only too very almost here there then now once always ever also even
    again already all such own else more most less least much rather quite
    away back anyway
""".split()) | DETERMINERS

# Words a phrase may hold that name no thing to examine: parts and places of something else ("the
# foot of the stairs", "the far end"), a person's body and breath, times and directions, words of
# quantity. They end a phrase, as closed-class words do.
NOT_THINGS = frozenset("""
    end ends edge edges side sides middle centre center top bottom foot length corner front back
    rest way ways kind sort part half whole same other others last first next little lot
    time times day days night nights hour hours minute minutes moment morning evening afternoon
    dusk dawn noon midnight week weeks term year years century tomorrow today tonight yesterday
    north south east west northeast northwest southeast southwest
    hand hands finger fingers knee knees lap eye eyes arm arms elbow elbows fist fists chin neck
    throat palm palms head face feet mouth breath voice shoulder shoulders hair cheek cheeks lip
    lips brow heart mind
    air light dark darkness sound sounds smell silence shade shadow warmth touch
    somebody someone anybody anyone nobody everyone everybody something nothing anything thing things
    name names word words pattern note notes line lines song songs tune tunes music jig recital
    clatter chatter creak cough sigh hush scratch murmur whisper
    glimpse flash slice scatter daylight lamplight candlelight glow colour color
    inch deal thickness pace paces nerves examination sign idea expect stops stirs work
    ranks row rows
""".split())

# Verbs that follow a noun in the campus's kind of prose ("the stair winds up"): they end a phrase.
# Past participles and -ing forms after the first word end one too ("the lowest tier wrapped in").
VERBS = frozenset("""
    stands stand leads lead lies lie runs run comes come opens open climbs climb burns burn
    winds wind looks look turns turn gives give smells smell roars roar rises rise hangs hang
    sits sit throws throw hums hum falls fall rings ring goes go shows show holds hold fills
    fill keeps keep catches catch glows glow spills spill says say waits wait watches watch
    reads read sings sing plays play makes make takes take floats float drifts drift grows
    grow leans lean rests reaches crosses passes begins hides hide sleeps sleep seems seem
    stretches stretch gleams gleam glitter glitters shines shine drips drip sways sway
    ready nearest alone apart cut set shut wound worn hung built spun bound drawn right left
    gets listens fluffs afraid
""".split())

# A phrase of nothing but these lost its noun to a comma or a cut ("a long, low room"): not kept.
ADJECTIVES = frozenset("""
    long short far near red great small big soft pale steep low high tall tallest lowest highest
    best good real bare torn faint yellow white black smallest largest old new young bright
    different held bad end-of-term distinct second third
""".split())

KEPT_NOUNS = frozenset("ceiling railing landing painting building bed shed reed seed".split())

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
SUBSTITUTION = re.compile(r"\{[^{}]*\}")


def plain_text(text: str) -> str:
    """`plain(text)`, at no cost for a text with no markup (every tag opens with a bracket) and no
    control character to leave out: most prose, read as it is."""
    return text if "[" not in text and not CONTROL.search(text) else plain(text)


def noun_phrases(text: str, classes: dict[str, tuple] | None = None,
                 sentences: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The noun phrases in `text`, in order, lower-cased (repeats kept: the caller decides);
    `classes`: what each word does in a phrase (see _class_of), and `sentences`: the phrases of
    each sentence, both kept by the caller across texts."""
    classes = {} if classes is None else classes
    sentences = {} if sentences is None else sentences
    found: list[str] = []
    # A full stop ends any phrase, as the start of a text has none begun: so a text's phrases are
    # its sentences' phrases one after the other, and a world's texts are made of far fewer
    # sentences than they hold (the synthetic packs' rooms shuffle a few dozen).
    for sentence in SUBSTITUTION.sub(",", plain_text(text)).split("."):
        sentence = sentence.strip()
        phrases = sentences.get(sentence)
        if phrases is None:
            phrases = sentences[sentence] = tuple(_sentence_phrases(sentence, classes))
        found += phrases
    return found


def _sentence_phrases(sentence: str, classes: dict[str, tuple]) -> list[str]:
    """The noun phrases of text with no full stop in it, its substitutions already cut out."""
    found: list[str] = []
    current: list[str] | None = None  # the phrase being read, if one has started
    for token in WORD.findall(sentence):
        kind, word, ends, ends_after_first = classes.get(token) or classes.setdefault(token, _class_of(token))
        if kind is POSSESSIVE:  # "the porter's lodge" is one phrase, "porter lodge"
            current = [*(current or []), word]
        elif kind is STARTS:  # a determiner, or the possessive of no thing ("tomorrow's poets": "poets")
            _keep(found, current)
            current = []
        elif current is None:
            continue
        elif ends or (ends_after_first and current) or len(current) == LONGEST:
            _keep(found, current)
            current = None
        else:
            current.append(word)
    _keep(found, current)
    return found


POSSESSIVE, STARTS, OTHER = "possessive", "starts", "other"


def _class_of(token: str) -> tuple[str, str, bool, bool]:
    """(what the token does, the word as a phrase keeps it, whether it ends a phrase, whether it
    ends one after its first word): all that reading a phrase asks of a word, worked out once."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s") and len(word) > 2:
        return (STARTS, "", False, False) if word[:-2] in NOT_THINGS else (POSSESSIVE, word[:-2], False, False)
    if word in DETERMINERS:
        return STARTS, "", False, False
    ends = not token[0].isalpha() or word in CLOSED or word in NOT_THINGS or word in VERBS or word.endswith("ly")
    return OTHER, word, ends, word.endswith("ed") or word.endswith("ing")


class PhrasesRead(dict):
    """text -> its noun phrases, each text read once an audit: a world's rooms share most of their
    texts (a person's lines are read in every room of their schedule, and a room's own texts again
    beside its people's replies)."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: dict[str, tuple] = {}  # each word's part in a phrase: the texts share their words
        self.sentences: dict[str, tuple[str, ...]] = {}  # and their sentences

    def __missing__(self, text: str) -> tuple[str, ...]:
        found = self[text] = tuple(noun_phrases(text, self.classes, self.sentences))
        return found


def _keep(found: list[str], phrase: list[str] | None) -> None:
    if not phrase or all(word in ADJECTIVES for word in phrase):
        return
    if len(phrase) == 1 and phrase[0].endswith(("ed", "ing", "ung")) and phrase[0] not in KEPT_NOUNS:
        return  # "the carved", "each throwing": a participle whose noun was cut off
    found.append(" ".join(phrase))


def runs(phrase: str) -> list[str]:
    """Every run of consecutive words of `phrase`, longest first ("stone bench", "stone", "bench")."""
    words = phrase.split()
    return [" ".join(words[start:start + size]) for size in range(len(words), 0, -1)
            for start in range(len(words) - size + 1)]
