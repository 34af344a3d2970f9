"""Variables: `RefVariable`, the state ops, and the `get_variable` store.

Mirrors `ops/ref_variable.py` (`RefVariable._init_from_args`: the ops a
variable creates and how its op is named; `read_value`, `assign*`),
`ops/state_ops.py` (`assign`, `assign_add`, `assign_sub` and their shape
check) and `ops/variable_scope.py` (`_VariableStore.get_variable` with the
custom getter, `_get_single_variable`: create, reuse, AUTO_REUSE, the
regularizer and the errors, word for word; `_LazyEvalTensor`).
"""

from __future__ import annotations

import functools
import types
from contextlib import contextmanager

from ..errors import NotSimulated, TFTypeError, TFValueError
from . import dtypes, partitioned
from . import observe as _observe
from .graph import Graph, Tensor, get_default_graph
from .resource import (BaseResourceVariable, ResourceVariable, resource_variable,
                       resource_variables_enabled)
from .names import check_scope_name
from .nodedef import StrAttr
from .ops import generated
from .shape_inference import merge_shapes, node_text
from .shapes import as_list_text
from .tensor_shape import TensorShape, as_shape

GLOBAL_VARIABLES = "variables"
TRAINABLE_VARIABLES = "trainable_variables"
LOCAL_VARIABLES = "local_variables"
REGULARIZATION_LOSSES = "regularization_losses"


class RefVariable:
    """`tf.compat.v1.Variable` as TF 2.21 builds it in graph mode
    (`ops/ref_variable.py` `RefVariable`).

    Engine fields: `_dims` / `_dt` (shape tuple, base dtype name), `_op`
    (the VariableV2 op), `_snapshot` (the `read` tensor), `store_key` (the
    get_variable store key, `s/v`, or None for `tf.Variable`), `origin`
    (what the origin hook returned: "Originally defined at").  Python's
    operators are attached by `scopesim.tf.ops.variables`, as TensorFlow's
    `Variable._OverloadAllOperators` does."""

    __slots__ = ("_op", "_dims", "_dt", "_trainable", "store_key", "_snapshot", "origin",
                 "_initializer_op", "_initial_value", "_constraint", "_caching_device",
                 "_save_slice_info", "__weakref__")

    def __init__(self, op, dims, dtype: str, trainable: bool, store_key, snapshot,
                 initializer_op, initial_value, origin=None, constraint=None,
                 caching_device=None) -> None:
        self._op = op
        self._dims = dims
        self._dt = dtype
        self._trainable = trainable
        self.store_key = store_key
        self._snapshot = snapshot
        self._initializer_op = initializer_op
        self._initial_value = initial_value
        self.origin = origin
        self._constraint = constraint
        self._caching_device = caching_device

    # ------------------------------------------------ TensorFlow's attributes

    @property
    def name(self) -> str:
        return self._op._name + ":0"

    def _summary(self) -> tuple:
        """(`name`, `shape`'s dims as a tuple or None for an unknown rank,
        `dtype.base_dtype.name`, `bool(trainable)`), read at once: a run's
        result reads them of every variable."""
        dims = self._dims
        return (self._op._name + ":0", dims if dims is None or dims.__class__ is tuple else
                tuple(dims), self._dt, bool(self._trainable))

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
        """`RefVariable.get_shape()`: `self.shape`."""
        return TensorShape._of(self._dims)

    @property
    def dtype(self):
        return dtypes.of(self._dt + "_ref")

    @property
    def trainable(self) -> bool:
        return self._trainable

    @property
    def constraint(self):
        return self._constraint

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

    def read_value(self):
        """`RefVariable.read_value()`: a new `identity(self._variable, name="read")`
        in the current name scope."""
        g = self._op._graph
        with g.name_scope("read") as scope:
            return g.create_op("Identity", scope, outputs=((self._dims, self._dt),),
                               inputs=(self._variable,), attrs={"T": self._dt}).outputs[0]

    def assign(self, value, use_locking=False, name=None, read_value=True):
        """`RefVariable.assign`: `state_ops.assign(self._variable, value, use_locking, name)`;
        with `read_value=False` the op."""
        out = assign(self._op._graph, self, value, None, use_locking, name)
        return out if read_value else out.op

    def assign_add(self, delta, use_locking=False, name=None, read_value=True):
        """`RefVariable.assign_add`: `state_ops.assign_add(...)`."""
        out = assign_add(self._op._graph, self, delta, use_locking, name)
        return out if read_value else out.op

    def assign_sub(self, delta, use_locking=False, name=None, read_value=True):
        """`RefVariable.assign_sub`: `state_ops.assign_sub(...)`."""
        out = assign_sub(self._op._graph, self, delta, use_locking, name)
        return out if read_value else out.op

    def initialized_value(self):
        """`VariableV1.initialized_value()`: `cond(is_variable_initialized(self),
        self.read_value, lambda: self.initial_value)` under `init_scope`."""
        return initialized_value(self._op._graph, self)

    def _as_graph_element(self):
        return self._op._outputs[0]

    def _set_save_slice_info(self, save_slice_info) -> None:
        """A part of a partitioned variable (`engine.partitioned.SaveSliceInfo`)."""
        self._save_slice_info = save_slice_info

    def _get_save_slice_info(self):
        return getattr(self, "_save_slice_info", None)

    def __getattr__(self, attr):
        """An attribute TensorFlow's RefVariable has but scopesim does not
        simulate is NotSimulated; any other is Python's AttributeError."""
        if attr in _UNSIMULATED_ATTRS:
            raise NotSimulated(f"tf.Variable.{attr}")
        raise AttributeError(f"'RefVariable' object has no attribute '{attr}'")

    def __dir__(self):
        """TensorFlow's attributes (scopesim's bookkeeping left out)."""
        names = set(object.__dir__(self)) - _BOOKKEEPING
        return sorted(names | _UNSIMULATED_ATTRS)

    def __iter__(self):
        """`Variable.__iter__`: `iter(self.read_value())` (a `read` op, then
        the tensor refuses to be iterated in graph mode)."""
        return iter(self.read_value())

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

#: scopesim's own attributes of a variable (not TensorFlow's).
_BOOKKEEPING = frozenset(("store_key", "origin", "op_name", "kind"))

