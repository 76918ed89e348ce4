"""Starting `elysium web`: the options checked once, the secret settled once, then uvicorn with
one worker in this process or N worker processes that each build the app from the environment."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from elysium.content.styles import without_controls

# Kept light: `elysium play` builds this command's options too, and must not wait for Starlette.
SECRET_VARIABLE = "ELYSIUM_SECRET"
FACTORY = "elysium.web.app:from_environment"


def add_web_command(commands, content_options) -> None:
    web = commands.add_parser("web", help="serve the game to web browsers as a page and a JSON API "
                                          "(thousands of players; see docs/web.md)")
    web.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    content_options(web)
    web.add_argument("--store", metavar="URL",
                     help="where players' games live: sqlite:///path.db (default: web.db beside the saves "
                          "folder), postgresql://... or redis://... for several machines")
    web.add_argument("--secret", metavar="S",
                     help="the key that signs player cookies (or set ELYSIUM_SECRET); the same on every "
                          "machine. Default: one made once and kept beside a SQLite store")
    web.add_argument("--auth", metavar="SECRET",
                     help="a password players give once before they may play (a private game)")
    web.add_argument("--public-url", metavar="URL",
                     help="the address players use (https://games.example.org) when behind a proxy: "
                          "only pages from there may play")
    web.add_argument("--workers", metavar="N", type=int, default=1,
                     help="worker processes (default 1; any worker serves any player)")


def secret_for(given: str | None, store_url: str) -> str:
    """--secret, else ELYSIUM_SECRET, else the one kept beside a SQLite store (made once)."""
    secret = given or os.environ.get(SECRET_VARIABLE)
    if secret:
        return secret
    if store_url.startswith("sqlite:"):
        from elysium.web.players_web import kept_secret
        from elysium.web.store import sqlite_path

        return kept_secret(sqlite_path(store_url).resolve().parent)
    if store_url.split(":", 1)[0].lower() in ("postgresql", "postgres", "redis", "rediss"):
        raise ValueError("a server store is shared by several machines: give them all the same --secret "
                         "(or ELYSIUM_SECRET)")
    import secrets

    return secrets.token_urlsafe(32)  # a memory store: nothing outlives the process anyway


def run_web(args: argparse.Namespace, load) -> int:
    """`load(args)` loads the content once here, so that a broken pack is told before anything starts."""
    import uvicorn

    from elysium.web.app import ENVIRONMENT, Options, create_app
    from elysium.web.store import default_store_url, open_store

    if args.public_url and (urlsplit(args.public_url).scheme not in ("http", "https")
                            or not urlsplit(args.public_url).netloc):
        print(f"--public-url needs a whole address such as https://games.example.org, not "
              f"{without_controls(args.public_url)!r}", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("--workers needs a whole number of at least 1", file=sys.stderr)
        return 2
    store_url = args.store or default_store_url()
    if args.workers > 1 and store_url.lower().startswith("memory:"):
        print("a memory:// store lives in one process, and each of --workers N would have its own: "
              "use SQLite (the default) or a server store", file=sys.stderr)
        return 2
    content = load(args)
    if content is None:
        return 2
    try:
        secret = secret_for(args.secret, store_url)
        store = open_store(store_url)
    except (ValueError, OSError) as problem:
        print(f"elysium web cannot start: {without_controls(str(problem))}", file=sys.stderr)
        return 2
    options = Options(content=str(args.content.resolve()) if args.content else None,
                      mods=tuple(str(Path(p).resolve()) for p in args.packs), store=store_url,
                      auth=args.auth, public_url=args.public_url)
    print(f"Serving {without_controls(content.game.title)} on http://{args.host}:{args.port} "
          f"with {args.workers} worker{'s' * (args.workers != 1)} (Ctrl+C stops it)", flush=True)
    if args.workers == 1:
        uvicorn.run(create_app(content, store, secret, options), host=args.host, port=args.port,
                    log_level="warning")
        return 0
    store.close()  # each worker opens its own
    os.environ[ENVIRONMENT] = options.to_environment()
    os.environ[SECRET_VARIABLE] = secret
    uvicorn.run(FACTORY, factory=True, host=args.host, port=args.port, workers=args.workers,
                log_level="warning")
    return 0
