"""`ops/random_ops.py`: random_normal, truncated_normal, random_uniform (the
rules are in `scopesim.engine.random_fns`)."""

from __future__ import annotations

from ..framework.dtypes import as_dtype as _as_dtype

from ...engine import random_fns as _rf
from ...engine.graph import get_default_graph
from ..framework.dtypes import float32 as _float32
from ..util.dispatch import add_dispatch_support


def _dtype(dtype):
    """A `dtype=` argument as TensorFlow's Python reads it: `as_dtype(dtype).base_dtype`."""
    return None if dtype is None else _as_dtype(dtype).base_dtype.name


@add_dispatch_support
def random_normal(shape, mean=0.0, stddev=1.0, dtype=_float32, seed=None, name=None):
    """`tf.random.normal` (`random_ops.random_normal`)."""
    return _rf.normal(get_default_graph(), "RandomStandardNormal", "random_normal", shape, mean,
                      stddev, _dtype(dtype), seed, name)


@add_dispatch_support
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=_float32, seed=None, name=None):
    """`tf.random.truncated_normal` (`random_ops.truncated_normal`)."""
    return _rf.normal(get_default_graph(), "TruncatedNormal", "truncated_normal", shape, mean,
                      stddev, _dtype(dtype), seed, name)


@add_dispatch_support
def random_uniform(shape, minval=0, maxval=None, dtype=_float32, seed=None, name=None):
    """`tf.random.uniform` (`random_ops.random_uniform`)."""
    return _rf.uniform(get_default_graph(), shape, minval, maxval, _dtype(dtype), seed, name)
