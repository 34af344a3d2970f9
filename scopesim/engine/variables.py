"""Variables: `RefVariable` construction and the `get_variable` store.

Mirrors `ops/ref_variable.py` (`RefVariable._init_from_args`: the ops a
variable creates and how its op is named) and `ops/variable_scope.py`
(`_VariableStore._get_single_variable`: create, reuse, AUTO_REUSE and the
errors, word for word).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import TFValueError
from .graph import Graph, Tensor
from .initializers import run_initializer
from .shapes import Shape, format_shape, is_compatible, is_fully_defined


@dataclass(eq=False, slots=True)
class Variable:
    """A `RefVariable`.  `name` is `var.name` (`s/v_1:0`), `store_key` the
    get_variable store key (`s/v`) or None for `tf.Variable`.  `origin` is
    whatever the caller passed (the interpreter passes the statement span):
    TensorFlow keeps the creating traceback for "Originally defined at"."""

    op_name: str
    shape: Shape
    dtype: str
    trainable: bool
    store_key: str | None
    snapshot: Tensor = field(repr=False, default=None)
    origin: object = None

    @property
    def name(self) -> str:
        return self.op_name + ":0"

    @property
    def kind(self) -> str:
        return "Variable" if self.store_key is None else "get_variable"


def create_ref_variable(g: Graph, name: str | None, shape: Shape, dtype: str, *,
                        initializer=None, trainable: bool = True, store_key: str | None = None,
                        origin: object = None) -> Variable:
    """`RefVariable._init_from_args` inside `name_scope(name, "Variable")`.

    With an `initializer` (name, value), its ops run under a uniquified
    `Initializer` scope; without one (tf.Variable of a tensor made
    beforehand), no initializer op is created.  Then the `VariableV2` op takes the scope's
    exact name (a clash is "Duplicate node name"), then `Assign` and `read`.
    """
    start = len(g.ops)
    with g.name_scope(name or "Variable") as scope:
        if initializer is not None:
            with g.name_scope("Initializer"):
                run_initializer(g, initializer[0], initializer[1], shape, dtype)
        op = g.create_op("VariableV2", scope, outputs=((shape, dtype + "_ref"),))
        with g.name_scope("Assign") as assign:
            g.create_op("Assign", assign, outputs=((shape, dtype + "_ref"),))
        with g.name_scope("read") as read:
            snapshot = g.create_op("Identity", read, outputs=((shape, dtype),)).outputs[0]
    g.claim_ops_since(start, op.name)
    return Variable(op.name, shape, dtype, trainable, store_key, snapshot, origin)


def already_exists_message(key: str) -> str:
    """`_get_single_variable`'s message; TensorFlow appends the creating
    traceback after it, the interpreter appends the `.scope` location."""
    return (f"Variable {key} already exists, disallowed. Did you mean to set reuse=True "
            f"or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")


class VariableStore:
    """`_VariableStore`: get_variable's variables by full name."""

    def __init__(self) -> None:
        self.vars: dict[str, Variable] = {}

    def get_variable(self, g: Graph, key: str, shape: Shape | None, dtype: str,
                     initializer, reuse, trainable: bool, origin: object) -> Variable:
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
                                  trainable=trainable, store_key=key, origin=origin)
        self.vars[key] = var
        return var

    @staticmethod
    def _reuse_existing(found: Variable, key: str, shape: Shape | None, dtype: str,
                        reuse) -> Variable:
        if reuse is False:
            raise TFValueError(already_exists_message(key), name=key, origin=found.origin,
                               kind="already_exists")
        if shape is not None and not is_compatible(shape, found.shape):
            raise TFValueError(
                f"Trying to share variable {key}, but specified shape {format_shape(shape)} "
                f"and found shape {format_shape(found.shape)}.", name=key)
        if dtype != found.dtype:
            raise TFValueError(
                f"Trying to share variable {key}, but specified dtype {dtype} "
                f"and found dtype {found.dtype}_ref.", name=key)
        return found


def default_initializer(dtype: str):
    """`_get_default_initializer`: glorot_uniform for floats, zeros otherwise."""
    return ("glorot_uniform", None) if dtype.startswith("float") else ("zeros", None)


