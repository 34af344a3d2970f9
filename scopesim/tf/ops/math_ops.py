"""`ops/math_ops.py`: the math functions, and Python's operators on
tensors attached to `Tensor` as `override_binary_operator` does (the rules
are in `scopesim.engine.math`)."""

from __future__ import annotations

from ..framework.dtypes import as_dtype as _as_dtype

from ...engine import math as _m
from ...engine import math_fns as _mf
from ...engine.array_fns import range_ as _range
from ...engine.gen_ops import make_type as _make_type
from ...engine.graph import _GLOBAL, _GRAPH_STACK, Tensor, get_default_graph
from ...errors import NotSimulated
from ..framework.dtypes import int64 as _int64
from ..util.dispatch import add_dispatch_support


@add_dispatch_support
def add(x, y, name=None):
    """`tf.math.add`."""
    return _m.add(get_default_graph(), x, y, name)


@add_dispatch_support
def multiply(x, y, name=None):
    """`tf.math.multiply`."""
    return _m.multiply(get_default_graph(), x, y, name)


def subtract(x, y, name=None):
    """`tf.math.subtract`."""
    return _m.subtract(get_default_graph(), x, y, name)


@add_dispatch_support
def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, grad_a=False, grad_b=False,
           name=None):
    """`tf.linalg.matmul`."""
    return _m.matmul(_GRAPH_STACK[-1] if _GRAPH_STACK else _GLOBAL[0],    # `get_default_graph()`
                     a, b, transpose_a, transpose_b, adjoint_a, adjoint_b, a_is_sparse,
                     b_is_sparse, output_type, grad_a, grad_b, name)


def tanh(x, name=None):
    """`tf.math.tanh` (`gen_math_ops.tanh`)."""
    return _m.tanh(get_default_graph(), x, name)


@add_dispatch_support
def sigmoid(x, name=None):
    """`tf.math.sigmoid`."""
    return _m.sigmoid(get_default_graph(), x, name)


def truediv(x, y, name=None):
    """`tf.math.truediv` (`_truediv_python3`)."""
    return _m.truediv(get_default_graph(), x, y, name)


@add_dispatch_support
def cast(x, dtype, name=None):
    """`tf.cast` (`math_ops.cast`)."""
    return _m.cast(get_default_graph(), x, _as_dtype(dtype).base_dtype.name, name)


def _dtype(dtype):
    """A `dtype=` argument as TensorFlow's Python reads it: `as_dtype(dtype).base_dtype`."""
    return None if dtype is None else _as_dtype(dtype).base_dtype.name


@add_dispatch_support
def to_float(x, name="ToFloat"):
    """`tf.compat.v1.to_float` (`math_ops.to_float`)."""
    return _m.cast(get_default_graph(), x, "float32", name)


@add_dispatch_support
def to_double(x, name="ToDouble"):
    """`tf.compat.v1.to_double` (`math_ops.to_double`)."""
    return _m.cast(get_default_graph(), x, "float64", name)


@add_dispatch_support
def to_int32(x, name="ToInt32"):
    """`tf.compat.v1.to_int32` (`math_ops.to_int32`)."""
    return _m.cast(get_default_graph(), x, "int32", name)


@add_dispatch_support
def to_int64(x, name="ToInt64"):
    """`tf.compat.v1.to_int64` (`math_ops.to_int64`)."""
    return _m.cast(get_default_graph(), x, "int64", name)


@add_dispatch_support
def range(start, limit=None, delta=1, dtype=None, name="range"):  # noqa: A001
    """`tf.range` (`math_ops.range`)."""
    return _range(get_default_graph(), start, limit, delta, _dtype(dtype), name)


def _reduction(func: str, op_type: str):
    def reduce(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None,
               keep_dims=None):
        return _mf.reduce(get_default_graph(), op_type, input_tensor, axis, keepdims, name,
                          reduction_indices, keep_dims)
    reduce.__name__ = reduce.__qualname__ = func
    reduce.__doc__ = f"`tf.compat.v1.{func}` (`math_ops.{func}_v1`)."
    return add_dispatch_support(reduce)


