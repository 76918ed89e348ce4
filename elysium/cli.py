"""The `elysium` command: play, serve, test, validate."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from elysium import __version__

EXIT_CONTENT = 2
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE: the game itself went wrong


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` one command's options (what `main` parses a line
    naming its command with: making every command's options cost the game's start a few ms)."""
    parser = argparse.ArgumentParser(
        prog="elysium",
        description="Elysium: a term at Starred Blocks, the bard college of Elysium.",
    )
    parser.add_argument("--version", action="version", version=f"elysium {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        commands = _OneCommand(commands, only)

    play = commands.add_parser("play", help="play the game (the default command)")
    play.add_argument("game", nargs="?", type=Path, metavar="PACK",
                      help="a content pack folder, like --content (IF tools such as regtest.py pass the "
                           "game this way)")
    _content_options(play)
    play.add_argument("--plain", action="store_true",
                      help="plain line mode: text in, text out (screen readers, pipes, regtest.py); "
                           "the default when input or output is not a terminal, and with --trace, --record or --dev")
    play.add_argument("--seed", type=int, default=0, help="seed for the game's dice (default 0)")
    play.add_argument("--trace", action="store_true",
                      help="write every message between the services to stderr")
    play.add_argument("--record", metavar="FILE", type=Path,
                      help="write the session as a transcript test (.regtest) to FILE")
    play.add_argument("--continue", dest="resume", action="store_true",
                      help="carry on from the newest saved game")
    play.add_argument("--load", metavar="NAME", help="start from the saved game NAME")
    play.add_argument("--dev", action="store_true",
                      help="watch the packs and reload them when a file changes, keeping your place")
    play.add_argument("--saves", metavar="DIR", type=Path,
                      help="the folder for saved games (default: saves/ in a checkout of the project, "
                           "otherwise your user data folder, e.g. ~/.local/share/elysium/saves)")
    play.add_argument("--debug", action="store_true",
                      help="in plain mode, write the details of an internal error to stderr too (they "
                           "always go to elysium.log in the saves folder)")

    serve = commands.add_parser("serve", help="serve the game to web browsers (each tab is its own game)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    _content_options(serve)
    serve.add_argument("--seed", type=int, default=0, help="seed for the game's dice (default 0)")
    serve.add_argument("--saves", metavar="DIR", type=Path,
                       help="the folder for saved games; each browser gets its own folder in it, under players/")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use to reach the game, when it differs from --host and "
                            "--port (behind a proxy, or listening on 0.0.0.0); only pages from it may play")
    serve.add_argument("--max-sessions", metavar="N", type=_positive, default=16,
                       help="how many games may be open at once (default 16; each is a process of about "
                            "50 MB); the next browser is told the game is full")

    # The web, explore and map commands' options live with those commands: imported only when wanted.
    if only in (None, "web"):
        from elysium.web.run import add_web_command

        add_web_command(commands, _content_options)

    test = commands.add_parser("test", help="run playthrough transcripts (*.regtest)")
    test.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="transcript files or folders")
    test.add_argument("-v", "--verbose", action="store_true", help="name every passing test too")
    test.add_argument("-k", "--test", dest="only", metavar="NAME", help="run only the tests with this name")
    test.add_argument("--coverage", action="store_true",
                      help="report which rooms, items, rules, topics, lore, timers and endings the tests played")
    test.add_argument("--fail-under", metavar="N", type=_percentage,
                      help="with coverage: exit 1 when the overall figure is under N percent")
    test.add_argument("--coverage-json", metavar="FILE", type=Path, help="with coverage: also write it as JSON to FILE")

    validate = commands.add_parser("validate", help="check content and mods for errors")
    _content_options(validate)

    new_mod = commands.add_parser("new-mod", help="create a working mod to start from")
    new_mod.add_argument("name", help="the mod's name, e.g. 'Herb Garden'")
    new_mod.add_argument("--dir", type=Path, metavar="DIR",
                         help="where to create it (default: your mods folder, so that the game loads it)")

    new_game = commands.add_parser("new-game", help="create a working stand-alone game to start from")
    new_game.add_argument("name", help="the game's name, e.g. 'Cloak of Darkness'")
    new_game.add_argument("--dir", type=Path, metavar="DIR", default=Path("."),
                          help="where to create it (default: the current folder)")

    explore = commands.add_parser("explore", help="let the game play itself and report errors and leaks")
    if only in (None, "explore"):
        from elysium.explore.options import add_arguments as explore_arguments

        explore_arguments(explore)

    world_map = commands.add_parser("map", help="draw the world's map from the exits (text, SVG or DOT)")
    if only in (None, "map"):
        from elysium.worldmap.options import add_arguments as map_arguments

        map_arguments(world_map)

    audit = commands.add_parser("audit", help="find the holes a player falls into: nouns that cannot be examined, "
                                "what no path reaches, names never set or never read, verbs the text invites")
    audit.add_argument("--content", metavar="DIR", type=Path, help="the game's content pack (default: Starred Blocks)")
    audit.add_argument("--mod", metavar="DIR", type=Path, action="append", default=[],
                       help="a mod pack to audit with the game (repeatable); the mods folder is not read")
    audit.add_argument("--json", action="store_true", help="write the findings as JSON")

    schema = commands.add_parser("schema", help="write the JSON Schema of content files (for editors)")
    schema.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    return parser


