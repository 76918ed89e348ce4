"""What the parser says to the player when it cannot act, and how it names things while doing so.

Replies are second person, present tense and short.  Every reply about a word the parser did not
understand quotes that word (through `quote`, so it stays short and printable).  Each is an engine
message (elysium/content/messages/parser.py): the parser hands back its key and parameters with
the default wording, and the engine says the game's own wording if it has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from elysium.content.messages import DEFAULTS

from .model import Failure, Question, Thing
from .words import quote

_NAME = re.compile(r"\{(\w+)\}")


def the(thing: Thing) -> str:
    """The thing's name as it reads mid-sentence: "the small brass key", "Warden Ilsa Marrow"."""
    name = thing.name.strip() or thing.id
    # A capitalised name is a proper name: people and named places take no article.
    return name if name[:1].isupper() else f"the {name}"


def listing(things: Sequence[Thing]) -> str:
    names = [the(thing) for thing in things]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def worded(key: str, **params: str) -> str:
    """The default wording of message `key` with its parameters filled in."""
    return _NAME.sub(lambda found: str(params.get(found[1], found[0])), DEFAULTS[key])


def failure(key: str, unknown: str | None = None, **params: str) -> Failure:
    return Failure(worded(key, **params), key, params, unknown)


def question(key: str, pending: dict, **params: str) -> Question:
    return Question(worded(key, **params), pending, key, params)


def nothing_said() -> Failure:
    return failure("parser.nothing_said")


def unknown_verb(word: str) -> Failure:
    return failure("parser.unknown_verb", unknown=word, word=quote(word))


def unknown_word(word: str) -> Failure:
    return failure("parser.unknown_word", unknown=word, word=quote(word))


def misplaced(word: str) -> Failure:
    return failure("parser.misplaced", word=quote(word))


def not_here(phrase: Sequence[str]) -> Failure:
    return failure("parser.not_here", words=quote(" ".join(phrase)))


def gone() -> Failure:
    return failure("parser.gone")


def confused(typed: Sequence[str], usage: str | None) -> Failure:
    if usage:
        return failure("parser.confused_usage", words=quote(" ".join(typed)), usage=usage)
    return failure("parser.confused", words=quote(" ".join(typed)))


def one_at_a_time(verb_phrase: str) -> Failure:
    return failure("parser.one_at_a_time", verb=verb_phrase)


def all_not_allowed() -> Failure:
    return failure("parser.all_not_allowed")


_NOTHING_FOR_ALL = {
    "take": "parser.nothing_to_take",
    "drop": "parser.nothing_to_drop",
    "put": "parser.nothing_to_put",
    "wear": "parser.nothing_to_wear",
    "remove": "parser.nothing_worn",
}


def nothing_for_all(action: str, taking_from: bool) -> Failure:
    if action == "take" and taking_from:
        return failure("parser.nothing_to_take_from")
    return failure(_NOTHING_FOR_ALL.get(action, "parser.nothing_for_all"))


def nobody_here(verb_phrase: str) -> Failure:
    return failure("parser.nobody_here", verb=verb_phrase)


def still_unclear(things: Sequence[Thing]) -> Failure:
    return failure("parser.still_unclear", things=listing(things))
