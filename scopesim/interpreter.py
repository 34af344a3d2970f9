"""Runs a parsed program against the engine.

    result = run(program)                 # a fresh graph, one program
    session = Session()                   # state kept across programs (REPL)
    result = session.execute(program)     # output: lines printed by *this*
                                          # program; variables/ops: the whole
                                          # graph so far; error: this program's

Values are the engine's objects (variables, tensors, ops, variable scopes)
and Python values (str, int, float, bool, None, lists of names).  Errors
raised by the engine (`TFError`) or by the interpreter itself (`PyError`)
travel as `Raised`, which remembers the node that raised and the enclosing
scopes; `try`/`except` catches them by TensorFlow's or Python's class name,
and an uncaught one becomes the result's `ProgramError`.
"""

from __future__ import annotations

import operator
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from . import ast
from .engine.engine import Engine
from .engine import math as tfmath
from .engine.graph import Op, Tensor
from .engine.scopes import AUTO_REUSE, VariableScope
from .engine.shapes import format_dtype, format_shape
from .engine.variables import Variable
from .errors import ProgramError, PyError, TFError, TFValueError, catches
from .result import OpInfo, RunResult, VariableInfo
from .util import gc_paused

#: Nested blocks recurse in the interpreter; 10,000 levels need this much.
_RECURSION_LIMIT = 200_000
_THREAD_STACK = 512 * 1024 * 1024


def run(program: ast.Program) -> RunResult:
    """Run `program` on a fresh graph."""
    return Session().execute(program)


# ------------------------------------------------------------------ values


class _AutoReuse:
    """`tf.AUTO_REUSE`, as Python prints it."""

    def __repr__(self) -> str:
        return "_ReuseMode.AUTO_REUSE"


AUTO = _AutoReuse()


@dataclass(frozen=True)
class TensorShape:
    """The value of `x.shape`."""

    dims: tuple | None

    def __str__(self) -> str:
        return format_shape(self.dims)


@dataclass(frozen=True)
class DType:
    """The value of `x.dtype` (`float32_ref` for a variable)."""

    name: str

    def __str__(self) -> str:
        return format_dtype(self.name)


@dataclass(frozen=True)
class ErrorValue:
    """The exception bound by `except ... as e`; `print e` prints `str(e)`."""

    type_name: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Origin:
    """Where a variable was created: TensorFlow keeps the Python traceback
    for "Originally defined at:", scopesim keeps the `.scope` location."""

    filename: str
    span: ast.Span
    source_line: str

    def render(self) -> str:
        return (f"  File \"{self.filename}\", line {self.span.line}, column {self.span.column}\n"
                f"    {self.source_line.strip()}\n")


_PYTHON_TYPES = (str, int, float, bool, type(None), list)

_TYPE_NAMES = {Variable: "RefVariable", Tensor: "SymbolicTensor", Op: "Operation",
               VariableScope: "VariableScope", TensorShape: "TensorShape", DType: "DType",
               _AutoReuse: "_ReuseMode"}


def type_name(value) -> str:
    """The Python class name TensorFlow's objects have (for error messages)."""
    if isinstance(value, ErrorValue):
        return value.type_name
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def display(value) -> str:
    """What `print` shows: `.name` for graph objects, else Python's `str`."""
    if isinstance(value, (Variable, Tensor, Op, VariableScope)):
        return value.name
    return str(value)


# ------------------------------------------------------------------ errors


class Raised(Exception):
    """An error of the program in flight, with where it happened."""

    def __init__(self, error: TFError, span: ast.Span, scopes: tuple[str, ...]):
        super().__init__(error.message)
        self.error = error
        self.span = span
        self.scopes = scopes

    @property
    def type_name(self) -> str:
        return self.error.type_name


# ----------------------------------------------------------------- session


