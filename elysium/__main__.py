"""`python -m elysium` runs the command line."""

from elysium.cli import main

raise SystemExit(main())
