"""The C++ shape functions of the nn ops (`core/ops/nn_ops.cc`,
`common_shape_fns.cc`), registered into `shape_inference.SHAPE_FNS` under
the names their OpDefs in `opdefs_nn.py` give."""

from __future__ import annotations

from .shape_inference import (SHAPE_FNS, broadcast_shape, constant_value, merge, merge_shapes,
                              with_rank)


def bias_add_shape(inputs, attrs, error):
    """`BiasAddShape`: the input of rank at least 2 (3 for NCHW), the bias
    of rank 1 (checked before an unknown input rank gives an unknown
    shape); the bias length merged into the channel dim (last, or 1)."""
    nchw = attrs.get("data_format") == "NCHW"
    shape = with_rank(inputs[0]._dims, 3 if nchw else 2, error, at_least=True)
    bias = with_rank(inputs[1]._dims, 1, error)
    bias_dim = None if bias is None else bias[0]
    if shape is None:
        return None
    channel = 1 if nchw else len(shape) - 1
    merged = merge(shape[channel], bias_dim, error)
    return shape[:channel] + (merged,) + shape[channel + 1:]


def unchanged_rank_at_least_1(inputs, attrs, error):
    """`UnchangedShapeWithRankAtLeast(c, 1)` (Softmax, LogSoftmax)."""
    return with_rank(inputs[0]._dims, 1, error, at_least=True)


def scalar(inputs, attrs, error):
    """`ScalarShape` (L2Loss, ScalarSummary's output...)."""
    return ()


def _format_dims(shape, nchw: bool):
    """`DimensionsFromShape`: (batch, [rows, cols], depth) of a rank-4 shape."""
    if shape is None:
        return None, [None, None], None
    if nchw:
        return shape[0], [shape[2], shape[3]], shape[1]
    return shape[0], [shape[1], shape[2]], shape[3]


def _from_format(batch, spatial, depth, nchw: bool):
    """`ShapeFromDimensions`."""
    if nchw:
        return (batch, depth, spatial[0], spatial[1])
    return (batch, spatial[0], spatial[1], depth)


def _subtract(a, b, error):
    """`InferenceContext::Subtract` of a dim and a number or dim."""
    if a is None or b is None:
        return None
    if a < b:
        raise error(f"Negative dimension size caused by subtracting {b} from {a}")
    return a - b


def windowed_output_size(size, filter_size, dilation: int, stride: int, padding: str,
                         before: int, after: int, error):
    """`GetWindowedOutputSizeFromDimsV2`: the stride and dilation checked;
    VALID/EXPLICIT `(size + pads - ((filter - 1) * dilation + 1) + stride)
    / stride`, SAME `(size + stride - 1) / stride`, over unknown dims."""
    if stride <= 0:
        raise error(f"Stride must be > 0, but got {stride}")
    if dilation < 1:
        raise error(f"Dilation rate must be >= 1, but got {dilation}")
    if padding == "SAME":
        return None if size is None else (size + stride - 1) // stride
    if padding == "VALID":
        before = after = 0
    out = None if size is None else size + before + after
    if dilation > 1:
        window = None if filter_size is None else (filter_size - 1) * dilation + 1
    else:
        window = filter_size
    out = _subtract(out, window, error)
    return None if out is None else (out + stride) // stride


def _check_padding(padding: str, explicit: list, nchw: bool, error) -> None:
    """`CheckValidPadding` for 4 dims."""
    if padding == "EXPLICIT":
        if len(explicit) != 8:
            raise error(f"explicit_paddings attribute must contain 8 values, but got: "
                        f"{len(explicit)}")
        for value in explicit:
            if value < 0:
                raise error(f"All elements of explicit_paddings must be nonnegative")
        batch, depth = (0, 1) if nchw else (0, 3)
        if any(explicit[2 * d] or explicit[2 * d + 1] for d in (batch, depth)):
            raise error("Nonzero explicit padding in the batch or depth dimensions is not "
                        "supported")
    elif explicit:
        raise error("explicit_paddings attribute must be empty if the padding attribute is "
                    "not EXPLICIT")


