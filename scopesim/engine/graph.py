"""The graph: TensorFlow's `Graph`, `Operation` and `Tensor` objects.

Mirrors the parts of `framework/ops.py` that decide names and what a
program sees: `Graph.name_scope` (the stack, uniquified entry, absolute
re-entry with a trailing `/`, reset with `""`), `Graph._create_op_internal`
(explicit op names are uniquified, names ending in `/` are used as they
are, and a clash is "Duplicate node name in graph"), collections, the
default-graph stack, and the classes with TensorFlow's names and modules
(`repr(type(t))` is `<class 'tensorflow.python.framework.ops.SymbolicTensor'>`).

The graph also owns what TensorFlow keeps per graph for variables: the
`get_variable` store (`_VariableStore`) and the variable-scope store (the
current `VariableScope` and the scope counters).

Inside the engine a tensor's shape is `t._dims` (a tuple of ints / None, or
None for an unknown rank) and its dtype `t._dt` (a name); `t.shape` and
`t.dtype` are the `TensorShape` and `DType` objects a program sees.  Python's
operators on tensors are attached by `scopesim.tf.ops.math_ops`, as
TensorFlow attaches them from `math_ops`.
"""

from __future__ import annotations

import re
from operator import attrgetter as _attrgetter

from ..errors import (OperatorNotAllowedInGraphError, TFError, TFRuntimeError, TFTypeError,
                      TFValueError)
from . import observe as _observe
from .device import apply_device_functions
from .dtypes import of as _dtype_of
from .nodedef import StrAttr, node_def_text
from .names import _CHECKED as _CHECKED_SCOPE_NAMES
from .names import (VALID_OP_NAME_REGEX, VALID_SCOPE_NAME_REGEX, NameRegistry, check_node_name,
                    check_scope_name)
from .tensor_shape import TensorShape

_OPS_MODULE = "tensorflow.python.framework.ops"

#: Where TensorFlow prints an object's address, scopesim prints this one.
ADDRESS = "0x7f0000000000"

_AUTOGRAPH_ADVICE = (
    "You can attempt the following resolutions to the problem: If you are running in Graph "
    "mode, use Eager execution mode or decorate this function with @tf.function. If you are "
    "using AutoGraph, you can try decorating this function with @tf.function. If that does not "
    "work, then you may be using an unsupported feature or your source code may not be visible "
    "to AutoGraph. See https://github.com/tensorflow/tensorflow/blob/master/tensorflow/python/"
    "autograph/g3doc/reference/limitations.md#access-to-source-code for more information.")

#: `Tensor.__bool__` in graph mode (an OperatorNotAllowedInGraphError).
TENSOR_AS_BOOL = "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed. " + \
    _AUTOGRAPH_ADVICE
#: `Tensor.__iter__` in graph mode.
TENSOR_ITERATED = "Iterating over a symbolic `tf.Tensor` is not allowed. " + _AUTOGRAPH_ADVICE


