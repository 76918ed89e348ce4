"""The `{...}` substitutions of texts, as `validate` checks them (the game reads them in state/text.py).

A substitution is known when it is `{{` or `}}`, a form the engine has (`{the X}`, `{a X}`,
`{an X}`, `{counter NAME}`, `{contents ITEM}`) or a single `{NAME}`, and its X or NAME is a
parameter the engine gives that sentence or an item or NPC id. Ids are known only once every file
is read, so the ones named here are checked at reference-resolution time (see assemble.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from elysium.content.problems import Problem, suggestion
from elysium.content.yamlsafe import Document, Mark, Path_

# The same pattern as state/text.py's (a test keeps them equal): content may not import the state.
SUBSTITUTION = re.compile(r"\{\{|\}\}|\{([A-Za-z_][\w:]*(?: [A-Za-z_][\w:]*)?)\}")
FORMS = ("the", "a", "an", "counter", "contents", "state")


@dataclass(frozen=True)
class Named:
    """A substitution that names an item or NPC by id (or names nothing the engine knows)."""

    kind: str  # "things" (an item or an NPC) or "items" ({contents ...})
    id: str  # as the game knows it (a mod's own ids qualified)
    written: str
    fragment: str  # the whole substitution, braces and all
    nth: int  # which occurrence of that fragment in its text
    doc: Document
    path: Path_
    parameters: tuple[str, ...]

    @property
    def mark(self) -> Mark:
        return self.doc.mark_within(self.path, self.fragment, self.nth)


def check(text: str, parameters: tuple[str, ...]) -> Iterable[tuple[str, int, str | None, str | None]]:
    """For each substitution of `text` to look into: (fragment, nth, problem, id kind). A problem
    is an unknown form; an id kind asks for the name to be an item or NPC id."""
    if "{" not in text:
        return
    seen: dict[str, int] = {}
    for match in SUBSTITUTION.finditer(text):
        if match[1] is None:
            continue
        fragment = match[0]
        nth = seen[fragment] = seen.get(fragment, -1) + 1
        words = match[1].split(" ")
        if len(words) == 2:
            form, name = words[0].lower(), words[1]
            if form not in FORMS:
                yield fragment, nth, (f"unknown substitution {fragment}: {words[0]!r} is not one of "
                                      f"{', '.join(FORMS)}{suggestion(form, FORMS)}"), None
            elif form not in ("counter", "state") and name not in parameters:
                yield fragment, nth, None, "items" if form == "contents" else "things"
        elif words[0] not in parameters and words[0].lower() not in parameters:
            yield fragment, nth, None, "things"


def unknown(named: Iterable[Named], entries: Mapping[str, Mapping[str, object]]) -> list[Problem]:
    """Problems for the substitutions whose name is neither a parameter nor a known id."""
    problems = []
    for ref in named:
        kinds = ("items", "npcs") if ref.kind == "things" else (ref.kind,)
        if any(ref.id in entries[k] for k in kinds):
            continue
        known = [i.partition(":")[2] or i for k in kinds for i in entries[k]]
        what = "an item or NPC id" if ref.kind == "things" else "an item id"
        what = (f"neither a parameter of this message ({', '.join(ref.parameters)}) nor {what}"
                if ref.parameters else f"not {what}")
        problems.append(Problem(ref.mark, f"unknown substitution {ref.fragment}: {ref.written!r} is {what}"
                                          f"{suggestion(ref.written, [*ref.parameters, *known])}"))
    return problems
