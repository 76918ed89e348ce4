"""The sentences of saves kept by the web service (elysium web) rather than in a saves folder."""

MESSAGES: dict[str, str] = {
    "web.no_such_save": "There is no saved game called \u201c{name}\u201d. (SAVES lists them.)",
    "web.too_many_saves": "You have {count} saved games, as many as you may keep here. DELETE one first.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    "web.no_such_save": ("name",),
    "web.too_many_saves": ("count",),
}
