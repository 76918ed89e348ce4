"""OOPS: the player's correction of the word the parser did not know in their last command.

"take lantren" / "You don't know the word "lantren"." / "oops lantern" (or "o lantern") reads
"take lantern" as if it had been typed.  The engine keeps the failed command and its unknown word
(a Failure's `unknown`) and hands them in here with the correction.
"""

from __future__ import annotations

from . import replies
from .model import Command, Failure
from .words import COMMA, tokenise


def corrected(oops: Command, failed: str | None, unknown: str | None) -> str | Failure:
    """The failed command with its unknown word replaced by the OOPS's words, or why not."""
    if not failed or not unknown:
        return replies.failure("parser.oops_nothing")
    if not oops.text:
        return replies.failure("parser.oops_no_word")
    words = tokenise(failed)
    if unknown not in words:
        return replies.failure("parser.oops_nothing")
    words[words.index(unknown)] = oops.text
    return " ".join(words).replace(f" {COMMA}", COMMA)
