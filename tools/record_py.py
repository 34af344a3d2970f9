"""Record TF1 Python programs against real TensorFlow: NAME.py -> NAME.expected.json.

    ~/tfvenv/bin/python tools/record_py.py tests/pycorpus/*.py

Each program runs in this process (TensorFlow imported once,
TF_USE_LEGACY_KERAS=1 and TF_CPP_MIN_LOG_LEVEL=3 set first, as LANGUAGE.md
part 6 says a program sees TensorFlow) as `__main__`, with `__file__` and
`sys.argv` set to its file name (the base name, as the tests run it from
the corpus folder), its stdout captured, on a fresh default graph.  The
JSON is the contract's (part 7): the printed lines, `global_variables()`,
every op, the collections, and the uncaught error (type, `str(e)`, and the
line and 1-based column of the failing expression in the innermost frame of
the program's file).  Only the standard library and TensorFlow are needed.
"""

import contextlib
import io
import json
import os
import sys

os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


# The program runner's helpers: the same JSON as `scopesim verify` of a
# `.py` file (scopesim/pyfront/tf_pyrunner.py needs only the standard library).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                                "scopesim", "pyfront"))
from tf_pyrunner import _collections, _error, _shape  # noqa: E402


def record(path, T):
    filename = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, filename, "exec", dont_inherit=True)
    T.reset_default_graph()
    out = io.StringIO()
    error = None
    saved_argv, saved_path, saved_cwd = sys.argv, list(sys.path), os.getcwd()
    sys.argv = [filename]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    os.chdir(os.path.dirname(os.path.abspath(path)))
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(code, {"__name__": "__main__", "__file__": filename,
                            "__builtins__": __builtins__})
            except SystemExit as e:
                if e.code not in (None, 0):
                    raise
            except Exception as e:  # noqa: BLE001 - the program's error is data
                error = _error(e, filename, source)
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
        os.chdir(saved_cwd)
    graph = T.get_default_graph()
    lines = out.getvalue().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    with graph.as_default():
        variables = [{"name": v.name, "shape": _shape(v), "dtype": v.dtype.base_dtype.name,
                      "trainable": bool(getattr(v, "trainable", True))}
                     for v in T.global_variables()]
    ops = [{"name": op.name, "type": op.type} for op in graph.get_operations()]
    return {"output": lines, "variables": variables, "ops": ops,
            "collections": _collections(graph), "error": error}


def main(paths):
    with contextlib.redirect_stdout(sys.stderr):
        import tensorflow as tf
        tf.compat.v1.disable_v2_behavior()
    for path in paths:
        result = record(path, tf.compat.v1)
        target = path[:-len(".py")] + ".expected.json"
        with open(target, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
        status = "error " + result["error"]["type"] if result["error"] else "ok"
        print(f"{target}: {len(result['variables'])} variables, {len(result['ops'])} ops, "
              f"{status}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
