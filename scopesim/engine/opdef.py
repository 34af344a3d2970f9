"""Creating an op from its OpDef: `op_def_library._apply_op_helper`.

Mirrors `framework/op_def_library.py` (its Python path: TF 2.21 does not
enable the C++ fast path by default): inside `name_scope(name or op_type)`
each input is converted against its type attr ("Expected X passed to
parameter ...", "Input 'y' of 'Sub' Op has type ..."), checked against the
allowed dtypes (`_SatisfiesTypeConstraint`), then the node name, then the
C++ shape function (`shape_inference.py`).  `OPS` is
`op_def_registry.get(op_type)` for the ops the math creates (TF 2.21), and
`name_scope` is `ops.name_scope` as these functions open it.
"""

from __future__ import annotations

from ..errors import TFRuntimeError, TFTypeError, TFValueError
from . import observe as _observe
from ..errors import NotSimulated
from .convert import CONVERSION_FUNCTIONS, convert_to_tensor
from .ops import tensor_value
from .shapes import FLOAT_DTYPES
from .graph import Graph, NameScope, Operation, SymbolicTensor, Tensor
from .graph import _shared_names as shared_attr_names
from .names import _CHECKED as _CHECKED_SCOPE_NAMES
from .names import _VALID_PREFIX
from .names import VALID_OP_NAME_REGEX, check_node_name, check_scope_name, valid_prefix
from .shape_inference import SHAPE_FNS, infer_shape, try_infer_shape
from .values import py_repr, truth, type_name
from .variables import RefVariable

_ADDV2 = ("bfloat16, float16, float32, float64, uint8, uint16, uint32, uint64, int8, int16, "
          "int32, int64, complex64, complex128")
_ADD = ("bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, complex64, "
        "complex128, string")
_SUB = ("bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, int64, "
        "complex64, complex128, uint32, uint64")
_MUL = ("bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, uint32, uint64, "
        "int64, complex64, complex128")
_MATMUL = ("bfloat16, float16, float32, float64, int32, int64, uint8, uint16, uint32, uint64, "
           "complex64, complex128")
_BATCH_MATMUL_V2 = ("bfloat16, float16, float32, float64, int16, int32, int64, uint8, uint16, "
                    "uint32, uint64, complex64, complex128")
_BATCH_MATMUL_V3_IN = ("bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, "
                       "complex64, complex128")
_BATCH_MATMUL_V3_OUT = ("bfloat16, float16, float32, float64, int16, int32, int64, complex64, "
                        "complex128")
_RELU = ("float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, "
         "uint64, qint8")
_FLOATS = "bfloat16, float16, float32, float64, complex64, complex128"
_NEG = "bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128"


class OpDef:
    """What `_apply_op_helper` and the shape function need of an OpDef.

    - inputs: (input arg, its type attr) pairs;
    - allowed: type attr -> its allowed dtypes (None: any);
    - shape_fn: the shape function's name (broadcast, matmul, unchanged, ...);
    - defaults: type attr -> default dtype;
    - output_dtype: a fixed output dtype (comparisons: bool), or the
      output's type attr ("T");
    - strings: string attr -> its allowed values.

    A plain class (no dataclass: its import costs start-up time)."""

    __slots__ = ("inputs", "allowed", "shape_fn", "defaults", "output_dtype", "strings",
                 "_lists", "_sets", "_uniform", "_uniform_set", "_uniform_names", "_by_dtype")

    def __init__(self, inputs: tuple, allowed: dict, shape_fn: str, defaults: dict | None = None,
                 output_dtype: str | None = None, strings: dict | None = None) -> None:
        self.inputs = inputs
        self.allowed = allowed
        self.shape_fn = shape_fn
        self.defaults = {} if defaults is None else defaults
        self.output_dtype = output_dtype
        self.strings = {} if strings is None else strings
        # the allowed dtypes of each type attr, split once (read for every input)
        self._lists = {attr: None if text is None else tuple(text.split(", "))
                       for attr, text in allowed.items()}
        # the same as sets, for the check of a dtype that is allowed (the common case)
        self._sets = {attr: frozenset(dtypes) for attr, dtypes in self._lists.items()
                      if dtypes is not None}
        # the one type attr of every input, when they are plain (no list, no fixed
        # type) and it has no default: `quick_inputs` checks them as one
        attrs = {type_attr for _, type_attr in inputs}
        self._uniform = None
        if len(attrs) == 1 and all(arg[0] != "*" for arg, _ in inputs):
            attr = next(iter(attrs))
            if attr[0] != "=" and attr not in self.defaults:
                self._uniform = attr
        self._uniform_set = self._sets.get(self._uniform)
        # the attr names of an op with only that attr, as ops share them
        self._uniform_names = None if self._uniform is None else shared_attr_names(
            (self._uniform,))
        # dtype -> the compact attrs of an op with only that attr, one tuple each
        self._by_dtype: dict = {}

    def __repr__(self) -> str:
        return (f"OpDef(inputs={self.inputs!r}, allowed={self.allowed!r}, "
                f"shape_fn={self.shape_fn!r}, defaults={self.defaults!r}, "
                f"output_dtype={self.output_dtype!r}, strings={self.strings!r})")

    def allowed_list(self, attr: str) -> tuple[str, ...] | None:
        return self._lists.get(attr)


