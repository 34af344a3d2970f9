"""The checkpoint I/O ops: `RestoreV2` and `SaveV2` as graph mode builds them.

Mirrors `gen_io_ops.restore_v2` / `save_v2` through `_apply_op_helper`: the
op's name scope (`name` or the op type, uniquified), the Python inputs
converted inside it to string `Const`s named after the op's input args
(`prefix`, `tensor_names`, `shape_and_slices`), then the op with the scope's
exact name.  Nothing here runs: the ops are built, never executed.

RestoreV2's output shapes are its shape function's (`RestoreV2` in
core/ops/io_ops.cc): with a constant `shape_and_slices`, an output whose
spec is empty has an unknown shape and one with a slice spec the shape of
that slice (`TensorSlice::SliceTensorShape`).  Their `dtypes` attr is a list
of types (nodedef.TypeList).
"""

from __future__ import annotations

from .graph import Graph, Tensor
from .nodedef import TypeList
from .ops import constant


def _string_input(g: Graph, value, name: str) -> Tensor:
    """A Python string (or list of strings) input: a string Const `name`."""
    if isinstance(value, Tensor):
        return value
    shape = (len(value),) if isinstance(value, list) else ()
    return constant(g, "string", shape, name, value)


def slice_shape(spec: str):
    """The dims a `shape_and_slices` entry restores: None (unknown) for "",
    else the extents of its slice ("4 2 0,2:0,2" -> (2, 2); "-" is the full dim)."""
    if not spec:
        return None
    fields = spec.split(" ")
    full, slices = [int(d) for d in fields[:-1]], fields[-1].split(":")
    dims = []
    for extent, part in zip(full, slices):
        dims.append(extent if part == "-" else int(part.split(",")[1]))
    return tuple(dims)


def restore_v2(g: Graph, prefix, tensor_names: list, shape_and_slices: list, dtypes: list,
               name: str | None = None) -> list:
    """`gen_io_ops.restore_v2(prefix, tensor_names, shape_and_slices, dtypes, name)`:
    its output tensors."""
    with g.name_scope(name or "RestoreV2") as scope:
        inputs = (_string_input(g, prefix, "prefix"),
                  _string_input(g, tensor_names, "tensor_names"),
                  _string_input(g, shape_and_slices, "shape_and_slices"))
        known = not isinstance(shape_and_slices, Tensor)
        outputs = tuple((slice_shape(spec) if known else None, dt)
                        for spec, dt in zip(shape_and_slices, dtypes))
        op = g.create_op("RestoreV2", scope, outputs=outputs, inputs=inputs,
                         attrs={"dtypes": TypeList(dtypes)})
    return op.outputs


def save_v2(g: Graph, prefix: Tensor, tensor_names: list, shape_and_slices: list, tensors: list,
            name: str | None = None):
    """`gen_io_ops.save_v2(prefix, tensor_names, shape_and_slices, tensors, name)`: the op."""
    with g.name_scope(name or "SaveV2") as scope:
        inputs = (_string_input(g, prefix, "prefix"),
                  _string_input(g, tensor_names, "tensor_names"),
                  _string_input(g, shape_and_slices, "shape_and_slices"))
        dtypes = TypeList(t._dt.replace("_ref", "") for t in tensors)
        return g.create_op("SaveV2", scope, outputs=(), inputs=inputs + tuple(tensors),
                           attrs={"dtypes": dtypes})
