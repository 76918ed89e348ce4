"""Verbs the game's text invites the player to try, which the parser does not know.

Prose that says "you could touch the star" or has a person say "Toss one in, for luck" invites a
command; a player who types it and reads "You don't know how to..." has been let down. Telling a
verb from any other word needs a dictionary, so the heuristic starts from a list of the verbs that
players of interactive fiction type (`INVITING`: touch, toss, ring, polish...) and reads one only
where the text invites it:
- after an invitation in the narration: "you could", "you might", "you can", "why not", "try to",
  "feel free to", "go ahead and", "dare to" ("you could touch the star");
- at the start of a clause inside quotation marks, followed by a word that can begin its object
  (a determiner, a pronoun, a particle: "Toss one in", "Ring the bell twice");
- written in capitals as a command, followed by another word in capitals ("TOUCH STAR"), in a
  text that is not itself mostly capitals (an inscription).
A verb found there is a finding when the parser, asked for that word alone, answers that it does
not know the verb (so a game's own verbs and every built-in one are known). Other verbs, and these
verbs anywhere else in the text ("the bells ring"), are never read as invitations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from elysium import parser
from elysium.content.model import Content, Text

from .findings import AuditFinding
from .phrases import plain_text
from .places import TextPlaces

INVITING = frozenset("""
    touch toss throw pull push turn twist ring knock climb kiss hug rub polish shake blow light douse
    open close unlock lock read sing play dance listen smell taste drink eat sit lie stand jump dig
    fill empty pour wave show give take drop wear remove search feel tap stroke pat pet squeeze
    press lift raise lower move slide swing wind tune pluck strum hum whistle clap bow pray wish
    burn cut break tear fold unfold wash wipe clean sweep mend fix tie untie hang feed water plant
    pick smash kick hit strike catch hold hide count buy sell pay borrow write draw paint carve
    sign flip spin roll peer peek look search examine enter leave follow call shout whisper answer
    ask tell greet thank hand offer trade insert put place set hang
""".split())

OBJECT_STARTS = frozenset("""
    the a an one it them this that these those your my his her their its some any two three all
    in on up down out off over away back around here
""".split())

# The look-ahead of each pattern says which letters a match can start with: the regex engine then
# skips every other place in the text at once, where it would try every branch at each (half the
# time of the audit's verbs in a big world). It matches nothing the pattern after it would not.
INVITATIONS = re.compile(r"(?=[ywtfgdbr])\b(?:you could|you might|you may|you can|why not|try to|feel free to|"
                         r"go ahead and|dare to|be sure to|remember to)\s+(?:\w+ly\s+)?([a-z]+)\b", re.IGNORECASE)
QUOTE = re.compile(r'"([^"]*)"|“([^”]*)”')
CLAUSE_START = re.compile(r"(?:^|[.!?;:,—–]\s*)([A-Za-z]+)\s+([A-Za-z']+)")
CAPITALS = re.compile(r"(?=[A-Z]{2})\b([A-Z]{2,})\s+[A-Z]{2,}\b")
UPPER = re.compile(r"[A-Z]")
LETTER = re.compile(r"[A-Za-z]")


def invited_verbs(text: str, sentences: dict[str, tuple[tuple, bool]] | None = None) -> Iterator[tuple[str, str]]:
    """(the verb, the words that invite it) for each invitation in `text`; `sentences`: what each
    sentence holds (see _sentence), kept by the caller across texts."""
    text = plain_text(text)
    sentences = {} if sentences is None else sentences
    capitals = False
    # Neither an invitation nor a command in capitals runs over a full stop: they are found
    # sentence by sentence, each sentence read once however many texts repeat it.
    for sentence in text.split("."):
        sentence = sentence.strip()
        invitations, has_capitals = sentences.get(sentence) or sentences.setdefault(sentence, _sentence(sentence))
        yield from invitations
        capitals = capitals or has_capitals
    for quoted in QUOTE.finditer(text):
        speech = quoted[1] if quoted[1] is not None else quoted[2]
        for clause in CLAUSE_START.finditer(speech):
            verb, following = clause[1].lower(), clause[2].lower()
            if verb in INVITING and following in OBJECT_STARTS:
                yield verb, f"{clause[1]} {clause[2]}"
    if not capitals or len(UPPER.findall(text)) * 2 > len(LETTER.findall(text)):
        return  # none, or an inscription cut in capitals, not a command set among words
    for command in CAPITALS.finditer(text):
        if command[1].lower() in INVITING:
            yield command[1].lower(), command[0]


def _sentence(sentence: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The invitations in words of a sentence, and whether it holds two words in capitals."""
    invitations = tuple((match[1].lower(), match[0]) for match in INVITATIONS.finditer(sentence)
                        if match[1].lower() in INVITING)
    return invitations, CAPITALS.search(sentence) is not None


