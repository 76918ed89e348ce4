"""The TUI's pure parts, without an app: the map drawing, word completion, the meter bar."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style

from elysium.engine import Game
from elysium.tui.completion import CommandSuggester
from elysium.tui.widgets.campus_map import draw_map, label, placed, shown
from elysium.view import GameView, MapRoom, view_of
from tui_support import FIXTURE_WORLD

PLAIN = {name: Style() for name in ("here", "room", "unknown", "link")}


def room(id, position, exits, visited=False, here=False, name=None):
    return MapRoom(id, name or id.title(), position, exits, visited, here)


def view_with(*rooms) -> GameView:
    game = Game.new(FIXTURE_WORLD, 0)
    base = view_of(game)
    return GameView(**{**base.__dict__, "rooms": tuple(rooms)})


def test_the_map_of_the_fixture_world_grows_as_it_is_explored():
    game = Game.new(FIXTURE_WORLD, 0)
    first = draw_map(view_of(game), 36, PLAIN).plain
    assert "Vestibule" in first and "?" in first and "Practice" not in first
    for line in ("n", "e"):
        game.turn(line)
    later = draw_map(view_of(game), 36, PLAIN).plain.splitlines()
    assert "Practice" in later[0] and "Chapel" in later[0] and "─" in later[0]
    assert "│" in later[1]
    assert "Vestibule" in later[2]


def test_rooms_without_positions_are_placed_beside_a_neighbour():
    rooms = (room("hall", (0, 0), {"north": "attic", "east": "shed"}, visited=True, here=True),
             room("attic", None, {"south": "hall"}),
             room("shed", None, {"west": "hall"}),
             room("far", (5, 5), {}))
    where = placed(rooms)
    assert where == {"hall": (0, 0), "attic": (0, 1), "shed": (1, 0), "far": (5, -5)}  # y north
    assert shown(rooms) == {"hall", "attic", "shed"}


def test_north_is_up_whichever_way_the_pack_counts_y():
    def college(north_y: int):
        return view_with(room("gate", (0, 0), {"north": "court"}, visited=True, here=True, name="Gate"),
                         room("court", (0, north_y), {"south": "gate"}, visited=True, name="Court"))

    documented = draw_map(college(-1), 20, PLAIN).plain.splitlines()  # y grows south (docs/content.md)
    other_way = draw_map(college(1), 20, PLAIN).plain.splitlines()
    assert documented == other_way
    assert "Court" in documented[0] and "Gate" in documented[2]


def test_only_visited_rooms_and_their_neighbours_are_named():
    v = view_with(room("a", (0, 0), {"east": "b"}, visited=True, here=True, name="Alpha"),
                  room("b", (1, 0), {"west": "a", "east": "c"}, name="Beta"),
                  room("c", (2, 0), {"west": "b"}, name="Gamma"))
    drawn = draw_map(v, 40, PLAIN).plain
    assert "Alpha" in drawn and "?" in drawn
    assert "Beta" not in drawn and "Gamma" not in drawn


def test_the_room_here_gets_the_here_style():
    v = view_with(room("a", (0, 0), {}, visited=True, here=True, name="Alpha"))
    styles = {**PLAIN, "here": Style(reverse=True)}
    text = draw_map(v, 20, styles)
    start = text.plain.index("Alpha")
    assert text.get_style_at_offset(Console(), start).reverse


def test_diagonal_links():
    v = view_with(room("a", (0, 0), {"northeast": "b"}, visited=True, here=True, name="A"),
                  room("b", (1, 1), {"southwest": "a", "southeast": "c"}, visited=True, name="B"),
                  room("c", (2, 0), {"northwest": "b"}, visited=True, name="C"))
    lines = draw_map(v, 30, PLAIN).plain.splitlines()
    assert "╱" in lines[1] and "╲" in lines[1]


def test_labels_keep_whole_words_when_they_can():
    assert label("The Hall of Voices", 20) == "Hall of Voices"
    assert label("Hall of Voices", 10) == "Hall"
    assert label("Practice Hall", 10) == "Practice"
    assert label("Cloakroom", 6) == "Cloak\u2026"


def test_completion_of_verbs_nouns_and_directions():
    game = Game.new(FIXTURE_WORLD, 0)
    suggester = CommandSuggester()
    suggester.refresh(game)
    assert suggester.complete("exa") == "examine"
    assert suggester.complete("EXA") == "EXAmine"
    assert suggester.complete("open the ch") == "open the chest"
    assert suggester.complete("go nor") == "go north"
    assert suggester.complete("unlock door wi") == "unlock door wicker"  # things in reach come first
    assert suggester.complete("unlock door wit") == "unlock door with"
    assert suggester.complete("take ") is None
    assert suggester.complete("take [lan") is None
    assert suggester.complete("") is None
    assert suggester.complete("pu") == "pull"  # a verb of the game's own