class _OneCommand:
    """The subparsers of `build_parser(only=...)`: the other commands' parsers are stand-ins that
    take every option and keep none."""

    def __init__(self, commands: argparse._SubParsersAction, only: str) -> None:
        self.commands, self.only = commands, only

    def add_parser(self, name: str, **options: Any) -> Any:
        return self.commands.add_parser(name, **options) if name == self.only else _Ignored()


class _Ignored:
    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


def _content_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", metavar="DIR", type=Path,
                         help="the game's content pack (default: Starred Blocks)")
    command.add_argument("--mod", metavar="DIR", type=Path, action="append", default=[],
                         help="a mod pack to load on top (repeatable); the packs in your mods folder are "
                              "loaded too")
    chosen = command.add_mutually_exclusive_group()
    chosen.add_argument("--mods", metavar="DIR", type=_folder,
                        help="load every pack in DIR instead of your mods folder (default: mods/ in a "
                             "checkout of the project, otherwise your user data folder, e.g. "
                             "~/.local/share/elysium/mods)")
    chosen.add_argument("--no-mods", action="store_true",
                        help="load no pack from the mods folder: only the game and each --mod")


def _folder(text: str) -> Path:
    folder = Path(text)
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is not a folder")
    return folder


def default_mods_folder() -> Path:
    """The player's mods folder: the one the game always reads, whichever saves folder is used
    (mods/ beside the default saves folder: the project root in a checkout, else the user data folder)."""
    from elysium.state.saves import default_saves_folder

    return default_saves_folder().parent / "mods"


COMMANDS = ("play", "serve", "web", "test", "validate", "new-mod", "new-game", "schema", "explore", "map", "audit")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        argv = ["play", *argv]  # `elysium --continue`, `elysium --saves DIR`...: play is the default command
    args = build_parser(only=argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    command = args.command
    try:
        if command == "play":
            return play(args)
        if command == "serve":
            return serve(args)
        if command == "web":
            from elysium.web.run import run_web

            return run_web(args, _load)
        if command == "test":
            return run_tests(args)
        if command == "validate":
            return validate(args)
        if command == "schema":
            return write_schema(args)
        if command == "audit":
            from elysium.audit.run import command as audit
            return audit(args)
        if command == "new-mod":
            return new_mod(args)
        if command == "new-game":
            return new_game(args)
        if command == "explore":
            from elysium.explore.command import run as explore_run

            return explore_run(args)
        if command == "map":
            from elysium.worldmap.command import run as map_run

            return map_run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`elysium play --plain | head`): nothing left to say, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def _packs(args: argparse.Namespace) -> tuple[Path, ...]:
    """The mods to load: those named with --mod, then those in the mods folder (--mods, or the
    player's own), unless --no-mods. The saves folder has no say in it."""
    from elysium.content.loader import mods_in

    if args.no_mods:
        return tuple(args.mod)
    named = {p.resolve() for p in args.mod}
    installed = [m for m in mods_in(args.mods or default_mods_folder()) if m.resolve() not in named]
    return (*args.mod, *installed)


def _load(args: argparse.Namespace):
    from elysium.content import ContentError, load_content

    args.packs = _packs(args)
    try:
        if getattr(args, "dev", False):
            return _watched(args).load()  # the load --dev reloads from (see dev_reloader)
        return load_content(args.content, args.packs)
    except ContentError as error:
        for problem in error.problems:
            _say(problem, sys.stderr)
        count = len(error.problems)
        print(f"content has {count} error{'s' * (count != 1)}; nothing was started", file=sys.stderr)
        return None


def _say(text: object, stream: TextIO | None = None) -> None:
    """Print a line that may quote a pack, a save or a path, without the control characters that
    a terminal would act on."""
    from elysium.content.styles import without_controls

    print(without_controls(str(text)), file=stream or sys.stdout)


