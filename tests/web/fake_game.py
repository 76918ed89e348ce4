"""A stand-in for a game process under `elysium serve`: it speaks textual-serve's protocol and
writes down, one JSON line each, its start (terminal size, arguments) and every packet it gets.
With --stubborn it ignores the request to quit and SIGTERM, as a stuck game would."""

import json
import os
import signal
import sys

record_path, *rest = sys.argv[1:]
stubborn = "--stubborn" in rest


def note(entry: dict) -> None:
    with open(record_path, "a", encoding="utf-8") as record:
        record.write(json.dumps(entry) + "\n")


if stubborn:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
note({"start": {"columns": os.environ.get("COLUMNS"), "rows": os.environ.get("ROWS"), "argv": rest,
                "pid": os.getpid()}})
sys.stdout.write("__GANGLION__\n")
sys.stdout.flush()
stdin = sys.stdin.buffer
while True:
    head = stdin.read(5)
    if len(head) < 5:
        if stubborn:
            signal.pause()
        break
    payload = stdin.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"M":
        meta = json.loads(payload)
        note({"meta": meta})
        if meta.get("type") == "quit" and not stubborn:
            break
    else:
        note({"data": payload.decode("utf-8", "replace")})
