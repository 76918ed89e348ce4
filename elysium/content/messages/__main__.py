"""`python -m elysium.content.messages --markdown`: the table of messages for docs/content.md."""

import argparse

from elysium.content.messages.table import markdown_table

arguments = argparse.ArgumentParser(prog="python -m elysium.content.messages", description=__doc__)
arguments.add_argument("--markdown", action="store_true", help="print the Markdown table of every message")
if arguments.parse_args().markdown:
    print(markdown_table(), end="")
else:
    arguments.print_help()
