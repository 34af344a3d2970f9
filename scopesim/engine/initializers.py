"""The ops the initializers create (inside `<variable>/Initializer/`).

Mirrors the array, random and linalg ops that `ops/init_ops.py` calls
(TF 2.21), in TensorFlow's order, failures included: an integer dtype with
a random initializer creates the `shape` constant and then fails converting
the float mean or bound, as TensorFlow does.  `scopesim.tf.ops.init_ops`
holds the initializer classes; each calls one of these functions.
"""

from __future__ import annotations

import math
import operator

from ..errors import TFTypeError, TFValueError
from .graph import Graph, Tensor
from .ops import check_convertible, constant, convert, generated, tensor_value
from .opdef import apply_op, name_scope
from .shapes import Shape, num_elements
from .tensor_shape import TensorShape

#: `random_seed.DEFAULT_GRAPH_SEED`: the graph seed an op seed is paired with.
DEFAULT_GRAPH_SEED = 87654321


def _op(g: Graph, op_type: str, name: str, dims, dtype: str, inputs=(), attrs=None) -> Tensor:
    """An op with one output and its NodeDef attrs (`name` ending in `/` is exact)."""
    return g.create_tensor(op_type, name, dims, dtype, inputs, attrs)


def _scoped_op(g: Graph, op_type: str, scope_name: str, dims, dtype: str, inputs,
               attrs) -> Tensor:
    """`with g.name_scope(scope_name) as scope:` an op named `scope`: the
    scope entered and left directly (nothing else runs inside it)."""
    old = g.name_stack
    try:
        _, scope = g.enter_name_scope(scope_name)
        return g.create_tensor(op_type, scope, dims, dtype, inputs, attrs)
    finally:
        g.name_stack = old


def _float_const(g: Graph, value, dtype: str, name: str, colocate=None) -> Tensor:
    """`convert(g, value, dtype, name)` (`ops.convert_to_tensor`): a Python
    float of a float dtype is its own value, checked by nothing; anything
    else goes the whole way (`colocate`: see `variance_scaling`)."""
    if value.__class__ is float and dtype in _FLOATS:
        attrs = {"value": value, "dtype": dtype}
    elif colocate is None or isinstance(value, Tensor):
        return convert(g, value, dtype, name)
    else:                                 # `convert`'s constant
        dtype, shape, value = tensor_value(value, dtype)
        return g.create_tensor("Const", name, shape, dtype, (),
                               {"value": value, "dtype": dtype, "_class": colocate})
    if colocate is not None:
        attrs["_class"] = colocate
    return g.create_tensor("Const", name, (), dtype, (), attrs)


def _with_class(attrs: dict, colocate) -> dict:
    """`attrs`, with `_class` last when `colocate` is given."""
    if colocate is not None:
        attrs["_class"] = colocate
    return attrs


#: The dtypes a Python float converts to as it is (`_AssertCompatible`).
_FLOATS = frozenset(("float16", "bfloat16", "float32", "float64"))


def _seed_attrs(seed) -> dict:
    """`random_seed.get_seed(seed)` without a graph seed: (0, 0), or the
    default graph seed and `_truncate_seed(seed)` (`seed % (2**31 - 1)`,
    Python's `%`: -1 is 2147483646, a string its formatting TypeError), as
    the sampler's int attr takes it (`execute.make_int`)."""
    if seed is None:
        return {"seed": 0, "seed2": 0}
    from .gen_ops import make_int
    truncated = seed % _MAXINT32  # fuzz: Python's error, as TF's (`_truncate_seed`)
    return {"seed": DEFAULT_GRAPH_SEED, "seed2": make_int(truncated, "seed2")}


#: `random_seed._MAXINT32`
_MAXINT32 = 2**31 - 1

#: tf.zeros/tf.ones switch from one Const to Fill at this many elements.
FILL_THRESHOLD = 1000

RANDOM_DTYPES = ("float16", "bfloat16", "float32", "float64", "int32", "int64")


# ------------------------------------------------------------ array_ops


