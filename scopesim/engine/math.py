"""The math ops of the language, ported from TensorFlow 2.21's own code paths.

Each function mirrors one TensorFlow function, named in its docstring (paths
under tensorflow/python/), so that names, the ops created (the orphans a
failure leaves included), error types and messages come out as in TF:

- the operators: `override_binary_operator.binary_op_wrapper` (and, when it
  fails, the right operand's `r_binary_op_wrapper`, inside the first scope),
  calling `math_ops._add_dispatch`, `subtract`, `_mul_dispatch_factory`,
  `_truediv_python3`, `matmul_wrapper`; unary minus is `gen_math_ops.neg`;
- the functions: `math_ops.add`, `multiply`, `matmul`, `sigmoid`,
  `gen_nn_ops.relu`, `gen_math_ops.tanh`, `array_ops.identity`, with their
  argument binding (`util/dispatch.py` or Python's own);
- `op_def_library._apply_op_helper`: name scope, input conversion against
  the type attr ("Expected X passed to parameter ...", "Input 'y' of 'Sub'
  Op has type ..."), allowed dtypes, then the C++ shape function;
- `ops.convert_to_tensor` with `dtype` / `dtype_hint`, and Python's view of
  the values the messages quote (`str`, `repr`, `bool`, type names).

Values are the engine's `Tensor`, `Variable` (converted through its `read`
snapshot), `Op`, `VariableScope`, Python scalars, lists, and `PyObject` for
the other Python objects of a program (a TensorShape, a DType, ...).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import PyError, TFError, TFTypeError, TFValueError
from .graph import Graph, Op, Tensor
from .names import check_node_name
from .ops import check_convertible, constant, failed_to_convert, python_dtype, value_shape
from .scopes import VariableScope
from .shapes import FLOAT_DTYPES, Shape, format_shape
from .variables import Variable

# ===================================================== Python's view of values

#: `Tensor.__bool__` in graph mode (an OperatorNotAllowedInGraphError).
TENSOR_AS_BOOL = (
    "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed. You can attempt the "
    "following resolutions to the problem: If you are running in Graph mode, use Eager "
    "execution mode or decorate this function with @tf.function. If you are using AutoGraph, "
    "you can try decorating this function with @tf.function. If that does not work, then you "
    "may be using an unsupported feature or your source code may not be visible to AutoGraph. "
    "See https://github.com/tensorflow/tensorflow/blob/master/tensorflow/python/autograph/"
    "g3doc/reference/limitations.md#access-to-source-code for more information.")

#: Where TensorFlow prints an object's address, scopesim prints this one.
ADDRESS = "0x7f0000000000"

@dataclass(frozen=True)
class PyObject:
    """A Python object of the program that the engine does not model: what
    TensorFlow's code sees of it (its class name, `str`, `repr`, truth), and
    for a TensorShape its dims (None: unknown rank), for a DType its name."""

    type_name: str
    text: str
    rep: str
    truth: bool = True
    dims: Shape = None
    dtype: str | None = None

    @property
    def is_tensor_shape(self) -> bool:
        return self.type_name == "TensorShape"

    @classmethod
    def tensor_shape(cls, dims: Shape) -> "PyObject":
        """`TensorShape` (v1): str `(2, ?)`, repr `TensorShape([Dimension(2), ...])`."""
        rep = ("TensorShape(None)" if dims is None else
               "TensorShape([%s])" % ", ".join(f"Dimension({d})" for d in dims))
        return cls("TensorShape", format_shape(dims), rep, dims is not None, dims)

    @classmethod
    def dtype_object(cls, name: str) -> "PyObject":
        """`tf.DType`: str `<dtype: 'float32_ref'>`, repr `tf.float32_ref`."""
        return cls("DType", f"<dtype: '{name}'>", f"tf.{name}", dtype=name)

    @classmethod
    def exception(cls, type_name: str, message: str) -> "PyObject":
        """An exception bound by `except ... as e`: str is its message."""
        return cls(type_name, message, f"{type_name}({message!r})")

    @classmethod
    def auto_reuse(cls) -> "PyObject":
        """`tf.AUTO_REUSE`, an enum member."""
        return cls("_ReuseMode", "_ReuseMode.AUTO_REUSE", "<_ReuseMode.AUTO_REUSE: 1>")


_TYPE_NAMES = {Variable: "RefVariable", Tensor: "SymbolicTensor", Op: "Operation",
               VariableScope: "VariableScope"}
_CLASS_PATHS = {Variable: "tensorflow.python.ops.ref_variable.RefVariable",
                Tensor: "tensorflow.python.framework.ops.SymbolicTensor"}


def type_name(value) -> str:
    """`type(value).__name__` as TensorFlow's objects have it."""
    if isinstance(value, PyObject):
        return value.type_name
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def py_repr(value) -> str:
    """`repr(value)`."""
    if isinstance(value, Variable):
        return (f"<tf.Variable '{value.name}' shape={format_shape(value.shape)} "
                f"dtype={value.dtype}_ref>")
    if isinstance(value, Tensor):
        return f"<tf.Tensor '{value.name}' shape={format_shape(value.shape)} dtype={value.dtype}>"
    if isinstance(value, Op):
        return f"<tf.Operation '{value.name}' type={value.type}>"
    if isinstance(value, VariableScope):
        return f"<tensorflow.python.ops.variable_scope.VariableScope object at {ADDRESS}>"
    if isinstance(value, PyObject):
        return value.rep
    return repr(value)