def _binary(allowed: str) -> OpDef:
    return OpDef((("x", "T"), ("y", "T")), {"T": allowed}, "broadcast")


def _compare(allowed: str) -> OpDef:
    return OpDef((("x", "T"), ("y", "T")), {"T": allowed}, "broadcast", output_dtype="bool")


_FLOORDIV = ("bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, uint32, "
             "uint64, int64, complex64, complex128")
_FLOORMOD = ("int8, int16, int32, int64, uint8, uint16, uint32, uint64, bfloat16, float16, "
             "float32, float64")
_POW = "bfloat16, float32, float16, float64, int8, int16, int32, int64, complex64, complex128"
_COMPARE = ("float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, "
            "uint32, uint64")
_ABS = "bfloat16, float16, float32, float64, int8, int16, int32, int64"
_SQUARE = ("bfloat16, float16, float32, float64, int8, int16, int32, int64, uint8, uint16, "
           "uint32, uint64, complex64, complex128")
_BITWISE = "int8, int16, int32, int64, uint8, uint16, uint32, uint64"


def _unary(arg: str, allowed: str | None) -> OpDef:
    return OpDef(((arg, "T"),), {"T": allowed}, "unchanged")


#: `op_def_registry.get(op_type)` for the ops the math creates (TF 2.21).
OPS = {
    "AddV2": _binary(_ADDV2), "Add": _binary(_ADD), "Sub": _binary(_SUB), "Mul": _binary(_MUL),
    "RealDiv": _binary(_MUL),
    "MatMul": OpDef((("a", "T"), ("b", "T")), {"T": _MATMUL}, "matmul"),
    "BatchMatMulV2": OpDef((("x", "T"), ("y", "T")), {"T": _BATCH_MATMUL_V2}, "batch_matmul"),
    "BatchMatMulV3": OpDef((("x", "Ta"), ("y", "Tb")),
                           {"Ta": _BATCH_MATMUL_V3_IN, "Tb": _BATCH_MATMUL_V3_IN,
                            "Tout": _BATCH_MATMUL_V3_OUT}, "batch_matmul"),
    "SparseMatMul": OpDef((("a", "Ta"), ("b", "Tb")),
                          {"Ta": "float32, bfloat16", "Tb": "float32, bfloat16"}, "matmul",
                          {"Ta": "float32", "Tb": "float32"}),
    "Relu": _unary("features", _RELU), "Tanh": _unary("x", _FLOATS),
    "Sigmoid": _unary("x", _FLOATS), "Neg": _unary("x", _NEG), "Identity": _unary("input", None),
    "Cast": OpDef((("x", "SrcT"),), {"SrcT": None}, "unchanged"),
    "FloorDiv": _binary(_FLOORDIV), "FloorMod": _binary(_FLOORMOD), "Pow": _binary(_POW),
    "Less": _compare(_COMPARE), "LessEqual": _compare(_COMPARE),
    "Greater": _compare(_COMPARE), "GreaterEqual": _compare(_COMPARE),
    "Abs": _unary("x", _ABS),
    "Square": _unary("x", _SQUARE),
    "LogicalAnd": OpDef((("x", "=bool"), ("y", "=bool")), {}, "broadcast", output_dtype="bool"),
    "LogicalOr": OpDef((("x", "=bool"), ("y", "=bool")), {}, "broadcast", output_dtype="bool"),
    "LogicalNot": OpDef((("x", "=bool"),), {}, "unchanged", output_dtype="bool"),
    "BitwiseAnd": _binary(_BITWISE), "BitwiseOr": _binary(_BITWISE),
    "BitwiseXor": _binary(_BITWISE), "Invert": _unary("x", _BITWISE),
    "Placeholder": OpDef((), {"dtype": None}, "placeholder"),
    "PlaceholderWithDefault": OpDef((("input", "dtype"),), {"dtype": None},
                                    "placeholder_with_default"),
    "StridedSlice": OpDef((("input", "T"), ("begin", "Index"), ("end", "Index"),
                           ("strides", "Index")), {"T": None, "Index": "int16, int32, int64"},
                          "strided_slice"),
    "Pack": OpDef((("*values", "T"),), {"T": None}, "pack"),
}


