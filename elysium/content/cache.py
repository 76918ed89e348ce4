"""A compiled cache of loaded content, so that a pack read once starts at once the next time.

The cache is keyed by everything that could change the result: the engine's version, its content
model, the code that reads and checks content (so that a pack cached before a check was added is
checked again), and every pack's folder and files (names, sizes and a hash of their bytes, as read
for the load itself: see files.PackFiles). It lives outside the packs, in the user's cache
folder, is safe to delete, and is never used when stale. Only content that loaded without errors
is cached. It is read with an unpickler that accepts nothing but the content model's own classes,
so a cache file cannot run code. A start after the second finds its key without reading the packs,
from how their files stand (standing.py).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from elysium import __version__
from elysium.content import model
from elysium.content.files import PackFiles
from elysium.content.problems import Problem

# A warning's Mark lives beside the YAML reader, which a cache hit (the TUI's title screen) never
# needs: it is imported only when a cached warning is read.
MARK = ("elysium.content.yamlsafe", "Mark")

MODEL_SOURCE = Path(model.__file__)
CONTENT_CODE = MODEL_SOURCE.parent
# The shape of what is pickled, beside the code's stamp (which changes with it anyway): 3, a
# model's trailing defaults left out, a room's plain exits flat (see model_gen.py, Room.__reduce__)
# and the rooms and items in tables (Content.__getstate__); 4, the tables' parts are lists, a
# room's exits in its row, and equal conditions, effects and texts pickled once (_Writer); 5, a
# room's exits as its Ways holds them: a key before each, and any keys (model.Ways).
FORMAT = 5
SHARED_TEXT = 40  # shorter texts are interned as the YAML is read (yamlsafe.SHORT)
SAFE_BUILTINS = {"tuple", "list", "dict", "set", "frozenset", "str", "int", "float", "bool"}


def cache_folder() -> Path | None:
    """Where caches go; None when caching is switched off (ELYSIUM_CACHE=off)."""
    chosen = os.environ.get("ELYSIUM_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None) or Path.home() / ".cache"
    return Path(base) / "elysium" / "content"


def cache_key(packs: list[PackFiles]) -> str | None:
    """The key of these packs' content, from the bytes already read; None when a folder or a file
    could not be read (the full load says why, and such content is never cached)."""
    if not all(pack.readable for pack in packs):
        return None
    import hashlib  # OpenSSL's: 2-6 ms and 3.7 MB that a warm start known by its files' standing never needs

    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{FORMAT}\0".encode())
    digest.update(code_stamp())  # the model's own source among them
    for pack in packs:
        digest.update(pack.real.encode() + b"\0")
        for path in sorted(pack.paths):
            data = pack.data[path]
            digest.update(f"{pack.relative(path)}\0{len(data)}\0".encode())
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def code_stamp() -> bytes:
    """The stamp of the code this process reads and checks content with, taken once, when its
    first key is made (see _stamp_code)."""
    stamp = _CODE_STAMPS.get(CONTENT_CODE)
    if stamp is None:
        stamp = _CODE_STAMPS[CONTENT_CODE] = _stamp_code(CONTENT_CODE)
    return stamp


# Taken once a process. Python does not import a module again when its file changes, so a process
# that outlives an edit or an upgrade goes on running the modules it has imported: stamping the
# files again at each load would file what that old code builds under the new code's key, where
# the next process would read it. It also cost a small pack's warm start more than the rest of its
# key (a stat of each of 43 modules).
_CODE_STAMPS: dict[Path, bytes] = {}


def _stamp_code(folder: Path) -> bytes:
    """The name, size and time of each module that reads and checks content, in its sub-packages
    too (the engine's messages, which validation checks a game's against): a stat apiece, as
    reading them all would cost a warm start more than the rest of its key."""
    stamp = []
    pending = [("", folder)]
    while pending:
        prefix, folder = pending.pop()
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                status = entry.stat()
                stamp.append(f"{prefix}{entry.name}\0{status.st_size}\0{status.st_mtime_ns}\0")
            elif entry.name != "__pycache__" and entry.is_dir() \
                    and os.path.exists(os.path.join(entry.path, "__init__.py")):
                pending.append((f"{prefix}{entry.name}/", Path(entry.path)))
    return "".join(stamp).encode()


class _ModelOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        owner, _, method = name.partition(".")
        found = getattr(model, owner, None) if module == model.__name__ else None
        # the model's own classes, not what model.py imports (attrgetter, cached_property, the ABCs)
        if isinstance(found, type) and found.__module__ == model.__name__ \
                and method in ("", "_from_fields", "_from_pickle"):
            return getattr(found, method) if method else found
        if module == "builtins" and name in SAFE_BUILTINS:
            return getattr(__import__("builtins"), name)
        if (module, name) == (Problem.__module__, "Problem"):  # the content's warnings
            return Problem
        if (module, name) == MARK:  # where each warning is written
            from elysium.content.yamlsafe import Mark

            return Mark
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the content model")


def read(packs: list[PackFiles]) -> tuple[model.Content | None, str | None]:
    """(content, key): the cached content if fresh, else None and the key to store under."""
    where = cache_folder()
    if where is None:
        return None, None
    key = cache_key(packs)
    if key is None:
        return None, None
    return stored(where, key, packs), key


def stored(where: Path, key: str, packs: Sequence[PackFiles] = ()) -> model.Content | None:
    """The content stored under `key`, or None when there is none or it is damaged. A hit needs
    the packs' bytes no more (they made the key): they are let go before the content is built,
    and the pickle is read as a stream, so that neither adds to the load's peak of memory. When
    the file turns out to be damaged, the loader reads the packs again."""
    try:
        stream = (where / f"{key}.pickle").open("rb")
    except OSError:
        return None
    with stream:
        for pack in packs:
            pack.data.clear()
        try:
            state = _ModelOnly(stream).load()
        except Exception:  # a damaged or foreign cache file is simply not used
            return None
    try:
        return model.Content.from_state(state)
    except Exception:
        return None


def write(key: str | None, content: model.Content) -> None:
    """Store content under its key; a cache that cannot be written is no reason to fail."""
    where = cache_folder()
    if where is None or key is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            writer = _Writer(stream)
            writer.dump(content.cache_state(writer.shared))
        os.replace(temporary, where / f"{key}.pickle")
    except OSError:
        pass


# The models pickled one by one that hold conditions, effects or texts within texts (a room's and
# an item's are in their tables' rows, see Content.cache_state).
_WITH_DATA = frozenset((model.Variant, model.Exit, model.Topic, model.Rule, model.Timer, model.Npc,
                        model.SchoolClass, model.Recital))


class _Writer(pickle.Pickler):
    """Pickles content with one copy of each equal condition, effect (or tuple of them) and long
    text in a model's values: the load makes a dict for each `if:` and each effect as written, and
    at 50,000 rooms about 12 MB of them were equal copies. The engine only ever reads content
    (one content serves every game of a process), so sharing them changes nothing it sees."""

    def __init__(self, stream) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self.texts: dict[str, str] = {}
        self.known: dict[bytes, Any] = {}  # _key -> the first value met

    def reducer_override(self, obj: Any) -> Any:
        if obj.__class__ not in _WITH_DATA:
            return NotImplemented
        make, values = obj.__reduce__()
        return make, self.shared(values, texts=True)

    def shared(self, values: tuple[Any, ...], texts: bool = False) -> tuple[Any, ...]:
        """The values, each condition and effect (and long text, with `texts`) the first equal one
        met. A room's or item's own texts are shared by the load already (the rows of the tables):
        a set of every description would only add to the first load's peak."""
        for value in values:
            kind = value.__class__
            if kind is dict or (kind is tuple and value and value[0].__class__ is dict) or (
                    texts and kind is str and len(value) > SHARED_TEXT):
                break
        else:
            return values  # most models and rows: nothing to share, and no new tuple
        return tuple([self.one(value, texts) for value in values])

    def one(self, value: Any, texts: bool) -> Any:
        kind = value.__class__
        if kind is str:
            return self.texts.setdefault(value, value) if texts and len(value) > SHARED_TEXT else value
        if kind is dict or (kind is tuple and value and value[0].__class__ is dict):
            return self.known.setdefault(_key(value), value)
        return value  # words are shared by the load already


def _key(value: Any) -> bytes:
    """What tells two conditions or effects apart: their own pickle, which keeps their keys' order
    and their values' types (`1`, `1.0` and `True` are equal but not the same), and is what the
    shared one will be read back as. Bytes, not a tuple for each dict and value: the keys are kept
    while the cache is written, beside everything the load made."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
