"""The engine's own sentences about the game itself: the turn, saving, undoing, endings and help."""

from pathlib import Path

# The engine's part of HELP, as light Markdown (headings become capitals in plain text); kept in its
# own file so the TUI can show it rendered. A game that replaces `engine.help` replaces it whole.
HELP = Path(__file__).parents[2].joinpath("help.md").read_text(encoding="utf-8").strip()

MESSAGES: dict[str, str] = {
    "engine.help_hint": "Type HELP for help.",
    "engine.help": HELP,
    "engine.about_this_game": "ABOUT THIS GAME",
    "engine.pause": "You pause, and the moment passes. (Type HELP if you are unsure what to do.)",
    "engine.nothing_happens": "Nothing happens.",
    "engine.internal_error": "Something in the world falters, and the moment unravels. (That command caused an "
                             "internal error; the game has been put back as it was.)",
    "engine.runaway": "Events tumble over one another, and then everything stands still. (What that command "
                      "set off would never end, so the game stops it here. UNDO takes the command back.)",
    "engine.each_thing": "{noun}: {reply}",
    "engine.farewell": "You close the story for now. Farewell.",
    # again and undo
    "engine.nothing_to_undo": "There is nothing to undo: this is as far back as your memory reaches.",
    "engine.undone": "You take back your last move. ({room})",
    # saved games
    "engine.saved": "Saved as \u201c{name}\u201d ({location}, {when}).",
    "engine.restored": "Restored \u201c{name}\u201d.",
    "engine.save_damaged": "The saved game \u201c{name}\u201d is damaged: {problem}.",
    "engine.save_misshapen": "The saved game \u201c{name}\u201d is damaged: its state is not the shape of a "
                             "game of Elysium.",
    "engine.no_saves": "You have no saved games yet. SAVE followed by a name makes one.",
    "engine.saves_heading": "Saved games:",
    "engine.saves_entry": "{name}: {when}, {location} (saved {saved_at})",
    "engine.autosave_failed": "(The autosave failed: {problem})",
    "engine.interrupted": "(Stopped. The game is autosaved: continue it to carry on from here.)",
    "engine.delete_which": "Which saved game do you want to delete? (SAVES lists them.)",
    "engine.delete_question": "Delete the saved game \u201c{name}\u201d for good? (Type YES to delete it, "
                              "anything else to keep it.)",
    "engine.deleted": "The saved game \u201c{name}\u201d is gone.",
    "engine.restart_question": "Start the story again from the very beginning? Anything you have not saved "
                               "will be lost. (Type YES to start again, anything else to carry on.)",
    "engine.nothing_changed": "Nothing is changed.",
    # endings
    "engine.score": "You scored {score}, in {turns}.",
    "engine.score_out_of": "You scored {score} out of a possible {max_score}, in {turns}.",
    "engine.one_turn": "{count} turn",
    "engine.turns": "{count} turns",
    "engine.won": "You have reached a winning ending.",
    "engine.lost": "This is not the ending you hoped for.",
    "engine.ended": "The story has ended. Type UNDO to take back your last move, SCORE, STATUS or JOURNAL to "
                    "look back on it, or QUIT.",
    # saving
    "engine.replace_question": "A saved game called \u201c{name}\u201d already exists. Replace it? (YES/NO)",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    "engine.each_thing": ("noun", "reply"),
    "engine.undone": ("room",),
    "engine.saved": ("name", "location", "when"),
    "engine.restored": ("name",),
    "engine.save_damaged": ("name", "problem"),
    "engine.save_misshapen": ("name",),
    "engine.saves_entry": ("name", "when", "location", "saved_at"),
    "engine.autosave_failed": ("problem",),
    "engine.delete_question": ("name",),
    "engine.deleted": ("name",),
    "engine.score": ("score", "turns"),
    "engine.score_out_of": ("score", "max_score", "turns"),
    "engine.one_turn": ("count",),
    "engine.turns": ("count",),
    # saving
    "engine.replace_question": ("name",),
}
