"""The engine's own sentences: verbs."""

MESSAGES: dict[str, str] = {
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
