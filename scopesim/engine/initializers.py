"""The ops each initializer creates inside `<variable>/Initializer/`.

Mirrors `ops/init_ops.py` and the array/random ops they call (TF 2.21), in
TensorFlow's order, failures included: an integer dtype with a random
initializer creates the `shape` constant and then fails converting the
float mean or bound, as TensorFlow does.
"""

from __future__ import annotations

import math

from ..errors import TFValueError
from .graph import Graph, Tensor
from .ops import check_convertible, constant, convert, generated
from .shapes import Shape, num_elements

#: tf.zeros/tf.ones switch from one Const to Fill at this many elements.
FILL_THRESHOLD = 1000

RANDOM_DTYPES = ("float16", "bfloat16", "float32", "float64", "int32", "int64")


def run_initializer(g: Graph, name: str, value, shape: Shape, dtype: str) -> Tensor:
    """Call initializer `name` (`constant` takes `value`) for `shape`, `dtype`."""
    if name in ("zeros", "ones"):
        return fill(g, name, shape, dtype)
    if name == "constant":
        check_convertible(value, dtype)
        return constant(g, dtype, shape)
    if name == "glorot_uniform":
        limit = math.sqrt(3.0 * (1.0 / _fan_avg(shape)))   # VarianceScaling's rounding
        return random_uniform(g, shape, dtype, -limit, limit)
    if name == "random_uniform":
        return random_uniform(g, shape, dtype, 0.0, None)
    if name == "random_normal":
        return random_normal(g, "random_normal", "RandomStandardNormal", shape, dtype)
    if name in ("truncated_normal", "glorot_normal"):
        return random_normal(g, "truncated_normal", "TruncatedNormal", shape, dtype)
    raise AssertionError(f"unknown initializer {name}")


def fill(g: Graph, name: str, shape: Shape, dtype: str, scope_name: str | None = None) -> Tensor:
    """`array_ops.zeros` / `array_ops.ones` (`name` is which; the scope is
    `scope_name` or it): one Const below 1000 elements, else
    `shape_as_tensor`, `Const` and a `Fill` op."""
    with g.name_scope(scope_name or name) as scope:
        if num_elements(shape) < FILL_THRESHOLD:
            return constant(g, dtype, shape, scope)
        constant(g, "int32", (len(shape),), "shape_as_tensor")
        constant(g, dtype, (), "Const")
        return generated(g, "Fill", scope, shape, dtype)


def random_uniform(g: Graph, shape: Shape, dtype: str, minval: float, maxval: float | None) -> Tensor:
    """`random_ops.random_uniform` (floats: RandomUniform, sub, mul, add)."""
    if dtype not in RANDOM_DTYPES:
        accepted = ", ".join("tf." + d for d in RANDOM_DTYPES)
        raise TFValueError(f"Argument `dtype` got invalid value <dtype: '{dtype}'>. "
                           f"Accepted dtypes are ({accepted}).")
    if maxval is None:
        if dtype in ("int32", "int64"):
            raise TFValueError(f"Must specify maxval for integer dtype tf.{dtype}")
        maxval = 1
    with g.name_scope("random_uniform") as scope:
        constant(g, "int32", (len(shape),), "shape")
        convert(g, minval, dtype, "min")
        convert(g, maxval, dtype, "max")
        _op(g, "RandomUniform", "RandomUniform", shape, dtype)
        _op(g, "Sub", "sub", (), dtype)
        _op(g, "Mul", "mul", shape, dtype)
        return generated(g, "AddV2", scope, shape, dtype)


def random_normal(g: Graph, name: str, sampler: str, shape: Shape, dtype: str) -> Tensor:
    """`random_ops.random_normal` / `truncated_normal`: shape, mean, stddev,
    the sampler, mul, add."""
    with g.name_scope(name) as scope:
        constant(g, "int32", (len(shape),), "shape")
        convert(g, 0.0, dtype, "mean")
        convert(g, 1.0, dtype, "stddev")
        _op(g, sampler, sampler, shape, dtype)
        _op(g, "Mul", "mul", shape, dtype)
        return generated(g, "AddV2", scope, shape, dtype)


def _op(g: Graph, op_type: str, name: str, shape: Shape, dtype: str) -> Tensor:
    with g.name_scope(name) as scope:
        return generated(g, op_type, scope, shape, dtype)


def _fan_avg(shape: Shape) -> float:
    """`init_ops._compute_fans` averaged, as VarianceScaling(mode="fan_avg") uses it."""
    if len(shape) < 1:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        fan_in, fan_out = shape
    else:
        receptive = num_elements(shape[:-2])
        fan_in, fan_out = shape[-2] * receptive, shape[-1] * receptive
    return max(1.0, (fan_in + fan_out) / 2.0)
