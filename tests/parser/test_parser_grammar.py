"""Every row of the grammar table: what the player types and the Command the engine receives."""

from __future__ import annotations

import pytest

from elysium.parser import Command, Vocabulary

C = Command

ROWS = [
    # looking
    ("look", C("look")),
    ("l", C("look")),
    ("look around", C("look")),
    ("look at lute", C("examine", ("lute",))),
    ("examine lute", C("examine", ("lute",))),
    ("x lute", C("examine", ("lute",))),
    ("inspect the lute", C("examine", ("lute",))),
    ("describe lute", C("examine", ("lute",))),
    ("check lute", C("examine", ("lute",))),
    ("look in chest", C("search", ("chest",))),
    ("look inside the chest", C("search", ("chest",))),
    ("search chest", C("search", ("chest",))),
    # taking and dropping
    ("take lute", C("take", ("lute",))),
    ("get lute", C("take", ("lute",))),
    ("pick up lute", C("take", ("lute",))),
    ("pick lute up", C("take", ("lute",))),
    ("grab lute", C("take", ("lute",))),
    ("take key from chest", C("take", ("brass_key",), second="chest")),
    ("take key out of chest", C("take", ("brass_key",), second="chest")),
    ("take lute off brass hook", C("take", ("lute",), second="brass_hook")),
    ("remove key from chest", C("take", ("brass_key",), second="chest")),
    ("drop scroll", C("drop", ("old_scroll",))),
    ("put down scroll", C("drop", ("old_scroll",))),
    ("put scroll down", C("drop", ("old_scroll",))),
    ("discard scroll", C("drop", ("old_scroll",))),
    # putting
    ("put scroll in chest", C("put", ("old_scroll",), second="chest", preposition="in")),
    ("put scroll into chest", C("put", ("old_scroll",), second="chest", preposition="in")),
    ("put scroll inside chest", C("put", ("old_scroll",), second="chest", preposition="in")),
    ("insert scroll in chest", C("put", ("old_scroll",), second="chest", preposition="in")),
    ("insert scroll into chest", C("put", ("old_scroll",), second="chest", preposition="in")),
    ("put grey cloak on brass hook", C("put", ("grey_cloak",), second="brass_hook", preposition="on")),
    ("put grey cloak onto iron hook", C("put", ("grey_cloak",), second="iron_hook", preposition="on")),
    ("place candle on chest", C("put", ("candle",), second="chest", preposition="on")),
    ("hang grey cloak on iron hook", C("put", ("grey_cloak",), second="iron_hook", preposition="on")),
    ("set candle on chest", C("put", ("candle",), second="chest", preposition="on")),
    # opening and locking
    ("open chest", C("open", ("chest",))),
    ("close chest", C("close", ("chest",))),
    ("shut door", C("close", ("oak_door",))),
    ("lock door with key", C("lock", ("oak_door",), second="brass_key")),
    ("unlock door with key", C("unlock", ("oak_door",), second="brass_key")),
    ("lock door", C("lock", ("oak_door",))),
    ("unlock the oak door", C("unlock", ("oak_door",))),
    # clothes
    ("wear grey cloak", C("wear", ("grey_cloak",))),
    ("put on grey cloak", C("wear", ("grey_cloak",))),
    ("put grey cloak on", C("wear", ("grey_cloak",))),
    ("don grey cloak", C("wear", ("grey_cloak",))),
    ("remove red cloak", C("remove", ("red_cloak",))),
    ("take off red cloak", C("remove", ("red_cloak",))),
    ("take red cloak off", C("remove", ("red_cloak",))),
    ("doff red cloak", C("remove", ("red_cloak",))),
    # reading and light
    ("read old scroll", C("read", ("old_scroll",))),
    ("light candle", C("light", ("candle",))),
    ("turn on candle", C("switch_on", ("candle",))),
    ("switch on candle", C("switch_on", ("candle",))),
    ("turn candle on", C("switch_on", ("candle",))),
    ("flip candle", C("flip", ("candle",))),
    ("toggle candle", C("flip", ("candle",))),
    ("extinguish candle", C("douse", ("candle",))),
    ("douse candle", C("douse", ("candle",))),
    ("put out candle", C("douse", ("candle",))),
    ("put candle out", C("douse", ("candle",))),
    ("turn off candle", C("switch_off", ("candle",))),
    ("switch off candle", C("switch_off", ("candle",))),
    ("turn candle off", C("switch_off", ("candle",))),
    ("blow out candle", C("douse", ("candle",))),
    ("blow candle out", C("douse", ("candle",))),
    # inventory
    ("inventory", C("inventory")),
    ("i", C("inventory")),
    ("inv", C("inventory")),
    # moving
    ("go north", C("go", direction="north")),
    ("walk south", C("go", direction="south")),
    ("run east", C("go", direction="east")),
    ("west", C("go", direction="west")),
    ("n", C("go", direction="north")),
    ("s", C("go", direction="south")),
    ("e", C("go", direction="east")),
    ("w", C("go", direction="west")),
    ("ne", C("go", direction="northeast")),
    ("nw", C("go", direction="northwest")),
    ("se", C("go", direction="southeast")),
    ("sw", C("go", direction="southwest")),
    ("northeast", C("go", direction="northeast")),
    ("go north east", C("go", direction="northeast")),
    ("go south-west", C("go", direction="southwest")),
    ("u", C("go", direction="up")),
    ("d", C("go", direction="down")),
    ("up", C("go", direction="up")),
    ("down", C("go", direction="down")),
    ("go up", C("go", direction="up")),
    ("in", C("go", direction="in")),
    ("out", C("go", direction="out")),
    ("go in", C("go", direction="in")),
    ("go out", C("go", direction="out")),
    ("enter", C("go", direction="in")),
    ("exit", C("go", direction="out")),
    ("leave", C("go", direction="out")),
    ("enter door", C("enter", ("oak_door",))),
    ("go into the door", C("enter", ("oak_door",))),
    ("go in door", C("enter", ("oak_door",))),
    # time
    ("wait", C("wait")),
    ("z", C("wait")),
    ("wait 30", C("wait", text="30")),
    ("wait 30 minutes", C("wait", text="30 minutes")),
    ("wait 2 hours", C("wait", text="2 hours")),
    ("wait until 9:00", C("wait", text="until 9:00")),
    ("wait for 9:00", C("wait", text="for 9:00")),
    ("again", C("again")),
    ("g", C("again")),
    ("undo", C("undo")),
    # people
    ("ask warden about the wards", C("ask", ("warden",), text="wards")),
    ("ask Ilsa about the Old Tower", C("ask", ("warden",), text="old tower")),
    ("question warden about wards", C("ask", ("warden",), text="wards")),
    ("tell warden about my lute", C("ask", ("warden",), text="my lute")),
    ("ask about wards", C("ask", ("warden",), text="wards")),
    ("warden, wards", C("ask", ("warden",), text="wards")),
    ("talk to warden", C("talk", ("warden",))),
    ("speak to warden", C("talk", ("warden",))),
    ("speak with warden", C("talk", ("warden",))),
    ("greet warden", C("talk", ("warden",))),
    ("hello warden", C("talk", ("warden",))),
    ("hello", C("talk", ("warden",))),
    ("talk", C("talk", ("warden",))),
    # the game itself
    ("help", C("help")),
    ("h", C("help")),
    ("?", C("help")),
    ("hint", C("help")),
    ("commands", C("help")),
    ("score", C("score")),
    ("time", C("time")),
    ("clock", C("time")),
    ("quit", C("quit")),
    ("q", C("quit")),
    ("sleep", C("sleep")),
    ("rest", C("sleep")),
    ("timetable", C("timetable")),
    ("schedule", C("timetable")),
    ("attend", C("attend")),
    ("attend class", C("attend", text="class")),
    ("attend music theory", C("attend", text="music theory")),
    ("journal", C("journal")),
    ("lore", C("journal")),
    ("notes", C("journal")),
    ("status", C("status")),
    ("skills", C("status")),
    ("stats", C("status")),
    ("perform", C("perform")),
    ("perform the lay of the lark", C("perform", text="lay of lark")),
    ("recite ode", C("perform", text="ode")),
    ("practice scales", C("practice", text="scales")),
    ("practise", C("practice")),
    ("restart", C("restart")),
    ("save", C("save")),
    ("save slot2", C("save", text="slot2")),
    ("restore slot2", C("restore", text="slot2")),
    ("load slot2", C("load", text="slot2")),
    ("saves", C("saves")),
    ("delete slot2", C("delete", text="slot2")),
    # the game's own verbs
    ("ring", C("ring")),
    ("ring brass hook", C("ring", ("brass_hook",), text="brass hook")),
    ("strike brass hook with lute", C("ring", ("brass_hook",), second="lute", text="brass hook with lute")),
    ("toll iron hook", C("ring", ("iron_hook",), text="iron hook")),
    ("knock on door", C("knock", ("oak_door",), text="on door")),
    ("play lute", C("play_music", ("lute",), text="lute")),
    ("play", C("play_music")),
    ("pull rope", C("pull_rope")),
]


