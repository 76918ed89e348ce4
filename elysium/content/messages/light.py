"""The engine's own sentences about light and darkness."""

MESSAGES: dict[str, str] = {
    "light.dark_room": "It is too dark to make out anything here.",
    "light.blunder": "You stumble about in the dark, but find no way that direction.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
