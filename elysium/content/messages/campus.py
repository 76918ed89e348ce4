"""The engine's own sentences: campus."""

MESSAGES: dict[str, str] = {
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
