"""Variables: `RefVariable` construction and the `get_variable` store.

Mirrors `ops/ref_variable.py` (`RefVariable._init_from_args`: the ops a
variable creates and how its op is named) and `ops/variable_scope.py`
(`_VariableStore._get_single_variable`: create, reuse, AUTO_REUSE and the
errors, word for word).
"""

from __future__ import annotations

from ..errors import TFValueError
from . import dtypes
from .graph import Graph, Tensor
from .initializers import run_initializer
from .ops import convert
from .tensor_shape import TensorShape
from .shapes import Shape, format_shape, is_compatible, is_fully_defined


class RefVariable:
    """`tf.compat.v1.Variable` as TF 2.21 builds it in graph mode
    (`ops/ref_variable.py` `RefVariable`).

    Engine fields: `_dims` / `_dt` (shape tuple, base dtype name), `_op`
    (the VariableV2 op), `_snapshot` (the `read` tensor), `store_key` (the
    get_variable store key, `s/v`, or None for `tf.Variable`), `origin`
    (what the origin hook returned: "Originally defined at").  Python's
    operators are attached by `scopesim.tf.ops.variables`, as TensorFlow's
    `Variable._OverloadAllOperators` does."""

    __slots__ = ("_op", "_dims", "_dt", "trainable", "store_key", "_snapshot", "origin",
                 "_initializer_op", "_initial_value", "__weakref__")

    def __init__(self, op, dims, dtype: str, trainable: bool, store_key, snapshot,
                 initializer_op, initial_value, origin=None) -> None:
        self._op = op
        self._dims = dims
        self._dt = dtype
        self.trainable = trainable
        self.store_key = store_key
        self._snapshot = snapshot
        self._initializer_op = initializer_op
        self._initial_value = initial_value
        self.origin = origin

    # ------------------------------------------------ TensorFlow's attributes

    @property
    def name(self) -> str:
        return self._op._name + ":0"

    @property
    def op(self):
        return self._op

    @property
    def graph(self):
        return self._op._graph

    @property
    def device(self) -> str:
        return self._op._device

    @property
    def shape(self) -> TensorShape:
        return TensorShape._of(self._dims)

    def get_shape(self) -> TensorShape:
        return TensorShape._of(self._dims)

    @property
    def dtype(self):
        return dtypes.of(self._dt + "_ref")

    @property
    def initializer(self):
        """The `Assign` op."""
        return self._initializer_op

    @property
    def initial_value(self):
        return self._initial_value

    @property
    def _variable(self):
        return self._op._outputs[0]

    def value(self):
        """`RefVariable.value()`: the `read` snapshot."""
        return self._snapshot

    def _as_graph_element(self):
        return self._op._outputs[0]

    def __repr__(self) -> str:
        return (f"<tf.Variable '{self.name}' shape={TensorShape._of(self._dims)} "
                f"dtype={self._dt}_ref>")

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other):
        """Graph mode: identity."""
        return self is other

    def __ne__(self, other):
        return self is not other

    # ------------------------------------------------ scopesim's bookkeeping

    @property
    def op_name(self) -> str:
        return self._op._name

    @property
    def kind(self) -> str:
        return "Variable" if self.store_key is None else "get_variable"


RefVariable.__module__ = "tensorflow.python.ops.ref_variable"

#: The old name, kept for the version-1 interpreter.
Variable = RefVariable

GLOBAL_VARIABLES = "variables"
TRAINABLE_VARIABLES = "trainable_variables"


def create_ref_variable(g: Graph, name: str | None, shape: Shape, dtype: str, *,
                        initializer=None, initial_value=None, trainable: bool = True,
                        store_key: str | None = None, origin: object = None,
                        collections=None) -> RefVariable:
    """`RefVariable._init_from_args` inside `name_scope(name, "Variable")`.

    With an `initializer` (name, value), its ops run under a uniquified
    `Initializer` scope; otherwise `initial_value` (a tensor made
    beforehand, or a Python value converted here as `initial_value`) is the
    value.  Then the `VariableV2` op takes the scope's exact name (a clash
    is "Duplicate node name"), then `Assign` and `read`; the variable joins
    `collections` (default: global, and trainable if it is)."""
    start = len(g._ops)
    with g.name_scope(name or "Variable") as scope:
        if initializer is not None:
            with g.name_scope("Initializer"):
                value = run_initializer(g, initializer[0], initializer[1], shape, dtype)
        else:
            from .convert import convert_to_tensor
            value = convert_to_tensor(g, initial_value, dtype, name="initial_value")
            if dtype is None:
                dtype = value._dt
            if shape is None:
                shape = value._dims
        op = g.create_op("VariableV2", scope, outputs=((shape, dtype + "_ref"),))
        var_tensor = op._outputs[0]
        with g.name_scope("Assign") as assign:
            assign_op = g.create_op("Assign", assign, outputs=((shape, dtype + "_ref"),),
                                    inputs=(var_tensor, value))
        with g.name_scope("read") as read:
            snapshot = g.create_op("Identity", read, outputs=((shape, dtype),),
                                   inputs=(var_tensor,)).outputs[0]
    g.claim_ops_since(start, op._name)
    var = RefVariable(op, shape, dtype, trainable, store_key, snapshot, assign_op, value, origin)
    if collections is None:
        collections = [GLOBAL_VARIABLES]
        if trainable:
            collections.append(TRAINABLE_VARIABLES)
    g.add_to_collections(collections, var)
    return var


