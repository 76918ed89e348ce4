"""`elysium COMMAND ...` builds only that command's options: building all eleven commands' cost
the game's start (bench section 5, "first frame") a few ms, and parses the same."""

from __future__ import annotations

import argparse

import pytest

from elysium import cli

LINES = [
    ["play"], ["play", "--seed", "3", "--saves", "s", "--mod", "a", "--mod", "b", "--no-mods", "pack"],
    ["play", "--continue", "--plain"], ["serve", "--port", "8123", "--max-sessions", "4"], ["web"],
    ["test", "t.regtest", "-v", "--coverage", "--fail-under", "50"], ["validate", "--content", "c"],
    ["new-mod", "Herb Garden"], ["new-game", "Cloak", "--dir", "x"], ["schema", "--out", "f"],
    ["explore"], ["map"], ["audit", "--json"],
]


def subcommands(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices]


def test_one_command_parses_its_line_as_the_whole_command_line_does():
    assert {line[0] for line in LINES} == set(cli.COMMANDS)
    for line in LINES:
        assert vars(cli.build_parser(only=line[0]).parse_args(line)) == vars(cli.build_parser().parse_args(line))


def test_one_command_has_no_other_command():
    assert subcommands(cli.build_parser(only="play")) == ["play"]
    assert sorted(subcommands(cli.build_parser())) == sorted(cli.COMMANDS)


@pytest.mark.parametrize("argv, only", [(["--saves", "s"], "play"), (["schema", "--out", "f"], "schema"),
                                        (["--version"], None)])
def test_main_builds_the_options_of_the_command_it_runs(argv, only, monkeypatch):
    built = []

    def build(only=None):
        built.append(only)
        raise SystemExit(0)

    monkeypatch.setattr(cli, "build_parser", build)
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert built == [only]
