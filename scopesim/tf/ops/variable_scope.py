"""`ops/variable_scope.py`: `variable_scope`, `get_variable`,
`get_local_variable`, `get_variable_scope`, `VariableScope`, `AUTO_REUSE`
(the rules are in `scopesim.engine.scopes` and `scopesim.engine.variables`)."""

from __future__ import annotations

from ...engine import observe as _observe
from ...engine import resource as _resource
from ...engine import var_templates as _templates
from ...engine import variables as _variables
from ...engine.graph import _GLOBAL, _GRAPH_STACK, Graph, get_default_graph
from ...engine.opdef import graph_from_inputs
from ...engine.scopes import AUTO_REUSE, VariableScope, _ReuseMode
from ...engine.scopes import enter_plain as _enter_plain
from ...engine.scopes import exit_plain as _exit_plain
from ...engine.scopes import variable_scope as _enter_variable_scope
from ...engine.variables import (AGG_NONE, LOCAL_VARIABLES, SYNC_AUTO, _LazyEvalTensor,
                                 store_of)
from ...errors import NotSimulated
from .. import runtime

__all__ = ["variable_scope", "get_variable", "get_local_variable", "get_variable_scope",
           "VariableScope", "AUTO_REUSE", "_ReuseMode", "_LazyEvalTensor",
           "enable_resource_variables", "disable_resource_variables",
           "resource_variables_enabled"]

#: False: every variable_scope is entered the general way (for tests).
PLAIN_SCOPES = True

#: get_variable's variables remember where the program created them.
runtime.bind_origin(_variables)


class variable_scope:
    """`tf.compat.v1.variable_scope(name_or_scope, default_name=None,
    values=None, initializer=None, regularizer=None, caching_device=None,
    partitioner=None, custom_getter=None, reuse=None, dtype=None,
    use_resource=None, constraint=None, auxiliary_name_scope=True)`.

    `use_resource=True` is not simulated (resource variables)."""

    __slots__ = ("_name_or_scope", "_default_name", "_initializer", "_reuse", "_dtype",
                 "_aux", "_settings", "_close", "_cache", "_values", "_graph_cm", "_plain")

    def __init__(self, name_or_scope, default_name=None, values=None, initializer=None,
                 regularizer=None, caching_device=None, partitioner=None, custom_getter=None,
                 reuse=None, dtype=None, use_resource=None, constraint=None,
                 auxiliary_name_scope=True) -> None:
        self._name_or_scope = name_or_scope
        self._default_name = default_name
        self._initializer = initializer
        self._reuse = reuse
        self._dtype = dtype
        self._aux = auxiliary_name_scope
        if regularizer is None and caching_device is None and partitioner is None and \
                custom_getter is None and use_resource is None and constraint is None:
            self._settings = None
            #: a string scope with every other argument at its default
            #: (`engine.scopes.enter_plain`)
            self._plain = (name_or_scope.__class__ is str and name_or_scope != "" and
                           default_name is None and values is None and initializer is None and
                           dtype is None and auxiliary_name_scope is True and
                           (reuse is None or reuse is False or reuse is True or
                            reuse is AUTO_REUSE))
        else:
            self._settings = {"regularizer": regularizer, "caching_device": caching_device,
                              "partitioner": partitioner, "custom_getter": custom_getter,
                              "use_resource": use_resource, "constraint": constraint}
            self._plain = False
        self._close = None
        #: what `engine.scopes.variable_scope` keeps of the first entry (its
        #: `cache`): None before it, or a dict; after a plain entry, the tuple
        #: (old_ns, reuse) of it, made that dict at the next entry
        self._cache = None
        self._values = values
        self._graph_cm = None

    def __enter__(self) -> VariableScope:
        """The graph of `values` (else the default graph) becomes the default
        graph for the block, then the scopes are entered."""
        g = _GRAPH_STACK[-1] if _GRAPH_STACK else _GLOBAL[0]    # `get_default_graph()`
        cache = self._cache
        if self._plain and not cache and _observe.current is None and PLAIN_SCOPES:
            if g.__class__ is Graph:
                # `g.as_default()` entered as `_DefaultGraph` enters it; the
                # graph kept in its place (see `__exit__`)
                self._graph_cm = g
                _GRAPH_STACK.append(g)
            else:
                self._graph_cm = g.as_default()
                self._graph_cm.__enter__()
            try:
                state = _enter_plain(g, self._name_or_scope, self._reuse or None)
            except BaseException:
                graph_cm = self._graph_cm
                if graph_cm.__class__ is Graph:
                    if _GRAPH_STACK and _GRAPH_STACK[-1] is graph_cm:
                        _GRAPH_STACK.pop()
                else:
                    graph_cm.__exit__(None, None, None)
                raise
            self._close = state
            scope = state[1]
            self._cache = (state[5], scope._reuse)
            return scope
        if cache is None:
            cache = self._cache = {}
        elif cache.__class__ is tuple:
            cache = self._cache = {"ns": self._name_or_scope, "pure": self._name_or_scope,
                                   "old_ns": cache[0], "reuse": cache[1], "object": None}
        if self._values:
            g = graph_from_inputs(g, self._values)
        self._graph_cm = g.as_default()
        self._graph_cm.__enter__()
        try:
            scope, self._close = _enter_variable_scope(
                g, self._name_or_scope, self._default_name, self._reuse, self._aux,
                self._dtype, self._initializer, cache=cache,
                **(self._settings or _NO_SETTINGS))
        except BaseException:
            self._graph_cm.__exit__(None, None, None)
            raise
        return scope

    def __exit__(self, exc_type, exc, tb) -> None:
        close = self._close
        try:
            if close.__class__ is tuple:
                _exit_plain(close, exc_type is not None)
            else:
                close(exc_type is not None)
        finally:
            graph_cm = self._graph_cm
            if graph_cm.__class__ is Graph:   # a plain entry's (`_DefaultGraph.__exit__`)
                if _GRAPH_STACK and _GRAPH_STACK[-1] is graph_cm:
                    _GRAPH_STACK.pop()
            else:
                graph_cm.__exit__(exc_type, exc, tb)
        return None


