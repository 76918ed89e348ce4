"""The command line and the TUI: `elysium` opens it on a terminal; pipes still get plain mode."""

from __future__ import annotations

import subprocess
import sys

import pytest

from elysium import cli
from tui_support import FIXTURE_WORLD


def test_play_without_plain_in_a_pipe_is_still_plain_mode():
    result = subprocess.run([sys.executable, "-m", "elysium", "play", "--content", str(FIXTURE_WORLD)],
                            input="look\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "> Vestibule" in result.stdout


@pytest.mark.parametrize(("argv", "tui"), [
    (["play"], True), ([], True), (["play", "--plain"], False), (["play", "--trace"], False),
    (["play", "--record", "x.regtest"], False), (["play", "--dev"], False),
])
def test_the_tui_is_the_default_on_a_terminal(monkeypatch, argv, tui):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    args = cli.build_parser().parse_args(argv or ["play"])
    assert cli.wants_tui(args) is tui


def test_textual_serve_children_get_the_tui(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert cli.wants_tui(cli.build_parser().parse_args(["play"]))


def test_serve_has_host_and_port():
    args = cli.build_parser().parse_args(["serve", "--port", "8123"])
    assert (args.command, args.host, args.port) == ("serve", "127.0.0.1", 8123)


@pytest.mark.parametrize(("argv", "resume"), [
    (["play"], None), (["play", "--continue"], ""), (["play", "--load", "Before the Recital"], "Before the Recital"),
    (["play", "--continue", "--load", "named"], "named"),
])
def test_continue_and_load_reach_the_tui(monkeypatch, argv, resume):
    """What `play` hands the app: the save to go into once the pack is read, if any."""
    import elysium.tui.app as tui_app

    made = []

    class Recorded(tui_app.ElysiumApp):
        def run(self, *args, **kwargs):
            made.append(self)

    monkeypatch.setattr(tui_app, "ElysiumApp", Recorded)
    monkeypatch.setattr(cli, "wants_tui", lambda args: True)
    assert cli.main([*argv, "--content", str(FIXTURE_WORLD)]) == 0
    assert made[0].resume == resume