#: RefVariable's public attributes in TF 2.21 that scopesim does not simulate.
_UNSIMULATED_ATTRS = frozenset((
    "SaveSliceInfo", "aggregation", "batch_scatter_update", "count_up_to", "eval",
    "experimental_ref", "from_proto", "gather_nd", "load", "ref",
    "scatter_add", "scatter_div", "scatter_max", "scatter_min", "scatter_mul", "scatter_nd_add",
    "scatter_nd_max", "scatter_nd_min", "scatter_nd_sub", "scatter_nd_update", "scatter_sub",
    "scatter_update", "set_shape", "sparse_read", "synchronization", "to_proto"))

#: The old name, kept for the version-1 interpreter.
Variable = RefVariable


# ----------------------------------------------------------- ref_variable.py

#: `engine.convert`, `engine.opdef`, `engine.gen_ops` and the API's
#: `init_ops`, which import this module: bound at the first variable (an
#: import inside a function costs an import-system lookup at every call).
_convert = _opdef = _gen_ops = _init_ops = _initializers = None


def _bind_late_modules() -> None:
    global _convert, _opdef, _gen_ops, _init_ops, _initializers
    from ..tf.ops import init_ops
    from . import convert, gen_ops, initializers, opdef
    _convert, _opdef, _gen_ops, _init_ops = convert, opdef, gen_ops, init_ops
    _initializers = initializers
    for cls in (init_ops.VarianceScaling, init_ops.GlorotUniform, init_ops.GlorotNormal):
        _KNOWN_INITIALIZERS[cls] = (cls.__call__, _variance_scaling_value, _plain_scaling)
    _KNOWN_INITIALIZERS[init_ops.Zeros] = (init_ops.Zeros.__call__, _zeros_value, None)


#: Initializer classes (exactly these) whose call get_variable makes
#: itself: class -> (the class's `__call__`, checked at each use; the
#: function that does what it does with `partition_info=None`; None or a
#: check that the instance's fields are plain values).  Their ops read
#: nothing but constants they make, and no program code runs meanwhile.
_KNOWN_INITIALIZERS: dict = {}


def _plain_scaling(init) -> bool:
    """Whether a VarianceScaling's fields are the plain values its
    constructor leaves (a number, two strings, a seed int or None): then
    its arithmetic calls nothing of the program's."""
    seed = init.seed
    return (init.scale.__class__ in (float, int) and init.mode.__class__ is str
            and init.distribution.__class__ is str and (seed is None or seed.__class__ is int))


def _variance_scaling_value(init, dims: tuple, dtype: str, colocate=None):
    """`VarianceScaling.__call__(list(dims), dtype)`: `_dims` of the list
    is `dims`, `_call_dtype` of a DType its base name.  With `colocate`
    (see `_variable_ops`): (the value, whether its ops have it)."""
    _ = init.dtype                        # read (unused) as `_call_dtype`'s default
    if colocate is not None and dtype not in _COLOCATABLE_DTYPES:
        colocate = False
    value = _initializers.variance_scaling(get_default_graph(), dims, dtype, init.scale,
                                           init.mode, init.distribution, init.seed, None,
                                           colocate or None)
    return value if colocate is None else (value, colocate is not False)


def _zeros_value(init, dims: tuple, dtype: str, colocate=None):
    """`Zeros.__call__(list(dims), dtype)`: `array_ops.zeros` of the list.
    With `colocate` (see `_variable_ops`): (the value, whether its op has it)."""
    _ = init.dtype                        # read (unused) as `_call_dtype`'s default
    g = get_default_graph()
    if colocate is not None:
        made = _initializers.small_zeros(g, dims, dtype, colocate)
        if made is not None:
            return made
        return _initializers.fill(g, "zeros", list(dims), dtype), False
    return _initializers.fill(g, "zeros", list(dims), dtype)


#: The dtypes whose random initializers' ops all come from the engine's
#: own code (`initializers.variance_scaling` with `colocate`).
_COLOCATABLE_DTYPES = frozenset(("float16", "bfloat16", "float32", "float64"))


def ref_variable(g: Graph, initial_value=None, trainable=None, collections=None,
                 validate_shape=True, caching_device=None, name=None, dtype=None,
                 constraint=None, shape=None, origin=None, store_key=None,
                 pure=False) -> RefVariable:
    """`RefVariable._init_from_args`.

    Checks, then inside `name_scope(name, "Variable")`: a callable initial
    value runs under `Initializer` and is converted there (`initial_value`);
    any other value is converted in the variable's scope (a tensor as it
    is).  Then `VariableV2` with the scope's exact name, `Assign` (whose
    shape check can fail after the variable op exists) and `read`; the
    variable joins `collections` (default: global; trainable added).
    `dtype` is a dtype name or None, `shape` a dims tuple or None; `pure`:
    see `_init_from_args`."""
    if initial_value is None:
        raise TFValueError("initial_value must be specified.")
    init_from_fn = callable(initial_value)
    collections, trainable = variable_collections(collections, trainable)
    if constraint is not None and not callable(constraint):
        raise TFValueError("The `constraint` argument must be a callable.")
    if _opdef is None:
        _bind_late_modules()
    start = len(g._ops)
    saved_control = g._control_stack
    g._control_stack = []                 # `ops.init_scope()`: no control dependencies
    try:
        var = _init_from_args(g, initial_value, init_from_fn, validate_shape, caching_device,
                              name, dtype, constraint, shape, origin, store_key, trainable,
                              pure)
    finally:
        g._control_stack = saved_control
    g.claim_ops_since(start, var._op._name)
    g.add_to_collections(collections, var)
    return var


def _init_from_args(g, initial_value, init_from_fn, validate_shape, caching_device, name, dtype,
                    constraint, shape, origin, store_key, trainable, pure=False) -> RefVariable:
    """`RefVariable._init_from_args`: its ops inside `name_scope(name, "Variable")`.

    `pure`: the initial value is made by one of the initializers whose ops
    read only constants of their own (`_KNOWN_INITIALIZERS`): no program
    code runs while the variable is made, so its name scopes are entered
    and left directly, and the guard against uninitialized dependencies
    has nothing to find."""
    if pure and name.__class__ is str and name:
        old = g.name_stack
        try:
            _, scope = g.enter_name_scope(name)
            # at the root, `name` passed the root pattern, which the nested one
            # takes, and so does `<name>_<n>/` (not after a final newline, which
            # `$` lets through once)
            checked = not old and name[-1] != "\n"
            return _variable_ops(g, scope, initial_value, init_from_fn, validate_shape,
                                 caching_device, dtype, constraint, shape, origin, store_key,
                                 trainable, True, checked)
        finally:
            g.name_stack = old
    with _opdef.name_scope(g, name, "Variable") as scope:
        return _variable_ops(g, scope, initial_value, init_from_fn, validate_shape,
                             caching_device, dtype, constraint, shape, origin, store_key,
                             trainable, False)


