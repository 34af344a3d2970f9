"""Run Python programs in real TensorFlow, as they stand, for `scopesim verify FILE.py`.

Run as a script by the TensorFlow interpreter (`python tf_pyrunner.py JOBS.json`);
it needs only the standard library and TensorFlow, not scopesim.  It sets
`TF_USE_LEGACY_KERAS=1` (LANGUAGE.md part 6: a program runs as if it had
been set) and imports TensorFlow once, *without* turning graph mode on: each
program does that itself, or runs eagerly, as it would under TensorFlow.

TensorFlow cannot go back to eager mode once graph mode was used
(`enable_v2_behavior()` then raises "must be called at program startup"),
so every program runs in a child forked from the process that imported
TensorFlow (fresh TensorFlow state, no second two-second import).  Where
`os.fork` does not exist the programs run one after another in this
process, and a program that follows one which turned graph mode on sees it
on.

Each program runs as `__main__` with `__file__` and `sys.argv[0]` its file
name as given, its directory first on `sys.path`, its stdout captured.  One
JSON line per job on stdout: `{"id": ..., "result": {"output", "variables",
"ops", "collections", "error"}}` (the contract's JSON, part 7; the error's
line and 1-based column are those of the failing expression in the
innermost frame of the program's own file), or `{"id": ..., "unverifiable":
"why"}`.
"""

import contextlib
import io
import json
import os
import sys


def _position(tb):
    try:
        found = list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2]
    except (AttributeError, IndexError):
        return tb.tb_lineno, None
    return (found[0] or tb.tb_lineno), found[2]


def _char_column(source_lines, line, byte_col):
    if byte_col is None:
        return None
    text = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1


def _shape(variable):
    shape = variable.shape
    if shape.dims is None:
        return None
    return [None if d is None else int(d) for d in shape.as_list()]


def _collections(graph):
    out = {}
    for key in sorted(k for k in graph.get_all_collection_keys() if isinstance(k, str)):
        names = [item.name for item in graph.get_collection(key)
                 if isinstance(getattr(item, "name", None), str)]
        if names:
            out[key] = names
    return out


def _error(e, filename, source):
    innermost = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            innermost = tb
        tb = tb.tb_next
    line = column = None
    if innermost is not None:
        line, byte_col = _position(innermost)
        column = _char_column(source.split("\n"), line, byte_col)
    elif isinstance(e, SyntaxError) and e.filename == filename and e.lineno:
        line, column = e.lineno, e.offset or 1
    return {"type": type(e).__name__, "message": str(e), "line": line, "column": column}


def run_one(job, tf):
    """The result of one job (see the module docstring)."""
    filename, source = job["filename"], job["source"]
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        return {"unverifiable": f"Python cannot compile the program ({type(e).__name__}: "
                                f"{getattr(e, 'msg', None) or e})"}
    T = tf.compat.v1
    out = io.StringIO()
    error = None
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [filename, *job.get("argv", [])]
    sys.path.insert(0, job.get("directory") or os.path.dirname(os.path.abspath(filename)))
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {"__name__": "__main__", "__file__": filename, "__doc__": None,
                        "__builtins__": __builtins__, "__loader__": None,
                        "__package__": None, "__spec__": None})
        except SystemExit as e:
            if e.code not in (None, 0):
                error = {"type": "SystemExit", "message": str(e), "line": None,
                         "column": None}
        except Exception as e:  # noqa: BLE001 - the program's error is data
            error = _error(e, filename, source)
        finally:
            sys.argv, sys.path[:] = saved_argv, saved_path
    lines = out.getvalue().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    graph = T.get_default_graph()
    try:
        with graph.as_default():
            variables = [{"name": v.name, "shape": _shape(v),
                          "dtype": v.dtype.base_dtype.name,
                          "trainable": bool(getattr(v, "trainable", True))}
                         for v in T.global_variables()]
        ops = [{"name": op.name, "type": op.type} for op in graph.get_operations()]
        collections = _collections(graph)
    except Exception as e:  # noqa: BLE001 - e.g. an eager program: nothing in the graph
        return {"unverifiable": f"TensorFlow's graph cannot be read after the program "
                                f"({type(e).__name__}: {e})"}
    return {"result": {"output": lines, "variables": variables, "ops": ops,
                       "collections": collections, "error": error}}


def _forked(job, tf):
    """`run_one` in a child process; its JSON comes back through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                                     # the child
        os.close(read_end)
        status = 0
        try:
            payload = run_one(job, tf)
        except BaseException as e:  # noqa: BLE001 - reported, never raised past the fork
            payload = {"unverifiable": f"the TensorFlow runner failed "
                                       f"({type(e).__name__}: {e})"}
            status = 1
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            pipe.write(json.dumps(payload))
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if data:
        return json.loads(data)
    how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
           else f"exit status {os.WEXITSTATUS(status)}")
    return {"unverifiable": f"TensorFlow crashed while running the program ({how})"}


def main(argv):
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    real_stdout = sys.stdout
    with open(argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    with contextlib.redirect_stdout(sys.stderr):      # keep stdout for results only
        import tensorflow as tf
    print(json.dumps({"tensorflow": tf.__version__}), file=real_stdout, flush=True)
    fork = hasattr(os, "fork")
    for job in jobs:
        payload = _forked(job, tf) if fork else run_one(job, tf)
        print(json.dumps({"id": job["id"], **payload}), file=real_stdout, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