class Operation:
    """`tf.Operation`.  `owner` is the op name of the variable it belongs to
    (initializer ops, the variable op, `Assign`, `read`), else None
    (scopesim's bookkeeping for its trees).

    `_outs` holds the outputs compactly: the one output itself, or None for
    none, until `outputs` is read, which makes it the list TensorFlow keeps
    (the same list at every read); most ops have one output and nothing
    reads their list.  The engine reads `_outputs`, a sequence that makes
    no list.  A template's op whose output nothing takes (a variable's
    `Assign`) keeps only the output's (dims, dtype), a tuple shared by
    every variable's op, until the output is first asked for
    (`_made_output`).

    `_attr_data` holds the NodeDef attrs: None when scopesim does not know
    them, else compactly as a tuple (the attr names, a tuple shared by every
    op with the same names, then the values; a dict costs 200 bytes) until
    `_attrs` is read, which makes it the op's own dict (for the code that
    changes it); `_attr_dict()` reads them without keeping a dict and
    `_set_attr` sets one keeping them compact.  A tuple one value short
    leaves out its last attr, `_class`, whose value is then the owner's
    colocation list `[StrAttr("loc:@" + owner)]`: a variable's template
    ops keep that form (`template_ops`), so that the ops of every variable
    of a template share one tuple (see `_full_attrs`).

    `_ins` holds the inputs compactly: the one input itself for an op of
    one (a tuple of one costs 48 bytes), else their tuple, until `inputs`
    is read, which makes it the tuple TensorFlow keeps (the same at every
    read).  The engine reads `_inputs`, a tuple each time.

    `_extras` holds the three fields that most ops leave empty, in one slot
    (two slots fewer: 16 bytes on every op): None for no device, no control
    inputs and no owner, the owner itself (a str) when only it is set, else
    the tuple (device, control inputs, owner); `_device`, `_control_inputs`
    and `owner` read and set them."""

    __slots__ = ("_name", "_type", "_graph", "_ins", "_outs", "_attr_data", "_extras",
                 "__weakref__")

    def __init__(self, graph: "Graph", name: str, op_type: str, inputs=(),
                 control_inputs=(), device: str = "", attrs=None) -> None:
        self._graph = graph
        self._name = name
        self._type = op_type
        self._ins = _compact_inputs(inputs)
        self._outs = None
        self._attr_data = _compact_attrs(attrs)
        # a list only when there are some (rebound, never appended to, when one is added)
        self._set_extras(device, list(control_inputs) if control_inputs else (), None)

    def _set_extras(self, device, control_inputs, owner) -> None:
        """Keep the three fields of `_extras` (see `Operation`)."""
        if device == "" and control_inputs.__class__ is tuple and not control_inputs and \
                (owner is None or owner.__class__ is str):
            self._extras = owner
        else:
            self._extras = (device, control_inputs, owner)

    @property
    def _device(self) -> str:
        extras = self._extras
        return extras[0] if extras.__class__ is tuple else ""

    @_device.setter
    def _device(self, device) -> None:
        self._set_extras(device, self._control_inputs, self.owner)

    @property
    def _control_inputs(self):
        """The control inputs: a list when there are some, else ()."""
        extras = self._extras
        return extras[1] if extras.__class__ is tuple else ()

    @_control_inputs.setter
    def _control_inputs(self, control_inputs) -> None:
        self._set_extras(self._device, control_inputs, self.owner)

    @property
    def owner(self):
        extras = self._extras
        return extras[2] if extras.__class__ is tuple else extras

    @owner.setter
    def owner(self, owner) -> None:
        self._set_extras(self._device, self._control_inputs, owner)

    @property
    def _attrs(self):
        """The attrs as the op's own dict (None when unknown), made at the
        first read from the compact form."""
        data = self._attr_data
        if data.__class__ is tuple:
            data = self._full_attrs()
            data = self._attr_data = dict(zip(data[0], data[1:]))
        return data

    @_attrs.setter
    def _attrs(self, attrs) -> None:
        self._attr_data = attrs

    def _set_attr(self, name: str, value) -> None:
        """`op._attrs[name] = value`, the attrs kept compact."""
        data = self._attr_data
        if data.__class__ is not tuple:
            data[name] = value
            return
        data = self._full_attrs()
        names = data[0]
        if name in names:
            i = names.index(name) + 1
            self._attr_data = data[:i] + (value,) + data[i + 1:]
        else:
            self._attr_data = (_shared_names(names + (name,)),) + data[1:] + (value,)

    def _attr_dict(self):
        """The attrs as a dict to read (None when unknown), not kept."""
        data = self._attr_data
        if data.__class__ is tuple:
            data = self._full_attrs()
            return dict(zip(data[0], data[1:]))
        return data

    def _full_attrs(self) -> tuple:
        """The compact attrs tuple with every value: one left out (the
        `_class` of a template's op) put back as the owner's colocation list."""
        data = self._attr_data
        if len(data) == len(data[0]):
            return data + ([StrAttr("loc:@" + self.owner)],)
        return data

    # (read-only properties whose getter is C code: no Python frame at each
    # read; the result reads every op's name and type)
    name = property(_attrgetter("_name"))
    type = property(_attrgetter("_type"))
    name.__doc__ = type.__doc__ = None

    @property
    def graph(self) -> "Graph":
        return self._graph

    @property
    def inputs(self) -> tuple:
        """`Operation.inputs`: the op's own tuple (made at the first read
        for an op of one input)."""
        ins = self._ins
        if ins.__class__ is not tuple:
            ins = self._ins = (ins,)
        return ins

    @property
    def _inputs(self) -> tuple:
        """The inputs as a tuple (a new one for an op of one input)."""
        ins = self._ins
        return ins if ins.__class__ is tuple else (ins,)

    @_inputs.setter
    def _inputs(self, inputs) -> None:
        self._ins = _compact_inputs(inputs)

    @property
    def outputs(self) -> list:
        """`Operation.outputs`: the op's own list (made at the first read)."""
        outs = self._outs
        if outs.__class__ is not list:
            outs = self._outs = [] if outs is None else [self._made_output()]
        return outs

    @property
    def _outputs(self):
        """The outputs as a sequence (a tuple, or the list once made)."""
        outs = self._outs
        if outs.__class__ is list:
            return outs
        return () if outs is None else (self._made_output(),)

    def _made_output(self) -> "Tensor":
        """The one output, made now if the op keeps only its (dims, dtype)."""
        outs = self._outs
        if outs.__class__ is tuple:
            self._outs = out = _new_object(SymbolicTensor)
            out._op = self
            out._dims, out._dt = outs
            return out
        return outs

    @property
    def control_inputs(self) -> list:
        """`Operation.control_inputs`: TensorFlow reads them off the node's in-edges
        (TF_OperationGetControlInputs over Node::in_edges(), an EdgeSet): up to 8
        edges, data and control together, come in the order they were added; past
        that the set orders them by address and the order changes from run to run
        (recorded with TF 2.21), so it is not simulated when it could matter."""
        controls = self._control_inputs
        if len(controls) > 1 and len(self._inputs) + len(controls) > 8:
            from ..errors import NotSimulated
            raise NotSimulated(f"the order of Operation.control_inputs of {self._name!r} (more "
                               "than 8 inputs and control inputs: TensorFlow's order changes "
                               "from run to run)")
        return list(controls)

    @property
    def device(self) -> str:
        return self._device

    def values(self) -> tuple:
        """`Operation.values()`: the outputs as a tuple."""
        return tuple(self._outputs)

    def get_attr(self, name: str):
        """`Operation.get_attr`: a type attr as its DType, a string as bytes,
        a shape as a TensorShape, ints, bools and lists as they are; an attr
        the op lacks is TensorFlow's ValueError."""
        attrs = self._attr_dict()
        if attrs is None or (name == "value" and self._type == "Const"):
            from ..errors import NotSimulated
            raise NotSimulated(f"Operation.get_attr of the {self._type} op's {name!r}")
        if name not in attrs:
            raise TFValueError(f"Operation '{self._name}' has no attr named '{name}'.")
        return _attr_value(attrs[name])

    def __repr__(self) -> str:
        return f"<tf.Operation '{self._name}' type={self._type}>"

    def __str__(self) -> str:
        """`str(op)`: the NodeDef text (`nodedef.node_def_text`)."""
        return node_def_text(self)


