"""`scopesim check [PATH...]`: run sample programs and compare them with the
output recorded inside them.

The expectation form
--------------------

A sample is one self-contained `.scope` file.  Its expected output is the
trailing block of comments that starts at the line `# --- expected output ---`:

    scope "scope1" <
        v = var variable1 [1]
        print v
        var variable1 [1]
    >

    # --- expected output ---
    #| scope1/variable1:0
    #! ValueError: Variable scope1/variable1 already exists, disallowed. [...] Originally defined at:
    #!
    #!   File "duplicate.scope", line 2, column 9
    #!     v = var variable1 [1]
    #!

* `#| ` + text: one line printed by the program (a `print`), in order.
* `#! ` + text: the uncaught error the program ends in, as Python shows its
  last line: `Type: message` (just `Type` when the message is empty), the
  message's further lines each on a `#!` line of their own.
* An empty line is written `#|` / `#!` alone (no trailing space, which
  editors strip).  On reading, one space after the marker is dropped.

The block must be the end of the file: after the marker line only `#|`,
`#!` and blank lines may follow.  Since it is all comments, the program is
parsed from the whole file and line numbers are those of the file.

A sample may also be a Python program (`.py`, LANGUAGE.md part 6): the
block is the same comment block at the end of the file, which Python
ignores; the program runs as `scopesim run FILE.py` runs it, its own folder
first on `sys.path`.

Each sample runs in a fresh graph under its base name (`duplicate.scope`,
not `samples/duplicate.scope`), so messages that point at the source
("Originally defined at:") read the same wherever `check` is run from.
They are compared exactly.

`--update` rewrites the block from the current results (the program part of
the file is kept byte for byte), atomically: a temporary file in the same
folder, then `os.replace`.  A file whose program does not parse is never
touched, nor is one whose block is malformed; both are reported as failures.
Nor is a file that has no block at all (a program that is not a sample, a
folder of other `.scope` files): `--update` records a first block only when
asked by `--record-new`, which implies `--update`.

There is no default PATH: `scopesim check` alone is a usage error that asks
for one (in a source checkout, `scopesim check samples`), since walking the
working directory would take every `.scope` file under it for a sample.

Exit status, the worst outcome of any file: 3 an internal error of scopesim;
2 a file that could not be checked at all -- a path that does not exist, no
sample found, a file that cannot be read or written, a program with a
syntax error (as for `run`); 1 a sample that ran and differs, has no
expectation or a malformed one; 0 every file passes.  In a folder, a `.py`
file is a sample only if it ends in an expectation block.  The verdicts and
diffs are the report, on stdout; a missing path, a folder without samples
and an unreadable or unwritable file are said on stderr.
"""

from __future__ import annotations

import difflib
import os
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .errors import ScopeSyntaxError
from .exitcodes import DIFFERENCE, INTERNAL, OK, USAGE
from .pyfront.runner import PythonSyntaxError

__all__ = ["check_paths", "check_file", "find_samples", "split_expectation",
           "expectation_lines", "render_block", "MARKER", "CheckOutcome"]

MARKER = "# --- expected output ---"
OUTPUT_PREFIX = "#|"
ERROR_PREFIX = "#!"


class MalformedExpectation(ValueError):
    """The expectation block has a line that is neither `#|`, `#!` nor blank."""


# ---------------------------------------------------------------- the format


def split_expectation(text: str) -> tuple[str, list[str] | None]:
    """Split a sample into (program part, expectation lines).

    The expectation lines are the `#|`/`#!` lines after the marker, as
    written (blank lines dropped); None when the file has no marker.  Raises
    MalformedExpectation when something else follows the marker.
    """
    lines = text.splitlines(keepends=True)
    marker_index = None
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].rstrip() == MARKER:
            marker_index = index
            break
    if marker_index is None:
        return text, None
    block = []
    for offset, line in enumerate(lines[marker_index + 1:], start=marker_index + 2):
        stripped = line.rstrip("\r\n")
        if not stripped.strip():
            continue
        if not stripped.startswith((OUTPUT_PREFIX, ERROR_PREFIX)):
            raise MalformedExpectation(
                f"line {offset}: after '{MARKER}' every line must start with "
                f"'{OUTPUT_PREFIX}' or '{ERROR_PREFIX}'")
        block.append(stripped)
    return "".join(lines[:marker_index]), block


