"""Contractions: `math_ops.tensordot` and `special_math_ops.einsum`
(`_einsum_v2` and its equation parser) as TF 2.21 builds them in graph
mode, with the Einsum shape function (`EinsumShape`, common_shape_fns.cc)
and the ListDiff op tensordot uses for axes not known statically.  Each
is named in its docstring.  `g` is the default graph.
"""

from __future__ import annotations

import collections
import re

from ..errors import NotSimulated, TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array import slice_helper
from .array_fns import concat, gather, range_, rank, reshape, shape, stack, transpose, where
from .convert import convert_to_tensor
from .graph import Graph, Tensor
from .math import binary_operator, compare, matmul
from .math_fns import reduce
from .nodedef import StrAttr
from .opdef import OPS, OpDef, apply_op, graph_from_inputs, name_scope
from .shape_inference import SHAPE_FNS, broadcast_shape, merge
from .shapes import is_fully_defined

# ================================================================ tensordot


def _prod(values) -> int:
    out = 1
    for v in values:
        out *= v
    return out


def _perm_differs(perm: list, rank: int) -> bool:
    """`(perm != np.arange(rank)).any()`: numpy compares `arange(rank)`
    with `perm` (the reflected `!=`), broadcasting a length of 1; other
    unequal lengths are numpy's ValueError."""
    arange = list(range(rank))
    if len(perm) == rank:
        return any(p != a for p, a in zip(perm, arange))
    if rank == 1 or len(perm) == 1:
        longer, single = (perm, arange[0]) if rank == 1 else (arange, perm[0])
        return any(v != single for v in longer)
    raise TFValueError(f"operands could not be broadcast together with shapes ({rank},) "
                       f"({len(perm)},) ")


def _add(g: Graph):
    return lambda a, b: binary_operator(g, "+", a, b)


def _tensordot_reshape(g: Graph, a: Tensor, axes, flipped: bool):
    """`tensordot._tensordot_reshape`: a fully defined shape and a list of
    axes are transposed and reshaped with constants (each only when
    needed); a known rank and a list go through `axes`/`free` constants;
    otherwise `Shape`, `Rank`, the axes converted (`axes`), negative ones
    wrapped (`GreaterEqual`, `add`, `Select`) and the free ones by
    `ListDiff` of a `range`.  Then two gathers of the shape, their `Prod`s,
    `concat` for the permutation, `stack` for the shape, `transpose` and
    `Reshape`.  Returns (reshaped, free dims, their static dims or None)."""
    dims = a._dims
    listed = isinstance(axes, (list, tuple))
    if is_fully_defined(dims) and listed:
        shape_a = list(dims)
        axes = [i if i >= 0 else i + len(shape_a) for i in axes]
        free = [i for i in range(len(shape_a)) if i not in axes]
        free_dims = [shape_a[i] for i in free]
        prod_free = _prod([shape_a[i] for i in free])
        prod_axes = _prod([shape_a[i] for i in axes])
        perm = list(axes) + free if flipped else free + list(axes)
        new_shape = [prod_axes, prod_free] if flipped else [prod_free, prod_axes]
        a_trans = transpose(g, a, perm) if _perm_differs(perm, len(shape_a)) else a
        if list(a_trans._dims) != new_shape:
            return reshape(g, a_trans, new_shape), free_dims, free_dims
        return a_trans, free_dims, free_dims
    if dims is not None and listed:
        shape_a = list(dims)
        axes = [i if i >= 0 else i + len(shape_a) for i in axes]
        free = [i for i in range(len(shape_a)) if i not in axes]
        [shape_a[i] for i in axes]                  # TensorFlow's axes_dims: an IndexError
        free_static = [shape_a[i] for i in free]
        axes = convert_to_tensor(g, axes, "int32", name="axes")
        free = convert_to_tensor(g, free, "int32", name="free")
        shape_t = shape(g, a)
    else:
        free_static = None
        shape_t = shape(g, a)
        rank_a = rank(g, a)
        axes = convert_to_tensor(g, axes, "int32", name="axes")
        axes = where(g, compare(g, "GreaterEqual", axes, 0), axes,
                     binary_operator(g, "+", axes, rank_a))
        free = apply_op(g, "ListDiff", None, [range_(g, rank_a), axes],
                        {"out_idx": "int32"})[0]
    free_dims = gather(g, shape_t, free)
    axes_dims = gather(g, shape_t, axes)
    prod_free = reduce(g, "Prod", free_dims)
    prod_axes = reduce(g, "Prod", axes_dims)
    if flipped:
        perm = concat(g, [axes, free], 0)
        new_shape = stack(g, [prod_axes, prod_free])
    else:
        perm = concat(g, [free, axes], 0)
        new_shape = stack(g, [prod_free, prod_axes])
    return reshape(g, transpose(g, a, perm), new_shape), free_dims, free_static


