"""`ops/init_ops.py`: the v1 initializer classes (TF 2.21), with
TensorFlow's constructor parameters, checks, `get_config()` and `__call__`;
the ops each call builds are in `scopesim.engine.initializers`."""

from __future__ import annotations

import numbers

from ...engine import initializers as _ops
from ...engine.graph import get_default_graph
from ..framework.dtypes import as_dtype, float32
from ..framework.tensor_shape import dims_of

_MODULE = "tensorflow.python.ops.init_ops"


def _dims(shape) -> tuple:
    """A shape argument (a list, tuple or TensorShape) as a dims tuple."""
    return dims_of(shape)


def _shape_arg(shape):
    """The shape `array_ops.zeros(shape)` is given: a list or tuple as it is
    (its own rules decide), anything else as a dims tuple."""
    return shape if isinstance(shape, (list, tuple)) else _dims(shape)


def _call_dtype(dtype, default):
    """`dtype` of `__call__` or the constructor's, as an engine dtype name."""
    return as_dtype(default if dtype is None else dtype).base_dtype.name


def _full_shape(partition_info):
    """`partition_info.full_shape` as a dims tuple (None without one): the
    shape a partitioned variable's part scales by."""
    return None if partition_info is None else tuple(partition_info.full_shape)


def _assert_float_dtype(dtype):
    """`init_ops._assert_float_dtype`."""
    if not dtype.is_floating:
        raise ValueError(f"Argument `dtype` is expected to be floating point. Received: "
                         f"{dtype}.")
    return dtype


class Initializer:
    """`init_ops.Initializer`: the base class."""

    def __call__(self, shape, dtype=None, partition_info=None):
        raise NotImplementedError

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class Zeros(Initializer):
    """`tf.compat.v1.zeros_initializer(dtype=tf.float32)`: `array_ops.zeros`."""

    def __init__(self, dtype=float32):
        self.dtype = as_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.fill(get_default_graph(), "zeros", _shape_arg(shape),
                         _call_dtype(dtype, self.dtype))

    def get_config(self):
        return {"dtype": self.dtype.name}


class Ones(Initializer):
    """`tf.compat.v1.ones_initializer(dtype=tf.float32)`: `array_ops.ones`."""

    def __init__(self, dtype=float32):
        self.dtype = as_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.fill(get_default_graph(), "ones", _shape_arg(shape),
                         _call_dtype(dtype, self.dtype))

    def get_config(self):
        return {"dtype": self.dtype.name}


def _is_scalar(value) -> bool:
    """`np.isscalar`."""
    return isinstance(value, (numbers.Number, str, bytes)) or (
        hasattr(value, "dtype") and getattr(value, "shape", None) == ())


class Constant(Initializer):
    """`tf.compat.v1.constant_initializer(value=0, dtype=tf.float32,
    verify_shape=False)`: `constant_op.constant_v1(value, dtype, shape)`."""

    def __init__(self, value=0, dtype=float32, verify_shape=False):
        if not (_is_scalar(value) or isinstance(value, (list, tuple))
                or type(value).__name__ == "ndarray"):
            raise TypeError(f"Invalid type for initial value={value} of type: "
                            f"{type(value).__name__}. Expected Python scalar, list or tuple of "
                            f"values, or numpy.ndarray.")
        self.value = value
        self.dtype = as_dtype(dtype)
        self._verify_shape = verify_shape

    def __call__(self, shape, dtype=None, partition_info=None, verify_shape=None):
        return _ops.constant_of_shape(get_default_graph(), self.value,
                                      _call_dtype(dtype, self.dtype), _dims(shape))

    def get_config(self):
        return {"value": self.value, "dtype": self.dtype.name}


class RandomUniform(Initializer):
    """`tf.compat.v1.random_uniform_initializer(minval=0.0, maxval=None,
    seed=None, dtype=tf.float32)`: `random_ops.random_uniform`."""

    def __init__(self, minval=.0, maxval=None, seed=None, dtype=float32):
        self.minval = minval
        self.maxval = maxval
        self.seed = seed
        self.dtype = as_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.random_uniform(get_default_graph(), _dims(shape),
                                   _call_dtype(dtype, self.dtype), self.minval, self.maxval,
                                   seed=self.seed)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, "seed": self.seed,
                "dtype": self.dtype.name}


class RandomNormal(Initializer):
    """`tf.compat.v1.random_normal_initializer(mean=0.0, stddev=1.0,
    seed=None, dtype=tf.float32)`: `random_ops.random_normal`."""

    _name, _sampler = "random_normal", "RandomStandardNormal"

    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=float32):
        self.mean = mean
        self.stddev = stddev
        self.seed = seed
        self.dtype = _assert_float_dtype(as_dtype(dtype))

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.random_normal(get_default_graph(), self._name, self._sampler, _dims(shape),
                                  _call_dtype(dtype, self.dtype), self.mean, self.stddev,
                                  self.seed)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, "seed": self.seed,
                "dtype": self.dtype.name}


class TruncatedNormal(RandomNormal):
    """`tf.compat.v1.truncated_normal_initializer(mean=0.0, stddev=1.0,
    seed=None, dtype=tf.float32)`: `random_ops.truncated_normal`."""

    _name, _sampler = "truncated_normal", "TruncatedNormal"