class name_scope(NameScope):
    """`ops.name_scope(name, default)` in graph mode (`internal_name_scope_v1`,
    then `Graph.name_scope`): `default` only if `name is None`; any falsy
    name resets to the root; a truthy non-string fails in the regex check.
    Entering yields the scope string."""

    __slots__ = ("_default",)

    def __init__(self, g: Graph, name, default: str | None = None) -> None:
        self._graph = g
        self._name = name
        self._default = default

    def __enter__(self) -> str:
        name = self._name
        if name is None:
            name = self._default
        if not truth(name):
            name = None
        elif not isinstance(name, str):
            raise TFTypeError(f"expected string or bytes-like object, got '{type_name(name)}'")
        self._name = name
        g = self._graph                   # `NameScope.__enter__`
        self._old = g.name_stack
        self._new, entered = g.enter_name_scope(name)
        return entered


def apply_op(g: Graph, op_type: str, name, inputs: list, attrs: dict | None = None,
             out_dtype: str | None = None) -> Tensor:
    """`op_def_library._apply_op_helper(op_type, name=name, **inputs)`.

    The graph is `ops._get_graph_from_inputs` of the inputs (`g` when none
    is a graph element); inside `name_scope(name or op_type)`: each input
    is converted with the dtype its type attr already has (the first one by
    its own dtype; a fixed-type input, `=bool`, to that dtype; a list
    input, `*values`, element by element), checked against the allowed
    dtypes, then the remaining type attrs (`attrs` with a dtype value, e.g.
    Tout), then the shape function; the op is created with the scope's
    exact name.  `attrs` are the other attrs as the node text prints them;
    the output dtype is `out_dtype` or the first type attr's.

    Nearly every op is the plain case `_quick_apply` makes directly."""
    opdef = OPS[op_type]
    if name is None and out_dtype is None and (not attrs or _attrs_pass(opdef, attrs)):
        # (an op type is a word: `[A-Z][A-Za-z0-9]*`, as `quick_op` needs its default)
        made = quick_op(g, op_type, op_type, inputs, dict(attrs) if attrs else None)
        if made is not None:
            if made.__class__ is str:     # `_check_new_node_name`'s error
                raise TFValueError(f"Duplicate node name in graph: '{made}'", name=made)
            return made
    made = _quick_apply(g, opdef, op_type, name, inputs, attrs, out_dtype)
    if made is not None:
        return made
    attrs = dict(attrs) if attrs else {}
    g = graph_from_inputs(g, inputs)
    scope_name = name if truth(name) else op_type
    if scope_name.__class__ is not str:      # name_scope's own checks and errors
        with name_scope(g, scope_name) as scope:
            return _apply_in_scope(g, opdef, op_type, scope, scope[:-1], inputs, attrs,
                                   out_dtype)
    # `with name_scope(scope_name) as scope:` without the context manager
    old = g.name_stack
    new, scope = g.enter_name_scope(scope_name)
    try:
        made = _apply_in_scope(g, opdef, op_type, scope, new, inputs, attrs, out_dtype)
    except BaseException:
        g.name_stack = old
        raise
    if g.name_stack != new:
        raise TFRuntimeError("Improper nesting of name_scope.")
    g.name_stack = old
    return made


# ------------------------------------------------------------ the plain case
#
# Most ops take tensors (or variables) of one graph that need no conversion,
# in a graph with no control dependencies, device functions, cond context or
# naming observer.  Then `_apply_op_helper` runs no program code and creates
# nothing but the op inside its name scope, so nobody can see the name stack
# while it is set: the plain case checks what the general path checks, in
# its order, without setting the stack, converting or copying.  Whatever it
# finds out of the ordinary is left to the general path before anything is
# done (the checks before the name is taken are pure).


def plain_graph(g: Graph) -> bool:
    """No control dependencies, device functions, cond context or observer."""
    return not g._control_stack and not g._device_stack and g._cond_context is None and \
        _observe.current is None


def _plain_input(value):
    """What `quick_inputs` takes as it is: a SymbolicTensor, or a
    RefVariable's snapshot (its conversion); None for anything else."""
    cls = value.__class__
    if cls is SymbolicTensor:
        return value
    if cls is RefVariable:
        return value._snapshot
    return None


