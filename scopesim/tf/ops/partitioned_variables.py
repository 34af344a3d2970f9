"""`ops/partitioned_variables.py`: the v1 partitioners
(`variable_axis_size_partitioner`, `min_max_variable_partitioner`,
`fixed_size_partitioner`), each returning TensorFlow's nested
`_partitioner(shape, dtype)`.  What get_variable does with the partition
list is `scopesim.engine.partitioned`; `PartitionedVariable` is there too."""

from __future__ import annotations

import math

from ...engine.partitioned import PartitionedVariable
from ...errors import TFValueError
from ..framework.dtypes import as_dtype, string
from ..framework.tensor_shape import TensorShape

__all__ = ["variable_axis_size_partitioner", "min_max_variable_partitioner",
           "fixed_size_partitioner", "PartitionedVariable"]


def variable_axis_size_partitioner(max_shard_bytes, axis=0, bytes_per_string_element=16,
                                   max_shards=None):
    """`tf.compat.v1.variable_axis_size_partitioner`: as many shards along
    `axis` as keep each below `max_shard_bytes` (at least one slice a
    shard), at most `max_shards`."""
    if max_shard_bytes < 1 or bytes_per_string_element < 1:
        # TensorFlow's message lacks the space before "bytes_per_string_element".
        raise TFValueError(
            f"Both max_shard_bytes and bytes_per_string_element must be positive. "
            f"Currently, max_shard_bytes is {max_shard_bytes} and"
            f"bytes_per_string_element is {bytes_per_string_element}")
    if max_shards and max_shards < 1:
        raise TFValueError("max_shards must be positive.")

    def _partitioner(shape, dtype):
        if not isinstance(shape, TensorShape):
            raise TFValueError(f"shape is not a TensorShape: {shape}")
        if not shape.is_fully_defined():
            raise TFValueError(f"shape is not fully defined: {shape}")
        dtype = as_dtype(dtype)
        if dtype.base_dtype == string:
            element_size = bytes_per_string_element
        else:
            element_size = dtype.size
        partitions = [1] * shape.ndims
        bytes_per_slice = 1.0 * (shape.num_elements() / shape.dims[axis].value) * element_size
        slices_per_shard = max(1, math.floor(max_shard_bytes / bytes_per_slice))
        axis_shards = int(math.ceil(1.0 * shape.dims[axis].value / slices_per_shard))
        if max_shards:
            axis_shards = min(max_shards, axis_shards)
        partitions[axis] = axis_shards
        return partitions
    return _partitioner


def min_max_variable_partitioner(max_partitions=1, axis=0, min_slice_size=256 << 10,
                                 bytes_per_string_element=16):
    """`tf.compat.v1.min_max_variable_partitioner`: one partition per
    `min_slice_size` bytes (rounded up), at most `max_partitions` and the
    axis' size, at least one."""

    def _partitioner(shape, dtype):
        if axis >= len(shape):
            raise TFValueError(f"Cannot partition variable along axis {axis} when shape is "
                               f"only {shape}")
        dtype = as_dtype(dtype)
        if dtype.base_dtype == string:
            bytes_per_element = bytes_per_string_element
        else:
            bytes_per_element = dtype.size
        total_size_bytes = shape.num_elements() * bytes_per_element
        partitions = total_size_bytes / min_slice_size
        partitions_list = [1] * len(shape)
        partitions_list[axis] = max(1, min(shape.dims[axis].value, max_partitions,
                                           int(math.ceil(partitions))))
        return partitions_list
    return _partitioner


def fixed_size_partitioner(num_shards, axis=0):
    """`tf.compat.v1.fixed_size_partitioner`: `num_shards` along `axis`,
    at most the axis' size."""

    def _partitioner(shape, **unused_args):
        partitions_list = [1] * len(shape)
        partitions_list[axis] = min(num_shards, shape.dims[axis].value)
        return partitions_list
    return _partitioner