#: The attr-name tuples of the compact attrs, one per set of names (few:
#: one or two per op type); past this many, new ones are not shared.
_ATTR_NAMES: dict = {}
_ATTR_NAMES_KEPT = 4096


def _compact_inputs(inputs):
    """A new op's inputs as it keeps them (see `Operation`): the one input
    itself, else a tuple."""
    if inputs.__class__ is not tuple:
        inputs = tuple(inputs)
    return inputs[0] if len(inputs) == 1 else inputs


def _compact_attrs(attrs):
    """A new op's attrs as it keeps them (see `Operation`): a dict as the
    tuple (names, values...), anything else (None) as it is."""
    if attrs.__class__ is not dict:
        return attrs
    return (_shared_names(tuple(attrs)), *attrs.values())


def _shared_names(names: tuple) -> tuple:
    """The one tuple kept for these attr names."""
    shared = _ATTR_NAMES.get(names)
    if shared is None:
        shared = names
        if len(_ATTR_NAMES) < _ATTR_NAMES_KEPT:
            _ATTR_NAMES[names] = names
    return shared


def _attr_value(value):
    """An attr as `Operation.get_attr` gives it."""
    from .nodedef import StrAttr
    if isinstance(value, float):        # AttrValue.f is a float32
        import struct
        return struct.unpack("f", struct.pack("f", value))[0]
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, StrAttr):
        return str(value).encode()
    if isinstance(value, str):
        return _dtype_of(value)
    if isinstance(value, (list, tuple)):
        return [_attr_value(v) for v in value]
    dims = getattr(value, "dims", False)
    if dims is not False:
        return TensorShape._of(dims)
    return value


_new_object = object.__new__