def expectation_lines(result) -> list[str]:
    """The `#|`/`#!` lines that record a RunResult."""
    lines = []
    for printed in result.output:
        for line in printed.split("\n"):
            lines.append(_marked(OUTPUT_PREFIX, line))
    error = result.error
    if error is not None:
        shown = f"{error.type}: {error.message}" if error.message else error.type
        for line in shown.split("\n"):
            lines.append(_marked(ERROR_PREFIX, line))
    return lines


def _marked(prefix: str, line: str) -> str:
    return f"{prefix} {line}" if line else prefix


def _normalized(block: list[str]) -> list[str]:
    """Block lines as the text they stand for, prefix kept: `#|x` and `#| x`
    both mean "x" (one space after the marker is optional)."""
    normal = []
    for line in block:
        prefix, rest = line[:2], line[2:]
        if rest.startswith(" "):
            rest = rest[1:]
        normal.append(_marked(prefix, rest))
    return normal


def render_block(lines: list[str]) -> str:
    return MARKER + "\n" + "".join(line + "\n" for line in lines)


def with_expectation(program_part: str, lines: list[str]) -> str:
    """The sample text with its block replaced: one blank line between the
    program and the block."""
    body = program_part.rstrip("\n")
    return (body + "\n\n" if body else "") + render_block(lines)


# ---------------------------------------------------------------- one file


@dataclass
class CheckOutcome:
    """The verdict on one file.  `status` is PASS, FAIL, UPDATED or ERROR
    (ERROR: the file could not be read or written)."""

    path: Path
    status: str
    reason: str = ""
    diff: list[str] | None = None
    detail: str = ""            # a syntax error's rendering, an internal traceback
    internal: bool = False
    not_a_program: bool = False  # a syntax error: the file could not be checked (exit 2)

    @property
    def failed(self) -> bool:
        return self.status in ("FAIL", "ERROR")


def check_file(path: Path, update: bool = False, record_new: bool = False) -> CheckOutcome:
    """Check one sample; with `update`, rewrite its block if it differs, and
    with `record_new` also write a first block into a file that has none."""
    from . import parse, run

    try:
        text = path.read_bytes().decode("utf-8")     # line endings kept as they are
    except (OSError, UnicodeDecodeError) as error:
        return CheckOutcome(path, "ERROR", f"cannot read: {_reason(error)}")
    try:
        program_part, expected = split_expectation(text)
    except MalformedExpectation as error:
        return CheckOutcome(path, "FAIL", f"malformed expectation, {error}")
    try:
        if path.suffix == ".py":
            result = _run_python(text, path)
        else:
            result = run(parse(text, path.name))
    except ScopeSyntaxError as error:
        return CheckOutcome(path, "FAIL", "syntax error" + (", file not updated" if update else ""),
                            detail=error.render(), not_a_program=True)
    except PythonSyntaxError as error:
        return CheckOutcome(path, "FAIL", "syntax error" + (", file not updated" if update else ""),
                            detail=error.text, not_a_program=True)
    except Exception:           # a bug of scopesim, not of the sample
        return CheckOutcome(path, "FAIL", "internal error of scopesim",
                            detail=traceback.format_exc(), internal=True)
    try:
        actual = expectation_lines(result)
    except Exception:           # a bug of scopesim, not of the sample
        return CheckOutcome(path, "FAIL", "internal error of scopesim",
                            detail=traceback.format_exc(), internal=True)

    if expected is not None and _normalized(expected) == actual:
        return CheckOutcome(path, "PASS")
    if expected is None and update and not record_new:
        return CheckOutcome(path, "FAIL", "no expected output recorded, file not updated; "
                                          "--record-new records a first one")
    if update or record_new:
        try:
            write_atomically(path, with_expectation(program_part, actual))
        except OSError as error:
            return CheckOutcome(path, "ERROR", f"cannot write: {_reason(error)}")
        return CheckOutcome(path, "UPDATED", "expectation recorded" if expected is None
                            else "expectation rewritten")
    if expected is None:
        return CheckOutcome(path, "FAIL", "no expected output recorded; "
                                          "--record-new records one")
    diff = list(difflib.unified_diff(_normalized(expected), actual, "expected", "actual",
                                     lineterm=""))
    return CheckOutcome(path, "FAIL", "output differs", diff=diff)


