"""What "it", "them", "him" and "her" stand for, before and after a command.

"It" is the last single thing (not a person) the player acted on, "them" the last several things,
a plural thing ("some beads") or a thing the player called by a plural word ("take leaves" for a
folio), "him"/"her" the last person; the parser does not know anyone's
pronouns, so a person sets both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .matching import nouns_of
from .model import Command, Failure, Thing
from .replies import failure
from .words import quote, tokenise

PRONOUNS = frozenset({"it", "them", "him", "her"})


def things_meant(
    pronoun: str, pronouns: Mapping[str, list[str]], scope: Sequence[Thing]
) -> list[Thing] | Failure:
    """The things in scope `pronoun` refers to, or a reply saying why there are none."""
    try:
        ids = [str(id_) for id_ in (pronouns.get(pronoun) or ())]
    except TypeError:
        ids = []
    if not ids:
        return failure("parser.pronoun_unset", pronoun=quote(pronoun))
    by_id = {thing.id: thing for thing in scope}
    # Several things may be "them"; those still here are meant, the rest are forgotten.
    present = [by_id[id_] for id_ in ids if id_ in by_id]
    if not present:
        return failure("parser.pronoun_gone", pronoun=quote(pronoun))
    return present


def looks_plural(word: str) -> bool:
    """Whether an English noun reads as a plural: "leaves", "books", but not "glass" or "bus"."""
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def pronouns_after(command: Command, scope: Sequence[Thing], typed: str = "") -> dict[str, list[str]]:
    """The pronouns a just-parsed command sets; keys it leaves alone are absent. `typed` is the
    segment the command was read from, whose words may call a single thing by a plural noun."""
    by_id = {thing.id: thing for thing in scope}
    changes: dict[str, list[str]] = {}
    objects = list(command.objects)
    if len(objects) > 1:
        changes["them"] = objects
    elif len(objects) == 1:
        thing = by_id.get(objects[0])
        if thing is not None and thing.kind == "npc":
            changes["him"] = changes["her"] = objects
        else:
            changes["it"] = objects
            if thing is not None and (thing.plural or _called_plural(thing, typed)):
                changes["them"] = objects
    if command.second is not None and "him" not in changes:
        person = by_id.get(command.second)
        if person is not None and person.kind == "npc":
            changes["him"] = changes["her"] = [command.second]
    # Each key gets its own list, so the caller may change one without changing another.
    return {key: list(value) for key, value in changes.items()}


def _called_plural(thing: Thing, typed: str) -> bool:
    nouns = nouns_of(thing)
    return any(looks_plural(word) and word in nouns for word in tokenise(typed))
