#!/usr/bin/env python3
"""Record TensorFlow's results for the hand-written version-2 cases
(tests/conformance/handwritten_v2/), from hand-written TensorFlow programs.

Version 1 cases are recorded by emitting them (tools/record_tf.py).  The
version-2 cases were written before the version-2 emitter existed, so each
`NAME.scope` has its TensorFlow translation beside it, `NAME.tf.py`, and this
tool runs those translations -- all of them in ONE TensorFlow process, each in
a fresh default graph -- and writes `NAME.expected.json` in the contract's
JSON (LANGUAGE.md part 7: output, variables, ops, collections, error).

    ~/tfvenv/bin/python tools/record_tf_v2.py            # every case
    ~/tfvenv/bin/python tools/record_tf_v2.py NAME ...   # these (NAME, NAME.scope or NAME.tf.py)
    ~/tfvenv/bin/python tools/record_tf_v2.py --show NAME  # print the result, write nothing

It needs only TensorFlow and the standard library (not scopesim), so run it
with the interpreter that has TensorFlow.

How a translation is written
----------------------------

A `.tf.py` is the mechanical translation of its `.scope`, **line for line**:
statement N of the `.scope` is on line N of the `.tf.py` (comment lines and
the `>` that closes a block become blank or comment lines; `> else <` becomes
`else:`), and both files have the same number of lines.  So a line number
TensorFlow or Python reports in the `.tf.py` is the `.scope` line.  The
program runs with these globals, and imports nothing:

* `tf` -- `tensorflow.compat.v1` (the language's builtin handle `tf`);
* `show(*values, sep=" ", end="\\n")` -- the `print` statement: each value
  printed as `.name` when it is a variable (ref, resource or partitioned), a
  tensor, an op or a variable scope, else as `str(value)` (LANGUAGE.md 4.4);
* `T` -- the same module as `tf`, for cases that rebind `tf`.

Before each case the default graph is reset; after it resource variables are
disabled again (`disable_v2_behavior()`'s state), so one case cannot leak into
the next.

The error of a case
-------------------

An uncaught exception becomes `{"type", "message", "line", "column"}`.  The
line is the innermost frame of the `.tf.py` (the `.scope` line, by the rule
above).  The column is the `.scope` column (1-based) of the expression that
raised, as tools/record_tf.py reports it: the text of the failing instruction
in the `.tf.py` (CPython's positions) is looked up in the `.scope` line; when
the translation spells it differently (`var w [1]` for
`tf.get_variable("w", [1])`), the `.tf.py` line says where it is with a
trailing comment `#@ COLUMN`.  A column that can be found neither way stops the
recording: annotate the line.

In messages and printed text, the Python frames after "Originally defined
at:" that belong to the `.tf.py` are rewritten as
`File "handwritten_v2/NAME.scope", line N, in FUNCTION` (innermost first, as
TensorFlow lists them); frames of this tool are dropped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "conformance"
CASES = CORPUS / "handwritten_v2"
ORIGINALLY = "Originally defined at:"
_COLUMN_NOTE = re.compile(r"#@\s*(\d+)\s*$")


class CaseProblem(Exception):
    """The translation breaks a rule of this tool (not an error of the program)."""


# ------------------------------------------------------------------ output form


def format_result(result: dict) -> str:
    """The contract's JSON object, one output line / variable / op per line
    (the layout of tools/record_tf.py), with `collections` before `error`."""
    lines = ["{"]
    keys = ("output", "variables", "ops", "collections", "error")
    for index, key in enumerate(keys):
        comma = "," if index < len(keys) - 1 else ""
        value = result[key]
        if isinstance(value, list) and value:
            lines.append(f'  "{key}": [')
            items = [json.dumps(item, ensure_ascii=False) for item in value]
            lines += [f"    {item}," for item in items[:-1]] + [f"    {items[-1]}"]
            lines.append(f"  ]{comma}")
        elif isinstance(value, dict) and value:
            lines.append(f'  "{key}": {{')
            items = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
            lines += [f"    {item}," for item in items[:-1]] + [f"    {items[-1]}"]
            lines.append(f"  }}{comma}")
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ one case


def scope_path(tf_py: Path) -> Path:
    return tf_py.with_name(tf_py.name[: -len(".tf.py")] + ".scope")


def expected_path(tf_py: Path) -> Path:
    return tf_py.with_name(tf_py.name[: -len(".tf.py")] + ".expected.json")


class Case:
    def __init__(self, tf_py: Path):
        self.tf_py = tf_py
        self.scope = scope_path(tf_py)
        self.source = tf_py.read_text(encoding="utf-8")
        self.scope_lines = self.scope.read_text(encoding="utf-8").split("\n")
        self.py_lines = self.source.split("\n")
        if len(self.scope_lines) != len(self.py_lines):
            raise CaseProblem(f"{tf_py.name} has {len(self.py_lines) - 1} lines, "
                              f"{self.scope.name} {len(self.scope_lines) - 1}: "
                              "a translation is line for line")
        self.filename = str(tf_py.resolve())
        relative = self.scope.resolve()
        self.shown_name = (relative.relative_to(CORPUS).as_posix()
                           if relative.is_relative_to(CORPUS) else self.scope.name)

    # -- "Originally defined at:"

    def rewrite_origins(self, text: str) -> str:
        frame = re.compile(r'  File "(?P<file>[^"\n]*)", line (?P<line>\d+), in (?P<fn>[^\n]*)\n')
        block = re.compile(re.escape(ORIGINALLY) + r'\n\n((?:  File "[^"\n]*", line \d+, in [^\n]*\n)*)')

        def rewrite(match: re.Match) -> str:
            kept = [f'  File "{self.shown_name}", line {m["line"]}, in {m["fn"]}\n'
                    for m in frame.finditer(match[1]) if m["file"] == self.filename]
            return f"{ORIGINALLY}\n\n" + "".join(kept)
        text = block.sub(rewrite, text)
        return self.rewrite_template_origins(text)

    def rewrite_template_origins(self, text: str) -> str:
        """A template's errors end in "originally defined at:" (lower case)
        and a Python traceback with source lines: keep the frames of the
        program, each with its `.scope` line, drop TensorFlow's."""
        marker = "\n\noriginally defined at:\n"
        if marker not in text:
            return text
        head, _, tail = text.partition(marker)
        frame = re.compile(r'  File "(?P<file>[^"\n]*)", line (?P<line>\d+), in (?P<fn>[^\n]*)\n'
                           r'(?:    [^\n]*\n)?')
        kept, position = [], 0
        for match in frame.finditer(tail):
            if match.start() != position:
                break
            position = match.end()
            if match["file"] == self.filename:
                line = int(match["line"])
                kept.append(f'  File "{self.shown_name}", line {line}, in {match["fn"]}\n'
                            f'    {self.scope_lines[line - 1].strip()}\n')
        return head + marker + "".join(kept) + tail[position:]

    # -- where an error was raised

    def location(self, error: BaseException) -> tuple[int, int]:
        innermost = None
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.filename:
                innermost = tb
            tb = tb.tb_next
        if innermost is None:
            raise CaseProblem(f"{self.tf_py.name}: the error has no frame in the program")
        line = innermost.tb_lineno
        return line, self.column(innermost, line)

    def column(self, tb, line: int) -> int:
        py_line = self.py_lines[line - 1]
        note = _COLUMN_NOTE.search(py_line)
        if note:
            return int(note[1])
        positions = list(tb.tb_frame.f_code.co_positions())
        start_line, end_line, start, end = positions[tb.tb_lasti // 2]
        if start_line != line or end_line != line or start is None:
            raise CaseProblem(f"{self.tf_py.name}:{line}: no single-line position; add #@ COLUMN")
        text = py_line.encode("utf-8")[start:end].decode("utf-8")
        scope_line = self.scope_lines[line - 1]
        found = [m.start() for m in re.finditer(re.escape(text), scope_line)]
        if len(found) != 1:
            raise CaseProblem(f"{self.tf_py.name}:{line}: {text!r} occurs {len(found)} times in "
                              f"the .scope line {scope_line!r}; add #@ COLUMN")
        return found[0] + 1


def display(value, tf) -> str:
    """The `print` statement's rule (LANGUAGE.md 4.4)."""
    from tensorflow.python.ops import variables
    # variables.Variable, not tf.compat.v1.Variable (VariableV1): resource
    # variables and the result of their assign are not VariableV1.
    named = (variables.Variable, variables.PartitionedVariable, tf.Tensor, tf.Operation,
             tf.VariableScope)
    return value.name if isinstance(value, named) else str(value)


def _shape(variable):
    shape = variable.shape
    if shape.dims is None:
        return None
    return [None if d is None else int(d) for d in shape.as_list()]


def collections_of(graph) -> dict:
    found = {}
    for key in sorted(k for k in graph.get_all_collection_keys() if isinstance(k, str)):
        names = []
        for item in graph.get_collection(key):
            try:
                name = item.name
            except Exception:  # noqa: BLE001 - an item without a usable name is left out
                continue
            if isinstance(name, str):
                names.append(name)
        if names:
            found[key] = names
    return found


def run_case(case: Case, tf) -> dict:
    code = compile(case.source, case.filename, "exec")
    tf.reset_default_graph()
    out = io.StringIO()

    def show(*values, sep=" ", end="\n"):
        print(*(display(v, tf) for v in values), sep=sep, end=end)

    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {"__name__": "__main__", "tf": tf, "T": tf, "show": show})
        except CaseProblem:
            raise
        except Exception as e:  # noqa: BLE001 - every error of the program is data
            line, column = case.location(e)
            error = {"type": type(e).__name__, "message": case.rewrite_origins(str(e)),
                     "line": line, "column": column}
    graph = tf.get_default_graph()      # the program may have reset it
    lines = case.rewrite_origins(out.getvalue()).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    with graph.as_default():
        variables = [{"name": v.name, "shape": _shape(v), "dtype": v.dtype.base_dtype.name,
                      "trainable": bool(getattr(v, "trainable", True))}
                     for v in tf.global_variables()]
    ops = [{"name": op.name, "type": op.type} for op in graph.get_operations()]
    result = {"output": lines, "variables": variables, "ops": ops,
              "collections": collections_of(graph), "error": error}
    tf.disable_resource_variables()
    tf.reset_default_graph()
    return result