def _variable_ops(g, scope, initial_value, init_from_fn, validate_shape, caching_device, dtype,
                  constraint, shape, origin, store_key, trainable, pure,
                  checked=False) -> RefVariable:
    """The ops of `_init_from_args` in the variable's scope `scope`: the
    initial value (under `Initializer` if a callable), `VariableV2`,
    `Assign`, `read`.  The scopes the engine enters itself (`Assign`,
    `read`, and `Initializer` when `pure`) are entered and left directly.
    `checked`: `scope` provably matches the nested scope pattern.

    The initializer's ops and the variable op get the variable's `_class`
    (unless they have one), as under TensorFlow's attr scope: set as they
    are made (`colocate`) for a known initializer in the plain case (a
    small shape, a fresh valid name at the root; no device function, cond
    context or observer), else once the variable op exists, or when
    making the variable fails (the ops made so far keep it)."""
    start = len(g._ops)
    located = None
    colocated = False
    small = shape is not None and shape.__class__ is tuple and _small_shape(shape)
    if not init_from_fn:
        value = _convert.convert_to_tensor(g, initial_value, dtype, "initial_value")
    elif pure:
        old = g.name_stack
        saved_device = g._device_stack
        if checked and small and validate_shape is True and not saved_device and \
                g._cond_context is None and _observe.current is None and \
                not g.has_op(scope[:-1]):
            located = [StrAttr("loc:@" + scope[:-1])]
        try:
            g.enter_name_scope("Initializer")
            g._device_stack = []          # ops.device(None)
            if located is None:
                value = initial_value()
            else:
                value, colocated = initial_value(located)
            if not (isinstance(value, Tensor) and (dtype is None or dtype == value._dt)):
                value = _convert.convert_to_tensor(g, value, dtype, "initial_value")
        except BaseException:
            _colocate_since(g, start, located or _located(scope))
            raise
        finally:
            g._device_stack = saved_device
            g.name_stack = old
    else:
        try:
            with g.name_scope("Initializer"):
                saved_device = g._device_stack
                g._device_stack = []      # ops.device(None)
                try:
                    value = initial_value()
                    if not (isinstance(value, Tensor) and
                            (dtype is None or dtype == value._dt)):
                        value = _convert.convert_to_tensor(g, value, dtype, "initial_value")
                finally:
                    g._device_stack = saved_device
        except BaseException:
            _colocate_since(g, start, _located(scope))
            raise
    try:
        if shape is None:
            shape = value._dims if validate_shape else None
        elif not small:                   # `variable_op_v2`'s attr: `_MakeShape`
            shape = _gen_ops.make_shape(shape, "shape")
        # (a tuple of plain small ints is its own `_MakeShape`)
        value_dt = value._dt
        base = value_dt[:-4] if value_dt.endswith("_ref") else value_dt
        # `state_ops.variable_op_v2(shape, dtype, name=scope)`: `_apply_op_helper`
        # names an op whose name is empty after its type (`name if name else
        # op_type_name`), then the node is checked before it joins the graph
        attrs = {"shape": _shape_attr(shape), "dtype": base, "container": _EMPTY_STR,
                 "shared_name": _EMPTY_STR}
        op_name = scope[:-1] if scope else g.unique_name("VariableV2")
        if scope and not checked:   # its `ops.name_scope(scope)` is checked inside this one's
            check_scope_name(scope, at_root=False)
        if not small and not _small_shape(shape):
            _opdef.make_shape_proto(shape, "shape")   # `_MakeShape` of the shape attr
            explicit_shape(shape, "VariableV2", op_name, attrs)
        ref_dt = _REF_DTYPES.get(base)
        if ref_dt is None:
            ref_dt = _REF_DTYPES[base] = base + "_ref"
        if colocated:
            attrs["_class"] = located
        var_tensor = g.create_tensor("VariableV2", op_name + "/", shape, ref_dt, (), attrs)
    except BaseException:
        if init_from_fn:
            _colocate_since(g, start, located or _located(scope))
        raise
    op = var_tensor._op
    if init_from_fn:                      # `_attr_scope({"_class": ["loc:@<name>"]})`
        if located is None:
            located = _located(scope)
        if not colocated:
            _colocate_since(g, start, located)
        colocation = located              # the variable op's own `_class`
    else:
        colocation = None
    value_dims = value._dims
    if validate_shape and (value_dims is None or None in value_dims):
        raise TFValueError(f"initial_value must have a shape specified: {value}")
    guarded = value if pure else guard_against_uninitialized_dependencies(g, scope, value)
    if validate_shape is True and guarded._dt == base and guarded._dims == shape:
        assign_op = _plain_assign(g, var_tensor, guarded, base, colocation)
    else:
        assign_op = _assign_op(g, "Assign", None, var_tensor, guarded, use_locking=None,
                               validate_shape=validate_shape).op
    if caching_device is not None:
        g._device_stack.append(caching_device)
    old = g.name_stack
    try:
        _, read = g.enter_name_scope("read")         # colocated with the variable
        snapshot = g.create_tensor(
            "Identity", read, shape, base, (var_tensor,),
            {"T": base, "_class": _colocation(op, True) if colocation is None else colocation})
    finally:
        g.name_stack = old
        if caching_device is not None:
            g._device_stack.pop()
    return RefVariable(op, shape, base, trainable, store_key, snapshot, assign_op, value,
                       origin, constraint, caching_device)


def _located(scope: str) -> list:
    """The `_class` value of a variable's colocation group, `loc:@<name>`."""
    return [StrAttr("loc:@" + scope[:-1])]


def _colocate_since(g, start: int, located: list) -> None:
    """`Graph._attr_scope({"_class": located})` around a variable's
    initializer and its op, applied to the ops made since `start`: an op
    that has a `_class` of its own (colocated with another op) keeps it;
    TensorFlow sets it as each op is made, so the ops keep it when making
    the variable fails after them."""
    for made in g._ops[start:]:
        attrs = made._attr_dict()
        if attrs is not None and "_class" not in attrs:
            made._set_attr("_class", located)


