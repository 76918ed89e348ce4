"""`game: features:` names the campus systems a game uses; content of any other is refused at
validate with its position and the feature to add."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elysium.content import ContentError, load_content
from elysium.content.features import ALL

ROOT = Path(__file__).resolve().parents[2]


def write_pack(tmp_path: Path, features: str | None, **files: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    line = f"  features: {features}\n" if features is not None else ""
    (folder / "pack.yaml").write_text(
        "id: tiny\nname: Tiny\nversion: 0.1.0\ngame:\n  title: Tiny\n  intro: You arrive.\n  start: hall\n" + line)
    (folder / "hall.yaml").write_text("rooms:\n  hall:\n    name: Hall\n    description: A bare hall.\n")
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text))
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(p).removeprefix(f"{folder}/") for p in caught.value.problems]


def test_a_manifest_without_features_is_a_plain_game(tmp_path):
    folder = write_pack(tmp_path, None)
    assert load_content(folder).game.features == frozenset()


def test_the_campus_and_the_fixture_world_use_every_feature():
    for folder in (ROOT / "content" / "starred_blocks", ROOT / "tests" / "fixtures" / "world"):
        assert load_content(folder).game.features == ALL


def test_a_class_in_a_game_without_classes_names_the_feature_at_its_place(tmp_path):
    folder = write_pack(tmp_path, "[]", classes="""\
        classes:
          singing:
            name: Singing
            instructor: nobody
            room: hall
            days: [Moonday]
            start: "09:00"
            end: "10:00"
            skill: voice
        """)
    found = [p for p in problems(folder) if "feature" in p]
    assert found == ["classes.yaml:2:3: error: the class 'singing' belongs to the feature 'classes', which this "
                     "game does not use: add 'classes' to game: features in the game's pack.yaml"]


@pytest.mark.parametrize(("text", "where", "feature"), [
    ("lore:\n  legend: {title: A legend, text: Long ago.}\n", "extra.yaml:2:3", "lore"),
    ("rooms:\n  loft: {name: Loft, description: Beds., bed: true}\n", "extra.yaml:2:42", "sleep"),
    ("rules:\n  r: {on: [look], do: [{energy: -5}]}\n", "extra.yaml:2:25", "energy"),
    ("rules:\n  r: {on: [look], if: {reputation: {at_least: 1}}, do: [{say: Hi}]}\n", "extra.yaml:2:24", "standing"),
    ("rules:\n  r: {on: [look], do: [{skill: voice, add: 2}]}\n", "extra.yaml:2:25", "classes"),
])
def test_campus_content_in_a_plain_game_is_an_error_at_its_place(tmp_path, text, where, feature):
    folder = write_pack(tmp_path, "[]")
    (folder / "extra.yaml").write_text(text)
    found = [p for p in problems(folder) if "feature" in p]
    assert len(found) == 1 and found[0].startswith(f"{where}: error: ")
    assert f"add {feature!r} to game: features" in found[0]


def test_the_game_section_s_term_needs_the_clock(tmp_path):
    folder = write_pack(tmp_path, "[]")
    with (folder / "pack.yaml").open("a") as manifest:
        manifest.write("  term_days: 5\n")
    assert problems(folder) == ["pack.yaml:9:3: error: game: term_days belongs to the feature 'clock', which this "
                                "game does not use: add 'clock' to game: features in the game's pack.yaml"]


def test_an_unknown_feature_gets_did_you_mean_and_a_feature_its_companions(tmp_path):
    folder = write_pack(tmp_path, "[clok, classes]")
    assert problems(folder) == [
        "pack.yaml:8:14: error: unknown feature 'clok' (did you mean 'clock'?)",
        "pack.yaml:8:20: error: the feature 'classes' needs the feature 'clock' too: add it to the list",
        "pack.yaml:8:20: error: the feature 'classes' needs the feature 'energy' too: add it to the list",
    ]


def test_content_of_a_feature_the_game_names_loads(tmp_path):
    folder = write_pack(tmp_path, "[lore, standing]")
    (folder / "extra.yaml").write_text("lore:\n  legend: {title: A legend, text: Long ago.}\n"
                                       "rules:\n  r: {on: [look], do: [{learn: legend}, {standing: 1}]}\n")
    assert load_content(folder).game.features == {"lore", "standing"}


def test_new_game_writes_a_plain_game_that_validates_and_whose_playthrough_passes(tmp_path, capsys):
    import io

    from elysium.cli import main
    from elysium.transcript import run_paths

    assert main(["new-game", "Dark House", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "dark_house"
    assert "features: []" in (folder / "pack.yaml").read_text()
    content = load_content(folder)
    assert content.game.features == frozenset() and content.warnings == ()
    out = io.StringIO()
    assert run_paths([folder / "tests"], out) == 0, out.getvalue()
    assert main(["new-game", "Dark House", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def docs_block(path: Path, marker: str) -> str:
    """The fenced YAML block that follows `marker` in a docs file (or the first one after it)."""
    text = path.read_text(encoding="utf-8")
    after = text[text.index(marker):]
    return after.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_docs_example_of_a_plain_game_loads_as_a_plain_game(tmp_path):
    folder = tmp_path / "cottage"
    folder.mkdir()
    (folder / "pack.yaml").write_text(docs_block(ROOT / "docs" / "content.md", "<!-- features-example -->"))
    (folder / "garden.yaml").write_text("rooms:\n  garden: {name: Garden, description: Beans.}\n")
    assert load_content(folder).game.features == frozenset()
    (folder / "lore.yaml").write_text("lore:\n  coin: {title: The coin, text: Grandmother's.}\n")
    assert any("add 'lore' to game: features" in p for p in problems(folder))


def test_the_modding_guide_s_stand_alone_manifest_loads(tmp_path):
    folder = tmp_path / "dark_house"
    folder.mkdir()
    guide = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")
    marker = "# pack.yaml of a stand-alone game"
    (folder / "pack.yaml").write_text(marker + guide.split(marker, 1)[1].split("```", 1)[0])
    (folder / "rooms.yaml").write_text("rooms:\n  bedroom: {name: Bedroom, description: Small.}\n")
    assert load_content(folder).game.features == frozenset()


def test_a_rule_for_a_campus_verb_needs_its_feature_unless_the_game_has_its_own_verb(tmp_path):
    folder = write_pack(tmp_path, "[]", rules="""\
        rules:
          nap:
            "on": sleep
            do: [{say: Zzz.}]
        """)
    assert problems(folder) == ["rules.yaml:3:11: error: the verb 'sleep' of rule 'nap' belongs to the feature "
                                "'sleep', which this game does not use: add 'sleep' to game: features in the "
                                "game's pack.yaml"]
    (folder / "verbs.yaml").write_text("verbs:\n  sleep: {words: [sleep, nap], default: You doze.}\n")
    assert "nap" in load_content(folder).rules
