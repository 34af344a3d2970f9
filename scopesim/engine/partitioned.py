"""Partitioned variables: `get_variable` with a partitioner.

Mirrors `ops/variable_scope.py` (`_VariableStore._true_getter`'s
partitioned case and its scalar exemption, `_get_partitioned_variable`
with its errors word for word, `_call_partitioner`,
`_get_slice_dim_and_num_slices`, `_iter_slices`, `_PartitionInfo`) and
`ops/variables.py` (`Variable.SaveSliceInfo`, `PartitionedVariable`:
iteration, `len`, `as_tensor` / `_concat` and its conversion function).
The partitioners themselves are `scopesim.tf.ops.partitioned_variables`.
"""

from __future__ import annotations

import collections.abc

from ..errors import NotSimulated, TFValueError
from . import dtypes
from .graph import ADDRESS, Tensor
from .tensor_shape import TensorShape, as_shape


class PartitionInfo:
    """`variable_scope._PartitionInfo`: what a part's initializer is told
    (the full shape and the part's offset)."""

    __slots__ = ("_full_shape", "_var_offset")

    def __init__(self, full_shape, var_offset) -> None:
        if not isinstance(full_shape, (list, tuple)):
            raise TypeError("`full_shape` must be a sequence (like tuple or list) instead of "
                            + type(full_shape).__name__)
        if not isinstance(var_offset, (list, tuple)):
            raise TypeError("`var_offset` must be a sequence (like tuple or list) instead of "
                            + type(var_offset).__name__)
        if len(var_offset) != len(full_shape):
            raise TFValueError(f"Expected equal length, but `var_offset` is of length "
                               f"{len(var_offset)} while full_shape is of length "
                               f"{len(full_shape)}.")
        for offset, size in zip(var_offset, full_shape):
            if offset < 0 or offset >= size:
                raise TFValueError(f"Expected 0 <= offset < shape but found offset={offset}, "
                                   f"shape={size} for var_offset={var_offset}, "
                                   f"full_shape={full_shape}")
        self._full_shape = full_shape
        self._var_offset = var_offset

    @property
    def full_shape(self):
        return self._full_shape

    @property
    def var_offset(self):
        return self._var_offset


PartitionInfo.__name__ = PartitionInfo.__qualname__ = "_PartitionInfo"
PartitionInfo.__module__ = "tensorflow.python.ops.variable_scope"


class SaveSliceInfo:
    """`Variable.SaveSliceInfo`: where a part sits in the full variable."""

    __slots__ = ("full_name", "full_shape", "var_offset", "var_shape")

    def __init__(self, full_name=None, full_shape=None, var_offset=None, var_shape=None) -> None:
        self.full_name = full_name
        self.full_shape = full_shape
        self.var_offset = var_offset
        self.var_shape = var_shape

    @property
    def spec(self) -> str:
        """The full dims joined by spaces, a space, then `offset,length` per
        dimension joined by `:`."""
        full = " ".join(str(d) for d in self.full_shape)
        sl = ":".join(f"{o},{s}" for o, s in zip(self.var_offset, self.var_shape))
        return full + " " + sl


SaveSliceInfo.__module__ = "tensorflow.python.ops.variables"


