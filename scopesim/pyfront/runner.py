"""Run a TF1 Python program over scopesim's `tensorflow` and build its `RunResult`.

    result = run_python(source, "model.py", argv=["--lr", "0.1"], tf1=False)

The program is compiled by CPython (a `SyntaxError` is `PythonSyntaxError`,
with Python's own text and caret) and executed as `__main__` with
`__file__` set, `sys.argv` = [file, *argv], its directory first on
`sys.path`, its stdout captured (the result's `output`), on a fresh graph
(`scopesim.tf.runtime.ProgramGraph`) with the import hook of `hook.py`
installed.  The result is the `.scope` runner's: variables, ops and
collections come from `scopesim.runner.Session`'s readers.  An uncaught
exception becomes a `ProgramError` whose `fields["python_traceback"]` is a
Python traceback of the program's frames only (scopesim's and importlib's
left out); its line and column are those of the innermost frame in the
program's file.
"""

from __future__ import annotations

import builtins
import functools
import io
import os
import sys

from ..span import Span
from ..errors import NotSimulated, ProgramError
from ..result import RunResult
from ..runner import Frame, Origin, Session, _line_at, _position
from .hook import tensorflow_importable
from .namespace import Namespaces

_SCOPESIM_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
ORIGINALLY_DEFINED_AT = "Originally defined at:"


class PythonSyntaxError(Exception):
    """The file is not Python: Python's own report (`text`, with the caret)."""

    def __init__(self, error: SyntaxError, filename: str) -> None:
        self.filename = filename
        self.line = error.lineno or 1
        self.column = error.offset or 1
        self.message = error.msg
        import traceback        # (errors only: its import costs a run's start-up)
        self.text = "".join(traceback.format_exception_only(type(error), error))
        super().__init__(self.text)

    def to_json(self) -> dict:
        return {"type": "SyntaxError", "message": self.message, "line": self.line,
                "column": self.column}


def compile_program(source: str, filename: str):
    """The code object of a Python program, or PythonSyntaxError."""
    try:
        return compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        if not isinstance(e, SyntaxError):      # e.g. a NUL byte in the source
            e = SyntaxError(str(e), (filename, 1, 1, source.split("\n", 1)[0]))
        raise PythonSyntaxError(e, filename) from None


def is_program_frame(filename: str) -> bool:
    """Not scopesim's own code, not importlib's machinery."""
    if filename.startswith("<frozen importlib") or filename.startswith(_SCOPESIM_DIR):
        return False
    return os.sep + "importlib" + os.sep not in filename


class _Lines:
    """The source lines of the program (and of other files, from linecache)."""

    def __init__(self, source: str, filename: str) -> None:
        self.filename = filename
        self.lines = source.split("\n")

    def line(self, filename: str, number: int) -> str:
        if filename == self.filename:
            return self.lines[number - 1] if 0 < number <= len(self.lines) else ""
        import linecache
        return linecache.getline(filename, number).rstrip("\n")

    def char_column(self, filename: str, number: int, byte_col: int) -> int:
        text = self.line(filename, number)
        if text.isascii():
            return byte_col + 1
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1


def _frame(lines: _Lines, code, lasti: int, lineno: int) -> Frame:
    where = _position(code, lasti)
    line, byte_col, end_line, end_byte = where if where is not None else \
        (int(lineno) if lineno is not None else _line_at(code, lasti), 0, None, None)
    filename = code.co_filename
    column = lines.char_column(filename, line, byte_col)
    end_column = lines.char_column(filename, end_line, end_byte) \
        if end_line is not None and end_byte is not None else 0
    return Frame(code.co_name, filename, line, column, lines.line(filename, line), (),
                 end_line or 0, end_column)


class PyOrigin(Origin):
    """An origin shown as TensorFlow shows the creating traceback after
    "Originally defined at:": innermost frame first, at most 5, each
    `  File "<file>", line <n>, in <function>`."""

    def render(self) -> str:
        return "".join(f'  File "{f.filename}", line {f.line}, in {f.function}\n'
                       for f in list(self.frames)[::-1][:5])

    __str__ = render


def _origin(lines: _Lines, resolvers: tuple) -> Origin:
    """The program frames that led to a variable's creation (none from
    before the program started: the walk stops at `_execute`), kept as
    `Origin.captured` keeps them, innermost first: made into Frames (outermost
    first) when first read."""
    frames = []
    frame = sys._getframe(1)
    stop = _execute.__code__
    while frame is not None and frame.f_code is not stop:
        code = frame.f_code
        if is_program_frame(code.co_filename):
            # no position or line looked up now (`_frame` does, if asked)
            frames += code, frame.f_lasti
        frame = frame.f_back
    return PyOrigin.captured(resolvers, tuple(frames))