def py_str(value) -> str:
    """`str(value)` (what an f-string shows)."""
    if isinstance(value, Tensor):
        return f'Tensor("{value.name}", shape={format_shape(value.shape)}, dtype={value.dtype})'
    if isinstance(value, Op):
        return f'name: "{value.name}"\nop: "{value.type}"\n'
    if isinstance(value, PyObject):
        return value.text
    if isinstance(value, (Variable, VariableScope)):
        return py_repr(value)
    return str(value)


def truth(value) -> bool:
    """`bool(value)`: a graph tensor refuses (`Tensor.__bool__`)."""
    if isinstance(value, Tensor):
        raise PyError("OperatorNotAllowedInGraphError", TENSOR_AS_BOOL)
    if isinstance(value, PyObject):
        return value.truth
    if isinstance(value, (Variable, Op, VariableScope)):
        return True
    return bool(value)


def is_tensor_like(value) -> bool:
    """A Tensor or a Variable: the values whose class overloads the operators."""
    return isinstance(value, (Tensor, Variable))


def _value(x) -> Tensor:
    """`Variable.value()`: the variable's operators run on its snapshot."""
    return x.snapshot if isinstance(x, Variable) else x


def _catches(error: TFError) -> bool:
    """`except (TypeError, ValueError)` (OperatorNotAllowedInGraphError is a TypeError)."""
    return error.type_name in ("TypeError", "ValueError", "OperatorNotAllowedInGraphError")


# ================================================================ dtypes

#: `DataType` enum values (`types.proto`), for `as_dtype` of numbers.
_ENUMS = {1: "float32", 2: "float64", 3: "int32", 4: "uint8", 5: "int16", 6: "int8",
          7: "string", 8: "complex64", 9: "int64", 10: "bool", 11: "qint8", 12: "quint8",
          13: "qint32", 14: "bfloat16", 15: "qint16", 16: "quint16", 17: "uint16",
          18: "complex128", 19: "float16", 20: "resource", 21: "variant", 22: "uint32",
          23: "uint64"}
_ALIASES = {"half": "float16", "float": "float32", "double": "float64"}
_NAMES = set(_ENUMS.values())
_DT = {"float16": "DT_HALF", "float32": "DT_FLOAT", "float64": "DT_DOUBLE"}


def dt_name(dtype: str) -> str:
    """The `DT_*` name a NodeDef prints (`DT_FLOAT` for float32)."""
    return _DT.get(dtype, "DT_" + dtype.upper())


def as_dtype(value) -> str | None:
    """`dtypes.as_dtype(value)`, None where it raises TypeError: a DType, a
    dtype name (`float32`, `float`, `int32_ref`...) or a DataType number."""
    if isinstance(value, PyObject):
        return value.dtype
    if isinstance(value, str):
        base = value[:-4] if value.endswith("_ref") else value
        base = _ALIASES.get(base, base)
        if base in _NAMES:
            return base + ("_ref" if value.endswith("_ref") else "")
        return None
    if isinstance(value, (bool, int, float)) and value == int(value):
        n = int(value)
        if n in _ENUMS:
            return _ENUMS[n]
        if n - 100 in _ENUMS:
            return _ENUMS[n - 100] + "_ref"
    return None


def make_bool(value, arg_name: str) -> bool:
    """`eager/execute.py` `make_bool`: only True and False."""
    if not isinstance(value, bool):
        raise TFTypeError(f"Expected bool for argument '{arg_name}' not {py_repr(value)}.")
    return value


def make_type(value, arg_name: str) -> str:
    """`eager/execute.py` `make_type`: `as_dtype(value).base_dtype`."""
    dtype = as_dtype(value)
    if dtype is None:
        raise TFTypeError(f"Expected DataType for argument '{arg_name}' not {py_repr(value)}.")
    return dtype[:-4] if dtype.endswith("_ref") else dtype


# ============================================================ conversion


def convert_to_tensor(g: Graph, value, dtype: str | None = None, name: str = "Const",
                      dtype_hint: str | None = None) -> Tensor:
    """`ops.convert_to_tensor(value, dtype, name, dtype_hint)`: with a hint,
    the hinted conversion is tried first and any TypeError/ValueError makes
    it convert the value by its own dtype instead."""
    if dtype is None and dtype_hint is not None:
        try:
            return _convert(g, value, dtype_hint, name)
        except (TFTypeError, TFValueError):
            pass
    return _convert(g, value, dtype, name)


