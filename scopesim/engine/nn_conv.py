"""Convolution and pooling: `nn_ops.conv2d` (v1, with `squeeze_batch_dims`
for inputs of rank above 4), `max_pool`, `avg_pool` and the generated
`gen_nn_ops` wrappers they call, as TF 2.21 builds them in graph mode, each
named in its docstring.  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import TFTypeError, TFValueError
from . import opdefs_nn  # noqa: F401 - registers the nn OpDefs
from .gen_ops import make_bool, make_int
from .graph import Graph, Tensor
from .nn import deprecated_argument_lookup, make_str
from .opdef import apply_op, graph_from_inputs, name_scope
from .values import py_repr


def _int_list(value, arg: str, op: str) -> list:
    """A `list(int)` attr of a generated wrapper: a list or tuple, each
    `make_int`."""
    if not isinstance(value, (list, tuple)):
        raise TFTypeError(f"Expected list for '{arg}' argument to '{op}' Op, not "
                          f"{py_repr(value)}.")
    return [make_int(v, arg) for v in value]


def gen_conv2d(g: Graph, input, filter, strides, padding, use_cudnn_on_gpu,  # noqa: A002
               explicit_paddings, data_format, dilations, name) -> Tensor:
    """`gen_nn_ops.conv2d`: the attrs checked in the wrapper's order."""
    strides = _int_list(strides, "strides", "conv2d")
    padding = make_str(padding, "padding")
    use_cudnn_on_gpu = make_bool(True if use_cudnn_on_gpu is None else use_cudnn_on_gpu,
                                 "use_cudnn_on_gpu")
    explicit_paddings = _int_list([] if explicit_paddings is None else explicit_paddings,
                                  "explicit_paddings", "conv2d")
    data_format = make_str("NHWC" if data_format is None else data_format, "data_format")
    dilations = _int_list([1, 1, 1, 1] if dilations is None else dilations, "dilations",
                          "conv2d")
    return apply_op(g, "Conv2D", name, [input, filter],
                    {"strides": strides, "use_cudnn_on_gpu": use_cudnn_on_gpu,
                     "padding": padding, "explicit_paddings": explicit_paddings,
                     "data_format": data_format, "dilations": dilations})


def gen_max_pool(g: Graph, input, ksize, strides, padding, explicit_paddings,  # noqa: A002
                 data_format, name) -> Tensor:
    """`gen_nn_ops.max_pool`."""
    ksize = _int_list(ksize, "ksize", "max_pool")
    strides = _int_list(strides, "strides", "max_pool")
    padding = make_str(padding, "padding")
    explicit_paddings = _int_list([] if explicit_paddings is None else explicit_paddings,
                                  "explicit_paddings", "max_pool")
    data_format = make_str("NHWC" if data_format is None else data_format, "data_format")
    return apply_op(g, "MaxPool", name, [input],
                    {"ksize": ksize, "strides": strides, "padding": padding,
                     "explicit_paddings": explicit_paddings, "data_format": data_format})


def gen_avg_pool(g: Graph, value, ksize, strides, padding, data_format, name) -> Tensor:
    """`gen_nn_ops.avg_pool`."""
    ksize = _int_list(ksize, "ksize", "avg_pool")
    strides = _int_list(strides, "strides", "avg_pool")
    padding = make_str(padding, "padding")
    data_format = make_str("NHWC" if data_format is None else data_format, "data_format")
    return apply_op(g, "AvgPool", name, [value],
                    {"ksize": ksize, "strides": strides, "padding": padding,
                     "data_format": data_format})


def get_sequence(value, n: int, channel_index: int, name: str) -> list:
    """`nn_ops._get_sequence`: None is all ones; an int or one value is
    broadcast over the `n` spatial dims; n values get the batch and channel
    dims (1) around them; n + 2 values are kept."""
    if value is None:
        return [1] * (n + 2)
    if isinstance(value, list):
        pass
    elif isinstance(value, tuple):
        value = list(value)
    elif isinstance(value, int) or not hasattr(value, "__len__"):
        value = [value]
    else:
        value = list(value)
    if len(value) == n + 2:
        return value
    if len(value) == 1:
        value = value * n
    elif len(value) != n:
        raise TFValueError(f"{name} should be of length 1, {n} or {n + 2}. Received: "
                           f"{name}={value} of length {len(value)}")
    if channel_index == 1:
        return [1, 1] + value
    return [1] + value + [1]


def convert_padding(padding, expected_length: int = 4):
    """`nn_ops.convert_padding`: a list of [before, after] pairs is EXPLICIT
    with its flattened paddings."""
    explicit = []
    if padding == "EXPLICIT":
        raise TFValueError("'EXPLICIT' is not a valid value for `padding`. To use explicit "
                           "padding, `padding` must be a list.")
    if isinstance(padding, (list, tuple)):
        for i, pair in enumerate(padding):
            if not isinstance(pair, (list, tuple)):
                raise TFValueError("When `padding` is a list, each element of `padding` must "
                                   f"be a list/tuple of size 2. Received: padding={padding} "
                                   f"with element at index {i} of type {type(pair)}")
            if len(pair) != 2:
                raise TFValueError("When `padding` is a list, each element of `padding` must "
                                   f"be a list/tuple of size 2. Received: padding={padding} "
                                   f"with element at index {i} of size {len(pair)}")
            explicit.extend(pair)
        if len(padding) != expected_length:
            raise TFValueError(f"When padding is a list, it must be of size {expected_length}. "
                               f"Received: padding={padding} of size {len(padding)}")
        padding = "EXPLICIT"
    return padding, explicit


