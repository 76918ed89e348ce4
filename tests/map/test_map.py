"""`elysium map`: the world's map from the exits, as text, SVG and DOT, with a region for each pack
and the ways with a condition and the locked doors marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from elysium import cli
from elysium.content import load_content
from elysium.worldmap.drawing import dot_map, svg_map
from elysium.worldmap.text import text_map
from elysium.worldmap.world import world_map

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HOUSE, SHED = FIXTURES / "explore" / "clean", FIXTURES / "map" / "shed"
SVG = "{http://www.w3.org/2000/svg}"

HOUSE_AND_SHED = """\
The Quiet House: 6 rooms, 2 packs

                     Garden           Pantry
                        #                +
1:Potting Shed─?────Parlour──────────Kitchen

    Attic

Other connections:
  Parlour up → Attic (if flag: ladder_down)
  Attic down → Parlour

Packs:
  The Quiet House (quiet_house, the game): 5 rooms
  Garden Shed (garden_shed, mod 1): 1 room

Legend: ─ │ ╱ ╲ a way between rooms next to each other; on it ? a way with a condition, # a door that starts locked, + a door; N:Name a room of mod N.
"""


@pytest.fixture(scope="module")
def world():
    return world_map(load_content(HOUSE, (SHED,)))


def test_the_text_map_lays_the_rooms_out_by_their_compass_ways_and_marks_them(world) -> None:
    assert text_map(world) == HOUSE_AND_SHED


def test_every_room_gets_a_spot_even_in_a_pack_without_positions() -> None:
    world = world_map(load_content(FIXTURES / "rules"))
    assert set(world.where) == set(world.places) == {"foyer", "bar", "cloakroom", "vault"}
    assert world.where["bar"] == (world.where["foyer"][0], world.where["foyer"][1] - 1)  # south is down


def test_the_svg_is_well_formed_with_a_region_per_pack_and_the_marks(world) -> None:
    root = ElementTree.fromstring(svg_map(world))
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    assert {"region-quiet_house", "region-garden_shed", "pack-quiet_house", "pack-garden_shed", "legend"} <= set(groups)
    rooms = [g.get("id") for g in groups["pack-garden_shed"].iter(f"{SVG}g") if g.get("class") == "room"]
    assert rooms == ["room-garden_shed:shed"]
    ways = {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("way ") or g.get("class") == "way"}
    shed = ways["parlour west → garden_shed:shed; garden_shed:shed east → parlour (if flag: shed_unbolted)"]
    assert shed.get("class") == "way if" and shed.find(f"{SVG}line").get("stroke-dasharray")
    garden = next(g for title, g in ways.items() if title.startswith("parlour north → garden"))
    assert garden.get("class") == "way locked door" and garden.find(f"{SVG}line").get("stroke") == "#c0392b"
    attic = next(g for title, g in ways.items() if title.startswith("parlour up → attic"))
    assert attic.find(f"{SVG}path") is not None and attic.find(f"{SVG}text").text == "up"
    legend = " ".join(t.text for t in groups["legend"].iter(f"{SVG}text"))
    assert "a way with a condition" in legend and "a door that starts locked" in legend
    assert "Garden Shed (garden_shed, mod 1)" in legend


def test_the_dot_has_a_cluster_per_pack_an_edge_per_way_and_the_marks(world) -> None:
    dot = dot_map(world)
    assert dot.startswith("digraph world {\n") and dot.endswith("}\n")
    assert dot.count("{") == dot.count("}")
    assert 'subgraph "cluster_quiet_house" {' in dot and 'subgraph "cluster_garden_shed" {' in dot
    nodes = set(re.findall(r'^    "([^"]+)" \[label=', dot, re.M))
    edges = re.findall(r'^  "([^"]+)" -> "([^"]+)" \[(.*)\];$', dot, re.M)
    assert nodes == set(world.places)
    assert len(edges) == len(world.ways()) and {end for edge in edges for end in edge[:2]} <= nodes
    marks = {(a, b): attributes for a, b, attributes in edges}
    assert "style=dashed" in marks[("garden_shed:shed", "parlour")]
    assert 'color="#c0392b"' in marks[("parlour", "garden")] and "style=dashed" not in marks[("parlour", "garden")]
    assert "style" not in marks[("parlour", "kitchen")] and "color" not in marks[("parlour", "kitchen")]
    assert "legend [shape=note" in dot


def map_cli(*args: str | Path) -> int:
    return cli.main(["map", *map(str, args)])


def test_the_command_prints_the_text_map(capsys) -> None:
    assert map_cli("--content", HOUSE, "--mod", SHED) == 0
    assert capsys.readouterr().out == HOUSE_AND_SHED


@pytest.mark.parametrize("option, start", [("--svg", "<svg "), ("--dot", "digraph world {")])
def test_the_command_writes_svg_or_dot_to_a_file(option, start, tmp_path, capsys) -> None:
    target = tmp_path / "map.out"
    assert map_cli("--content", HOUSE, option, target) == 0
    assert target.read_text(encoding="utf-8").startswith(start)
    assert capsys.readouterr().out == f"wrote {target} (5 rooms)\n"


def test_the_campus_map_draws_every_room(tmp_path) -> None:
    world = world_map(load_content(None))
    assert set(world.where) == set(world.places)
    ElementTree.fromstring(svg_map(world))
    assert "The Gatehouse" in svg_map(world) and "Fountain Court" in text_map(world)


def test_bad_input_gets_a_message(tmp_path, capsys) -> None:
    assert map_cli("--content", tmp_path / "nowhere") == 2
    assert "no map was drawn" in capsys.readouterr().err
    assert map_cli("--content", HOUSE, "--svg", tmp_path / "no" / "such" / "map.svg") == 1
    assert "cannot write the map" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        map_cli("--svg", tmp_path / "a.svg", "--dot", tmp_path / "a.dot")


def test_the_guide_shows_the_map_the_command_draws() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "modding.md").read_text(encoding="utf-8")
    section = guide.split("\n## elysium map\n", 1)[1].split("\n## ", 1)[0]
    shown = section.split("$ elysium map --content tests/fixtures/explore/clean --mod tests/fixtures/map/shed\n", 1)[1]
    assert shown.split("```", 1)[0] == HOUSE_AND_SHED


def test_a_mods_number_stays_whole_before_a_shortened_name() -> None:
    lantern_walk = Path(__file__).resolve().parents[2] / "examples" / "lantern_walk"
    text = text_map(world_map(load_content(None, (lantern_walk,))))
    assert "1:Lamplighter's" in text and "1:Rampart over" in text  # "The" dropped, the rest cut to fit
