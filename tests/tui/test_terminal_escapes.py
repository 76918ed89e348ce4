"""What reaches a real terminal when a pack's text carries escape sequences (issue 11).

`elysium play` runs in a pseudo-terminal, the player examines a sign whose description is the
issue's repro (OSC 52 writing the clipboard, OSC 0 retitling the window) plus BEL, BS, NUL, a C1
CSI clearing the screen, a C1 OSC and an OSC 8 hyperlink, and every byte written is read until the
game exits. Twice each: as `elysium` is (validation refuses the pack, and says so without a control
character), and with validation switched off in the child, so that the front-end's own guard is
what is tested. `elysium serve` hands the browser what the TUI writes through Textual's web
driver; that stream is read the same way.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

fcntl = pytest.importorskip("fcntl", reason="pseudo-terminals are POSIX")
pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX")
termios = pytest.importorskip("termios", reason="pseudo-terminals are POSIX")

from escapes_support import CLIPBOARD, PAYLOAD, UNCHECKED_MAIN, controls_in

DEADLINE_S = 30  # a bound for a stuck child, never a timing assertion: a run takes a few seconds

CHECKED = [sys.executable, "-m", "elysium"]
UNCHECKED = [sys.executable, "-c", UNCHECKED_MAIN]


def write_sign_pack(folder: Path) -> Path:
    """A one-room game whose sign says PAYLOAD; nothing else in it carries a control character."""
    folder.mkdir()
    (folder / "pack.yaml").write_text(textwrap.dedent("""\
        id: signpost
        name: Signpost
        version: 0.1.0
        game:
          title: Signpost
          intro: You stand before a painted sign.
          start: lane
        """), encoding="utf-8")
    (folder / "world.yaml").write_text(textwrap.dedent(f"""\
        rooms:
          lane:
            name: Lane
            description: A quiet lane.
        items:
          sign:
            name: painted sign
            description: "Sign {PAYLOAD}"
            location: lane
        """), encoding="utf-8")
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_sign_pack(tmp_path / "signpost")


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "ELYSIUM_CACHE": "off", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
            "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", **extra}


class Terminal:
    """A child process on a pseudo-terminal of 80x24; `read_until` collects every byte it writes."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = b""
        self.deadline = time.monotonic() + DEADLINE_S

    def read_until(self, wanted: bytes | None) -> bool:
        """Read until `wanted` has been written (True), or until the child has exited and its
        terminal is closed (False when `wanted` never came; `wanted=None` waits for that)."""
        while wanted is None or wanted not in self.output:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the child wrote no {wanted!r} in time; it wrote:\n{self.output[-3000:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(remaining, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child is gone and its side of the terminal is closed
                chunk = b""
            if not chunk:
                return False
            self.output += chunk
        return True

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> int:
        try:
            return self.process.wait(timeout=max(self.deadline - time.monotonic(), 1))
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise AssertionError(f"the child did not exit; it wrote:\n{self.output[-3000:]!r}") from None
        finally:
            os.close(self.master)


def run(argv: list[str], env: dict[str, str], steps: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """Run `argv` on a terminal: for each (wait for, then type), then read until it exits."""
    terminal = Terminal(argv, env)
    try:
        for wanted, keys in steps:
            assert terminal.read_until(wanted), f"the child exited before writing {wanted!r}:\n{terminal.output!r}"
            terminal.send(keys)
        terminal.read_until(None)
    finally:
        status = terminal.close()
    return status, terminal.output


def text_controls(output: bytes) -> list[str]:
    """Control characters in what was written, but for the line ends a terminal is sent."""
    return controls_in(output.decode("utf-8", errors="replace").replace("\r", ""))


def test_plain_mode_writes_no_control_character(pack, tmp_path):
    play = ["play", "--plain", "--content", str(pack), "--saves", str(tmp_path / "saves")]
    status, output = run(UNCHECKED + play, environment(tmp_path), [(b"> ", b"examine sign\nquit\n")])
    assert status == 0, output
    assert b"\x1b" not in output and text_controls(output) == []
    assert f"Sign ]52;c;{CLIPBOARD}\\ ]0;PWNED\\".encode() in output  # shown, as harmless text

    status, output = run(CHECKED + play, environment(tmp_path), [])
    assert status == 2, output
    assert b"\x1b" not in output and text_controls(output) == []
    assert b"world.yaml:8:18: error: control character U+001B in 'description'" in output


# What the payload would make a terminal do, written the ways a terminal reads it.
CLIPBOARD_WRITE = re.compile(rb"(\x1b\]|\xc2\x9d)52;")
PWNED_TITLE = re.compile(rb"(\x1b\]|\xc2\x9d)[012];[^\x07\x1b]*PWNED")
PWNED_LINK = re.compile(rb"(\x1b\]|\xc2\x9d)8;[^;\x07\x1b]*;[^\x07\x1b]*pwned")
C1_CSI = b"\xc2\x9b"


def assert_harmless(output: bytes) -> None:
    """Textual writes escape sequences of its own: none of the payload's may be among them."""
    assert not CLIPBOARD_WRITE.search(output)
    assert not PWNED_TITLE.search(output)
    assert not PWNED_LINK.search(output)
    assert C1_CSI not in output and b"\x00" not in output and b"\x08" not in output


def assert_shown_as_text(output: bytes) -> None:
    """The payload is on the screen, as characters: no ESC or C1 before them."""
    assert b"]52;c;" + CLIPBOARD.encode() in output
    for found in re.finditer(re.escape(b"]52;c;" + CLIPBOARD.encode()), output):
        assert output[found.start() - 1:found.start()] not in (b"\x1b", b"\x9d"), output[found.start() - 40:found.end()]


def test_the_tui_writes_no_escape_sequence_from_the_pack(pack, tmp_path):
    play = ["play", "--content", str(pack), "--saves", str(tmp_path / "saves")]
    env = environment(tmp_path)
    env.pop("TEXTUAL_DRIVER", None)
    status, output = run(UNCHECKED + play, env, [
        (b"Signpost", b"n"),  # the title screen, once it has read the pack
        (b"What do you do?", b"examine sign\r"),  # the command line's placeholder: the game is on
        (CLIPBOARD.encode(), b"\x11"),  # the reply is drawn; Ctrl+Q quits
    ])
    assert status == 0, output[-3000:]
    assert_harmless(output)
    assert_shown_as_text(output)

    status, output = run(CHECKED + play, env, [(b"nothing can be played", b"\r")])  # Quit has the focus
    assert status == 2, output[-3000:]
    assert_harmless(output)
    assert b"U+001B in 'description'" in output


def web_packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


def test_what_serve_sends_the_browser_holds_no_escape_sequence_from_the_pack(pack, tmp_path):
    """`elysium serve` runs `elysium play` with Textual's web driver, and passes what it writes
    (D packets: the terminal's bytes; M packets: requests such as opening a URL) to xterm.js."""
    env = environment(tmp_path, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver", TEXTUAL_FPS="60")
    child = subprocess.Popen(UNCHECKED + ["play", "--content", str(pack), "--saves", str(tmp_path / "saves")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                             start_new_session=True)
    data, meta = b"", []
    steps = [(b"Signpost", b"n"), (b"What do you do?", b"examine sign\r"), (CLIPBOARD.encode(), b"\x11")]
    deadline = time.monotonic() + DEADLINE_S
    # Reads here block: a child that hangs is killed, which ends them.
    watchdog = threading.Timer(DEADLINE_S, os.killpg, (child.pid, signal.SIGKILL))
    watchdog.start()
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(web_packet(b"M", json.dumps({"type": "resize", "width": 80, "height": 24}).encode()))
        child.stdin.flush()
        stream = child.stdout
        assert stream.readline() == b"__GANGLION__\n"
        while time.monotonic() < deadline:
            header = stream.read(5)
            if len(header) < 5:
                break  # the child has exited
            body = stream.read(int.from_bytes(header[1:], "big"))
            if header[:1] == b"D":
                data += body
            elif header[:1] == b"M":
                meta.append(json.loads(body))
                if meta[-1].get("type") == "exit":
                    break
            if steps and steps[0][0] in data:
                child.stdin.write(web_packet(b"D", steps.pop(0)[1]))
                child.stdin.flush()
        assert not steps, f"the game never got as far as {steps[0][0]!r}:\n{data[-3000:]!r}"
    finally:
        try:
            child.stdin.close()
        except BrokenPipeError:
            pass
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 1))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        watchdog.cancel()
    assert_harmless(data)
    assert_shown_as_text(data)
    assert [m for m in meta if m.get("type") == "open_url"] == []
    assert "PWNED" not in json.dumps(meta) and CLIPBOARD not in json.dumps(meta)
