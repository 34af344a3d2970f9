"""`ops/variable_scope.py`: `variable_scope`, `get_variable`,
`get_variable_scope`, `VariableScope`, `AUTO_REUSE` (the rules are in
`scopesim.engine.scopes` and `scopesim.engine.variables`)."""

from __future__ import annotations

from ...engine import variables as _variables
from ...engine.graph import get_default_graph
from ...engine.scopes import AUTO_REUSE, VariableScope, _ReuseMode
from ...engine.scopes import variable_scope as _enter_variable_scope
from ...errors import NotSimulated
from .. import runtime
from ..framework.dtypes import base_name
from ..framework.tensor_shape import dims_of

__all__ = ["variable_scope", "get_variable", "get_variable_scope", "VariableScope",
           "AUTO_REUSE", "_ReuseMode"]

_AUTO = object()          # VariableSynchronization.AUTO / VariableAggregation.NONE stand-in


def _not_simulated(func: str, **given) -> None:
    """NotSimulated for the first argument given a value scopesim cannot honour."""
    for key, value in given.items():
        if value is not None:
            raise NotSimulated(f"tf.{func}({key}=…)")


class variable_scope:
    """`tf.compat.v1.variable_scope(name_or_scope, default_name=None,
    values=None, initializer=None, regularizer=None, caching_device=None,
    partitioner=None, custom_getter=None, reuse=None, dtype=None,
    use_resource=None, constraint=None, auxiliary_name_scope=True)`."""

    __slots__ = ("_name_or_scope", "_default_name", "_initializer", "_reuse", "_dtype",
                 "_aux", "_close")

    def __init__(self, name_or_scope, default_name=None, values=None, initializer=None,
                 regularizer=None, caching_device=None, partitioner=None, custom_getter=None,
                 reuse=None, dtype=None, use_resource=None, constraint=None,
                 auxiliary_name_scope=True) -> None:
        _not_simulated("variable_scope", regularizer=regularizer, caching_device=caching_device,
                       partitioner=partitioner, custom_getter=custom_getter,
                       use_resource=use_resource or None, constraint=constraint)
        self._name_or_scope = name_or_scope
        self._default_name = default_name
        self._initializer = initializer
        self._reuse = reuse
        self._dtype = None if dtype is None else base_name(dtype)
        self._aux = auxiliary_name_scope
        self._close = None

    def __enter__(self) -> VariableScope:
        scope, self._close = _enter_variable_scope(
            get_default_graph(), self._name_or_scope, self._default_name, self._reuse,
            self._aux, self._dtype, self._initializer)
        return scope

    def __exit__(self, exc_type, exc, tb) -> None:
        self._close(exc_type is not None)
        return None


variable_scope.__module__ = "tensorflow.python.ops.variable_scope"


def get_variable_scope() -> VariableScope:
    """`tf.compat.v1.get_variable_scope()`: the current VariableScope."""
    return get_default_graph().current_scope


def get_variable(name, shape=None, dtype=None, initializer=None, regularizer=None,
                 trainable=None, collections=None, caching_device=None, partitioner=None,
                 validate_shape=True, use_resource=None, custom_getter=None, constraint=None,
                 synchronization=None, aggregation=None):
    """`tf.compat.v1.get_variable` (`VariableScope.get_variable`, then the
    store's `_get_single_variable`)."""
    _not_simulated("get_variable", regularizer=regularizer, caching_device=caching_device,
                   partitioner=partitioner, custom_getter=custom_getter,
                   use_resource=use_resource or None, constraint=constraint,
                   validate_shape=None if validate_shape else False,
                   synchronization=synchronization, aggregation=aggregation)
    if initializer is not None and not hasattr(initializer, "_scopesim_spec"):
        raise NotSimulated("tf.get_variable(initializer=<a tensor or value>)")
    g = get_default_graph()
    return _variables.get_variable(
        g, name, dims_of(shape), None if dtype is None else base_name(dtype), initializer,
        True if trainable is None else bool(trainable), runtime.origin(), collections)
