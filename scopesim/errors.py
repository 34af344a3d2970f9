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

from .record import Record
from .span import Span

_set = object.__setattr__
#: The default of `ProgramError.fields`: a new dict for each error.
_NEW_DICT: dict = {}


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
        """Spaces (tabs kept, so the caret lines up) then `^` under the column
        of the line as shown (control characters escaped)."""
        from .util import escape_controls
        prefix = escape_controls(self.source_line[: max(self.column - 1, 0)])
        return "".join(c if c == "\t" else " " for c in prefix) + "^"

    def render(self) -> str:
        """The error with its source line, control characters (NUL, `\\x01`)
        escaped as in a Python string literal."""
        from .util import escape_controls
        return (f"{self.filename}:{self.line}:{self.column}: syntax error: {self.message}\n"
                f"    {escape_controls(self.source_line)}\n"
                f"    {self.caret_line()}")


# ------------------------------------------------------------ engine errors


class TFError(Exception):
    """An error TensorFlow would raise.  `type_name` is TensorFlow's class name;
    `message` is TensorFlow's text word for word.  Subclasses add structured
    fields (which variable, which shapes...) for tools that want them; each
    field is also an attribute (`err.origin`, `err.name`).

    The concrete classes are real instances of Python's class of the same
    name (`TFValueError` is a `ValueError`) and print as it: a class
    TensorFlow does not define itself has `__module__ = "builtins"` and
    Python's `__name__`, so `type(e).__name__` and `repr(type(e))` are what
    a program sees under TensorFlow."""

    type_name = "Exception"

    def __init__(self, message: str, **fields):
        super().__init__(message)
        self.message = message
        self.fields = fields
        for key, value in fields.items():
            if key not in ("message", "fields", "args"):
                setattr(self, key, value)

    def __str__(self) -> str:
        return self.message


def _as_builtin(cls: type, name: str, module: str = "builtins") -> type:
    """Name a TFError subclass as the class it stands for prints."""
    cls.__name__ = cls.__qualname__ = name
    cls.__module__ = module
    return cls


class TFValueError(TFError, ValueError):
    type_name = "ValueError"


class TFTypeError(TFError, TypeError):
    type_name = "TypeError"


class TFRuntimeError(TFError, RuntimeError):
    type_name = "RuntimeError"


class TFAttributeError(TFError, AttributeError):
    type_name = "AttributeError"


class TFIndexError(TFError, IndexError):
    type_name = "IndexError"


for _cls in (TFValueError, TFTypeError, TFRuntimeError, TFAttributeError, TFIndexError):
    _as_builtin(_cls, _cls.type_name)


class OperatorNotAllowedInGraphError(TFError, TypeError):
    """`tensorflow.python.framework.errors_impl.OperatorNotAllowedInGraphError`
    (a TypeError): a symbolic tensor used as a Python bool or iterated."""

    type_name = "OperatorNotAllowedInGraphError"


_as_builtin(OperatorNotAllowedInGraphError, "OperatorNotAllowedInGraphError",
            "tensorflow.python.framework.errors_impl")


def _python_base(type_name: str) -> type:
    import builtins
    import re
    if type_name == "error":
        return re.error
    if type_name == "OperatorNotAllowedInGraphError":
        return OperatorNotAllowedInGraphError
    base = getattr(builtins, type_name, None)
    if isinstance(base, type) and issubclass(base, BaseException):
        return base
    return Exception


_PY_CLASSES: dict[str, type] = {}


class PyError(TFError):
    """A plain Python error (NameError, AssertionError, AttributeError, ...).

    `PyError("NameError", msg)` is a real instance of `NameError` (of a
    subclass of PyError and the builtin named `NameError` in module
    `builtins`); "error" is `re.error`."""

    def __new__(cls, type_name: str, message: str = "", **fields):
        if cls is PyError:
            cls = _PY_CLASSES.get(type_name)
            if cls is None:
                base = _python_base(type_name)
                module = {"error": "re"}.get(type_name, base.__module__)
                cls = _as_builtin(type(type_name, (PyError, base), {"type_name": type_name}),
                                  type_name, module)
                _PY_CLASSES[type_name] = cls
        return Exception.__new__(cls)

    def __init__(self, type_name: str, message: str = "", **fields):
        TFError.__init__(self, message, **fields)
        self.type_name = type_name


class NotSimulated(BaseException):
    """A TensorFlow name, argument or argument value scopesim does not
    simulate (`tf.nn.ctc_loss is not simulated`).  A BaseException, so a
    program's `except Exception` does not catch it; the first one raised
    is recorded in `scopesim.tf.runtime`."""

    type_name = "NotSimulated"

    def __init__(self, what: str):
        self.what = what
        self.message = f"{what} is not simulated"
        super().__init__(self.message)
        try:
            from .tf import runtime
            runtime.record_not_simulated(self)
        except ImportError:             # pragma: no cover - scopesim.tf is part of scopesim
            pass

    def __str__(self) -> str:
        return self.message


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


class ProgramError(Record):
    """An uncaught error of a program run.

    `message` is TensorFlow's (or Python's) text.  For "already exists" errors
    TensorFlow appends the Python traceback of the original definition after
    `Originally defined at:`; scopesim appends the `.scope` location instead
    (`defined_at` holds it as data too).  `scopes` are the enclosing
    statements' heads, outermost first, e.g. ('scope "a"', 'name_scope "n"').
    `fields` (more data for tools) is left out of equality and the hash.
    """

    __slots__ = ("type", "message", "filename", "span", "source_line", "scopes", "defined_at",
                 "defined_source_line", "fields")
    _compared = __slots__[:-1]

    def __init__(self, type: str, message: str, filename: str, span: Span,  # noqa: A002
                 source_line: str, scopes: tuple[str, ...] = (), defined_at: Span | None = None,
                 defined_source_line: str = "", fields: dict = _NEW_DICT) -> None:
        _set(self, "type", type)
        _set(self, "message", message)
        _set(self, "filename", filename)
        _set(self, "span", span)
        _set(self, "source_line", source_line)
        _set(self, "scopes", scopes)
        _set(self, "defined_at", defined_at)
        _set(self, "defined_source_line", defined_source_line)
        _set(self, "fields", {} if fields is _NEW_DICT else fields)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def to_json(self) -> dict:
        return {"type": self.type, "message": self.message,
                "line": self.span.line, "column": self.span.column}
