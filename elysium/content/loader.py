"""Load a pack folder (and any mod folders) into a checked, linked `Content`.

A pack read before comes from the compiled cache, and then nothing but the model is imported:
YAML, validation and linking (assemble.py) load only when a pack must be read from its files.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from elysium.content import cache, model, standing
from elysium.content.files import PackFiles

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
        started_ns = time.time_ns()
        cached = standing.known([game_folder, *mod_folders])  # no file read, nothing hashed
        if cached is not None:
            return cached
        # Every file is looked at and read once, here: its bytes give the key and, on a miss, the game.
        packs = [PackFiles(game_folder), *(PackFiles(mod) for mod in mod_folders)]
        cached, key = cache.read(packs)
        if cached is not None:
            standing.remember(packs, key, started_ns)
            return cached
        if key is not None and any(pack.paths and not pack.data for pack in packs):
            # a damaged cache file was opened: the packs' bytes went for nothing, read them again
            packs = [PackFiles(pack.folder) for pack in packs]
            key = cache.cache_key(packs)
        from elysium.content.assemble import Assembly

        assembly = Assembly()
        try:
            content = assembly.run(packs[0], packs[1:])
        finally:
            assembly.let_go()
        del assembly  # its records, before the cache is written
        cache.write(key, content)
        return content
    finally:
        if collecting:
            gc.enable()


def mods_in(folder: Path) -> tuple[Path, ...]:
    """Every pack in a mods folder: its sub-folders that have a manifest, sorted by name. A manifest
    that is not a plain file still makes its folder a pack, so that loading it says what is wrong."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return ()
    return tuple(folder / entry.name for entry in entries
                 if _is_folder(entry) and os.path.lexists(os.path.join(entry.path, MANIFEST)))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
