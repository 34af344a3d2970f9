"""`ops/variables.py` (and `variable_v1.py`, `ref_variable.py`):
`tf.compat.v1.Variable`, the variable collections' functions, the
variable initializer ops, and the operators of a variable."""

from __future__ import annotations

from ...engine.graph import Tensor, get_default_graph
from ...engine.resource import resource_variable, resource_variables_enabled
from ...engine.variables import RefVariable, ref_variable
from ...errors import NotSimulated, TFValueError
from .. import runtime
from ..framework.dtypes import base_name
from ..framework.tensor_shape import dims_of
from .control_flow_ops import no_op

__all__ = ["VariableV1", "RefVariable", "global_variables", "local_variables",
           "trainable_variables", "model_variables", "moving_average_variables",
           "all_variables", "variables_initializer", "global_variables_initializer",
           "local_variables_initializer", "initialize_variables", "initialize_all_variables",
           "initialize_local_variables"]


class _VariableMetaclass(type):
    """`variables.VariableMetaclass`: calling the class builds a RefVariable
    (resource variables are off after `disable_v2_behavior()`), and every
    RefVariable is an instance."""

    def __call__(cls, *args, **kwargs):
        return _variable_v1(*args, **kwargs)

    def __instancecheck__(cls, instance) -> bool:
        return isinstance(instance, RefVariable)

    def __subclasscheck__(cls, subclass) -> bool:
        return issubclass(subclass, RefVariable) or type.__subclasscheck__(cls, subclass)


class VariableV1(metaclass=_VariableMetaclass):
    """`tf.compat.v1.Variable`."""


VariableV1.__module__ = "tensorflow.python.ops.variables"


def _variable_v1(initial_value=None, trainable=None, collections=None, validate_shape=True,
                 caching_device=None, name=None, variable_def=None, dtype=None,
                 expected_shape=None, import_scope=None, constraint=None, use_resource=None,
                 synchronization=None, aggregation=None, shape=None, **unused):
    """`VariableV1(...)` -> `RefVariable.__init__` -> `_init_from_args`
    (`expected_shape` is ignored, as TensorFlow ignores it; unknown keywords
    are swallowed by the metaclass as TensorFlow's are)."""
    if variable_def is not None:
        if initial_value is not None:
            raise TFValueError("variable_def and initial_value are mutually exclusive.")
        raise NotSimulated("tf.Variable(variable_def=…)")
    if import_scope is not None:
        raise NotSimulated("tf.Variable(import_scope=…)")
    if synchronization is not None or aggregation is not None:
        raise NotSimulated("tf.Variable(synchronization=…, aggregation=…)")
    g = get_default_graph()
    if use_resource is None:              # `ref_variable.default_variable_creator`
        use_resource = g.current_scope.use_resource
    if use_resource is None:
        use_resource = resource_variables_enabled()
    make = resource_variable if use_resource else ref_variable
    return make(g, initial_value, trainable, collections, validate_shape,
                        caching_device, name, None if dtype is None else base_name(dtype),
                        constraint, shape if make is ref_variable or shape is None
                        else dims_of(shape),
                        origin=runtime.origin())


# ----------------------------------------------------------- collections


def global_variables(scope=None) -> list:
    """`tf.compat.v1.global_variables(scope=None)`."""
    return get_default_graph().get_collection("variables", scope)


def all_variables() -> list:
    """`tf.compat.v1.all_variables()` (deprecated `global_variables()`)."""
    return global_variables()


def local_variables(scope=None) -> list:
    """`tf.compat.v1.local_variables(scope=None)`."""
    return get_default_graph().get_collection("local_variables", scope)


def trainable_variables(scope=None) -> list:
    """`tf.compat.v1.trainable_variables(scope=None)`."""
    return get_default_graph().get_collection("trainable_variables", scope)


def model_variables(scope=None) -> list:
    """`tf.compat.v1.model_variables(scope=None)`."""
    return get_default_graph().get_collection("model_variables", scope)


def moving_average_variables(scope=None) -> list:
    """`tf.compat.v1.moving_average_variables(scope=None)`."""
    return get_default_graph().get_collection("moving_average_variables", scope)


# ----------------------------------------------------------- initializers


def variables_initializer(var_list, name="init"):
    """`tf.compat.v1.variables_initializer(var_list, name="init")`:
    `group(*[v.initializer for v in var_list])`, a NoOp whose control
    inputs are the variables' `Assign` ops (an empty list: a bare NoOp)."""
    if var_list:
        from .control_flow_ops import group
        return group(*[v.initializer for v in var_list], name=name)
    return no_op(name=name)


def global_variables_initializer():
    """`tf.compat.v1.global_variables_initializer()`: `variables_initializer(
    global_variables())`."""
    return variables_initializer(global_variables())


def local_variables_initializer():
    """`tf.compat.v1.local_variables_initializer()`."""
    return variables_initializer(local_variables())


def initialize_variables(var_list, name="init"):
    """`tf.compat.v1.initialize_variables` (deprecated `variables_initializer`)."""
    return variables_initializer(var_list, name=name)


def initialize_all_variables():
    """`tf.compat.v1.initialize_all_variables` (deprecated)."""
    return global_variables_initializer()


def initialize_local_variables():
    """`tf.compat.v1.initialize_local_variables` (deprecated)."""
    return local_variables_initializer()


# ------------------------------------------------------------ operators


def _overload_operator(name: str) -> None:
    """`Variable._OverloadOperator`: the Tensor operator on `self.value()`."""
    tensor_op = getattr(Tensor, name)

    def operator(self, *args):
        return tensor_op(self._snapshot, *args)
    operator.__name__ = name
    setattr(RefVariable, name, operator)


def overload_all_operators() -> None:
    """`Variable._OverloadAllOperators`, once Tensor has its operators
    (`__eq__`/`__ne__` stay identity in graph mode): a RefVariable's on its
    snapshot, a resource variable's on `value()` (its module may have been
    imported before Tensor had them)."""
    from ...engine.resource import BaseResourceVariable
    from ...engine.resource import _operator as _resource_operator
    for name in Tensor.OVERLOADABLE_OPERATORS:
        if name not in ("__eq__", "__ne__") and hasattr(Tensor, name):
            _overload_operator(name)
            setattr(BaseResourceVariable, name, _resource_operator(name))