def conv2d(g: Graph, input, filter=None, strides=None, padding=None,  # noqa: A002
           use_cudnn_on_gpu=True, data_format="NHWC", dilations=(1, 1, 1, 1), name=None,
           filters=None) -> Tensor:
    """`nn_ops.conv2d` (v1): `filters` the new name of `filter`; the
    padding converted, strides and dilations as sequences of 4; an input
    of rank above 4 goes through `squeeze_batch_dims` (inner rank 3)."""
    filter = deprecated_argument_lookup("filters", filters, "filter", filter)
    padding, explicit_paddings = convert_padding(padding)
    if data_format is None:
        data_format = "NHWC"
    channel_index = 1 if data_format.startswith("NC") else 3
    strides = get_sequence(strides, 2, channel_index, "strides")
    dilations = get_sequence(dilations, 2, channel_index, "dilations")
    shape = input.shape
    ndims = getattr(shape, "ndims", -1)
    if ndims == -1:
        ndims = len(shape)
    if ndims in (4, 3, 2, 1, 0, None):
        return gen_conv2d(g, input, filter, strides, padding, use_cudnn_on_gpu,
                          explicit_paddings, data_format, dilations, name)
    return squeeze_batch_dims(
        g, input, lambda t: gen_conv2d(g, t, filter, strides, padding, use_cudnn_on_gpu,
                                       explicit_paddings, data_format, dilations, None),
        3, name)


def _shape_slice(g: Graph, t: Tensor, part: slice) -> Tensor:
    """`array_ops.shape(t)[part]`: `Shape` and its `strided_slice`."""
    from .array import slice_helper
    from .array_fns import shape
    from .math import binary_operator
    return slice_helper(g, shape(g, t), part, lambda a, b: binary_operator(g, "+", a, b))


def squeeze_batch_dims(g: Graph, inp, op, inner_rank: int, name=None) -> Tensor:
    """`nn_ops.squeeze_batch_dims`: in `squeeze_batch_dims/` (or `name`),
    `inp` converted (`input`); its inner and batch shapes, each static when
    fully defined, else a slice of its `Shape` (inner first); `Reshape` to
    `[-1] + inner` (a concat of `[-1]` and the slice when not static); `op`;
    the output's inner shape (static, or a slice of its `Shape`); `Reshape_1`
    by the concat of the batch and inner shapes, with the batch dims of
    `inp` and the inner dims of the result as its static shape."""
    from .array_fns import concat, reshape
    from .convert import convert_to_tensor
    g = graph_from_inputs(g, (inp,))
    with name_scope(g, name, "squeeze_batch_dims"):
        inp = convert_to_tensor(g, inp, name="input")
        dims = inp._dims
        inner_shape = list(dims[-inner_rank:])
        if None in inner_shape:
            inner_shape = _shape_slice(g, inp, slice(-inner_rank, None))
        batch_shape = list(dims[:-inner_rank])
        if None in batch_shape:
            batch_shape = _shape_slice(g, inp, slice(None, -inner_rank))
        if isinstance(inner_shape, list):
            inp_reshaped = reshape(g, inp, [-1] + inner_shape)
        else:
            inp_reshaped = reshape(g, inp, concat(g, ([-1], inner_shape), -1))
        out_reshaped = op(inp_reshaped)
        out_dims = out_reshaped._dims
        out_inner_shape = None if out_dims is None else list(out_dims[-inner_rank:])
        if out_inner_shape is None or None in out_inner_shape:
            out_inner_shape = _shape_slice(g, out_reshaped, slice(-inner_rank, None))
        out = reshape(g, out_reshaped, concat(g, (batch_shape, out_inner_shape), -1))
        inner = (None,) * inner_rank if out._dims is None else out._dims[-inner_rank:]
        static = tuple(dims[:-inner_rank]) + tuple(inner)
        out._dims = static if out._dims is None else tuple(
            a if a is not None else b for a, b in zip(out._dims, static))
        return out


def max_pool(g: Graph, value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None) -> Tensor:  # noqa: A002
    """`nn_ops.max_pool` (v1): `input` the new name of `value`; in
    `MaxPool/`, ksize and strides as sequences of 4, the padding converted,
    a zero in ksize refused."""
    value = deprecated_argument_lookup("input", input, "value", value)
    g = graph_from_inputs(g, (value,))
    with name_scope(g, name, "MaxPool") as scope:
        if data_format is None:
            data_format = "NHWC"
        channel_index = 1 if data_format.startswith("NC") else 3
        ksize = get_sequence(ksize, 2, channel_index, "ksize")
        strides = get_sequence(strides, 2, channel_index, "strides")
        if isinstance(padding, (list, tuple)) and data_format == "NCHW_VECT_C":
            raise TFValueError("`data_format='NCHW_VECT_C'` is not supported with explicit "
                               f"padding. Received: padding={padding}")
        padding, explicit_paddings = convert_padding(padding)
        if isinstance(ksize, (list, tuple)) and any(v == 0 for v in ksize):
            raise TFValueError(f"`ksize` cannot be zero. Received: ksize={ksize}")
        return gen_max_pool(g, value, ksize, strides, padding, explicit_paddings, data_format,
                            scope)


def avg_pool(g: Graph, value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None) -> Tensor:  # noqa: A002
    """`nn_ops.avg_pool` (v1): in `AvgPool/` (opened before `input` is
    looked up), ksize and strides as sequences of 4."""
    g = graph_from_inputs(g, (value, input))
    with name_scope(g, name, "AvgPool") as scope:
        value = deprecated_argument_lookup("input", input, "value", value)
        if data_format is None:
            data_format = "NHWC"
        channel_index = 1 if data_format.startswith("NC") else 3
        ksize = get_sequence(ksize, 2, channel_index, "ksize")
        strides = get_sequence(strides, 2, channel_index, "strides")
        return gen_avg_pool(g, value, ksize, strides, padding, data_format, scope)
