"""Resource variables: `ResourceVariable`, `_UnreadVariable` and the toggle.

Mirrors `ops/resource_variable_ops.py` in graph mode: `ResourceVariable.
_init_from_args` (the ops a resource variable creates: `Initializer/...`,
`VarHandleOp`, `IsInitialized/VarIsInitializedOp`, `Assign`
(AssignVariableOp), `Read/ReadVariableOp`, the cached `Read/Identity` of a
caching device), `BaseResourceVariable` (`value()`: a new ReadVariableOp in
the current name scope on every call; `read_value()`: `Read/ReadVariableOp`
and an `Identity`; `assign*`: the resource ops, then `_lazy_read`'s
`_UnreadVariable`, a ReadVariableOp under control of the assign), and
`ops/resource_variables_toggle.py` (`_DEFAULT_USE_RESOURCE`, False after
`disable_v2_behavior()`).
"""

from __future__ import annotations

from ..errors import TFValueError
from . import dtypes
from .graph import Graph, Tensor
from .tensor_shape import TensorShape

#: `resource_variables_toggle._DEFAULT_USE_RESOURCE` (False in graph mode
#: after `disable_v2_behavior()`); the runner restores it around a program.
_default_use_resource = False


def resource_variables_enabled() -> bool:
    """`resource_variables_toggle.resource_variables_enabled()`."""
    return _default_use_resource


def set_resource_variables_enabled(value: bool) -> None:
    """`enable_resource_variables()` (True) / `disable_resource_variables()` (False)."""
    global _default_use_resource
    _default_use_resource = bool(value)


class _CoreTensor:
    """`tensorflow.python.types.core.Tensor`: the base a resource variable
    shares with tensors (not `tf.Tensor`; `isinstance(v, tf.Tensor)` is False)."""

    __slots__ = ()


_CoreTensor.__name__ = _CoreTensor.__qualname__ = "Tensor"
_CoreTensor.__module__ = "tensorflow.python.types.core"


def _control(g: Graph, ops):
    """`ops.control_dependencies(ops)` on graph `g`."""
    from ..tf.framework.ops import _graph_control
    return _graph_control(g, ops)


def read_variable_op(g: Graph, handle: Tensor, dims, dt: str, name=None) -> Tensor:
    """`gen_resource_variable_ops.read_variable_op(handle, dtype)`: a
    `ReadVariableOp` (uniquified in the current name scope unless `name`
    ends in `/`)."""
    return g.create_op("ReadVariableOp", name or "ReadVariableOp", outputs=((dims, dt),),
                       inputs=(handle,), attrs={"dtype": dt}).outputs[0]


