"""The project installs and runs as the README says: commands agree, packages are all listed."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import elysium

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    return [block.strip() for block in readme_blocks("sh")]


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


def readme_blocks(language: str) -> list[str]:
    """The README's fenced blocks of one language ("" for blocks with none)."""
    blocks, current, inside = [], [], None
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if inside is None:
                inside, current = line[3:].strip(), []
            else:
                if inside == language:
                    blocks.append("\n".join(current) + "\n")
                inside = None
        elif inside is not None:
            current.append(line)
    return blocks


def readme_block(language: str) -> str:
    (block,) = readme_blocks(language)
    return block


def test_the_readme_yaml_example_loads_as_a_mod_of_the_college(tmp_path):
    from elysium.content import load_content

    mod = tmp_path / "cloister"
    mod.mkdir()
    (mod / "pack.yaml").write_text("id: cloister\nname: The Cloister\nversion: 0.1.0\n")
    (mod / "cloister.yaml").write_text(readme_block("yaml"))
    content = load_content(None, (mod,))
    assert "cloister:moonlit_cloister" in content.rooms
    assert content.items["cloister:copper_coin"].location == "cloister:moonlit_cloister"
    assert content.rooms["fountain_court"].exits["northeast"].to == "cloister:moonlit_cloister"
    assert content.warnings == ()


def test_the_readme_transcript_example_passes(tmp_path):
    import io

    from elysium.transcript import run_paths

    example = tmp_path / "example.regtest"
    example.write_text(readme_block(""))
    out = io.StringIO()
    assert run_paths([example], out) == 0, out.getvalue()