def already_exists_message(key: str) -> str:
    """`_get_single_variable`'s message; TensorFlow appends the creating
    traceback after it, the interpreter appends the `.scope` location."""
    return (f"Variable {key} already exists, disallowed. Did you mean to set reuse=True "
            f"or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")


class VariableStore:
    """`_VariableStore`: get_variable's variables by full name."""

    def __init__(self) -> None:
        self.vars: dict[str, RefVariable] = {}

    def get_variable(self, g: Graph, key: str, shape: Shape | None, dtype: str,
                     initializer, reuse, trainable: bool, origin: object,
                     collections=None) -> RefVariable:
        """`_true_getter` + `_get_single_variable` for a non-partitioned variable.

        `initializer` is (name, value) or None; `reuse` is False, True or
        AUTO_REUSE.  Must be called at the root name scope.
        """
        if key + "/part_0" in self.vars:
            raise TFValueError(
                f"No partitioner was provided, but a partitioned version of the variable was "
                f"found: {key}/part_0. Perhaps a variable of the same name was already created "
                f"with partitioning?", name=key)
        found = self.vars.get(key)
        if found is not None:
            return self._reuse_existing(found, key, shape, dtype, reuse)
        if reuse is True:
            raise TFValueError(
                f"Variable {key} does not exist, or was not created with tf.get_variable(). "
                f"Did you mean to set reuse=tf.AUTO_REUSE in VarScope?", name=key)
        if initializer is None:
            if shape is None:
                raise TFValueError(f"Variable {key} did not get an initializer, so its `shape` "
                                   f"argument must be specified.", name=key)
            initializer = default_initializer(dtype)
        if not is_fully_defined(shape):
            raise TFValueError(
                "The initializer passed is not valid. It should be a callable with no arguments "
                "and the shape should not be provided or an instance of "
                "`tf.keras.initializers.*' and `shape` should be fully defined.", name=key)
        var = create_ref_variable(g, key, shape, dtype, initializer=initializer,
                                  trainable=trainable, store_key=key, origin=origin,
                                  collections=collections)
        self.vars[key] = var
        return var

    @staticmethod
    def _reuse_existing(found: RefVariable, key: str, shape: Shape | None, dtype: str,
                        reuse) -> RefVariable:
        if reuse is False:
            raise TFValueError(already_exists_message(key), name=key, origin=found.origin,
                               kind="already_exists")
        if shape is not None and not is_compatible(shape, found._dims):
            raise TFValueError(
                f"Trying to share variable {key}, but specified shape {format_shape(shape)} "
                f"and found shape {format_shape(found._dims)}.", name=key)
        if dtype != found._dt:
            raise TFValueError(
                f"Trying to share variable {key}, but specified dtype {dtype} "
                f"and found dtype {found._dt}_ref.", name=key)
        return found


def default_initializer(dtype: str):
    """`_get_default_initializer`: glorot_uniform for floats, zeros otherwise."""
    return ("glorot_uniform", None) if dtype.startswith("float") else ("zeros", None)




def get_variable(g: Graph, name: str, shape: Shape | None = None, dtype: str | None = None,
                 initializer=None, trainable: bool = True, origin: object = None,
                 collections=None) -> RefVariable:
    """`VariableScope.get_variable` -> `_VariableStore.get_variable`: the
    full name from the current variable scope, the name scope ignored (the
    variable is made at the root name scope); dtype and initializer default
    to the scope's.  `initializer` is an initializer object (with
    `_scopesim_spec`) or a (name, value) spec."""
    scope = g.current_scope
    key = scope.name + "/" + name if scope.name else name
    if initializer is None:
        initializer = scope._initializer
    old = g.name_stack
    g.name_stack = ""
    try:
        return g.var_store.get_variable(g, key, shape, dtype or scope._dt,
                                        initializer_spec(initializer), scope.reuse, trainable,
                                        origin, collections)
    finally:
        g.name_stack = old


def initializer_spec(initializer):
    """The (name, value) the ops of `initializers.py` take, of an initializer
    object (`_scopesim_spec`) or a spec already."""
    if initializer is None or isinstance(initializer, tuple):
        return initializer
    return initializer._scopesim_spec


class LegacyVariable:
    """What the version-1 interpreter reads of a variable (a shape tuple and
    a dtype name); goes with the interpreter."""

    __slots__ = ("var",)

    def __init__(self, var: RefVariable) -> None:
        self.var = var

    def __getattr__(self, attr):
        if attr == "shape":
            return self.var._dims
        if attr == "dtype":
            return self.var._dt
        return getattr(self.var, attr)