def small_zeros(g: Graph, shape: tuple, dtype: str, colocate):
    """`fill(g, "zeros", list(shape), dtype)` where it makes one `Const`
    (plain small dims, a dtype the zero converts to): (that op's output,
    True), the op made with `_class` colocate last (see
    `variance_scaling`); if the constant cannot be made (its name taken),
    fill's fallback ops without it, and False.  None when fill would not
    make one `Const` (nothing made)."""
    value = False if dtype == "bool" else "" if dtype == "string" else 0
    plain = _plain_dims(shape)
    if plain is None or not math.prod(plain) < FILL_THRESHOLD:
        return None
    try:
        check_convertible(value, dtype)
    except TFTypeError:
        return None
    old = g.name_stack
    try:
        _, scope = g.enter_name_scope("zeros")
        try:
            return g.create_tensor("Const", scope, plain, dtype, (),
                                   {"value": value, "dtype": dtype, "_class": colocate}), True
        except (TFTypeError, TFValueError):   # nothing made: fill's own way from the start
            return _fill_in(g, scope, value, list(shape), dtype), False
    finally:
        g.name_stack = old


def fill(g: Graph, name: str, shape, dtype: str, scope_name=None) -> Tensor:
    """`array_ops.zeros` / `array_ops.ones` (`name` is which) of a shape that
    is not a Tensor, inside `ops.name_scope(scope_name, name)`.  In one
    `try`: one Const of the scope's name below 1000 elements
    (`_constant_if_small`), else `shape_as_tensor` of `TensorShape(shape)`;
    any TypeError/ValueError there (a negative or unknown dim, a name the
    Const may not have, a constant too big for numpy) is swallowed and the
    shape is converted again as int32 (`Const`, its ints wrapped to 32
    bits).  Then the value (`Const`, where `ones` of strings fails) and a
    Fill named by the scope, whose shape function checks the dims."""
    one = name == "ones"
    if dtype == "bool":
        value = one
    elif dtype == "string":
        value = 1 if one else ""
    else:
        value = 1 if one else 0
    if scope_name is None:                # `name_scope(None, name)`: entered directly
        old = g.name_stack
        try:
            _, scope = g.enter_name_scope(name)
            return _fill_in(g, scope, value, shape, dtype)
        finally:
            g.name_stack = old
    with name_scope(g, scope_name, name) as scope:
        return _fill_in(g, scope, value, shape, dtype)


def _fill_in(g: Graph, scope: str, value, shape, dtype: str) -> Tensor:
    """The ops of `fill` inside its scope."""
    try:
        small = _constant_if_small(g, value, shape, dtype, scope)
        if small is not None:
            return small
        shape_t = _shape_as_tensor(g, TensorShape(shape))
    except (TFTypeError, TFValueError):
        from .convert import convert_to_tensor
        shape_t = convert_to_tensor(g, list(shape) if isinstance(shape, tuple) else shape,
                                    "int32")
    if not shape_t._dims:
        shape_t = apply_op(g, "Reshape", None, [shape_t, [-1]])
    fill_value = convert(g, value, dtype, "Const")
    return apply_op(g, "Fill", scope, [shape_t, fill_value])


def _shape_as_tensor(g: Graph, shape) -> Tensor:
    """`constant_op._tensor_shape_tensor_conversion_function(shape)`."""
    from .convert import convert_to_tensor
    return convert_to_tensor(g, shape, None, "shape_as_tensor")


def _numpy_prod(shape):
    """`np.prod(shape)` of a Python shape: int64 arithmetic (wrapping) while
    every dim fits int64, exact beyond; floats as floats; None or a string
    is numpy's TypeError (None here: not small)."""
    if isinstance(shape, (int, float)) and not isinstance(shape, bool):
        dims = [shape]
    elif isinstance(shape, (list, tuple)):
        dims = list(shape)
    else:
        dims = list(getattr(shape, "_dims", None) or ()) if hasattr(shape, "_dims") else None
        if dims is None or any(d is None for d in dims):
            return None
    dims = [_as_python_number(d) for d in dims]
    if not all(isinstance(d, (int, float)) for d in dims):
        return None
    if any(isinstance(d, float) for d in dims):
        return math.prod(float(d) for d in dims) if dims else 1.0
    product = math.prod(int(d) for d in dims)
    if all(-2**63 <= d < 2**63 for d in dims):
        product = (product + 2**63) % 2**64 - 2**63
    return product if dims else 1.0


def _as_python_number(d):
    """A numpy integer (what `list(np.array([2, 4]))` holds) as the int numpy
    multiplies; anything else as it is."""
    if isinstance(d, (int, float)) or not hasattr(type(d), "__index__"):
        return d
    try:
        return operator.index(d)
    except TypeError:
        return d