def quick_inputs(opdef: OpDef, values):
    """`_apply_in_scope`'s inputs and type attrs when each value is a
    SymbolicTensor, or a RefVariable converted to its `read` snapshot, all
    of one graph, that the op takes without an error: (graph, tensors,
    type attrs); None when any is not (nothing done).  A variable's
    conversion is its snapshot whatever dtype is requested or hinted (a
    mismatch fails on the snapshot's dtype after), but an input whose type
    attr has a default converts in two tries: left to the general path."""
    inputs = opdef.inputs
    n = len(values)
    if n != len(inputs):
        return None
    uniform = opdef._uniform
    if uniform is not None and n < 3:     # one type attr: the first's dtype, allowed
        first = values[0]
        x = _plain_input(first)
        if x is None:
            return None
        dt = x._dt
        allowed = opdef._uniform_set
        if allowed is not None and dt not in allowed:
            return None
        if n == 1:
            return first._op._graph, (x,), {uniform: dt}
        second = values[1]
        y = _plain_input(second)
        if y is None:
            return None
        graph = first._op._graph
        if second._op._graph is not graph or y._dt != dt:
            return None
        return graph, (x, y), {uniform: dt}
    graph = None
    tensors = []
    types = {}
    for (arg, type_attr), value in zip(inputs, values):
        cls = value.__class__
        if cls is SymbolicTensor:
            tensor = value
        elif cls is RefVariable and type_attr not in opdef.defaults and arg[0] != "*":
            tensor = value._snapshot
        else:
            return None
        op_graph = value._op._graph
        if graph is None:
            graph = op_graph
        elif op_graph is not graph:
            return None
        dt = tensor._dt
        if type_attr[0] == "=":
            if dt != type_attr[1:]:
                return None
        else:
            known = types.get(type_attr)
            if known is None:
                allowed = opdef._sets.get(type_attr)
                if allowed is not None and dt not in allowed:
                    return None
                types[type_attr] = dt
            elif known != dt:
                return None
        tensors.append(tensor)
    return graph, tuple(tensors), types


def _attrs_pass(opdef: OpDef, attrs: dict) -> bool:
    """Whether `_apply_in_scope`'s checks of the other attrs pass (a pure
    test of the same conditions, raising nothing)."""
    constrained = opdef._sets
    for attr, value in attrs.items():
        if isinstance(value, ShapeAttr):
            if value.dims is not None and any(d is not None and d >= 2**63 for d in value.dims):
                return False
        elif attr in constrained and value not in opdef._lists[attr]:
            return False
    for attr, allowed in opdef.strings.items():
        if attr in attrs and attrs[attr] not in allowed:
            return False
    return True


def _quick_inputs_in(opdef: OpDef, values, g: Graph):
    """`quick_inputs`, with `g` for the graph where no input gives one."""
    found = quick_inputs(opdef, values)
    if found is not None and found[0] is None:
        return g, found[1], found[2]
    return found


def _quick_apply(g: Graph, opdef: OpDef, op_type: str, name, values, attrs,
                 out_dtype: str | None):
    """`apply_op` in the plain case: its result, else None (nothing done).
    The name scope is entered as `Graph.enter_name_scope` does (the same
    check, the same `unique_name`), the stack left as it is.  A scope
    given in full (`name/`, as the wrappers pass their own scope) that
    matches the root pattern passes both the scope check and the node-name
    check of its name (which is shorter by the final `/`)."""
    found = _quick_inputs_in(opdef, values, g)
    if found is None:
        return None
    graph, tensors, types = found
    if not plain_graph(graph):
        return None
    if attrs:
        if not _attrs_pass(opdef, attrs):
            return None
        attrs = dict(attrs)
        attrs.update(types)
    else:
        attrs = types
    if name is None:
        name = op_type                    # `name if name else op_type_name`
    elif name.__class__ is not str:       # (its truth is left to the general path)
        return None
    elif not name:
        name = op_type
    stack = graph.name_stack
    if name[-1] == "/":
        if not VALID_OP_NAME_REGEX.match(name):
            return None                   # the general path has the error
        op_name = name[:-1]
    else:
        if name not in _CHECKED_SCOPE_NAMES[not stack]:
            check_scope_name(name, not stack)
        op_name = graph.names.unique_name(stack + "/" + name if stack else name)
        if not VALID_OP_NAME_REGEX.match(op_name):   # `check_node_name`'s error
            check_node_name(op_name)
    return _make_op(graph, opdef, op_type, op_name, tensors, types, attrs, out_dtype)


def _make_op(g: Graph, opdef: OpDef, op_type: str, op_name: str, tensors: list, types: dict,
             attrs: dict, out_dtype: str | None):
    """The end of `_apply_in_scope` once the node name `op_name` passed the
    pattern: the duplicate check, the shape function, the op."""
    if op_name in g._ops_by_name:
        raise TFValueError(f"Duplicate node name in graph: '{op_name}'", name=op_name)
    shape = infer_shape(opdef.shape_fn, op_type, op_name, attrs, tensors)
    if out_dtype is None:
        out_dtype = _out_dtype(opdef, types, attrs)
    if shape.__class__ is list:       # several outputs (Unpack, Split)
        outputs = tuple((dims, out_dtype) for dims in shape)
        return g.create_op(op_type, op_name + "/", outputs=outputs, inputs=tensors,
                           attrs=attrs).outputs
    return g.create_checked(op_type, op_name, shape, out_dtype, tensors, attrs)