def _tensordot_axes(g: Graph, a: Tensor, axes):
    """`tensordot._tensordot_axes`: an int is the last/first `axes` dims
    (for an unknown rank, `range`s of `Rank - axes`); a pair as given (two
    ints each made a list; their lengths must agree); anything else is
    converted to an int32 tensor (`axes`) and split by `axes[0]`,
    `axes[1]`."""
    if isinstance(axes, int) and not isinstance(axes, bool):
        if axes < 0:
            raise TFValueError(f"`axes` must be at least 0. Received: {axes}.")
        if a._dims is not None:
            ndims = len(a._dims)
            if axes > ndims:
                raise TFValueError(f"`axes` must not be larger than the number of dimensions "
                                   f"of tensor {a}.  Received {axes}, vs tensor dimensions "
                                   f"{ndims}.")
            return list(range(ndims - axes, ndims)), list(range(axes))
        rank_a = rank(g, a)
        return (range_(g, binary_operator(g, "-", rank_a, axes), rank_a, dtype="int32"),
                range_(g, axes, dtype="int32"))
    if isinstance(axes, (list, tuple)):
        if len(axes) != 2:
            raise TFValueError(f"`axes` must be an integer or have length 2. Received {axes}.")
        a_axes, b_axes = axes[0], axes[1]
        if isinstance(a_axes, int) and isinstance(b_axes, int) \
                and not isinstance(a_axes, bool) and not isinstance(b_axes, bool):
            a_axes, b_axes = [a_axes], [b_axes]
        if len(a_axes) != len(b_axes):
            raise TFValueError(f"Different number of contraction axes `a` and `b`, "
                               f"{len(a_axes)} != {len(b_axes)}.")
        return a_axes, b_axes
    axes = convert_to_tensor(g, axes, "int32", name="axes")
    return slice_helper(g, axes, 0, _add(g)), slice_helper(g, axes, 1, _add(g))


def tensordot(g: Graph, a, b, axes, name=None) -> Tensor:
    """`math_ops.tensordot`: in `Tensordot/`, `a` and `b` converted, both
    reshaped to matrices, `MatMul`; when both free dims are static lists the
    product itself if it has them, else `Reshape` named by the scope; else
    `Reshape` by a `concat` of the free dims (converted) with the static
    free dims set when both are known."""
    g = graph_from_inputs(g, (a, b, axes))
    with name_scope(g, name, "Tensordot") as scope:
        a = convert_to_tensor(g, a, name="a")
        b = convert_to_tensor(g, b, name="b")
        a_axes, b_axes = _tensordot_axes(g, a, axes)
        a_reshape, a_free, a_static = _tensordot_reshape(g, a, a_axes, False)
        b_reshape, b_free, b_static = _tensordot_reshape(g, b, b_axes, True)
        product = matmul(g, a_reshape, b_reshape)
        if isinstance(a_free, list) and isinstance(b_free, list):
            if is_fully_defined(product._dims) and list(product._dims) == a_free + b_free:
                return product
            return reshape(g, product, a_free + b_free, name=scope)
        a_free = convert_to_tensor(g, a_free, "int32")
        b_free = convert_to_tensor(g, b_free, "int32")
        out = reshape(g, product, concat(g, [a_free, b_free], 0), name=scope)
        if a_static is not None and b_static is not None:
            static = tuple(a_static + b_static)
            if out._dims is None:
                out._dims = static
            else:
                out._dims = tuple(x if x is not None else y for x, y in zip(out._dims, static))
        return out


def list_diff_shape(inputs, attrs, error):
    """ListDiff: `x` and `y` vectors; `out` and `idx` vectors of unknown length."""
    from .shape_inference import with_rank
    with_rank(inputs[0]._dims, 1, error)
    with_rank(inputs[1]._dims, 1, error)
    return [(None,), (None,)]


OPS["ListDiff"] = OpDef((("x", "T"), ("y", "T")), {"T": None, "out_idx": "int32, int64"},
                        "list_diff")
SHAPE_FNS["list_diff"] = list_diff_shape


# =================================================================== einsum


