"""The math ops of the language, named, typed and shaped as TensorFlow does.

Python operators go through `override_binary_operator.binary_op_wrapper`:
`name_scope(None, "add")`, the Python operand converted inside it (`add/y`,
or `add/x` for a Python number on the left), then the op created with the
scope's exact name.  The named functions (`tf.add` ...) go through
`_apply_op_helper` directly, default-named after the op (`Add`).  Integer
`/` casts both sides to float64 first (`truediv/Cast`, `truediv/Cast_1`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PyError, TFTypeError, TFValueError
from .graph import Graph, Op, Tensor
from .ops import check_convertible, constant, generated, python_dtype
from .shapes import Shape

_NUMERIC = ("bfloat16, float16, float32, float64, uint8, uint16, uint32, uint64, int8, int16, "
            "int32, int64, complex64, complex128")
_FLOATS = "bfloat16, float16, float32, float64, complex64, complex128"
_SIGNED = "bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128"
_DT = {"float16": "DT_HALF", "float32": "DT_FLOAT", "float64": "DT_DOUBLE", "int32": "DT_INT32",
       "int64": "DT_INT64", "bool": "DT_BOOL", "string": "DT_STRING"}


@dataclass(frozen=True)
class OpDef:
    """What `_apply_op_helper` needs to know of an op."""

    type: str
    inputs: tuple[str, ...]
    allowed: str | None          # TensorFlow's list of allowed dtypes, None = any
    shape_fn: str                # "broadcast", "matmul" or "same"


OPS = {
    "AddV2": OpDef("AddV2", ("x", "y"), _NUMERIC, "broadcast"),
    "Sub": OpDef("Sub", ("x", "y"), _NUMERIC, "broadcast"),
    "Mul": OpDef("Mul", ("x", "y"), _NUMERIC, "broadcast"),
    "RealDiv": OpDef("RealDiv", ("x", "y"), _NUMERIC, "broadcast"),
    "MatMul": OpDef("MatMul", ("a", "b"), _NUMERIC, "matmul"),
    "Relu": OpDef("Relu", ("features",), _NUMERIC, "same"),
    "Tanh": OpDef("Tanh", ("x",), _FLOATS, "same"),
    "Sigmoid": OpDef("Sigmoid", ("x",), _FLOATS, "same"),
    "Identity": OpDef("Identity", ("input",), None, "same"),
    "Neg": OpDef("Neg", ("x",), _SIGNED, "same"),
}

#: Python operator -> (name scope, op type)
OPERATORS = {"+": ("add", "AddV2"), "-": ("sub", "Sub"), "*": ("mul", "Mul"),
             "/": ("truediv", "RealDiv"), "@": ("matmul", "MatMul")}

#: language function -> (default op name, op type)
FUNCTIONS = {"add": ("Add", "AddV2"), "multiply": ("Mul", "Mul"), "matmul": ("MatMul", "MatMul"),
             "relu": ("Relu", "Relu"), "tanh": ("Tanh", "Tanh"), "sigmoid": ("Sigmoid", "Sigmoid"),
             "identity": ("Identity", "Identity"), "neg": ("Neg", "Neg")}

_MATMUL_ATTRS = ", grad_a=false, grad_b=false, transpose_a=false, transpose_b=false"


def binary_operator(g: Graph, symbol: str, x, y) -> Tensor:
    """`x <symbol> y` with at least one Tensor operand."""
    scope_name, op_type = OPERATORS[symbol]
    with g.name_scope(scope_name) as scope:
        if isinstance(x, Tensor):
            y = _convert_preferring(g, y, x.dtype, "y")
        else:
            x = _convert_strict(g, x, y.dtype, "x")
        if symbol == "/" and x.dtype in ("int32", "int64") and x.dtype == y.dtype:
            x, y = _cast(g, x), _cast(g, y)
        return apply_op(g, op_type, scope, [x, y])


def call(g: Graph, func: str, args: list, name: str | None) -> Tensor:
    """`tf.<func>(*args, name=name)`."""
    default_name, op_type = FUNCTIONS[func]
    arg_names = OPS[op_type].inputs
    if len(args) != len(arg_names):
        raise _arity_error(func, arg_names, len(args))
    with g.name_scope(name or default_name) as scope:
        if op_type == "MatMul":
            args = _matmul_operands(g, *args)
        return apply_op(g, op_type, scope, args)


def _matmul_operands(g: Graph, a, b) -> list:
    """`math_ops.matmul` converts its operands itself, inside its scope: `a` by
    its own dtype, then `b` preferring `a`'s (so `matmul(int_t, 2.0)` makes a
    float32 `MatMul/b` and then fails on the dtypes)."""
    if not isinstance(a, Tensor):
        _check_python_operand(a)
        a = constant(g, python_dtype(a), (), "a")
    return [a, _convert_preferring(g, b, a.dtype, "b")]


def apply_op(g: Graph, op_type: str, scope: str, inputs: list) -> Tensor:
    """`_apply_op_helper` inside the op's scope: convert Python inputs in order
    (with the dtype the earlier inputs fixed), check dtypes, infer the shape,
    create the op."""
    opdef = OPS[op_type]
    dtype = None
    tensors = []
    for arg, value in zip(opdef.inputs, inputs):
        if not isinstance(value, Tensor):
            value = _convert_for_arg(g, value, dtype, arg, op_type)
        if dtype is None:
            dtype = value.dtype
            if opdef.allowed is not None and dtype not in opdef.allowed.split(", "):
                raise TFTypeError(f"Value passed to parameter '{arg}' has DataType {dtype} "
                                  f"not in list of allowed values: {opdef.allowed}")
        elif value.dtype != dtype:
            raise TFTypeError(f"Input '{arg}' of '{op_type}' Op has type {value.dtype} that does "
                              f"not match type {dtype} of argument '{opdef.inputs[0]}'.")
        tensors.append(value)
    op_name = scope[:-1]
    shape = _infer_shape(opdef, op_name, dtype, tensors)
    return generated(g, op_type, scope, shape, dtype)


# ------------------------------------------------------------ conversion


def _convert_preferring(g: Graph, value, dtype: str, name: str) -> Tensor:
    """`convert_to_tensor(value, dtype_hint=dtype)`: falls back to the value's
    own dtype when it does not convert (the op then reports the mismatch)."""
    if isinstance(value, Tensor):
        return value
    _check_python_operand(value)
    try:
        check_convertible(value, dtype)
    except TFTypeError:
        dtype = python_dtype(value)
    return constant(g, dtype, (), name)


def _convert_strict(g: Graph, value, dtype: str, name: str) -> Tensor:
    """`convert_to_tensor(value, dtype=dtype)` of the reflected operators."""
    _check_python_operand(value)
    check_convertible(value, dtype)
    return constant(g, dtype, (), name)


def _convert_for_arg(g: Graph, value, dtype: str | None, arg: str, op_type: str) -> Tensor:
    _check_python_operand(value)
    if dtype is None:
        return constant(g, python_dtype(value), (), arg)
    try:
        check_convertible(value, dtype)
    except TFTypeError as e:
        raise TFTypeError(f"Expected {dtype} passed to parameter '{arg}' of op '{op_type}', got "
                          f"{value!r} of type '{type(value).__name__}' instead. Error: {e}") from None
    return constant(g, dtype, (), arg)


def _check_python_operand(value) -> None:
    """What `convert_to_tensor` says of values that are not numbers or strings."""
    if value is None:
        raise TFValueError("None values not supported.")
    if isinstance(value, Op):
        raise TFTypeError(f"can't convert Operation '{value.name}' to Tensor")
    if not isinstance(value, (bool, int, float, str)):
        raise TFTypeError(f"Attempt to convert a value ({value!r}) with an unsupported type "
                          f"({type(value)}) to a Tensor.")


def _cast(g: Graph, t: Tensor) -> Tensor:
    with g.name_scope("Cast") as scope:
        return generated(g, "Cast", scope, t.shape, "float64")


# --------------------------------------------------------- shape inference


def _infer_shape(opdef: OpDef, op_name: str, dtype: str, inputs: list[Tensor]) -> Shape:
    if opdef.shape_fn == "same":
        return inputs[0].shape
    if opdef.shape_fn == "matmul":
        return _matmul_shape(opdef, op_name, dtype, inputs)
    return _broadcast_shape(opdef, op_name, dtype, inputs)


def _node_text(opdef: OpDef, op_name: str, dtype: str, inputs: list[Tensor]) -> str:
    attrs = f"T={_DT.get(dtype, dtype)}" + (_MATMUL_ATTRS if opdef.type == "MatMul" else "")
    names = ", ".join(t.op.name if t.index == 0 else t.name for t in inputs)
    shapes = ", ".join(_shape_text(t.shape) for t in inputs)
    return f"'{{{{node {op_name}}}}} = {opdef.type}[{attrs}]({names})' with input shapes: {shapes}."


def _shape_text(shape: Shape) -> str:
    if shape is None:
        return "?"
    return "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


def _broadcast_shape(opdef, op_name, dtype, inputs) -> Shape:
    """`BroadcastBinaryOpShapeFn`: numpy broadcasting from the right."""
    a, b = inputs[0].shape, inputs[1].shape
    if a is None or b is None:
        return None
    out = []
    for i in range(1, max(len(a), len(b)) + 1):
        da = a[-i] if i <= len(a) else 1
        db = b[-i] if i <= len(b) else 1
        if da == 1:
            out.append(db)
        elif db == 1:
            out.append(da)
        elif da is None or db is None:
            out.append(da if db is None else db)
        elif da != db:
            raise TFValueError(f"Dimensions must be equal, but are {da} and {db} for "
                               + _node_text(opdef, op_name, dtype, inputs))
        else:
            out.append(da)
    return tuple(reversed(out))


def _matmul_shape(opdef, op_name, dtype, inputs) -> Shape:
    a, b = inputs[0].shape, inputs[1].shape
    for s in (a, b):
        if s is not None and len(s) != 2:
            raise TFValueError(f"Shape must be rank 2 but is rank {len(s)} for "
                               + _node_text(opdef, op_name, dtype, inputs))
    if a is None or b is None:
        return (None if a is None else a[0], None if b is None else b[1])
    if a[1] is not None and b[0] is not None and a[1] != b[0]:
        raise TFValueError(f"Dimensions must be equal, but are {a[1]} and {b[0]} for "
                           + _node_text(opdef, op_name, dtype, inputs))
    return (a[0], b[1])


def _arity_error(func: str, arg_names: tuple[str, ...], given: int) -> PyError:
    if given < len(arg_names):
        missing = arg_names[given:]
        quoted = " and ".join(f"'{m}'" for m in missing)
        plural = "s" if len(missing) > 1 else ""
        return PyError("TypeError", f"{func}() missing {len(missing)} required positional "
                                    f"argument{plural}: {quoted}")
    total = len(arg_names) + 1
    return PyError("TypeError", f"{func}() takes from {len(arg_names)} to {total} positional "
                                f"arguments but {given} were given")