def _run_python(text: str, path: Path):
    """A Python program's RunResult (LANGUAGE.md part 6): run under its base
    name, its own folder first on sys.path.  Raises PythonSyntaxError."""
    from .pyfront.runner import compile_program, run_python
    code = compile_program(text, path.name)
    return run_python(text, path.name, code=code, program_dir=str(path.parent.resolve()))


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over
    `path`: readers see the old file or the new one, never half of one."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# ---------------------------------------------------------------- many files


def find_samples(paths) -> tuple[list[Path], list[str]]:
    """Every sample under `paths` (files taken as given, folders searched
    recursively, skipping hidden folders such as `.venv`, sorted), and the
    paths that do not exist.  In a folder a sample is a `.scope` file, or a
    `.py` file that ends in an expectation block (other Python files, a
    helper module or a test, are not samples)."""
    found: list[Path] = []
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(
                p for p in path.rglob("*")
                if p.suffix in (".scope", ".py") and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
                and (p.suffix == ".scope" or _is_python_sample(p))))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(str(given))
    return list(dict.fromkeys(found)), missing


def _is_python_sample(path: Path) -> bool:
    try:
        _, block = split_expectation(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, MalformedExpectation):
        return False
    return block is not None


_STYLES = {"PASS": "bold green", "FAIL": "bold red", "UPDATED": "bold yellow",
           "ERROR": "bold red"}


def check_paths(paths, update: bool = False, console: Console | None = None,
                error_console: Console | None = None, *, record_new: bool = False) -> int:
    """Check (or with `update`, record) every sample under `paths`; print one
    line per file and a diff for each failure on `console`, and what keeps
    a path or file from being checked on `error_console` (stderr).  Returns
    the exit status (see the module docstring)."""
    console = console or Console()
    errors = error_console or Console(stderr=True, highlight=False, markup=False)
    if not paths:
        errors.print(Text.assemble(("scopesim check: ", "bold red"),
                                   "which samples? Give the files or folders to check "
                                   "(in a source checkout: scopesim check samples)"))
        return int(USAGE)
    files, missing = find_samples(paths)
    for given in missing:
        errors.print(Text.assemble(("ERROR", _STYLES["ERROR"]), f" {given}: no such file or folder"))
    if not files:
        if not missing:
            errors.print(Text(f"no .scope files (or .py samples) under {', '.join(map(str, paths))}"))
        return int(USAGE)
    outcomes = [check_file(path, update, record_new) for path in files]
    for outcome in outcomes:
        _print_outcome(errors if outcome.status == "ERROR" else console, outcome)
    _print_summary(console, outcomes, update)
    if any(o.internal for o in outcomes):
        return int(INTERNAL)
    if missing or any(o.status == "ERROR" or o.not_a_program for o in outcomes):
        return int(USAGE)
    if any(o.failed for o in outcomes):
        return int(DIFFERENCE)
    return int(OK)


def _print_outcome(console: Console, outcome: CheckOutcome) -> None:
    line = Text.assemble((f"{outcome.status:<7}", _STYLES[outcome.status]), " ",
                         str(outcome.path))
    if outcome.reason:
        line.append(f"  ({outcome.reason})", style="dim" if not outcome.failed else None)
    console.print(line)
    if outcome.detail:
        console.print(Text(_indent(outcome.detail.rstrip("\n"))), soft_wrap=True)
    for diff_line in outcome.diff or ():
        style = ("bold" if diff_line.startswith(("---", "+++")) else
                 "red" if diff_line.startswith("-") else
                 "green" if diff_line.startswith("+") else
                 "cyan" if diff_line.startswith("@@") else None)
        console.print(Text("    " + diff_line, style=style or ""), soft_wrap=True)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))


def _print_summary(console: Console, outcomes: list[CheckOutcome], update: bool) -> None:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    words = {"PASS": "passed", "FAIL": "failed", "UPDATED": "updated", "ERROR": "unreadable"}
    summary = ", ".join(f"{counts[s]} {words[s]}" for s in words if counts.get(s))
    console.print(f"{len(outcomes)} file(s): {summary}", highlight=False, markup=False)
