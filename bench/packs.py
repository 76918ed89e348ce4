"""Synthetic content packs of any size, valid per docs/content.md, and a walk to play in them.

A pack of N rooms is a grid W rooms wide (W = ceil(sqrt(N))), filled row by row, so every room has
its neighbours to the north, south, east and west and the whole grid is connected. Everything about
the room at (x, y) — its name, its prose, its two items, whether an NPC lives there — comes from a
random generator seeded with (x, y) alone, so the top-left corner of the 50,000-room pack is the
same as the whole of the 100-room pack and one scripted walk is legal in every size.

Per room: a description of 300-600 characters (a night variant in one room in seven), exits on the
grid (one room in eleven adds a diagonal that a flag guards), an `on_enter` greeting in one room in
thirteen, two items (one fixed, one portable; one portable item in five has a rule on `take`; one
room in twenty-five has a bell for the custom verb `ring`), an NPC in one room in five (with topics,
one of which has a condition and an effect; half of them keep a schedule), and lore read from books
in one room in twenty. A few daily timers and one ending make up the rest.

Packs are written once to bench/.cache/packs/ (git-ignored) and reused while the generator's
version and the room count match; delete the folder to regenerate.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from bench import GENERATOR_VERSION

CACHE = Path(__file__).resolve().parent / ".cache"
PACKS = CACHE / "packs"
ROOMS_PER_FILE = 200
STAMP = ".bench-pack.json"

# -- word banks ------------------------------------------------------------------------------------

PLACE_ADJ = ["Amber", "Silver", "Quiet", "Gilded", "Broken", "Moonlit", "Crooked", "Sunken", "High",
             "Lantern", "Willow", "Copper", "Painted", "Old", "Whispering", "Frosted", "Rose", "Iron",
             "Hollow", "Lesser", "Starlit", "Ivy", "Marble", "Cedar", "Velvet", "Drowned", "Golden"]
PLACE_NOUN = ["Cloister", "Gallery", "Courtyard", "Stair", "Hall", "Garden", "Passage", "Library",
              "Chapel", "Terrace", "Workshop", "Archive", "Landing", "Orchard", "Rotunda", "Vestry",
              "Colonnade", "Study", "Pantry", "Lecture Room", "Music Room", "Walk", "Bower", "Yard"]
MATERIALS = ["white marble", "dark oak", "rough sandstone", "grey slate", "pale limestone", "red brick",
             "polished walnut", "weathered cedar", "cold granite", "whitewashed plaster"]
LIGHTS = ["Sunlight slants through tall windows", "A single lamp burns low in a niche",
          "Candles gutter in iron sconces", "Grey light seeps through a high skylight",
          "Lanterns hang from hooks along the beams", "Warm light spills from a deep hearth",
          "Coloured light falls through a window of stained glass"]
SMELLS = ["beeswax and old paper", "woodsmoke", "rosin and varnish", "cut grass", "rain on warm stone",
          "lavender and dust", "ink and candle smoke", "bread from the kitchens", "wet moss"]
SOUNDS = ["a lute being tuned somewhere nearby", "the distant chime of the college bells",
          "footsteps in a corridor overhead", "the murmur of a lecture through the wall",
          "water trickling in a stone channel", "pigeons shuffling on the sills",
          "someone practising scales, badly", "wind worrying at a loose shutter"]
FEATURES = ["a carved frieze of lyres and laurel leaves", "a faded tapestry of a bard before a king",
            "a row of benches worn smooth by years of students", "a bust of some forgotten master",
            "a notice board crowded with pinned verses", "a narrow window looking over the rooftops",
            "shelves of battered songbooks", "a brass plaque naming the room's benefactor",
            "a cold fireplace full of pine cones", "a mural of the founding of the college"]
MOODS = ["It feels as if the room is listening.", "Nobody seems to have hurried here in years.",
         "The place has the hush of a held breath.", "Everything here looks lived in and well loved.",
         "Something about the echoes makes you lower your voice.",
         "It is the kind of room where ideas are argued late into the night."]

ITEM_ADJ = ["brass", "wooden", "silver", "chipped", "dusty", "painted", "heavy", "tiny", "faded",
            "copper", "glass", "leather", "iron", "carved", "cracked", "gilded", "woollen", "pewter"]
FIXED_NOUNS = ["bench", "statue", "lectern", "harp", "tapestry", "cabinet", "fountain", "organ",
               "bookcase", "sundial", "mirror", "clock", "table", "pillar", "chest"]
PORTABLE_NOUNS = ["flute", "quill", "songbook", "candle", "pebble", "ribbon", "whistle", "scroll",
                  "tuning fork", "spoon", "feather", "coin", "thimble", "lute string", "inkpot"]
FIRST_NAMES = ["Adela", "Bram", "Corin", "Delphine", "Edric", "Fenna", "Gideon", "Hester", "Ivo",
               "Jessamy", "Kestrel", "Linnet", "Merrick", "Nell", "Orrin", "Perrin", "Quenby",
               "Rowan", "Sabine", "Tobias", "Ulla", "Verity", "Wystan", "Yara"]
LAST_NAMES = ["Ashdown", "Birch", "Calloway", "Dunmore", "Ellery", "Fairweather", "Greaves",
              "Hollis", "Inchbald", "Jessop", "Kettle", "Larkin", "Moss", "Nightingale", "Oakes",
              "Penrose", "Quill", "Rook", "Sorrel", "Thorne", "Underhill", "Vance", "Wren"]
ROLES = ["student", "porter", "lecturer", "gardener", "librarian", "cook", "bard", "scholar"]
TOPICS = {
    "college": ["college", "school", "starred"],
    "music": ["music", "songs", "song"],
    "weather": ["weather", "rain", "sky"],
    "rumours": ["rumours", "rumour", "gossip", "news"],
}


@dataclass
class ItemPlan:
    id: str
    name: str
    noun: str
    adjectives: list[str]
    description: str
    portable: bool
    rule: bool = False
    readable: str | None = None  # a lore id
    bell: bool = False


@dataclass
class RoomPlan:
    x: int
    y: int
    id: str
    name: str
    description: str
    night: str | None
    exits: dict[str, str]
    guarded: tuple[str, str] | None  # (direction, room) of a flag-guarded diagonal
    greets: bool
    items: list[ItemPlan] = field(default_factory=list)
    npc: dict | None = None


def room_id(x: int, y: int) -> str:
    return f"r_{x}_{y}"


def grid_width(rooms: int) -> int:
    return math.isqrt(rooms - 1) + 1


def _sentence_prose(rng: random.Random, low: int, high: int, parts: list[str]) -> str:
    """Sentences from `parts` until the text is between low and high characters long."""
    text = ""
    order = parts[:]
    rng.shuffle(order)
    for sentence in order:
        if len(text) + len(sentence) + 1 > high:
            continue
        text = f"{text} {sentence}".strip()
        if len(text) >= low and rng.random() < 0.35:
            break
    return text


def room_plan(x: int, y: int, width: int, rooms: int) -> RoomPlan:
    """Everything about the room at (x, y), from (x, y) alone (and which neighbours exist)."""
    rng = random.Random(x * 1_000_003 + y)
    # What kind of room this is: drawn first, from (x, y) alone, never from the grid's width.
    night_variant, guarded_exit, greets, rule, readable, bell, schedule = (
        rng.random() < p for p in (1 / 7, 1 / 11, 1 / 13, 1 / 5, 1 / 20, 1 / 25, 1 / 2))
    name = f"The {rng.choice(PLACE_ADJ)} {rng.choice(PLACE_NOUN)}"
    material, light, smell, sound = (rng.choice(MATERIALS), rng.choice(LIGHTS), rng.choice(SMELLS),
                                     rng.choice(SOUNDS))
    features = rng.sample(FEATURES, 3)
    parts = [
        f"Walls of {material} rise around a room longer than it is wide, and the floor is worn into "
        f"shallow paths between the doors.",
        f"{light}, picking out {features[0]}.",
        f"The air smells of {smell}, and you can hear {sound}.",
        f"Against the far wall stands {features[1]}; beside it, {features[2]}.",
        rng.choice(MOODS),
        f"Students have scratched their initials into the {material} by the door, along with a few "
        f"lines of verse that do not scan.",
        "Doors lead off in several directions, each with a small painted sign in the college's "
        "careful lettering.",
    ]
    description = _sentence_prose(rng, 300, 600, parts)
    while len(description) < 300:  # the rare unlucky draw: pad with one more true sentence
        description += f" The {material} is cool to the touch."
    night = None
    if night_variant:
        night = (f"By night the {material} turns the colour of ash, and only {features[0]} catches "
                 f"what light there is. You hear {sound}, and nothing else at all.")
    exits = {}
    for direction, (nx, ny) in (("north", (x, y - 1)), ("south", (x, y + 1)), ("east", (x + 1, y)),
                                ("west", (x - 1, y))):
        if 0 <= nx < width and ny >= 0 and ny * width + nx < rooms:
            exits[direction] = room_id(nx, ny)
    guarded = None
    if guarded_exit and y > 0 and x + 1 < width and (y - 1) * width + x + 1 < rooms:
        guarded = ("northeast", room_id(x + 1, y - 1))
    plan = RoomPlan(x, y, room_id(x, y), name, description, night, exits, guarded, greets)
    # Two items: one fixed in place, one that can be carried.
    fixed_noun = rng.choice(FIXED_NOUNS)
    portable_noun = rng.choice(PORTABLE_NOUNS)
    for noun, portable in ((fixed_noun, False), (portable_noun, True)):
        adjective = rng.choice(ITEM_ADJ)
        word = noun.split()[-1]
        item = ItemPlan(
            id=f"{word}_{x}_{y}", name=f"{adjective} {noun}", noun=word,
            adjectives=[adjective, *noun.split()[:-1]],
            description=_sentence_prose(rng, 120, 300, [
                f"A {adjective} {noun}, older than it first appears.",
                "Someone has polished it recently, though not very well.",
                "A tiny star is stamped into it, the mark of the college workshops.",
                f"It has the look of a thing that has been in {name.lower()} for a very long time.",
                f"There is a faint smell of {smell} about it.",
            ]),
            portable=portable,
            rule=portable and rule,
            readable=f"lore_{x}_{y}" if portable and readable else None,
        )
        plan.items.append(item)
    if bell:
        plan.items[0].bell = True
    if (x + 2 * y) % 5 == 0:
        first, last, role = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.choice(ROLES)
        plan.npc = {
            "id": f"npc_{x}_{y}", "name": f"{first} {last}", "nouns": [first.lower(), last.lower(), role],
            "first": first.lower(), "role": role, "schedule": schedule,
            "description": _sentence_prose(rng, 250, 450, [
                f"{first} {last} is a {role} of the college, with ink on {rng.choice(['her', 'his', 'their'])} "
                f"fingers and a songbook under one arm.",
                "A cloak of faded blue hangs from narrow shoulders, patched at the elbows.",
                f"The {role} hums under their breath, a tune you almost recognise.",
                f"Every so often {first} glances at the door as if expecting someone.",
                "A silver pin shaped like a lyre marks a student of the second year.",
            ]),
        }
    return plan


# -- writing YAML ----------------------------------------------------------------------------------

def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _folded(text: str, indent: int) -> str:
    pad = " " * indent
    return ">-\n" + "\n".join(pad + line for line in textwrap.wrap(text, 76))


def _room_yaml(plan: RoomPlan) -> str:
    lines = [f"  {plan.id}:", f"    name: {_q(plan.name)}", f"    position: [{plan.x}, {plan.y}]"]
    if plan.night:
        lines += ["    description:", "      - if: {period: night}",
                  f"        text: {_folded(plan.night, 10)}", f"      - text: {_folded(plan.description, 10)}"]
    else:
        lines.append(f"    description: {_folded(plan.description, 6)}")
    lines.append("    exits:")
    for direction, target in plan.exits.items():
        lines.append(f"      {direction}: {target}")
    if plan.guarded:
        direction, target = plan.guarded
        lines += [f"      {direction}:", f"        to: {target}", f"        if: {{flag: ward_{plan.id}}}",
                  "        else: A ward-light hums across the way, and you cannot pass."]
    if plan.greets:
        lines += ["    on_enter:", f"      - if: {{visits: {plan.id}, equals: 1}}",
                  f"        then: [{{say: {_q('You have never been in ' + plan.name.lower() + ' before.')}}}]"]
    return "\n".join(lines)


def _item_yaml(item: ItemPlan, room: str) -> str:
    lines = [f"  {item.id}:", f"    name: {_q(item.name)}", f"    nouns: [{item.noun}]",
             f"    adjectives: [{', '.join(item.adjectives)}]", f"    location: {room}",
             f"    description: {_folded(item.description, 6)}"]
    if not item.portable:
        lines.append("    portable: false")
    else:
        lines.append(f"    here: {_q(f'A {item.name} lies here, where someone left it.')}")
    if item.readable:
        lines += [f"    text: {_q('Notes in a cramped hand on the history of the college.')}",
                  f"    lore: {item.readable}"]
    if item.rule:
        lines += ["    rules:", "      - on: take", "        once: true", "        continue: true",
                  "        do:", f"          - say: {_q(f'The {item.name} is lighter than it looks.')}",
                  "          - score: 1"]
    return "\n".join(lines)


def _npc_yaml(npc: dict, room: str, neighbour: str) -> str:
    lines = [f"  {npc['id']}:", f"    name: {_q(npc['name'])}", f"    nouns: [{', '.join(npc['nouns'])}]",
             f"    location: {room}", f"    description: {_folded(npc['description'], 6)}",
             f"    here: {_q(npc['name'] + ' is here, humming.')}"]
    if npc["schedule"]:
        lines += ["    schedule:", f'      - {{at: "06:00", room: {room}}}',
                  f'      - {{at: "21:00", room: {neighbour}}}']
    name = npc["name"]
    greeting, default = _q(f'{name} looks up. "Yes?"'), _q(f'{name} shrugs. "No idea, I am afraid."')
    lines += [f"    greeting: {greeting}", f"    default: {default}", "    topics:"]
    for topic, keywords in TOPICS.items():
        answer = _q(f'"{topic.capitalize()}? Ask me again tomorrow," says {name}, and laughs.')
        lines += [f"      {topic}:", f"        keywords: [{', '.join(keywords)}]", f"        text: {answer}"]
        if topic == "rumours":  # a condition and effects
            lines += ["        if: {not: {flag: quiet_bells}}",
                      f"        do: [{{set: heard_{npc['id']}}}, {{reputation: 1}}]"]
    return "\n".join(lines)


def _world_yaml(rooms: int, lore_ids: list[str], plans_with_bells: list[tuple[str, str]]) -> str:
    out = ["lore:"]
    for lore in lore_ids:
        out += [f"  {lore}:", f"    title: {_q('Notes on ' + lore.replace('_', ' '))}",
                f"    text: {_folded('The college was built in a single summer, they say, by bards who sang each stone into place; the notes disagree about everything else.', 6)}"]
    out += ["", "endings:", "  term_over:", "    title: The Term Ends",
            "    text: The last bell of term rings, and the corridors empty.", "    win: true",
            "", "verbs:", "  ring:", "    words: [ring, strike, toll]", "    default: Nothing answers.",
            "  hush:", "    words: [hush, shush]", "    default: You hush, to no one in particular.",
            "", "rules:", "  hush_the_bells:", "    on: hush", f"    where: {room_id(0, 0)}",
            "    do: [{set: quiet_bells}, {say: The bells fall silent for the rest of term.}]"]
    for item, room in plans_with_bells:
        out += [f"  ring_{item}:", "    on: ring", f"    object: {item}", f"    where: {room}",
                "    do:", "      - say: A deep note rolls through the room and fades.",
                f"      - set: ward_{room}", "      - counter: rings", "        add: 1"]
    out += ["", "timers:"]
    for i in range(3 + rooms // 1000):
        hour = 8 + (i * 3) % 13
        out += [f"  bells_{i}:", f'    at: "{hour:02d}:{(i * 7) % 60:02d}"', "    daily: true",
                "    if: {not: {flag: quiet_bells}}",
                "    do: [{say: Somewhere across the college a bell chimes the hour.}]"]
    return "\n".join(out) + "\n"


def _manifest(rooms: int, records: list[str] = ()) -> str:
    # The synthetic world sets flags nothing reads (wards of rooms without a guarded way, what each
    # NPC has heard) and reads some nothing sets: `records` names them, so that the pack loads
    # without warnings, as a finished game would, and the load measures loading, not warnings.
    kept = f"records: [{', '.join(records)}]\n" if records else ""
    return kept + f"""id: bench_{rooms}
