"""A tiny deterministic stand-in for elysium.engine.Game, for the transcript tests.

Two rooms, a key, a warden and a bell, plus a few commands that exist only to
exercise the runner: `echo TEXT` replies with TEXT (`|` becomes a line break),
`crash` raises, `quit` ends the game. A content folder named `broken` fails to
load the way the real engine's ContentError does.
"""

from __future__ import annotations

from pathlib import Path

OPENING = "The Gatehouse\n  White marble arches rise over the gate.\nA warden watches you.\n"

ROOMS = {
    "gatehouse": "The Gatehouse\nWhite marble arches rise over the gate.",
    "fountain_court": "Fountain Court\nA fountain throws glittering arcs into the air.",
}


class FakeProblem:
    """Reads like the engine's content problems: `file:line:col: message`."""

    def __init__(self, file: str, line: int, column: int, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class FakeContentError(Exception):
    """Has `.problems` like elysium.content.ContentError."""

    def __init__(self, problems: list[FakeProblem]):
        super().__init__(f"{len(problems)} problems in the content")
        self.problems = problems


class FakeGame:
    """Plays the little world; every instance starts from scratch."""

    created: list["FakeGame"] = []  # every game made, so tests can see fresh starts

    def __init__(self, content: Path | None, seed: int, mods: tuple[Path, ...]):
        self.content, self.seed, self.mods = content, seed, mods
        self.over = False
        self.received: list[str] = []
        self.state = {
            "location": "gatehouse",
            "flags": {"met_warden": False},
            "time": 450,
            "score": 0,
            "items": {"brass_key": {"at": "gatehouse"}},
            "visited": ["gatehouse"],
            "title": "Starred Blocks",
            "nothing": None,
            "seed": seed,
            "mods": [Path(mod).name for mod in mods],
        }

    @classmethod
    def new(cls, content: Path | None = None, seed: int = 0, mods: tuple[Path, ...] = ()):
        if content is not None and Path(content).name == "broken":
            raise FakeContentError([
                FakeProblem("rooms.yaml", 3, 5, "exit 'north' leads to unknown room 'nowhere'"),
                FakeProblem("items.yaml", 9, 1, "item 'lamp' has no name"),
            ])
        game = cls(content, seed, tuple(mods))
        cls.created.append(game)
        return game

    def opening(self) -> str:
        return OPENING

    def turn(self, line: str) -> str:
        self.received.append(line)
        self.state["time"] += 1
        words = line.strip().lower()
        if not words:
            return "Pardon?"
        if words == "look":
            return ROOMS[self.state["location"]]
        if words in ("north", "n"):
            self.state["location"] = "fountain_court"
            self.state["visited"].append("fountain_court")
            return ROOMS["fountain_court"]
        if words == "take key":
            self.state["items"]["brass_key"]["at"] = "player"
            self.state["score"] += 5
            return "Taken."
        if words == "talk to warden":
            self.state["flags"]["met_warden"] = True
            return '"Welcome to Starred Blocks," the warden says.'
        if words == "ring bell":
            return "You pull the rope.\nBong!\nBong! Bong!\nThe bell falls silent."
        if words.startswith("echo "):
            return line.strip()[len("echo "):].replace("|", "\n")
        if words == "crash":
            raise RuntimeError("the floor gave way")
        if words == "quit":
            self.over = True
            return "Goodbye."
        if words == "seed":
            return f"Seed {self.seed}, mods {', '.join(self.state['mods']) or 'none'}."
        return "I don't understand that."