class Tensor:
    """`tf.Tensor` (`framework/tensor.py`): output `value_index` of `op`.

    The index is not kept: it is the tensor's place among its op's outputs
    (a tensor is made there and stays there), which saves a slot, and
    with it 16 bytes, on nearly every tensor."""

    __slots__ = ("_op", "_dims", "_dt", "__weakref__")

    #: `Tensor.OVERLOADABLE_OPERATORS`
    OVERLOADABLE_OPERATORS = {
        "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__div__",
        "__rdiv__", "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__",
        "__mod__", "__rmod__", "__lt__", "__le__", "__gt__", "__ge__", "__ne__", "__eq__",
        "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__getitem__",
        "__pow__", "__rpow__", "__invert__", "__neg__", "__abs__", "__matmul__", "__rmatmul__"}

    def __init__(self, op: Operation, dims, dtype: str) -> None:
        """Output `len(op.outputs)` of `op` (the caller puts it there)."""
        self._op = op
        self._dims = dims
        self._dt = dtype

    @property
    def op(self) -> Operation:
        return self._op

    @property
    def _value_index(self) -> int:
        """The tensor's place among its op's outputs (0 for an op's one
        output, which its op keeps as it is)."""
        outs = self._op._outs
        if outs.__class__ is list:
            return outs.index(self)         # (by identity: `Tensor.__eq__` is `is`)
        return 0

    @property
    def value_index(self) -> int:
        return self._value_index

    @property
    def name(self) -> str:
        return f"{self._op._name}:{self._value_index}"

    @property
    def graph(self) -> "Graph":
        return self._op._graph

    @property
    def device(self) -> str:
        return self._op._device

    @property
    def shape(self) -> TensorShape:
        return TensorShape._of(self._dims)

    def get_shape(self) -> TensorShape:
        """`Tensor.get_shape()`: `self.shape`."""
        return TensorShape._of(self._dims)

    def set_shape(self, shape) -> None:
        """`SymbolicTensor.set_shape`: `TensorShape(shape)` merged into the
        static shape (`TF_GraphSetTensorShape`: InferenceContext::Merge, its
        error a ValueError)."""
        from .shape_inference import merge_shapes
        if not isinstance(shape, TensorShape):
            shape = TensorShape(shape)
        self._dims = merge_shapes(self._dims, shape._dims, TFValueError)

    @property
    def dtype(self):
        return _dtype_of(self._dt)

    def consumers(self) -> list:
        """`Tensor.consumers()`: the ops that take this tensor, in creation order."""
        return [op for op in self._op._graph._ops if self in op._inputs]

    def __repr__(self) -> str:
        return f"<tf.Tensor '{self.name}' shape={TensorShape._of(self._dims)} dtype={self._dt}>"

    def __str__(self) -> str:
        """`Tensor.__str__`: the shape when its rank is known, the device when set."""
        device = self._op._device
        return (f'Tensor("{self.name}"' + (f", shape={TensorShape._of(self._dims)}"
                                           if self._dims is not None else "")
                + f", dtype={self._dt}" + (f", device={device}" if device else "") + ")")

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other):
        """`Tensor.__eq__` in graph mode (`_USE_EQUALITY` is off): identity."""
        return self is other

    def __ne__(self, other):
        return self is not other

    def __bool__(self):
        """`SymbolicTensor.__bool__`: not allowed in graph mode."""
        raise OperatorNotAllowedInGraphError(TENSOR_AS_BOOL)

    def __iter__(self):
        """`Tensor.__iter__` in graph mode."""
        raise OperatorNotAllowedInGraphError(TENSOR_ITERATED)

    def __len__(self):
        """`SymbolicTensor.__len__`."""
        raise TFTypeError(f"len is not well defined for a symbolic Tensor ({self.name}). "
                          f"Please call `x.shape` rather than `len(x)` for shape information.")


class SymbolicTensor(Tensor):
    """`ops.SymbolicTensor`: the class of every graph tensor."""

    __slots__ = ()


Tensor.__module__ = "tensorflow.python.framework.tensor"
for _cls in (Operation, SymbolicTensor):
    _cls.__module__ = _OPS_MODULE


