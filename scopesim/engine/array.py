"""The array ops of the API core: placeholders, `stack`, and subscripts.

Mirrors `ops/array_ops.py` (`placeholder`, `placeholder_with_default`,
`strided_slice`, `_autopacking_helper`), `ops/array_ops_stack.py`
(`stack`) and `ops/tensor_getitem_override.py` (`_slice_helper`,
`_check_index`) of TF 2.21 in graph mode, over `gen_array_ops`
(`opdef.apply_op`) and the StridedSlice shape function
(`shape_inference.strided_slice_shape`).
"""

from __future__ import annotations

from ..errors import NotSimulated, TFTypeError, TFValueError
from .convert import convert_to_tensor
from .gen_ops import gen_cast, make_int, make_shape, make_type
from .graph import Graph, Tensor
from .ops import constant as _const_op
from .opdef import ShapeAttr, apply_op, graph_from_inputs, name_scope
from .tensor_shape import Dimension

_SLICE_DTYPES = ("int16", "int32", "int32_ref", "int64", "int64_ref")
_BAD_INDEX = ("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
              "tf.int32/tf.int64 tensors are valid indices, got ")


def placeholder(g: Graph, dtype, shape=None, name=None) -> Tensor:
    """`array_ops.placeholder` -> `gen_array_ops.placeholder`: `make_type`
    of the dtype, `make_shape` of the shape (None: unknown rank), then a
    Placeholder op named `name or "Placeholder"`."""
    dtype = make_type(dtype, "dtype")
    dims = make_shape(shape, "shape")
    return apply_op(g, "Placeholder", name, [], {"dtype": dtype, "shape": ShapeAttr(dims)},
                    out_dtype=dtype)


def placeholder_with_default(g: Graph, input, shape, name=None) -> Tensor:  # noqa: A002
    """`array_ops.placeholder_with_default` -> `gen_array_ops.placeholder_with_default`:
    the input converted as `<name>/input`; its shape must merge with `shape`."""
    dims = make_shape(shape, "shape")
    return apply_op(g, "PlaceholderWithDefault", name, [input], {"shape": ShapeAttr(dims)})


def _is_tensor(value) -> bool:
    return isinstance(value, Tensor)


#: The classes `_is_core_tensor` accepts (bound at its first call: their
#: modules import this one).
_CORE_TENSORS = None


def _is_core_tensor(value) -> bool:
    """`isinstance(value, core.Tensor)`, the test of the autopacking: a
    Tensor or a variable (ref or resource)."""
    global _CORE_TENSORS
    if _CORE_TENSORS is None:
        from .resource import BaseResourceVariable
        from .variables import RefVariable
        _CORE_TENSORS = (Tensor, RefVariable, BaseResourceVariable)
    return isinstance(value, _CORE_TENSORS)


def stack(g: Graph, values: list, name: str = "stack") -> Tensor:
    """`array_ops_stack.stack(values, axis=0)`: `convert_to_tensor(values,
    name=name)` first: a list of Python numbers is one Const; a list
    holding tensors goes through the autopacking conversion (a Pack)."""
    if any(_is_core_tensor(v) for v in values):
        try:
            return autopacking_helper(g, values, name)
        except (TFTypeError, TFValueError):
            return apply_op(g, "Pack", name, [values], {"N": len(values), "axis": 0})
    return convert_to_tensor(g, list(values), name=name)


def autopacking_helper(g: Graph, values: list, name: str) -> Tensor:
    """`array_ops._autopacking_helper`: in `name_scope(name)`, each Python
    element becomes a Const of the first tensor's dtype named by its
    position; a tensor of another dtype is a TypeError; then a Pack named
    by the scope."""
    dtype = next(v._dt for v in values if _is_core_tensor(v))
    return _autopack(g, values, dtype, name)


def _autopack(g: Graph, values, dtype: str, name: str):
    """`_autopacking_helper(values, dtype, name)`: a nested list is packed in
    its own scope (named by its position) when it holds a tensor, else kept
    and made a Const named by its position (so after that scope: `1_1`)."""
    with name_scope(g, name) as scope:
        converted = []
        must_pack = False
        for i, element in enumerate(values):
            if _is_core_tensor(element):
                if element._dt != dtype:
                    raise TFTypeError(f"Cannot convert a list containing a tensor of dtype "
                                      f"<dtype: '{element._dt}'> to <dtype: '{dtype}'> (Tensor "
                                      f"is: {element!r})")
                must_pack = True
            elif isinstance(element, (list, tuple)):
                element = _autopack(g, element, dtype, str(i))
                must_pack = must_pack or _is_tensor(element)
            converted.append(element)
        if not must_pack:
            return values
        elements = [e if _is_core_tensor(e) else convert_to_tensor(g, e, dtype, name=str(i))
                    for i, e in enumerate(converted)]
        return apply_op(g, "Pack", scope, [elements], {"N": len(elements), "axis": 0})


def check_index(index) -> None:
    """`tensor_getitem_override._check_index`: Python ints and Dimensions,
    or a scalar (not rank-1) tensor of an int16/int32/int64 dtype."""
    if isinstance(index, (int, Dimension)):
        return
    dtype = getattr(index, "_dt", None)
    dims = getattr(index, "_dims", None)
    if dtype is None or dtype not in _SLICE_DTYPES or (dims is not None and len(dims) == 1):
        raise TFTypeError(_BAD_INDEX + repr(index))


def _undefined_dimension(value) -> bool:
    """`_is_undefined_dimension`: a Dimension whose value is None."""
    return isinstance(value, Dimension) and value.value is None


