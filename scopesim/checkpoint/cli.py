"""What `scopesim keys SOURCE` does (kept here, so that `scopesim/cli.py` only
parses the command line): a checkpoint's keys, or a program's (what
`tf.train.Saver()` would save for it)."""

from __future__ import annotations

from .errors import CheckpointError
from .gcpause import gc_paused
from .keys import checkpoint_keys, render
from .program_keys import graph_keys, is_program, keeping_python_session


def keys_or_exit(app, source: str, fmt: str) -> None:
    """Print the keys of SOURCE in `fmt`; exit 2 for a bad checkpoint or an
    unreadable program or its syntax error, and as `run` does when the
    program raised (1; 2 for NotSimulated)."""
    from ..cli import fail_usage, stop
    from ..exitcodes import ExitCode
    from ..render import write_raw
    if is_program(source):
        keys = _program_keys_or_exit(app, source)
        write_raw(app.out, render(keys, fmt, source, kind="program"))
        stop(ExitCode.OK)
    with gc_paused():       # a checkpoint's key lists hold no cycle (gcpause.py)
        try:
            prefix, keys = checkpoint_keys(source)
        except CheckpointError as exc:
            fail_usage(app, f"cannot list checkpoint keys: {exc}")
        text = render(keys, fmt, prefix)
        del keys            # before the collector starts again
    write_raw(app.out, text)
    stop(ExitCode.OK)


def _program_keys_or_exit(app, path: str):
    graph, result = program_graph_or_exit(app, path)
    try:
        return graph_keys(graph)
    except ValueError as exc:   # Saver's own error: two variables of one name
        from ..cli import run_exit_code, stop
        from ..render import write_raw
        write_raw(app.err, f"ValueError: {exc}\n")
        stop(run_exit_code(result) if result.error else 1)


def program_graph_or_exit(app, path: str):
    """(graph, RunResult) of the program file `path` run to its end; its error
    reported and exited as `run` does."""
    from ..cli import parse_or_exit, read_program, run_exit_code, stop
    text, filename = read_program(app, path)
    if path.endswith(".py"):
        from ..pyfront.cli import run_or_exit
        with keeping_python_session() as kept:
            result = run_or_exit(app, text, filename, (), False, False)
        graph = kept[0].graph if kept else None
    else:
        from ..runner import Session
        program = parse_or_exit(app, text, filename)
        session = Session()
        result = session.execute(program)
        graph = session.graph
    if result.error is not None:
        from ..render import print_traceback, write_raw
        python_traceback = (result.error.fields or {}).get("python_traceback")
        if python_traceback:
            write_raw(app.err, python_traceback)
        else:
            print_traceback(app.err, result.error)
        stop(run_exit_code(result))
    return graph, result