def _convert(g: Graph, value, dtype: str | None, name: str) -> Tensor:
    """The conversion function registered for the value's class."""
    if isinstance(value, Tensor):
        if dtype is not None and dtype != value.dtype:
            raise TFValueError(f"{name}: Tensor conversion requested dtype {dtype} for Tensor "
                               f"with dtype {value.dtype}: {py_repr(value)}")
        return value
    if isinstance(value, Variable):
        if dtype is not None and dtype != value.dtype:
            raise TFValueError(f"Incompatible type conversion requested to type '{dtype}' for "
                               f"variable of type '{value.dtype}_ref'")
        return value.snapshot
    if isinstance(value, Op):
        raise TFTypeError(f"can't convert Operation '{value.name}' to Tensor")
    if isinstance(value, PyObject) and value.is_tensor_shape:
        return _tensor_shape_to_tensor(g, value, dtype, name)
    if isinstance(value, (bool, int, float, str, list)) or value is None:
        if dtype is None:
            dtype = python_dtype(value)
        else:
            check_convertible(value, dtype)
        return constant(g, dtype, value_shape(value), name)
    if dtype is None:
        raise failed_to_convert(py_str(value))
    raise TFTypeError(f"Expected {dtype}, but got {py_str(value)} of type '{type_name(value)}'.")


def _tensor_shape_to_tensor(g: Graph, shape: PyObject, dtype: str | None, name: str) -> Tensor:
    """`constant_op._tensor_shape_tensor_conversion_function`."""
    dims = shape.dims
    if dims is None or any(d is None for d in dims):
        raise TFValueError(f"Cannot convert a partially known TensorShape {shape.text} to a "
                           f"Tensor.")
    big = any(d >= 2**31 for d in dims)
    if dtype is not None:
        if dtype not in ("int32", "int64"):
            raise TFTypeError(f"Cannot convert TensorShape {shape.text} to dtype "
                              f"<dtype: '{dtype}'>. Allowed dtypes are tf.int32 and tf.int64.")
        if dtype == "int32" and big:
            raise TFValueError(f"Cannot convert TensorShape {shape.text} to dtype int32; a "
                               f"dimension is too large. Consider using tf.int64.")
    else:
        dtype = "int64" if big else "int32"
    return constant(g, dtype, (len(dims),), name)


# =========================================================== name scopes


@contextmanager
def name_scope(g: Graph, name, default: str | None = None) -> Iterator[str]:
    """`ops.name_scope(name, default)` in graph mode (`internal_name_scope_v1`,
    then `Graph.name_scope`): `default` only if `name is None`; any falsy
    name resets to the root; a truthy non-string fails in the regex check."""
    if name is None:
        name = default
    if not truth(name):
        name = None
    elif not isinstance(name, str):
        raise TFTypeError(f"expected string or bytes-like object, got '{type_name(name)}'")
    with g.name_scope(name) as scope:
        yield scope


# ============================================================== op defs

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


@dataclass(frozen=True)
class OpDef:
    """What `_apply_op_helper` and the shape function need of an OpDef."""

    inputs: tuple[tuple[str, str], ...]      # (input arg, its type attr)
    allowed: dict                            # type attr -> allowed dtypes (None: any)
    shape_fn: str                            # broadcast, matmul, batch_matmul, unchanged
    defaults: dict = field(default_factory=dict)   # type attr -> default dtype

    def allowed_list(self, attr: str) -> list[str] | None:
        text = self.allowed.get(attr)
        return None if text is None else text.split(", ")


def _binary(allowed: str) -> OpDef:
    return OpDef((("x", "T"), ("y", "T")), {"T": allowed}, "broadcast")


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
}


# ======================================================= _apply_op_helper


def apply_op(g: Graph, op_type: str, name, inputs: list, attrs: dict | None = None,
             out_dtype: str | None = None) -> Tensor:
    """`op_def_library._apply_op_helper(op_type, name=name, **inputs)` (its
    Python path: TF 2.21 does not enable the C++ fast path by default).

    Inside `name_scope(name or op_type)`: each input is converted with the
    dtype its type attr already has (the first one by its own dtype),
    checked against the allowed dtypes, then the remaining type attrs
    (`attrs` with a dtype value, e.g. Tout), then the shape function; the op
    is created with the scope's exact name.  `attrs` are the other attrs as
    the node text prints them; the output dtype is `out_dtype` or the first
    type attr's."""
    opdef = OPS[op_type]
    attrs = dict(attrs or {})
    with name_scope(g, name if truth(name) else op_type) as scope:
        types: dict[str, str] = {}
        inferred_from: dict[str, str] = {}
        tensors = []
        for (arg, type_attr), value in zip(opdef.inputs, inputs):
            tensor = _convert_input(g, op_type, opdef, arg, type_attr, value, types, inferred_from)
            _check_input_type(op_type, opdef, arg, type_attr, tensor.dtype, types, inferred_from)
            tensors.append(tensor)
        for attr, value in attrs.items():
            if attr in opdef.allowed and opdef.allowed_list(attr) is not None:
                _satisfies_type_constraint(value, opdef.allowed_list(attr), attr)
        attrs.update(types)
        op_name = scope[:-1]
        _check_new_node_name(g, op_name)
        shape = _infer_shape(opdef, op_type, op_name, attrs, tensors)
        dtype = out_dtype or types[opdef.inputs[0][1]]
        return g.create_op(op_type, scope, outputs=((shape, dtype),)).outputs[0]