def _constant_if_small(g: Graph, value, shape, dtype: str, scope: str):
    """`array_ops._constant_if_small`: `constant(value, shape=shape,
    dtype=dtype, name=scope)` when `np.prod(shape) < 1000` (None when the
    product cannot be taken).  `make_tensor_proto` checks the value against
    the dtype, takes `np.prod(shape, dtype=np.int64)` (an int beyond int64
    overflows), makes an empty array for a size of 0 (numpy's errors for a
    negative or a too big shape) and refuses more elements than the size."""
    plain = _plain_dims(shape)
    product = math.prod(plain) if plain is not None else _numpy_prod(shape)
    if product is None or not product < FILL_THRESHOLD:
        return None
    try:
        check_convertible(value, dtype)
    except TFTypeError:                   # `except (NotImplementedError, TypeError)`
        return None
    if plain is not None:                 # one element, at most `size`: nothing to refuse
        return constant(g, dtype, plain, scope, value)
    dims = [int(d) for d in shape] if isinstance(shape, (list, tuple)) else \
        [int(d) for d in getattr(shape, "_dims", [shape])]
    check_proto_size(dims, dtype, 1)
    return constant(g, dtype, tuple(dims), scope, value)


def _plain_dims(shape):
    """A list or tuple of ints in `0 <= d < 2**31` as a dims tuple (numpy's
    product of them is theirs, `make_tensor_proto` refuses none of them),
    else None."""
    if shape.__class__ is not list and shape.__class__ is not tuple:
        return None
    for d in shape:
        if d.__class__ is not int or not 0 <= d < 2**31:
            return None
    return tuple(shape)


def check_proto_size(dims: list, dtype: str, count: int) -> None:
    """`make_tensor_proto(values, dtype, shape)` of `count` elements:
    `np.prod(shape, dtype=np.int64)` (an int beyond int64 overflows
    converting, `_numpy_int64`), an empty array for a size of 0 (numpy
    refuses dims past intp, negative dims and more than 2**63 - 1 bytes),
    at most `size` elements."""
    size = (math.prod(_numpy_int64(dims)) + 2**63) % 2**64 - 2**63
    if size == 0:                         # `np.empty(shape)`: its dims as intp first
        if any(d >= 2**63 for d in dims):
            raise TFValueError("Maximum allowed dimension exceeded")
        if any(d < 0 for d in dims):
            raise TFValueError("negative dimensions are not allowed")
        if math.prod(dims) * _ITEMSIZE.get(dtype, 8) > 2**63 - 1:
            raise TFValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger "
                               "than the maximum possible size.")
    elif count > size:
        raise TFValueError(f"Too many elements provided. Takes at most {size}, but got {count}.")


def _numpy_int64(dims: list) -> list:
    """The dims as `np.prod(dims, dtype=np.int64)` multiplies them: numpy
    holds Python ints as int64, as uint64 when every one is past int64
    (cast to int64 they wrap), as float64 when both kinds meet (cast to
    int64, a float past int64 is its minimum); an int past uint64 (or below
    int64) is Python's OverflowError converting it."""
    if any(not -2**63 <= d < 2**64 for d in dims):
        from ..errors import PyError
        raise PyError("OverflowError", "Python int too large to convert to C long")
    big = [d >= 2**63 for d in dims]
    if not any(big):
        return dims
    if all(big):
        return [d - 2**64 for d in dims]
    return [-2**63 if float(d) >= 2**63 else int(float(d)) for d in dims]


#: numpy's itemsize of each dtype (`arr.dtype.itemsize`).
_ITEMSIZE = {"bool": 1, "int8": 1, "uint8": 1, "int16": 2, "uint16": 2, "float16": 2,
             "bfloat16": 2, "int32": 4, "uint32": 4, "float32": 4, "int64": 8, "uint64": 8,
             "float64": 8, "complex64": 8, "complex128": 16, "string": 8}


def _count(value) -> int:
    """How many elements a (nested) Python value or array holds."""
    if hasattr(value, "size") and hasattr(value, "shape"):       # numpy
        return int(value.size)
    if isinstance(value, (list, tuple)):
        return sum(_count(v) for v in value)
    return 1


def _elements(value):
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _elements(v)
    else:
        yield value


def constant_of_shape(g: Graph, value, dtype: str, shape: Shape, name: str = "Const") -> Tensor:
    """`constant_op.constant_v1(value, dtype, shape)` as `Constant.__call__`
    makes it: every element checked against `dtype` (`_AssertCompatible`),
    at most as many elements as the shape holds (fewer are padded)."""
    for element in _elements(value):
        check_convertible(element, dtype)
    check_proto_size(list(shape), dtype, _count(value))
    return constant(g, dtype, shape, name, value.tolist() if hasattr(value, "tolist") else value)


