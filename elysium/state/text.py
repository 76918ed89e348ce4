"""Words for the player: the engine's keyed sentences, and `{...}` substitutions in any text.

A substitution is a word or two in braces, read when the text is shown:

- `{noun}`, `{the noun}`, `{a noun}`: a thing the engine names to the sentence (its parameters,
  such as the thing acted on), or any item or NPC by id (`{the lantern}`); a capital on the first
  word (`{The noun}`) gives a capital to what it becomes;
- `{counter NAME}`: a counter's value (0 until it is first changed);
- `{state NAME}`: a named state's value (`uneasy`), with spaces for underscores;
- `{contents ITEM}`: what an item holds, as "a, b and c" ("nothing" when empty);
- `{NAME}` of any other parameter the engine gives (a direction, a number, a title);
- `{{` and `}}`: a brace.

Anything else in braces is shown as written (and `validate` reports it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from elysium.content.messages import DEFAULTS
from elysium.content.model import Content
from elysium.content.words import capitalised, definite, indefinite, listed
from elysium.state import places

State = dict[str, Any]
Params = Mapping[str, Any]

SUBSTITUTION = re.compile(r"\{\{|\}\}|\{([A-Za-z_][\w:]*(?: [A-Za-z_][\w:]*)?)\}")

# Words that may open a two-word substitution, each turning its argument into words.
Form = Callable[[str, State, Content, Params], str | None]


def _named(thing: Any, article: str) -> str:
    name, plural = thing.name, getattr(thing, "plural", False)
    if article == "the":
        return definite(name)
    if article == "a":
        return indefinite(name, plural)
    return name


def _thing(word: str, content: Content, params: Params) -> Any:
    value = params.get(word, word)
    if isinstance(value, str):
        return content.thing(value)
    return value if hasattr(value, "name") else None


def _article(article: str) -> Form:
    def form(word: str, state: State, content: Content, params: Params) -> str | None:
        thing = _thing(word, content, params)
        return None if thing is None else _named(thing, article)
    return form


def _counter(word: str, state: State, content: Content, params: Params) -> str | None:
    return str(state["counters"].get(word, 0))


def _contents(word: str, state: State, content: Content, params: Params) -> str | None:
    thing = _thing(word, content, params)
    if thing is None or thing.id not in content.items:
        return None
    held = [*places.contents(state, f"in:{thing.id}"), *places.contents(state, f"on:{thing.id}")]
    return listed([_named(content.items[i], "a") for i in held if i in content.items])


def _state(word: str, state: State, content: Content, params: Params) -> str | None:
    value = state.get("states", {}).get(word)
    return None if value is None else value.replace("_", " ")


FORMS: dict[str, Form] = {
    "state": _state,
    "the": _article("the"),
    "a": _article("a"),
    "an": _article("a"),
    "counter": _counter,
    "contents": _contents,
}


def expand(text: str, state: State, content: Content, params: Params | None = None) -> str:
    """`text` with its substitutions read against the game as it is now."""
    if "{" not in text and "}" not in text:
        return text
    params = params or {}

    def replace(match: re.Match[str]) -> str:
        whole = match[0]
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        words = match[1].split(" ")
        first = words[0]
        key = first.lower()
        if len(words) == 2:
            form = FORMS.get(key)
            value = form(words[1], state, content, params) if form else None
        else:
            value = _single(first if first in params else key, state, content, params)
        if value is None:
            return whole
        return capitalised(value) if first[:1].isupper() else value

    return SUBSTITUTION.sub(replace, text)


def _single(word: str, state: State, content: Content, params: Params) -> str | None:
    if word in params:
        value = params[word]
        return _named(value, "") if hasattr(value, "name") else str(value)
    thing = content.thing(word)
    return None if thing is None else thing.name


def say(key: str, state: State, content: Content, /, **params: Any) -> str:
    """The engine's sentence `key`: the game's own wording if it has one, else the default."""
    from elysium.state.conditions import render  # conditions renders through expand, below

    text = content.game.messages.get(key) if content.game.messages else None
    return render(DEFAULTS[key] if text is None else text, state, content, params)
