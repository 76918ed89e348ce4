"""The stores the contract tests run against, and the servers behind them.

PostgreSQL and Redis come from ELYSIUM_TEST_POSTGRES / ELYSIUM_TEST_REDIS when set (CI sets them),
else from a throwaway server started here in a temporary folder when the machine has the programs,
else their tests are skipped with the reason. Each test gets its own schema or key prefix, so the
tests never see each other's players, nor anything else on a server they are pointed at.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

STORE_KINDS = ["memory", "sqlite", "postgresql", "redis"]


class Unavailable(Exception):
    """No server of this kind can be had here; the message says how to get one."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.1)


def postgres_program(name: str) -> str | None:
    return shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)


@contextmanager
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server: ELYSIUM_TEST_POSTGRES, or one of our own for this run."""
    if os.environ.get("ELYSIUM_TEST_POSTGRES"):
        yield os.environ["ELYSIUM_TEST_POSTGRES"]
        return
    initdb, pg_ctl = postgres_program("initdb"), postgres_program("pg_ctl")
    if not (initdb and pg_ctl):
        raise Unavailable("no PostgreSQL here: set ELYSIUM_TEST_POSTGRES=postgresql://... "
                          "or install it (apt-get install postgresql)")
    # PostgreSQL refuses to run as root: as root, run it as the postgres user the package made.
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="elysium-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user to run PostgreSQL as") from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()
    try:
        subprocess.run([*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "elysium", "--no-sync"],
                       check=True, capture_output=True)
        options = f"-p {port} -k {folder} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off"
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
                        "start"], check=True, capture_output=True)
        try:
            yield f"postgresql://elysium@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis_server() -> Iterator[str]:
    """The URL of a Redis server: ELYSIUM_TEST_REDIS, or one of our own for this run."""
    if os.environ.get("ELYSIUM_TEST_REDIS"):
        yield os.environ["ELYSIUM_TEST_REDIS"]
        return
    program = shutil.which("redis-server")
    if not program:
        raise Unavailable("no Redis here: set ELYSIUM_TEST_REDIS=redis://... "
                          "or install it (apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def answers() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as talk:
                talk.sendall(b"PING\r\n")
                return talk.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    try:
        wait_until(answers, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def postgres_schema(server_url: str) -> Iterator[str]:
    """The server's URL with a search_path to a new schema of its own, dropped afterwards."""
    import psycopg

    schema = f"elysium_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in server_url else "?"
    try:
        yield f"{server_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def redis_prefix(server_url: str) -> Iterator[str]:
    """The server's URL with a key prefix of its own, whose keys are deleted afterwards."""
    import redis

    prefix = f"elysium-test-{uuid.uuid4().hex[:12]}"
    separator = "&" if "?" in server_url else "?"
    try:
        yield f"{server_url}{separator}prefix={prefix}"
    finally:
        client = redis.Redis.from_url(server_url)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)
        client.close()
