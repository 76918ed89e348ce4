"""The pytest plugin, run in a separate pytest process on a scratch folder.

A subprocess rather than the `pytester` fixture: pytester must be enabled with
`pytest_plugins` in the top-level conftest, which this folder does not own. The inner
run loads only this plugin (autoload is off, so it cannot be registered twice when the
project is installed) and swaps in FakeGame through the plugin's GAME_FACTORY hook.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CONFTEST = """
    import elysium.pytest_plugin as regtest
    from transcript_fakes import FakeGame

    def pytest_configure(config):
        config.saved_game_factory = regtest.GAME_FACTORY
        regtest.GAME_FACTORY = FakeGame.new

    def pytest_unconfigure(config):
        regtest.GAME_FACTORY = config.saved_game_factory
"""


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text(textwrap.dedent(CONFTEST))
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE)]))
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-p", "elysium.pytest_plugin",
               "-p", "no:cacheprovider", "-rA", *args]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_each_test_in_a_regtest_file_is_an_item(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "intro.regtest").write_text(textwrap.dedent("""
        ** seed: 4
        * opening
        The Gatehouse
        * walk-north
        > north
        {state} location == fountain_court
    """))
    result = run_pytest(tmp_path, "--collect-only", "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tests/intro.regtest::opening\ntests/intro.regtest::walk-north\n" in result.stdout
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_a_failing_item_shows_the_fail_report_without_a_traceback(tmp_path):
    (tmp_path / "intro.regtest").write_text(textwrap.dedent("""
        * good
        > look
        White marble
        * bad
        > look
        /marble\\s+halls
    """).lstrip())
    result = run_pytest(tmp_path)
    assert result.returncode == 1
    assert "1 failed, 1 passed" in result.stdout
    assert (
        "FAIL intro.regtest:6 bad: > look\n"
        "  check:  /marble\\s+halls\n"
        "  output:\n"
        "    The Gatehouse\n"
        "    White marble arches rise over the gate.\n"
    ) in result.stdout
    assert "Traceback" not in result.stdout
    assert "runtest" not in result.stdout  # no Python frames from the plugin
    assert "FAILED intro.regtest::bad" in result.stdout


def test_a_file_with_syntax_errors_is_a_readable_collection_error(tmp_path):
    (tmp_path / "broken.regtest").write_text("* t\n{count=0} Bong\n")
    result = run_pytest(tmp_path)
    assert result.returncode == 2
    assert "broken.regtest:2: {count=0} needs a whole number of at least 1" in result.stdout
    assert "Traceback" not in result.stdout
