"""Sentence shapes: the small pattern language the grammar is written in, and its matcher.

A rule's shape is written the way a player types the words after the verb, e.g.
``"{objects} in|into|inside {second}"``:

- ``in|into|inside`` one word, any of those;
- ``{objects}`` a noun phrase that may name several things ("all", "lute and beads");
- ``{object}`` a noun phrase that must name one thing;
- ``{second}`` the indirect object, always one thing;
- ``{dir}`` a direction;
- ``{text}`` the rest of the words, unparsed, possibly none; ``{topic}`` the same but needed.

A noun phrase ends at the first word that lets the rest of the shape match, which is what players
mean by "put the key in the box".  A noun phrase is followed by a word or ends the shape, and
``{text}``/``{topic}`` always end it, so matching is linear in the length of the input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .directions import read_direction


@dataclass(frozen=True)
class Word:
    options: frozenset[str]


@dataclass(frozen=True)
class Slot:
    name: str  # "objects" or "second"
    many: bool


@dataclass(frozen=True)
class Rest:
    needed: bool


@dataclass(frozen=True)
class Way:
    pass


Element = Word | Slot | Rest | Way


@dataclass(frozen=True)
class Rule:
    """One shape of sentence for a verb and what it means.

    `action` None with a `hint` means the shape is understood but not enough to act on: the hint
    is the key of the message that asks for the rest (given ``{verb}`` and ``{objects}``), and `like` is the action whose
    preferences pick the things it names.  `default_npc` fills an absent object with the only
    person present ("ask about the wards").
    """

    shape: tuple[Element, ...]
    action: str | None
    preposition: str | None = None
    direction: str | None = None
    hint: str | None = None
    like: str | None = None
    default_npc: bool = False

    @property
    def resolves_as(self) -> str:
        return self.action or self.like or ""


@dataclass
class Match:
    """How a rule took the words: each element of its shape with the words it consumed."""

    rule: Rule
    parts: list[tuple[Element, list[str]]] = field(default_factory=list)

    def words_for(self, kind: type, name: str | None = None) -> list[str] | None:
        for element, words in self.parts:
            if isinstance(element, kind) and (name is None or getattr(element, "name", None) == name):
                return words
        return None

    def first_gap(self) -> int | None:
        """Index in `parts` of the first needed element left empty (only in a lenient match)."""
        for index, (element, words) in enumerate(self.parts):
            if not words and not (isinstance(element, Rest) and not element.needed):
                return index
        return None


_SLOTS = {
    "{objects}": Slot("objects", many=True),
    "{object}": Slot("objects", many=False),
    "{second}": Slot("second", many=False),
    "{text}": Rest(needed=False),
    "{topic}": Rest(needed=True),
    "{dir}": Way(),
}


def rule(shape: str, action: str | None = None, **details: object) -> Rule:
    elements: list[Element] = []
    for token in shape.split():
        elements.append(_SLOTS.get(token) or Word(frozenset(token.split("|"))))
    for index, element in enumerate(elements):
        last = index == len(elements) - 1
        if isinstance(element, Rest) and not last:
            raise ValueError(f"{shape!r}: text must end the shape")
        if isinstance(element, Slot) and not last and not isinstance(elements[index + 1], Word):
            raise ValueError(f"{shape!r}: a noun phrase must be followed by a word")
    return Rule(tuple(elements), action, **details)  # type: ignore[arg-type]


def match(rule_: Rule, words: list[str], lenient: bool = False) -> Match | None:
    """Match `words` against the rule; `lenient` lets noun phrases and directions be empty."""
    parts = _match(rule_.shape, 0, words, 0, lenient)
    return None if parts is None else Match(rule_, parts)


def _match(shape, k, words, i, lenient):
    if k == len(shape):
        return [] if i == len(words) else None
    element = shape[k]
    if isinstance(element, Word):
        if i < len(words) and words[i] in element.options:
            return _then(shape, k, words, i, i + 1, lenient)
        return None
    if isinstance(element, Rest):
        if element.needed and i == len(words) and not lenient:
            return None
        return _then(shape, k, words, i, len(words), lenient)
    if isinstance(element, Way):
        found = read_direction(words, i)
        if found is not None:
            for length in sorted({found[1], 1}, reverse=True):
                if i + length <= len(words):
                    result = _then(shape, k, words, i, i + length, lenient)
                    if result is not None:
                        return result
        return _then(shape, k, words, i, i, lenient) if lenient else None
    # A noun phrase: as short as possible, ending where the next word of the shape appears.
    shortest = i if lenient else i + 1
    if k == len(shape) - 1:
        return _then(shape, k, words, i, len(words), lenient) if len(words) >= shortest else None
    following = shape[k + 1].options
    for end in range(shortest, len(words)):
        if words[end] in following:
            result = _then(shape, k, words, i, end, lenient)
            if result is not None:
                return result
    return None


def _then(shape, k, words, start, end, lenient):
    rest = _match(shape, k + 1, words, end, lenient)
    if rest is None:
        return None
    return [(shape[k], words[start:end])] + rest
