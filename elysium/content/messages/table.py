"""The table of every engine message for docs/content.md, made from the catalogue so it never goes
stale (`python -m elysium.content.messages --markdown`; a test compares it with the docs)."""

from __future__ import annotations

from elysium.content.messages import DEFAULTS, PARAMETERS


def _cell(text: str) -> str:
    """The text on one line; a long text of several lines (the engine's help) by its first line."""
    lines = text.splitlines() or [""]
    shown = lines[0] if len(lines) == 1 else f"{lines[0]} \u2026 ({len(lines)} lines)"
    return shown.replace("|", "\\|")


def markdown_table() -> str:
    """One row a key, in key order: the key, the `{...}` names the engine gives it, its default."""
    rows = ["| key | parameters | default |", "|---|---|---|"]
    for key in sorted(DEFAULTS):
        names = ", ".join(f"`{name}`" for name in PARAMETERS.get(key, ()))
        rows.append(f"| `{key}` | {names} | {_cell(DEFAULTS[key])} |")
    return "\n".join(rows) + "\n"