#: `<dtype>_ref` of each base dtype name, one string each.
_REF_DTYPES: dict = {}

#: The `shape` attr values made, by dims (never changed once made: one
#: object serves every VariableV2 of those dims).
_SHAPE_ATTRS: dict = {}


def _shape_attr(dims):
    """`ShapeAttr(dims)`, one per dims tuple (up to a few thousand kept)."""
    made = _SHAPE_ATTRS.get(dims)
    if made is None:
        made = _opdef.ShapeAttr(dims)
        if len(_SHAPE_ATTRS) < 4096:
            _SHAPE_ATTRS[dims] = made
    return made


#: A trainable variable's collections when none are given.
_DEFAULT_COLLECTIONS = (GLOBAL_VARIABLES, TRAINABLE_VARIABLES)


def variable_collections(collections, trainable) -> tuple:
    """`_init_from_args`' collections, RefVariable's and ResourceVariable's
    alike: (collections, trainable).  None is `[GLOBAL_VARIABLES]`, anything
    but a list, tuple or set is refused, and a trainable variable (None is
    True) joins `TRAINABLE_VARIABLES` too.  Nothing here can fail after the
    type check, so the callers' constraint check may follow it."""
    if collections is None:
        if trainable is None or trainable is True:
            return _DEFAULT_COLLECTIONS, True     # global, and trainable added
        collections = [GLOBAL_VARIABLES]
    elif not isinstance(collections, (list, tuple, set)):
        raise TFValueError(f"collections argument to Variable constructor must be a list, "
                           f"tuple, or set. Got {collections} of type {type(collections)}")
    trainable = True if trainable is None else trainable
    if trainable and TRAINABLE_VARIABLES not in collections:
        collections = list(collections) + [TRAINABLE_VARIABLES]
    return collections, trainable

#: The empty string attrs of VariableV2 (`container`, `shared_name`).
_EMPTY_STR = StrAttr("")


def _small_shape(dims) -> bool:
    """Whether `dims` is a known shape of ints whose element count is far
    below 2**63 (the common case): then `_MakeShape` and `ExplicitShape`
    have nothing to refuse."""
    if dims is None:
        return False
    count = 1
    for d in dims:
        if type(d) is not int or d < 0 or d > _MAX_ELEMENTS:
            return False
        count *= d
    return count < _MAX_ELEMENTS


def _plain_assign(g: Graph, ref: Tensor, value: Tensor, base: str, colocation=None):
    """The `Assign` op of `_init_from_args` when `_assign_op` provably
    checks nothing: `validate_shape=True`, the value of the variable's
    dtype and shape (the merge is the shape itself).  Same name scope,
    attrs (in order), colocation (`colocation`: the variable op's own
    `_class`, when known) and device as `_assign_op`."""
    ref_op = ref._op
    old = g.name_stack
    saved = g._device_stack
    try:
        _, scope = g.enter_name_scope("Assign")
        attrs = {"T": base, "use_locking": True, "validate_shape": True,
                 "_class": _colocation(ref_op, True) if colocation is None else colocation}
        g._device_stack = [ref_op._device] if ref_op._device else []
        return g.create_tensor("Assign", scope, ref._dims, ref._dt, (ref, value), attrs)._op
    finally:
        g._device_stack = saved
        g.name_stack = old


#: `TensorShape::IsValid`'s bound on a shape's number of elements.
_MAX_ELEMENTS = 2**63 - 1


def explicit_shape(shape, op_type: str, op_name: str, attrs: dict) -> None:
    """`shape_inference::ExplicitShape` (the shape function of VariableV2):
    `InferenceContext::MakeShapeFromPartialTensorShape` refuses a known
    shape of more than 2**63 - 1 elements; the node does not join the graph
    (its name stays taken)."""
    if shape is None or any(d is None for d in shape):
        return
    count = 1
    for d in shape:
        count *= d
    if count > _MAX_ELEMENTS:
        raise TFValueError(f"Shape {as_list_text(shape)} is too large (more than 2**63 - 1 "
                           f"entries) for {node_text(op_type, op_name, attrs, [])}")


def _fully_defined(dims) -> bool:
    return dims is not None and all(d is not None for d in dims)


# -------------------------------------------- initialized values (variables.py)


def initialized_value(g: Graph, var: RefVariable) -> Tensor:
    """`initialized_value()` of a RefVariable: under `init_scope` (no control
    dependencies, the current name scope), `IsVariableInitialized`, then
    control_flow_ops.cond's ops in `cond/`: `Switch` of the predicate,
    `switch_t`, `switch_f`, `pred_id`; the true branch `read` (its ref input
    switched by `read/Switch`, a RefSwitch), the false branch's outside
    initial value switched by `Switch_1`, and `Merge`; the two branches'
    CondContexts go to the `cond_context` collection.  The ops with a ref
    input (IsVariableInitialized, read/Switch) are colocated with the
    variable and Switch_1 with the initial value: they take those devices.
    Returns Merge:0."""
    from . import cond_v1 as _cond_v1          # cond_v1 imports this module's importers
    saved, saved_context = g._control_stack, g._cond_context
    g._control_stack, g._cond_context = [], None     # init_scope: control_dependencies(None)
    try:
        ref = var._variable
        base = var._dt
        with colocated_with(g, ref._op):          # a ref input: colocated with it
            pred = g.create_op("IsVariableInitialized", "IsVariableInitialized",
                               outputs=(((), "bool"),), inputs=(ref,),
                               attrs={"dtype": base, "_class": _colocation(ref._op)}).outputs[0]
        with g.name_scope("cond"):
            p_f, p_t = g.create_op("Switch", "Switch", outputs=(((), "bool"), ((), "bool")),
                                   inputs=(pred, pred), attrs={"T": "bool"}).outputs
            pivot_t = g.create_op("Identity", "switch_t", outputs=(((), "bool"),),
                                  inputs=(p_t,), attrs={"T": "bool"}).outputs[0]
            pivot_f = g.create_op("Identity", "switch_f", outputs=(((), "bool"),),
                                  inputs=(p_f,), attrs={"T": "bool"}).outputs[0]
            pred_id = g.create_op("Identity", "pred_id", outputs=(((), "bool"),),
                                  inputs=(pred,), attrs={"T": "bool"}).outputs[0]
            # the branches' CondContexts (cond_text, cond_text_1): names the
            # graph uses, and the cond_context collection
            context_t = _cond_v1.CondContext(g, pred_id, pivot_t, 1)
            with g.name_scope("read") as read:
                read_op = g.create_op("Identity", read, outputs=((var._dims, base),),
                                      inputs=(ref,), attrs={"T": base})
                with colocated_with(g, ref._op):      # `_SwitchRefOrTensor` colocates
                    switched = g.create_op("RefSwitch", "Switch",
                                           outputs=((var._dims, ref._dt), (var._dims, ref._dt)),
                                           inputs=(ref, pred_id),
                                           attrs={"T": base, "_class": _colocation(ref._op)})
                read_op._inputs = (switched.outputs[1],)
            context_f = _cond_v1.CondContext(g, pred_id, pivot_f, 0)
            initial = var._initial_value
            initial_base = initial._dt.replace("_ref", "")
            switch_type = "RefSwitch" if initial._dt.endswith("_ref") else "Switch"
            with colocated_with(g, initial._op):
                false_value = g.create_op(switch_type, "Switch",
                                          outputs=((initial._dims, initial._dt),) * 2,
                                          inputs=(initial, pred_id),
                                          attrs={"T": initial_base,
                                                 "_class": _colocation(initial._op)}).outputs[0]
            true_value = read_op.outputs[0]
            dims = true_value._dims if true_value._dims == false_value._dims else None
            merge = g.create_op("Merge", "Merge", outputs=((dims, base), ((), "int32")),
                                inputs=(false_value, true_value), attrs={"N": 2, "T": base})
            g.add_to_collection(_cond_v1.COND_CONTEXT, context_t)    # top level: init_scope
            g.add_to_collection(_cond_v1.COND_CONTEXT, context_f)
        return merge.outputs[0]
    finally:
        g._control_stack, g._cond_context = saved, saved_context


