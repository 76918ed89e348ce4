"""The verbs of the game: every word a command may begin with, and the sentences each allows.

Rules are tried in order and the first that fits wins, so a more particular shape ("take off X")
must come before a more general one ("take X").  A rule that fits but for a missing phrase also
wins, with a prompt ("take off" -> "What do you want to take off?"), so a shape that starts with a
word ("about {topic}") must come before one that starts with a phrase ("{object} about {topic}").
Action names are the contract with the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .directions import DIRECTIONS
from .rules import Rule, rule


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]
    rules: tuple[Rule, ...]
    who: bool = False  # the object is a person, so prompts ask "Who ...?"
    usage: str | None = None  # a reminder of the shapes, when the words fit none of them


def _verb(words: str, *rules: Rule, who: bool = False, usage: str | None = None) -> Verb:
    return Verb(tuple(words.split()), rules, who, usage)


_TAKE_RULES = (
    rule("off {objects}", "remove"),
    rule("{objects} off", "remove"),
    rule("{objects} from|off {second}", "take"),
    rule("{objects} out of {second}", "take"),
    rule("{objects}", "take"),
)


def _just(action: str) -> tuple[Rule, ...]:
    return (rule("", action),)


def _with_text(action: str) -> tuple[Rule, ...]:
    return (rule("{text}", action),)


# The verbs players try (touch, sit, throw, say, ...): each has a neutral reply of its own
# (services/world/actions.py), rules may take any of them up (`on: touch`), and a game's own verb
# may take any of their words over (OVERRIDABLE, below).
_TRIED: tuple[Verb, ...] = (
    _verb("touch feel stroke rub pat", rule("{object}", "touch")),
    _verb(
        "sit",
        rule("", "sit"),
        rule("down", "sit"),
        rule("down on|in|at|by|beside|with {object}", "sit"),
        rule("on|in|at|by|beside|with|upon {object}", "sit"),
    ),
    _verb("stand", rule("", "stand"), rule("up", "stand"), rule("up on|in {object}", "stand"),
          rule("on|in|upon {object}", "stand")),
    _verb("lie", rule("", "lie"), rule("down", "lie"), rule("down on|in {object}", "lie"),
          rule("on|in|upon {object}", "lie")),
    _verb("climb scale", rule("up|on|onto|over|in|into {object}", "climb"), rule("{object}", "climb")),
    _verb(
        "throw toss hurl fling",
        rule("{object} at|to {second}", "throw", preposition="at"),
        rule("{object} in|into|inside {second}", "throw", preposition="in"),
        rule("{object} on|onto|upon {second}", "throw", preposition="on"),
        rule("{object}", "throw"),
    ),
    _verb("say", *_with_text("say")),
    _verb("shout yell scream", *_with_text("shout")),
    _verb("sing hum chant", *_with_text("sing")),
    _verb("write scribble scrawl compose", rule("on|in {object}", "write"), *_with_text("write")),
    _verb("knock rap", rule("", "knock"), rule("on|at {object}", "knock"), rule("{object}", "knock")),
    _verb("wake awaken rouse", rule("", "wake"), rule("up", "wake"), rule("up {object}", "wake"),
          rule("{object} up", "wake"), rule("{object}", "wake")),
    _verb("jump leap hop", rule("", "jump"), rule("on|onto|over|off|in|into {object}", "jump")),
    _verb("yes", *_just("yes")),
    _verb("no", *_just("no")),
    _verb("kiss hug embrace", rule("{object}", "kiss"), who=True),
    _verb("attack hit kill fight punch kick smash break", rule("{object} with {second}", "attack"),
          rule("{object}", "attack")),
    _verb("dance", rule("", "dance"), rule("with {object}", "dance")),
    _verb("taste lick", rule("{object}", "taste")),
    _verb("drink sip quaff", rule("{object}", "drink")),
    _verb("eat", rule("{object}", "eat")),
    _verb("smell sniff", rule("", "smell"), rule("{object}", "smell")),
    _verb("listen", rule("", "listen"), rule("to {object}", "listen"), rule("{object}", "listen")),
    _verb("buy purchase", rule("{object}", "buy")),
    _verb("count", rule("{objects}", "count")),
    _verb("pray", *_just("pray")),
    _verb("wave", rule("", "wave"), rule("to|at {second}", "wave"), rule("{object} at|to {second}", "wave"),
          rule("{object}", "wave")),
    _verb("pull tug drag yank", rule("{object}", "pull")),
    _verb("push press shove", rule("{object}", "push")),
    _verb("rotate twist spin", rule("{object}", "turn")),
    _verb(
        "give hand offer",
        rule("{object} to {second}", "give"),
        rule("{object}", hint="parser.ask_to_whom", like="give"),
        usage="GIVE something TO someone",
    ),
    _verb(
        "show",
        rule("{object} to {second}", "show"),
        rule("{object}", hint="parser.ask_to_whom", like="show"),
        usage="SHOW something TO someone",
    ),
)


VERBS: tuple[Verb, ...] = (
    _verb(
        "look l",
        rule("", "look"),
        rule("around", "look"),
        rule("at me|myself|self|yourself", "examine_self"),
        rule("at {objects}", "examine"),
        rule("in|inside|into {object}", "search"),
        rule("under|underneath|beneath|below {object}", "look_under"),
        rule("behind {object}", "look_behind"),
        rule("{objects}", "examine"),
    ),
    _verb("examine x inspect describe check", rule("me|myself|self|yourself", "examine_self"),
          rule("{objects}", "examine")),
    _verb("search", rule("{object}", "search")),
    _verb("take grab", *_TAKE_RULES),
    _verb(
        "get",
        rule("in|into {object}", "enter"),
        rule("out", "go", direction="out"),
        *_TAKE_RULES,
    ),
    _verb(
        "pick",
        rule("up {objects}", "take"),
        rule("{objects} up", "take"),
        rule("{objects}", "take"),  # PICK A LILY: picking a flower is taking it
        usage="PICK UP something",
    ),
    _verb(
        "drop discard",
        rule("{objects} in|into|inside {second}", "put", preposition="in"),
        rule("{objects} on|onto|upon {second}", "put", preposition="on"),
        rule("{objects}", "drop"),
    ),
    _verb(
        "put",
        rule("down {objects}", "drop"),
        rule("on {objects}", "wear"),
        rule("out {objects}", "douse"),
        rule("{objects} down", "drop"),
        rule("{objects} on", "wear"),
        rule("{objects} out", "douse"),
        rule("{objects} in|into|inside {second}", "put", preposition="in"),
        rule("{objects} on|onto|upon {second}", "put", preposition="on"),
        rule("{objects}", hint="parser.ask_where", like="put"),
    ),
    _verb(
        "insert",
        rule("{objects} in|into|inside {second}", "put", preposition="in"),
        rule("{objects}", hint="parser.ask_into", like="put"),
    ),
    _verb(
        "place set",
        rule("{objects} on|onto|upon {second}", "put", preposition="on"),
        rule("{objects} in|into|inside {second}", "put", preposition="in"),
        rule("{objects}", hint="parser.ask_where", like="put"),
    ),
    _verb(
        "hang",
        rule("{objects} on|onto|upon|from {second}", "put", preposition="on"),
        rule("{objects}", hint="parser.ask_on", like="put"),
    ),
    _verb("open", rule("{object}", "open")),
    _verb("close shut", rule("{object}", "close")),
    _verb("lock", rule("{object} with {second}", "lock"), rule("{object}", "lock")),
    _verb("unlock", rule("{object} with {second}", "unlock"), rule("{object}", "unlock")),
    _verb("wear don", rule("{objects}", "wear")),
    _verb("remove", rule("{objects} from {second}", "take"), rule("{objects}", "remove")),
    _verb("doff", rule("{objects}", "remove")),
    _verb("read", rule("{object}", "read")),
    _verb("light", rule("{object} with {second}", "light"), rule("{object}", "light")),
    _verb(
        "turn switch",
        rule("on {object}", "switch_on"),
        rule("off {object}", "switch_off"),
        rule("{object} on", "switch_on"),
        rule("{object} off", "switch_off"),
        rule("{object}", "turn"),
        usage="TURN ON something or TURN OFF something",
    ),
    _verb("flip toggle", rule("{object}", "flip")),
    _verb("extinguish douse snuff", rule("{object}", "douse")),
    _verb(
        "blow",
        rule("out {object}", "douse"),
        rule("{object} out", "douse"),
        usage="BLOW OUT something",
    ),
    _verb("inventory i inv", *_just("inventory")),
    _verb(
        "go walk run",
        rule("to {text}", "travel"),
        rule("{dir}", "go"),
        rule("in|into|inside|through {object}", "enter"),
        usage="GO and a direction, such as GO NORTH",
    ),
    _verb("enter", rule("", "go", direction="in"), rule("{object}", "enter")),
    _verb("exit leave", rule("", "go", direction="out"), usage="OUT"),
    _verb("wait z", *_with_text("wait")),
    _verb("again g", *_just("again")),
    _verb("undo", *_just("undo")),
    _verb("oops o", *_with_text("oops")),
    _verb(
        "ask question tell",
        # "about" first: otherwise "ask about the wards" reads as asking nobody about them.
        rule("about {topic}", "ask", default_npc=True),
        rule("{object} about {topic}", "ask"),
        rule("{object}", hint="parser.ask_about", like="ask"),
        who=True,
        usage="ASK someone ABOUT something",
    ),
    _verb(
        "talk speak",
        rule("to|with {object}", "talk"),
        rule("", "talk", default_npc=True),
        rule("{object}", "talk"),
        who=True,
    ),
    _verb("greet hello hi", rule("", "talk", default_npc=True), rule("{object}", "talk"), who=True),
    _verb("help h ? hint hints commands", *_with_text("help")),
    _verb("score", *_just("score")),
    _verb("time clock", *_just("time")),
    _verb("quit q", *_just("quit")),
    _verb("sleep rest", *_with_text("sleep")),
    _verb("timetable schedule", *_just("timetable")),
    _verb("recitals concerts", *_just("recitals")),
    _verb("repertoire pieces songs", *_just("repertoire")),
    _verb("attend", *_with_text("attend")),
    _verb("journal lore notes", *_with_text("journal")),
    _verb("status skills stats", *_just("status")),
    _verb("perform recite play", *_with_text("perform")),
    _verb("practice practise", *_with_text("practice")),
    *(_verb(word, *_with_text(word)) for word in ("restart", "save", "restore", "load", "saves", "delete")),
    # describing and travelling
    _verb("brief", *_just("brief")),
    _verb("verbose", *_just("verbose")),
    _verb("superbrief", *_just("superbrief")),
    _verb("about credits info", *_just("about")),
    _verb("map", *_just("map")),
    _verb("travel", rule("to {text}", "travel"), rule("{text}", "travel"), usage="GO TO a place you know"),
    *_TRIED,
)

GRAMMAR: dict[str, Verb] = {word: verb for verb in VERBS for word in verb.words}

# Synonyms beyond the engine's contract; a game's own verbs may take these words over, as they may
# "play" (a bard college will want to play its instruments).
OVERRIDABLE = frozenset({"play", "snuff", "hi", "hints"}) | frozenset(w for verb in _TRIED for w in verb.words)


def extends_builtin(word: str, action: str) -> bool:
    """Whether a game's verb `action` that uses the built-in `word` is that built-in verb, added to
    (its id is an action of the word: `sing`), rather than another verb taking the word over."""
    return any(rule_.resolves_as == action for rule_ in GRAMMAR[word].rules)


# Shorthands are spelled out when the parser talks back: "What do you want to examine?", not "x".
SPELLED_OUT = {
    "l": "look", "x": "examine", "i": "inventory", "inv": "inventory", "z": "wait",
    "g": "again", "h": "help", "?": "help", "q": "quit",
}

# Shapes for the game's own verbs ("ring the bell", "strike the bell with the mallet", "toss the penny
# in the fountain", "knock on the door"); the words after the verb are also passed on as text.
@lru_cache(maxsize=256)
def custom_rules(action: str) -> tuple[Rule, ...]:
    return (
        rule("", action),
        rule("on|at|to|in|with|for {object}", action),
        rule("{object} with|using|on|to|at|in|into {second}", action),
        rule("{object}", action),
    )


# Words that have a job in sentences; in a noun phrase they are known, just misplaced.
GRAMMAR_WORDS = frozenset(
    word
    for verb in VERBS + (Verb((), custom_rules("custom")),)
    for rule_ in verb.rules
    for element in rule_.shape
    for word in getattr(element, "options", ())
) | frozenset(GRAMMAR) | frozenset(DIRECTIONS) | {"of", "one"}
