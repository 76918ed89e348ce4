"""The engine's own sentences: parser."""

MESSAGES: dict[str, str] = {
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
