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
from .graph import Graph, Operation as Op, Tensor
from .initializers import fill, random_normal
from .opdef import name_scope
from .ops import generated, op_scope
from .scopes import VariableScope, variable_scope
from .shapes import Shape
from .variables import (LegacyVariable, Variable, VariableStore, create_ref_variable,
                        get_variable)


class Engine:
    def __init__(self) -> None:
        self.graph = Graph()

    @property
    def store(self) -> VariableStore:
        return self.graph.var_store

    @property
    def counts(self):
        return self.graph.scope_counts

    @property
    def current_scope(self) -> VariableScope:
        return self.graph.current_scope

    @property
    def global_variables(self) -> list:
        """The version-1 interpreter's view of `tf.global_variables()`:
        `VariableInfo`-like records (shape tuple, dtype name)."""
        return [LegacyVariable(v) for v in self.graph.get_collection("variables")]

    # ------------------------------------------------------------ scopes

    @contextmanager
    def name_scope(self, name, default_name: str | None = None) -> Iterator[str]:
        """`tf.compat.v1.name_scope(name, default_name)`: the default is used
        only when `name` is None; any falsy name resets to the root (`""`);
        another non-string is a TypeError (`opdef.name_scope`)."""
        with name_scope(self.graph, name, default_name) as entered:
            yield entered

    @contextmanager
    def variable_scope(self, name_or_scope, default_name: str | None = None, reuse=None,
                       aux: bool = True, dtype: str | None = None,
                       initializer=None) -> Iterator[VariableScope]:
        """`tf.compat.v1.variable_scope(...)` (`scopes.variable_scope`)."""
        scope, close = variable_scope(self.graph, name_or_scope, default_name, reuse, aux,
                                      dtype, initializer)
        try:
            yield scope
        except BaseException:
            close(True)
            raise
        close(False)

    def reuse_variables(self) -> None:
        """`tf.get_variable_scope().reuse_variables()`."""
        self.current_scope.reuse_variables()

    # --------------------------------------------------------- variables

    def get_variable(self, name: str, shape: Shape | None = None, dtype: str | None = None,
                     initializer=None, trainable: bool = True, origin: object = None) -> Variable:
        """`tf.compat.v1.get_variable` (`variables.get_variable`)."""
        return get_variable(self.graph, name, shape, dtype, initializer, trainable, origin)

    def new_variable(self, name: str | None, shape: Shape, dtype: str = "float32",
                     init: str = "random_normal", trainable: bool = True,
                     origin: object = None) -> Variable:
        """`tf.Variable(tf.<init>(shape, dtype=dtype), name=name)`: the initial
        value is built first in the current name scope, then the variable,
        named in the current name scope (`Variable` by default), never shared."""
        start = len(self.graph.ops)
        if init == "random_normal":
            value = random_normal(self.graph, "random_normal", "RandomStandardNormal", shape,
                                  dtype)
        elif init == "truncated_normal":
            value = random_normal(self.graph, "truncated_normal", "TruncatedNormal", shape,
                                  dtype)
        else:
            value = fill(self.graph, init, shape, dtype)
        var = create_ref_variable(self.graph, name, shape, dtype, initial_value=value,
                                  trainable=trainable, origin=origin)
        self.graph.claim_ops_since(start, var.op_name)
        return var

    def variables(self, scope=None, trainable_only: bool = False) -> list[Variable]:
        """`tf.global_variables(scope)` / `tf.trainable_variables(scope)`
        (`Graph.get_collection`): `re.match(scope, var.name)` when a scope is
        given, but only once the collection exists (a variable of it was
        created): until then any scope gives []."""
        found = [v for v in self.graph.get_collection("variables")
                 if v.trainable or not trainable_only]
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