def _pads(explicit: list, nchw: bool, dim: int):
    if not explicit:
        return -1, -1
    index = dim + 2 if nchw else dim + 1
    return explicit[2 * index], explicit[2 * index + 1]


def conv2d_shape(inputs, attrs, error):
    """`Conv2DShapeWithExplicitPadding` (`Conv2DShapeImpl`): input and
    filter (HWIO) of rank 4; dilations and strides of 4 values; the input
    depth a multiple of the filter's (groups dividing the output depth);
    the padding checked; rows and cols by `windowed_output_size`."""
    nchw = attrs["data_format"] == "NCHW"
    shape = with_rank(inputs[0]._dims, 4, error)
    filt = with_rank(inputs[1]._dims, 4, error) or (None, None, None, None)
    dilations, strides = attrs["dilations"], attrs["strides"]
    if len(dilations) != 4:
        raise error(f"Conv2D requires the dilation attribute to contain 4 values, but got: "
                    f"{len(dilations)}")
    if len(strides) != 4:
        raise error(f"Conv2D on data format {attrs['data_format']} requires the stride "
                    f"attribute to contain 4 values, but got: {len(strides)}")
    h, w = (2, 3) if nchw else (1, 2)
    batch, spatial, depth = _format_dims(shape, nchw)
    rows, cols, in_depth, out_depth = filt
    if depth is not None and in_depth is not None:
        if in_depth == 0:
            raise error("Depth of filter must not be 0")
        if depth % in_depth:
            raise error(f"Depth of input ({depth}) is not a multiple of input depth of filter "
                        f"({in_depth})")
        if depth != in_depth and out_depth is not None:
            groups = depth // in_depth
            if out_depth % groups:
                raise error(f"Depth of output ({out_depth}) is not a multiple of the number "
                            f"of groups ({groups})")
    padding, explicit = attrs["padding"], attrs["explicit_paddings"]
    _check_padding(padding, explicit, nchw, error)
    out_rows = windowed_output_size(spatial[0], rows, dilations[h], strides[h], padding,
                                    *_pads(explicit, nchw, 0), error)
    out_cols = windowed_output_size(spatial[1], cols, dilations[w], strides[w], padding,
                                    *_pads(explicit, nchw, 1), error)
    return _from_format(batch, [out_rows, out_cols], out_depth, nchw)


def pool_shape(inputs, attrs, error, op_type: str):
    """`MaxPoolShapeImpl` (MaxPool, with explicit padding) and
    `AvgPoolShape` (without): rank 4; strides and ksize of 4 values; rows
    and cols windowed, and MaxPool's depth too (AvgPool keeps it)."""
    nchw = attrs["data_format"] == "NCHW"
    shape = with_rank(inputs[0]._dims, 4, error)
    strides, ksize = attrs["strides"], attrs["ksize"]
    if len(strides) != 4:
        raise error(f"{op_type} requires the stride attribute to contain 4 values, but got: "
                    f"{len(strides)}")
    if len(ksize) != 4:
        raise error(f"{op_type} requires the ksize attribute to contain 4 values, but got: "
                    f"{len(ksize)}")
    h, w, c = (2, 3, 1) if nchw else (1, 2, 3)
    batch, spatial, depth = _format_dims(shape, nchw)
    padding = attrs["padding"]
    explicit = attrs.get("explicit_paddings", [])
    if "explicit_paddings" in attrs:
        _check_padding(padding, explicit, nchw, error)
    out_rows = windowed_output_size(spatial[0], ksize[h], 1, strides[h], padding,
                                    *_pads(explicit, nchw, 0), error)
    out_cols = windowed_output_size(spatial[1], ksize[w], 1, strides[w], padding,
                                    *_pads(explicit, nchw, 1), error)
    if op_type == "AvgPool":       # `AvgPoolShape`: the depth as it is
        out_depth = depth
    else:
        out_depth = windowed_output_size(depth, ksize[c], 1, strides[c], padding, 0, 0, error)
    return _from_format(batch, [out_rows, out_cols], out_depth, nchw)


