"""Checks of a rule's fields taken together: what `direction`, `except`, `phase`, `stop`,
`continue` and `replace` mean only beside certain others (see docs/content.md, "Rules").

Each field alone is checked by the schema table; this says when a combination cannot do what its
author meant, so that a rule never silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elysium.content import schema
from elysium.content.problems import suggestion


def misfits(name: str, fields: dict[str, Any], verbs: set[str], written_except: tuple[str, ...]) -> Iterator[str]:
    """Messages for `fields` of the rule called `name` (its `on` and `except` already as the game
    knows them); `verbs`: every verb an action can be (built-in and the game's own)."""
    on = fields.get("on", ())
    if "direction" in fields and not ({"go", schema.ANY_ACTION} & set(on)):
        yield f"{name} names a direction, which only a rule on go (or any) can use"
    if fields.get("except"):
        if schema.ANY_ACTION not in on:
            yield f"{name} has 'except', which only a rule on any can use"
        for verb, as_written in zip(fields["except"], written_except):
            if verb not in verbs:
                yield f"{name} leaves out {as_written!r}, which is not a verb{suggestion(verb, verbs)}"
    phase = fields.get("phase", "instead")
    moments = [verb for verb in on if verb in schema.MOMENTS]
    if moments and "phase" in fields:
        yield f"{name} is for {moments[0]}, which has no phases: leave out 'phase'"
    if "continue" in fields and "stop" in fields:
        yield f"{name} has both 'continue' and 'stop': keep the one you mean"
    if fields.get("replace") and phase != "after":
        yield f"{name} has 'replace', which only an after rule can use (it replaces the action's text)"
