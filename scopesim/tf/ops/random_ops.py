"""`ops/random_ops.py`: random_normal, truncated_normal."""

from __future__ import annotations

from ...engine.graph import get_default_graph
from ...engine.initializers import random_normal as _random_normal
from ...errors import NotSimulated
from ..framework.dtypes import base_name
from ..framework.tensor_shape import dims_of


def _check_scalars(func: str, **values) -> None:
    for key, value in values.items():
        if not isinstance(value, (int, float)):
            raise NotSimulated(f"tf.{func}({key}=<a tensor>)")


def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None, name=None):
    """`tf.random.normal`: shape, mean, stddev, RandomStandardNormal, mul, add."""
    _check_scalars("random_normal", mean=mean, stddev=stddev)
    return _random_normal(get_default_graph(), name or "random_normal", "RandomStandardNormal",
                          dims_of(shape), base_name(dtype))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None, name=None):
    """`tf.random.truncated_normal`."""
    _check_scalars("truncated_normal", mean=mean, stddev=stddev)
    return _random_normal(get_default_graph(), name or "truncated_normal", "TruncatedNormal",
                          dims_of(shape), base_name(dtype))