def find_cases(names: list[str]) -> list[Path]:
    if not names:
        return sorted(CASES.glob("*.tf.py"))
    found = []
    for name in names:
        path = Path(name)
        base = path.name
        for suffix in (".tf.py", ".scope", ".expected.json"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
        folder = path.parent if path.parent != Path(".") else CASES
        found.append(folder / (base + ".tf.py"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="cases to record (default: all)")
    parser.add_argument("--show", action="store_true", help="print the results, write nothing")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    with contextlib.redirect_stdout(sys.stderr), contextlib.redirect_stderr(io.StringIO()):
        import tensorflow
        tensorflow.compat.v1.disable_v2_behavior()
    tf = tensorflow.compat.v1
    problems = 0
    recorded = 0
    for tf_py in find_cases(args.cases):
        try:
            result = run_case(Case(tf_py), tf)
        except (CaseProblem, OSError, SyntaxError) as e:
            print(f"NOT RECORDED: {tf_py.name}: {e}", file=sys.stderr)
            traceback.print_exc(limit=0)
            problems += 1
            continue
        text = format_result(result)
        if args.show:
            print(f"== {tf_py.name[:-len('.tf.py')]}")
            print(text, end="")
        else:
            expected_path(tf_py).write_text(text, encoding="utf-8")
        recorded += 1
    print(f"recorded {recorded} case(s) with TensorFlow {tensorflow.__version__}"
          + (f"; {problems} not recorded" if problems else ""), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
