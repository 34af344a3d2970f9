"""`scopesim verify FILE...`: run each program in scopesim and in real TensorFlow, and compare.

Each program runs twice: in scopesim, and emitted (`scopesim.emit`) in
TensorFlow through `scopesim.tf_runner` (one TensorFlow process for all the
files, a fresh graph each).  The two results must be equal: printed output,
variables (name, shape, dtype, trainable), the full op list (name and type,
in creation order), the collections (when the TensorFlow result has them:
the version-1 corpus was recorded without) and the uncaught error (type,
message, line, column).
The only allowance is the text after "Originally defined at:", where
TensorFlow shows Python frames and scopesim shows `.scope` lines.

A `.py` file is a Python program (LANGUAGE.md part 6): it runs as it
stands in scopesim's `tensorflow` and in TensorFlow (`scopesim.pyfront.verify`),
after the `.scope` files.

`compare_results` is the comparison itself, shared with the conformance
tests; `verify_programs` is the whole check without any printing.
"""

from __future__ import annotations

import difflib
import itertools
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import exitcodes
from .emit import emit_program
from .errors import ScopeSyntaxError
from .tf_runner import (TensorFlowNotFound, find_tensorflow_python, job,
                        run_jobs)

SECTIONS = ("output", "variables", "ops", "collections", "error")


# ------------------------------------------------------------- comparison


@dataclass
class Difference:
    """One section where TensorFlow and scopesim disagree, as comparable lines."""

    section: str
    tensorflow: list[str]
    scopesim: list[str]

    def unified(self) -> list[str]:
        """A unified diff, TensorFlow as the reference (`-`), scopesim as `+`."""
        return list(difflib.unified_diff(self.tensorflow, self.scopesim, fromfile="tensorflow",
                                         tofile="scopesim", lineterm="", n=3))


#: Where TensorFlow's message goes on with a Python traceback: "Originally
#: defined at:" (a variable that already exists) and "originally defined
#: at:" (a template's, `template.py`).
_ORIGIN_MARK = re.compile(r"[Oo]riginally defined at:")


def message_prefix(message: str) -> str:
    """The part of an error message that must match word for word: all of it,
    or up to and including "Originally defined at:" (after it TensorFlow shows
    Python frames, scopesim `.scope` lines)."""
    found = _ORIGIN_MARK.search(message)
    return message if found is None else message[:found.end()]


def messages_agree(tensorflow: str, scopesim: str) -> bool:
    return message_prefix(tensorflow) == message_prefix(scopesim)


def canonical_output(lines: list[str]) -> list[str]:
    """Printed lines with the traceback of a printed "already exists" error
    (`print e`) reduced to a marker: the lines after one that ends with
    "Originally defined at:" up to the blank line that closes the frames."""
    out: list[str] = []
    skipping = False
    seen_frame = False
    for line in lines:
        if skipping:
            if line.strip() == "":
                if seen_frame:
                    skipping = False
                continue
            seen_frame = True
            continue
        out.append(line)
        if _ORIGIN_MARK.search(line) and _ORIGIN_MARK.search(line).end() == len(line):
            out.append("    <traceback of the original definition>")
            skipping, seen_frame = True, False
    return out


def _variable_line(v: dict) -> str:
    return f"{v['name']}  shape={v['shape']}  dtype={v['dtype']}  trainable={v['trainable']}"


def _op_line(op: dict) -> str:
    return f"{op['name']}  ({op['type']})"


def _collection_lines(collections: dict) -> list[str]:
    """One line per item, `key: name`, keys in sorted order (as recorded)."""
    return [f"{key}: {name}" for key in sorted(collections) for name in collections[key]] \
        or ["no collections"]


def _error_lines(error: dict | None, truncate: bool) -> list[str]:
    """An error as lines to diff; `truncate` drops the allowed traceback part."""
    if error is None:
        return ["no error"]
    message = message_prefix(error["message"]) if truncate else error["message"]
    where = f"line {error.get('line')}, column {error.get('column')}"
    return [f"{error['type']} at {where}:", *message.split("\n")]


