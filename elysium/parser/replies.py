"""What the parser says to the player when it cannot act, and how it names things while doing so.

Replies are second person, present tense and short.  Every reply about a word the parser did not
understand quotes that word (through `quote`, so it stays short and printable).
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Failure, Thing
from .words import quote


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


def which(things: Sequence[Thing]) -> str:
    return f"Which do you mean, {listing(things)}?"


def nothing_said() -> Failure:
    return Failure("You pause, but say nothing.")


def unknown_verb(word: str) -> Failure:
    return Failure(f"You don't know how to {quote(word)}. (Type HELP for the verbs you can use.)")


def unknown_word(word: str) -> Failure:
    return Failure(f"You don't know the word {quote(word)}.")


def misplaced(word: str) -> Failure:
    return Failure(f"You're not sure what {quote(word)} means there.")


def not_here(phrase: Sequence[str]) -> Failure:
    return Failure(f"You can't see any {quote(' '.join(phrase))} here.")


def gone() -> Failure:
    return Failure("You can't see that here any more.")


def confused(typed: Sequence[str], usage: str | None) -> Failure:
    tip = f" Try {usage}." if usage else ""
    return Failure(f"You're not sure what you mean by {quote(' '.join(typed))}.{tip}")


def one_at_a_time(verb_phrase: str) -> Failure:
    return Failure(f"You can only {verb_phrase} one thing at a time.")


def all_not_allowed() -> Failure:
    return Failure(
        'You can only use "all" when taking, dropping, putting, wearing or removing things.'
    )


_NOTHING_FOR_ALL = {
    "take": "There is nothing here to take.",
    "drop": "You are not carrying anything to drop.",
    "put": "You are not carrying anything to put there.",
    "wear": "You are not carrying anything you could wear.",
    "remove": "You are not wearing anything.",
}


def nothing_for_all(action: str, taking_from: bool) -> Failure:
    if action == "take" and taking_from:
        return Failure("There is nothing there to take.")
    return Failure(_NOTHING_FOR_ALL.get(action, "There is nothing here for that."))


def nobody_here(verb_phrase: str) -> Failure:
    return Failure(f"There is nobody here to {verb_phrase}.")