@contextmanager
def colocated_with(g: Graph, op):
    """`Graph.colocate_with(op)` for the device: the ops made inside take `op`'s
    device, whatever device scopes enclose them (the stack is set aside)."""
    saved = g._device_stack
    g._device_stack = [op._device] if op._device else []
    try:
        yield
    finally:
        g._device_stack = saved


def _colocation(op, shared: bool = False) -> list:
    """The `_class` attr of an op made `colocate_with(op)`: op's own
    colocation group, else `loc:@<op name>`.  `shared`: op's own list
    itself (a variable's ops share it: no attr list is ever changed in
    place, `Operation.get_attr` gives a copy)."""
    attrs = op._attr_dict()
    if attrs and "_class" in attrs:
        return attrs["_class"] if shared else list(attrs["_class"])
    return [StrAttr("loc:@" + op._name)]


_GUARD_KEEP = frozenset(("IsVariableInitialized", "VarIsInitializedOp", "ReadVariableOp", "If"))
_GUARD_VARIABLES = frozenset(("Variable", "VariableV2", "VarHandleOp"))

#: `Op<...>` of the ops whose first input must stay a ref, as the error quotes it.
_REF_OP_DEFS = {
    "Assign": ("Op<name=Assign; signature=ref:Ref(T), value:T -> output_ref:Ref(T); "
               "attr=T:type; attr=validate_shape:bool,default=true; "
               "attr=use_locking:bool,default=true; allows_uninitialized_input=true>"),
}
for _op in ("AssignAdd", "AssignSub"):
    _REF_OP_DEFS[_op] = (
        f"Op<name={_op}; signature=ref:Ref(T), value:T -> output_ref:Ref(T); "
        "attr=T:type,allowed=[DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT8, DT_INT16, DT_INT8, "
        "DT_COMPLEX64, DT_INT64, DT_QINT8, DT_QUINT8, DT_QINT32, DT_BFLOAT16, DT_QINT16, "
        "DT_QUINT16, DT_UINT16, DT_COMPLEX128, DT_HALF, DT_UINT32, DT_UINT64]; "
        "attr=use_locking:bool,default=false>")

#: `DataTypeString` of a dtype name where it differs from the name.
_DATA_TYPE_STRING = {"float32": "float", "float64": "double", "float16": "half"}


def _has_cycle(op) -> bool:
    """`variables._has_cycle` over inputs and control inputs (iterative)."""
    state: dict[int, int] = {}          # id(op) -> 1 started, 2 finished
    stack = [(op, False)]
    while stack:
        current, leaving = stack.pop()
        key = id(current)
        if leaving:
            state[key] = 2
            continue
        seen = state.get(key)
        if seen == 1:
            return True
        if seen == 2:
            continue
        state[key] = 1
        stack.append((current, True))
        for nxt in [t._op for t in current._inputs] + list(current._control_inputs):
            if state.get(id(nxt)) == 1:
                return True
            if state.get(id(nxt)) is None:
                stack.append((nxt, False))
    return False


def _reads_a_variable(op) -> bool:
    """Whether a variable op is among the inputs of `op`, transitively."""
    if not op._inputs:
        return op._type in _GUARD_VARIABLES
    seen = {id(op)}
    stack = [op]
    while stack:
        current = stack.pop()
        if current._type in _GUARD_VARIABLES:
            return True
        for t in current._inputs:
            nxt = t._op
            if id(nxt) not in seen:
                seen.add(id(nxt))
                stack.append(nxt)
    return False


def guard_against_uninitialized_dependencies(g: Graph, name: str, value: Tensor) -> Tensor:
    """`variables._try_guard_against_uninitialized_dependencies(name, value)`:
    unless the value's graph has a cycle, every op on a path from a variable
    in GLOBAL/LOCAL_VARIABLES to the value is copied with the variable read
    replaced by its `initialized_value()`; a copy is named `<op>_<name>`
    (name is the new variable's scope, so `v/read_w`, `add_s/w`), a
    RefSwitch becomes a Switch.  Without such a dependency nothing is made
    (checked first: most initial values read no variable)."""
    if not _reads_a_variable(value._op) or _has_cycle(value._op):
        return value
    cache: dict[str, object] = {}
    stack = [(value._op, False)]
    while stack:
        op, ready = stack.pop()
        if op._name in cache:
            continue
        if op._type in _GUARD_KEEP:
            cache[op._name] = op
            continue
        if op._type in _GUARD_VARIABLES:
            found = _initialized_value_for(g, op)
            cache[op._name] = op if found is None else found._op
            continue
        if not ready:
            stack.append((op, True))
            for t in reversed(op._inputs):
                if t._op._name not in cache:
                    stack.append((t._op, False))
            continue
        new_inputs = [cache[t._op._name]._outputs[t._value_index] for t in op._inputs]
        if all(a is b for a, b in zip(new_inputs, op._inputs)):
            cache[op._name] = op
            continue
        op_type = "Switch" if op._type == "RefSwitch" else op._type
        new_name = (op._name + "_" + name).replace(":", "_")
        if op_type in _REF_OP_DEFS and not new_inputs[0]._dt.endswith("_ref"):
            passed = _DATA_TYPE_STRING.get(new_inputs[0]._dt, new_inputs[0]._dt)
            raise TFValueError(f"Input 'ref' passed {passed} expected ref type while building "
                               f"NodeDef '{new_name.rstrip('/')}' using {_REF_OP_DEFS[op_type]}")
        # the op def gives the outputs' types: a RefSwitch made a Switch of a
        # value switches that value's (non-ref) type
        outputs = tuple((t._dims, new_inputs[0]._dt if op._type == "RefSwitch" else t._dt)
                        for t in op._outputs)
        cache[op._name] = g.create_op(op_type, new_name, outputs=outputs,
                                      inputs=tuple(new_inputs), attrs=op._attr_dict())
    return cache[value._op._name]._outputs[value._value_index]