class Session:
    """One graph and the program's handles, kept across `execute` calls."""

    def __init__(self) -> None:
        self.engine = Engine()
        self.handles: dict[str, object] = {}

    def execute(self, program: ast.Program) -> RunResult:
        """Run `program` in this session (deep nesting runs on a big stack)."""
        output: list[str] = []
        interpreter = _Interpreter(self, program, output)
        with gc_paused():
            error = _on_deep_stack(lambda: interpreter.run())
            return RunResult(output, self.variable_infos(), self.op_infos(), error)

    def variable_infos(self) -> list[VariableInfo]:
        """`tf.global_variables()` with the handles bound to each variable."""
        bound: dict[int, list[str]] = {}
        for name, value in self.handles.items():
            if isinstance(value, Variable):
                bound.setdefault(id(value), []).append(name)
        return [VariableInfo(v.name, tuple(v.shape), v.dtype, v.trainable, v.kind, v.store_key,
                             tuple(bound.get(id(v), ())),
                             v.origin.span if isinstance(v.origin, Origin) else None)
                for v in self.engine.global_variables]

    def op_infos(self) -> list[OpInfo]:
        return [OpInfo(op.name, op.type, op.owner) for op in self.engine.graph.ops]

    def names(self) -> list[str]:
        """Known handles, variable names and scope names (for completion)."""
        found = set(self.handles)
        for var in self.engine.global_variables:
            parts = var.op_name.split("/")
            found.update(parts)
            found.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
        return sorted(n for n in found if n)

    def variable_scope_name(self) -> str:
        return self.engine.current_scope.name

    def name_scope(self) -> str:
        return self.engine.graph.get_name_scope()