SHAPE_FNS.update({"bias_add": bias_add_shape, "rank_at_least_1": unchanged_rank_at_least_1,
                  "scalar": scalar, "conv2d": conv2d_shape,
                  "max_pool": lambda i, a, e: pool_shape(i, a, e, "MaxPool"),
                  "avg_pool": lambda i, a, e: pool_shape(i, a, e, "AvgPool")})


def softmax_xent_shape(inputs, attrs, error):
    """`SoftmaxCrossEntropyWithLogits`'s shape function: features of rank 2
    merged with the labels; failing that, the two broadcast, which must
    give rank 2.  Outputs: the batch vector and the broadcast matrix."""
    features, labels = inputs[0]._dims, inputs[1]._dims
    matrix = (None, None) if features is None else features
    if len(matrix) == 2 and (labels is None or (
            len(labels) == 2 and all(a is None or b is None or a == b
                                     for a, b in zip(matrix, labels)))):
        if labels is not None:
            matrix = tuple(a if a is not None else b for a, b in zip(matrix, labels))
        return [(matrix[0],), matrix]
    matrix = broadcast_shape(features, labels, error)
    if matrix is None:
        raise error("Shape must be broadcasted with rank 2, but is rank is unknown.")
    if len(matrix) != 2:
        raise error(f"Shape must be broadcasted with rank 2, but is rank {len(matrix)}")
    return [(matrix[0],), matrix]


def sparse_softmax_xent_shape(inputs, attrs, error):
    """`SparseSoftmaxCrossEntropyWithLogits`'s shape function: features of
    rank 2, labels of rank 1, the batch dims merged."""
    features = with_rank(inputs[0]._dims, 2, error) or (None, None)
    labels = with_rank(inputs[1]._dims, 1, error) or (None,)
    batch = merge(features[0], labels[0], error)
    return [(batch,), (batch, features[1])]


def dynamic_partition_shape(inputs, attrs, error):
    """`DynamicPartition`'s shape function: the data's shape must start
    with the partitions'; each of the `num_partitions` outputs is an
    unknown dim then the data's dims after the partitions' rank."""
    num = attrs["num_partitions"]
    data, partitions = inputs[0]._dims, inputs[1]._dims
    if partitions is None:
        return [None] * num
    rank = len(partitions)
    if data is not None:
        with_rank(data, rank, error, at_least=True)
        merge_shapes(tuple(data[:rank]), partitions, error)
    suffix = None if data is None else tuple(data[rank:])
    return [None if suffix is None else (None,) + suffix] * num


def dynamic_stitch_shape(inputs, attrs, error):
    """`DynamicStitchShapeFunction` (ParallelDynamicStitch): each data's
    shape starts with its indices'; the rest merged over all of them; dim 0
    the largest index plus one when every indices tensor is known."""
    n = attrs["N"]
    extra = None
    known, largest = True, -1
    for indices_t, data_t in zip(inputs[:n], inputs[n:]):
        value = constant_value(indices_t)
        if not isinstance(value, list):
            known = False
        indices = indices_t._dims
        if indices is None:
            continue
        data = data_t._dims
        if data is not None:
            with_rank(data, len(indices), error, at_least=True)
            merge_shapes(tuple(data[:len(indices)]), indices, error)
        rest = None if data is None else tuple(data[len(indices):])
        extra = merge_shapes(extra, rest, error)
        if isinstance(value, list):
            flat = value
            while flat and isinstance(flat[0], list):
                flat = [v for row in flat for v in row]
            largest = max([largest] + flat)
    if extra is None:
        return None
    return (largest + 1 if known else None,) + extra


SHAPE_FNS.update({"softmax_xent": softmax_xent_shape,
                  "sparse_softmax_xent": sparse_softmax_xent_shape,
                  "dynamic_partition": dynamic_partition_shape,
                  "dynamic_stitch": dynamic_stitch_shape})