def _initialized_value_for(g: Graph, variable_op):
    """`variables._find_initialized_value_for_variable`: the initialized
    value of the variable of that op in GLOBAL_VARIABLES or LOCAL_VARIABLES."""
    names = (variable_op._name, variable_op._name + ":0")
    for key in (GLOBAL_VARIABLES, LOCAL_VARIABLES):
        for var in g.get_collection(key):
            if getattr(var, "name", None) in names and hasattr(var, "initialized_value"):
                return var.initialized_value()
    return None


# -------------------------------------------------------------- state_ops.py


def _assign_op(g: Graph, op_type: str, name, ref: Tensor, value, use_locking=None,
               validate_shape=None) -> Tensor:
    """`gen_state_ops.assign` / `assign_add` / `assign_sub` through
    `_apply_op_helper`: in `name_scope(name or op_type)` the value is
    converted to the ref's dtype (a constant named `value`), then the shape
    check (`Merge` unless `validate_shape=False`) names the node."""
    if _opdef is None:
        _bind_late_modules()
    base = ref._dt[:-4] if ref._dt.endswith("_ref") else ref._dt
    with _opdef.name_scope(g, name if name else None, op_type) as scope:
        if isinstance(value, Tensor) and value._dt.replace("_ref", "") != base:
            raise TFTypeError(f"Input 'value' of '{op_type}' Op has type {value._dt} that does "
                              f"not match type {base} of argument 'ref'.")
        if not isinstance(value, Tensor):
            value = _convert.convert_to_tensor(g, value, base, "value")
        locking = True if use_locking is None else bool(use_locking)
        attrs = {"T": base, "use_locking": locking}
        if op_type == "Assign":
            validate = True if validate_shape is None else bool(validate_shape)
            attrs["validate_shape"] = validate
        else:
            validate = True
        op_name = scope[:-1]

        def error(message: str) -> TFValueError:
            return TFValueError(f"{message} for {node_text(op_type, op_name, attrs, [ref, value])}")
        if validate:
            dims = merge_shapes(ref._dims, value._dims, error)
        else:
            dims = value._dims
        node_attrs = dict(attrs, _class=_colocation(ref._op))   # colocated with the ref
        # `_apply_op_helper` colocates with the ref input
        with colocated_with(g, ref._op):
            return g.create_op(op_type, scope, outputs=((dims, ref._dt),), inputs=(ref, value),
                               attrs=node_attrs).outputs[0]


def _ref_of(ref, method: str):
    """The ref tensor of `state_ops.assign*(ref, ...)`: a tensor that is not
    a ref has no such method (`ref.assign(...)` is what TF then calls)."""
    if isinstance(ref, RefVariable):
        return ref._variable
    if isinstance(ref, Tensor) and ref._dt.endswith("_ref"):
        return ref
    raise AttributeError(f"'{type(ref).__name__}' object has no attribute '{method}'")


def assign(g: Graph, ref, value, validate_shape=None, use_locking=None, name=None) -> Tensor:
    """`state_ops.assign(ref, value, validate_shape, use_locking, name)`; a
    resource variable's own `assign(value, name=name)`."""
    if isinstance(ref, BaseResourceVariable):
        return ref.assign(value, name=name)
    return _assign_op(g, "Assign", name, _ref_of(ref, "assign"), value, use_locking,
                      validate_shape)


def assign_add(g: Graph, ref, value, use_locking=None, name=None) -> Tensor:
    """`state_ops.assign_add(ref, value, use_locking, name)`; a resource
    variable's own `assign_add(value)` (the name is dropped, as TF drops it)."""
    if isinstance(ref, BaseResourceVariable):
        return ref.assign_add(value)
    return _assign_op(g, "AssignAdd", name, _ref_of(ref, "assign_add"), value, use_locking)


def assign_sub(g: Graph, ref, value, use_locking=None, name=None) -> Tensor:
    """`state_ops.assign_sub(ref, value, use_locking, name)`; a resource
    variable's own `assign_sub(value)` (the name is dropped)."""
    if isinstance(ref, BaseResourceVariable):
        return ref.assign_sub(value)
    return _assign_op(g, "AssignSub", name, _ref_of(ref, "assign_sub"), value, use_locking)


# --------------------------------------------------------- variable_scope.py


def already_exists_message(key: str, origin=None) -> str:
    """`_get_single_variable`'s message: TensorFlow appends the creating
    traceback after "Originally defined at:"; scopesim appends a blank line
    and the origin the hook gave (the runner's `Origin` renders the
    program's own frames), nothing without one."""
    message = (f"Variable {key} already exists, disallowed. Did you mean to set reuse=True "
               f"or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")
    if origin is None:
        return message
    trace = origin.render() if hasattr(origin, "render") else str(origin)
    return message + "\n\n" + trace


def render_origin(origin) -> str:
    """"Originally defined at:" of an origin as `_get_single_variable`
    formats the creating op's traceback: innermost frame first, at most 5,
    `  File "<file>", line <n>, in <function>` each (no source line).  An
    origin without frames (text) is shown as it is."""
    frames = getattr(origin, "frames", None)
    if frames is None:
        return origin if isinstance(origin, str) else ""
    return "".join(f'  File "{f.filename}", line {f.line}, in {f.function}\n'
                   for f in list(frames)[::-1][:5])