def reshape(g: Graph, x: Tensor, shape: Shape) -> Tensor:
    """`array_ops.reshape(x, shape)`: `Reshape/shape` and `Reshape`."""
    with g.name_scope("Reshape") as scope:
        shape_t = constant(g, "int32", (len(shape),), "shape", list(shape))
        return _op(g, "Reshape", scope, shape, x._dt, (x, shape_t),
                   {"T": x._dt, "Tshape": "int32"})


def matrix_transpose(g: Graph, x: Tensor) -> Tensor:
    """`array_ops.matrix_transpose`: `transpose` inside `matrix_transpose/`."""
    with g.name_scope("matrix_transpose"):
        with g.name_scope("transpose") as scope:
            rank = len(x._dims)
            perm = constant(g, "int32", (rank,), "perm",
                            list(range(rank - 2)) + [rank - 1, rank - 2])
            dims = x._dims[:-2] + (x._dims[-1], x._dims[-2])
            return _op(g, "Transpose", scope, dims, x._dt, (x, perm),
                       {"T": x._dt, "Tperm": "int32"})


def _unary(g: Graph, op_type: str, name: str, x: Tensor, dims) -> Tensor:
    with g.name_scope(name) as scope:
        return _op(g, op_type, scope, dims, x._dt, (x,), {"T": x._dt})


def _scaled(g: Graph, gain, x: Tensor) -> Tensor:
    """`gain * x` with a Python gain: `Tensor.__rmul__` (`mul/x`, `mul`)."""
    with g.name_scope("mul") as scope:
        factor = convert(g, gain, x._dt, "x")
        return _op(g, "Mul", scope, x._dims, x._dt, (factor, x), {"T": x._dt})


# ----------------------------------------------------------- random_ops


def _check_random_dtype(dtype: str) -> None:
    if dtype not in RANDOM_DTYPES:
        accepted = ", ".join("tf." + d for d in RANDOM_DTYPES)
        raise TFValueError(f"Argument `dtype` got invalid value <dtype: '{dtype}'>. "
                           f"Accepted dtypes are ({accepted}).")


def random_uniform(g: Graph, shape: Shape, dtype: str, minval=0.0, maxval=None,
                   name: str | None = None, seed=None, colocate=None) -> Tensor:
    """`random_ops.random_uniform`: the dtype checked first; floats:
    `shape`, `min`, `max`, `RandomUniform`, `sub`, `mul`, the add;
    integers: `shape`, `min`, `max`, `RandomUniformInt` (maxval required).
    `colocate` (float dtypes): see `variance_scaling`."""
    _check_random_dtype(dtype)
    integer = dtype in ("int32", "int64")
    if maxval is None:
        if integer:
            raise TFValueError(f"Must specify maxval for integer dtype tf.{dtype}")
        maxval = 1
    if integer:
        if colocate is not None:
            raise AssertionError("random_uniform: colocate is for float dtypes")
        with g.name_scope(name or "random_uniform") as scope:
            shape_t = _shape_tensor(g, shape)
            lo = convert(g, minval, dtype, "min")
            hi = convert(g, maxval, dtype, "max")
            with g.name_scope("RandomUniformInt"):
                _check_shape_type(shape_t._dt)
            return _op(g, "RandomUniformInt", scope, shape, dtype, (shape_t, lo, hi),
                       {"T": shape_t._dt, "Tout": dtype, **_seed_attrs(seed)})
    old = g.name_stack                    # the scopes entered directly: no program code inside
    try:
        _, scope = g.enter_name_scope(name or "random_uniform")
        shape_t = _shape_tensor(g, shape, colocate)
        lo = _float_const(g, minval, dtype, "min", colocate)
        hi = _float_const(g, maxval, dtype, "max", colocate)
        rnd = _sampler(g, "RandomUniform", shape_t, shape, dtype, seed, colocate)
        width = _scoped_op(g, "Sub", "sub", (), dtype, (hi, lo),
                           _with_class({"T": dtype}, colocate))
        scaled = _scoped_op(g, "Mul", "mul", shape, dtype, (rnd, width),
                            _with_class({"T": dtype}, colocate))
        return g.create_tensor("AddV2", scope, shape, dtype, (scaled, lo),
                               _with_class({"T": dtype}, colocate))
    finally:
        g.name_stack = old