def wants_tui(args: argparse.Namespace) -> bool:
    """The TUI, unless plain mode was asked for or implied (a pipe, --trace, --record, --dev).
    textual-serve runs the game with pipes and names its driver in TEXTUAL_DRIVER."""
    if args.plain or args.trace or args.record or getattr(args, "dev", False):
        return False
    return bool(os.environ.get("TEXTUAL_DRIVER")) or (sys.stdin.isatty() and sys.stdout.isatty())


def play(args: argparse.Namespace) -> int:
    """Play, with the details of anything that goes wrong inside the game in the error log: the
    player reads a sentence, not a traceback (a turn catches its own errors; this is the rest)."""
    from elysium.error_log import error_log, internal_error
    from elysium.state.saves import default_saves_folder

    debug = getattr(args, "debug", False)
    with error_log(args.saves or default_saves_folder(), debug=debug and not wants_tui(args)) as log:
        try:
            return start_playing(args)
        except BrokenPipeError:
            raise
        except Exception:
            import logging

            logging.getLogger("elysium").exception("the game stopped")
            print(internal_error(log, debug), file=sys.stderr)
            return EXIT_INTERNAL


def start_playing(args: argparse.Namespace) -> int:
    if args.game is not None:
        args.content = args.game
    if wants_tui(args):
        return _play_in_the_tui(args)
    # Imported here, not at the top: the TUI starts faster without them and imports the engine itself.
    from elysium.engine import Game
    from elysium.plain import run_plain

    content = _load(args)
    if content is None:
        return EXIT_CONTENT
    trace = (lambda delivery: _say(delivery.describe(), sys.stderr)) if args.trace else None
    game = Game.from_content(content, args.seed, trace)
    from elysium.state.saves import SaveSlots, default_saves_folder, shown_name

    game.slots = SaveSlots(args.saves or default_saves_folder())
    game.autosave_each_line = True  # so that no way out of the game loses a move
    game.slots.clean_temporaries()
    if args.resume or args.load:
        names = [shown_name(args.load)] if args.load else game.slots.to_continue()
        if not names:
            print("There is no saved game to continue yet; starting a new one.", file=sys.stderr)
        from elysium.state.saves import SaveError

        for index, name in enumerate(names):
            try:
                args.opening = f"Restored \u201c{name}\u201d.\n\n{game.restore(game.slots, name)}"
                break
            except SaveError as error:
                _say(f"{error} {_after_a_bad_save(names[index + 1:])}", sys.stderr)
    from elysium.content.mods import mods_note

    if note := mods_note(content):
        print(note + "\n", flush=True)
    reloader = dev_reloader(args) if args.dev else None
    streams = {"stdin": sys.stdin, "stdout": sys.stdout}  # as they are now, not when plain.py was imported
    if args.record:
        from elysium.transcript import TranscriptRecorder

        with TranscriptRecorder(args.record, args.content, args.seed, tuple(args.packs)) as recorder:
            return run_plain(game, recorder=recorder, reloader=reloader, opening=getattr(args, "opening", None),
                             **streams)
    return run_plain(game, reloader=reloader, opening=getattr(args, "opening", None), **streams)


def _play_in_the_tui(args: argparse.Namespace) -> int:
    # The way to the title screen makes some 50,000 objects (Textual's modules, styles and widgets,
    # the pack) and frees few: the cyclic collector, run after every 700 new ones, would scan them
    # over a hundred times before the first frame. The app turns it back on once the pack is read
    # (ElysiumApp.collector_paused), as load_content would have.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from elysium.tui.app import CONTINUE, ElysiumApp

        resume = args.load if args.load else (CONTINUE if args.resume else None)
        app = ElysiumApp(args.content, args.seed, _packs(args), args.saves, resume)
        app.collector_paused = collecting
        app.run()
        return app.return_code or 0
    finally:
        if collecting:
            gc.enable()


def _after_a_bad_save(still_to_try: list[str]) -> str:
    if still_to_try:
        return f"Continuing \u201c{still_to_try[0]}\u201d, the newest saved game that can be read."
    return "Starting a new game instead."


def _watched(args: argparse.Namespace):
    """The reloader of `play --dev` and the watcher of its folders, made once: the game's own load
    is the reloader's, which keeps what each file gives (content/incremental.py)."""
    from elysium.content.incremental import Reloader
    from elysium.content.watch import PackWatcher

    if getattr(args, "watched", None) is None:
        reloader = Reloader(args.content, tuple(args.packs))
        args.watched = (reloader, PackWatcher(reloader.folders))  # watched from before the load
    return args.watched[0]