def render_stack(origin) -> str:
    """A stack as `traceback.format_stack` shows it (a Template's
    "originally defined at:"): outermost frame first, each with its source
    line."""
    frames = getattr(origin, "frames", None)
    if frames is None:
        return origin if isinstance(origin, str) else ""
    return "".join(f'  File "{f.filename}", line {f.line}, in {f.function}\n'
                   f'    {f.source_line.strip()}\n' for f in frames)


class _LazyEvalTensor:
    """`variable_scope._LazyEvalTensor`: the regularization loss; built once
    at creation (the master tensor, whose name, shape... it shows), and
    again by its thunk on every conversion to a tensor."""

    __slots__ = ("_thunk", "_master_tensor")

    def __init__(self, thunk) -> None:
        self._thunk = thunk
        self._master_tensor = thunk()

    def _as_tensor(self, dtype=None, name=None, as_ref=False):
        return self._thunk()

    name = property(lambda self: self._master_tensor.name)
    op = property(lambda self: self._master_tensor.op)
    shape = property(lambda self: self._master_tensor.shape)
    dtype = property(lambda self: self._master_tensor.dtype)
    graph = property(lambda self: self._master_tensor.graph)
    device = property(lambda self: self._master_tensor.device)
    value_index = property(lambda self: self._master_tensor.value_index)

    def get_shape(self):
        return self._master_tensor.get_shape()

    def __str__(self) -> str:
        return str(self._master_tensor)

    def __repr__(self) -> str:
        from .graph import ADDRESS
        return f"<tensorflow.python.ops.variable_scope._LazyEvalTensor object at {ADDRESS}>"


_LazyEvalTensor.__module__ = "tensorflow.python.ops.variable_scope"


def _lazy_op_method(name: str):
    """`_make_op_method`: the operator of a fresh tensor from the thunk."""
    def method(self, *args, **kwargs):
        return getattr(self._as_tensor(), name)(*args, **kwargs)
    method.__name__ = name
    return method


for _name in Tensor.OVERLOADABLE_OPERATORS | {"eval", "consumers"}:
    setattr(_LazyEvalTensor, _name, _lazy_op_method(_name))


def _signature(fn):
    """`inspect.signature(fn)`: `inspect` is imported at the first call (it
    costs milliseconds of start-up, and most programs never need it)."""
    import inspect
    return inspect.signature(fn)


def _needs_no_arguments(fn) -> bool:
    """`variable_scope._needs_no_arguments`: every parameter has a default."""
    try:
        params = _signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty for p in params
               if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))


#: `_takes(obj, arg)` of callable objects, by class (initializer objects)
_TAKES: dict = {}


def _takes(fn, arg: str) -> bool:
    """`arg in tf_inspect.getargspec(fn).args`; remembered per class for
    callable objects (an initializer's `__call__`)."""
    if not isinstance(fn, (types.FunctionType, types.MethodType, functools.partial)):
        key = (type(fn), arg)
        found = _TAKES.get(key)
        if found is None:
            found = _TAKES[key] = _signature_has(fn, arg)
        return found
    return _signature_has(fn, arg)


def _signature_has(fn, arg: str) -> bool:
    try:
        params = _signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return arg in params


def _has_kwargs(fn) -> bool:
    try:
        params = _signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind is p.VAR_KEYWORD for p in params)


#: Called when get_variable creates a variable; what it returns is kept as
#: the variable's `origin` (the API keeps it `scopesim.tf.runtime`'s origin
#: hook, see `runtime.bind_origin`; None: no origin).
origin_source = None


