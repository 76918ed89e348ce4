"""The engine's own sentences about the world: looking, things, holding and moving."""

MESSAGES: dict[str, str] = {
    "world.empty_inventory": "You are carrying nothing.",
    # describing and travelling
    "world.player_description": "You look as you always do.",
    "world.nothing_special": "You see nothing special about {the noun}.",
    "world.descriptions_verbose": "Rooms are now always described in full (VERBOSE).",
    "world.descriptions_brief": ("Rooms are now described in full the first time you enter them, and named "
                                 "afterwards (BRIEF)."),
    "world.descriptions_superbrief": "Rooms are now only named when you enter them; LOOK describes one (SUPERBRIEF).",
    "world.about_author": "by {author}",
    "world.about_version": "Version {version}",
    "world.travel_where": "Where do you want to go?",
    "world.travel_unknown": "You don't know the way to {place}.",
    "world.travel_which": "Which place do you mean: {places}?",
    "world.travel_here": "You are already in {place}.",
    "world.travel_no_path": "You don't know a way to {place} from here.",
    "world.travel_stopped": "You stop on your way to {place}.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    # describing and travelling
    "world.nothing_special": ("noun",),
    "world.about_author": ("author",),
    "world.about_version": ("version",),
    "world.travel_unknown": ("place",),
    "world.travel_which": ("places",),
    "world.travel_here": ("place",),
    "world.travel_no_path": ("place",),
    "world.travel_stopped": ("place",),
}
