"""The engine's own sentences: rules."""

MESSAGES: dict[str, str] = {
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