def run_python(source: str, filename: str = "<stdin>", argv=(), tf1: bool = False,
               code=None, program_dir: str | None = None) -> RunResult:
    """Run a Python program (see the module docstring); `code` is its code
    object if already compiled (else `compile_program` is called).
    `program_dir` (first on `sys.path`) is by default the directory of
    `filename` (the current one for `<stdin>`); `check` gives it, as it runs
    a file under its base name."""
    if code is None:
        code = compile_program(source, filename)
    lines = _Lines(source, filename)
    spaces = Namespaces(tf1=tf1)
    session = Session()
    program_globals = {"__name__": "__main__", "__file__": filename, "__doc__": None,
                       "__builtins__": builtins, "__loader__": None, "__package__": None,
                       "__spec__": None}
    session.globals = program_globals
    if program_dir is None:
        program_dir = os.path.dirname(os.path.abspath(filename)) if filename != "<stdin>" \
            else os.getcwd()
    out = io.StringIO()
    error = _execute(code, program_globals, session, spaces, program_dir, filename, argv,
                     out, lines)
    printed = out.getvalue().split("\n")
    if printed and printed[-1] == "":
        printed.pop()
    return session.result(printed,
                          lambda: None if error is None else program_error(error, lines))


def _execute(code, program_globals, session, spaces, program_dir, filename, argv, out, lines):
    from ..tf import runtime
    runtime.reset()
    resolvers = (functools.partial(_frame, lines), None)
    runtime.set_origin_hook(lambda: _origin(lines, resolvers))
    saved_argv, saved_path, saved_stdout = sys.argv, list(sys.path), sys.stdout
    sys.argv = [filename, *argv]
    sys.path.insert(0, program_dir)
    state = runtime.ProgramGraph(session.graph)
    error = None
    try:
        with tensorflow_importable(spaces, program_dir), state:
            sys.stdout = out
            try:
                exec(code, program_globals)
            finally:
                sys.stdout = saved_stdout
    except SystemExit as e:          # sys.exit(): the program ends, as in Python
        if e.code not in (None, 0):
            error = e
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # noqa: BLE001 - every error of the program is data
        error = e
    finally:
        sys.stdout = saved_stdout
        sys.argv = saved_argv
        sys.path[:] = saved_path
        session.graph = state.graph
        runtime.set_origin_hook(None)
    if runtime.first_not_simulated is not None and not isinstance(error, NotSimulated):
        error = runtime.first_not_simulated
    return error


# ------------------------------------------------------------------ errors


def error_message(e: BaseException) -> str:
    """`str(e)` as TensorFlow words it: an "already exists" error goes on with
    the creating frames (TensorFlow's layout: innermost first, at most 5)."""
    if isinstance(e, NotSimulated):
        return e.message
    message = str(e)
    origin = getattr(e, "origin", None)
    if isinstance(origin, Origin) and message.endswith(ORIGINALLY_DEFINED_AT):
        message += "\n\n" + origin.render()
    return message


def type_name(e: BaseException) -> str:
    return "NotSimulated" if isinstance(e, NotSimulated) else type(e).__name__


def _filter(te, seen: set) -> None:
    """Program frames only in the `traceback.TracebackException` `te` and its chain."""
    import traceback
    if id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if is_program_frame(f.filename)])
    for chained in (te.__cause__, te.__context__):
        if chained is not None:
            _filter(chained, seen)


def python_traceback(e: BaseException) -> str:
    """Python's traceback of `e` (its chain included), program frames only,
    the last line TensorFlow's type and message (`error_message`)."""
    import traceback
    te = traceback.TracebackException(type(e), e, e.__traceback__, compact=True)
    _filter(te, set())
    lines = list(te.format())
    only = list(te.format_exception_only())
    if lines[-len(only):] == only:
        lines = lines[:-len(only)]
    message = error_message(e)
    last = f"{type_name(e)}: {message}" if message else type_name(e)
    notes = getattr(e, "__notes__", None) or []
    text = "".join(lines) + last.rstrip("\n") + "\n" + "".join(f"{n}\n" for n in notes)
    if not te.stack and not lines:
        text = last + "\n" + "".join(f"{n}\n" for n in notes)
    return text


def program_error(e: BaseException, lines: _Lines) -> ProgramError:
    """A `ProgramError` for the result: located at the innermost frame in the
    program's own file; `fields` carry Python's traceback text and that
    frame's instruction position (line, end line, byte column, end byte column)."""
    innermost = None
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == lines.filename and not code.co_name.startswith("__scopesim"):
            innermost = tb          # (the prelude of an emitted .scope program left out)
        tb = tb.tb_next
    if innermost is not None:
        frame = _frame(lines, innermost.tb_frame.f_code, innermost.tb_lasti, innermost.tb_lineno)
        raw = _position(innermost.tb_frame.f_code, innermost.tb_lasti)
        end = (frame.end_line, frame.end_column) if frame.end_line == frame.line and \
            frame.end_column > frame.column else (frame.line, frame.column)
        span = Span(frame.line, frame.column, *end)
        source_line = frame.source_line
    else:
        span, source_line, raw = Span(1, 1, 1, 1), lines.line(lines.filename, 1), None
        if isinstance(e, SyntaxError) and e.filename == lines.filename and e.lineno:
            span = Span(e.lineno, e.offset or 1, e.lineno, e.offset or 1)
    origin = getattr(e, "origin", None)
    return ProgramError(type_name(e), error_message(e), lines.filename, span, source_line, (),
                        origin.span if isinstance(origin, Origin) else None,
                        origin.source_line if isinstance(origin, Origin) else "",
                        {"python_traceback": python_traceback(e), "position": raw})