def _out_dtype(opdef: OpDef, types: dict, attrs: dict) -> str:
    """The output dtype: the OpDef's fixed one, its type attr's, else the
    first input's type attr's (or `dtype`)."""
    out_dtype = opdef.output_dtype
    if out_dtype in types:            # the output's type attr (Fill, OneHot: T)
        return types[out_dtype]
    if out_dtype is None:
        first = opdef.inputs[0][1] if opdef.inputs else "dtype"
        return types[first] if first in types else attrs[first]
    return out_dtype


def quick_op(g: Graph, op_type: str, default: str, values, attrs: dict | None = None,
             compact: tuple | None = None):
    """A wrapper's `with name_scope(None, default) as scope:` around
    `_apply_op_helper(op_type, name=scope, ...)` of `values`, made
    directly in the plain case: the output; None when it is not the plain
    case (nothing done); the scope's name (a str) when the name taken is
    an op already (the caller goes on in that scope the general way).

    `default` is a constant op-name word (`MatMul`, `add`): it passes the
    scope checks, and the op's name passes the node-name check when the
    stack passes `valid_prefix`.  The shape function runs before the name
    is taken (it is pure): on any error the general path runs instead,
    which raises it with the op's name in its message.  `attrs` must pass
    `_attrs_pass` (the caller's own bools do).  `compact`: the attrs as the
    op keeps them (`Operation._attr_data`) but for the value of the op's one
    type attr, whose name is their last (the caller's shared names)."""
    opdef = OPS[op_type]
    uniform = opdef._uniform
    n = len(values)
    if uniform is not None and n < 3 and n == len(opdef.inputs):
        # `quick_inputs` of one type attr, inline (its `_plain_input` too)
        tensors = []
        for value in values:
            cls = value.__class__
            if cls is SymbolicTensor:
                tensors.append(value)
            elif cls is RefVariable:
                tensors.append(value._snapshot)
            else:
                return None
        dt = tensors[0]._dt
        allowed = opdef._uniform_set
        if allowed is not None and dt not in allowed:
            return None
        graph = values[0]._op._graph
        if n == 2 and (values[1]._op._graph is not graph or tensors[1]._dt != dt):
            return None
        tensors = tuple(tensors)
        types = {uniform: dt}
    else:
        found = _quick_inputs_in(opdef, values, g)
        if found is None:
            return None
        graph, tensors, types = found
    if graph._control_stack or graph._device_stack or graph._cond_context is not None or \
            _observe.current is not None:     # not `plain_graph(graph)`
        return None
    stack = graph.name_stack
    if stack and stack is not _VALID_PREFIX[0] and not valid_prefix(stack):
        return None
    if attrs:
        attrs.update(types)
    else:
        attrs = types
    shape_fn = opdef.shape_fn
    if shape_fn == "unchanged" and shape_fn not in SHAPE_FNS:
        shape = tensors[0]._dims
    else:
        shape = try_infer_shape(shape_fn, op_type, attrs, tensors)
        if shape is None or shape[0].__class__ is list:
            return None
        shape = shape[0]
    op_name = graph.names.unique_name(stack + "/" + default if stack else default)
    if op_name in graph._ops_by_name:
        return op_name
    uniform = opdef._uniform
    if uniform is None:
        return graph.create_checked(op_type, op_name, shape, _out_dtype(opdef, types, attrs),
                                    tensors, attrs)
    dt = types[uniform]
    # the attrs kept compact as `create_checked` would keep the dict, and
    # shared by the ops with the same ones (a tuple of bools and strings)
    if compact is not None:
        data = compact + (dt,)
        shared = _SHARED_ATTRS.get(data)
        if shared is not None:
            data = shared
        elif len(_SHARED_ATTRS) < _SHARED_ATTRS_KEPT:
            _SHARED_ATTRS[data] = data
    elif attrs is types:
        data = opdef._by_dtype.get(dt)
        if data is None:
            data = opdef._by_dtype[dt] = (opdef._uniform_names, dt)
    else:
        data = attrs
    out_dtype = opdef.output_dtype
    return graph.create_checked(op_type, op_name, shape, dt if out_dtype is None else
                                _out_dtype(opdef, types, attrs), tensors, data)


