"""The app the web bench serves: `elysium web`'s own app, built as each of its uvicorn workers builds
it (elysium.web.app.from_environment), with one difference: the per-player and per-address pace
limits are raised out of reach, because every simulated player comes from 127.0.0.1 and the
throughput run sends turns back to back. The pace checks themselves still run on every request.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from elysium.content import load_content
from elysium.web.app import ENVIRONMENT, Options, create_app
from elysium.web.run import SECRET_VARIABLE
from elysium.web.store import open_store

UNREACHABLE = (1e12, 1e12)  # a token bucket that never runs dry


def app():
    options = dataclasses.replace(Options.from_environment(os.environ[ENVIRONMENT]),
                                  pace=UNREACHABLE, newcomers=UNREACHABLE)
    content = load_content(Path(options.content) if options.content else None,
                           tuple(Path(m) for m in options.mods))
    return create_app(content, open_store(options.store), os.environ[SECRET_VARIABLE], options)