def _check_new_node_name(g: Graph, name: str) -> None:
    """What creating the node checks before its shape function runs: the
    node name (`Operation.from_node_def`), then `TF_FinishOperationLocked`'s
    "Duplicate node name in graph"."""
    check_node_name(name)
    if g.has_op(name):
        raise TFValueError(f"Duplicate node name in graph: '{name}'", name=name)


def _convert_input(g: Graph, op_type: str, opdef: OpDef, arg: str, type_attr: str, value,
                   types: dict, inferred_from: dict) -> Tensor:
    """`_ExtractInputsAndAttrs`, converting one input: a TypeError with a
    known dtype becomes "Expected X passed to parameter ...", a ValueError
    (a tensor of another dtype) "Input 'y' of 'Op' Op has type ..."."""
    dtype = types.get(type_attr)
    default = opdef.defaults.get(type_attr)
    allowed = opdef.allowed_list(type_attr)
    try:
        if dtype is None and default is not None and allowed:
            inferred = None
            try:
                inferred = convert_to_tensor(g, value, name=arg)
            except TFTypeError:
                pass
            if inferred is not None and inferred.dtype in allowed:
                return inferred
            return convert_to_tensor(g, value, name=arg, dtype_hint=default)
        return convert_to_tensor(g, value, dtype, name=arg)
    except TFTypeError as err:
        if dtype is None:
            raise
        raise TFTypeError(f"Expected {dtype} passed to parameter '{arg}' of op '{op_type}', got "
                          f"{py_repr(value)} of type '{type_name(value)}' instead. "
                          f"Error: {err.message}") from None
    except TFValueError:
        try:
            observed = convert_to_tensor(g, value, name=arg).dtype
        except TFValueError as err:
            raise TFValueError(f"Tried to convert '{arg}' to a tensor and failed. "
                               f"Error: {err.message}") from None
        raise TFTypeError(f"Input '{arg}' of '{op_type}' Op has type {observed} that does not "
                          f"match type {types[type_attr]} of argument "
                          f"'{inferred_from[type_attr]}'.") from None


def _check_input_type(op_type: str, opdef: OpDef, arg: str, type_attr: str, dtype: str,
                      types: dict, inferred_from: dict) -> None:
    """The type attr of an input: set by the first input that has it (which
    must be an allowed dtype), matched by the others."""
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


# ======================================================== shape functions


def _infer_shape(opdef: OpDef, op_type: str, op_name: str, attrs: dict, inputs: list) -> Shape:
    def error(message: str) -> TFValueError:
        return TFValueError(f"{message} for {_node_text(op_type, op_name, attrs, inputs)}")

    shapes = [t.shape for t in inputs]
    if opdef.shape_fn == "unchanged":
        return shapes[0]
    if opdef.shape_fn == "broadcast":
        return broadcast_shape(shapes[0], shapes[1], error)
    if opdef.shape_fn == "matmul":
        return matmul_shape(shapes[0], shapes[1], attrs["transpose_a"], attrs["transpose_b"], error)
    return batch_matmul_shape(shapes[0], shapes[1], attrs["adj_x"], attrs["adj_y"], error)


def _node_text(op_type: str, op_name: str, attrs: dict, inputs: list) -> str:
    """How a shape error quotes the node: attrs sorted by name, inputs by
    op name (`:n` for outputs after the first), then the input shapes."""
    shown = []
    for key in sorted(attrs):
        value = attrs[key]
        shown.append(f"{key}={str(value).lower() if isinstance(value, bool) else dt_name(value)}")
    names = ", ".join(t.op.name if t.index == 0 else t.name for t in inputs)
    shapes = ", ".join(_shape_text(t.shape) for t in inputs)
    return (f"'{{{{node {op_name}}}}} = {op_type}[{', '.join(shown)}]({names})' "
            f"with input shapes: {shapes}.")


def _shape_text(shape: Shape) -> str:
    if shape is None:
        return "?"
    return "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


def _merge(a, b, error):
    """`InferenceContext::Merge` of two dims."""
    if a is not None and b is not None and a != b:
        raise error(f"Dimensions must be equal, but are {a} and {b}")
    return a if a is not None else b


