"""The content model and the saves are imported on the way to the title screen's first frame:
building their classes does no work beyond what the classes need."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_model_and_the_saves_builds_no_signatures():
    """dataclasses gives a class without a docstring one made from inspect.signature, which is
    slow to build; every class they make has a docstring of its own instead."""
    script = ("import inspect; built = []; signature = inspect.signature\n"
              "inspect.signature = lambda *args, **kwargs: built.append(args) or signature(*args, **kwargs)\n"
              "import elysium.content.model, elysium.state.saves\n"
              "print([thing.__name__ for thing, *_ in built if thing.__module__.startswith('elysium')])")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