def dev_reloader(args: argparse.Namespace):
    """Before each command: if a pack's file changed, reload the packs and carry the game over;
    broken content is reported and the game goes on as it was. Only the changed files are read
    again where that is enough (content/incremental.py)."""
    from elysium.content import ContentError

    loaded = getattr(args, "watched", None) is not None
    reloader = _watched(args)
    watcher = args.watched[1]
    if not loaded:
        try:
            reloader.load()
        except ContentError:
            pass  # changed since the game's own load: the first reload reads everything and says why

    def reload(game) -> str:
        changed = watcher.changed()
        if not changed:
            return ""
        try:
            content = reloader.reload(changed)
        except ContentError as error:
            lines = [str(p) for p in error.problems]
            return "(The packs changed, but they have errors; the game goes on as it was.)\n" + "\n".join(lines)
        return game.reload(content) if content is not None else ""

    return reload


def serve(args: argparse.Namespace) -> int:
    """Each browser tab runs the TUI in a process of its own, in its player's own saves folder."""
    try:
        from elysium.web.terminal import TerminalServer
    except ImportError:
        print("elysium serve needs textual-serve: pip install textual-serve", file=sys.stderr)
        return 1
    from urllib.parse import urlsplit

    from elysium.content.styles import plain, without_controls
    from elysium.state.saves import default_saves_folder
    from elysium.web.limits import Limits

    if args.public_url and (urlsplit(args.public_url).scheme not in ("http", "https")
                            or not urlsplit(args.public_url).netloc):
        print(f"--public-url needs a whole address such as https://games.example.org, not "
              f"{without_controls(args.public_url)!r}", file=sys.stderr)
        return 2
    content = _load(args)  # a broken pack is told here, once, not in every browser tab
    if content is None:
        return EXIT_CONTENT
    command = [sys.executable, "-m", "elysium", "play", "--seed", str(args.seed)]
    if args.content:
        command += ["--content", str(args.content.resolve())]
    for mod in args.mod:
        command += ["--mod", str(mod.resolve())]
    if args.mods:
        command += ["--mods", str(args.mods.resolve())]
    if args.no_mods:
        command += ["--no-mods"]
    server = TerminalServer(command, (args.saves or default_saves_folder()).resolve(),
                            title=without_controls(plain(content.game.title)), host=args.host, port=args.port,
                            public_url=args.public_url, limits=Limits(max_sessions=args.max_sessions))
    print(f"Serving {server.title} on {server.address} (Ctrl+C stops it)", flush=True)
    server.serve()
    return 0


def _percentage(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"needs a percentage from 0 to 100, not {text!r}")
    return number


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number of at least 1, not {text!r}")
    return number


def run_tests(args: argparse.Namespace) -> int:
    from elysium.transcript import run_paths

    if args.coverage or args.fail_under is not None or args.coverage_json:
        from elysium.transcript.coverage_command import run_with_coverage

        return run_with_coverage(args, sys.stdout)
    return run_paths(list(args.paths), sys.stdout, verbose=args.verbose, only=args.only)


def validate(args: argparse.Namespace) -> int:
    content = _load(args)
    if content is None:
        return EXIT_CONTENT
    from elysium.content.mods import listing

    for warning in content.warnings:
        _say(warning)
    if mods := listing(content):
        print(f"with {mods}")
    print(f"content ok: {content.summary()}")
    return 0


def write_schema(args: argparse.Namespace) -> int:
    import json

    from elysium.content.jsonschema import content_schema

    text = json.dumps(content_schema(), indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{args.out}: cannot write the schema ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


def new_mod(args: argparse.Namespace) -> int:
    from elysium.content.scaffold import create_mod

    parent = args.dir or default_mods_folder()
    try:
        folder = create_mod(args.name, parent)
    except (OSError, FileExistsError) as error:
        print(f"elysium new-mod: {error}", file=sys.stderr)
        return 1
    print(f"created {folder}")
    print(f"  check it:  elysium validate --mod {folder}")
    print(f"  play it:   elysium play --plain --mod {folder}")
    print(f"  test it:   elysium test {folder / 'tests'}")
    return 0


def new_game(args: argparse.Namespace) -> int:
    from elysium.content.scaffold import create_game

    try:
        folder = create_game(args.name, args.dir)
    except (OSError, FileExistsError) as error:
        print(f"elysium new-game: {error}", file=sys.stderr)
        return 1
    print(f"created {folder} (a plain parser game: add campus systems in game: features)")
    print(f"  check it:  elysium validate --content {folder} --no-mods")
    print(f"  play it:   elysium play --plain --no-mods {folder}")
    print(f"  test it:   elysium test {folder / 'tests'}")
    return 0