name: Benchmark campus of {rooms} rooms
version: 0.1.0
game:
  title: The Benchmark Campus
  intro: |
    A synthetic college of {rooms} rooms, generated for Elysium's benchmarks.
  start: {room_id(0, 0)}
  start_day: 1
  start_time: "07:30"
  max_score: {rooms}
  days: [Moonday, Tideday, Quillday, Harpday, Fireday, Starday, Restday]
  term_days: 21
  term_end: [{{end: term_over}}]
  features: [clock, energy, standing, classes, recitals, lore, sleep]   # the whole campus, as Starred Blocks
"""


def write_pack(rooms: int, folder: Path) -> None:
    width = grid_width(rooms)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "regions").mkdir(parents=True)
    (folder / "pack.yaml").write_text(_manifest(rooms), encoding="utf-8")
    bells: list[tuple[str, str]] = []
    lore: list[str] = []
    guarded: list[str] = []
    heard: list[str] = []
    for start in range(0, rooms, ROOMS_PER_FILE):
        plans = [room_plan(i % width, i // width, width, rooms) for i in range(start, min(rooms, start + ROOMS_PER_FILE))]
        room_part = ["rooms:"] + [_room_yaml(p) for p in plans]
        item_part = ["items:"] + [_item_yaml(item, p.id) for p in plans for item in p.items]
        npc_plans = [p for p in plans if p.npc]
        npc_part = (["npcs:"] + [_npc_yaml(p.npc, p.id, next(iter(p.exits.values()))) for p in npc_plans]
                    if npc_plans else [])
        bells += [(item.id, p.id) for p in plans for item in p.items if item.bell]
        guarded += [p.id for p in plans if p.guarded]
        heard += [p.npc["id"] for p in npc_plans]
        lore += [item.readable for p in plans for item in p.items if item.readable]
        text = "\n".join(room_part) + "\n\n" + "\n".join(item_part) + "\n\n" + "\n".join(npc_part) + "\n"
        (folder / "regions" / f"region_{start // ROOMS_PER_FILE:04d}.yaml").write_text(text, encoding="utf-8")
    (folder / "world.yaml").write_text(_world_yaml(rooms, lore, bells), encoding="utf-8")
    warded, read = {f"ward_{room}" for _, room in bells}, {f"ward_{room}" for room in guarded}
    records = sorted(warded ^ read) + [f"heard_{npc}" for npc in heard] + ["rings"]
    (folder / "pack.yaml").write_text(_manifest(rooms, records), encoding="utf-8")
    (folder / STAMP).write_text(json.dumps({"generator": GENERATOR_VERSION, "rooms": rooms}), encoding="utf-8")


def pack(rooms: int, root: Path = PACKS) -> Path:
    """The folder of the pack of `rooms` rooms, generated now if it is missing or stale."""
    folder = root / f"rooms_{rooms}"
    stamp = folder / STAMP
    try:
        if json.loads(stamp.read_text(encoding="utf-8")) == {"generator": GENERATOR_VERSION, "rooms": rooms}:
            return folder
    except (OSError, ValueError):
        pass
    write_pack(rooms, folder)
    return folder


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files load_content reads (the same order)."""
    return sorted(folder.rglob("*.yaml")) + sorted(folder.rglob("*.yml"))