def compare_results(tensorflow: dict, scopesim: dict) -> list[Difference]:
    """The sections where two results in the contract's JSON format differ
    (`tensorflow` is the reference).  Empty when they agree."""
    differences = []
    tf_output = canonical_output(tensorflow["output"])
    sim_output = canonical_output(scopesim["output"])
    if tf_output != sim_output:
        differences.append(Difference("output", tf_output, sim_output))
    for section, render in (("variables", _variable_line), ("ops", _op_line)):
        tf_lines = [render(item) for item in tensorflow[section]]
        sim_lines = [render(item) for item in scopesim[section]]
        if tf_lines != sim_lines:
            differences.append(Difference(section, tf_lines, sim_lines))
    if "collections" in tensorflow:     # the version-1 corpus was recorded without it
        tf_lines = _collection_lines(tensorflow["collections"])
        sim_lines = _collection_lines(scopesim.get("collections", {}))
        if tf_lines != sim_lines:
            differences.append(Difference("collections", tf_lines, sim_lines))
    tf_error, sim_error = tensorflow["error"], scopesim["error"]
    if not _errors_agree(tf_error, sim_error):
        both_truncated = bool(tf_error and sim_error
                              and _ORIGIN_MARK.search(tf_error["message"])
                              and _ORIGIN_MARK.search(sim_error["message"]))
        differences.append(Difference("error", _error_lines(tf_error, both_truncated),
                                      _error_lines(sim_error, both_truncated)))
    return differences


def _errors_agree(tensorflow: dict | None, scopesim: dict | None) -> bool:
    if tensorflow is None or scopesim is None:
        return tensorflow is scopesim
    return (tensorflow["type"] == scopesim["type"]
            and messages_agree(tensorflow["message"], scopesim["message"])
            and tensorflow.get("line") == scopesim.get("line")
            and tensorflow.get("column") == scopesim.get("column"))


# ------------------------------------------------------------- verification


@dataclass
class Outcome:
    """The verdict for one program: "agree", "differ" or "unverifiable"."""

    filename: str
    status: str
    differences: list[Difference] = field(default_factory=list)
    reason: str = ""
    tensorflow: dict | None = None
    scopesim: dict | None = None


def run_scopesim(program) -> dict:
    """scopesim's result in the contract's JSON; a crash of scopesim itself is
    reported as an error of type `scopesim crashed`, which TensorFlow never matches."""
    from .runner import run
    try:
        return run(program).to_json()
    except Exception:  # noqa: BLE001 - a crash is a finding, not a reason to stop
        return {"output": [], "variables": [], "ops": [],
                "error": {"type": "scopesim crashed", "message": traceback.format_exc(),
                          "line": None, "column": None}}


def verify_programs(programs: list, tf_python: str | None = None):
    """Compare scopesim with TensorFlow on each parsed program; yield an
    `Outcome` per program, in order.  Raises TensorFlowNotFound."""
    tf_python = tf_python or find_tensorflow_python()
    jobs, emitted_by_id = [], {}
    for index, program in enumerate(programs):
        emitted = emit_program(program)
        jobs.append(job(str(index), emitted, program.filename))
        emitted_by_id[str(index)] = emitted
    for job_id, payload in run_jobs(jobs, tf_python):
        program = programs[int(job_id)]
        if "unverifiable" in payload:
            reason = payload["unverifiable"]
            depth = emitted_by_id[job_id].block_depth
            if "nested blocks" in reason or "indentation" in reason:
                reason += f" (blocks nested {depth} deep)"
            yield Outcome(program.filename, "unverifiable", reason=reason)
            continue
        tensorflow = payload["result"]
        scopesim = run_scopesim(program)
        differences = compare_results(tensorflow, scopesim)
        yield Outcome(program.filename, "differ" if differences else "agree", differences,
                      tensorflow=tensorflow, scopesim=scopesim)