class BaseResourceVariable(_CoreTensor):
    """`resource_variable_ops.BaseResourceVariable` in graph mode.

    Engine fields: `_handle` (the VarHandleOp's resource tensor), `_dims` /
    `_dt` (shape tuple, dtype name), `_graph_element` (the creating read),
    `_cached_value` (the caching device's Identity, else None), `store_key`
    and `origin` as for RefVariable.  Python's operators read the variable
    first (`Variable._OverloadAllOperators`: `op(self.value(), ...)`)."""

    __slots__ = ("_handle", "_dims", "_dt", "_trainable", "store_key", "origin",
                 "_initializer_op", "_initial_value", "_constraint", "_caching_device",
                 "_cached_value", "_graph_element", "_handle_name", "_validate_shape",
                 "_save_slice_info", "__weakref__")

    # ------------------------------------------------ TensorFlow's attributes

    def _set_save_slice_info(self, save_slice_info) -> None:
        """`Variable._set_save_slice_info` (a partition's place in the whole)."""
        self._save_slice_info = save_slice_info

    def _get_save_slice_info(self):
        """`Variable._get_save_slice_info`."""
        return getattr(self, "_save_slice_info", None)

    @property
    def name(self) -> str:
        return self._handle_name

    @property
    def handle(self) -> Tensor:
        return self._handle

    @property
    def op(self):
        return self._handle._op

    @property
    def graph(self):
        return self._handle._op._graph

    @property
    def device(self) -> str:
        return self._handle._op._device

    @property
    def shape(self) -> TensorShape:
        return TensorShape._of(self._dims)

    def get_shape(self) -> TensorShape:
        return TensorShape._of(self._dims)

    @property
    def dtype(self):
        return dtypes.of(self._dt)

    @property
    def trainable(self) -> bool:
        return self._trainable

    @property
    def constraint(self):
        return self._constraint

    @property
    def initializer(self):
        return self._initializer_op

    @property
    def initial_value(self):
        return self._initial_value

    @property
    def _variable(self):
        """The graph element `_get_graph_from_inputs` looks at (the handle)."""
        return self._handle

    def _as_graph_element(self):
        return self._graph_element

    def _read_variable_op(self) -> Tensor:
        """`BaseResourceVariable._read_variable_op`: a ReadVariableOp of the
        handle (on the caching device if there is one)."""
        g = self._handle._op._graph
        if self._caching_device is None:
            return read_variable_op(g, self._handle, self._dims, self._dt)
        g._device_stack.append(self._caching_device)
        try:
            return read_variable_op(g, self._handle, self._dims, self._dt)
        finally:
            g._device_stack.pop()

    def value(self) -> Tensor:
        """`value()`: the cached value, else a new read in the current name scope."""
        if self._cached_value is not None:
            return self._cached_value
        return self._read_variable_op()

    def read_value(self) -> Tensor:
        """`read_value()`: `Read/ReadVariableOp`, then `identity` of it."""
        g = self._handle._op._graph
        with g.name_scope("Read"):
            value = self._read_variable_op()
        return g.create_op("Identity", "Identity", outputs=((self._dims, self._dt),),
                           inputs=(value,), attrs={"T": self._dt}).outputs[0]

    def _dense_var_to_tensor(self, dtype=None, name=None) -> Tensor:
        """The registered conversion (`_dense_var_to_tensor`): `value()`."""
        if dtype is not None and dtype != self._dt:
            raise TFValueError(f"Incompatible type conversion requested to type {dtype} for "
                               f"`tf.Variable of type {self._dt}. (Variable: {self!r})")
        return self.value()

    def _update(self, op_type: str, value, name, read_value: bool, validate=None):
        """`assign` / `assign_add` / `assign_sub`: the value converted to the
        variable's dtype (a `Const` in the current scope), the resource op,
        then `_lazy_read` (or the op with `read_value=False`)."""
        from .convert import convert_to_tensor
        from .shape_inference import merge_shapes, node_text
        g = self._handle._op._graph
        value = convert_to_tensor(g, value, self._dt)
        attrs = {"dtype": self._dt}
        if op_type == "AssignVariableOp":
            if not TensorShape._of(self._dims).is_compatible_with(value.shape):
                raise TFValueError(
                    f"Cannot assign value to variable ' {self.name}': Shape mismatch.The "
                    f"variable shape {TensorShape._of(self._dims)}, and the assigned value "
                    f"shape {value.shape} are incompatible.")
            attrs["validate_shape"] = bool(validate)
        op_name = g.unique_name(name or op_type)

        def error(message: str) -> TFValueError:
            return TFValueError(
                f"{message} for {node_text(op_type, op_name, attrs, [self._handle, value])}")
        merge_shapes(self._dims, value._dims, error)
        op = g.create_op(op_type, op_name + "/", outputs=(), inputs=(self._handle, value),
                         attrs=attrs)
        if not read_value:
            return op
        return self._lazy_read(op)

    def _lazy_read(self, op) -> "_UnreadVariable":
        op._set_attr("_has_manual_control_dependencies", True)
        return _UnreadVariable(self, op)

    def assign(self, value, use_locking=None, name=None, read_value=True):
        """`assign`: AssignVariableOp (validate_shape when the shape is fully defined)."""
        validate = self._validate_shape and self._dims is not None and \
            all(d is not None for d in self._dims)
        return self._update("AssignVariableOp", value, name, read_value, validate)

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        """`assign_add`: AssignAddVariableOp."""
        return self._update("AssignAddVariableOp", delta, name, read_value)

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        """`assign_sub`: AssignSubVariableOp."""
        return self._update("AssignSubVariableOp", delta, name, read_value)

    def initialized_value(self):
        """`Variable.initialized_value()`: a bare NotImplementedError for
        resource variables."""
        raise NotImplementedError

    def __bool__(self):
        return bool(self.read_value())

    def __iter__(self):
        return iter(self.read_value())

    def __repr__(self) -> str:
        return (f"<tf.Variable '{self.name}' shape={TensorShape._of(self._dims)} "
                f"dtype={self._dt}>")

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __copy__(self):
        return self

    # ------------------------------------------------ scopesim's bookkeeping

    @property
    def op_name(self) -> str:
        return self._handle._op._name

    @property
    def kind(self) -> str:
        return "Variable" if self.store_key is None else "get_variable"


