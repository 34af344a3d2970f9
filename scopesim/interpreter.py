"""Runs a parsed program against the engine.

    result = run(program)                 # a fresh graph, one program
    session = Session()                   # state kept across programs (REPL)
    result = session.execute(program)     # output: lines printed by *this*
                                          # program; variables/ops: the whole
                                          # graph so far; error: this program's

Values are those of `engine/values.py`: the graph objects (variables,
tensors, ops, variable scopes), Python values (str, int, float, bool, None,
lists of names) and TensorFlow's other objects (a TensorShape, a DType, a
caught exception, AUTO_REUSE); every operation on them is the engine's.
Errors raised by the engine (`TFError`) or by the interpreter itself
(`PyError`) travel as `Raised`, which remembers the node that raised and the enclosing
scopes; `try`/`except` catches them by TensorFlow's or Python's class name,
and an uncaught one becomes the result's `ProgramError`.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from . import ast
from .engine.engine import FUNCTIONS, Engine
from .engine.scopes import AUTO_REUSE
from .engine.values import ExceptionValue, attribute, display, truth
from .engine.variables import Variable
from .errors import ProgramError, PyError, TFError, catches
from .result import OpInfo, RunResult, VariableInfo
from .util import gc_paused

#: Nested blocks recurse in the interpreter; 10,000 levels need this much.
_RECURSION_LIMIT = 200_000
_THREAD_STACK = 512 * 1024 * 1024


def run(program: ast.Program) -> RunResult:
    """Run `program` on a fresh graph."""
    return Session().execute(program)


# ------------------------------------------------------------------ origins


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

    def raised_value(self, r: Raised) -> ExceptionValue:
        return ExceptionValue(r.type_name, self.program_error(r).message)

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
        kwargs = dict(default_name=opts.get("default"), reuse=_literal(opts.get("reuse")),
                      aux=opts.get("aux", True), dtype=opts.get("dtype"),
                      initializer=_initializer(initializer) if initializer else None)
        manager = self.engine.variable_scope(target, **kwargs)
        self.enter_block(stmt, manager)

    def stmt_NameScope(self, stmt: ast.NameScope) -> None:
        target = self.scope_target(stmt.target)
        default = {o.key: o.value for o in stmt.options}.get("default")
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
        return self.lookup(node.id, node)

    def lookup(self, handle: str, where):
        try:
            return self.handles[handle]
        except KeyError:
            with self.at(where):
                raise PyError("NameError", f"name '{handle}' is not defined") from None

    def expr_Str(self, node: ast.Str):
        return node.value

    def expr_Number(self, node: ast.Number):
        return node.value

    def expr_Literal(self, node: ast.Literal):
        return _literal(node.value)

    def expr_BinOp(self, node: ast.BinOp):
        left, right = self.eval(node.left), self.eval(node.right)
        with self.at(node):
            return self.engine.binary(node.op, left, right)

    def expr_Neg(self, node: ast.Neg):
        value = self.eval(node.operand)
        with self.at(node):
            return self.engine.neg(value)

    def expr_Not(self, node: ast.Not):
        return not self.truth(self.eval(node.operand), node.operand)

    def expr_Compare(self, node: ast.Compare):
        left, right = self.eval(node.left), self.eval(node.right)
        with self.at(node):
            return self.engine.compare(node.op, left, right)

    def expr_Attribute(self, node: ast.Attribute):
        value = self.eval(node.value)
        with self.at(node):
            return attribute(value, node.attr)

    def expr_Call(self, node: ast.Call):
        """A function of the language by its name (even where a handle has
        that name, as the emitted `T.add(...)` does), else the handle: the
        callee is looked up before the arguments are evaluated, as Python
        does, and no value is callable."""
        if node.func in FUNCTIONS:
            args = [self.eval(a) for a in node.args]
            with self.at(node):
                return self.engine.call(node.func, args, node.name)
        callee = self.lookup(node.func, node)
        for arg in node.args:
            self.eval(arg)
        with self.at(node):
            self.engine.call_value(callee)

    def expr_ConstOp(self, node: ast.ConstOp):
        value = self.eval(node.value)
        with self.at(node):
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
        with self.at(node):
            return truth(value)


def _literal(value):
    """The value of a literal (`auto` is `tf.AUTO_REUSE`)."""
    return AUTO_REUSE if value == "auto" else value


def _initializer(init: ast.Initializer) -> tuple[str, object]:
    return (init.name, init.value)
