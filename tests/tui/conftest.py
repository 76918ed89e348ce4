"""Fixtures for the TUI tests: an app on the fixture world with a fixed seed, saves in tmp_path,
and the cursor blink switched off (helpers to drive the app are in tui_support.py).

`async def` tests here run in a fresh event loop each (no asyncio plugin needed).
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from textual.widgets import Input

from elysium.tui.app import ElysiumApp
from tui_support import FIXTURE_WORLD


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cursor that never blinks, so screenshots do not depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def make_app(saves: Path):
    def make(content: Path = FIXTURE_WORLD, seed: int = 0, resume: str | None = None) -> ElysiumApp:
        return ElysiumApp(content, seed, (), saves, resume)

    return make
