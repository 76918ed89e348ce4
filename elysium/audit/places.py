"""Where a text of the game's own pack is written (file:line:col), read again from its files:
the content models keep no positions, and only a finding needs one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path

from elysium.content.files import PackFiles, display
from elysium.content.model import Content
from elysium.content.yamlsafe import Document, Mark, YamlProblem, decode_document

from .positions import Positions


class TextPlaces:
    # The files of the last game asked about, decoded: each check of the audit makes its own
    # TextPlaces, and decoding every file again for each would cost more than the checks.
    _last: tuple[Content, dict[tuple[str, str], Document]] | None = None

    def __init__(self, content: Content, written: Mapping[tuple[str, str], Document] | None = None,
                 known: dict[str, Mark] | None = None) -> None:
        self.content = content
        last = TextPlaces._last
        self._documents: dict[tuple[str, str], Document] | None = last[1] if last and last[0] is content else None
        self._written = written or {}  # (kind, id) -> the file the load read it from, when known
        self._positions: dict[int, Positions] = {}  # id of a Document -> where its values stand
        # place_key(path, words) -> its mark, of the entries written where the load says: the
        # audit's facts keep them beside the cache, so a warm audit reads no file to place them
        self.known = known if known is not None else {}
        self.learned = False  # whether a mark was worked out that `known` did not hold

    def where(self, path: tuple, text: str = "", words: str = "") -> str:
        """"file:line:col" of `words` in `text`, the value at `path` ("rooms", id, field, ...), or
        of the value when they are not written as such (split by a line break); "" when the entry
        is not written in the packs' files (a patch's field)."""
        at = text.lower().find(words.lower()) if words else -1
        fragment = text[at:at + len(words)] if at >= 0 else None
        key = place_key(path, fragment)
        if (mark := self.known.get(key)) is not None:
            return str(mark)
        written = self._written.get(path[:2])
        document = written or self.documents().get(path[:2])
        if document is None:
            return ""
        if ":" in path[1]:  # a mod's entry: its file writes the id bare
            path = (path[0], path[1].partition(":")[2], *path[2:])
        positions = self._positions.get(id(document))
        if positions is None:  # worked out once a file, for every finding there
            positions = self._positions[id(document)] = Positions(document)
        mark = positions.mark(path) if fragment is None else positions.mark_within(path, fragment)
        if written is not None:  # a file found by decoding them all is not one the facts can name
            self.known[key], self.learned = mark, True
        return str(mark)

    def documents(self) -> dict[tuple[str, str], Document]:
        if self._documents is None:
            self._documents = {}
            # a mod's own entries are known to the game as `mod:id`
            folders = [("", self.content.pack.folder), *((f"{mod.id}:", mod.folder) for mod in self.content.mods)]
            for prefix, folder in folders:
                pack = PackFiles(Path(folder))
                for file in pack.paths:
                    try:
                        document = decode_document(pack.data[file], display(file))
                    except (KeyError, YamlProblem):
                        continue  # the game loaded, so this is no content file of its own
                    for kind, entries in (document.data or {}).items() if isinstance(document.data, dict) else ():
                        for entry_id in entries if isinstance(entries, dict) else ():
                            self._documents.setdefault((kind, f"{prefix}{entry_id}"), document)
            TextPlaces._last = (self.content, self._documents)
        return self._documents


def place_key(path: tuple, fragment: str | None) -> str:
    """The key of a mark among those kept: the path and the words placed (None: the value)."""
    return repr((tuple(path), fragment))


CLOSE = 0.8  # how alike a noun must be to be offered (difflib's ratio)


class CloseNouns:
    """Did-you-mean for a noun the player cannot examine in a room: the nearest noun of what starts
    there or of who can be there ("tapers" where the taper answers only to "taper")."""

    def __init__(self, content: Content) -> None:
        self._ratios: dict[tuple[str, str], float] = {}
        self.by_room: dict[str, set[str]] = {}
        people: dict[str, list[str]] = {}
        for npc in content.npcs.values():
            for room_id in (npc.location, *(room for _, room, _ in npc.schedule)):
                self.by_room.setdefault(room_id, set()).update(npc.nouns)
                people.setdefault(npc.id, []).append(room_id)
        for item in content.items.values():
            for room_id in people.get(item.location, [item.location]):
                self.by_room.setdefault(room_id, set()).update(item.nouns)

    def suggestion(self, room: str, noun: str) -> str:
        head = noun.split()[-1]
        close = self._closest(head, self.by_room.get(room, ()))
        return f" (did you mean {close!r}?)" if close is not None and close != head else ""

    def _closest(self, word: str, nouns: Iterable[str]) -> str | None:
        """`difflib.get_close_matches(word, nouns, n=1, cutoff=0.8)`, with each pair's ratio worked
        out once an audit: a world's rooms share their nouns, and a big one has thousands of gaps."""
        best: tuple[float, str] | None = None
        for noun in nouns:
            score = self._ratios.get((word, noun))
            if score is None:
                matcher = difflib.SequenceMatcher()
                matcher.set_seqs(noun, word)
                # as difflib does: the cheap upper bounds first, and a ratio below them is no match
                far = matcher.real_quick_ratio() < CLOSE or matcher.quick_ratio() < CLOSE
                score = self._ratios[(word, noun)] = 0.0 if far else matcher.ratio()
            if score >= CLOSE and (best is None or (score, noun) > best):
                best = (score, noun)
        return best[1] if best else None