def slice_helper(g: Graph, tensor: Tensor, spec, binary_add) -> Tensor:
    """`tensor_getitem_override._slice_helper` (`Tensor.__getitem__`):

    A bool (or bool tensor) index is `boolean_mask` (not simulated).  Each
    item of the spec (a list or tuple, else the one index) adds one entry
    to begin/end/strides and a bit to the masks: a slice (missing bounds
    are 0 with the begin/end mask bit; a tensor bound makes the missing
    ones Consts of its dtype, made here, outside the scope), `...`
    (ellipsis bit), None (new-axis bit), or an index `i` (begin `i`, end
    `i + 1` -- Tensor `+` for a tensor, an `add` op outside the scope --
    and the shrink bit).  Then, in `name_scope(None, "strided_slice")`,
    begin/end/strides are stacked (`stack`, `stack_1`, `stack_2`; an empty
    spec is one `Const` used three times), all cast to int64 if any is
    int64, and `strided_slice`.  `binary_add(x, y)` is Tensor's `+`."""
    if isinstance(spec, bool) or (_is_tensor(spec) and spec._dt == "bool"):
        raise NotSimulated("a boolean mask index (tf.boolean_mask)")
    if not isinstance(spec, (list, tuple)):
        spec = [spec]
    begin, end, strides = [], [], []
    new_axis_mask = shrink_axis_mask = begin_mask = end_mask = ellipsis_mask = 0
    for index, s in enumerate(spec):
        bit = 1 << index
        if isinstance(s, Dimension) and s.value is not None:
            s = s.value
        if isinstance(s, slice):
            dtype = None
            for t in (s.start, s.stop, s.step):
                if not _is_tensor(t):
                    continue
                if t._dt == "int64":
                    dtype = "int64"
                elif t._dt == "int32" and dtype != "int64":
                    dtype = "int32"
                elif t._dt == "int16" and dtype is None:
                    dtype = "int16"
            for bound, into, fill in ((s.start, begin, 0), (s.stop, end, 0), (s.step, strides, 1)):
                if bound is not None and not _undefined_dimension(bound):
                    check_index(bound)
                    into.append(bound)
                else:
                    into.append(fill if dtype is None else _const_op(g, dtype, (), "Const", fill))
                    if into is begin:
                        begin_mask |= bit
                    elif into is end:
                        end_mask |= bit
        elif s is Ellipsis:
            begin.append(0)
            end.append(0)
            strides.append(1)
            ellipsis_mask |= bit
        elif s is None:
            begin.append(0)
            end.append(0)
            strides.append(1)
            new_axis_mask |= bit
        else:
            check_index(s)
            begin.append(s)
            end.append(binary_add(s, 1) if _is_tensor(s) else s + 1)
            if _is_tensor(s) and s._dt in ("int16", "int64"):
                strides.append(_const_op(g, s._dt, (), "Const", 1))
            else:
                strides.append(1)
            shrink_axis_mask |= bit
    g = graph_from_inputs(g, [tensor] + begin + end + strides)
    with name_scope(g, None, "strided_slice") as scope:
        if begin:
            packed_begin, packed_end, packed_strides = (stack(g, begin), stack(g, end),
                                                        stack(g, strides))
            packed = (packed_begin, packed_end, packed_strides)
            kinds = {t._dt for t in packed}
            if "int64" in kinds:
                packed = tuple(t if t._dt == "int64" else gen_cast(g, t, "int64")
                               for t in packed)
            packed_begin, packed_end, packed_strides = packed
        else:
            packed_begin = packed_end = packed_strides = convert_to_tensor(g, [], "int32")
        return strided_slice(g, tensor, packed_begin, packed_end, packed_strides, begin_mask,
                             end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask, scope)


def strided_slice(g: Graph, input_, begin, end, strides=None, begin_mask=0, end_mask=0,
                  ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0, name=None) -> Tensor:
    """`array_ops.strided_slice` -> `gen_array_ops.strided_slice`: the
    masks through `make_int`, then the StridedSlice op."""
    attrs = {"begin_mask": make_int(begin_mask, "begin_mask"),
             "end_mask": make_int(end_mask, "end_mask"),
             "ellipsis_mask": make_int(ellipsis_mask, "ellipsis_mask"),
             "new_axis_mask": make_int(new_axis_mask, "new_axis_mask"),
             "shrink_axis_mask": make_int(shrink_axis_mask, "shrink_axis_mask")}
    if strides is None:
        raise NotSimulated("tf.strided_slice(strides=None)")
    return apply_op(g, "StridedSlice", name, [input_, begin, end, strides], attrs)


def _first_tensor_dtype(values):
    """`_get_dtype_from_nested_lists`: the dtype of the first tensor found."""
    for element in values:
        if _is_core_tensor(element):
            return element._dt
        if isinstance(element, (list, tuple)):
            found = _first_tensor_dtype(element)
            if found is not None:
                return found
    return None


def autopacking_conversion(g: Graph, values, dtype, name: str | None) -> Tensor:
    """`array_ops._autopacking_conversion_function`, the conversion of a
    (nested) list holding tensors: `_autopacking_helper(values, dtype,
    name or "packed")`."""
    inferred = _first_tensor_dtype(values)
    if dtype is not None and dtype != inferred:
        raise NotSimulated("converting a list of tensors to another dtype (the autopacking casts)")
    return _autopack(g, values, inferred, name or "packed")


def holds_tensor(values) -> bool:
    """Not `_should_not_autopack`: a tensor somewhere in the nested list."""
    return _first_tensor_dtype(values) is not None
