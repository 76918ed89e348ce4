"""Reading one segment of input as a command: which verb, which sentence shape, which things.

`parse` is the entry point.  `read` does the work and also accepts the choices the player has
already made in answer to "Which do you mean ...?", which is how `resolve_answer` finishes a
command: it reads the same segment again with the answer filled in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import replies
from .directions import game_directions, read_direction
from .grammar import GRAMMAR, OVERRIDABLE, SPELLED_OUT, Verb, custom_rules, extends_builtin
from .model import Command, Failure, Question, Thing, Vocabulary
from .phrases import Context, Resolved, first_unknown, is_empty, resolve_slot
from .questions import ask_which
from .rules import Match, Rest, Slot, Way, Word, match
from .words import COMMA, as_text, tokenise

Reply = Command | Question | Failure

# Who to ask, when the player names nobody and there is not exactly one person present.
_NOBODY = {"talk": "talk to", "ask": "ask"}


def parse(
    segment: str, scope: Sequence[Thing], vocabulary: Vocabulary, pronouns: Mapping[str, list[str]]
) -> Reply:
    """Understand one command segment typed by the player."""
    return read(segment, scope, vocabulary, pronouns, {})


def read(
    segment: str,
    scope: Sequence[Thing],
    vocabulary: Vocabulary,
    pronouns: Mapping[str, list[str]],
    choices: Mapping[str, list[str]],
) -> Reply:
    """Like `parse`, with `choices` (phrase key -> ids) already made for unclear phrases."""
    words = tokenise(segment)
    while words and words[0] == COMMA:
        words.pop(0)
    if not words:
        return replies.nothing_said()
    with game_directions(vocabulary.directions):
        return _Sentence(segment, words, tuple(scope), vocabulary, pronouns, choices).read()


class _Sentence:
    """One reading of one segment; holds what every step needs so the steps stay short."""

    def __init__(self, segment, words, scope, vocabulary, pronouns, choices):
        self.segment: str = segment
        self.words: list[str] = words
        self.scope: tuple[Thing, ...] = scope
        self.vocabulary: Vocabulary = vocabulary
        self.pronouns: Mapping[str, list[str]] = pronouns
        self.choices: Mapping[str, list[str]] = choices
        self.custom: dict[str, str] = _custom_verbs(vocabulary)

    def read(self) -> Reply:
        first = self.words[0]
        direction = read_direction(self.words, 0)
        if direction is not None and direction[1] == len(self.words):
            return Command("go", direction=direction[0])
        phrase_verb = self._custom_phrase_verb()
        if phrase_verb is not None:
            return self._custom(*phrase_verb)
        missing = getattr(self.vocabulary, "missing_verbs", ())
        if first in self.custom and first in OVERRIDABLE and extends_builtin(first, self.custom[first]):
            # The game's verb adds to the built-in one: the built-in sentences first ("sing them home").
            reply = self._verb(GRAMMAR[first], 1, text=as_text(self.words[1:]))
            return reply if isinstance(reply, Command) else self._custom(self.custom[first], 1)
        if first in GRAMMAR and first not in missing and not (first in OVERRIDABLE and first in self.custom):
            reply = self._verb(GRAMMAR[first], 1)
            if reply is not None:
                return reply
            # "blow horn": the table knows only "blow out", so the game's own "blow" may have it.
            if first in self.custom:
                return self._custom(self.custom[first], 1)
            return self._not_understood(1, GRAMMAR[first].usage)
        if first in self.custom:
            return self._custom(self.custom[first], 1)
        if direction is not None:
            return self._not_understood(direction[1], None)
        if COMMA in self.words:
            reply = self._addressed(self.words.index(COMMA))
            if reply is not None:
                return reply
        return replies.unknown_verb(first)

    # --- verbs -----------------------------------------------------------------------------

    def _custom_phrase_verb(self) -> tuple[str, int] | None:
        """A game verb of several words ("pull rope") typed at the start, the longest if several."""
        best: tuple[str, int] | None = None
        for typed, action in self.custom.items():
            verb_words = typed.split()
            length = len(verb_words)
            if length > 1 and self.words[:length] == verb_words and (best is None or length > best[1]):
                best = (action, length)
        return best

    def _custom(self, action: str, length: int) -> Reply:
        verb = Verb(tuple(self.words[:length]), custom_rules(action))
        # The words after a game verb go along as text too, for rules that want more than things.
        reply = self._verb(verb, length, text=as_text(self.words[length:]))
        return reply if reply is not None else self._not_understood(length, None)

    def _verb(self, verb: Verb, length: int, text: str | None = None) -> Reply | None:
        rest = self.words[length:]
        for rule in verb.rules:
            found = match(rule, rest)
            if found is not None:
                return self._fitted(verb, found, length, text)
            found = match(rule, rest, lenient=True)
            if found is not None:
                return self._prompt(verb, found, found.first_gap() or 0, length)
        return None

    def _display(self, length: int) -> str:
        return " ".join(SPELLED_OUT.get(word, word) for word in self.words[:length])

    def _said_before(self, found: Match, stop: int, length: int, shown: Sequence[str] = ()) -> str:
        """The verb and the words of the shape before part `stop`: "look at", "put the lute in"."""
        said = [self._display(length)]
        for index, (element, words) in enumerate(found.parts[:stop]):
            if isinstance(element, Word):
                said.append(words[0])
            elif index < len(shown) and shown[index]:
                said.append(shown[index])
        return " ".join(said)

    def _context(self, action: str, verb_phrase: str, second: str | None = None) -> Context:
        return Context(action, self.scope, self.vocabulary, self.pronouns, self.choices, verb_phrase, second)

    # --- a shape that fits -----------------------------------------------------------------

    def _fitted(self, verb: Verb, found: Match, length: int, text: str | None) -> Reply:
        for index, (element, words) in enumerate(found.parts):
            if isinstance(element, Slot) and is_empty(words):
                return self._prompt(verb, found, index, length)
        rule = found.rule
        resolved = self._both_slots(found, rule.resolves_as, length)
        if not isinstance(resolved, tuple):
            return resolved
        objects, second = resolved
        if rule.action is None:
            return completion(self.segment, rule.hint, verb=self._display(length), objects=self._name(objects, found))
        for result in (objects, second):
            if result is not None and result.unsure is not None:
                unsure = result.unsure
                return ask_which(self.segment, unsure.key, unsure.candidates, unsure.many, self.choices)
        object_ids = list(objects.ids) if objects is not None else []
        if rule.default_npc and not object_ids:
            person = self._only_person(rule.action)
            if isinstance(person, Failure):
                return person
            object_ids = [person]
        rest = found.words_for(Rest)
        way = found.words_for(Way)
        return Command(
            rule.action,
            objects=tuple(object_ids),
            second=second.ids[0] if second is not None else None,
            direction=rule.direction or (read_direction(way, 0)[0] if way else None),
            text=as_text(rest) if rest is not None else text,
            used_all=objects is not None and objects.used_all,
            preposition=rule.preposition,
        )

    def _both_slots(self, found: Match, action: str, length: int):
        """The direct and indirect objects (either may be None), or the reply that stops here."""
        # The indirect object goes first: "put all in the bag" must know the bag to leave it out.
        second = self._slot(found, "second", action, length)
        second_id = second.ids[0] if isinstance(second, Resolved) and len(second.ids) == 1 else None
        objects = self._slot(found, "objects", action, length, second_id)
        for result in (objects, second):
            if isinstance(result, Failure):
                return result
        if isinstance(objects, Resolved) and isinstance(second, Resolved) and second.unsure:
            # Nothing goes on or in itself: "put hook on hook" means the other hook.
            others = [thing for thing in second.unsure.candidates if thing.id not in objects.ids]
            if len(others) == 1:
                second = Resolved([others[0].id])
            elif others:
                second.unsure.candidates = others
        return objects, second

    def _slot(self, found: Match, name: str, action: str, length: int, second: str | None = None):
        for index, (element, words) in enumerate(found.parts):
            if isinstance(element, Slot) and element.name == name:
                if name == "objects":
                    verb_phrase = self._said_before(found, index, length)
                else:
                    # The indirect object always follows a preposition: "put something in".
                    verb_phrase = f"{self._display(length)} something {found.parts[index - 1][1][0]}"
                context = self._context(action, verb_phrase, second)
                return resolve_slot(name, element.many, words, context)
        return None

    def _name(self, result, found: Match) -> str:
        """How a resolved slot reads in a reply: "the small brass key", "them", "the hook"."""
        if isinstance(result, Resolved) and result.unsure is None:
            if len(result.ids) == 1:
                thing = next((t for t in self.scope if t.id == result.ids[0]), None)
                if thing is not None:
                    return replies.the(thing)
            if len(result.ids) > 1:
                return "them"
        typed = [word for word in (found.words_for(Slot, "objects") or []) if word != COMMA]
        return "the " + " ".join(typed) if typed else "it"

    def _only_person(self, action: str) -> str | Failure:
        people = [thing for thing in self.scope if thing.kind == "npc"]
        if len(people) == 1:
            return people[0].id
        phrase = _NOBODY.get(action, action)
        return replies.nobody_here(phrase) if not people else replies.failure("parser.ask_who", verb=phrase)

    # --- a shape that fits except for a missing part ---------------------------------------

    def _prompt(self, verb: Verb, found: Match, gap: int, length: int) -> Reply:
        """Ask for the missing part: "What do you want to put the lute in?"."""
        shown: list[str] = []
        for element, words in found.parts[:gap]:
            if isinstance(element, Slot):
                # What was typed before the gap must still make sense: "put glorb in" names glorb.
                context = self._context(found.rule.resolves_as, self._display(length))
                result = resolve_slot(element.name, element.many, words, context)
                if isinstance(result, Failure):
                    return result
                shown.append(self._name(result, found))
            else:
                shown.append("")
        element = found.parts[gap][0]
        said = self._said_before(found, gap, length, shown)
        if isinstance(element, Way):
            return completion(self.segment, "parser.ask_which_way", verb=said)
        person = verb.who and isinstance(element, Slot) and element.name == "objects"
        return completion(self.segment, "parser.ask_who" if person else "parser.ask_what", verb=said)

    # --- no shape fits ---------------------------------------------------------------------

    def _not_understood(self, length: int, usage: str | None) -> Failure:
        # An unknown word is the likeliest reason nothing fitted, and the most useful to name.
        unknown = first_unknown(self.words[length:], self.vocabulary, self.scope)
        if unknown is not None:
            return replies.unknown_word(unknown)
        return replies.confused([word for word in self.words if word != COMMA], usage)

    # --- "warden, wards" -------------------------------------------------------------------

    def _addressed(self, comma: int) -> Reply | None:
        """Speaking to someone by name, which asks them about the rest of the words."""
        if comma == 0:
            return None
        person = resolve_slot("objects", False, self.words[:comma], self._context("ask", "ask"))
        if not isinstance(person, Resolved):
            return None
        if person.unsure is not None:
            unsure = person.unsure
            if all(thing.kind == "npc" for thing in unsure.candidates):
                return ask_which(self.segment, unsure.key, unsure.candidates, False, self.choices)
            return None
        things = [thing for thing in self.scope if thing.id in person.ids]
        if len(things) != 1 or things[0].kind != "npc":
            return None
        topic = as_text(self.words[comma + 1 :])
        if topic is None:
            return completion(self.segment, "parser.ask_about", verb="ask", objects=replies.the(things[0]))
        return Command("ask", objects=(things[0].id,), text=topic)


GLUE_WORDS = frozenset({"about", "in", "into", "inside", "on", "onto", "with", "to", "from", "at"})


def completion(segment: str, message: str, **params: str) -> Question:
    """A prompt for a missing word, whose answer is read as the rest of the command
    ("open" / "What do you want to open?" / "chest" is "open chest"; "ask maestra" / "What do you
    want to ask her about?" / "bell" is "ask maestra about bell")."""
    pending = {"complete": segment}
    # The glue is read from the default wording, which a game's rewording does not change.
    glue = replies.worded(message, **params).rstrip("?").split()[-1:]
    if glue and glue[0] in GLUE_WORDS and tokenise(segment)[-1:] != glue:
        pending["glue"] = glue[0]
    return replies.question(message, pending, **params)


def is_command(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether words start like a command of their own rather than an answer to a prompt."""
    if not words:
        return False
    first = words[0]
    if len(words) == 1 and read_direction(words, 0) is not None:
        return True  # "north" is a command; "in basket" answers "Where do you want to put it?"
    known = first in GRAMMAR and first not in getattr(vocabulary, "missing_verbs", ())
    return known or first in _custom_verbs(vocabulary)


def _custom_verbs(vocabulary: Vocabulary) -> dict[str, str]:
    """The game's own verbs, keyed by their words as the tokeniser would read them. A vocabulary
    is made once per game and never changed, so they are read once and kept beside it: every
    sentence and every answer to a question asks for them."""
    kept = getattr(vocabulary, "__dict__", None)
    if kept is None:
        return _read_custom_verbs(vocabulary)
    if "_custom_verb_words" not in kept:
        kept["_custom_verb_words"] = _read_custom_verbs(vocabulary)
    return kept["_custom_verb_words"]


def _read_custom_verbs(vocabulary: Vocabulary) -> dict[str, str]:
    verbs: dict[str, str] = {}
    custom = getattr(vocabulary, "custom_verbs", None) or {}
    for typed, action in custom.items():
        words = tokenise(str(typed))
        if words and isinstance(action, str):
            verbs[" ".join(words)] = action
    return verbs
