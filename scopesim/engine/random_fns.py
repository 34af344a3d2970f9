"""The random functions of issue 8, as `ops/random_ops.py` of TF 2.21
builds them in graph mode: `random_normal`, `truncated_normal`,
`random_uniform` (the shape through `shape_util.shape_tensor`, the Python
arguments converted as `mean`/`stddev` or `min`/`max`, then the generated
sampler and Tensor arithmetic).  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .convert import convert_to_tensor
from .gen_ops import make_type
from .graph import Graph, Tensor
from .initializers import _seed_attrs
from .math import add, binary_operator, multiply
from .opdef import apply_op, graph_from_inputs, name_scope
from .tensor_shape import Dimension


def shape_tensor(g: Graph, shape) -> Tensor:
    """`shape_util.shape_tensor`: an empty list or tuple is int32; Dimensions
    unwrapped; converted as `shape`."""
    dtype = None
    if isinstance(shape, (list, tuple)):
        if not shape:
            dtype = "int32"
        else:
            shape = tuple(d.value if isinstance(d, Dimension) else d for d in shape)
    return convert_to_tensor(g, shape, dtype, name="shape")


def _sampler(g: Graph, op_type: str, shape_t: Tensor, dtype: str, seed, name=None) -> Tensor:
    attrs = {"dtype": dtype, **_seed_attrs(seed)}
    return apply_op(g, op_type, name, [shape_t], attrs, out_dtype=dtype)


def normal(g: Graph, op_type: str, default: str, shape, mean=0.0, stddev=1.0, dtype="float32",
           seed=None, name=None) -> Tensor:
    """`random_ops.random_normal` / `truncated_normal` (`op_type`
    RandomStandardNormal / TruncatedNormal): in its scope `shape`, `mean`,
    `stddev`, the sampler, `mul`, and the `add` named by the scope."""
    dtype = make_type(dtype, "dtype")
    g = graph_from_inputs(g, (shape, mean, stddev))
    with name_scope(g, name, default) as scope:
        shape_t = shape_tensor(g, shape)
        mean_t = convert_to_tensor(g, mean, dtype, name="mean")
        stddev_t = convert_to_tensor(g, stddev, dtype, name="stddev")
        rnd = _sampler(g, op_type, shape_t, dtype, seed)
        mul = binary_operator(g, "*", rnd, stddev_t)
        return add(g, mul, mean_t, name=scope)


_UNIFORM_DTYPES = ("float16", "bfloat16", "float32", "float64", "int32", "int64")


def uniform(g: Graph, shape, minval=0, maxval=None, dtype="float32", seed=None,
            name=None) -> Tensor:
    """`random_ops.random_uniform`: [0, 1) floats are the RandomUniform
    alone; other bounds are converted (`min`, `max`) and scale it
    (`mul`, or `sub`, `mul` and the `add`); integers are RandomUniformInt."""
    dtype = make_type(dtype, "dtype")
    if dtype not in _UNIFORM_DTYPES:
        accepted = ", ".join(f"tf.{d}" for d in _UNIFORM_DTYPES)
        raise TFValueError(f"Argument `dtype` got invalid value <dtype: '{dtype}'>. Accepted "
                           f"dtypes are ({accepted}).")
    integer = dtype in ("int32", "int64")
    if maxval is None:
        if integer:
            raise TFValueError(f"Must specify maxval for integer dtype tf.{dtype}")
        maxval = 1
    g = graph_from_inputs(g, (shape, minval, maxval))
    with name_scope(g, name, "random_uniform") as scope:
        shape_t = shape_tensor(g, shape)
        minval_is_zero = type(minval) is int and minval == 0
        maxval_is_one = type(maxval) is int and maxval == 1
        if not minval_is_zero or not maxval_is_one or integer:
            minval = convert_to_tensor(g, minval, dtype, name="min")
            maxval = convert_to_tensor(g, maxval, dtype, name="max")
        if integer:
            attrs = _seed_attrs(seed)
            return apply_op(g, "RandomUniformInt", scope, [shape_t, minval, maxval], attrs)
        result = _sampler(g, "RandomUniform", shape_t, dtype, seed)
        if minval_is_zero:
            if not maxval_is_one:
                result = multiply(g, result, maxval)
            return result
        width = binary_operator(g, "-", maxval, minval)
        return add(g, binary_operator(g, "*", result, width), minval, name=scope)
