"""`op_def_registry.get(op_type)` for the nn ops (TF 2.21), registered into
`opdef.OPS`; their shape functions are in `shapes_nn.py`."""

from __future__ import annotations

from . import shapes_nn  # noqa: F401 - registers the shape functions
from .opdef import OPS, OpDef

_BIAS_ADD = ("float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, "
             "qint32, bfloat16, qint16, quint16, uint16, complex128, float16, uint32, uint64")
_RELU6 = ("float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, "
          "uint32, uint64")
_HALF_FLOATS = "float16, bfloat16, float32, float64"
_MAX_POOL = ("float16, bfloat16, float32, float64, int32, int64, uint8, int16, int8, uint16, "
             "qint8")

_XENT = "float16, bfloat16, float32, float64"


def _unary(arg: str, allowed: str | None, shape_fn: str = "unchanged", defaults=None) -> OpDef:
    return OpDef(((arg, "T"),), {"T": allowed}, shape_fn, defaults or {})


OPS.update({
    "BiasAdd": OpDef((("value", "T"), ("bias", "T")), {"T": _BIAS_ADD}, "bias_add"),
    "Relu6": _unary("features", _RELU6),
    "Elu": _unary("features", _HALF_FLOATS),
    "Softplus": _unary("features", _HALF_FLOATS),
    "LeakyRelu": _unary("features", _HALF_FLOATS, defaults={"T": "float32"}),
    "Softmax": _unary("logits", _HALF_FLOATS, "rank_at_least_1"),
    "LogSoftmax": _unary("logits", _HALF_FLOATS, "rank_at_least_1"),
    "L2Loss": _unary("t", _HALF_FLOATS, "scalar"),
    "Conv2D": OpDef((("input", "T"), ("filter", "T")), {"T": _HALF_FLOATS + ", int32"}, "conv2d",
                    strings={"padding": ("SAME", "VALID", "EXPLICIT"),
                             "data_format": ("NHWC", "NCHW")}),
    "MaxPool": OpDef((("input", "T"),), {"T": _MAX_POOL}, "max_pool", {"T": "float32"},
                     strings={"padding": ("SAME", "VALID", "EXPLICIT"),
                              "data_format": ("NHWC", "NCHW", "NCHW_VECT_C")}),
    "AvgPool": OpDef((("value", "T"),), {"T": _HALF_FLOATS}, "avg_pool",
                     strings={"padding": ("SAME", "VALID"), "data_format": ("NHWC", "NCHW")}),
    "SoftmaxCrossEntropyWithLogits": OpDef((("features", "T"), ("labels", "T")),
                                           {"T": _XENT}, "softmax_xent"),
    "SparseSoftmaxCrossEntropyWithLogits": OpDef((("features", "T"), ("labels", "Tlabels")),
                                                 {"T": _XENT, "Tlabels": "int32, int64"},
                                                 "sparse_softmax_xent", {"Tlabels": "int64"}),
    "StopGradient": _unary("input", None),
    "DynamicPartition": OpDef((("data", "T"), ("partitions", "=int32")), {"T": None},
                              "dynamic_partition"),
    "ParallelDynamicStitch": OpDef((("*indices", "=int32"), ("*data", "T")), {"T": None},
                                   "dynamic_stitch", output_dtype="T"),
})
