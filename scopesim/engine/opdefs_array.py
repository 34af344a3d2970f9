"""The OpDefs of the array and math ops of issue 8, registered into `opdef.OPS`.

`op_def_registry.get(op_type)` of TF 2.21 for each op: its inputs with their
type attrs (`=int32` a fixed type, `*` a list input), the allowed dtypes of
each type attr, as `_SatisfiesTypeConstraint` lists them, and its defaults.
The shape functions named here are in `shapes_array.py`.
"""

from __future__ import annotations

from . import shapes_array as _shapes  # noqa: F401 - registers the shape functions
from .opdef import OPS, OpDef

_INDEX = "int32, int64"
_REDUCE = ("float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, "
           "bfloat16, qint16, quint16, uint16, complex128, float16, uint32, uint64")
_MINMAX_REDUCE = ("float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, "
                  "float16, uint32, uint64, qint8, quint8, qint32, qint16, quint16")
_ARG = _MINMAX_REDUCE + ", bool"
_FLOATS = "bfloat16, float16, float32, float64, complex64, complex128"
_MAXIMUM = ("bfloat16, float16, float32, float64, int8, uint8, int16, uint16, int32, uint32, int64, "
            "uint64")
_RANGE = ("bfloat16, float16, float32, float64, int8, int16, int32, int64, uint16, uint32, "
          "uint64")
_WHERE = _REDUCE + ", bool"
_ADD_N = _REDUCE + ", variant"
_SQUARED_DIFFERENCE = ("bfloat16, float16, float32, float64, int32, int64, complex64, "
                       "complex128")
_DIV_NO_NAN = "float16, float32, bfloat16, float64, complex64, complex128"
_RANDOM = "float16, bfloat16, float32, float64"


def _reduction(allowed: str) -> OpDef:
    return OpDef((("input", "T"), ("reduction_indices", "Tidx")), {"T": allowed, "Tidx": _INDEX},
                 "reduction", {"Tidx": "int32"})


def _unary(allowed: str) -> OpDef:
    return OpDef((("x", "T"),), {"T": allowed}, "unchanged")


def _random() -> OpDef:
    return OpDef((("shape", "T"),), {"T": _INDEX, "dtype": _RANDOM}, "random")


