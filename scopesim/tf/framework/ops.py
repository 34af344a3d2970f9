"""`framework/ops.py`: Graph, Operation, Tensor, the default graph, name
scopes, collections (the rules are in `scopesim.engine.graph`)."""

from __future__ import annotations

from ...engine import graph as _graph
from ...engine.graph import (Graph, Operation, SymbolicTensor, Tensor, get_default_graph,
                             reset_default_graph)
from ...errors import NotSimulated, TFTypeError

__all__ = ["Graph", "Operation", "SymbolicTensor", "Tensor", "get_default_graph",
           "reset_default_graph", "name_scope_v1", "GraphKeys"]


class name_scope_v1:
    """`tf.compat.v1.name_scope(name, default_name=None, values=None)`.

    `internal_name_scope_v1` in graph mode: `default_name` only when `name`
    is None; a falsy name resets to the root; a truthy non-string is a
    TypeError (the regex check); then `Graph.name_scope`.  `__enter__`
    returns the scope string (`""` or ending in `/`)."""

    __slots__ = ("_name", "_default_name", "_graph", "_old")

    def __init__(self, name, default_name=None, values=None) -> None:
        self._name = default_name if name is None else name
        self._default_name = default_name
        self._graph = None
        self._old = None

    @property
    def name(self):
        return self._name

    def __enter__(self) -> str:
        name = self._name
        if not name:
            name = None
        elif not isinstance(name, str):
            raise TFTypeError(f"expected string or bytes-like object, got "
                              f"'{type(name).__name__}'")
        g = self._graph = get_default_graph()
        self._old = g.name_stack
        _, entered = g.enter_name_scope(name)
        return entered

    def __exit__(self, *exc) -> None:
        self._graph.name_stack = self._old
        return None


name_scope_v1.__name__ = name_scope_v1.__qualname__ = "name_scope_v1"
name_scope_v1.__module__ = "tensorflow.python.framework.ops"


def add_to_collection(name, value) -> None:
    """`tf.compat.v1.add_to_collection`."""
    get_default_graph().add_to_collection(name, value)


def add_to_collections(names, value) -> None:
    """`tf.compat.v1.add_to_collections`."""
    get_default_graph().add_to_collections(names, value)


def get_collection(key, scope=None) -> list:
    """`tf.compat.v1.get_collection`."""
    return get_default_graph().get_collection(key, scope)


def get_collection_ref(key) -> list:
    """`tf.compat.v1.get_collection_ref`."""
    return get_default_graph().get_collection_ref(key)


class _DeviceScope:
    """The context manager of `tf.device(name)`: ops made inside get the device."""

    __slots__ = ("_spec", "_graph")

    def __init__(self, spec) -> None:
        self._spec = spec
        self._graph = None

    def __enter__(self):
        self._graph = get_default_graph()
        self._graph._device_stack.append(self._spec)
        return None

    def __exit__(self, *exc) -> None:
        self._graph._device_stack.pop()
        return None


def device(device_name_or_function):
    """`tf.compat.v1.device(device_name_or_function)`: a device string (a
    function is not simulated).  The string is kept as given."""
    if callable(device_name_or_function):
        raise NotSimulated("tf.device(<a function>)")
    if device_name_or_function is None:
        return _DeviceScope("")
    return _DeviceScope(device_name_or_function)


class _ControlDependencies:
    """The context manager of `Graph.control_dependencies(control_inputs)`."""

    __slots__ = ("_ops", "_graph")

    def __init__(self, graph, ops) -> None:
        self._graph = graph
        self._ops = ops

    def __enter__(self):
        self._graph._control_stack.append(self._ops)
        return None

    def __exit__(self, *exc) -> None:
        self._graph._control_stack.pop()
        return None


def control_dependencies(control_inputs):
    """`tf.control_dependencies(control_inputs)` (`Graph.control_dependencies`):
    None clears the enclosing dependencies; each input is an Operation or a
    tensor (its op)."""
    g = get_default_graph()
    if control_inputs is None:
        return _ControlDependencies(g, None)
    found = []
    for c in control_inputs:
        if hasattr(c, "_as_graph_element") and not isinstance(c, (Tensor, Operation)):
            c = c._as_graph_element()
        if isinstance(c, Tensor):
            c = c.op
        if not isinstance(c, Operation):
            raise TFTypeError(f"Can not convert a {type(c).__name__} into a Operation.")
        found.append(c)
    return _ControlDependencies(g, found)


Graph.control_dependencies = lambda self, control_inputs: _graph_control(self, control_inputs)
Graph.device = lambda self, name: _graph_device(self, name)
Graph.name_scope = Graph.name_scope   # the engine's (yields the scope string)


def _graph_control(g, control_inputs):
    """`Graph.control_dependencies` on a given graph."""
    if control_inputs is None:
        return _ControlDependencies(g, None)
    ops = []
    for c in control_inputs:
        if isinstance(c, Tensor):
            c = c.op
        ops.append(c)
    return _ControlDependencies(g, ops)


def _graph_device(g, name):
    scope = _DeviceScope(name or "")
    return scope


class GraphKeys:
    """`tf.compat.v1.GraphKeys`: the standard collection names."""

    GLOBAL_VARIABLES = "variables"
    LOCAL_VARIABLES = "local_variables"
    METRIC_VARIABLES = "metric_variables"
    MODEL_VARIABLES = "model_variables"
    TRAINABLE_VARIABLES = "trainable_variables"
    SUMMARIES = "summaries"
    QUEUE_RUNNERS = "queue_runners"
    TABLE_INITIALIZERS = "table_initializer"
    ASSET_FILEPATHS = "asset_filepaths"
    MOVING_AVERAGE_VARIABLES = "moving_average_variables"
    REGULARIZATION_LOSSES = "regularization_losses"
    CONCATENATED_VARIABLES = "concatenated_variables"
    SAVERS = "savers"
    WEIGHTS = "weights"
    BIASES = "biases"
    ACTIVATIONS = "activations"
    UPDATE_OPS = "update_ops"
    LOSSES = "losses"
    SAVEABLE_OBJECTS = "saveable_objects"
    RESOURCES = "resources"
    LOCAL_RESOURCES = "local_resources"
    TRAINABLE_RESOURCE_VARIABLES = "trainable_resource_variables"
    INIT_OP = "init_op"
    LOCAL_INIT_OP = "local_init_op"
    READY_OP = "ready_op"
    READY_FOR_LOCAL_INIT_OP = "ready_for_local_init_op"
    SUMMARY_OP = "summary_op"
    GLOBAL_STEP = "global_step"
    EVAL_STEP = "eval_step"
    TRAIN_OP = "train_op"
    COND_CONTEXT = "cond_context"
    WHILE_CONTEXT = "while_context"
    _SUMMARY_COLLECTION = "_SUMMARY_V2"
    _VARIABLE_COLLECTIONS = [GLOBAL_VARIABLES, LOCAL_VARIABLES, METRIC_VARIABLES,
                             MODEL_VARIABLES, TRAINABLE_VARIABLES, MOVING_AVERAGE_VARIABLES,
                             CONCATENATED_VARIABLES, TRAINABLE_RESOURCE_VARIABLES]
    _STREAMING_MODEL_PORTS = "streaming_model_ports"


GraphKeys.__module__ = "tensorflow.python.framework.ops"
_ = _graph