@pytest.mark.parametrize(("typed", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_grammar_row(world, typed: str, expected: Command) -> None:
    assert world.parse(typed) == expected


def test_upper_case_and_punctuation_are_ignored(world) -> None:
    assert world.parse("TAKE the Lute!") == C("take", ("lute",))
    assert world.parse('Examine "lute"?') == C("examine", ("lute",))


def test_play_is_perform_when_the_game_has_no_play_verb(world) -> None:
    plain = Vocabulary(world.vocabulary.nouns, world.vocabulary.adjectives, {})
    assert world.parse("play", vocabulary=plain) == C("perform")
    assert world.parse("play the lay of the lark", vocabulary=plain) == C("perform", text="lay of lark")


def test_table_verbs_keep_their_meaning_over_game_verbs(world) -> None:
    # The fixture game defines "read" and "blow" itself; the table's sentences still win.
    assert world.parse("read old scroll") == C("read", ("old_scroll",))
    assert world.parse("blow out candle") == C("douse", ("candle",))


def test_a_game_verb_gets_a_table_word_when_the_table_has_no_such_sentence(world) -> None:
    assert world.parse("blow lute") == C("blow_horn", ("lute",), text="lute")


def test_directions_keep_their_meaning_over_game_verbs(world) -> None:
    vocabulary = Vocabulary(world.vocabulary.nouns, world.vocabulary.adjectives, {"up": "climb", "n": "nod"})
    assert world.parse("up", vocabulary=vocabulary) == C("go", direction="up")
    assert world.parse("n", vocabulary=vocabulary) == C("go", direction="north")


def test_game_verbs_are_matched_case_insensitively(world) -> None:
    vocabulary = Vocabulary(world.vocabulary.nouns, world.vocabulary.adjectives, {"Pray": "pray"})
    assert world.parse("PRAY", vocabulary=vocabulary) == C("pray")
