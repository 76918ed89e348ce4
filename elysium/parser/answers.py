"""Understanding the player's reply to "Which do you mean ...?".

An answer names one of the things offered ("brass", "the brass one", "small brass hook", "my
lute", "mine"), counts to it ("second", "the second one", "2", "last"), or, where the verb allows
several, takes "both" or "the brass and the iron".  An answer that still fits every thing offered
is never met with the same question: the full name of one of them, then the one in hand, decides,
or the player is told which things it fits.  Anything else is not an answer but the player's next
command, which `resolve_answer` signals by returning None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import replies
from .commands import GLUE_WORDS, is_command, parse, read
from .matching import things_called, words_of
from .model import Command, Failure, Question, Thing, Vocabulary
from .questions import ask_which, read_pending
from .words import ARTICLES, COMMA, tokenise, without_articles

_ORDINALS = {
    "first": 1, "1st": 1, "1": 1,
    "second": 2, "2nd": 2, "2": 2,
    "third": 3, "3rd": 3, "3": 3,
    "fourth": 4, "4th": 4, "4": 4,
    "fifth": 5, "5th": 5, "5": 5,
    "sixth": 6, "6th": 6, "6": 6,
    "seventh": 7, "7th": 7, "7": 7,
    "eighth": 8, "8th": 8, "8": 8,
    "ninth": 9, "9th": 9, "9": 9,
    "tenth": 10, "10th": 10, "10": 10,
    "last": -1,
}
_EVERY = frozenset({"both", "all", "everything", "each"})
_FILLERS = ARTICLES | {"one", "ones", "please"}
_MINE = frozenset({"my", "mine", "own"})


def resolve_answer(
    answer: str,
    pending: dict,
    scope: Sequence[Thing],
    vocabulary: Vocabulary,
    pronouns: Mapping[str, list[str]],
) -> Command | Question | Failure | None:
    """Finish the command a Question was about, or None if `answer` is a fresh command."""
    if isinstance(pending.get("complete"), str):
        words = tokenise(answer)
        if not words or is_command(words, vocabulary):
            return None
        return parse(answered_text(answer, pending), scope, vocabulary, pronouns)
    parts = read_pending(pending)
    if parts is None:
        return None
    segment, key, offered_ids, many, choices = parts
    words = tokenise(answer)
    if words[:2] == ["i", "mean"]:
        words = words[2:]
    words = [word for word in words if word not in _FILLERS]
    if not words:
        return None
    by_id = {thing.id: thing for thing in scope}
    offered = [by_id.get(id_) for id_ in offered_ids]
    present = [thing for thing in offered if thing is not None]

    def again(message: str = "parser.which", among: Sequence[Thing] = present, **params: str) -> Question:
        return ask_which(segment, key, among, many, choices, message, **params)

    def choose(ids: list[str]) -> Command | Question | Failure:
        return read(segment, scope, vocabulary, pronouns, {**choices, key: ids})

    named = _named(words, present)
    if len(named) == 1:
        return choose([named[0].id])
    if len(named) > 1 and len(named) < len(present):
        return again(among=named)
    if len(named) > 1:
        return _still_unclear(named, choose)
    if len(words) == 1 and words[0] in _EVERY:
        return choose([thing.id for thing in present]) if many else again("parser.which_only_one")
    if len(words) == 1 and words[0] in _ORDINALS:
        return _counted(_ORDINALS[words[0]], offered, choose, again)
    if many and ("and" in words or COMMA in words):
        return _several(words, present, choose)
    return None


def answered_text(answer: str, pending: dict) -> str:
    """The whole command an answer to a prompt makes ("open" + "chest" is "open chest"); for an
    answer to "Which do you mean?" the answer itself."""
    complete = pending.get("complete")
    if not isinstance(complete, str):
        return answer
    glue = pending.get("glue")
    words = tokenise(answer)
    if isinstance(glue, str) and words and words[0] not in GLUE_WORDS:
        answer = f"{glue} {answer}"
    return f"{complete} {answer}"


def _named(words: list[str], present: list[Thing]) -> list[Thing]:
    """The things offered that the answer's words describe; "my" and "mine" mean the ones held.
    The words of a thing's name count as well as its nouns and adjectives ("orders", "history of
    the bardic orders"), since the question just showed the player that name."""
    mine = any(word in _MINE for word in words)
    words = [word for word in words if word not in _MINE]
    whole = [thing for thing in present if _whole_name(thing) == " ".join(words)]
    if len(whole) == 1:
        return whole
    if not words:
        named = list(present) if mine else []
    else:
        named = things_called(words, present) or [
            thing for thing in present if set(words) <= words_of(thing) | set(tokenise(thing.name))]
    held = [thing for thing in named if thing.carried]
    return held if mine and held else named


def _whole_name(thing: Thing) -> str:
    return " ".join(without_articles(tokenise(thing.name)))


def _still_unclear(named: list[Thing], choose) -> Command | Question | Failure:
    """An answer that fits every thing offered (and is not the whole name of just one): the only
    one in hand, else say which things it fits and stop (asking the same question would loop)."""
    held = [thing for thing in named if thing.carried]
    if len(held) == 1:
        return choose([held[0].id])
    return replies.still_unclear(named)


def _counted(number: int, offered: list[Thing | None], choose, again) -> Command | Question | Failure:
    index = len(offered) - 1 if number == -1 else number - 1
    if not 0 <= index < len(offered):
        return again("parser.which_only_so_many", count=str(len(offered)))
    thing = offered[index]
    return replies.gone() if thing is None else choose([thing.id])


def _several(words: list[str], present: list[Thing], choose) -> Command | Question | Failure | None:
    phrases: list[list[str]] = [[]]
    for word in words:
        if word in ("and", COMMA):
            phrases.append([])
        else:
            phrases[-1].append(word)
    ids: list[str] = []
    for phrase in filter(None, phrases):
        named = things_called(phrase, present)
        if len(named) != 1:
            return None
        if named[0].id not in ids:
            ids.append(named[0].id)
    return choose(ids) if ids else None
