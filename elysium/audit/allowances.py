"""The findings a pack accepts: its `audit:` entries (by custom in a file audit.yaml of the pack),
read from the game's and each mod's files with their positions. A mod may name its own entries
bare, as in its other files. The loader has already checked their shape (content/assemble.py,
`read_audit`), so a pack that loads has well-formed ones."""

from __future__ import annotations

from pathlib import Path

from elysium.content.files import PackFiles, display
from elysium.content.model import Content
from elysium.content.yamlsafe import YamlProblem, decode_document

from .findings import Allowance

def allowances(content: Content) -> list[Allowance]:
    found = []
    for prefix, folder in [("", content.pack.folder), *((f"{mod.id}:", mod.folder) for mod in content.mods)]:
        pack = PackFiles(Path(folder))
        for file in pack.paths:
            data = pack.data.get(file)
            if data is None or b"audit" not in data:
                continue  # most files allow nothing: not worth decoding again
            try:
                document = decode_document(data, display(file))
            except YamlProblem:
                continue
            if not isinstance(document.data, dict) or not isinstance(document.data.get("audit"), dict):
                continue
            for kind, entries in document.data["audit"].items():
                for i, entry in enumerate(entries or ()):
                    # nouns and verbs are matched as the audit reads them, in lower case
                    subject = {key: str(value).lower() if key in ("noun", "verb") else str(value)
                               for key, value in entry.items() if key != "why"}
                    found.append(Allowance(kind, subject, str(entry.get("why", "")),
                                           str(document.mark(("audit", kind, i))), prefix))
    return found