def quick_scalar_op(g: Graph, op_type: str, default: str, x, y):
    """`quick_op` of a float tensor `x` and a Python float or int `y`, which
    the general path converts in the scope: a `Const` named `<scope>/y` of
    x's dtype (the value as `make_tensor_proto` keeps it), then the op
    (shape: x's, broadcast with a scalar).  The same results: the output,
    None (nothing done), or the scope's name when the scope's or the
    constant's name is an op's already (the caller goes on in the scope)."""
    if x.__class__ is not SymbolicTensor or (y.__class__ is not float and
                                             y.__class__ is not int):
        return None
    dt = x._dt
    graph = x._op._graph
    if dt not in FLOAT_DTYPES or y.__class__ in CONVERSION_FUNCTIONS or \
            graph._control_stack or graph._device_stack or graph._cond_context is not None \
            or _observe.current is not None:
        return None
    opdef = OPS[op_type]
    if opdef._uniform_set is not None and dt not in opdef._uniform_set:
        return None
    stack = graph.name_stack
    if stack and stack is not _VALID_PREFIX[0] and not valid_prefix(stack):
        return None
    try:
        dt, dims, value = tensor_value(y, dt)     # `ops.convert`'s (it checks the value)
    except (Exception, NotSimulated):
        return None
    names = graph.names
    op_name = names.unique_name(stack + "/" + default if stack else default)
    const_name = names.unique_name(op_name + "/y", False)
    if op_name in graph._ops_by_name or const_name in graph._ops_by_name:
        return op_name
    names.unique_name(op_name + "/y")
    const = graph.create_checked("Const", const_name, dims, dt, (),
                                 {"value": value, "dtype": dt})
    data = opdef._by_dtype.get(dt)
    if data is None:
        data = opdef._by_dtype[dt] = (opdef._uniform_names, dt)
    return graph.create_checked(op_type, op_name, x._dims, dt, (x, const), data)


#: The compact attrs `quick_op` made from a caller's bools (`compact`) and
#: a dtype, one tuple each, for the ops that have them (few: MatMul's flags
#: and dtypes); past this many, new ones are not shared.
_SHARED_ATTRS: dict = {}
_SHARED_ATTRS_KEPT = 4096


class entered_scope(NameScope):
    """The name scope `quick_op` entered already (`unique_name` gave
    `new`), for a caller that goes on inside it the general way."""

    __slots__ = ()

    def __init__(self, g: Graph, new: str) -> None:
        self._graph = g
        self._new = new

    def __enter__(self) -> str:
        g = self._graph
        self._old = g.name_stack
        g.name_stack = self._new
        return self._new + "/"


def _apply_in_scope(g: Graph, opdef: OpDef, op_type: str, scope: str, op_name: str, inputs,
                    attrs: dict, out_dtype: str | None):
    """The body of `apply_op` inside its name scope (`scope`, the op's name
    `op_name`).  A tensor input whose dtype the type attr accepts as it is
    converts to itself (`convert_to_tensor` of a Tensor), so it is not
    converted."""
    types: dict[str, str] = {}
    inferred_from: dict[str, str] = {}
    tensors = []
    for (arg, type_attr), value in zip(opdef.inputs, inputs):
        if arg[0] == "*":
            arg = arg[1:]
            converted = _convert_list_input(g, op_type, opdef, arg, type_attr, value, types)
            if converted:
                _check_input_type(op_type, opdef, arg, type_attr, converted[0]._dt, types,
                                  inferred_from)
            tensors.extend(converted)
            continue
        if isinstance(value, Tensor):
            dt = value._dt
            if type_attr[0] == "=":
                if dt == type_attr[1:]:
                    tensors.append(value)
                    continue
            else:
                known = types.get(type_attr)
                if known == dt:                       # matches the attr's dtype
                    tensors.append(value)
                    continue
                if known is None:                     # sets the attr: an allowed dtype?
                    allowed = opdef._sets.get(type_attr)
                    if allowed is None or dt in allowed:
                        types[type_attr] = dt
                        inferred_from[type_attr] = arg
                        tensors.append(value)
                        continue
        tensor = _convert_input(g, op_type, opdef, arg, type_attr, value, types, inferred_from)
        _check_input_type(op_type, opdef, arg, type_attr, tensor._dt, types, inferred_from)
        tensors.append(tensor)
    if attrs:
        constrained = opdef._sets         # the type attrs with allowed dtypes
        for attr, value in attrs.items():
            if isinstance(value, ShapeAttr):
                make_shape_proto(value.dims, attr)
            elif attr in constrained:
                _satisfies_type_constraint(value, opdef.allowed_list(attr), attr)
        for attr, allowed in opdef.strings.items():
            if attr in attrs and attrs[attr] not in allowed:
                joined = '", "'.join(allowed)
                raise TFValueError(f"Attr '{attr}' of '{op_type}' Op passed string "
                                   f"'{attrs[attr]}' not in: \"{joined}\".")
    if attrs:                         # then the type attrs (never a fixed `=` one)
        attrs.update(types)
    else:
        attrs = types
    _check_new_node_name(g, op_name)
    shape = infer_shape(opdef.shape_fn, op_type, op_name, attrs, tensors)
    if out_dtype is None:
        out_dtype = _out_dtype(opdef, types, attrs)
    if isinstance(shape, list):       # several outputs (Unpack, Split)
        outputs = tuple((dims, out_dtype) for dims in shape)
        return g.create_op(op_type, scope, outputs=outputs, inputs=tensors,
                           attrs=attrs).outputs
    # the name was checked above, as creating the node checks it
    return g.create_checked(op_type, op_name, shape, out_dtype, tuple(tensors), attrs)