class PartitionedVariable:
    """`variables.PartitionedVariable`: the parts of one variable, in
    offset order.  Its `name` is the full name (no `:0`); each conversion
    to a tensor builds new concat ops."""

    __slots__ = ("_variable_list", "_name", "_shape", "_dtype", "_partitions")

    def __init__(self, name, shape, dtype, variable_list, partitions) -> None:
        self._variable_list = sorted(variable_list,
                                     key=lambda v: v._get_save_slice_info().var_offset)
        self._name = name
        self._shape = shape
        self._dtype = dtype
        self._partitions = partitions

    def __iter__(self):
        return iter(self._variable_list)

    def __len__(self) -> int:
        axes = self._partition_axes()
        if len(axes) > 1:
            raise TFValueError(f"Cannot get a length for {len(axes)} > 1 partition axes")
        return len(self._variable_list)

    def _partition_axes(self) -> list:
        if all(p == 1 for p in self._partitions):
            return [0]
        return [i for i, p in enumerate(self._partitions) if p > 1]

    @property
    def name(self) -> str:
        return self._name

    @property
    def dtype(self):
        return self._dtype

    @property
    def shape(self) -> TensorShape:
        return self.get_shape()

    def get_shape(self) -> TensorShape:
        return self._shape

    def _get_variable_list(self) -> list:
        return self._variable_list

    def _get_partitions(self):
        return self._partitions

    def as_tensor(self) -> Tensor:
        """`PartitionedVariable.as_tensor()`: `_concat()` without the
        enclosing control dependencies."""
        g = self._variable_list[0].graph
        saved = g._control_stack
        g._control_stack = []
        try:
            return self._concat(g)
        finally:
            g._control_stack = saved

    def _concat(self, g) -> Tensor:
        """One part: `identity(part, name=<full name>)` at the root; else
        `concat` of the parts along the partition axis in the absolute scope
        `<full name>/ConcatPartitions/`, then that identity at the root."""
        from .math import identity
        old = g.name_stack
        try:
            if len(self._variable_list) == 1:
                g.name_stack = ""
                return identity(g, self._variable_list[0], name=self._name)
            g.enter_name_scope(self._name + "/ConcatPartitions/")
            concatenated = concat_v2(g, self._variable_list, self._partition_axes()[0])
            g.name_stack = ""
            return identity(g, concatenated, name=self._name)
        finally:
            g.name_stack = old

    def _TensorConversionFunction(self, dtype=None, name=None, as_ref=False):  # noqa: N802
        """`PartitionedVariable._TensorConversionFunction`; `dtype` a dtype name."""
        if dtype is not None and dtype != self._dtype.base_dtype.name:
            raise TFValueError(f"Incompatible type conversion requested to type '{dtype}' for "
                               f"variable of type '{self._dtype.name}'")
        if as_ref:
            raise NotImplementedError(
                "PartitionedVariable doesn't support being used as a reference.")
        return self.as_tensor()

    def assign(self, value, use_locking=False, name=None, read_value=True):
        raise NotSimulated("PartitionedVariable.assign")

    def assign_add(self, value, use_locking=False, name=None, read_value=True):
        raise NotSimulated("PartitionedVariable.assign_add")

    def assign_sub(self, value, use_locking=False, name=None, read_value=True):
        raise NotSimulated("PartitionedVariable.assign_sub")

    def __repr__(self) -> str:
        return f"<tensorflow.python.ops.variables.PartitionedVariable object at {ADDRESS}>"


PartitionedVariable.__module__ = "tensorflow.python.ops.variables"


# ------------------------------------------------------------------- ops


def concat_v2(g, values, axis: int, name: str = "concat") -> Tensor:
    """`gen_array_ops.concat_v2(values, axis)` of same-rank tensors (or
    variables, read through their snapshots): in `concat/`, the `axis`
    Const, then `ConcatV2` whose dim along `axis` is the sum."""
    from .convert import convert_to_tensor
    with g.name_scope(name) as scope:
        tensors = [convert_to_tensor(g, v) for v in values]
        axis_t = g.create_op("Const", "axis", outputs=(((), "int32"),),
                             attrs={"value": axis, "dtype": "int32"}).outputs[0]
        dims = list(tensors[0]._dims)
        dims[axis] = sum(t._dims[axis] for t in tensors)
        dt = tensors[0]._dt
        return g.create_op("ConcatV2", scope, outputs=((tuple(dims), dt),),
                           inputs=tuple(tensors) + (axis_t,),
                           attrs={"N": len(tensors), "T": dt, "Tidx": "int32"}).outputs[0]


def slice_(g, tensor: Tensor, begin, size, name: str = "Slice") -> Tensor:
    """`array_ops.slice(tensor, begin, size)` with constant `begin` and
    `size`: in `Slice/`, the `begin` and `size` Consts, then `Slice`."""
    rank = (len(begin),)
    with g.name_scope(name) as scope:
        b = g.create_op("Const", "begin", outputs=((rank, "int32"),),
                        attrs={"value": list(begin), "dtype": "int32"}).outputs[0]
        s = g.create_op("Const", "size", outputs=((rank, "int32"),),
                        attrs={"value": list(size), "dtype": "int32"}).outputs[0]
        return g.create_op("Slice", scope, outputs=((tuple(size), tensor._dt),),
                           inputs=(tensor, b, s),
                           attrs={"T": tensor._dt, "Index": "int32"}).outputs[0]


