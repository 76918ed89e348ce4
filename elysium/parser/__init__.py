"""The command parser: turns what the player types into commands for the engine.

`split_commands` cuts a line into segments, `parse` reads one segment into a `Command`, a
`Question` ("Which do you mean ...?") or a `Failure` (a reply for the player), `resolve_answer`
finishes a command once the player has answered a Question, and `pronouns_after` says what "it",
"them", "him" and "her" mean after a command.  Pure standard library, and no other part of the
game: the engine hands in what is in scope as `Thing`s and the game's words as a `Vocabulary`.
"""

from .answers import answered_text, resolve_answer
from .commands import parse
from .model import Command, Failure, Question, Thing, Vocabulary
from .oops import corrected
from .pronouns import pronouns_after
from .segments import split_commands

__all__ = [
    "Command",
    "Failure",
    "Question",
    "Thing",
    "Vocabulary",
    "answered_text",
    "corrected",
    "parse",
    "pronouns_after",
    "resolve_answer",
    "split_commands",
]
