"""`ops/variables.py` (and `ref_variable.py`): `tf.compat.v1.Variable`,
the variable collections' functions, and the operators of a variable."""

from __future__ import annotations

from ...engine.graph import Tensor, get_default_graph
from ...engine.variables import GLOBAL_VARIABLES, TRAINABLE_VARIABLES, RefVariable
from ...engine.variables import create_ref_variable
from ...errors import NotSimulated, TFValueError
from .. import runtime
from ..framework.dtypes import base_name

__all__ = ["VariableV1", "RefVariable", "global_variables", "trainable_variables"]


class _VariableMetaclass(type):
    """`variables.VariableMetaclass`: calling the class builds a RefVariable
    (resource variables are off after `disable_v2_behavior()`), and every
    RefVariable is an instance."""

    def __call__(cls, *args, **kwargs):
        return _make_variable(*args, **kwargs)

    def __instancecheck__(cls, instance) -> bool:
        return isinstance(instance, RefVariable)

    def __subclasscheck__(cls, subclass) -> bool:
        return issubclass(subclass, RefVariable) or type.__subclasscheck__(cls, subclass)


class VariableV1(metaclass=_VariableMetaclass):
    """`tf.compat.v1.Variable`."""


VariableV1.__module__ = "tensorflow.python.ops.variables"


def _make_variable(initial_value=None, trainable=None, collections=None, validate_shape=True,
                   caching_device=None, name=None, variable_def=None, dtype=None,
                   expected_shape=None, import_scope=None, constraint=None, use_resource=None,
                   synchronization=None, aggregation=None, shape=None):
    """`RefVariable.__init__` -> `_init_from_args`: the initial value (a
    tensor, or a Python value converted as `<name>/initial_value`), then
    VariableV2, Assign and read in `name_scope(name, "Variable")`."""
    for key, value in (("caching_device", caching_device), ("variable_def", variable_def),
                       ("expected_shape", expected_shape), ("import_scope", import_scope),
                       ("constraint", constraint), ("use_resource", use_resource or None),
                       ("synchronization", synchronization), ("aggregation", aggregation),
                       ("shape", shape), ("validate_shape", None if validate_shape else False)):
        if value is not None:
            raise NotSimulated(f"tf.Variable({key}=…)")
    if initial_value is None:
        raise TFValueError("initial_value must be specified.")
    if callable(initial_value):
        raise NotSimulated("tf.Variable(initial_value=<a callable>)")
    g = get_default_graph()
    trainable = True if trainable is None else trainable
    dt = None if dtype is None else base_name(dtype)
    return create_ref_variable(g, name, None, dt, initial_value=initial_value,
                               trainable=trainable, origin=runtime.origin(),
                               collections=collections)


def global_variables(scope=None) -> list:
    """`tf.compat.v1.global_variables(scope=None)`."""
    return get_default_graph().get_collection(GLOBAL_VARIABLES, scope)


def trainable_variables(scope=None) -> list:
    """`tf.compat.v1.trainable_variables(scope=None)`."""
    return get_default_graph().get_collection(TRAINABLE_VARIABLES, scope)


def _overload_operator(name: str) -> None:
    """`Variable._OverloadOperator`: the Tensor operator on `self.value()`."""
    tensor_op = getattr(Tensor, name)

    def operator(self, *args):
        return tensor_op(self._snapshot, *args)
    operator.__name__ = name
    setattr(RefVariable, name, operator)


def overload_all_operators() -> None:
    """`Variable._OverloadAllOperators`, once Tensor has its operators
    (`__eq__`/`__ne__` stay identity in graph mode)."""
    for name in Tensor.OVERLOADABLE_OPERATORS:
        if name not in ("__eq__", "__ne__") and hasattr(Tensor, name):
            _overload_operator(name)