def _on_deep_stack(fn):
    """Call `fn` on a thread with a large stack and recursion limit, so that
    10,000 nested blocks do not overflow; re-raise what it raised."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back to the caller below
            box["error"] = e

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
    old_size = threading.stack_size()
    try:
        threading.stack_size(_THREAD_STACK)
        thread = threading.Thread(target=target, name="scopesim-run")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    sys.setrecursionlimit(old_limit)
    if "error" in box:
        raise box["error"]
    return box["value"]


# ------------------------------------------------------------- interpreter


_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul,
               "/": operator.truediv, "@": operator.matmul}

_QUERY_FUNCTIONS = ("get_variable_scope", "get_name_scope", "global_variables",
                    "trainable_variables")


class _Interpreter:
    def __init__(self, session: Session, program: ast.Program, output: list[str]):
        self.session = session
        self.engine = session.engine
        self.handles = session.handles
        self.program = program
        self.output = output
        self.scopes: list[str] = []     # heads of the enclosing blocks

    def run(self) -> ProgramError | None:
        try:
            self.block(self.program.statements)
        except Raised as r:
            return self.program_error(r)
        return None

    # ------------------------------------------------------------ errors

    @contextmanager
    def at(self, where: ast.Span | object) -> Iterator[None]:
        """Errors raised inside are located at `where` (a node or a span)."""
        try:
            yield
        except TFError as e:
            span = where if isinstance(where, ast.Span) else where.span
            raise Raised(e, span, tuple(self.scopes)) from None

    def program_error(self, r: Raised) -> ProgramError:
        origin = r.error.fields.get("origin")
        message = r.error.message
        if isinstance(origin, Origin):
            message += "\n\n" + origin.render()
        return ProgramError(r.type_name, message, self.program.filename, r.span,
                            self.program.line(r.span.line), r.scopes,
                            origin.span if isinstance(origin, Origin) else None,
                            origin.source_line if isinstance(origin, Origin) else "",
                            {k: v for k, v in r.error.fields.items() if k != "origin"})

    def raised_value(self, r: Raised) -> ErrorValue:
        return ErrorValue(r.type_name, self.program_error(r).message)

    def origin(self, node) -> Origin:
        return Origin(self.program.filename, node.span, self.program.line(node.span.line))

    # -------------------------------------------------------- statements

    def block(self, statements) -> None:
        for stmt in statements:
            self.statement(stmt)

    def statement(self, stmt) -> None:
        method = getattr(self, "stmt_" + type(stmt).__name__)
        method(stmt)

    def stmt_Assign(self, stmt: ast.Assign) -> None:
        self.handles[stmt.target] = self.eval(stmt.value)

    def stmt_ExprStmt(self, stmt: ast.ExprStmt) -> None:
        self.eval(stmt.expr)

    def stmt_Reuse(self, stmt: ast.Reuse) -> None:
        self.engine.reuse_variables()

    def stmt_Print(self, stmt: ast.Print) -> None:
        text = " ".join(display(self.eval(v)) for v in stmt.values)
        self.output.extend(text.split("\n"))

    def stmt_Assert(self, stmt: ast.Assert) -> None:
        test = self.eval(stmt.test)
        if not self.truth(test, stmt.test):
            message = "" if stmt.message is None else display(self.eval(stmt.message))
            with self.at(stmt):
                raise PyError("AssertionError", message)

    def stmt_VariableScope(self, stmt: ast.VariableScope) -> None:
        target = self.scope_target(stmt.target)
        opts = {o.key: o.value for o in stmt.options}
        initializer = opts.get("initializer")
        kwargs = dict(default_name=opts.get("default"), reuse=opts.get("reuse"),
                      aux=opts.get("aux", True), dtype=opts.get("dtype"),
                      initializer=_initializer(initializer) if initializer else None)
        manager = self.engine.variable_scope(target, **kwargs)
        self.enter_block(stmt, manager)

    def stmt_NameScope(self, stmt: ast.NameScope) -> None:
        target = self.scope_target(stmt.target)
        default = {o.key: o.value for o in stmt.options}.get("default")
        with self.at(stmt.head):
            if target is not None and not isinstance(target, str) and target:
                raise PyError("TypeError",
                              f"expected string or bytes-like object, got '{type_name(target)}'")
        if target is not None and not isinstance(target, str):
            target = ""            # a falsy non-string (0, False) resets to the root
        self.enter_block(stmt, self.engine.name_scope(target, default))

    def enter_block(self, stmt, manager) -> None:
        """Enter `manager` (errors at the head), bind `as`, run the body."""
        with self.at(stmt.head):
            value = manager.__enter__()
        try:
            if stmt.alias is not None:
                self.handles[stmt.alias] = value
            self.scopes.append(self.head_text(stmt.head))
            try:
                self.block(stmt.body)
            finally:
                self.scopes.pop()
        except BaseException:
            with self.at(stmt.head):
                manager.__exit__(*sys.exc_info())
            raise
        with self.at(stmt.head):
            manager.__exit__(None, None, None)

    def stmt_Try(self, stmt: ast.Try) -> None:
        try:
            self.block(stmt.body)
        except Raised as r:
            for handler in stmt.handlers:
                if catches(handler.exc_type, r.type_name):
                    self.run_handler(handler, r)
                    return
            raise

    def run_handler(self, handler: ast.Handler, r: Raised) -> None:
        """`except X as e:` binds `e` for the handler and unbinds it after, as Python does."""
        if handler.alias is None:
            self.block(handler.body)
            return
        self.handles[handler.alias] = self.raised_value(r)
        try:
            self.block(handler.body)
        finally:
            self.handles.pop(handler.alias, None)

    def head_text(self, span: ast.Span) -> str:
        """The source of a block's head, e.g. `scope "a" reuse=true`."""
        lines = self.program.lines[span.line - 1:span.end_line]
        if not lines:
            return ""
        if len(lines) == 1:
            text = lines[0][span.column - 1:span.end_column - 1]
        else:
            text = " ".join([lines[0][span.column - 1:]] + lines[1:-1]
                            + [lines[-1][:span.end_column - 1]])
        return " ".join(text.split())

    def scope_target(self, target):
        if target is None:
            return None
        return self.eval(target)

    # ------------------------------------------------------- expressions

    def eval(self, node):
        return getattr(self, "expr_" + type(node).__name__)(node)

    def expr_Name(self, node: ast.Name):
        try:
            return self.handles[node.id]
        except KeyError:
            with self.at(node):
                raise PyError("NameError", f"name '{node.id}' is not defined") from None

    def expr_Str(self, node: ast.Str):
        return node.value

    def expr_Number(self, node: ast.Number):
        return node.value

    def expr_Literal(self, node: ast.Literal):
        return AUTO if node.value == "auto" else node.value

    def expr_BinOp(self, node: ast.BinOp):
        left, right = self.eval(node.left), self.eval(node.right)
        with self.at(node):
            if _is_tensor(left) or _is_tensor(right):
                return tfmath.binary_operator(self.engine.graph, node.op, _engine_value(left),
                                              _engine_value(right))
            return _python_arithmetic(node.op, left, right)

    def expr_Neg(self, node: ast.Neg):
        value = self.eval(node.operand)
        with self.at(node):
            if _is_tensor(value):
                return self.engine.neg(value)
            if isinstance(value, (int, float)):
                return -value
            raise PyError("TypeError", f"bad operand type for unary -: '{type_name(value)}'")

    def expr_Not(self, node: ast.Not):
        return not self.truth(self.eval(node.operand), node.operand)

    def expr_Compare(self, node: ast.Compare):
        left, right = self.eval(node.left), self.eval(node.right)
        same = _same(left, right) if node.op in ("is", "is not") else _equal(left, right)
        return same if node.op in ("==", "is") else not same

    def expr_Attribute(self, node: ast.Attribute):
        value = self.eval(node.value)
        with self.at(node):
            return _attribute(value, node.attr)

    def expr_Call(self, node: ast.Call):
        args = [self.eval(a) for a in node.args]
        with self.at(node):
            if node.func in _QUERY_FUNCTIONS:
                return self.query(node, args)
            if node.func in ("add", "matmul", "multiply", "relu", "tanh", "sigmoid", "identity"):
                return tfmath.call(self.engine.graph, node.func,
                                   [_engine_value(a) for a in args], node.name)
            raise PyError("NameError", f"name '{node.func}' is not defined")

    def query(self, node: ast.Call, args: list):
        if node.name is not None:
            raise PyError("TypeError", f"{node.func}() got an unexpected keyword argument 'name'")
        if node.func in ("get_variable_scope", "get_name_scope"):
            if args:
                raise PyError("TypeError", f"{node.func}() takes 0 positional arguments but "
                                           f"{len(args)} {'was' if len(args) == 1 else 'were'} given")
            if node.func == "get_variable_scope":
                return self.engine.current_scope
            return self.engine.graph.get_name_scope()
        if len(args) > 1:
            raise PyError("TypeError", f"{node.func}() takes from 0 to 1 positional arguments "
                                       f"but {len(args)} were given")
        scope = args[0] if args else None
        if scope is not None and not isinstance(scope, str):
            raise PyError("TypeError", "first argument must be string or compiled pattern")
        trainable = node.func == "trainable_variables"
        return [v.name for v in self.engine.variables(scope, trainable_only=trainable)]

    def expr_ConstOp(self, node: ast.ConstOp):
        value = self.eval(node.value)
        with self.at(node):
            if value is None:
                raise TFValueError("None values not supported.")
            if not isinstance(value, (bool, int, float, str)):
                raise PyError("TypeError", f"Failed to convert elements of {display(value)} "
                                           f"to Tensor.")
            return self.engine.constant(value, node.name)

    def expr_GetVariable(self, node: ast.GetVariable):
        opts = {o.key: o.value for o in node.options}
        initializer = opts.get("initializer")
        with self.at(node):
            return self.engine.get_variable(
                node.name, None if node.shape is None else node.shape.dims, opts.get("dtype"),
                _initializer(initializer) if initializer else None,
                opts.get("trainable", True), self.origin(node))

    def expr_NewVariable(self, node: ast.NewVariable):
        opts = {o.key: o.value for o in node.options}
        init = opts.get("init")
        with self.at(node):
            if init is not None and init.name not in ("zeros", "ones", "random_normal",
                                                      "truncated_normal"):
                raise PyError("TypeError", f"variable init= takes zeros, ones, random_normal "
                                           f"or truncated_normal, not {init.name}")
            return self.engine.new_variable(
                node.name, node.shape.dims, opts.get("dtype", "float32"),
                init.name if init is not None else "random_normal",
                opts.get("trainable", True), self.origin(node))

    def expr_NoOp(self, node: ast.NoOp):
        with self.at(node):
            return self.engine.no_op(node.name)

    # ------------------------------------------------------------ helpers

    def truth(self, value, node) -> bool:
        """Python's truth of `value`; a symbolic tensor refuses, as in graph mode."""
        if isinstance(value, Tensor):
            with self.at(node):
                raise PyError("OperatorNotAllowedInGraphError", _TENSOR_AS_BOOL)
        return bool(value) if isinstance(value, _PYTHON_TYPES) else True