def _convert_list_input(g: Graph, op_type: str, opdef: OpDef, arg: str, type_attr: str,
                        values, types: dict) -> list:
    """`_ExtractInputsAndAttrs` for a list input (`N * T`): the elements
    convert as `internal_convert_n_to_tensor(values, name=arg)` does
    (`values_0`, `values_1` ...) to the type attr's dtype, else to the
    first tensor's, else preferring the attr's default; they must all have
    one dtype.  Any TypeError or ValueError becomes "Tensors in list passed
    to ...", whose observed types are each element converted again,
    unnamed (`Const`), or `<NOT CONVERTIBLE TO TENSOR>` (the converted
    tensors themselves when only their dtypes differed)."""
    dtype = types.get(type_attr)
    if dtype is None:
        dtype = next((v._dt for v in values if isinstance(v, Tensor)), None)
    hint = opdef.defaults.get(type_attr) if dtype is None else None
    try:
        converted = [convert_to_tensor(g, value, dtype, name=f"{arg}_{i}", dtype_hint=hint)
                     for i, value in enumerate(values)]
        if len({t._dt for t in converted}) > 1:
            values = converted    # TensorFlow has rebound `values` before this check
            raise TFTypeError("Not all types matched")
    except (TFTypeError, TFValueError):
        observed = []
        for value in values:
            try:
                observed.append(convert_to_tensor(g, value)._dt)
            except (TFTypeError, TFValueError):
                observed.append("<NOT CONVERTIBLE TO TENSOR>")
        prefix = (f"Tensors in list passed to '{arg}' of '{op_type}' Op have types "
                  f"[{', '.join(observed)}]")
        if type_attr in types:
            raise TFTypeError(f"{prefix} that do not match type {dtype} inferred from earlier "
                              f"arguments.") from None
        raise TFTypeError(f"{prefix} that don't all match.") from None
    return converted


class ShapeAttr:
    """A `shape` attr value (a dims tuple, None for unknown rank)."""

    __slots__ = ("dims",)

    def __init__(self, dims) -> None:
        self.dims = dims


def make_shape_proto(dims, arg_name: str) -> None:
    """`op_def_library._MakeShape`: a shape attr becomes a TensorShapeProto,
    whose int64 dim sizes refuse a dim past 2**63 - 1 (protobuf's "Value
    out of range"), reworded with the shape as the attr holds it (a list)."""
    if dims is None:
        return
    for d in dims:
        if d is not None and d >= 2**63:
            raise TFTypeError(f"Error converting {list(dims)!r} (arg name = {arg_name}) to a "
                              f"TensorShape: Value out of range: {d}")


def graph_from_inputs(g: Graph, values) -> Graph:
    """`ops._get_graph_from_inputs(values)`: the graph of the first graph
    element among `values` (a Tensor, an Operation, a Variable's tensor),
    every other one checked by `_assert_same_graph`; `g` when there is none.
    Tensors of one graph (the common case) are seen at once."""
    if values.__class__ is not tuple and values.__class__ is not list:
        values = tuple(values)            # TensorFlow's `tuple(op_input_list)`: read once
    graph = None
    for value in values:
        if value.__class__ is not SymbolicTensor:
            if type(value) in _NOT_ELEMENTS:
                continue
            return _graph_from_elements(g, values)
        if graph is None:
            graph = value._op._graph
        elif value._op._graph is not graph:
            return _graph_from_elements(g, values)
    return g if graph is None else graph


#: Classes whose values are no graph element and hold none (as
#: `_graph_from_elements` finds: no `_variable`, or a list skipped).
_NOT_ELEMENTS = frozenset((float, int, bool, str, type(None), list, tuple))


def _graph_from_elements(g: Graph, values) -> Graph:
    """`graph_from_inputs` of any values."""
    first = None
    for value in values:
        if isinstance(value, (list, tuple)):
            continue
        element = value if isinstance(value, (Tensor, Operation)) else \
            getattr(value, "_variable", None)
        if element is None:
            continue
        if first is None:
            first = element
        elif element.graph is not first.graph:
            raise TFValueError(f"{element} must be from the same graph as {first} (graphs are "
                               f"{element.graph!r} and {first.graph!r}).")
    return g if first is None else first.graph


