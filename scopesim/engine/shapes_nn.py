"""The C++ shape functions of the nn ops (`core/ops/nn_ops.cc`,
`common_shape_fns.cc`), registered into `shape_inference.SHAPE_FNS` under
the names their OpDefs in `opdefs_nn.py` give."""

from __future__ import annotations

from .shape_inference import SHAPE_FNS, merge, with_rank


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


SHAPE_FNS.update({"bias_add": bias_add_shape, "rank_at_least_1": unchanged_rank_at_least_1,
                  "scalar": scalar})