BaseResourceVariable.__module__ = "tensorflow.python.ops.resource_variable_ops"

_INPLACE = {
    "__iadd__": "`variable += value` with `tf.Variable`s is not supported. Use "
                "`variable.assign_add(value)` to modify the variable, or `out = variable + "
                "value` if you need to get a new output Tensor.",
    "__isub__": "`variable -= value` with `tf.Variable`s is not supported. Use "
                "`variable.assign_sub(value)` to modify the variable, or `out = variable * "
                "value` if you need to get a new output Tensor.",
    "__imul__": "`var *= value` with `tf.Variable`s is not supported. Use "
                "`var.assign(var * value)` to modify the variable, or `out = var * value` if "
                "you need to get a new output Tensor.",
    "__itruediv__": "`var /= value` with `tf.Variable`s is not supported. Use "
                    "`var.assign(var / value)` to modify the variable, or `out = var / value` "
                    "if you need to get a new output Tensor.",
    "__ipow__": "`var **= value` with `tf.Variable`s is not supported. Use "
                "`var.assign(var ** value)` to modify the variable, or `out = var ** value` "
                "if you need to get a new output Tensor.",
}


def _inplace(message: str):
    def method(self, unused_other):
        raise RuntimeError(message)
    return method


for _name, _message in _INPLACE.items():
    setattr(BaseResourceVariable, _name, _inplace(_message))


def _operator(name: str):
    """`Variable._OverloadOperator`: the Tensor operator on `self.value()`."""
    tensor_op = getattr(Tensor, name)

    def method(self, *args):
        return tensor_op(self.value(), *args)
    method.__name__ = name
    return method


for _name in Tensor.OVERLOADABLE_OPERATORS - {"__eq__", "__ne__"}:
    if hasattr(Tensor, _name):
        setattr(BaseResourceVariable, _name, _operator(_name))


class ResourceVariable(BaseResourceVariable):
    """`resource_variable_ops.ResourceVariable`."""

    __slots__ = ()


ResourceVariable.__module__ = "tensorflow.python.ops.resource_variable_ops"


class _UnreadVariable(BaseResourceVariable):
    """`resource_variable_ops._UnreadVariable`: what an assign returns; its
    name is the assign op's (no `:0`), its graph element a read made under
    control of that op, and every read or assign through it is too."""

    __slots__ = ("_parent_op",)

    def __init__(self, var: BaseResourceVariable, parent_op) -> None:
        g = parent_op._graph
        self._handle = var._handle
        self._dims = var._dims
        self._dt = var._dt
        self._trainable = True
        self.store_key = None
        self.origin = None
        self._initializer_op = None
        self._initial_value = None
        self._constraint = None
        self._caching_device = None
        self._cached_value = None
        self._handle_name = var._handle.name
        self._validate_shape = True
        self._parent_op = parent_op
        with _control(g, [parent_op]):
            self._graph_element = read_variable_op(g, self._handle, self._dims, self._dt)

    @property
    def name(self) -> str:
        return self._parent_op._name

    @property
    def op(self):
        return self._parent_op

    def _read_variable_op(self) -> Tensor:
        with _control(self._parent_op._graph, [self._parent_op]):
            return read_variable_op(self._parent_op._graph, self._handle, self._dims, self._dt)

    def value(self) -> Tensor:
        return self._read_variable_op()

    def read_value(self) -> Tensor:
        return self._read_variable_op()

    def _update(self, op_type, value, name, read_value, validate=None):
        with _control(self._parent_op._graph, [self._parent_op]):
            return BaseResourceVariable._update(self, op_type, value, name, read_value,
                                                validate)


_UnreadVariable.__module__ = "tensorflow.python.ops.resource_variable_ops"


# ------------------------------------------------------ _init_from_args


def _colocate(ops, located) -> None:
    """`_attr_scope({"_class": ...})` around the initializer: the ops made in
    it carry the variable's location, but an op's own `_class` stays."""
    for op in ops:
        attrs = op._attr_dict()
        if attrs is not None and "_class" not in attrs:
            op._set_attr("_class", located)     # kept compact


