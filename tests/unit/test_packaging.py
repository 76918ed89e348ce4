"""The project installs and runs as the README says: commands agree, packages are all listed."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import elysium

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_gives_exactly_two_commands_and_ci_runs_the_test_one():
    play, test = readme_commands()
    assert "elysium" in play and "pip install" in play
    assert "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci
    assert any(line.strip().endswith("lint-imports") for line in ci)


def test_every_python_package_is_listed_for_installation():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "elysium").rglob("__init__.py")
    }
    assert found <= listed


def test_version_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "elysium", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"elysium {elysium.__version__}"
