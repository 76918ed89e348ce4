"""`elysium new-mod`: a small, working mod to start from, joined to the Starred Blocks campus.

The files it writes are a complete example of the format (a manifest, a room reached through a
patched exit, an item with a rule, a person with topics and a schedule) and a playthrough that
passes, so a modder changes something that works rather than starting from a blank page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from elysium import __version__
from elysium.content.jsonschema import content_schema

MODELINE = "# yaml-language-server: $schema=elysium.schema.json\n"

MANIFEST = """\
# yaml-language-server: $schema=elysium.schema.json
id: {id}
name: {name}
version: 0.1.0
engine: ">={engine}"
requires: [starred_blocks]
description: A walled herb garden off Fountain Court, and the student who tends it.
"""

CONTENT = """\
# yaml-language-server: $schema=elysium.schema.json
# Everything here belongs to the pack '{id}': inside it, ids are bare ("herb_garden"); other packs'
# ids carry their pack's name ("starred_blocks:fountain_court").

rooms:
  herb_garden:
    name: The Herb Garden
    description:
      - if: {{period: night}}
        text: >-
          Moonlight silvers the gravel between the beds. The lavender smells stronger in the dark,
          and somewhere a cricket keeps time. Fountain Court lies back to the southwest.
      - text: >-
          A small walled garden of thyme, sage and lavender, humming with bees. A stone bench sits
          in the sun, and a gate in the wall opens southwest onto Fountain Court.
    exits:
      southwest: starred_blocks:fountain_court

items:
  lavender:
    name: sprig of lavender
    nouns: [lavender, sprig]
    description: A sprig of lavender, grey-green and sweet. Bards tuck it behind the ear for luck.
    location: herb_garden
    here: A sprig of lavender lies on the bench where someone left it.
    rules:
      - "on": take
        once: true
        continue: true
        do:
          - say: You breathe in the scent of lavender, and your nerves settle like dust.
          - score: 1

  garden_bench:
    name: stone bench
    nouns: [bench]
    description: A warm stone bench, worn smooth by students who came here to learn lines.
    location: herb_garden
    scenery: true
    supporter: true

npcs:
  gardener:
    name: Rosalind Thorne
    nouns: [rosalind, thorne, gardener]
    description: A second-year student with soil on her knees and a pencil behind her ear.
    location: herb_garden
    here: Rosalind Thorne kneels among the sage, humming.
    greeting: Rosalind sits back on her heels and smiles. "Mind the bees. They're in a good mood."
    default: Rosalind shrugs. "Ask me about herbs. Anything else, ask a master."
    schedule:
      - {{at: "07:00", room: herb_garden}}
      - {{at: "21:00", room: starred_blocks:larkspur_house}}
    topics:
      herbs:
        keywords: [herbs, herb, sage, thyme]
        text: '"Sage for the throat, thyme for courage, and lavender for the nerves before a recital."'
      lavender:
        keywords: [lavender, sprig]
        text: '"Take a sprig. Everyone performs better with something to fidget with."'
      bees:
        keywords: [bees, bee, hives]
        text: '"They were here before the college. The Provost pretends they pay rent."'
      recitals:
        keywords: [recital, recitals, nerves]
        text: '"Breathe out longer than you breathe in. And never look at the front row."'
      garden:
        keywords: [garden, wall, gate]
        text: '"Nobody tends it but me. That is the best thing about it."'

patch:
  rooms:
    starred_blocks:fountain_court:
      exits:
        northeast: herb_garden
"""

PLAYTHROUGH = """\
# The herb garden: run with `elysium test {folder}/tests`.
** mod: ..
** seed: 1

* the-herb-garden-opens-off-fountain-court
> show letter to warden
> north
Fountain Court
> northeast
The Herb Garden
Rosalind Thorne kneels among the sage
{{state}} location == {id}:herb_garden
> take lavender
You breathe in the scent of lavender
{{state}} items.{id}:lavender.at == player
{{state}} score >= 1
> ask rosalind about bees
They were here before the college
> southwest
Fountain Court
"""


def mod_id(name: str) -> str:
    """A pack id from a name: 'Herb Garden' -> 'herb_garden'."""
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        slug = f"mod_{slug}".rstrip("_")
    return slug


def create_mod(name: str, parent: Path) -> Path:
    """Write a new mod into parent/<id>; refuses to overwrite anything."""
    return _write_pack(name, parent, {"pack.yaml": MANIFEST, "{id}.yaml": CONTENT, "tests/{id}.regtest": PLAYTHROUGH})


def _write_pack(name: str, parent: Path, templates: dict[str, str]) -> Path:
    """A new pack in parent/<id>, each file (its name may use {id}) made from its template, and the
    JSON Schema beside them for editors; refuses to overwrite anything."""
    identifier = mod_id(name)
    folder = parent / identifier
    if folder.exists():
        raise FileExistsError(f"{folder} already exists; choose another name or --dir")
    (folder / "tests").mkdir(parents=True)
    values = {"id": identifier, "name": name.strip() or identifier, "engine": __version__,
              "folder": folder.as_posix()}
    for file, template in templates.items():
        (folder / file.format(id=identifier)).write_text(template.format(**values), encoding="utf-8")
    (folder / "elysium.schema.json").write_text(json.dumps(content_schema(), indent=2) + "\n", encoding="utf-8")
    return folder


GAME_MANIFEST = """\
# yaml-language-server: $schema=elysium.schema.json
id: {id}
name: {name}
version: 0.1.0
engine: ">={engine}"
game:
  title: {name}
  intro: You wake in a small room with the door ajar.
  start: bedroom
  max_score: 1
  # The campus systems this game uses, from: clock, energy, standing, classes, recitals, lore,
  # sleep. None: a plain parser game (no time of day, no journal, no timetable).
  features: []
"""

GAME_CONTENT = """\
# yaml-language-server: $schema=elysium.schema.json
rooms:
  bedroom:
    name: Bedroom
    description: A small room with a narrow bed. The door to the north stands ajar.
    exits:
      north: landing
  landing:
    name: Landing
    description: A creaking landing. The bedroom is back to the south.
    exits:
      south: bedroom

items:
  candle:
    name: candle
    description: A stub of candle in a tin holder.
    location: bedroom
    rules:
      - "on": take
        once: true
        continue: true
        do: [{{score: 1}}, {{end: found_the_candle}}]

endings:
  found_the_candle:
    title: A light of your own
    text: With the candle in hand, the house seems less dark.
    win: true
"""

GAME_PLAYTHROUGH = """\
# Run with `elysium test {folder}/tests`.
** content: ..
** seed: 1

* taking-the-candle-wins
> take candle
A light of your own
{{state}} score == 1
"""


def create_game(name: str, parent: Path) -> Path:
    """Write a new stand-alone game into parent/<id>: a plain parser game (`features: []`) that
    plays and passes its playthrough; refuses to overwrite anything."""
    return _write_pack(name, parent, {"pack.yaml": GAME_MANIFEST, "world.yaml": GAME_CONTENT,
                                      "tests/{id}.regtest": GAME_PLAYTHROUGH})