def random_normal(g: Graph, name: str, sampler: str, shape: Shape, dtype: str,
                  mean=0.0, stddev=1.0, seed=None, colocate=None) -> Tensor:
    """`random_ops.random_normal` / `truncated_normal` (`sampler` is
    RandomStandardNormal or TruncatedNormal): `shape`, `mean`, `stddev`,
    the sampler, `mul`, the add.  `colocate`: see `variance_scaling`."""
    if colocate is None:
        with g.name_scope(name) as scope:
            shape_t = _shape_tensor(g, shape)
            mean_t = convert(g, mean, dtype, "mean")
            stddev_t = convert(g, stddev, dtype, "stddev")
            rnd = _sampler(g, sampler, shape_t, shape, dtype, seed)
            with g.name_scope("mul") as mul:
                scaled = _op(g, "Mul", mul, shape, dtype, (rnd, stddev_t), {"T": dtype})
            return _op(g, "AddV2", scope, shape, dtype, (scaled, mean_t), {"T": dtype})
    old = g.name_stack                    # the scopes entered directly: no program code inside
    try:
        _, scope = g.enter_name_scope(name)
        shape_t = _shape_tensor(g, shape, colocate)
        mean_t = _float_const(g, mean, dtype, "mean", colocate)
        stddev_t = _float_const(g, stddev, dtype, "stddev", colocate)
        rnd = _sampler(g, sampler, shape_t, shape, dtype, seed, colocate)
        scaled = _scoped_op(g, "Mul", "mul", shape, dtype, (rnd, stddev_t),
                            {"T": dtype, "_class": colocate})
        return g.create_tensor("AddV2", scope, shape, dtype, (scaled, mean_t),
                               {"T": dtype, "_class": colocate})
    finally:
        g.name_stack = old


def _sampler(g: Graph, op_type: str, shape_t: Tensor, shape: Shape, dtype: str,
             seed=None, colocate=None) -> Tensor:
    old = g.name_stack
    try:
        _, scope = g.enter_name_scope(op_type)
        _check_shape_type(shape_t._dt)
        attrs = {"T": shape_t._dt, "dtype": dtype, "seed": 0, "seed2": 0} if seed is None \
            else {"T": shape_t._dt, "dtype": dtype, **_seed_attrs(seed)}
        return g.create_tensor(op_type, scope, shape, dtype, (shape_t,),
                               _with_class(attrs, colocate))
    finally:
        g.name_stack = old


def _shape_tensor(g: Graph, shape: Shape, colocate=None) -> Tensor:
    """`shape_util.shape_tensor(shape)` of a variable's fully defined shape:
    its dims converted as `shape` by their own dtype, int32 while they fit,
    else as numpy infers it (int64; uint64 past 2**63 - 1; float32 when
    uint64 meets smaller dims: `[2, 2**63]`; past uint64 not convertible,
    the tuple quoted)."""
    dims = list(shape)
    for d in dims:
        if not 0 <= d < 2**31:
            from .ops import python_dtype
            dtype = python_dtype(tuple(dims))
            break
    else:
        dtype = "int32"
    return g.create_tensor("Const", "shape", (len(dims),), dtype, (),
                           _with_class({"value": dims, "dtype": dtype}, colocate))


def _check_shape_type(dtype: str) -> None:
    """The samplers' `shape` input: `_SatisfiesTypeConstraint` of its type
    attr `T` (int32, int64)."""
    from .opdef import _satisfies_type_constraint
    _satisfies_type_constraint(dtype, ("int32", "int64"), "shape")


# ------------------------------------------------------------- init_ops


def compute_fans(shape: Shape) -> tuple[float, float]:
    """`init_ops._compute_fans`."""
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = 1
    for dim in shape[:-2]:
        receptive *= dim
    return shape[-2] * receptive, shape[-1] * receptive


def variance_scaling(g: Graph, shape: Shape, dtype: str, scale: float, mode: str,
                     distribution: str, seed=None, scale_shape: Shape | None = None,
                     colocate=None) -> Tensor:
    """`VarianceScaling.__call__`: the scale from the fans (of `scale_shape`,
    a partitioned variable's full shape, when given), then truncated_normal
    ("normal", "truncated_normal"), random_normal ("untruncated_normal") or
    random_uniform ("uniform").

    `colocate` (a float dtype): the `_class` list every op gets last among
    its attrs as it is made, as TensorFlow's attr scope in
    `RefVariable._init_from_args` sets it (get_variable gives it when
    nothing can see the ops before the variable op exists)."""
    fan_in, fan_out = compute_fans(shape if scale_shape is None else scale_shape)
    if mode == "fan_in":
        scale /= max(1., fan_in)
    elif mode == "fan_out":
        scale /= max(1., fan_out)
    else:
        scale /= max(1., (fan_in + fan_out) / 2.)
    if distribution in ("normal", "truncated_normal"):
        stddev = math.sqrt(scale) / .87962566103423978
        return random_normal(g, "truncated_normal", "TruncatedNormal", shape, dtype, 0.0, stddev,
                             seed, colocate)
    if distribution == "untruncated_normal":
        return random_normal(g, "random_normal", "RandomStandardNormal", shape, dtype, 0.0,
                             math.sqrt(scale), seed, colocate)
    limit = math.sqrt(3.0 * scale)
    return random_uniform(g, shape, dtype, -limit, limit, seed=seed, colocate=colocate)


