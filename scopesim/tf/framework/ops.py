"""`framework/ops.py`: Graph, Operation, Tensor, the default graph, name
scopes, collections (the rules are in `scopesim.engine.graph`)."""

from __future__ import annotations

from ...engine import device as _device
from ...engine import graph as _graph
from ...engine import registry as _registry
from ...engine.graph import (Graph, Operation, SymbolicTensor, Tensor, get_default_graph,
                             reset_default_graph)
from ...errors import TFTypeError

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
    """The context manager of `tf.device(device_name_or_function)` (TensorFlow's
    is a `contextlib._GeneratorContextManager` over `Graph.device`): a string
    (checked when entered), a function of the op, or None."""

    __slots__ = ("_spec", "_graph", "_stack")

    def __init__(self, graph, spec) -> None:
        self._spec = spec
        self._graph = graph
        self._stack = None

    def __enter__(self):
        spec = self._spec
        if spec is not None and not callable(spec):
            if not isinstance(spec, str):
                raise AttributeError(f"'{type(spec).__name__}' object has no attribute 'split'")
            _device.components(spec)          # `DeviceSpec.from_string`: its ValueErrors
        g = self._graph if self._graph is not None else get_default_graph()
        self._graph = g
        self._stack = g._device_stack
        self._stack.append(spec)
        return None

    def __exit__(self, *exc) -> None:
        self._stack.pop()
        return None


_DeviceScope.__name__ = _DeviceScope.__qualname__ = "_GeneratorContextManager"
_DeviceScope.__module__ = "contextlib"


def device(device_name_or_function):
    """`tf.compat.v1.device(device_name_or_function)` (`Graph.device` of the
    default graph)."""
    return _DeviceScope(None, device_name_or_function)


class _ControlDependenciesController:
    """`Graph._ControlDependenciesController`: the ops it adds, the ops made
    inside it (`seen`); None starts a new, empty stack."""

    __slots__ = ("_graph", "control_inputs", "seen", "_new_stack", "_old_stack")

    def __init__(self, graph, control_inputs) -> None:
        self._graph = graph
        self._new_stack = control_inputs is None
        self.control_inputs = [] if control_inputs is None else control_inputs
        self.seen = set()
        self._old_stack = None

    def __enter__(self):
        g = self._graph
        if self._new_stack:
            self._old_stack = g._control_stack
            g._control_stack = []
        g._control_stack.append(self)
        return None

    def __exit__(self, *exc) -> None:
        g = self._graph
        g._control_stack.pop()
        if self._new_stack:
            g._control_stack = self._old_stack
        return None


_ControlDependenciesController.__module__ = "tensorflow.python.framework.ops"


def _as_control_op(g, c):
    """`Graph.control_dependencies`' conversion of one input: a variable is
    its graph element, then `as_graph_element` (names are looked up); a
    tensor stands for its op."""
    if hasattr(c, "_as_graph_element") and not isinstance(c, (Tensor, Operation)):
        c = c._as_graph_element()
    c = g.as_graph_element(c)
    if isinstance(c, Tensor):
        return c.op
    return c


def _graph_control(g, control_inputs):
    """`Graph.control_dependencies(control_inputs)`: the inputs as ops, less
    those an enclosing block already adds (and repeats)."""
    if control_inputs is None:
        return _ControlDependenciesController(g, None)
    current = g.current_control_dependencies()
    ops = []
    for c in control_inputs:
        c = _as_control_op(g, c)
        if c not in current:
            ops.append(c)
            current.add(c)
            _mark_manual_control_dependency(c)
    return _ControlDependenciesController(g, ops)


def _mark_manual_control_dependency(op) -> None:
    """`Graph.control_dependencies` marks each op it adds with the attr
    `_has_manual_control_dependencies: true` (seen in str(op) and get_attr)."""
    attrs = getattr(op, "_attrs", None)
    if attrs is not None and not attrs.get("_has_manual_control_dependencies"):
        op._attrs = dict(attrs, _has_manual_control_dependencies=True)


def control_dependencies(control_inputs):
    """`tf.control_dependencies(control_inputs)`: `Graph.control_dependencies`
    of the default graph."""
    return _graph_control(get_default_graph(), control_inputs)


Graph.control_dependencies = lambda self, control_inputs: _graph_control(self, control_inputs)
Graph.device = lambda self, device_name_or_function: _DeviceScope(self, device_name_or_function)
Graph.name_scope = Graph.name_scope   # the engine's (yields the scope string)


class GraphKeys:
    """`tf.compat.v1.GraphKeys`: the standard collection names."""

    GLOBAL_VARIABLES = "variables"
    VARIABLES = "variables"               # the deprecated alias of GLOBAL_VARIABLES
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


class RegisterGradient:
    """`ops.RegisterGradient(op_type)`: a decorator registering `f` as the
    gradient function of `op_type` (`gradient_registry.register`)."""

    __slots__ = ("_op_type",)

    def __init__(self, op_type):
        if not isinstance(op_type, str):
            raise TFTypeError("op_type must be a string")
        self._op_type = op_type

    def __call__(self, f):
        _registry.gradient_registry.register(f, self._op_type)
        return f


RegisterGradient.__module__ = "tensorflow.python.framework.ops"


def no_gradient(op_type):
    """`ops.no_gradient` (`tf.NotDifferentiable`): `op_type` has no gradient
    (registered as None)."""
    if not isinstance(op_type, str):
        raise TFTypeError("op_type must be a string")
    _registry.gradient_registry.register(None, op_type)


NotDifferentiable = no_gradient
