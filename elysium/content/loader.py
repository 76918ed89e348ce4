"""Load a pack folder (and any mod folders) into a checked, linked `Content`.

A pack read before comes from the compiled cache, and then nothing but the model is imported:
YAML, validation and linking (assemble.py) load only when a pack must be read from its files.
"""

from __future__ import annotations

import gc
from pathlib import Path

from elysium.content import cache, model

MANIFEST = "pack.yaml"


def default_content_dir() -> Path:
    """The Starred Blocks pack: beside the package in a checkout, inside it when installed."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "content" / "starred_blocks"
    if (checkout / MANIFEST).is_file():
        return checkout
    return package / "default_content" / "starred_blocks"


def load_content(folder: Path | None = None, mods: tuple[Path, ...] = ()) -> model.Content:
    """Read, check and build the game in `folder` plus `mods`; raises ContentError listing problems.
    Warnings (content that can never be played) come back in `Content.warnings`."""
    # Loading makes many small objects and frees none: the cyclic collector would only rescan them.
    game_folder = Path(folder) if folder else default_content_dir()
    mod_folders = [Path(m) for m in mods]
    collecting = gc.isenabled()
    gc.disable()
    try:
        cached, key = cache.read([game_folder, *mod_folders]) if game_folder.is_dir() else (None, None)
        if cached is not None:
            return cached
        from elysium.content.assemble import Assembly

        content = Assembly().run(game_folder, mod_folders)
        cache.write(key, content)
        return content
    finally:
        if collecting:
            gc.enable()


def mods_in(folder: Path) -> tuple[Path, ...]:
    """Every pack in a mods folder: its sub-folders that have a manifest."""
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.parent for p in folder.glob(f"*/{MANIFEST}")))
