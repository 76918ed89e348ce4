"""Every sentence the engine itself says, under a stable key, with its neutral default.

A game replaces any of them in its manifest (`game: messages:`), with the same text variants and
`{...}` substitutions as any other text (see docs/content.md, "Messages"). Each module of this
package holds the sentences of one part of the engine; the keys are `part.name`, and the
`{...}` names a sentence uses are listed beside it in `PARAMETERS` when it has any.
"""

from __future__ import annotations

from elysium.content.messages import campus, engine, light, parser, rules, verbs, web, world

_PARTS = (engine, world, light, parser, verbs, rules, campus, web)

DEFAULTS: dict[str, str] = {key: text for part in _PARTS for key, text in part.MESSAGES.items()}

# key -> the substitutions the engine gives that sentence, beyond those every text may use.
PARAMETERS: dict[str, tuple[str, ...]] = {
    key: names for part in _PARTS for key, names in getattr(part, "PARAMETERS", {}).items()}


def default(key: str) -> str:
    return DEFAULTS[key]