def resolve_equation(equation: str, n_inputs: int):
    """`_einsum_v2_parse_and_resolve_equation` (up to two inputs): spaces
    removed, an ellipsis stands as `0` (a `0` of the program's own is
    refused), the labels and arrows checked, the implicit output the labels
    used once in order, the output's labels unique and present.  Returns
    the equation with `...` again."""
    resolved = equation.replace(" ", "")
    ellipsis_label = None
    if "..." in equation:
        ellipsis_label = "0"
        if ellipsis_label in resolved:
            raise TFValueError(f'Invalid character "{ellipsis_label}" in equation: {equation}.')
        resolved = resolved.replace("...", ellipsis_label)
    allowed = "a-zA-Z" + (ellipsis_label or "")
    match = re.match(f"^([{allowed},]*)(->[{allowed}]*)?$", resolved)
    if not match:
        raise TFValueError(f"Subscripts have incorrect format: {resolved}")
    input_labels = match.group(1).split(",")
    output_labels = match.group(2)[2:] if match.group(2) else None
    if n_inputs != len(input_labels):
        raise TFValueError(f'Got {n_inputs} inputs for equation "{equation}", expecting '
                           f"{len(input_labels)}")
    if "->" not in resolved:
        counts = collections.Counter(match.group(1))
        output_labels = "".join(x for x in sorted(counts) if x != "," and counts[x] == 1)
        resolved += "->" + output_labels
    if output_labels and len(set(output_labels)) != len(output_labels):
        raise TFValueError("Output subscripts contain a label appearing more than once: "
                           f"{equation}")
    present = set(match.group(1))
    for label in output_labels:
        if label != ellipsis_label and label not in present:
            raise TFValueError(f"Output subscripts contain the label {label} not present in "
                               "the input subscripts.")
    if ellipsis_label and output_labels and output_labels.count(ellipsis_label) > 1:
        raise TFValueError(f"Output subscripts contain multiple ellipsis: {equation}")
    if ellipsis_label:
        resolved = resolved.replace(ellipsis_label, "...")
    return resolved


def einsum(g: Graph, equation: str, inputs, name=None) -> Tensor:
    """`special_math_ops._einsum_v2`: in `einsum/`, each operand's `.shape`
    read (a Python list has none: its AttributeError), the equation
    resolved, and for up to two operands the `Einsum` op; more need
    opt_einsum's contraction order (not simulated)."""
    g = graph_from_inputs(g, inputs)
    with name_scope(g, name, "einsum"):
        inputs = list(inputs)
        for operand in inputs:
            operand.shape                       # noqa: B018 - TensorFlow reads it
        if len(inputs) > 2:
            raise NotSimulated("tf.einsum of more than two operands (opt_einsum)")
        resolved = resolve_equation(equation, len(inputs))
        return apply_op(g, "Einsum", None, [inputs],
                        {"equation": StrAttr(resolved), "N": len(inputs)})


def _with_context(error, equation: str, i: int):
    def raise_(message, computed=None):
        return error(f"{message}\n\t for {i}th input and equation: {equation}", computed)
    return raise_


def einsum_shape(inputs, attrs, error):
    """`EinsumShape`: each input of exactly its labels' rank (at least the
    named ones with an ellipsis); a label's dims merged over its uses; the
    ellipsis dims broadcast between the inputs; an output without ellipsis
    needs them empty; the output's dims by label, the broadcast dims at its
    ellipsis (an unknown broadcast rank: unknown shape)."""
    equation = str(attrs["equation"])
    lhs, output = equation.split("->")
    found: dict = {}
    bcast = []
    for i, (t, labels) in enumerate(zip(inputs, lhs.split(","))):
        dims = t._dims
        has_ellipsis = "..." in labels
        named = labels.replace("...", "")
        if dims is not None:
            if has_ellipsis and len(dims) < len(named):
                raise _with_context(error, equation, i)(
                    f"Shape must be at least rank {len(named)} but is rank {len(dims)}")
            if not has_ellipsis and len(dims) != len(named):
                raise _with_context(error, equation, i)(
                    f"Shape must be rank {len(named)} but is rank {len(dims)}")
        before, _, after = labels.partition("...")
        if not has_ellipsis:
            before, after = labels, ""
        for k, label in enumerate(before):
            found[label] = merge(found.get(label), None if dims is None else dims[k], error)
        for k, label in enumerate(after):
            d = None if dims is None else dims[len(dims) - len(after) + k]
            found[label] = merge(found.get(label), d, error)
        if not has_ellipsis:
            bcast.append(())
        elif dims is None:
            bcast.append(None)
        else:
            bcast.append(tuple(dims[len(before):len(dims) - len(after)]))
    out_bcast = bcast[0] if len(bcast) == 1 else broadcast_shape(bcast[0], bcast[1], error)
    if "..." in output:
        if out_bcast is None:
            return None
    elif out_bcast:
        raise error(f"Shape must be at most rank 0 but is rank {len(out_bcast)}\n\t for einsum "
                    f"equation '{equation}' without ellipsis (...) in the output subscripts "
                    "where input(s) have non-empty broadcasting shape")
    before, _, after = output.partition("...")
    middle = tuple(out_bcast) if "..." in output else ()
    if "..." not in output:
        before, after = output, ""
    return (tuple(found.get(label) for label in before) + middle
            + tuple(found.get(label) for label in after))


SHAPE_FNS["einsum"] = einsum_shape