def broadcast_shape(x: Shape, y: Shape, error) -> Shape:
    """`BroadcastBinaryOpOutputShapeFnHelper` (common_shape_fns.cc): numpy
    broadcasting from the right; an unknown dim gives way to a known one
    greater than 1, takes the other side's place against a 1, and stays
    unknown otherwise (against 0 too); unknown rank gives unknown rank."""
    if x is None or y is None:
        return None
    rank = max(len(x), len(y))
    x = (1,) * (rank - len(x)) + tuple(x)
    y = (1,) * (rank - len(y)) + tuple(y)
    out = []
    for dx, dy in zip(x, y):
        if dx is None or dy is None:
            if dx is not None and dx > 1:
                out.append(dx)
            elif dy is not None and dy > 1:
                out.append(dy)
            elif dx == 1:
                out.append(dy)
            elif dy == 1:
                out.append(dx)
            else:
                out.append(None)
        elif dx == 1 or dy == 1:
            out.append(dy if dx == 1 else dx)
        else:
            out.append(_merge(dx, dy, error))
    return tuple(out)


def _with_rank(shape: Shape, rank: int, error, at_least: bool = False) -> Shape:
    """`WithRank` / `WithRankAtLeast`."""
    if shape is None:
        return None
    if len(shape) < rank or (not at_least and len(shape) != rank):
        raise error(f"Shape must be {'at least ' if at_least else ''}rank {rank} but is rank "
                    f"{len(shape)}")
    return shape


def matmul_shape(a: Shape, b: Shape, transpose_a: bool, transpose_b: bool, error) -> Shape:
    """`MatMulShape`: both rank 2, inner dims merged."""
    a = _with_rank(a, 2, error) or (None, None)
    b = _with_rank(b, 2, error) or (None, None)
    rows = a[1] if transpose_a else a[0]
    cols = b[0] if transpose_b else b[1]
    _merge(a[0] if transpose_a else a[1], b[1] if transpose_b else b[0], error)
    return (rows, cols)


def batch_matmul_shape(a: Shape, b: Shape, adj_x: bool, adj_y: bool, error) -> Shape:
    """`BatchMatMulV2Shape`: rank at least 2, inner dims merged, then the
    batch dims broadcast."""
    a = _with_rank(a, 2, error, at_least=True)
    b = _with_rank(b, 2, error, at_least=True)
    a_rows, a_cols = (None, None) if a is None else a[-2:]
    b_rows, b_cols = (None, None) if b is None else b[-2:]
    rows = a_cols if adj_x else a_rows
    cols = b_rows if adj_y else b_cols
    _merge(a_rows if adj_x else a_cols, b_cols if adj_y else b_rows, error)
    batch = broadcast_shape(None if a is None else a[:-2], None if b is None else b[:-2], error)
    return None if batch is None else batch + (rows, cols)


# ================================================= generated op wrappers


def gen_binary(g: Graph, op_type: str, x, y, name) -> Tensor:
    """`gen_math_ops.add_v2` / `add` / `sub` / `mul` / `real_div`."""
    return apply_op(g, op_type, name, [x, y])


def gen_unary(g: Graph, op_type: str, x, name=None) -> Tensor:
    """`gen_math_ops.neg` / `tanh` / `sigmoid`, `gen_nn_ops.relu`,
    `gen_array_ops.identity`."""
    return apply_op(g, op_type, name, [x])


def gen_cast(g: Graph, x, dst: str, name=None) -> Tensor:
    """`gen_math_ops.cast(x, DstT)`."""
    return apply_op(g, "Cast", name, [x], {"DstT": dst, "Truncate": False}, out_dtype=dst)


def _bools(values: dict) -> dict:
    """The bool attrs of a generated wrapper: None is False, then `make_bool`."""
    return {key: make_bool(False if value is None else value, key) for key, value in values.items()}


def gen_mat_mul(g: Graph, a, b, transpose_a, transpose_b, grad_a, grad_b, name) -> Tensor:
    """`gen_math_ops.mat_mul`."""
    attrs = _bools(dict(transpose_a=transpose_a, transpose_b=transpose_b, grad_a=grad_a,
                        grad_b=grad_b))
    return apply_op(g, "MatMul", name, [a, b], attrs)


def gen_batch_mat_mul_v2(g: Graph, x, y, adj_x, adj_y, grad_x, grad_y, name) -> Tensor:
    """`gen_math_ops.batch_mat_mul_v2`."""
    attrs = _bools(dict(adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y))
    return apply_op(g, "BatchMatMulV2", name, [x, y], attrs)


def gen_batch_mat_mul_v3(g: Graph, x, y, tout, adj_x, adj_y, grad_x, grad_y, name) -> Tensor:
    """`gen_math_ops.batch_mat_mul_v3` (the output dtype is `Tout`)."""
    tout = make_type(tout, "Tout")
    attrs = {"Tout": tout, **_bools(dict(adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y))}
    return apply_op(g, "BatchMatMulV3", name, [x, y], attrs, out_dtype=tout)


