"""Reading a save's text as JSON without ever crashing on it.

A save's text is untrusted: it may be nested far deeper than Python's recursion allows, hold an
integer of a hundred thousand digits, a fraction, NaN or Infinity (a game's numbers are all whole),
or a control character (parts of a save are printed to terminals, where an escape sequence would be
obeyed). Each is refused here as Damaged, before any other part of the game looks at the text.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

MAX_DIGITS = 30  # an integer of more digits than this is no game's
SHORT_TEXT = 200  # pack ids, versions, a save's summary: short lines that listings print

# A JSON escape of a control character: \u001b, \b, ... (see _escapes_a_control for the backslashes
# before it, which may make it an escaped backslash and letters instead).
ESCAPED_CONTROL = re.compile(r"\\(?:[bfr]|u00(?:0[0-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]))")


class Damaged(ValueError):
    """What is wrong with a save, as the end of "The saved game “x” is damaged: ..."."""


def parse(text: str) -> Any:
    """The JSON value of a save's text; Damaged when no game could have written the text."""
    try:
        value = json.loads(text, parse_float=_no_fraction, parse_constant=_no_fraction, **_integer_guard())
    except Damaged:
        raise
    except RecursionError:
        raise Damaged("it is nested far deeper than any saved game") from None
    except json.JSONDecodeError:
        raise Damaged("it was cut short or changed by hand") from None
    except ValueError:  # an integer longer than Python will convert (sys.get_int_max_str_digits)
        raise Damaged("it holds a number far larger than any game uses") from None
    # JSON itself refuses raw C0 characters but whitespace (a carriage return: a save reformatted
    # on Windows); what is left to find is DEL and C1 as they are, and any character escaped.
    # Text in ASCII alone (most saves) can only hold DEL, which is quicker to look for.
    if ("\x7f" in text if text.isascii() else _has_control(text.replace("\r", ""))) \
            or _escapes_a_control(text):
        raise Damaged("it holds control characters, which no saved game has")
    return value


def _has_control(text: str) -> bool:
    """Whether `text` holds a character that a terminal would act on (see content/styles.py)."""
    # Imported here: the saves module is on the way to the title screen's first frame, and the
    # content package is not (by the time a save is read, the content has been).
    from elysium.content.styles import first_control

    return first_control(text) is not None


def _escapes_a_control(text: str) -> bool:
    """Whether the JSON text escapes a control character. A backslash begins an escape only after
    an even number of backslashes: "\\u001b" in the text is an escaped backslash, then letters."""
    for match in ESCAPED_CONTROL.finditer(text):
        start = first = match.start()
        while first > 0 and text[first - 1] == "\\":
            first -= 1
        if (start - first) % 2 == 0:
            return True
    return False


def _no_fraction(number: str) -> Any:
    raise Damaged(f"it holds the number {number[:20]}, and a game's numbers are all whole")


def _integer_guard() -> dict[str, Callable[[str], int]]:
    """Python refuses to convert integers of more than 4,300 digits, in linear time; where that
    limit was raised or switched off, each integer is measured before it is converted."""
    limit = sys.get_int_max_str_digits()
    return {} if 0 < limit <= 4300 else {"parse_int": _short_integer}


def _short_integer(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise Damaged("it holds a number far larger than any game uses")
    return int(digits)