# ----------------------------------------------------- the store's getter

_registered: set = set()


def applies(store, name, shape, reuse, partitioner) -> bool:
    """`_true_getter`: the partitioned case (a partitioner, unless the shape
    is an empty list or tuple), or a reuse of a stored partitioned variable
    without one.  A partitioner that is not callable is an error."""
    if partitioner is not None and not (shape is not None and
                                        isinstance(shape, collections.abc.Sequence) and not shape):
        if not callable(partitioner):
            raise TFValueError(f"Partitioner must be callable, but received: {partitioner}")
        return True
    return reuse is True and partitioner is None and name in store.partitioned_vars


def call_partitioner(partitioner, shape: TensorShape, dtype) -> list:
    """`variable_scope._call_partitioner`: the partition list, checked."""
    if not shape.is_fully_defined():
        raise TFValueError(f"Shape of a new partitioned variable must be fully defined, but "
                           f"instead was {shape}.")
    if shape.ndims < 1:
        raise TFValueError(f"A partitioned Variable must have rank at least 1, shape: {shape}")
    slicing = partitioner(shape=shape, dtype=dtype)
    if not isinstance(slicing, collections.abc.Sequence):
        raise TFValueError(f"Partitioner must return a sequence, but saw: {slicing}")
    if len(slicing) != shape.ndims:
        raise TFValueError(f"Partitioner returned a partition list that does not match the "
                           f"Variable's rank: {slicing} vs. {shape}")
    if any(p < 1 for p in slicing):
        raise TFValueError(f"Partitioner returned zero partitions for some axes: {slicing}")
    if sum(p > 1 for p in slicing) > 1:
        raise TFValueError(f"Can only slice a variable along one dimension: shape: {shape}, "
                           f"partitioning: {slicing}")
    return slicing


def slice_dim_and_num_slices(slicing) -> tuple:
    """`_get_slice_dim_and_num_slices`: the axis with more than one slice
    (else axis 0, one slice)."""
    for slice_dim, num_slices in enumerate(slicing):
        if num_slices > 1:
            return slice_dim, num_slices
    return 0, 1


def iter_slices(full_shape: list, num_slices: int, slice_dim: int):
    """`_iter_slices`: (offset, shape) of each part; the first
    `dim % num_slices` parts are one longer."""
    excess = full_shape[slice_dim] % num_slices
    offset = [0] * len(full_shape)
    shortest = full_shape[slice_dim] // num_slices
    for i in range(num_slices):
        shape = full_shape[:]
        shape[slice_dim] = shortest + bool(i < excess)
        yield offset[:], shape
        offset[slice_dim] += shape[slice_dim]