class UniformUnitScaling(Initializer):
    """`tf.compat.v1.uniform_unit_scaling_initializer(factor=1.0, seed=None,
    dtype=tf.float32)`: random_uniform in +-sqrt(3 / input_size) * factor."""

    def __init__(self, factor=1.0, seed=None, dtype=float32):
        self.factor = factor
        self.seed = seed
        self.dtype = _assert_float_dtype(as_dtype(dtype))

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.uniform_unit_scaling(get_default_graph(), _dims(shape),
                                         _call_dtype(dtype, self.dtype), self.factor, self.seed,
                                         _full_shape(partition_info))

    def get_config(self):
        return {"factor": self.factor, "seed": self.seed, "dtype": self.dtype.name}


class VarianceScaling(Initializer):
    """`tf.compat.v1.variance_scaling_initializer(scale=1.0, mode="fan_in",
    distribution="truncated_normal", seed=None, dtype=tf.float32)`."""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None,
                 dtype=float32):
        if scale <= 0.:
            raise ValueError(f"Argument `scale` must be a positive float. Received: {scale}")
        if mode not in {"fan_in", "fan_out", "fan_avg"}:
            raise ValueError(f"Argument `mode` should be one of ('fan_in', 'fan_out', "
                             f"'fan_avg'). Received: {mode}")
        distribution = distribution.lower()
        if distribution not in {"normal", "uniform", "truncated_normal", "untruncated_normal"}:
            raise ValueError(f"Argument `distribution` should be one of ('normal', uniform', "
                             f"'truncated_normal', 'untruncated_normal'). Received: "
                             f"{distribution}")
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.seed = seed
        self.dtype = _assert_float_dtype(as_dtype(dtype))

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.variance_scaling(get_default_graph(), _dims(shape),
                                     _call_dtype(dtype, self.dtype), self.scale, self.mode,
                                     self.distribution, self.seed, _full_shape(partition_info))

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution,
                "seed": self.seed, "dtype": self.dtype.name}


class Orthogonal(Initializer):
    """`tf.compat.v1.orthogonal_initializer(gain=1.0, seed=None, dtype=tf.float32)`."""

    def __init__(self, gain=1.0, seed=None, dtype=float32):
        self.gain = gain
        self.dtype = _assert_float_dtype(as_dtype(dtype))
        self.seed = seed

    def __call__(self, shape, dtype=None, partition_info=None):
        return _ops.orthogonal(get_default_graph(), _dims(shape), _call_dtype(dtype, self.dtype),
                               self.gain, self.seed)

    def get_config(self):
        return {"gain": self.gain, "seed": self.seed, "dtype": self.dtype.name}


class Identity(Initializer):
    """`tf.compat.v1.initializers.identity(gain=1.0, dtype=tf.float32)`."""

    def __init__(self, gain=1.0, dtype=float32):
        self.gain = gain
        self.dtype = _assert_float_dtype(as_dtype(dtype))

    def __call__(self, shape, dtype=None, partition_info=None):
        if partition_info is not None:
            from ...errors import NotSimulated
            raise NotSimulated("initializers.identity of a partitioned variable")
        return _ops.eye_scaled(get_default_graph(), _dims(shape), _call_dtype(dtype, self.dtype),
                               self.gain)

    def get_config(self):
        return {"gain": self.gain, "dtype": self.dtype.name}


class GlorotUniform(VarianceScaling):
    """`tf.compat.v1.glorot_uniform_initializer(seed=None, dtype=tf.float32)`:
    VarianceScaling(1.0, "fan_avg", "uniform"); the dtype is not used."""

    def __init__(self, seed=None, dtype=float32):
        super().__init__(scale=1.0, mode="fan_avg", distribution="uniform", seed=seed)

    def get_config(self):
        return {"seed": self.seed, "dtype": self.dtype.name}


class GlorotNormal(VarianceScaling):
    """`tf.compat.v1.glorot_normal_initializer(seed=None, dtype=tf.float32)`:
    VarianceScaling(1.0, "fan_avg", "truncated_normal")."""

    def __init__(self, seed=None, dtype=float32):
        super().__init__(scale=1.0, mode="fan_avg", distribution="truncated_normal", seed=seed)

    def get_config(self):
        return {"seed": self.seed, "dtype": self.dtype.name}


def lecun_normal(seed=None):
    """`tf.compat.v1.initializers.lecun_normal(seed=None)`."""
    return VarianceScaling(scale=1., mode="fan_in", distribution="truncated_normal", seed=seed)


def lecun_uniform(seed=None):
    """`tf.compat.v1.initializers.lecun_uniform(seed=None)`."""
    return VarianceScaling(scale=1., mode="fan_in", distribution="uniform", seed=seed)


def he_normal(seed=None):
    """`tf.compat.v1.initializers.he_normal(seed=None)`."""
    return VarianceScaling(scale=2., mode="fan_in", distribution="truncated_normal", seed=seed)


def he_uniform(seed=None):
    """`tf.compat.v1.initializers.he_uniform(seed=None)`."""
    return VarianceScaling(scale=2., mode="fan_in", distribution="uniform", seed=seed)


for _obj in (Initializer, Zeros, Ones, Constant, RandomUniform, RandomNormal, TruncatedNormal,
             UniformUnitScaling, VarianceScaling, Orthogonal, Identity, GlorotUniform,
             GlorotNormal, lecun_normal, lecun_uniform, he_normal, he_uniform):
    _obj.__module__ = _MODULE

zeros_initializer = Zeros
ones_initializer = Ones
constant_initializer = Constant
random_uniform_initializer = RandomUniform
random_normal_initializer = RandomNormal
truncated_normal_initializer = TruncatedNormal
uniform_unit_scaling_initializer = UniformUnitScaling
variance_scaling_initializer = VarianceScaling
glorot_uniform_initializer = GlorotUniform
glorot_normal_initializer = GlorotNormal
orthogonal_initializer = Orthogonal
identity_initializer = Identity