class VariableStore:
    """`_VariableStore`: get_variable's variables by full name (`vars`), in
    the graph that owns it."""

    __slots__ = ("vars", "partitioned_vars", "_graph")

    def __init__(self, graph: Graph | None = None) -> None:
        self.vars: dict[str, RefVariable] = {}
        self.partitioned_vars: dict = {}      # `_partitioned_vars`: PartitionedVariables
        self._graph = graph

    def get_variable(self, name, shape=None, dtype=None, initializer=None,
                     regularizer=None, reuse=None, trainable=None, collections=None,
                     caching_device=None, partitioner=None, validate_shape=True,
                     use_resource=None, custom_getter=None, constraint=None,
                     synchronization=None, aggregation=None):
        """`_VariableStore.get_variable`: a callable `custom_getter` is
        called with `getter=_true_getter` and every argument as a keyword
        (`constraint` only if it takes one); else `_true_getter` (the
        store's `_true_get`, without making the closure)."""
        if custom_getter is not None and not callable(custom_getter):
            raise TFValueError(f"Passed a custom_getter which is not callable: {custom_getter}")
        if dtype is None:
            dtype = dtypes.FLOAT32
        dtype = getattr(dtype, "base_dtype", dtype)
        trainable = True if trainable is None else trainable
        if custom_getter is None:
            return self._true_get(name, shape, dtype, initializer, regularizer, reuse, trainable,
                                  collections, caching_device, partitioner, validate_shape,
                                  use_resource, constraint)

        def _true_getter(name, shape=None, dtype=dtypes.FLOAT32, initializer=None,
                         regularizer=None, reuse=None, trainable=None, collections=None,
                         caching_device=None, partitioner=None, validate_shape=True,
                         use_resource=None, constraint=None, synchronization=None,
                         aggregation=None):
            return self._true_get(name, shape, dtype, initializer, regularizer, reuse,
                                  trainable, collections, caching_device, partitioner,
                                  validate_shape, use_resource, constraint)

        kwargs = {"getter": _true_getter, "name": name, "shape": shape, "dtype": dtype,
                  "initializer": initializer, "regularizer": regularizer, "reuse": reuse,
                  "trainable": trainable, "collections": collections,
                  "caching_device": caching_device, "partitioner": partitioner,
                  "validate_shape": validate_shape, "use_resource": use_resource,
                  "synchronization": SYNC_AUTO if synchronization is None else synchronization,
                  "aggregation": AGG_NONE if aggregation is None else aggregation}
        if _takes(custom_getter, "constraint") or _has_kwargs(custom_getter):
            kwargs["constraint"] = constraint
        return custom_getter(**kwargs)

    def _true_get(self, name, shape, dtype, initializer, regularizer, reuse, trainable,
                  collections, caching_device, partitioner, validate_shape, use_resource,
                  constraint):
        """`_true_getter`: the partitioned case, else one variable (unless a
        partitioned one of that name exists)."""
        if partitioner is not None or reuse is True:
            if partitioned.applies(self, name, shape, reuse, partitioner):
                return partitioned.get_partitioned_variable(
                    self, name, partitioner, shape, dtype, initializer, regularizer, reuse,
                    trainable, collections, caching_device, validate_shape, use_resource,
                    constraint)
        if self.vars and f"{name}/part_0" in self.vars:
            raise TFValueError(
                f"No partitioner was provided, but a partitioned version of the variable "
                f"was found: {name}/part_0. Perhaps a variable of the same name was already "
                f"created with partitioning?")
        return self._get_single_variable(
            name, shape, dtype, initializer, regularizer, reuse, trainable, collections,
            caching_device, validate_shape, constraint, use_resource=use_resource)

    def _get_single_variable(self, name, shape, dtype, initializer, regularizer, reuse,
                             trainable, collections, caching_device, validate_shape, constraint,
                             partition_info=None, use_resource=None):
        """`_VariableStore._get_single_variable` (`use_resource` a keyword:
        None is the toggle's default)."""
        g = self._graph
        if _init_ops is None:
            _bind_late_modules()
        initializing_from_value = initializer is not None and not callable(initializer)
        if shape is not None and initializing_from_value:
            raise TFValueError("If initializer is a constant, do not specify shape.")
        dtype = dtypes.as_dtype(dtype)
        if shape is not None:
            shape = as_shape(shape)
        found = self.vars.get(name)
        if found is not None:
            if reuse is False:
                if isinstance(found, ResourceVariable):      # no traceback for these
                    raise TFValueError(already_exists_message(name, None)[:-23], name=name)
                raise TFValueError(already_exists_message(name, found.origin), name=name,
                                   origin=found.origin, kind="already_exists")
            if shape is not None and not shape.is_compatible_with(found.get_shape()):
                raise TFValueError(
                    f"Trying to share variable {name}, but specified shape {shape} and found "
                    f"shape {found.get_shape()}.", name=name)
            if dtype.base_dtype.name != found._dt:
                raise TFValueError(
                    f"Trying to share variable {name}, but specified dtype {dtype.name} and "
                    f"found dtype {found.dtype.name}.", name=name)
            return found
        if reuse is True:
            raise TFValueError(
                f"Variable {name} does not exist, or was not created with tf.get_variable(). "
                f"Did you mean to set reuse=tf.AUTO_REUSE in VarScope?", name=name)
        if initializer is None:
            if shape is None:
                raise TFValueError(f"Variable {name} did not get an initializer, so its `shape` "
                                   f"argument must be specified.", name=name)
            initializer = default_initializer(name, dtype)
        pure = False
        if initializing_from_value:
            init_val, variable_dtype = initializer, None
        else:
            if isinstance(initializer, type):
                initializer = initializer()
            if shape is not None and shape.is_fully_defined():
                variable_dtype = dtype.base_dtype.name
                known = _KNOWN_INITIALIZERS.get(type(initializer)) \
                    if partition_info is None else None
                if known is not None and type(initializer).__call__ is known[0] and \
                        (known[2] is None or known[2](initializer)):
                    # what `initializer(shape.as_list(), dtype=dtype,
                    # partition_info=None)` does, without its argument handling
                    init_val = functools.partial(known[1], initializer, shape._dims,
                                                 variable_dtype)
                    pure = True
                else:
                    kwargs = {"dtype": dtype}
                    if _takes(initializer, "partition_info"):
                        kwargs["partition_info"] = partition_info
                    init_val = functools.partial(initializer, shape.as_list(), **kwargs)
            elif _needs_no_arguments(initializer):
                init_val, variable_dtype = initializer, None
            else:
                raise TFValueError(
                    "The initializer passed is not valid. It should be a callable with no "
                    "arguments and the shape should not be provided or an instance of "
                    "`tf.keras.initializers.*' and `shape` should be fully defined.", name=name)
        origin = None if origin_source is None else origin_source()
        if use_resource is None:
            use_resource = resource_variables_enabled()
        if use_resource:
            v = resource_variable(g, init_val, trainable, collections, validate_shape,
                                  caching_device, name, variable_dtype, constraint,
                                  None if shape is None else shape._dims, origin, name)
        else:
            v = ref_variable(g, init_val, trainable, collections, validate_shape,
                             caching_device, name, variable_dtype, constraint,
                             None if shape is None else shape._dims, origin, name, pure)
        self.vars[name] = v
        if regularizer:
            def make_regularizer_op():
                old = g.name_stack
                _, _ = g.enter_name_scope(name + "/Regularizer/")
                try:
                    return regularizer(v)
                finally:
                    g.name_stack = old
            if regularizer(v) is not None:
                g.add_to_collection(REGULARIZATION_LOSSES, _LazyEvalTensor(make_regularizer_op))
        return v


class _Enum:
    """`VariableSynchronization.AUTO` / `VariableAggregation.NONE` as a getter sees them."""

    __slots__ = ("_repr",)

    def __init__(self, text: str) -> None:
        self._repr = text

    def __repr__(self) -> str:
        return self._repr


SYNC_AUTO = _Enum("<VariableSynchronization.AUTO: 0>")
AGG_NONE = _Enum("<VariableAggregation.NONE: 0>")


def default_initializer(name: str, dtype):
    """`_get_default_initializer`: glorot_uniform for floats, zeros for
    integers, bools and strings, else an error.  One instance of each is
    made and kept: get_variable only calls it (with the shape and dtype),
    and these initializers keep no state."""
    if _init_ops is None:
        _bind_late_modules()
    if dtype.is_floating:
        cls = _init_ops.glorot_uniform_initializer
    elif dtype.is_integer or dtype.is_unsigned or dtype.is_bool or \
            dtype.base_dtype.name == "string":
        cls = _init_ops.zeros_initializer
    else:
        raise TFValueError(f"An initializer for variable {name} of {dtype.base_dtype} is required")
    made = _DEFAULT_INITIALIZERS.get(cls)
    if made is None:
        made = _DEFAULT_INITIALIZERS[cls] = cls()
    return made


#: The default initializers made so far, by class.
_DEFAULT_INITIALIZERS: dict = {}


def store_of(g: Graph) -> VariableStore:
    """`_get_default_variable_store()` of graph `g`."""
    store = g.var_store
    if store._graph is None:
        store._graph = g
    return store
