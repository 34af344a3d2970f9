"""The `scopesim` console script: the commands that must start fast.

`scopesim --version` and a plain `scopesim run [--format F] [--all-ops]
[--collections] [--no-color] [--tf1] FILE` are served here without
importing click (and, for JSON, without rich): their work is
`clibase.run_file`, the very function click's `run` command calls.  Any
other command line, including every malformed one, is handed to click
(`scopesim.cli.main`), whose parsing and messages are the reference.
"""

from __future__ import annotations

import sys

#: The flags of `run` the fast path understands (anything else goes to click).
_RUN_FLAGS = ("--all-ops", "--collections", "--no-color", "--tf1")


def version_text() -> str:
    """What `scopesim --version` prints (click's `version_option` in cli.py
    prints the same text)."""
    from . import TENSORFLOW_VERSION, __version__
    return f"scopesim {__version__}\nreproduces TensorFlow {TENSORFLOW_VERSION} " \
           "(tf.compat.v1 graph mode)"


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        from .clibase import App, guarded

        def write():
            sys.stdout.write(version_text() + "\n")
            sys.stdout.flush()
        code = guarded(write, App)       # a closed pipe: the quiet 141 of the commands
        if code is not None:
            sys.exit(code)
        return
    run = _plain_run(args)
    if run is None:
        from .cli import main as click_main
        try:
            click_main(args)
        finally:
            freeze_heap()
        return
    code = _run(**run)
    freeze_heap()
    sys.exit(code)


def start_up_loader(module: str, attr: str):
    """`clibase.load`, the end of the start-up for a Python program.

    The collector is off while the command imports its modules (objects
    that live as long as the process: 28 collections, some 7 ms, in a tiny
    run).  A `.scope` program is parsed and run with the collector paused
    anyway (util.gc_paused); a Python program runs with it on, as Python
    does: before it runs, the modules its `import tensorflow` loads are
    imported and frozen with the rest (`gc.freeze()`), then the collector
    resumes."""
    from .clibase import load
    found = load(module, attr)
    if module == "pyfront.cli":
        import gc
        from .tf import compat_v1  # noqa: F401 - what `import tensorflow` gives
        gc.freeze()
        gc.enable()
    return found


def freeze_heap() -> None:
    """The command's objects live until the process ends: `gc.freeze()`
    moves them out of the collector's reach, so the collection Python runs
    at exit does not walk a big program's graph (it took 0.5-0.7 s).  The
    streams, the exit code and the atexit handlers are as without it."""
    import gc
    gc.freeze()


def _plain_run(args: list[str]) -> dict | None:
    """The options of a `run` command line the fast path can serve, else None."""
    if args[:1] == ["--no-color"]:
        no_color, args = True, args[1:]
    else:
        no_color = False
    if args[:1] != ["run"]:
        return None
    options = {"no_color": no_color, "output_format": "text", "all_ops": False,
               "collections": False, "tf1": False, "file": None}
    rest = iter(args[1:])
    for arg in rest:
        if arg in _RUN_FLAGS:
            options[arg[2:].replace("-", "_")] = True
        elif arg == "--format" or arg.startswith("--format="):
            value = arg[len("--format="):] if "=" in arg else next(rest, None)
            if value is None or value.lower() not in ("text", "json"):
                return None
            options["output_format"] = value.lower()
        elif (arg.startswith("-") and arg != "-") or options["file"] is not None:
            return None         # another option, `--`, or arguments for the program
        else:
            options["file"] = arg
    return options if options["file"] is not None else None


def _run(no_color: bool, output_format: str, all_ops: bool, collections: bool, tf1: bool,
         file: str) -> int:
    """`clibase.run_file` under the same last line of defence as click's group."""
    import gc
    gc.disable()                # the start-up's imports: see start_up_loader
    from .clibase import App, guarded, run_file
    app = App(no_color=no_color)
    status = [0]

    def call():
        try:
            run_file(app, file, (), None, tf1, output_format == "json", all_ops, collections,
                     loader=start_up_loader, exiting=True)
        except SystemExit as done:
            status[0] = 0 if done.code is None else done.code if isinstance(done.code, int) else 1
    try:
        code = guarded(call, lambda: app)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\nAborted!\n")     # what click's main says
        return 1
    return status[0] if code is None else code
