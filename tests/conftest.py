"""Settings for the whole test run."""

from __future__ import annotations

import os
import tempfile

# Compiled content caches go to a folder of this run's own, never the user's cache folder.
os.environ.setdefault("ELYSIUM_CACHE", tempfile.mkdtemp(prefix="elysium-test-cache-"))