def verify_paths(paths, console, error_console=None) -> int:
    """`scopesim verify FILE...`: print a verdict per file and the differences
    on `console`; 0 if all agree, 1 on any disagreement, 2 when TensorFlow is
    missing or a file cannot be read or parsed (said on `error_console`,
    `console` by default)."""
    from .parser import parse
    errors = error_console or console
    try:
        tf_python = find_tensorflow_python()
    except TensorFlowNotFound as e:
        errors.print(f"scopesim verify: {e}", markup=False, highlight=False)
        return exitcodes.USAGE
    from .pyfront.runner import PythonSyntaxError, compile_program
    programs, python_programs, unreadable = [], [], 0
    for path in paths:
        name = str(path)
        try:
            text = _read(path)
            if name.endswith(".py"):
                compile_program(text, name)
                python_programs.append((name, text))
            else:
                programs.append(parse(text, name))
        except PythonSyntaxError as e:
            unreadable += 1
            errors.print(f"{name}: cannot verify, not a program:\n{e.text.rstrip()}",
                         markup=False, highlight=False)
        except ScopeSyntaxError as e:
            unreadable += 1
            errors.print(f"{name}: cannot verify, not a program:\n{e.render()}",
                         markup=False, highlight=False)
        except (OSError, UnicodeDecodeError) as e:
            unreadable += 1
            reason = getattr(e, "strerror", None) or e
            errors.print(f"{name}: cannot read: {reason}", markup=False, highlight=False)
    counts = {"agree": 0, "differ": 0, "unverifiable": 0}
    from .pyfront.verify import verify_python_programs
    outcomes = itertools.chain(verify_programs(programs, tf_python) if programs else (),
                               verify_python_programs(python_programs, tf_python))
    for outcome in outcomes:
        counts[outcome.status] += 1
        _print_outcome(outcome, console)
    summary = f"{counts['agree']} agree, {counts['differ']} differ"
    if counts["unverifiable"]:
        summary += f", {counts['unverifiable']} cannot be verified"
    if unreadable:
        summary += f", {unreadable} not read"
    console.print(summary, markup=False, highlight=False)
    if unreadable:
        return exitcodes.USAGE
    return exitcodes.DIFFERENCE if counts["differ"] else exitcodes.OK


def _read(path) -> str:
    if str(path) == "-":
        import sys
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


_DIFF_STYLES = (("---", "bold"), ("+++", "bold"), ("@@", "cyan"), ("-", "red"), ("+", "green"))


def _diff_style(line: str) -> str:
    return next((style for prefix, style in _DIFF_STYLES if line.startswith(prefix)), "")


#: A diff line longer than this is cut (with the count of characters left
#: out), and a section's diff longer than `MAX_DIFF_LINES` lines is cut too.
MAX_DIFF_LINE_CHARS = 240
MAX_DIFF_LINES = 60


def shorten_diff(lines: list[str], max_lines: int = MAX_DIFF_LINES,
                 max_chars: int = MAX_DIFF_LINE_CHARS) -> list[str]:
    """A diff short enough to read: each line cut to `max_chars` characters
    and `… N more characters` added, the first `max_lines` lines kept and
    `… N more diff lines` after them.  (One 20-million-character printed
    line is otherwise written whole.)"""
    shown = []
    for line in lines[:max_lines]:
        if len(line) > max_chars:
            hidden = len(line) - max_chars
            line = f"{line[:max_chars]}… {hidden:,} more character{'s' if hidden != 1 else ''}"
        shown.append(line)
    if len(lines) > max_lines:
        hidden = len(lines) - max_lines
        shown.append(f"… {hidden:,} more diff line{'s' if hidden != 1 else ''}")
    return shown


def _print_outcome(outcome: Outcome, console) -> None:
    from rich.text import Text

    def say(text: str = "", style: str = "") -> None:
        console.print(Text(text, style=style), highlight=False, soft_wrap=True)

    if outcome.status == "agree":
        say(f"{outcome.filename}: agrees with TensorFlow", "green")
    elif outcome.status == "unverifiable":
        say(f"{outcome.filename}: CANNOT BE VERIFIED: {outcome.reason}", "yellow")
    else:
        sections = ", ".join(d.section for d in outcome.differences)
        say(f"{outcome.filename}: DIFFERS from TensorFlow ({sections})", "bold red")
        for difference in outcome.differences:
            say(f"  {difference.section}: TensorFlow (-) vs scopesim (+)", "bold")
            for line in shorten_diff(difference.unified()[2:]):
                say("  " + line, _diff_style(line))