def resource_variable(g: Graph, initial_value=None, trainable=None, collections=None,
                      validate_shape=True, caching_device=None, name=None, dtype=None,
                      constraint=None, shape=None, origin=None,
                      store_key=None) -> ResourceVariable:
    """`ResourceVariable._init_from_args` in graph mode, under `init_scope`
    (no control dependencies): in `name_scope(name, "Variable")`, the
    initial value made and converted under `Initializer` (device None),
    `VarHandleOp` named by the scope (shared_name, debug_name; the ops made
    so far carry `_class: loc:@<name>`), `IsInitialized/VarIsInitializedOp`,
    `Assign` (AssignVariableOp of the guarded value), `Read/ReadVariableOp`
    (and `Read/Identity` on a caching device); then the collections.
    `dtype` is a dtype name or None, `shape` a dims tuple or None."""
    from .convert import convert_to_tensor
    from .nodedef import StrAttr
    from .opdef import ShapeAttr, name_scope
    from .variables import (explicit_shape, guard_against_uninitialized_dependencies,
                            variable_collections)
    if initial_value is None:
        raise TFValueError("The `initial_value` arg to `tf.Variable` must be specified except "
                           "when you are not providing a `variable_def`. You provided neither.")
    init_from_fn = callable(initial_value)
    collections, trainable = variable_collections(collections, trainable)
    if constraint is not None and not callable(constraint):
        raise TFValueError(f"Argument `constraint` must be None or a callable. a callable. "
                           f"Got a {type(constraint)}:  {constraint}")
    start = len(g._ops)
    saved_control = g._control_stack
    g._control_stack = []
    var = ResourceVariable.__new__(ResourceVariable)
    try:
        with name_scope(g, name, "Variable") as scope:
            handle_name = scope[:-1]
            made = len(g._ops)
            with g.name_scope("Initializer"):
                saved_device = g._device_stack
                g._device_stack = []
                try:
                    value = initial_value() if init_from_fn else initial_value
                    value = convert_to_tensor(g, value, dtype, "initial_value")
                finally:
                    g._device_stack = saved_device
            if shape is not None:
                if not value.shape.is_compatible_with(TensorShape._of(shape)):
                    raise TFValueError(
                        f"In this `tf.Variable` creation, the initial value's shape "
                        f"({value.shape}) is not compatible with the explicitly supplied "
                        f"`shape` argument ({TensorShape._of(shape)}).")
            else:
                shape = value._dims
            base = value._dt[:-4] if value._dt.endswith("_ref") else value._dt
            located = [StrAttr("loc:@" + handle_name)]
            attrs = {"shared_name": StrAttr(handle_name), "shape": ShapeAttr(shape),
                     "dtype": base, "debug_name": StrAttr(scope),
                     "container": StrAttr(""), "allowed_devices": []}
            try:        # VarHandleOp's shape function: `ExplicitShape`, as VariableV2's
                explicit_shape(shape, "VarHandleOp", handle_name, attrs)
            except TFValueError:
                _colocate(g._ops[made:], located)
                raise
            attrs["_class"] = located
            handle = g.create_op("VarHandleOp", scope, outputs=(((), "resource"),),
                                 attrs=attrs).outputs[0]
            _colocate(g._ops[made:-1], located)
            with g.name_scope("IsInitialized"):
                g.create_op("VarIsInitializedOp", "VarIsInitializedOp",
                            outputs=(((), "bool"),), inputs=(handle,))
            with g.name_scope("Assign") as assign_scope:
                guarded = guard_against_uninitialized_dependencies(g, scope, value)
                initializer_op = g.create_op(
                    "AssignVariableOp", assign_scope, inputs=(handle, guarded),
                    attrs={"validate_shape": False, "dtype": base})
            with g.name_scope("Read"):
                graph_element = read_variable_op(g, handle, shape, base)
                cached = None
                if caching_device is not None:
                    saved_device = g._device_stack
                    g._device_stack = [caching_device]
                    try:
                        cached = g.create_op("Identity", "Identity", outputs=((shape, base),),
                                             inputs=(graph_element,),
                                             attrs={"T": base}).outputs[0]
                    finally:
                        g._device_stack = saved_device
    finally:
        g._control_stack = saved_control
    var._handle = handle
    var._dims = shape
    var._dt = base
    var._trainable = trainable
    var.store_key = store_key
    var.origin = origin
    var._initializer_op = initializer_op
    var._initial_value = value
    var._constraint = constraint
    var._caching_device = caching_device
    var._cached_value = cached
    var._graph_element = graph_element
    var._handle_name = handle_name + ":0"
    var._validate_shape = validate_shape
    g.claim_ops_since(start, handle_name)
    g.add_to_collections(collections, var)
    return var