def yaml_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in yaml_files(folder))


# -- the walk --------------------------------------------------------------------------------------

def walk(commands: int) -> list[str]:
    """A legal walk of `commands` commands in the top-left 10 x 10 rooms of any pack (>= 100 rooms):
    look, examine, take and drop, inventory, ask, wait, then on to the next room in a snake."""
    path = []
    for y in range(10):
        xs = range(10) if y % 2 == 0 else range(9, -1, -1)
        path += [(x, y) for x in xs]
    path += [(0, y) for y in range(8, 0, -1)]  # back up the west edge to (0, 1), then north to (0, 0)
    out: list[str] = []
    position = 0
    while len(out) < commands:
        x, y = path[position % len(path)]
        nx, ny = path[(position + 1) % len(path)]
        plan = _plan_anywhere(x, y)
        fixed, portable = plan.items
        out += ["look", f"examine {fixed.noun}", f"take {portable.noun}", "inventory", f"drop {portable.noun}"]
        if plan.npc:
            topic = list(TOPICS)[(x + y) % len(TOPICS)]
            out += [f"ask {plan.npc['first']} about {TOPICS[topic][0]}", f"examine {plan.npc['first']}"]
        else:
            out.append(f"examine {portable.noun}")
        out.append("wait")
        out.append({(1, 0): "east", (-1, 0): "west", (0, 1): "south", (0, -1): "north"}[(nx - x, ny - y)])
        position += 1
    return out[:commands]


def _plan_anywhere(x: int, y: int) -> RoomPlan:
    """The plan of a room in the top-left 10 x 10 block: what it holds does not depend on the pack's
    size (only its exits do, and the walk uses only exits inside the block)."""
    return room_plan(x, y, 10_000, 10_000 * 10_000)
