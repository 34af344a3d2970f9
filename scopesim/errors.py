"""Errors: syntax errors of the language, and errors a program raises.

Two families, never mixed:

* `ScopeSyntaxError` -- the text is not a program.  Carries file, line,
  column, the offending line and what was expected, and renders itself with a
  caret.  Raised only by `scopesim.parser.parse`.
* `ProgramError` -- a run-time error of the *program* (TensorFlow's
  `ValueError`/`TypeError`, Python's `NameError`/`AssertionError`/...), with
  the type name and message exactly as TensorFlow or Python words them, plus
  where in the `.scope` source it happened.  It is data in a `RunResult`, not
  an exception that escapes `run`.

The engine raises `TFError` subclasses named after TensorFlow's exception
types; the interpreter turns them into `ProgramError`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .ast import Span


class ScopeSyntaxError(Exception):
    """The source text does not parse."""

    def __init__(self, message: str, filename: str, line: int, column: int,
                 source_line: str, expected: tuple[str, ...] = (), incomplete: bool = False):
        self.message = message
        #: True when the text ended before the program did (an unclosed `<`,
        #: a `try` without `except`, an unterminated string): the REPL reads
        #: another line instead of reporting the error.
        self.incomplete = incomplete
        self.filename = filename
        self.line = line
        self.column = column
        self.source_line = source_line
        self.expected = tuple(expected)
        super().__init__(self.render())

    def caret_line(self) -> str:
        """Spaces (tabs kept, so the caret lines up) then `^` under the column."""
        prefix = self.source_line[: max(self.column - 1, 0)]
        return "".join(c if c == "\t" else " " for c in prefix) + "^"

    def render(self) -> str:
        return (f"{self.filename}:{self.line}:{self.column}: syntax error: {self.message}\n"
                f"    {self.source_line}\n"
                f"    {self.caret_line()}")


# ------------------------------------------------------------ engine errors


class TFError(Exception):
    """An error TensorFlow would raise.  `type_name` is TensorFlow's class name;
    `message` is TensorFlow's text word for word.  Subclasses add structured
    fields (which variable, which shapes...) for tools that want them."""

    type_name = "Exception"

    def __init__(self, message: str, **fields):
        super().__init__(message)
        self.message = message
        self.fields = fields


class TFValueError(TFError):
    type_name = "ValueError"


class TFTypeError(TFError):
    type_name = "TypeError"


class TFRuntimeError(TFError):
    type_name = "RuntimeError"


class TFAttributeError(TFError):
    type_name = "AttributeError"


class PyError(TFError):
    """A plain Python error (NameError, AssertionError, AttributeError, ...)
    raised by the interpreter itself, not by TensorFlow."""

    def __init__(self, type_name: str, message: str, **fields):
        super().__init__(message, **fields)
        self.type_name = type_name


#: What `except X` catches: the class and its Python base classes.
EXCEPTION_BASES: dict[str, tuple[str, ...]] = {
    "ValueError": ("ValueError", "Exception"),
    "TypeError": ("TypeError", "Exception"),
    "NameError": ("NameError", "Exception"),
    "AssertionError": ("AssertionError", "Exception"),
    "AttributeError": ("AttributeError", "Exception"),
    "RuntimeError": ("RuntimeError", "Exception"),
    "ZeroDivisionError": ("ZeroDivisionError", "ArithmeticError", "Exception"),
    # a Python int too large for an integer dtype
    "OverflowError": ("OverflowError", "ArithmeticError", "Exception"),
    # TensorFlow's subclass of TypeError (a symbolic tensor used as a bool)
    "OperatorNotAllowedInGraphError": ("OperatorNotAllowedInGraphError", "TypeError", "Exception"),
    "error": ("error", "Exception"),           # re.error from a bad scope regex
}

#: The class names `except` accepts.
CATCHABLE = ("ValueError", "TypeError", "NameError", "AssertionError", "AttributeError",
             "RuntimeError", "ZeroDivisionError", "OverflowError", "ArithmeticError", "Exception")


def catches(handler_type: str, raised_type: str) -> bool:
    """Whether `except handler_type` catches an error of `raised_type`."""
    return handler_type in EXCEPTION_BASES.get(raised_type, (raised_type, "Exception"))


# ------------------------------------------------------------ program errors


@dataclass(frozen=True)
class ProgramError:
    """An uncaught error of a program run.

    `message` is TensorFlow's (or Python's) text.  For "already exists" errors
    TensorFlow appends the Python traceback of the original definition after
    `Originally defined at:`; scopesim appends the `.scope` location instead
    (`defined_at` holds it as data too).  `scopes` are the enclosing
    statements' heads, outermost first, e.g. ('scope "a"', 'name_scope "n"').
    """

    type: str
    message: str
    filename: str
    span: Span
    source_line: str
    scopes: tuple[str, ...] = ()
    defined_at: Span | None = None
    defined_source_line: str = ""
    fields: dict = field(default_factory=dict, compare=False)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def to_json(self) -> dict:
        return {"type": self.type, "message": self.message,
                "line": self.span.line, "column": self.span.column}