def _check_new_node_name(g: Graph, name: str) -> None:
    """What creating the node checks before its shape function runs: the
    node name (`Operation.from_node_def`), then `TF_FinishOperationLocked`'s
    "Duplicate node name in graph"."""
    if not VALID_OP_NAME_REGEX.match(name):   # `check_node_name`'s error
        check_node_name(name)
    if name in g._ops_by_name:
        raise TFValueError(f"Duplicate node name in graph: '{name}'", name=name)


def _convert_input(g: Graph, op_type: str, opdef: OpDef, arg: str, type_attr: str, value,
                   types: dict, inferred_from: dict, const_name: str | None = None) -> Tensor:
    """`_ExtractInputsAndAttrs`, converting one input: a TypeError with a
    known dtype becomes "Expected X passed to parameter ...", a ValueError
    (a tensor of another dtype) "Input 'y' of 'Op' Op has type ...".  The
    elements of a list input are named `values_0`, `values_1` ...
    (`internal_convert_n_to_tensor`)."""
    name = const_name or arg
    dtype = type_attr[1:] if type_attr[0] == "=" else types.get(type_attr)
    default = opdef.defaults.get(type_attr)
    allowed = opdef.allowed_list(type_attr)
    try:
        if dtype is None and default is not None and allowed:
            inferred = None
            try:
                inferred = convert_to_tensor(g, value, name=name)
            except TFTypeError:
                pass
            if inferred is not None and inferred._dt in allowed:
                return inferred
            return convert_to_tensor(g, value, name=name, dtype_hint=default)
        return convert_to_tensor(g, value, dtype, name=name,
                                 dtype_hint=default if dtype is None else None)
    except TFTypeError as err:
        if dtype is None:
            raise
        raise TFTypeError(f"Expected {dtype} passed to parameter '{arg}' of op '{op_type}', got "
                          f"{py_repr(value)} of type '{type_name(value)}' instead. "
                          f"Error: {err.message}") from None
    except TFValueError:
        # what type does the conversion think it has? (converted again, unnamed)
        try:
            observed = convert_to_tensor(g, value)._dt
        except TFValueError as err:
            raise TFValueError(f"Tried to convert '{arg}' to a tensor and failed. "
                               f"Error: {err.message}") from None
        prefix = f"Input '{arg}' of '{op_type}' Op has type {observed} that does not match"
        if type_attr[0] == "=":
            raise TFTypeError(f"{prefix} expected type of {dtype}.") from None
        expected, source = _inferred_type_attr(opdef, type_attr, types, inferred_from)
        raise TFTypeError(f"{prefix} type {expected} of argument '{source}'.") from None


def _inferred_type_attr(opdef: OpDef, type_attr: str, types: dict,
                        inferred_from: dict) -> tuple[str, str]:
    """The type attr's dtype and the argument it was inferred from, as
    `_ExtractInputsAndAttrs` reads them for its "does not match" message
    after a ValueError: an attr not inferred yet takes its default ("Default
    in OpDef"); one without a default is TensorFlow's own `KeyError` of its
    `attrs` dict (`Identity(input=...)` whose conversion failed only once)."""
    if type_attr in types:
        return types[type_attr], inferred_from[type_attr]
    if type_attr in opdef.defaults:
        return opdef.defaults[type_attr], "Default in OpDef"
    raise KeyError(type_attr)


def _check_input_type(op_type: str, opdef: OpDef, arg: str, type_attr: str, dtype: str,
                      types: dict, inferred_from: dict) -> None:
    """The type attr of an input: set by the first input that has it (which
    must be an allowed dtype), matched by the others; a fixed-type input
    must have its type."""
    if type_attr[0] == "=":
        if dtype != type_attr[1:]:
            raise TFTypeError(f"Input '{arg}' of '{op_type}' Op has type {dtype} that does not "
                              f"match expected type of {type_attr[1:]}.")
        return
    if type_attr in types:
        if types[type_attr] != dtype:
            raise TFTypeError(f"Input '{arg}' of '{op_type}' Op has type {dtype} that does not "
                              f"match type {types[type_attr]} of argument "
                              f"'{inferred_from[type_attr]}'.")
        return
    allowed = opdef.allowed_list(type_attr)
    if allowed is not None:
        _satisfies_type_constraint(dtype, allowed, arg)
    types[type_attr] = dtype
    inferred_from[type_attr] = arg


def _satisfies_type_constraint(dtype: str, allowed: list[str], param_name: str) -> None:
    """`op_def_library._SatisfiesTypeConstraint`."""
    if dtype not in allowed:
        raise TFTypeError(f"Value passed to parameter '{param_name}' has DataType {dtype} not in "
                          f"list of allowed values: {', '.join(allowed)}")