def get_partitioned_variable(store, name, partitioner, shape=None, dtype=dtypes.FLOAT32,
                             initializer=None, regularizer=None, reuse=None, trainable=None,
                             collections=None, caching_device=None, validate_shape=True,
                             use_resource=None, constraint=None) -> PartitionedVariable:
    """`_VariableStore._get_partitioned_variable` (called at the root name
    scope).  Each part `<name>/part_<i>` is `_get_single_variable` with the
    part's shape and a `_PartitionInfo`, after its initializer is prepared
    in the name scope `<name>/part_<i>/PartitionedInitializer` (a Tensor or
    Python value is sliced there; the name is taken even when no op is
    made)."""
    from .convert import convert_to_tensor
    from .variables import default_initializer
    g = store._graph
    initializing_from_value = initializer is not None and isinstance(initializer, Tensor)
    if name in store.vars:
        raise TFValueError(
            f"A partitioner was provided, but an unpartitioned version of the variable was "
            f"found: {name}.  Perhaps a variable of the same name was already created "
            f"without partitioning?")
    shape = as_shape(shape)
    if initializing_from_value:
        shape = shape.merge_with(initializer.get_shape())
    partitions = None
    if not reuse or partitioner:
        partitions = call_partitioner(partitioner, shape, dtype)
    existing = store.partitioned_vars.get(name)
    if existing is not None:
        if reuse is False:
            raise TFValueError(
                f"Partitioned variable with name {name} already exists. Did you mean to set "
                f"reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        if not shape.is_compatible_with(existing.get_shape()):
            raise TFValueError(
                f"Trying to reuse partitioned variable {name}, but specified shape {shape} and "
                f"found shape {existing.get_shape()}.")
        wanted = dtypes.as_dtype(dtype)
        if not wanted.is_compatible_with(existing.dtype):
            raise TFValueError(
                f"Trying to reuse partitioned variable {name}, but specified dtype "
                f"{wanted.name} and found dtype {existing.dtype.name}.")
        if partitions is not None and existing._get_partitions() != partitions:
            raise TFValueError(
                f"Trying to reuse partitioned variable {name}, but specified partitions "
                f"{partitions} and found partitions {existing._get_partitions()}.")
        return existing
    if reuse is True:
        raise TFValueError(
            f"PartitionedVariable {name} does not exist, or was not created with "
            f"tf.get_variable(). Did you mean to set reuse=False or reuse=tf.AUTO_REUSE in "
            f"VarScope?")
    slice_dim, num_slices = slice_dim_and_num_slices(partitions)
    if f"{name}/part_0" in store.vars:
        if f"{name}/part_{num_slices - 1}" not in store.vars:
            raise TFValueError(
                f"Partitioner returned a different partitioning than what was already found.  "
                f"Partitioner returned {num_slices} shards, and shard {name}/part_0 was found, "
                f"but {name}/part_{num_slices - 1} was not.")
        if f"{name}/part_{num_slices}" in store.vars:
            raise TFValueError(
                f"Partitioner returned a different partitioning than what was already found.  "
                f"Partitioner returned {num_slices} shards, and shard {name}/part_0 was found, "
                f"but so was the extra shard {name}/part_{num_slices}.")
    full = shape.as_list()
    parts = []
    for i, (var_offset, var_shape) in enumerate(iter_slices(full, num_slices, slice_dim)):
        info = PartitionInfo(full_shape=full, var_offset=var_offset)
        part_name = f"{name}/part_{i}"
        with g.name_scope(part_name + "/PartitionedInitializer"):
            if initializer is None:
                init, init_shape = default_initializer(name, dtypes.as_dtype(dtype)), var_shape
            elif callable(initializer):
                init, init_shape = initializer, var_shape
            elif isinstance(initializer, Tensor):
                init = slice_(g, initializer, var_offset, var_shape)
                dtype = dtypes.of(init._dt).base_dtype
                init_shape = None
            else:
                init = convert_to_tensor(g, initializer, dtypes.as_dtype(dtype).base_dtype.name)
                init = slice_(g, init, var_offset, var_shape)
                init_shape = None
        old = g.name_stack
        g.name_stack = ""
        try:
            var = store._get_single_variable(
                part_name, init_shape, dtype, init, regularizer, reuse, trainable, collections,
                caching_device, validate_shape, constraint, partition_info=info,
                use_resource=use_resource)
        finally:
            g.name_stack = old
        var._set_save_slice_info(SaveSliceInfo(name, full, var_offset, var_shape))
        parts.append(var)
    if PartitionedVariable not in _registered:
        _register_conversion()
        _registered.add(PartitionedVariable)
    pv = PartitionedVariable(name=name, shape=shape, dtype=dtype, variable_list=parts,
                             partitions=partitions)
    store.partitioned_vars[name] = pv
    return pv


def _convert_partitioned(value, dtype, name):
    return value._TensorConversionFunction(dtype, name)


def _register_conversion() -> None:
    """`ops.register_tensor_conversion_function(PartitionedVariable, ...)`,
    done when the first one is made (convert.py imports this module)."""
    from .convert import CONVERSION_FUNCTIONS
    CONVERSION_FUNCTIONS[PartitionedVariable] = _convert_partitioned