def gen_sparse_mat_mul(g: Graph, a, b, transpose_a, transpose_b, a_is_sparse, b_is_sparse,
                       name) -> Tensor:
    """`gen_math_ops.sparse_mat_mul` (its output is always float32)."""
    attrs = _bools(dict(transpose_a=transpose_a, transpose_b=transpose_b,
                        a_is_sparse=a_is_sparse, b_is_sparse=b_is_sparse))
    return apply_op(g, "SparseMatMul", name, [a, b], attrs, out_dtype="float32")


# ============================================================== math_ops


def add(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.add` (`tf.add`): converts both operands inside its scope
    (`Add/x`, then `Add/y` preferring x's dtype), AddV2 (Add for strings)."""
    with name_scope(g, name, "Add") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, name="y", dtype_hint=x.dtype)
        return gen_binary(g, "Add" if x.dtype == "string" else "AddV2", x, y, scope)


def multiply(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.multiply` (`tf.multiply`): `gen_math_ops.mul` as given."""
    return gen_binary(g, "Mul", x, y, name)


def subtract(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.subtract`: `gen_math_ops.sub` as given."""
    return gen_binary(g, "Sub", x, y, name)


def sigmoid(g: Graph, x, name=None) -> Tensor:
    """`math_ops.sigmoid`: converts `x` inside `Sigmoid/` first."""
    with name_scope(g, name, "Sigmoid") as scope:
        x = convert_to_tensor(g, x, name="x")
        return gen_unary(g, "Sigmoid", x, scope)


def identity(g: Graph, x, name=None) -> Tensor:
    """`array_ops.identity` (graph mode): `gen_array_ops.identity`."""
    return gen_unary(g, "Identity", x, name)


def relu(g: Graph, x, name=None) -> Tensor:
    """`gen_nn_ops.relu`."""
    return gen_unary(g, "Relu", x, name)


def tanh(g: Graph, x, name=None) -> Tensor:
    """`gen_math_ops.tanh`."""
    return gen_unary(g, "Tanh", x, name)


def cast(g: Graph, x, dtype: str, name=None) -> Tensor:
    """`math_ops.cast`: a Tensor of that dtype is returned as it is, else
    `Cast/` converts `x` and casts it."""
    if isinstance(x, Tensor) and x.dtype == dtype:
        return x
    with name_scope(g, name, "Cast") as scope:
        x = convert_to_tensor(g, x, name="x")
        if x.dtype != dtype:
            x = gen_cast(g, x, dtype, scope)
        return x


def conj(g: Graph, x, name=None) -> Tensor:
    """`math_ops.conj`: the identity for real tensors; other dtypes fail
    inside `Conj/` (the language has no complex dtype)."""
    if isinstance(x, Tensor) and (x.dtype in _REAL):
        return x
    with name_scope(g, name, "Conj"):
        x = convert_to_tensor(g, x, name="x")
        if x.dtype in _REAL:
            return x
        raise TFTypeError(f"Expected numeric or variant tensor, got dtype tf.{x.dtype!s}.")


_REAL = FLOAT_DTYPES + ("bfloat16", "int8", "int16", "int32", "int64", "uint8", "uint16",
                        "uint32", "uint64")

#: `math_ops._TRUEDIV_TABLE`: integer dtypes are cast first, floats kept.
TRUEDIV_TABLE = {"uint8": "float32", "int8": "float32", "uint16": "float32", "int16": "float32",
                 "uint32": "float64", "int32": "float64", "uint64": "float64", "int64": "float64",
                 "bfloat16": None, "float16": None, "float32": None, "float64": None,
                 "complex64": None, "complex128": None}


def truediv(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops._truediv_python3` (`x / y`): `y` prefers x's dtype; the
    dtypes must then match, integers are cast (`truediv/Cast`, `Cast_1`)."""
    with name_scope(g, name, "truediv") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, name="y", dtype_hint=x.dtype)
        if x.dtype != y.dtype:
            raise TFTypeError(f"`x` and `y` must have the same dtype, got tf.{x.dtype} != "
                              f"tf.{y.dtype}.")
        if x.dtype not in TRUEDIV_TABLE:
            expected = ", ".join("tf." + d for d in TRUEDIV_TABLE)
            raise TFTypeError(f"Invalid dtype tf.{x.dtype} in __truediv__. Expected one of "
                              f"{{{expected}}}.")
        target = TRUEDIV_TABLE[x.dtype]
        if target is not None:
            x = cast(g, x, target)
            y = cast(g, y, target)
        return gen_binary(g, "RealDiv", x, y, scope)


def matmul(g: Graph, a, b, transpose_a=False, transpose_b=False, adjoint_a=False,
           adjoint_b=False, a_is_sparse=False, b_is_sparse=False, output_type=None,
           grad_a=False, grad_b=False, name=None) -> Tensor:
    """`math_ops.matmul` (graph mode): in `MatMul/`, the transpose/adjoint
    check, `a` converted, `b` preferring a's dtype; BatchMatMulV2 when a
    rank is unknown or above 2 (transposes become adjoints), else adjoints
    become transposes and it is SparseMatMul (a sparse flag with float32
    operands), BatchMatMulV3 (an `output_type` other than the operands'
    dtype) or MatMul.  Flags are tested with Python's truth, then must be
    real bools in the generated wrapper."""
    with name_scope(g, name, "MatMul") as scope:
        if truth(transpose_a) and truth(adjoint_a):
            raise _only_one("a", transpose_a, adjoint_a)
        if truth(transpose_b) and truth(adjoint_b):
            raise _only_one("b", transpose_b, adjoint_b)
        a = convert_to_tensor(g, a, name="a")
        b = convert_to_tensor(g, b, name="b", dtype_hint=a.dtype)
        batch = a.shape is None or len(a.shape) > 2 or b.shape is None or len(b.shape) > 2
        use_v3 = truth(output_type) and (as_dtype(output_type) != a.dtype
                                         or as_dtype(output_type) != b.dtype)
        if not truth(a_is_sparse) and not truth(b_is_sparse) and batch:
            if truth(transpose_a):
                a, adjoint_a = conj(g, a), True
            if truth(transpose_b):
                b, adjoint_b = conj(g, b), True
            if use_v3:
                return gen_batch_mat_mul_v3(g, a, b, output_type, adjoint_a, adjoint_b, grad_a,
                                            grad_b, scope)
            return gen_batch_mat_mul_v2(g, a, b, adjoint_a, adjoint_b, grad_a, grad_b, scope)
        if truth(adjoint_a):
            a, transpose_a = conj(g, a), True
        if truth(adjoint_b):
            b, transpose_b = conj(g, b), True
        use_sparse = False
        if truth(a_is_sparse) or truth(b_is_sparse):
            sparse_types = ("bfloat16", "float32")
            use_sparse = a.dtype in sparse_types and b.dtype in sparse_types
        if use_sparse:
            return gen_sparse_mat_mul(g, a, b, transpose_a, transpose_b, a_is_sparse,
                                      b_is_sparse, scope)
        if use_v3:
            adjoint_a = adjoint_a if truth(adjoint_a) else transpose_a
            adjoint_b = adjoint_b if truth(adjoint_b) else transpose_b
            return gen_batch_mat_mul_v3(g, a, b, output_type, adjoint_a, adjoint_b, grad_a,
                                        grad_b, scope)
        return gen_mat_mul(g, a, b, transpose_a, transpose_b, grad_a, grad_b, scope)


def _only_one(side: str, transpose, adjoint) -> TFValueError:
    return TFValueError(f"Only one of `transpose_{side}` and `adjoint_{side}` can be True. "
                        f"Received `transpose_{side}`={py_str(transpose)}, "
                        f"`adjoint_{side}`={py_str(adjoint)}.")


# ============================================================= operators


def _add_dispatch(g: Graph, x: Tensor, y, name) -> Tensor:
    """`math_ops._add_dispatch` (`Tensor.__add__`): a non-Tensor `y` is
    converted preferring x's dtype (`add/y`); strings use Add."""
    if not isinstance(y, Tensor):
        y = convert_to_tensor(g, y, name="y", dtype_hint=x.dtype)
    return gen_binary(g, "Add" if x.dtype == "string" else "AddV2", x, y, name)


def _mul_dispatch_factory(g: Graph, x, y, name) -> Tensor:
    """`tensor_math_operator_overrides._mul_dispatch_factory`: a bool Tensor
    operand (a Variable does not count) makes it cast both sides to int32,
    multiply and cast back to bool."""
    if any(isinstance(t, Tensor) and t.dtype == "bool" for t in (x, y)):
        product = multiply(g, gen_cast(g, x, "int32"), gen_cast(g, y, "int32"), name)
        return gen_cast(g, product, "bool")
    return multiply(g, x, y, name)


def _matmul_wrapper(g: Graph, a, b, name) -> Tensor:
    """`math_ops.matmul_wrapper`."""
    return matmul(g, a, b, name=name)


#: symbol -> (the operator's name, `op_name` of `override_binary_operator_helper`, its func)
OPERATORS = {"+": ("add", _add_dispatch), "-": ("sub", subtract),
             "*": ("mul", _mul_dispatch_factory), "/": ("truediv", truediv),
             "@": ("matmul", _matmul_wrapper)}

def binary_operator(g: Graph, symbol: str, x, y) -> Tensor:
    """`x <symbol> y` with a Tensor or Variable on either side, dispatched
    as Python does: the left operand's operator if it has one (a Variable's
    runs on its snapshot), else the right one's reflected operator."""
    op_name, func = OPERATORS[symbol]
    if is_tensor_like(x):
        return binary_op_wrapper(g, op_name, func, _value(x), y)
    if isinstance(x, PyObject) and x.is_tensor_shape and symbol == "+":
        raise _tensor_shape_concatenate(g, y)
    return r_binary_op_wrapper(g, op_name, func, _value(y), x)


def binary_op_wrapper(g: Graph, op_name: str, func, x: Tensor, y) -> Tensor:
    """`override_binary_operator.binary_op_wrapper`: `func(x, y)` inside
    `name_scope(None, op_name)`; if it raises TypeError/ValueError and `y`
    has the reflected operator, `y.__r<op>__(x)` is tried inside that same
    scope (a Tensor's opens `<op>/<op>` and may leave ops there); if that
    fails too, the first error is raised.  The other operands' reflected
    operators return NotImplemented (Python numbers), raise (a TensorShape's
    `__radd__` on a tensor) or do not exist: the first error again."""
    with name_scope(g, None, op_name) as scope:
        try:
            return func(g, x, y, scope)
        except TFError as e:
            if not _catches(e) or not is_tensor_like(y):
                raise
            try:
                return r_binary_op_wrapper(g, op_name, func, _value(y), x)
            except TFError as reflected:
                if not _catches(reflected):
                    raise
            raise e


def r_binary_op_wrapper(g: Graph, op_name: str, func, y: Tensor, x) -> Tensor:
    """`override_binary_operator.r_binary_op_wrapper` (`y.__r<op>__(x)`): in
    `name_scope(None, op_name)`, `x` converted strictly to y's dtype
    (`add/x`), then `func(x, y)`."""
    with name_scope(g, None, op_name) as scope:
        x = convert_to_tensor(g, x, y.dtype, name="x")
        return func(g, x, y, scope)


def _tensor_shape_concatenate(g: Graph, other) -> TFTypeError:
    """`TensorShape.__add__(tensor)` (`shape + t`): `as_shape(t)` fails on
    `Dimension(t)`; a Variable makes a `read` Identity on the way."""
    if isinstance(other, Variable):
        g.create_op("Identity", "read", outputs=((other.shape, other.dtype),))
    return TFTypeError(f"Dimension value must be integer or None or have an __index__ method, "
                       f"got value '{py_repr(other)}' with type '<class "
                       f"'{_CLASS_PATHS[type(other)]}'>'")


def negate(g: Graph, x) -> Tensor:
    """`-x` of a Tensor or Variable: `Tensor.__neg__` is `gen_math_ops.neg`."""
    return gen_unary(g, "Neg", _value(x))


# ====================================================== the functions


@dataclass(frozen=True)
class Signature:
    """How a function binds its arguments: `dispatch` (the
    `add_dispatch_support` wrapper's C++ binding and its messages) or
    Python's own binding (the generated `relu`, `tanh`)."""

    params: tuple[str, ...]
    required: int
    dispatch: bool


_MATMUL_PARAMS = ("a", "b", "transpose_a", "transpose_b", "adjoint_a", "adjoint_b", "a_is_sparse",
                  "b_is_sparse", "output_type", "grad_a", "grad_b", "name")

#: The language's functions: (signature, implementation).
FUNCTIONS = {
    "add": (Signature(("x", "y", "name"), 2, True), add),
    "multiply": (Signature(("x", "y", "name"), 2, True), multiply),
    "matmul": (Signature(_MATMUL_PARAMS, 2, True), matmul),
    "sigmoid": (Signature(("x", "name"), 1, True), sigmoid),
    "identity": (Signature(("input", "name"), 1, True), identity),
    "relu": (Signature(("features", "name"), 1, False), relu),
    "tanh": (Signature(("x", "name"), 1, False), tanh),
}


def call(g: Graph, func: str, args: list, name: str | None = None) -> Tensor:
    """`tf.<func>(*args, name=name)` (`name` is the `name="..."` option,
    None when absent); `neg` is unary minus."""
    if func == "neg":
        return negate(g, args[0])
    signature, function = FUNCTIONS[func]
    bind(func, signature, len(args), name is not None)
    return function(g, *args) if name is None else function(g, *args, name=name)


def bind(func: str, sig: Signature, given: int, name_keyword: bool) -> None:
    """The argument-binding errors: `dispatch.add_dispatch_support`'s
    ("Too many arguments were given...", "Got multiple values...",
    "Missing required positional argument") or Python's."""
    total = len(sig.params)
    if sig.dispatch:
        if given > total:
            raise PyError("TypeError", f"Too many arguments were given. Expected {total} but "
                                       f"got {given}.")
        if name_keyword and given == total:
            raise PyError("TypeError", "Got multiple values for argument 'name'")
        if given < sig.required:
            raise PyError("TypeError", "Missing required positional argument")
        return
    if name_keyword and given >= total:
        raise PyError("TypeError", f"{func}() got multiple values for argument 'name'")
    if given > total:
        raise PyError("TypeError", f"{func}() takes from {sig.required} to {total} positional "
                                   f"arguments but {given} were given")
    if given < sig.required:
        missing = sig.params[given:sig.required]
        quoted = " and ".join(f"'{m}'" for m in missing)
        plural = "s" if len(missing) > 1 else ""
        raise PyError("TypeError", f"{func}() missing {len(missing)} required positional "
                                   f"argument{plural}: {quoted}")
