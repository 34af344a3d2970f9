"""`ops/init_ops.py`: the v1 initializer classes.

Each carries `_scopesim_spec`, the (name, value) pair the engine's
`initializers.run_initializer` builds the ops of; calling one builds them
in the current name scope."""

from __future__ import annotations

from ...engine.graph import get_default_graph
from ...engine.initializers import run_initializer
from ..framework.dtypes import as_dtype, base_name
from ..framework.tensor_shape import dims_of

_MODULE = "tensorflow.python.ops.init_ops"


class Initializer:
    """`init_ops.Initializer`."""

    _kind = ""

    def __init__(self, dtype=None) -> None:
        self.dtype = as_dtype(dtype if dtype is not None else "float32")

    @property
    def _scopesim_spec(self):
        return (self._kind, None)

    def __call__(self, shape, dtype=None, partition_info=None):
        """Build the initializer's ops for `shape` in the current name scope."""
        dt = base_name(dtype, self.dtype.name)
        return run_initializer(get_default_graph(), self._kind, self._scopesim_spec[1],
                               dims_of(shape), dt)

    def get_config(self) -> dict:
        return {"dtype": self.dtype.name}


class Zeros(Initializer):
    """`tf.compat.v1.zeros_initializer`."""

    _kind = "zeros"


class Ones(Initializer):
    """`tf.compat.v1.ones_initializer`."""

    _kind = "ones"


class Constant(Initializer):
    """`tf.compat.v1.constant_initializer(value=0, dtype=float32, verify_shape=False)`."""

    _kind = "constant"

    def __init__(self, value=0, dtype=None, verify_shape=False) -> None:
        super().__init__(dtype)
        self.value = value
        self._verify_shape = verify_shape

    @property
    def _scopesim_spec(self):
        return ("constant", self.value)


class RandomNormal(Initializer):
    """`tf.compat.v1.random_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype)`."""

    _kind = "random_normal"

    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=None) -> None:
        super().__init__(dtype)
        self.mean, self.stddev, self.seed = mean, stddev, seed


class TruncatedNormal(RandomNormal):
    """`tf.compat.v1.truncated_normal_initializer`."""

    _kind = "truncated_normal"


class RandomUniform(Initializer):
    """`tf.compat.v1.random_uniform_initializer(minval=0, maxval=None, seed=None, dtype)`."""

    _kind = "random_uniform"

    def __init__(self, minval=0, maxval=None, seed=None, dtype=None) -> None:
        super().__init__(dtype)
        self.minval, self.maxval, self.seed = minval, maxval, seed


class GlorotUniform(Initializer):
    """`tf.compat.v1.glorot_uniform_initializer(seed=None, dtype)`."""

    _kind = "glorot_uniform"

    def __init__(self, seed=None, dtype=None) -> None:
        super().__init__(dtype)
        self.seed = seed


class GlorotNormal(GlorotUniform):
    """`tf.compat.v1.glorot_normal_initializer(seed=None, dtype)`."""

    _kind = "glorot_normal"


for _cls in (Initializer, Zeros, Ones, Constant, RandomNormal, TruncatedNormal, RandomUniform,
             GlorotUniform, GlorotNormal):
    _cls.__module__ = _MODULE

zeros_initializer = Zeros
ones_initializer = Ones
constant_initializer = Constant
random_normal_initializer = RandomNormal
truncated_normal_initializer = TruncatedNormal
random_uniform_initializer = RandomUniform
glorot_uniform_initializer = GlorotUniform
glorot_normal_initializer = GlorotNormal
