"""The engine's own sentences: engine."""

MESSAGES: dict[str, str] = {
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