def uniform_unit_scaling(g: Graph, shape: Shape, dtype: str, factor: float,
                         seed=None, scale_shape: Shape | None = None) -> Tensor:
    """`UniformUnitScaling.__call__`: random_uniform(-max_val, max_val), the
    input size from `scale_shape` (a partitioned variable's full shape) when given."""
    input_size = 1.0
    for dim in (shape if scale_shape is None else scale_shape)[:-1]:
        input_size *= float(dim)
    max_val = math.sqrt(3 / max(input_size, 1.0)) * factor
    return random_uniform(g, shape, dtype, -max_val, max_val, seed=seed)


def orthogonal(g: Graph, shape: Shape, dtype: str, gain, seed=None) -> Tensor:
    """`Orthogonal.__call__`: a random_normal of the flat shape, `Qr`,
    `DiagPart`, `Sign`, `mul`, `matrix_transpose` when there are fewer rows
    than columns, `Reshape`, and the gain's `mul_1`."""
    if len(shape) < 2:
        raise TFValueError("The tensor to initialize, specified by argument `shape` must be at "
                           f"least two-dimensional. Received shape={list(shape)}")
    num_rows = 1
    for dim in shape[:-1]:
        num_rows *= dim
    num_cols = shape[-1]
    flat = (num_cols, num_rows) if num_rows < num_cols else (num_rows, num_cols)
    a = random_normal(g, "random_normal", "RandomStandardNormal", flat, dtype, seed=seed)
    small = min(flat)
    with g.name_scope("Qr") as scope:
        qr = g.create_op("Qr", scope, outputs=(((flat[0], small), dtype), ((small, flat[1]), dtype)),
                         inputs=(a,), attrs={"T": dtype, "full_matrices": False})
    q, r = qr.outputs
    d = _unary(g, "DiagPart", "DiagPart", r, (small,))
    sign = _unary(g, "Sign", "Sign", d, (small,))
    with g.name_scope("mul") as scope:
        q = _op(g, "Mul", scope, q._dims, dtype, (q, sign), {"T": dtype})
    if num_rows < num_cols:
        q = matrix_transpose(g, q)
    return _scaled(g, gain, reshape(g, q, shape))


def eye_scaled(g: Graph, shape: Shape, dtype: str, gain) -> Tensor:
    """`Identity.__call__`: `linalg_ops_impl.eye(rows, cols)` times the gain.
    `eye` knows the shape statically: a square one is `matrix_diag` of the
    ones (`diag`: MatrixDiagV3 with its k, num_rows, num_cols and
    padding_value constants), any other `matrix_set_diag` of zeros and the
    ones (`set_diag`: MatrixSetDiagV3 and its k)."""
    if len(shape) != 2:
        raise TFValueError("The tensor to initialize, specified by argument `shape` must be at "
                           f"least two-dimensional. Received shape={list(shape)}")
    with g.name_scope("eye"):
        ones = fill(g, "ones", (min(shape),), dtype)
        if shape[0] == shape[1]:
            with g.name_scope("diag") as scope:
                inputs = (ones, constant(g, "int32", (), "k", 0),
                          constant(g, "int32", (), "num_rows", -1),
                          constant(g, "int32", (), "num_cols", -1),
                          constant(g, dtype, (), "padding_value", dtype != "bool" and 0))
                matrix = generated(g, "MatrixDiagV3", scope, shape, dtype, inputs=inputs)
        else:
            zeros = fill(g, "zeros", shape, dtype)
            with g.name_scope("set_diag") as scope:
                k = constant(g, "int32", (), "k", 0)
                matrix = generated(g, "MatrixSetDiagV3", scope, shape, dtype,
                                   inputs=(zeros, ones, k))
    return _scaled(g, gain, matrix)