#: The settings of a variable_scope given none.
_NO_SETTINGS = {"regularizer": None, "caching_device": None, "partitioner": None,
                "custom_getter": None, "use_resource": None, "constraint": None}


variable_scope.__module__ = "tensorflow.python.ops.variable_scope"


def get_variable_scope() -> VariableScope:
    """`tf.compat.v1.get_variable_scope()`: the current VariableScope."""
    return get_default_graph().current_scope


def _get_default_variable_store():
    """`variable_scope._get_default_variable_store()`: the default graph's."""
    return store_of(get_default_graph())


def get_variable(name, shape=None, dtype=None, initializer=None, regularizer=None,
                 trainable=None, collections=None, caching_device=None, partitioner=None,
                 validate_shape=True, use_resource=None, custom_getter=None, constraint=None,
                 synchronization=SYNC_AUTO, aggregation=AGG_NONE):
    """`tf.compat.v1.get_variable`: `get_variable_scope().get_variable(
    _get_default_variable_store(), name, ...)` (a new plain variable is
    replayed from its signature's template: `engine.var_templates`)."""
    if synchronization is not SYNC_AUTO or aggregation is not AGG_NONE:
        raise NotSimulated("tf.get_variable(synchronization=…, aggregation=…)")
    return _templates.get_variable(
        _GRAPH_STACK[-1] if _GRAPH_STACK else _GLOBAL[0],     # `get_default_graph()`
        _general_get_variable, name, shape, dtype, initializer, regularizer, trainable,
        collections, caching_device, partitioner, validate_shape, use_resource, custom_getter,
        constraint)


def _general_get_variable(name, shape, dtype, initializer, regularizer, trainable, collections,
                          caching_device, partitioner, validate_shape, use_resource,
                          custom_getter, constraint):
    """`get_variable` the whole way."""
    return get_variable_scope().get_variable(
        _get_default_variable_store(), name, shape=shape, dtype=dtype, initializer=initializer,
        regularizer=regularizer, trainable=trainable, collections=collections,
        caching_device=caching_device, partitioner=partitioner, validate_shape=validate_shape,
        use_resource=use_resource, custom_getter=custom_getter, constraint=constraint)


def get_local_variable(name, shape=None, dtype=None, initializer=None, regularizer=None,
                       trainable=False, collections=None, caching_device=None,
                       partitioner=None, validate_shape=True, use_resource=None,
                       custom_getter=None, constraint=None, synchronization=SYNC_AUTO,
                       aggregation=AGG_NONE):
    """`tf.compat.v1.get_local_variable`: `get_variable` with
    `LOCAL_VARIABLES` appended to `collections` (the given list itself, as
    `+=` does) and `trainable=False`, whatever was passed."""
    if collections:
        collections += [LOCAL_VARIABLES]
    else:
        collections = [LOCAL_VARIABLES]
    return get_variable(name, shape=shape, dtype=dtype, initializer=initializer,
                        regularizer=regularizer, trainable=False, collections=collections,
                        caching_device=caching_device, partitioner=partitioner,
                        validate_shape=validate_shape, use_resource=use_resource,
                        custom_getter=custom_getter, constraint=constraint,
                        synchronization=synchronization, aggregation=aggregation)


def enable_resource_variables() -> None:
    """`tf.compat.v1.enable_resource_variables()`: get_variable and
    tf.Variable make ResourceVariables unless told otherwise."""
    _resource.set_resource_variables_enabled(True)


def disable_resource_variables() -> None:
    """`tf.compat.v1.disable_resource_variables()`: RefVariables again (as
    after `disable_v2_behavior()`)."""
    _resource.set_resource_variables_enabled(False)


def resource_variables_enabled() -> bool:
    """`tf.compat.v1.resource_variables_enabled()`."""
    return _resource.resource_variables_enabled()
