"""`elysium web`: the ASGI app, the page and the API in one, made once per worker.

`create_app` takes loaded content and an open store (tests give a memory store); `from_environment`
is the factory each uvicorn worker calls (`--workers N` starts N processes, and they learn their
options from the environment that `elysium web` sets, see run.py). A worker keeps nothing of any
player between requests: any worker can serve any request.
"""

from __future__ import annotations

import gc
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from elysium.content import Content
from elysium.web.api import SENTENCES, Service
from elysium.web.guard import SecurityHeaders, origin_of
from elysium.web.play import Table
from elysium.web.players_web import Cookies, Pace
from elysium.web.run import SECRET_VARIABLE

PAGE = Path(__file__).with_name("page")
ENVIRONMENT = "ELYSIUM_WEB_OPTIONS"  # the options of `elysium web`, as JSON, for its workers
PAGE_FILE = re.compile(r"[a-z0-9][a-z0-9_-]{0,60}\.(html|js|css|svg|png|ico|woff2|json)")
MEDIA = {"html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
         "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
         "ico": "image/x-icon", "woff2": "font/woff2", "json": "application/json"}
NO_PAGE = ("<!doctype html><html lang=en><meta charset=utf-8><title>Elysium</title>"
           "<p>The page of this service is not installed; its API is at /api/v1.</p></html>")


@dataclass(frozen=True)
class Options:
    """What `elysium web` was started with (besides where it listens)."""

    content: str | None = None
    mods: tuple[str, ...] = ()
    store: str = "memory://"
    auth: str | None = None
    public_url: str | None = None
    pace: tuple[float, float] = (20.0, 5.0)  # burst, per second: a person typing, and the page's own calls
    newcomers: tuple[float, float] = (120.0, 10.0)  # requests without a cookie, per client address
    page: str | None = None  # a folder to serve at / instead of elysium/web/page (tests)

    def to_environment(self) -> str:
        return json.dumps({"content": self.content, "mods": list(self.mods), "store": self.store,
                           "auth": self.auth, "public_url": self.public_url, "page": self.page})

    @classmethod
    def from_environment(cls, text: str) -> Options:
        """Options from JSON; each one left out keeps its default (the store: SQLite beside the saves)."""
        from elysium.web.store import default_store_url

        given = json.loads(text) if text.strip() else {}
        return cls(content=given.get("content"), mods=tuple(given.get("mods", ())),
                   store=given.get("store") or default_store_url(), auth=given.get("auth"),
                   public_url=given.get("public_url"), page=given.get("page"))


def create_app(content: Content, store: Any, secret: str, options: Options = Options()) -> Starlette:
    public_origin = origin_of(options.public_url) if options.public_url else None
    service = Service(
        table=Table(content), store=store, cookies=Cookies(secret, options.auth),
        pace=Pace(*options.pace), newcomers=Pace(*options.newcomers), auth=options.auth,
        public_origin=public_origin, secure=bool(public_origin and public_origin.startswith("https:")))
    service.table.vocabulary()  # made once, before the first player asks
    page = Path(options.page) if options.page else PAGE
    return Starlette(
        routes=[*service.routes(), Route("/", page_file(page), methods=["GET", "HEAD"]),
                Route("/{name}", page_file(page), methods=["GET", "HEAD"])],
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error},
        lifespan=_closing(store),
    )


def page_file(folder: Path):
    """The page's own files, by name, from one folder: nothing else is served."""

    async def serve(request: Request) -> Response:
        name = request.path_params.get("name", "index.html")
        if not PAGE_FILE.fullmatch(name):
            raise HTTPException(404)
        path = folder / name
        if not path.is_file() or path.is_symlink():
            if name == "index.html":
                return HTMLResponse(NO_PAGE)
            raise HTTPException(404)
        return FileResponse(path, media_type=MEDIA[name.rsplit(".", 1)[1]],
                            headers={"cache-control": "no-cache"})

    return serve


async def http_error(request: Request, problem: HTTPException) -> Response:
    code = {404: "not_found", 405: "method_not_allowed"}.get(problem.status_code, "bad_request")
    message = SENTENCES[code].format(why="the request is not one this service answers")
    return JSONResponse({"error": code, "message": message}, status_code=problem.status_code)


def _closing(store: Any):
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: Starlette):
        thresholds = out_of_the_collectors_way()
        try:
            yield
        finally:
            gc.unfreeze()
            gc.set_threshold(*thresholds)
            store.close()

    return lifespan


# Younger collections between two full ones (Python's default is 10). What is left for a full
# collection to walk in a serving worker is mostly its open connections (a thousand players keep
# theirs), a pause of 10-20 ms of CPU each time; a game is freed without it (play.let_go).
YOUNGER_COLLECTIONS_PER_FULL = 100


def out_of_the_collectors_way() -> tuple[int, ...]:
    """Once the worker has loaded the content and made its table, they live as long as it does:
    frozen, the cyclic garbage collector no longer walks them in each of its oldest-generation
    collections (tens of milliseconds each, landing on whichever request made the garbage that
    triggered it), and those come ten times less often. Gives the thresholds it replaced."""
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], YOUNGER_COLLECTIONS_PER_FULL)
    return thresholds


def from_environment() -> Starlette:
    """The app of one uvicorn (or gunicorn) worker, from the options `elysium web` put in the
    environment, or that a platform sets there itself: ELYSIUM_WEB_OPTIONS (JSON, each option
    optional) and ELYSIUM_SECRET (else the secret kept beside a SQLite store)."""
    from elysium.content import load_content
    from elysium.web.run import secret_for
    from elysium.web.store import open_store

    options = Options.from_environment(os.environ.get(ENVIRONMENT, ""))
    content = load_content(Path(options.content) if options.content else None,
                           tuple(Path(m) for m in options.mods))  # from the compiled cache
    secret = secret_for(None, options.store)  # ELYSIUM_SECRET first
    return create_app(content, open_store(options.store), secret, options)