class Graph:
    """`tf.Graph`: ops in creation order, the name registry, the name-scope
    stack, collections, and the variable and variable-scope stores."""

    __slots__ = ("names", "name_stack", "_ops", "_ops_by_name", "_collections",
                 "_var_store", "_scope_counts", "_root_scope", "_current_scope",
                 "_device_stack", "_control_stack", "_cond_context", "__weakref__")

    def __init__(self) -> None:
        self.names = NameRegistry()
        self.name_stack = ""                  # Graph._name_stack, no trailing '/'
        self._ops: list[Operation] = []
        self._ops_by_name: dict[str, Operation] = {}
        self._collections: dict = {}
        self._var_store = None
        self._scope_counts = None
        self._root_scope = None
        self._current_scope = None
        self._device_stack: list = []
        self._control_stack: list = []
        self._cond_context = None             # the CondContext ops are made in (cond_v1.py)

    def release(self) -> None:
        """Not TensorFlow's: break the graph's reference cycles (each op and
        its output tensors, the graph and its ops, the stores) when nothing
        will read the graph again, so that reference counting frees it at
        once; left to the cyclic collector, a finished program's graph costs
        a walk over all its objects (half a second at 85,000 ops, at exit)."""
        for op in self._ops:
            op._outs = None
        self._ops = []
        self._ops_by_name = {}
        self._collections = {}
        self._var_store = self._scope_counts = None
        self._root_scope = self._current_scope = self._cond_context = None
        self._device_stack = []
        self._control_stack = []

    # ----------------------------------------------- stores of variable_scope.py

    @property
    def var_store(self):
        """`variable_scope._get_default_variable_store()` of this graph."""
        if self._var_store is None:
            from .variables import VariableStore
            self._var_store = VariableStore()
        return self._var_store

    @property
    def scope_counts(self):
        """`_VariableScopeStore.variable_scopes_count` of this graph."""
        if self._scope_counts is None:
            from .scopes import ScopeCounts
            self._scope_counts = ScopeCounts()
        return self._scope_counts

    @property
    def current_scope(self):
        """`_VariableScopeStore.current_scope`: the root scope at first."""
        if self._current_scope is None:
            from .scopes import VariableScope
            self._root_scope = self._current_scope = VariableScope(False)
        return self._current_scope

    @current_scope.setter
    def current_scope(self, scope) -> None:
        self._current_scope = scope

    # ------------------------------------------------------------ names

    @property
    def ops(self) -> list:
        return self._ops

    def unique_name(self, name: str, mark_as_used: bool = True) -> str:
        """`Graph.unique_name`: `name` relative to the current name scope."""
        if self.name_stack:
            name = self.name_stack + "/" + name
        if _observe.current is not None:
            return _observe.current.unique_name(self, name, mark_as_used)
        return self.names.unique_name(name, mark_as_used)

    def get_name_scope(self) -> str:
        """`Graph.get_name_scope()`: the stack without trailing `/`."""
        return self.name_stack

    def name_scope(self, name: str | None) -> "NameScope":
        """`Graph.name_scope(name)`; entering yields the scope string (`""` or
        ending in `/`).

        - falsy name: back to the root;
        - name ending in `/`: absolute re-entry, nothing marked as used;
        - otherwise: `unique_name(name)` relative to the current scope.
        The name is validated first, as given, against the root or the
        nested pattern (on entry, `enter_name_scope`).
        """
        return NameScope(self, name)

    def enter_name_scope(self, name: str | None) -> tuple[str, str]:
        """The entry half of `Graph.name_scope`: sets the stack, returns
        (new stack, the scope string); the caller restores the old stack."""
        observer = _observe.current
        if not name:
            new = entered = ""
        else:
            stack = self.name_stack
            if name.__class__ is not str:
                check_scope_name(name, not stack)
                absolute = name[-1] == "/"
            elif name[-1] == "/":               # a full scope: checked each time (once each)
                absolute = True
                if not (VALID_SCOPE_NAME_REGEX if stack else VALID_OP_NAME_REGEX).match(name):
                    check_scope_name(name, not stack)
            else:
                absolute = False
                if name not in _CHECKED_SCOPE_NAMES[not stack]:
                    check_scope_name(name, not stack)
            if absolute:
                new, entered = name[:-1], name
            else:                           # `unique_name(name)`
                new = stack + "/" + name if stack else name
                if observer is not None:
                    new = observer.unique_name(self, new, True)
                else:
                    new = self.names.unique_name(new)
                entered = new + "/"
        self.name_stack = new
        if observer is not None:
            observer.name_scope_entered(self, name, new)
        return new, entered

    # -------------------------------------------------------------- ops

    def create_op(self, op_type: str, name: str | None = None, *,
                  outputs: tuple = (), inputs=(), attrs=None) -> Operation:
        """`Graph._create_op_internal`: the op `name` (default: its type) is
        uniquified in the current scope unless it ends with `/`; the full
        name is then checked and must not exist yet.  The op takes the
        control dependencies and device of the enclosing scopes."""
        name = self._new_op_name(op_type, name)
        if len(outputs) == 1:
            shape, dtype = outputs[0]
            return self.create_checked(op_type, name, shape, dtype, inputs, attrs)._op
        op = Operation(self, name, op_type, inputs,
                       self._control_inputs_for(inputs) if self._control_stack else (), "",
                       attrs)
        if outputs:
            op._outs = outs = []
            for shape, dtype in outputs:
                outs.append(SymbolicTensor(op, shape, dtype))
        self._ops.append(op)
        self._ops_by_name[name] = op
        self._enter_op(op)
        return op

    def create_tensor(self, op_type: str, name: str | None, shape, dtype: str, inputs=(),
                      attrs=None) -> "Tensor":
        """`create_op` of an op with one output (`shape`, `dtype`): that output."""
        return self.create_checked(op_type, self._new_op_name(op_type, name), shape, dtype,
                                   inputs, attrs)

    def create_checked(self, op_type: str, name: str, shape, dtype: str, inputs,
                       attrs) -> "Tensor":
        """`create_tensor` of an op whose full `name` the caller has just
        checked (`check_node_name`, not in the graph), as `_apply_op_helper`
        checks its scope's name before the shape function runs.  The op and
        its tensor are filled in here (`Operation.__init__`'s fields, without
        the calls of two constructors: nearly every op is made here)."""
        op = _new_object(Operation)
        op._graph = self
        op._name = name
        op._type = op_type
        if inputs.__class__ is not tuple:     # `_compact_inputs(inputs)`
            inputs = tuple(inputs)
        op._ins = inputs[0] if len(inputs) == 1 else inputs
        op._extras = None                 # no device, control inputs or owner
        if attrs.__class__ is dict:       # `_compact_attrs(attrs)`
            names = tuple(attrs)
            op._attr_data = (_ATTR_NAMES.get(names) or _shared_names(names), *attrs.values())
        else:
            op._attr_data = attrs
        op._outs = out = _new_object(SymbolicTensor)
        out._op = op
        out._dims = shape
        out._dt = dtype
        if self._control_stack or self._device_stack or self._cond_context is not None or \
                _observe.current is not None:
            controls = self._control_inputs_for(inputs) if self._control_stack else ()
            if controls:
                op._extras = ("", controls, None)
            self._ops.append(op)
            self._ops_by_name[name] = op
            self._enter_op(op)
            return out
        self._ops.append(op)
        self._ops_by_name[name] = op
        return out

    def _new_op_name(self, op_type: str, name: str | None) -> str:
        """The full name `_create_op_internal` gives a new op, checked."""
        if name is None:
            name = op_type
        if name[-1:] == "/":  # fuzz: Python's error, as TF's (`name[-1]` of name=5)
            name = name[:-1]
            if name == self.name_stack:   # the op's own scope: one string for both
                name = self.name_stack
        else:
            name = self.unique_name(name)
        if not VALID_OP_NAME_REGEX.match(name):   # `check_node_name`'s error
            check_node_name(name)
        if name in self._ops_by_name:
            raise TFValueError(f"Duplicate node name in graph: '{name}'", name=name)
        return name

    def _enter_op(self, op: Operation) -> None:
        """A new op (its outputs made, in the graph) in the enclosing
        control-dependency blocks, through the device functions, into the
        cond context, and to the observer."""
        if self._control_stack:           # `_record_op_seen_by_control_dependencies`
            for controller in self._control_stack:
                controller.seen.add(op)
        if self._device_stack:
            op._device = apply_device_functions(self._device_stack, op)
        if self._cond_context is not None:    # `Operation._control_flow_post_processing`
            self._cond_context.add_op(op)
        if _observe.current is not None:
            _observe.current.op_created(self, op)

    def _control_inputs_for(self, inputs) -> list:
        """`Graph._control_dependencies_for_inputs`: for each enclosing
        `control_dependencies` block, its ops, unless an input was made inside
        that block (the new op is dominated by it) or is one of them."""
        input_ops = {t._op for t in inputs}
        found = []
        for controller in self._control_stack:
            if not input_ops.isdisjoint(controller.seen):
                continue
            found.extend(c for c in controller.control_inputs if c not in input_ops)
        return found

    def current_control_dependencies(self) -> set:
        """`Graph._current_control_dependencies`: the ops of every enclosing block."""
        found = set()
        for controller in self._control_stack:
            found.update(controller.control_inputs)
        return found

    def has_op(self, name: str) -> bool:
        return name in self._ops_by_name

    def claim_ops_since(self, start: int, owner: str) -> None:
        """Mark the ops created since `len(ops) == start` as `owner`'s."""
        for op in self._ops[start:]:
            op.owner = owner

    def get_operations(self) -> list:
        """`Graph.get_operations()`: every op in creation order (a new list)."""
        return list(self._ops)

    def get_operation_by_name(self, name):
        """`Graph.get_operation_by_name`: `as_graph_element(name, allow_tensor=False)`."""
        if not isinstance(name, str):
            raise TFTypeError(f"Operation names are strings (or similar), not "
                              f"{type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=False, allow_operation=True)

    def get_tensor_by_name(self, name):
        """`Graph.get_tensor_by_name`: `as_graph_element(name, allow_operation=False)`."""
        if not isinstance(name, str):
            raise TFTypeError(f"Tensor names are strings (or similar), not "
                              f"{type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=True, allow_operation=False)

    def as_graph_element(self, obj, allow_tensor: bool = True, allow_operation: bool = True):
        """`Graph._as_graph_element_locked` for names and graph objects."""
        types_str = " or ".join(k for k, ok in (("Tensor", allow_tensor),
                                                ("Operation", allow_operation)) if ok)
        if isinstance(obj, str):
            name = obj
            if ":" in name and allow_tensor:
                op_name, _, out = name.partition(":")
                try:
                    index = int(out)
                except ValueError:
                    raise TFValueError(f"The name {name!r} looks a like a Tensor name, but is "
                                       f"not a valid one. Tensor names must be of the form "
                                       f"\"<op_name>:<output_index>\".") from None
                op = self._ops_by_name.get(op_name)
                if op is None:
                    raise TFKeyError(f"The name {name!r} refers to a Tensor which does not "
                                     f"exist. The operation, {op_name!r}, does not exist in "
                                     f"the graph.")
                if index >= len(op._outputs) or index < 0:
                    raise TFKeyError(f"The name {name!r} refers to a Tensor which does not "
                                     f"exist. The operation, {op_name!r}, exists but only has "
                                     f"{len(op._outputs)} outputs.")
                return op._outputs[index]
            if ":" in name and not allow_tensor:
                raise TFValueError(f"Name {name!r} appears to refer to a Tensor, not a "
                                   f"{types_str}.")
            if ":" not in name and allow_operation:
                op = self._ops_by_name.get(name)
                if op is None:
                    raise TFKeyError(f"The name {name!r} refers to an Operation not in the "
                                     f"graph.")
                return op
            if ":" not in name and not allow_operation:
                if name in self._ops_by_name:
                    raise TFValueError(f"The name {name!r} refers to an Operation, not a "
                                       f"{types_str}. Tensor names must be of the form "
                                       f"\"<op_name>:<output_index>\".")
                raise TFValueError(f"The name {name!r} looks like an (invalid) Operation name, "
                                   f"not a {types_str}. Tensor names must be of the form "
                                   f"\"<op_name>:<output_index>\".")
        if isinstance(obj, Tensor) and allow_tensor:
            if obj.graph is not self:
                raise TFValueError(f"Tensor {obj} is not an element of this graph.")
            return obj
        if isinstance(obj, Operation) and allow_operation:
            if obj.graph is not self:
                raise TFValueError(f"Operation {obj} is not an element of this graph.")
            return obj
        raise TFTypeError(f"Can not convert a {type(obj).__name__} into a {types_str}.")

    # ------------------------------------------------------- collections

    def add_to_collection(self, name, value) -> None:
        """`Graph.add_to_collection`."""
        coll = self._collections.get(name)  # fuzz: Python's error, as TF's (unhashable)
        if coll is None:
            coll = self._collections[name] = []
        coll.append(value)

    def add_to_collections(self, names, value) -> None:
        """`Graph.add_to_collections`: a string is one name; duplicates once
        (TensorFlow iterates a set; scopesim keeps the given order)."""
        collections = self._collections
        if (names.__class__ is tuple or names.__class__ is list) and len(names) == 2 and \
                names[0].__class__ is str and names[1].__class__ is str and \
                names[0] != names[1]:
            # (the global and trainable collections of a variable: no duplicate, no error)
            for name in names:
                coll = collections.get(name)
                if coll is None:
                    coll = collections[name] = []
                coll.append(value)
            return
        names = (names,) if isinstance(names, str) else dict.fromkeys(names)
        for name in names:
            self.add_to_collection(name, value)

    def get_collection_ref(self, name) -> list:
        """`Graph.get_collection_ref`: the list itself, created if missing."""
        coll = self._collections.get(name)
        if coll is None:
            coll = self._collections[name] = []
        return coll

    def get_collection(self, name, scope=None) -> list:
        """`Graph.get_collection`: a copy; with `scope`, the items whose `.name`
        `re.match`es it (items without a name left out).  The pattern is
        compiled only when the collection exists."""
        coll = self._collections.get(name)  # fuzz: Python's error, as TF's (unhashable)
        if coll is None:
            return []
        if scope is None:
            return list(coll)
        regex = re.compile(scope)
        found = []
        for item in coll:
            try:
                if regex.match(item.name):
                    found.append(item)
            except AttributeError:
                pass
        return found

    def get_all_collection_keys(self) -> list:
        """`Graph.get_all_collection_keys`: every string key, in the order the
        collections were made (an empty one made by `get_collection_ref` too)."""
        return [key for key in self._collections if isinstance(key, str)]

    def clear_collection(self, name) -> None:
        """`Graph.clear_collection`: the key goes too."""
        self._collections.pop(name, None)

    # ----------------------------------------------------- default graph

    def as_default(self):
        """`Graph.as_default()`: a context manager making this the default graph."""
        return _DefaultGraph(self)

    def __repr__(self) -> str:
        return f"<tensorflow.python.framework.ops.Graph object at {ADDRESS}>"


Graph.__module__ = _OPS_MODULE


class NameScope:
    """The context manager of `Graph.name_scope` (a class, not a generator:
    nearly every op enters one).  On an exception the old stack comes back;
    on a normal exit the stack must be the one entry set, else "Improper
    nesting" (a balance check of ours; TensorFlow just restores)."""

    __slots__ = ("_graph", "_name", "_old", "_new")

    def __init__(self, graph: Graph, name) -> None:
        self._graph = graph
        self._name = name

    def __enter__(self) -> str:
        g = self._graph
        self._old = g.name_stack
        self._new, entered = g.enter_name_scope(self._name)
        return entered

    def __exit__(self, exc_type, exc, tb) -> bool:
        g = self._graph
        if exc_type is None and g.name_stack != self._new:
            raise TFRuntimeError("Improper nesting of name_scope.")
        g.name_stack = self._old
        return False


class TFKeyError(TFError, KeyError):
    """Python's KeyError raised by TensorFlow (`str()` as KeyError quotes it)."""

    type_name = "KeyError"

    def __str__(self) -> str:
        return repr(self.message)


TFKeyError.__name__ = TFKeyError.__qualname__ = "KeyError"
TFKeyError.__module__ = "builtins"


class _DefaultGraph:
    """The context manager of `Graph.as_default()` (`_default_graph_stack.get_controller`)."""

    __slots__ = ("graph",)

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def __enter__(self) -> Graph:
        _GRAPH_STACK.append(self.graph)
        return self.graph

    def __exit__(self, *exc) -> None:
        if _GRAPH_STACK and _GRAPH_STACK[-1] is self.graph:
            _GRAPH_STACK.pop()
        return None


#: `ops._default_graph_stack`: the graphs entered with `as_default()`;
#: below them the global default graph.
_GRAPH_STACK: list[Graph] = []
_GLOBAL: list[Graph] = [Graph()]


def get_default_graph() -> Graph:
    """`ops.get_default_graph()`."""
    return _GRAPH_STACK[-1] if _GRAPH_STACK else _GLOBAL[0]


def reset_default_graph() -> None:
    """`ops.reset_default_graph()`: a fresh global default graph; not
    allowed inside a `with graph.as_default()` block."""
    if _GRAPH_STACK:
        raise AssertionError("Do not use tf.reset_default_graph() to clear nested graphs. "
                             "If you need a cleared graph, exit the nesting and create a "
                             "new graph.")
    _GLOBAL[0] = Graph()


def swap_default_graph_state(state: tuple[Graph, list[Graph]]) -> tuple[Graph, list[Graph]]:
    """Install `state` (the global default graph, the default-graph stack)
    and return the state it replaces.  Not TensorFlow's: what a fresh Python
    process with TensorFlow imported starts from is `(Graph(), [])`; the
    runner and the tests use it so that no program sees another's graph."""
    old = (_GLOBAL[0], _GRAPH_STACK[:])
    _GLOBAL[0], _GRAPH_STACK[:] = state[0], list(state[1])
    return old
