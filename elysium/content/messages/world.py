"""The engine's own sentences about the world: looking, things, holding and moving."""

MESSAGES: dict[str, str] = {
    "world.empty_inventory": "You are carrying nothing.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
}
