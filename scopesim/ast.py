"""The syntax tree of a `.scope` program.

Every node is a small frozen dataclass that carries the `Span` of the source
text it came from, so that errors raised while running a node can point at
the program (file, line, column, caret).  The parser builds these nodes and
nothing else; the interpreter, the emitter and the tools only read them.

Expressions and statements are plain unions of node classes; the helpers
at the bottom of the file name them for type annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .span import Span  # noqa: F401  (the nodes' spans; defined apart, see span.py)


# --------------------------------------------------------------------- values
# Values that appear as option arguments (`reuse=auto`, `dtype=float64`,
# `initializer=constant(0.5)`) are not expressions: they are fixed words of the
# language and parse to these small nodes.


@dataclass(frozen=True)
class Initializer:
    """`zeros`, `ones`, `glorot_uniform`, `random_normal`, `truncated_normal`,
    or `constant(<number>)` (then `value` holds the number)."""

    name: str
    value: int | float | None = None
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Option:
    """`key=value` after a statement head.

    `value` is a Python value already decoded by the parser:
    - reuse:       True, False, None or the string "auto"
    - aux, trainable: bool
    - default, name: str (default may also be None: `default=none`)
    - dtype:       one of "float16", "float32", "float64", "int32", "int64", "bool"
    - initializer, init: an `Initializer`
    """

    key: str
    value: object
    span: Span


# ---------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Name:
    """A handle reference: an identifier bound by `x = ...`, `as x`."""

    id: str
    span: Span


@dataclass(frozen=True)
class Str:
    value: str
    span: Span


@dataclass(frozen=True)
class Number:
    """An int or float literal.  `text` keeps the spelling for the emitter."""

    value: int | float
    text: str
    span: Span


@dataclass(frozen=True)
class Literal:
    """`true`/`false`/`none`/`auto` (and the Python spellings).

    `value` is True, False, None or the string "auto" (TensorFlow's AUTO_REUSE).
    """

    value: bool | None | str
    span: Span


@dataclass(frozen=True)
class BinOp:
    """`a + b`; op is one of "+", "-", "*", "/", "@"."""

    op: str
    left: "Expr"
    right: "Expr"
    span: Span


@dataclass(frozen=True)
class Neg:
    """Unary minus of a non-literal (a literal `-1.0` is a `Number`)."""

    operand: "Expr"
    span: Span


@dataclass(frozen=True)
class Compare:
    """`a == b`; op is one of "==", "!=", "is", "is not"."""

    op: str
    left: "Expr"
    right: "Expr"
    span: Span


@dataclass(frozen=True)
class Not:
    """`not x`."""

    operand: "Expr"
    span: Span


@dataclass(frozen=True)
class Call:
    """A call of a named function.

    `func` is one of the op functions (`add`, `matmul`, `multiply`, `relu`,
    `tanh`, `sigmoid`, `identity`) or the query functions
    (`get_variable_scope`, `get_name_scope`, `global_variables`,
    `trainable_variables`).  `name` is the `name="..."` option of op calls.
    """

    func: str
    args: tuple["Expr", ...]
    name: str | None
    span: Span


@dataclass(frozen=True)
class Attribute:
    """`x.name`, `x.shape`, `x.dtype`, `x.reuse`, `x.original_name_scope`."""

    value: "Expr"
    attr: str
    span: Span


@dataclass(frozen=True)
class ConstOp:
    """`const 1.0 [name="c"]`: tf.constant(value, name=...)."""

    value: "Expr"
    name: str | None
    span: Span


@dataclass(frozen=True)
class Shape:
    """`[2, 3]`, `[]`, `[None, 3]`: dims are int or None (unknown)."""

    dims: tuple[int | None, ...]
    span: Span


@dataclass(frozen=True)
class GetVariable:
    """`var w [2, 3] dtype=... trainable=... initializer=...`: tf.get_variable.

    `shape` is None when no shape is written (`var w`).
    """

    name: str
    shape: Shape | None
    options: tuple[Option, ...]
    span: Span


@dataclass(frozen=True)
class NewVariable:
    """`variable v1 [2, 3] init=zeros`: tf.Variable(...).  `name` None => "Variable"."""

    name: str | None
    shape: Shape
    options: tuple[Option, ...]
    span: Span


@dataclass(frozen=True)
class NoOp:
    """`op foo` / `op` / `op name="foo"`: tf.no_op(name=...)."""

    name: str | None
    span: Span


Expr = (
    Name | Str | Number | Literal | BinOp | Neg | Compare | Not | Call | Attribute
    | ConstOp | GetVariable | NewVariable | NoOp
)

# ----------------------------------------------------------------- statements


@dataclass(frozen=True)
class Assign:
    """`x = <expr>`; `target_span` is the span of the handle name."""

    target: str
    value: Expr
    span: Span
    target_span: Span


@dataclass(frozen=True)
class ExprStmt:
    """An expression standing alone: `var w [1]`, `op foo`, `add(a, b)`."""

    expr: Expr
    span: Span


@dataclass(frozen=True)
class VariableScope:
    """`scope <target>? <options> [as alias] < body >`.

    `target` is a `Str` (scope name), a `Name` (handle of a scope, or of a
    string), `Literal(None)` (`scope none default="d"`) or None (only
    `default=` given).  Options: reuse, default, aux, dtype, initializer.
    `head` spans the statement up to the opening `<`.
    """

    target: Expr | None
    options: tuple[Option, ...]
    alias: str | None
    body: tuple["Stmt", ...]
    span: Span
    head: Span


@dataclass(frozen=True)
class NameScope:
    """`name_scope <target>? [default="d"] [as alias] < body >`.

    `target` is a `Str`, a `Name`, `Literal(None)` for `none`, or None when only
    `default=` is given.
    """

    target: Expr | None
    options: tuple[Option, ...]
    alias: str | None
    body: tuple["Stmt", ...]
    span: Span
    head: Span


@dataclass(frozen=True)
class Reuse:
    """`reuse`: tf.get_variable_scope().reuse_variables()."""

    span: Span


@dataclass(frozen=True)
class Print:
    """`print a, b`: Python's print of each value (see the language reference)."""

    values: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class Assert:
    """`assert <test> [, <message>]`."""

    test: Expr
    message: Expr | None
    span: Span


@dataclass(frozen=True)
class Handler:
    """`except ValueError [as e] [< body >]`; `exc_type` is the class name."""

    exc_type: str
    alias: str | None
    body: tuple["Stmt", ...]
    span: Span


@dataclass(frozen=True)
class Try:
    """`try < body > except ... [except ...]`."""

    body: tuple["Stmt", ...]
    handlers: tuple[Handler, ...]
    span: Span


Stmt = Assign | ExprStmt | VariableScope | NameScope | Reuse | Print | Assert | Try


@dataclass(frozen=True)
class Program:
    statements: tuple[Stmt, ...]
    filename: str
    source: str = field(repr=False)

    @cached_property
    def lines(self) -> list[str]:
        """The source split into lines (computed once) at `\n` only, as the
        parser counts them (a form feed or U+2028 inside a comment is not a
        line break); a `\r` before the `\n` is dropped."""
        return [line.removesuffix("\r") for line in self.source.split("\n")]

    def line(self, n: int) -> str:
        """Source line `n` (1-based), without its newline; "" past the end."""
        return self.lines[n - 1] if 1 <= n <= len(self.lines) else ""
