"""The engine: one TensorFlow graph with its scope store and variable store.

Plain library, no I/O: the facade the interpreter calls.  Each method is
the equivalent of one TF 1.x call or Python operation (named in its
docstring); the rules themselves live in `graph`, `scopes`, `variables`,
`initializers`, `math` (and the modules under it), `python_ops` and
`values`.
"""

from __future__ import annotations

import re
from contextlib import ExitStack, contextmanager
from typing import Iterator, NoReturn

from ..errors import PyError, TFRuntimeError, TFTypeError, TFValueError
from . import math as tfmath
from . import python_ops
from .binding import Signature, bind
from .convert import tf_constant
from .graph import Graph, Op, Tensor
from .initializers import fill, random_normal
from .opdef import name_scope
from .ops import generated, op_scope
from .scopes import ScopeCounts, VariableScope
from .shapes import Shape
from .variables import Variable, VariableStore, create_ref_variable


class Engine:
    def __init__(self) -> None:
        self.graph = Graph()
        self.store = VariableStore()
        self.counts = ScopeCounts()
        self.root_scope = VariableScope(False)
        self.current_scope = self.root_scope
        self.global_variables: list[Variable] = []

    # ------------------------------------------------------------ scopes

    @contextmanager
    def name_scope(self, name, default_name: str | None = None) -> Iterator[str]:
        """`tf.compat.v1.name_scope(name, default_name)`: the default is used
        only when `name` is None; any falsy name resets to the root (`""`);
        another non-string is a TypeError (`opdef.name_scope`)."""
        with name_scope(self.graph, name, default_name) as entered:
            yield entered

    @contextmanager
    def variable_scope(self, name_or_scope: str | VariableScope | None,
                       default_name: str | None = None, reuse=None, aux: bool = True,
                       dtype: str | None = None, initializer=None) -> Iterator[VariableScope]:
        """`tf.compat.v1.variable_scope(...)`: `__init__` checks, then
        `_enter_scope_uncached` (which name scope to open) and
        `_pure_variable_scope` (which VariableScope to install)."""
        if default_name is None and name_or_scope is None:
            raise TFTypeError("If default_name is None then name_or_scope is required")
        if reuse is False:
            reuse = None
        with ExitStack() as stack:
            ns_cm = None
            if not aux:
                current = self.graph.get_name_scope()
                ns_cm = self.graph.name_scope(current + "/" if current else "")
            if name_or_scope is not None:
                if not isinstance(name_or_scope, (VariableScope, str)):
                    raise TFTypeError("VariableScope: name_or_scope must be a string or VariableScope.")
                is_object = isinstance(name_or_scope, VariableScope)
                ns_name = name_or_scope.name.split("/")[-1] if is_object else name_or_scope
                old_name_scope = None
                if ns_name or ns_cm:
                    entered = stack.enter_context(ns_cm or self.graph.name_scope(ns_name))
                    old_name_scope = name_or_scope.original_name_scope if is_object else entered
                pure = self._pure_variable_scope(name_or_scope, reuse, old_name_scope, dtype, initializer)
            else:
                if reuse:
                    raise TFValueError("reuse=True cannot be used without a name_or_scope")
                entered = stack.enter_context(ns_cm or self.graph.name_scope(default_name))
                unique = self.counts.unique_scope_name(self.current_scope.name, default_name)
                pure = self._pure_variable_scope(unique, None, entered, dtype, initializer)
            yield stack.enter_context(pure)

    @contextmanager
    def _pure_variable_scope(self, name_or_scope, reuse, old_name_scope, dtype,
                             initializer) -> Iterator[VariableScope]:
        """`_pure_variable_scope.__enter__/__exit__`.

        A captured scope object is re-entered by its own (absolute) name,
        keeps its properties, takes `reuse` only if truthy, and restores the
        scope counters on exit; a string scope nests under the current one,
        inherits reuse with `or`, and zeroes its sub-scope counters on exit.
        """
        old = self.current_scope
        if isinstance(name_or_scope, VariableScope):
            obj = name_or_scope
            scope = VariableScope(obj.reuse if not reuse else reuse, obj.name,
                                  obj.original_name_scope, obj.dtype, obj.initializer)
            self.counts.open(obj.name)
            mark = self.counts.snapshot()
        else:
            new_name = old.name + "/" + name_or_scope if old.name else name_or_scope
            scope = VariableScope(reuse or old.reuse, new_name,
                                  name_or_scope if old_name_scope is None else old_name_scope,
                                  old.dtype, old.initializer)
            self.counts.open(new_name)
        if initializer is not None:
            scope.initializer = initializer
        if dtype is not None:
            scope.dtype = dtype
        self.current_scope = scope
        try:
            yield scope
        finally:
            if self.current_scope is not scope:
                raise TFRuntimeError("Improper nesting of variable_scope.")
            if isinstance(name_or_scope, VariableScope):
                self.counts.restore(mark)
            else:
                self.counts.close_subscopes(scope.name)
            self.current_scope = old

    def reuse_variables(self) -> None:
        """`tf.get_variable_scope().reuse_variables()`."""
        self.current_scope.reuse_variables()

    # --------------------------------------------------------- variables

    def get_variable(self, name: str, shape: Shape | None = None, dtype: str | None = None,
                     initializer=None, trainable: bool = True, origin: object = None) -> Variable:
        """`tf.compat.v1.get_variable`: full name from the variable scope, the
        name scope ignored (everything runs at the root name scope)."""
        scope = self.current_scope
        key = scope.name + "/" + name if scope.name else name
        with self.graph.name_scope(None):
            count = len(self.store.vars)
            var = self.store.get_variable(
                self.graph, key, shape, dtype or scope.dtype,
                initializer if initializer is not None else scope.initializer,
                scope.reuse, trainable, origin)
        if len(self.store.vars) > count:
            self.global_variables.append(var)
        return var

    def new_variable(self, name: str | None, shape: Shape, dtype: str = "float32",
                     init: str = "random_normal", trainable: bool = True,
                     origin: object = None) -> Variable:
        """`tf.Variable(tf.<init>(shape, dtype=dtype), name=name)`: the initial
        value is built first in the current name scope, then the variable,
        named in the current name scope (`Variable` by default), never shared."""
        start = len(self.graph.ops)
        if init == "random_normal":
            random_normal(self.graph, "random_normal", "RandomStandardNormal", shape, dtype)
        elif init == "truncated_normal":
            random_normal(self.graph, "truncated_normal", "TruncatedNormal", shape, dtype)
        else:
            fill(self.graph, init, shape, dtype)
        var = create_ref_variable(self.graph, name, shape, dtype,
                                  trainable=trainable, origin=origin)
        self.graph.claim_ops_since(start, var.op_name)
        self.global_variables.append(var)
        return var

    def variables(self, scope=None, trainable_only: bool = False) -> list[Variable]:
        """`tf.global_variables(scope)` / `tf.trainable_variables(scope)`
        (`Graph.get_collection`): `re.match(scope, var.name)` when a scope is
        given, but only once the collection exists (a variable of it was
        created): until then any scope gives []."""
        found = [v for v in self.global_variables if v.trainable or not trainable_only]
        if scope is None or not found:
            return found
        if not isinstance(scope, str):
            raise PyError("TypeError", "first argument must be string or compiled pattern")
        try:
            pattern = re.compile(scope)
        except re.error as e:      # TensorFlow lets Python's re.error through
            raise PyError("error", str(e)) from None
        return [v for v in found if pattern.match(v.name)]

    # --------------------------------------------------------------- ops

    def no_op(self, name: str | None = None) -> Op:
        """`tf.no_op(name)`."""
        with op_scope(self.graph, name, "NoOp") as scope:
            return generated(self.graph, "NoOp", scope, (), None)

    def constant(self, value, name: str | None = None) -> Tensor:
        """`tf.constant(value, name=name)`."""
        return tf_constant(self.graph, value, name)

    # ------------------------------------------------- calls and operators

    def call(self, func: str, args: list, name: str | None = None):
        """`func(*args, name=name)` for a function of the language (see
        `FUNCTIONS`): `tf.add`, `tf.nn.relu`, ... (`math.FUNCTIONS`), or a
        query (`QUERIES`)."""
        if func in QUERIES:
            signature, query = QUERIES[func]
            bind(signature, len(args), name is not None)
            return query(self, *args)
        return tfmath.call(self.graph, func, args, name)

    @staticmethod
    def call_value(value) -> NoReturn:
        """`value(...)` for a value bound to a handle."""
        python_ops.call(value)

    def binary(self, op: str, x, y):
        """A Python operator (`+ - * / @`) on any two values."""
        return python_ops.binary(self.graph, op, x, y)

    def neg(self, x):
        """`-x`."""
        return python_ops.negative(self.graph, x)

    def compare(self, op: str, x, y) -> bool:
        """`x == y`, `x != y`, `x is y`, `x is not y`."""
        if op in ("is", "is not"):
            same = python_ops.identical(x, y)
        else:
            same = python_ops.equal(self.graph, x, y)
        return same if op in ("==", "is") else not same


#: The language's query functions: how Python binds them, and what they return.
QUERIES = {
    "get_variable_scope": (Signature("get_variable_scope", (), 0),
                           lambda engine: engine.current_scope),
    "get_name_scope": (Signature("Graph.get_name_scope", ("self",), 1, bound=1),
                       lambda engine: engine.graph.get_name_scope()),
    "global_variables": (Signature("global_variables", ("scope",), 0),
                         lambda engine, scope=None: [v.name for v in engine.variables(scope)]),
    "trainable_variables": (Signature("trainable_variables", ("scope",), 0),
                            lambda engine, scope=None: [
                                v.name for v in engine.variables(scope, trainable_only=True)]),
}

#: Every function a `.scope` program can call by name.
FUNCTIONS = frozenset(tfmath.FUNCTIONS) | frozenset(QUERIES)