def unknown_verbs(content: Content, vocabulary: parser.Vocabulary, places: TextPlaces) -> list[AuditFinding]:
    """One finding per verb the text invites and the parser does not know, at its first invitation."""
    found: dict[str, AuditFinding] = {}
    known: dict[str, bool] = {}
    read: dict[str, list[tuple[str, str]]] = {}  # text -> its invitations: a world repeats its texts
    sentences: dict[str, tuple[tuple, bool]] = {}  # and its sentences, more still
    for path, text in _texts(content):
        invitations = read.get(text)
        if invitations is None:
            invitations = read[text] = list(invited_verbs(text, sentences))
        for verb, words in invitations:
            if verb in found:
                continue
            if verb not in known:
                answer = parser.parse(verb, [], vocabulary, {})
                known[verb] = getattr(answer, "key", "") != "parser.unknown_verb"
            if not known[verb]:
                found[verb] = AuditFinding("verbs", {"verb": verb}, f"the text invites the player to "
                                           f"{words!r}, but the game does not know the verb {verb!r}",
                                           places.where(path, text, words))
    return list(found.values())


def _texts(content: Content) -> Iterator[tuple[tuple, str]]:
    """(path in the pack's YAML, text) of every piece of prose a player can read."""
    for room in content.rooms.values():
        for key in ("description", "arrival"):
            yield from _variants(("rooms", room.id, key), getattr(room, key))
    for item in content.items.values():
        if not item.room_scenery:
            for key in ("description", "here", "text"):
                yield from _variants(("items", item.id, key), getattr(item, key))
    for npc in content.npcs.values():
        for key in ("description", "here", "greeting", "default"):
            yield from _variants(("npcs", npc.id, key), getattr(npc, key))
        for topic in npc.topics.values():
            yield from _variants(("npcs", npc.id, "topics", topic.id, "text"), topic.text)
            yield from _said(("npcs", npc.id, "topics", topic.id), topic.effects)
    for lore in content.lore.values():
        yield from _variants(("lore", lore.id, "text"), lore.text)
    for ending in content.endings.values():
        yield from _variants(("endings", ending.id, "text"), ending.text)
    for rule in content.rules.values():
        yield from _said(("rules", rule.id), rule.effects)
    for timer in content.timers.values():
        yield from _said(("timers", timer.id), timer.effects)
    for room in content.rooms.values():
        yield from _said(("rooms", room.id, "on_enter"), room.on_enter)


def _said(path: tuple, effects) -> Iterator[tuple[tuple, str]]:
    """The `say:` texts of effects, nested ones too, at the entry that holds them."""
    stack = list(effects or ())
    while stack:
        effect = stack.pop()
        if isinstance(effect, dict):
            if "say" in effect:
                yield from _variants(path, effect["say"])
            stack.extend(effect.get("then", ()) or ())
            stack.extend(effect.get("else", ()) or ())


def _variants(path: tuple, text: Text | None | list) -> Iterator[tuple[tuple, str]]:
    if not text:
        return
    if isinstance(text, str):
        yield path, text
        return
    for number, variant in enumerate(text):
        if isinstance(variant, dict):  # an effect's `say:` keeps its variants as written
            yield path, str(variant.get("text", ""))
        else:
            yield path + (number, "text"), variant.text
