"""Run emitted programs in real TensorFlow, many per process, and report in the contract's JSON.

This file has two halves that run in two different Python processes:

* the **runner** (`main`), run as a script by the TensorFlow interpreter
  (`python tf_runner.py JOBS.json`).  It needs only the standard library and
  TensorFlow, not scopesim, so the TensorFlow venv does not need scopesim
  installed.  It imports TensorFlow once, then runs every job in a fresh
  default graph and prints one JSON line per job:
  `{"id": ..., "result": {"output", "variables", "ops", "collections", "error"}}`, or
  `{"id": ..., "unverifiable": "why"}` when Python cannot even compile the
  emitted program (CPython limits indentation and nesting, see `scopesim.emit`).
* the **client** (`run_jobs`, `find_tensorflow_python`, `job`), used by
  `scopesim verify` and `tools/record_tf.py` from the project's Python.  It
  starts the runner once for a whole batch, and restarts it past a job that
  crashed the process, so one crash costs one result.

Errors are reported in `.scope` terms: the line and column of the statement
that raised (through the emitter's line map), a `NameError` worded with the
handle's own name (undoing the emitter's renames), and the traceback after
"Originally defined at:" rewritten to `.scope` locations, so that recorded
results do not depend on where the runner was installed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile

ORIGINALLY_DEFINED_AT = "Originally defined at:"

#: The prefix of the pseudo file name emitted programs are compiled under.
EMITTED_FILE_PREFIX = "<emitted "


# ===================================================================== client


class TensorFlowNotFound(Exception):
    """Neither this interpreter nor $SCOPESIM_TF_PYTHON can import TensorFlow."""


def find_tensorflow_python() -> str:
    """The Python interpreter to run TensorFlow with: this one if it has
    TensorFlow, else `$SCOPESIM_TF_PYTHON`.  Raises TensorFlowNotFound."""
    import importlib.util
    if importlib.util.find_spec("tensorflow") is not None:
        return sys.executable
    candidate = os.environ.get("SCOPESIM_TF_PYTHON")
    if candidate:
        try:
            probe = subprocess.run(
                [candidate, "-c", "import importlib.util, sys; "
                                  "sys.exit(importlib.util.find_spec('tensorflow') is None)"],
                capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as e:
            raise TensorFlowNotFound(f"SCOPESIM_TF_PYTHON={candidate} cannot be run: {e}") from None
        if probe.returncode == 0:
            return candidate
        raise TensorFlowNotFound(f"SCOPESIM_TF_PYTHON={candidate} cannot import tensorflow")
    raise TensorFlowNotFound(
        "TensorFlow is not installed: `pip install 'tf-scopesim[tf]'` (tensorflow-cpu), "
        "or set SCOPESIM_TF_PYTHON to a Python interpreter that has it.")


def job(job_id: str, emitted, filename: str) -> dict:
    """A runner job for an `emit.Emitted` program that came from `filename`."""
    return {"id": job_id, "source": emitted.source, "filename": filename,
            "line_map": [[py, line, column] for py, (line, column) in emitted.line_map.items()],
            "positions": [[*key, line, column]
                          for key, (line, column) in emitted.positions.items()],
            "renames": emitted.renames}


def run_jobs(jobs: list[dict], python: str, timeout: float | None = None):
    """Run `jobs` in TensorFlow; yield (job id, payload) in order, where payload
    is {"result": {...}} or {"unverifiable": "..."}.  One process for the whole
    batch, restarted after a job that crashed it."""
    remaining = list(jobs)
    while remaining:
        done = 0
        crash = None
        for kind, job_id, payload in _run_batch(remaining, python, timeout):
            if kind == "crash":
                crash = payload
                continue
            done += 1
            yield job_id, payload
        if done < len(remaining):
            yield remaining[done]["id"], {"unverifiable": crash or "TensorFlow stopped early"}
            done += 1
        remaining = remaining[done:]


#: Runs this file as a script without putting its directory (which holds
#: scopesim's `ast.py`) or the current directory on sys.path.
_LAUNCH = ("import sys, runpy; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; "
           "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def _run_batch(jobs: list[dict], python: str, timeout: float | None):
    """Yield ("result", id, payload) per job the runner finished, then
    ("crash", None, message) if the runner process failed."""
    with tempfile.TemporaryDirectory(prefix="scopesim-tf-") as tmp:
        jobs_path = os.path.join(tmp, "jobs.json")
        with open(jobs_path, "w", encoding="utf-8") as f:
            json.dump(jobs, f)
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONIOENCODING="utf-8",
                   PYTHONWARNINGS="ignore")
        with open(os.path.join(tmp, "stderr"), "w+", encoding="utf-8",
                  errors="replace") as stderr:
            command = [python, "-c", _LAUNCH, os.path.abspath(__file__), jobs_path]
            process = subprocess.Popen(command,
                                       stdout=subprocess.PIPE, stderr=stderr, env=env,
                                       text=True, encoding="utf-8")
            try:
                for line in process.stdout:
                    if line.startswith("{"):
                        try:
                            message = json.loads(line)
                        except ValueError:  # not one of the runner's messages (a broken line)
                            continue
                        if isinstance(message, dict) and "id" in message:
                            payload = {k: v for k, v in message.items() if k != "id"}
                            yield "result", message["id"], payload
                process.wait(timeout=timeout)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
            if process.returncode != 0:
                stderr.seek(0)
                tail = stderr.read()[-2000:].strip()
                yield "crash", None, ("TensorFlow crashed while running the emitted program "
                                      f"(exit status {process.returncode})"
                                      + (f":\n{tail}" if tail else ""))


# ===================================================================== runner


def _line_map(job: dict) -> dict[int, tuple[int, int]]:
    return {py: (line, column) for py, line, column in job["line_map"]}


def _emitted_filename(job: dict) -> str:
    return f"{EMITTED_FILE_PREFIX}{job['filename']}>"


def _error_location(tb, job: dict):
    """The `.scope` (line, column) of what raised: the innermost frame of the
    emitted program (the prelude's functions left out), and in it the failing
    instruction's position (CPython 3.11+ keeps columns), mapped back through
    the emitter's positions; else the statement of that line."""
    filename = _emitted_filename(job)
    innermost = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == filename and not code.co_name.startswith("__scopesim"):
            innermost = tb
        tb = tb.tb_next
    if innermost is None:
        return None
    line = innermost.tb_lineno
    position = _position(innermost)
    if position is not None:
        positions = {(a, b, c, d): (e, f) for a, b, c, d, e, f in job.get("positions", ())}
        start_line, end_line, start, end = position
        found = positions.get((start_line, start, end_line, end))
        if found is not None:
            return tuple(found)
    return _line_map(job).get(line)


def _position(tb):
    """(line, end line, column, end column) of the instruction `tb` stopped at."""
    try:
        positions = list(tb.tb_frame.f_code.co_positions())
        found = positions[tb.tb_lasti // 2]
    except (AttributeError, IndexError):           # Python < 3.11
        return None
    return None if None in found else found


_ORIGIN = re.compile(re.escape(ORIGINALLY_DEFINED_AT)
                     + r'\n\n((?:  File "[^"\n]*", line \d+, in [^\n]*\n)*)')
_FRAME = re.compile(r'  File "(?P<file>[^"\n]*)", line (?P<line>\d+), in [^\n]*\n')


def _rewrite_origins(text: str, job: dict) -> str:
    """The Python frames after each "Originally defined at:" (in an error
    message, or printed by `print e`) as one `.scope` location: the innermost
    frame of the emitted program, mapped to its `.scope` line.  The runner's
    own frames go, so recordings do not depend on where it was installed."""
    filename = _emitted_filename(job)
    line_map = _line_map(job)

    def rewrite(match: re.Match) -> str:
        for frame in _FRAME.finditer(match[1]):
            if frame["file"] == filename:
                line = line_map.get(int(frame["line"]), (int(frame["line"]), 0))[0]
                frame_text = f'  File "{job["filename"]}", line {line}, in <module>\n'
                return f"{ORIGINALLY_DEFINED_AT}\n\n{frame_text}"
        return f"{ORIGINALLY_DEFINED_AT}\n\n"
    return _ORIGIN.sub(rewrite, text)


def _renamed_back(text: str, renames: dict[str, str]) -> str:
    """`name 'def_' is not defined` -> `name 'def' is not defined`: the
    emitter renamed the handle `def`; Python's message names the new name.
    Applies to uncaught errors and to printed ones (`print e`)."""
    if not renames:
        return text
    handles = {python: handle for handle, python in renames.items()}

    def back(match: re.Match) -> str:
        return f"name '{handles.get(match[1], match[1])}' is not defined"
    return re.sub(r"name '([^']*)' is not defined", back, text)


def _shape(variable):
    shape = variable.shape
    if shape.dims is None:
        return None
    return [None if d is None else int(d) for d in shape.as_list()]


def _run_one(job: dict, T) -> dict:
    try:
        code = compile(job["source"], _emitted_filename(job), "exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError) as e:
        why = e.msg if isinstance(e, SyntaxError) else str(e)
        return {"unverifiable": f"Python cannot compile the emitted program "
                                f"({type(e).__name__}: {why})"}
    T.reset_default_graph()
    graph = T.get_default_graph()
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {"__name__": "__main__"})
        except RecursionError as e:
            return {"unverifiable": f"Python's recursion limit was hit running the emitted "
                                    f"program ({e})"}
        except Exception as e:  # noqa: BLE001 - every error of the program is data
            location = _error_location(e.__traceback__, job)
            message = _renamed_back(_rewrite_origins(str(e), job), job.get("renames", {}))
            error = {"type": type(e).__name__, "message": message,
                     "line": location[0] if location else None,
                     "column": location[1] if location else None}
    graph = T.get_default_graph()   # the program may have called reset_default_graph()
    text = _renamed_back(_rewrite_origins(out.getvalue(), job), job.get("renames", {}))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    with graph.as_default():
        variables = [{"name": v.name, "shape": _shape(v), "dtype": v.dtype.base_dtype.name,
                      "trainable": bool(getattr(v, "trainable", True))}
                     for v in T.global_variables()]
    ops = [{"name": op.name, "type": op.type} for op in graph.get_operations()]
    return {"result": {"output": lines, "variables": variables, "ops": ops,
                       "collections": _collections(graph), "error": error}}


def _collections(graph) -> dict:
    """LANGUAGE.md part 7: every collection with a string key, keys sorted,
    the `.name` of each item that has a string one; empty ones left out."""
    out = {}
    for key in sorted(k for k in graph.get_all_collection_keys() if isinstance(k, str)):
        names = [item.name for item in graph.get_collection(key)
                 if isinstance(getattr(item, "name", None), str)]
        if names:
            out[key] = names
    return out


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    real_stdout = sys.stdout
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    with open(argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    with contextlib.redirect_stdout(sys.stderr):      # keep stdout for results only
        import tensorflow as tf
        tf.compat.v1.disable_v2_behavior()
    T = tf.compat.v1
    print(json.dumps({"tensorflow": tf.__version__}), file=real_stdout, flush=True)
    for one in jobs:
        payload = _run_one(one, T)
        print(json.dumps({"id": one["id"], **payload}), file=real_stdout, flush=True)
    return 0


def tensorflow_version(python: str) -> str:
    """`tf.__version__` of the TensorFlow that `python` imports."""
    result = subprocess.run([python, "-c", "import os; os.environ['TF_CPP_MIN_LOG_LEVEL']='3'\n"
                                           "import tensorflow as tf; print(tf.__version__)"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
