"""The engine's own sentences: the parser's, when it cannot act, asks, or is corrected.

The parser hands back a key and its parameters; a word the player typed arrives already quoted
(`"glorb"`), a thing as its name with "the" ("the small brass key"), a list of things as
"the lute or the case".
"""

MESSAGES: dict[str, str] = {
    "parser.nothing_said": "You pause, but say nothing.",
    "parser.unknown_verb": "You don't know how to {word}. (Type HELP for the verbs you can use.)",
    "parser.unknown_word": "You don't know the word {word}.",
    "parser.misplaced": "You're not sure what {word} means there.",
    "parser.not_here": "You can't see any {words} here.",
    "parser.gone": "You can't see that here any more.",
    "parser.confused": "You're not sure what you mean by {words}.",
    "parser.confused_usage": "You're not sure what you mean by {words}. Try {usage}.",
    "parser.one_at_a_time": "You can only {verb} one thing at a time.",
    "parser.all_not_allowed":
        'You can only use "all" when taking, dropping, putting, wearing or removing things.',
    "parser.nothing_to_take": "There is nothing here to take.",
    "parser.nothing_to_take_from": "There is nothing there to take.",
    "parser.nothing_to_drop": "You are not carrying anything to drop.",
    "parser.nothing_to_put": "You are not carrying anything to put there.",
    "parser.nothing_to_wear": "You are not carrying anything you could wear.",
    "parser.nothing_worn": "You are not wearing anything.",
    "parser.nothing_for_all": "There is nothing here for that.",
    "parser.nobody_here": "There is nobody here to {verb}.",
    "parser.pronoun_unset": "You haven't mentioned anything that {pronoun} could mean yet.",
    "parser.pronoun_gone": "You can't see what {pronoun} meant here any more.",
    "parser.which": "Which do you mean, {things}?",
    "parser.which_only_one": "You can only choose one. Which do you mean, {things}?",
    "parser.which_only_so_many": "There are only {count} to choose from. Which do you mean, {things}?",
    "parser.still_unclear": "That could still mean {things}. Try again with a word only one of them has.",
    "parser.ask_what": "What do you want to {verb}?",
    "parser.ask_who": "Who do you want to {verb}?",
    "parser.ask_which_way": "Which way do you want to {verb}?",
    "parser.ask_where": "Where do you want to {verb} {objects}?",
    "parser.ask_into": "What do you want to {verb} {objects} into?",
    "parser.ask_on": "What do you want to {verb} {objects} on?",
    "parser.ask_about": "What do you want to {verb} {objects} about?",
    "parser.oops_nothing": "There is nothing to correct.",
    "parser.oops_no_word": "Type OOPS and the word you meant, such as OOPS LANTERN.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    "parser.unknown_verb": ("word",),
    "parser.unknown_word": ("word",),
    "parser.misplaced": ("word",),
    "parser.not_here": ("words",),
    "parser.confused": ("words",),
    "parser.confused_usage": ("words", "usage"),
    "parser.one_at_a_time": ("verb",),
    "parser.nobody_here": ("verb",),
    "parser.pronoun_unset": ("pronoun",),
    "parser.pronoun_gone": ("pronoun",),
    "parser.which": ("things",),
    "parser.which_only_one": ("things",),
    "parser.which_only_so_many": ("things", "count"),
    "parser.still_unclear": ("things",),
    "parser.ask_what": ("verb",),
    "parser.ask_who": ("verb",),
    "parser.ask_which_way": ("verb",),
    "parser.ask_where": ("verb", "objects"),
    "parser.ask_into": ("verb", "objects"),
    "parser.ask_on": ("verb", "objects"),
    "parser.ask_about": ("verb", "objects"),
}