_TENSOR_AS_BOOL = (
    "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed. You can attempt the "
    "following resolutions to the problem: If you are running in Graph mode, use Eager "
    "execution mode or decorate this function with @tf.function. If you are using AutoGraph, "
    "you can try decorating this function with @tf.function. If that does not work, then you "
    "may be using an unsupported feature or your source code may not be visible to AutoGraph. "
    "See https://github.com/tensorflow/tensorflow/blob/master/tensorflow/python/autograph/"
    "g3doc/reference/limitations.md#access-to-source-code for more information.")


def _initializer(init: ast.Initializer) -> tuple[str, object]:
    return (init.name, init.value)


def _engine_value(value):
    """A value as the engine's math sees it: the interpreter's own Python
    objects (a TensorShape, a DType, an exception, AUTO_REUSE) become
    `PyObject`s that say what TensorFlow's code sees of them."""
    if isinstance(value, TensorShape):
        return tfmath.PyObject.tensor_shape(value.dims)
    if isinstance(value, DType):
        return tfmath.PyObject.dtype_object(value.name)
    if isinstance(value, ErrorValue):
        return tfmath.PyObject.exception(value.type_name, value.message)
    if isinstance(value, _AutoReuse):
        return tfmath.PyObject.auto_reuse()
    return value