OPS.update({
    "Reshape": OpDef((("tensor", "T"), ("shape", "Tshape")), {"T": None, "Tshape": _INDEX},
                     "reshape", {"Tshape": "int32"}),
    "ConcatV2": OpDef((("*values", "T"), ("axis", "Tidx")), {"T": None, "Tidx": _INDEX},
                      "concat", {"Tidx": "int32"}),
    "Pack": OpDef((("*values", "T"),), {"T": None}, "pack"),
    "Unpack": OpDef((("value", "T"),), {"T": None}, "unpack"),
    "Split": OpDef((("split_dim", "=int32"), ("value", "T")), {"T": None}, "split",
                   output_dtype="T"),
    "SplitV": OpDef((("value", "T"), ("size_splits", "Tlen"), ("split_dim", "=int32")),
                    {"T": None, "Tlen": "int8, int32, int64"}, "split_v", {"Tlen": "int64"}),
    "ExpandDims": OpDef((("input", "T"), ("dim", "Tdim")), {"T": None, "Tdim": _INDEX},
                        "expand_dims", {"Tdim": "int32"}),
    "Squeeze": OpDef((("input", "T"),), {"T": None}, "squeeze"),
    "Transpose": OpDef((("x", "T"), ("perm", "Tperm")), {"T": None, "Tperm": _INDEX},
                       "transpose", {"Tperm": "int32"}),
    "Shape": OpDef((("input", "T"),), {"T": None, "out_type": _INDEX}, "shape"),
    "Size": OpDef((("input", "T"),), {"T": None, "out_type": _INDEX}, "scalar"),
    "Rank": OpDef((("input", "T"),), {"T": None}, "scalar", output_dtype="int32"),
    "Tile": OpDef((("input", "T"), ("multiples", "Tmultiples")),
                  {"T": None, "Tmultiples": _INDEX}, "tile", {"Tmultiples": "int32"}),
    "GatherV2": OpDef((("params", "Tparams"), ("indices", "Tindices"), ("axis", "Taxis")),
                      {"Tparams": None, "Tindices": "int16, int32, int64", "Taxis": _INDEX},
                      "gather_v2"),
    "ResourceGather": OpDef((("resource", "=resource"), ("indices", "Tindices")),
                            {"Tindices": _INDEX, "dtype": None}, "resource_gather"),
    "ZerosLike": OpDef((("x", "T"),), {"T": None}, "unchanged"),
    "Fill": OpDef((("dims", "index_type"), ("value", "T")), {"T": None, "index_type": _INDEX},
                  "fill", {"index_type": "int32"}, output_dtype="T"),
    "Range": OpDef((("start", "Tidx"), ("limit", "Tidx"), ("delta", "Tidx")), {"Tidx": _RANGE},
                   "range", {"Tidx": "int32"}),
    "OneHot": OpDef((("indices", "TI"), ("depth", "=int32"), ("on_value", "T"),
                     ("off_value", "T")), {"T": None, "TI": "uint8, int8, int32, int64"},
                    "one_hot", {"TI": "int64"}, output_dtype="T"),
    "Where": OpDef((("input", "T"),), {"T": _WHERE}, "where", {"T": "bool"},
                   output_dtype="int64"),
    "Select": OpDef((("condition", "=bool"), ("t", "T"), ("e", "T")), {"T": None}, "select",
                     output_dtype="T"),
    "SelectV2": OpDef((("condition", "=bool"), ("t", "T"), ("e", "T")), {"T": None},
                      "select_v2", output_dtype="T"),
    "Slice": OpDef((("input", "T"), ("begin", "Index"), ("size", "Index")),
                   {"T": None, "Index": _INDEX}, "slice"),
    "Pad": OpDef((("input", "T"), ("paddings", "Tpaddings")), {"T": None, "Tpaddings": _INDEX},
                 "pad", {"Tpaddings": "int32"}),
    "PadV2": OpDef((("input", "T"), ("paddings", "Tpaddings"), ("constant_values", "T")),
                   {"T": None, "Tpaddings": _INDEX}, "pad", {"Tpaddings": "int32"}),
    "MirrorPad": OpDef((("input", "T"), ("paddings", "Tpaddings")),
                       {"T": None, "Tpaddings": _INDEX}, "pad", {"Tpaddings": "int32"}),
    "Sum": _reduction(_REDUCE), "Mean": _reduction(_REDUCE), "Prod": _reduction(_REDUCE),
    "Max": _reduction(_MINMAX_REDUCE), "Min": _reduction(_MINMAX_REDUCE),
    "ArgMax": OpDef((("input", "T"), ("dimension", "Tidx")),
                    {"T": _ARG, "Tidx": "int16, int32, int64",
                     "output_type": "int16, uint16, int32, int64"}, "arg_min_max",
                    {"Tidx": "int32"}),
    "ArgMin": OpDef((("input", "T"), ("dimension", "Tidx")),
                    {"T": _ARG, "Tidx": _INDEX, "output_type": _INDEX}, "arg_min_max",
                    {"Tidx": "int32"}),
    "AddN": OpDef((("*inputs", "T"),), {"T": _ADD_N}, "add_n"),
    "Maximum": OpDef((("x", "T"), ("y", "T")), {"T": _MAXIMUM}, "broadcast"),
    "Minimum": OpDef((("x", "T"), ("y", "T")), {"T": _MAXIMUM}, "broadcast"),
    "Equal": OpDef((("x", "T"), ("y", "T")), {"T": None}, "broadcast", output_dtype="bool"),
    "NotEqual": OpDef((("x", "T"), ("y", "T")), {"T": None}, "broadcast", output_dtype="bool"),
    "Sqrt": _unary(_FLOATS), "Rsqrt": _unary(_FLOATS), "Exp": _unary(_FLOATS),
    "Log": _unary(_FLOATS), "Log1p": _unary(_FLOATS),
    "SquaredDifference": OpDef((("x", "T"), ("y", "T")), {"T": _SQUARED_DIFFERENCE}, "broadcast"),
    "DivNoNan": OpDef((("x", "T"), ("y", "T")), {"T": _DIV_NO_NAN}, "broadcast"),
    "Einsum": OpDef((("*inputs", "T"),), {"T": None}, "einsum"),
    "RandomStandardNormal": _random(), "TruncatedNormal": _random(),
    "RandomUniform": _random(),
    "RandomUniformInt": OpDef((("shape", "T"), ("minval", "Tout"), ("maxval", "Tout")),
                              {"T": _INDEX, "Tout": _INDEX}, "random"),
})