reduce_sum = _reduction("reduce_sum", "Sum")
reduce_mean = _reduction("reduce_mean", "Mean")
reduce_max = _reduction("reduce_max", "Max")
reduce_min = _reduction("reduce_min", "Min")
reduce_prod = _reduction("reduce_prod", "Prod")


@add_dispatch_support
def argmax(input, axis=None, name=None, dimension=None, output_type=_int64):  # noqa: A002
    """`tf.compat.v1.argmax` (`math_ops.argmax`)."""
    return _mf.arg_min_max(get_default_graph(), "ArgMax", input, axis, name, dimension,
                           _dtype(output_type))


@add_dispatch_support
def argmin(input, axis=None, name=None, dimension=None, output_type=_int64):  # noqa: A002
    """`tf.compat.v1.argmin` (`math_ops.argmin`)."""
    return _mf.arg_min_max(get_default_graph(), "ArgMin", input, axis, name, dimension,
                           _dtype(output_type))


@add_dispatch_support
def add_n(inputs, name=None):
    """`tf.math.add_n` (`math_ops.add_n`)."""
    return _mf.add_n(get_default_graph(), inputs, name)


@add_dispatch_support
def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """`tf.clip_by_value` (`clip_ops.clip_by_value`)."""
    return _mf.clip_by_value(get_default_graph(), t, clip_value_min, clip_value_max, name)


@add_dispatch_support
def maximum(x, y, name=None):
    """`tf.math.maximum` (`gen_math_ops.maximum`)."""
    return _mf.binary(get_default_graph(), "Maximum", x, y, name)


@add_dispatch_support
def minimum(x, y, name=None):
    """`tf.math.minimum` (`gen_math_ops.minimum`)."""
    return _mf.binary(get_default_graph(), "Minimum", x, y, name)


@add_dispatch_support
def equal(x, y, name=None):
    """`tf.math.equal` (`math_ops.equal`)."""
    return _mf.equality(get_default_graph(), "Equal", x, y, name)


@add_dispatch_support
def not_equal(x, y, name=None):
    """`tf.math.not_equal` (`math_ops.not_equal`)."""
    return _mf.equality(get_default_graph(), "NotEqual", x, y, name)


def _unary_op(func: str, op_type: str):
    def op(x, name=None):
        return _mf.unary(get_default_graph(), op_type, x, name)
    op.__name__ = op.__qualname__ = func
    op.__doc__ = f"`tf.math.{func}` (`gen_math_ops.{func}`)."
    return add_dispatch_support(op)


@add_dispatch_support
def tensordot(a, b, axes, name=None):
    """`tf.tensordot` (`math_ops.tensordot`)."""
    from ...engine import contraction as _contraction   # on first use: its import is costly
    return _contraction.tensordot(get_default_graph(), a, b, axes, name)


def einsum(equation, *inputs, **kwargs):
    """`tf.einsum` (`special_math_ops.einsum` -> `_einsum_v2`; Python binds
    its *inputs)."""
    name = kwargs.pop("name", None)
    optimize = kwargs.pop("optimize", "greedy")
    if kwargs:
        raise TypeError(f"Invalid keyword arguments for einsum: {', '.join(kwargs)}. "
                        f"Valid arguments: name, optimize, greedy.")
    del optimize
    from ...engine import contraction as _contraction
    return _contraction.einsum(get_default_graph(), equation, inputs, name)


sqrt = _unary_op("sqrt", "Sqrt")
rsqrt = _unary_op("rsqrt", "Rsqrt")
exp = _unary_op("exp", "Exp")
log = _unary_op("log", "Log")


# ------------------------------------------------------------ operators


def _binary(op_name: str, func) -> None:
    """`override_binary_operator.override_binary_operator_helper`: attach
    `__<op>__` (`binary_op_wrapper`) and `__r<op>__` (`r_binary_op_wrapper`)."""
    def binary_op_wrapper(x, y):
        return _m.binary_op_wrapper(x._op._graph, op_name, func, x, y)     # `x.graph`

    def r_binary_op_wrapper(y, x):
        return _m.r_binary_op_wrapper(y.graph, op_name, func, y, x)
    name = op_name
    binary_op_wrapper.__name__ = f"__{name}__"
    r_binary_op_wrapper.__name__ = f"__r{name}__"
    setattr(Tensor, f"__{name}__", binary_op_wrapper)
    setattr(Tensor, f"__r{name}__", r_binary_op_wrapper)


