"""Which mods a game is played with, in words: the player is told at the start, the modder by
`validate`, so that no pack is ever in play unseen."""

from __future__ import annotations

from elysium.content.files import display
from elysium.content.model import Content, PackInfo
from elysium.content.styles import plain, without_controls


def describe(mod: PackInfo) -> str:
    """'The Lantern Walk (lantern_walk 1.0.0, from examples/lantern_walk)'."""
    name, version = (" ".join(text.split()) for text in (plain(mod.name), mod.version))
    return without_controls(f"{name} ({mod.id} {version}, from {display(mod.folder)})")


def listing(content: Content) -> str:
    """'1 mod: ...' or '2 mods: ...; ...', or '' when the game is played without mods."""
    count = len(content.mods)
    if not count:
        return ""
    return f"{count} mod{'s' * (count != 1)}: " + "; ".join(describe(mod) for mod in content.mods)


def mods_note(content: Content) -> str:
    """What the player is told before the story starts, or '' when there are no mods."""
    found = listing(content)
    return f"You are playing with {found}." if found else ""
