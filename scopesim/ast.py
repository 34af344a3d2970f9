"""The syntax tree of a `.scope` program.

Every node is a small frozen record (`_Node`: fields, equality, repr and hash
as a frozen dataclass has them) that carries the `Span` of the source
text it came from, so that errors raised while running a node can point at
the program (file, line, column, caret).  The parser builds these nodes and
nothing else; the interpreter, the emitter and the tools only read them.

Expressions and statements are plain unions of node classes; the helpers
at the bottom of the file name them for type annotations.
"""

from __future__ import annotations

from functools import cached_property

from .span import Span  # noqa: F401  (the nodes' spans; defined apart, see span.py)


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a node (what a frozen dataclass raises)."""


class _Node:
    """A frozen record: `_fields` in order, `_defaults` for the trailing ones
    that may be left out, `_hidden` left out of equality (a span) and
    `_norepr` out of the repr.  Not `dataclasses`: it imports `inspect`,
    several milliseconds of every start-up."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, object] = {}
    _hidden: frozenset[str] = frozenset()
    _norepr: frozenset[str] = frozenset()

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments")
        values = dict(zip(fields, args))
        for key, value in kwargs.items():
            if key not in fields or key in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated "
                                f"argument {key!r}")
            values[key] = value
        for name in fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
                values[name] = self._defaults[name]
            object.__setattr__(self, name, values[name])

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _compared(self) -> tuple:
        return tuple(getattr(self, f) for f in self._fields if f not in self._hidden)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self):
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields
                          if f not in self._norepr)
        return f"{type(self).__name__}({shown})"


def _node(cls):
    """Make a `_Node` subclass of an annotated class body: the fields are its
    annotations, defaults its class attributes (as @dataclass reads them)."""
    fields = tuple(cls.__dict__.get("__annotations__", {}))
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    body = {k: v for k, v in cls.__dict__.items()
            if k not in fields and k not in ("__dict__", "__weakref__")}
    # a cached_property keeps its value in the instance's __dict__
    extra = ("__dict__",) if any(isinstance(v, cached_property) for v in body.values()) else ()
    body.update(__slots__=fields + extra, _fields=fields, _defaults=defaults)
    return type(cls.__name__, (_Node,), body)


# --------------------------------------------------------------------- values
# Values that appear as option arguments (`reuse=auto`, `dtype=float64`,
# `initializer=constant(0.5)`) are not expressions: they are fixed words of the
# language and parse to these small nodes.


@_node
class Initializer:
    """`zeros`, `ones`, `glorot_uniform`, `random_normal`, `truncated_normal`,
    or `constant(<number>)` (then `value` holds the number)."""

    name: str
    value: int | float | None = None
    span: Span | None = None
    _hidden = frozenset({"span"})


@_node
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


@_node
class Name:
    """A handle reference: an identifier bound by `x = ...`, `as x`."""

    id: str
    span: Span


@_node
class Str:
    value: str
    span: Span


@_node
class Number:
    """An int or float literal.  `text` keeps the spelling for the emitter."""

    value: int | float
    text: str
    span: Span


@_node
class Literal:
    """`true`/`false`/`none`/`auto` (and the Python spellings).

    `value` is True, False, None or the string "auto" (TensorFlow's AUTO_REUSE).
    """

    value: bool | None | str
    span: Span


@_node
class BinOp:
    """`a + b`; op is one of "+", "-", "*", "/", "@"."""

    op: str
    left: "Expr"
    right: "Expr"
    span: Span


@_node
class Neg:
    """Unary minus of a non-literal (a literal `-1.0` is a `Number`)."""

    operand: "Expr"
    span: Span


@_node
class Compare:
    """`a == b`; op is one of "==", "!=", "is", "is not"."""

    op: str
    left: "Expr"
    right: "Expr"
    span: Span


@_node
class Not:
    """`not x`."""

    operand: "Expr"
    span: Span


@_node
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


@_node
class Attribute:
    """`x.name`, `x.shape`, `x.dtype`, `x.reuse`, `x.original_name_scope`."""

    value: "Expr"
    attr: str
    span: Span


@_node
class ConstOp:
    """`const 1.0 [name="c"]`: tf.constant(value, name=...)."""

    value: "Expr"
    name: str | None
    span: Span


@_node
class Shape:
    """`[2, 3]`, `[]`, `[None, 3]`: dims are int or None (unknown)."""

    dims: tuple[int | None, ...]
    span: Span


@_node
class GetVariable:
    """`var w [2, 3] dtype=... trainable=... initializer=...`: tf.get_variable.

    `shape` is None when no shape is written (`var w`).
    """

    name: str
    shape: Shape | None
    options: tuple[Option, ...]
    span: Span


@_node
class NewVariable:
    """`variable v1 [2, 3] init=zeros`: tf.Variable(...).  `name` None => "Variable"."""

    name: str | None
    shape: Shape
    options: tuple[Option, ...]
    span: Span


@_node
class NoOp:
    """`op foo` / `op` / `op name="foo"`: tf.no_op(name=...)."""

    name: str | None
    span: Span


Expr = (
    Name | Str | Number | Literal | BinOp | Neg | Compare | Not | Call | Attribute
    | ConstOp | GetVariable | NewVariable | NoOp
)

# ----------------------------------------------------------------- statements


@_node
class Assign:
    """`x = <expr>`; `target_span` is the span of the handle name."""

    target: str
    value: Expr
    span: Span
    target_span: Span


@_node
class ExprStmt:
    """An expression standing alone: `var w [1]`, `op foo`, `add(a, b)`."""

    expr: Expr
    span: Span


@_node
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


@_node
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


@_node
class Reuse:
    """`reuse`: tf.get_variable_scope().reuse_variables()."""

    span: Span


@_node
class Print:
    """`print a, b`: Python's print of each value (see the language reference)."""

    values: tuple[Expr, ...]
    span: Span


@_node
class Assert:
    """`assert <test> [, <message>]`."""

    test: Expr
    message: Expr | None
    span: Span


@_node
class Handler:
    """`except ValueError [as e] [< body >]`; `exc_type` is the class name."""

    exc_type: str
    alias: str | None
    body: tuple["Stmt", ...]
    span: Span


@_node
class Try:
    """`try < body > except ... [except ...]`."""

    body: tuple["Stmt", ...]
    handlers: tuple[Handler, ...]
    span: Span


Stmt = Assign | ExprStmt | VariableScope | NameScope | Reuse | Print | Assert | Try


@_node
class Program:
    statements: tuple[Stmt, ...]
    filename: str
    source: str
    _norepr = frozenset({"source"})

    @cached_property
    def lines(self) -> list[str]:
        """The source split into lines (computed once) at `\n` only, as the
        parser counts them (a form feed or U+2028 inside a comment is not a
        line break); a `\r` before the `\n` is dropped."""
        return [line.removesuffix("\r") for line in self.source.split("\n")]

    def line(self, n: int) -> str:
        """Source line `n` (1-based), without its newline; "" past the end."""
        return self.lines[n - 1] if 1 <= n <= len(self.lines) else ""