def _comparison(op_type: str, name: str):
    """`Tensor.__lt__` and friends: `gen_math_ops.less` ... on (self, other)."""
    def operator(x, y):
        return _m.compare(x.graph, op_type, x, y)
    operator.__name__ = name
    return operator


def floordiv(x, y, name=None):
    """`tf.math.floordiv`."""
    return _m.floordiv(get_default_graph(), x, y, name)


def floormod(x, y, name=None):
    """`tf.math.floormod` (`tf.mod`)."""
    return _m.floormod(get_default_graph(), x, y, name)


def pow(x, y, name=None):  # noqa: A001
    """`tf.math.pow`."""
    return _m.pow(get_default_graph(), x, y, name)


def abs(x, name=None):  # noqa: A001
    """`tf.math.abs`."""
    return _m.abs(get_default_graph(), x, name)


def less(x, y, name=None):
    """`tf.math.less`."""
    return _m.compare(get_default_graph(), "Less", x, y, name)


def less_equal(x, y, name=None):
    return _m.compare(get_default_graph(), "LessEqual", x, y, name)


def greater(x, y, name=None):
    """`tf.math.greater`."""
    return _m.compare(get_default_graph(), "Greater", x, y, name)


def greater_equal(x, y, name=None):
    return _m.compare(get_default_graph(), "GreaterEqual", x, y, name)


def logical_and(x, y, name=None):
    """`tf.math.logical_and` (`gen_math_ops.logical_and`)."""
    return _m.gen_binary(get_default_graph(), "LogicalAnd", x, y, name)


def logical_or(x, y, name=None):
    """`tf.math.logical_or` (`gen_math_ops.logical_or`)."""
    return _m.gen_binary(get_default_graph(), "LogicalOr", x, y, name)


def logical_not(x, name=None):
    """`tf.math.logical_not` (`gen_math_ops.logical_not`)."""
    return _m.gen_unary(get_default_graph(), "LogicalNot", x, name)


def logical_xor(x, y, name="LogicalXor"):
    """`tf.math.logical_xor`."""
    return _m.logical_xor(get_default_graph(), x, y, name)


def divide(x, y, name=None):
    """`tf.math.divide`."""
    return _m.divide(get_default_graph(), x, y, name)


def div(x, y, name=None):
    """`tf.compat.v1.div` (`math_ops._div_python2`)."""
    return _m.div(get_default_graph(), x, y, name)


def negative(x, name=None):
    """`tf.math.negative` (`gen_math_ops.neg`)."""
    return _m.negative(get_default_graph(), x, name)


def square(x, name=None):
    """`tf.math.square` (`gen_math_ops.square`)."""
    return _m.square(get_default_graph(), x, name)


def _invert(x):
    """`Tensor.__invert__` (`tensor_math_operator_overrides._invert_factory`)."""
    return _m.invert_(x.graph, x)


def _neg(x):
    """`Tensor.__neg__`: `gen_math_ops.neg`."""
    return _m.negate(x.graph, x)


def _not_simulated_operator(name: str):
    def operator(self, *args):
        raise NotSimulated(f"Tensor.{name}")
    operator.__name__ = name
    return operator


def _attach() -> None:
    for symbol, (op_name, func) in _m.OPERATORS.items():
        _binary(op_name, func)
    Tensor.__neg__ = _neg
    Tensor.__abs__ = lambda x: _m.abs(x.graph, x)
    Tensor.__invert__ = _invert
    for name, op_type in (("__lt__", "Less"), ("__le__", "LessEqual"), ("__gt__", "Greater"),
                          ("__ge__", "GreaterEqual")):
        setattr(Tensor, name, _comparison(op_type, name))
    for name in sorted(Tensor.OVERLOADABLE_OPERATORS):
        if name not in Tensor.__dict__:
            setattr(Tensor, name, _not_simulated_operator(name))


_attach()
