"""The v1 summaries: `summary/summary.py` (scalar, histogram, image, merge,
merge_all), `ops/summary_op_util.py` (clean_tag, summary_scope, collect)
and the generated `gen_logging_ops` summary ops (TF 2.21, graph mode)."""

from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import TFTypeError, TFValueError
from .convert import convert_to_tensor
from .gen_ops import make_int
from .graph import Graph, Tensor
from .opdef import OPS, OpDef, apply_op, graph_from_inputs, name_scope
from .shape_inference import SHAPE_FNS
from .values import truth

_SUMMARY_T = ("float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, "
              "uint32, uint64")
SHAPE_FNS["summary_scalar"] = lambda inputs, attrs, error: ()
OPS.update({
    "ScalarSummary": OpDef((("tags", "=string"), ("values", "T")), {"T": _SUMMARY_T},
                           "summary_scalar", output_dtype="string"),
    "HistogramSummary": OpDef((("tag", "=string"), ("values", "T")), {"T": _SUMMARY_T},
                              "summary_scalar", {"T": "float32"}, output_dtype="string"),
    "ImageSummary": OpDef((("tag", "=string"), ("tensor", "T")),
                          {"T": "uint8, float32, float16, float64"}, "summary_scalar",
                          {"T": "float32"}, output_dtype="string"),
    "MergeSummary": OpDef((("*inputs", "=string"),), {}, "summary_scalar",
                          output_dtype="string"),
})

#: `summary_op_util._INVALID_TAG_CHARACTERS`
_INVALID_TAG_CHARACTERS = re.compile(r"[^-/\w\.]")


def clean_tag(name):
    """`summary_op_util.clean_tag`: invalid characters become `_`, leading
    slashes go (TensorFlow logs the change at INFO level only)."""
    if name is not None:
        name = _INVALID_TAG_CHARACTERS.sub("_", name).lstrip("/")
    return name


@contextmanager
def summary_scope(g: Graph, name, family=None, default_name=None):
    """`summary_op_util.summary_scope`: the scope `family/name` (cleaned);
    the tag is the scope, prefixed by the family again."""
    name = clean_tag(name)
    family = clean_tag(family)
    base = name if family is None else f"{family}/{name}"
    if base is None and default_name is None:
        raise TFValueError("At least one of name (None) and default_name (None) must be "
                           "provided.")
    with name_scope(g, base, default_name) as scope:
        tag = scope.rstrip("/") if family is None else f"{family}/{scope.rstrip('/')}"
        yield tag, scope


def collect(g: Graph, val, collections, default_collections) -> None:
    """`summary_op_util.collect`."""
    if collections is None:
        collections = default_collections
    for key in collections:
        g.add_to_collection(key, val)


def scalar(g: Graph, name, tensor, collections=None, family=None) -> Tensor:
    """`summary.scalar` (v1): ScalarSummary of `tags` in the summary scope."""
    g = graph_from_inputs(g, (tensor,))
    with summary_scope(g, name, family) as (tag, scope):
        val = apply_op(g, "ScalarSummary", scope, [tag, tensor])
        collect(g, val, collections, ["summaries"])
    return val


def histogram(g: Graph, name, values, collections=None, family=None) -> Tensor:
    """`summary.histogram` (v1): default name `HistogramSummary`."""
    g = graph_from_inputs(g, (values,))
    with summary_scope(g, name, family, "HistogramSummary") as (tag, scope):
        val = apply_op(g, "HistogramSummary", scope, [tag, values])
        collect(g, val, collections, ["summaries"])
    return val


def image(g: Graph, name, tensor, max_outputs=3, collections=None, family=None) -> Tensor:
    """`summary.image` (v1): ImageSummary, `max_images` from `max_outputs`
    (its `bad_color` attr is not kept: str() of the op is not simulated)."""
    g = graph_from_inputs(g, (tensor,))
    with summary_scope(g, name, family) as (tag, scope):
        max_images = make_int(3 if max_outputs is None else max_outputs, "max_images")
        val = apply_op(g, "ImageSummary", scope, [tag, tensor], {"max_images": max_images})
        val.op._attrs = None
        collect(g, val, collections, ["summaries"])
    return val


def merge(g: Graph, inputs, collections=None, name=None) -> Tensor:
    """`summary.merge`: in `name_scope(clean_tag(name), "Merge")`, a
    MergeSummary named `name` (so `Merge/MergeSummary`, `m/m`)."""
    truth(inputs)
    name = clean_tag(name)
    g = graph_from_inputs(g, list(inputs))
    with name_scope(g, name, "Merge"):
        if not isinstance(inputs, (list, tuple)):
            raise TFTypeError(f"Expected list for 'inputs' argument to 'merge_summary' Op, "
                              f"not {inputs!r}.")
        tensors = [convert_to_tensor(g, v) for v in inputs]
        if any(t._dt != "string" for t in tensors):
            kinds = ", ".join(t._dt for t in tensors)
            raise TFTypeError(f"Tensors in list passed to 'inputs' of 'MergeSummary' Op have "
                              f"types [{kinds}] that do not match expected type string.")
        if not tensors:                 # the OpDef's `N >= 1`, checked by _apply_op_helper
            with name_scope(g, name if name else "MergeSummary"):
                raise TFValueError("List argument 'inputs' to 'MergeSummary' Op with length 0 "
                                   "shorter than minimum length 1.")
        val = apply_op(g, "MergeSummary", name, [tensors], {"N": len(tensors)})
        collect(g, val, collections, [])
    return val


def merge_all(g: Graph, key="summaries", scope=None, name=None):
    """`summary.merge_all`: None when the collection is empty."""
    summary_ops = g.get_collection(key, scope)
    if not summary_ops:
        return None
    return merge(g, summary_ops, name=name)