def _is_tensor(value) -> bool:
    return isinstance(value, (Variable, Tensor))


def _unsupported(op: str, left, right) -> PyError:
    return PyError("TypeError", f"unsupported operand type(s) for {op}: "
                                f"'{type_name(left)}' and '{type_name(right)}'")


_MAX_STR = 10_000_000


def _python_arithmetic(op: str, left, right):
    """Python's own operators on Python values (`1.0 + 2.0` is just 3.0)."""
    if not (isinstance(left, _PYTHON_TYPES) and isinstance(right, _PYTHON_TYPES)):
        raise _unsupported(op, left, right)
    if op == "*" and _repeat_too_long(left, right):
        raise PyError("MemoryError", "")
    try:
        return _ARITHMETIC[op](left, right)
    except (TypeError, ZeroDivisionError, OverflowError, ValueError) as e:
        raise PyError(type(e).__name__, str(e)) from None


def _repeat_too_long(left, right) -> bool:
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, list)) and isinstance(n, int) and len(seq) * n > _MAX_STR:
            return True
    return False


def _same(left, right) -> bool:
    """`is`: identity for graph objects; for Python values, equality of the
    same type (CPython interns the small values a program can write)."""
    if isinstance(left, _PYTHON_TYPES) and isinstance(right, _PYTHON_TYPES):
        return type(left) is type(right) and left == right
    return left is right


def _equal(left, right) -> bool:
    """`==`: graph-mode tensors and variables compare by identity."""
    if isinstance(left, (Variable, Tensor, Op, VariableScope)) or isinstance(
            right, (Variable, Tensor, Op, VariableScope)):
        return left is right
    return left == right


_ATTRIBUTES = {
    Variable: {"name": lambda v: v.name, "shape": lambda v: TensorShape(v.shape),
               "dtype": lambda v: DType(v.dtype + "_ref")},
    Tensor: {"name": lambda t: t.name, "shape": lambda t: TensorShape(t.shape),
             "dtype": lambda t: DType(t.dtype)},
    Op: {"name": lambda o: o.name, "type": lambda o: o.type},
    VariableScope: {"name": lambda s: s.name, "original_name_scope": lambda s: s.original_name_scope,
                    "reuse": lambda s: AUTO if s.reuse == AUTO_REUSE else s.reuse,
                    "dtype": lambda s: DType(s.dtype)},
    TensorShape: {}, DType: {"name": lambda d: d.name},
}


def _attribute(value, attr: str):
    getters = _ATTRIBUTES.get(type(value), {})
    if attr in getters:
        return getters[attr](value)
    raise PyError("AttributeError", f"'{type_name(value)}' object has no attribute '{attr}'")
