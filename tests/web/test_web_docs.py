"""docs/web.md's API section says what the app does: the same routes, and a reply as it comes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from elysium.web.openapi import openapi

from web_support import app_over, browser, memory_store, play, started

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def api_section() -> str:
    return DOC.read_text(encoding="utf-8").split("## The API", 1)[1].split("\n## ", 1)[0]


def test_the_table_of_requests_is_the_openapi_description():
    documented = set(re.findall(r"^\| `(GET|POST|DELETE) (/api/v1/\S+?)`", api_section(), flags=re.MULTILINE))
    described = {(method.upper(), path) for path, operations in openapi()["paths"].items() for method in operations}
    assert documented == described


def test_the_documented_reply_is_the_one_the_test_world_gives():
    example = json.loads(re.search(r"```json\n(.*?)```", api_section(), flags=re.S)[1])
    tab = browser(app_over(memory_store()))
    game = started(tab)
    taken = play(tab, "take lantern", game["version"]).json()
    reply = play(tab, "north", taken["version"]).json()
    assert reply["status"] == example["status"]
    assert (reply["version"], reply["ended"]) == (example["version"], example["ended"])
    assert reply["text"].startswith(example["text"].removesuffix(" ..."))
