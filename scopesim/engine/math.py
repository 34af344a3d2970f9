"""The math of the language: TensorFlow's op functions and operator overloads.

Each function mirrors one TensorFlow function, named in its docstring (paths
under tensorflow/python/), so that names, the ops created (the orphans a
failure leaves included), error types and messages come out as in TF:

- the functions: `math_ops.add`, `multiply`, `matmul`, `sigmoid`,
  `gen_nn_ops.relu`, `gen_math_ops.tanh`, `array_ops.identity` (with
  `cast`, `conj`, `_truediv_python3` behind them);
- the operators of a Tensor or Variable:
  `override_binary_operator.binary_op_wrapper` (and, when it fails, the
  right operand's `r_binary_op_wrapper`, inside the first scope), calling
  `math_ops._add_dispatch`, `subtract`, `_mul_dispatch_factory`,
  `_truediv_python3`, `matmul_wrapper`; unary minus is `gen_math_ops.neg`.

Below them: `gen_ops.py` (the generated wrappers), `opdef.py`
(`_apply_op_helper`), `convert.py` (`convert_to_tensor`) and
`shape_inference.py`.
"""

from __future__ import annotations

from ..errors import TFError, TFTypeError, TFValueError
from .convert import convert_to_tensor
from .dtypes import dtype_name as as_dtype
from .gen_ops import (gen_batch_mat_mul_v2, gen_batch_mat_mul_v3, gen_binary, gen_cast,
                      gen_mat_mul, gen_sparse_mat_mul, gen_unary)
from .graph import Graph, SymbolicTensor, Tensor
from .graph import _shared_names as shared_attr_names
from .opdef import entered_scope, graph_from_inputs, name_scope, quick_op, quick_scalar_op
from .shapes import FLOAT_DTYPES
from .values import is_tensor_like, py_str, truth
from .variables import RefVariable as Variable


def _value(x) -> Tensor:
    """`Variable.value()`: the variable's operators run on its snapshot."""
    return x._snapshot if isinstance(x, Variable) else x


def _catches(error: TFError) -> bool:
    """`except (TypeError, ValueError)` (OperatorNotAllowedInGraphError is a TypeError)."""
    return error.type_name in ("TypeError", "ValueError", "OperatorNotAllowedInGraphError")


# ============================================================== math_ops


def add(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.add` (`tf.add`): converts both operands inside its scope
    (`Add/x`, then `Add/y` preferring x's dtype), AddV2 (Add for strings)."""
    if name is None and x.__class__ is SymbolicTensor:    # tensors (or a variable) as they are
        made = quick_op(g, "Add" if x._dt == "string" else "AddV2", "Add", (x, y))
        if made is not None:
            if made.__class__ is str:     # `_check_new_node_name`'s error
                raise TFValueError(f"Duplicate node name in graph: '{made}'", name=made)
            return made
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "Add") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, name="y", dtype_hint=x._dt)
        return gen_binary(g, "Add" if x._dt == "string" else "AddV2", x, y, scope)


def multiply(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.multiply` (`tf.multiply`): `gen_math_ops.mul` as given."""
    return gen_binary(g, "Mul", x, y, name)


def subtract(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.subtract`: `gen_math_ops.sub` as given."""
    return gen_binary(g, "Sub", x, y, name)


def sigmoid(g: Graph, x, name=None) -> Tensor:
    """`math_ops.sigmoid`: converts `x` inside `Sigmoid/` first."""
    if name is None:                      # a tensor (or variable) as it is
        made = quick_op(g, "Sigmoid", "Sigmoid", (x,))
        if made is not None:
            if made.__class__ is str:     # `_check_new_node_name`'s error
                raise TFValueError(f"Duplicate node name in graph: '{made}'", name=made)
            return made
    g = graph_from_inputs(g, (x,))
    with name_scope(g, name, "Sigmoid") as scope:
        x = convert_to_tensor(g, x, name="x")
        return gen_unary(g, "Sigmoid", x, scope)


def identity(g: Graph, x, name=None) -> Tensor:
    """`array_ops.identity` (graph mode): `gen_array_ops.identity`."""
    return gen_unary(g, "Identity", x, name)


def relu(g: Graph, x, name=None) -> Tensor:
    """`gen_nn_ops.relu`."""
    return gen_unary(g, "Relu", x, name)


def tanh(g: Graph, x, name=None) -> Tensor:
    """`gen_math_ops.tanh`."""
    return gen_unary(g, "Tanh", x, name)


def cast(g: Graph, x, dtype: str, name=None) -> Tensor:
    """`math_ops.cast`: a Tensor of that dtype is returned as it is, else
    `Cast/` converts `x` and casts it."""
    if isinstance(x, Tensor) and x._dt == dtype:
        return x
    g = graph_from_inputs(g, (x,))
    with name_scope(g, name, "Cast") as scope:
        x = convert_to_tensor(g, x, name="x")
        if x._dt != dtype:
            x = gen_cast(g, x, dtype, scope)
        return x


def conj(g: Graph, x, name=None) -> Tensor:
    """`math_ops.conj`: the identity for real tensors; other dtypes fail
    inside `Conj/` (the language has no complex dtype)."""
    if isinstance(x, Tensor) and (x._dt in _REAL):
        return x
    g = graph_from_inputs(g, (x,))
    with name_scope(g, name, "Conj"):
        x = convert_to_tensor(g, x, name="x")
        if x._dt in _REAL:
            return x
        raise TFTypeError(f"Expected numeric or variant tensor, got dtype tf.{x._dt!s}.")


_REAL = FLOAT_DTYPES + ("bfloat16", "int8", "int16", "int32", "int64", "uint8", "uint16",
                        "uint32", "uint64")

#: `math_ops._TRUEDIV_TABLE`: integer dtypes are cast first, floats kept.
TRUEDIV_TABLE = {"uint8": "float32", "int8": "float32", "uint16": "float32", "int16": "float32",
                 "uint32": "float64", "int32": "float64", "uint64": "float64", "int64": "float64",
                 "bfloat16": None, "float16": None, "float32": None, "float64": None,
                 "complex64": None, "complex128": None}


def truediv(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops._truediv_python3` (`x / y`): `y` prefers x's dtype; the
    dtypes must then match, integers are cast (`truediv/Cast`, `Cast_1`)."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "truediv") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, name="y", dtype_hint=x._dt)
        if x._dt != y._dt:
            raise TFTypeError(f"`x` and `y` must have the same dtype, got tf.{x._dt} != "
                              f"tf.{y._dt}.")
        if x._dt not in TRUEDIV_TABLE:
            expected = ", ".join("tf." + d for d in TRUEDIV_TABLE)
            raise TFTypeError(f"Invalid dtype tf.{x._dt} in __truediv__. Expected one of "
                              f"{{{expected}}}.")
        target = TRUEDIV_TABLE[x._dt]
        if target is not None:
            x = cast(g, x, target)
            y = cast(g, y, target)
        return gen_binary(g, "RealDiv", x, y, scope)


def matmul(g: Graph, a, b, transpose_a=False, transpose_b=False, adjoint_a=False,
           adjoint_b=False, a_is_sparse=False, b_is_sparse=False, output_type=None,
           grad_a=False, grad_b=False, name=None) -> Tensor:
    """`math_ops.matmul` (graph mode): in `MatMul/`, the transpose/adjoint
    check, `a` converted, `b` preferring a's dtype; BatchMatMulV2 when a
    rank is unknown or above 2 (transposes become adjoints), else adjoints
    become transposes and it is SparseMatMul (a sparse flag with float32
    operands), BatchMatMulV3 (an `output_type` other than the operands'
    dtype) or MatMul.  Flags are tested with Python's truth, then must be
    real bools in the generated wrapper."""
    if name is None and transpose_a.__class__ is bool and transpose_b.__class__ is bool and \
            adjoint_a is False and adjoint_b is False and a_is_sparse is False and \
            b_is_sparse is False and output_type is None and grad_a.__class__ is bool and \
            grad_b.__class__ is bool and _rank_at_most_2(a) and _rank_at_most_2(b):
        # MatMul of tensors (or variables) as they are: `gen_math_ops.mat_mul` in `MatMul/`
        made = quick_op(g, "MatMul", "MatMul", (a, b),
                        {"transpose_a": transpose_a, "transpose_b": transpose_b,
                         "grad_a": grad_a, "grad_b": grad_b},
                        (_MATMUL_ATTRS, transpose_a, transpose_b, grad_a, grad_b))
        if made is not None:
            if made.__class__ is str:     # `_check_new_node_name`'s error
                raise TFValueError(f"Duplicate node name in graph: '{made}'", name=made)
            return made
    g = graph_from_inputs(g, (a, b))
    with name_scope(g, name, "MatMul") as scope:
        if truth(transpose_a) and truth(adjoint_a):
            raise _only_one("a", transpose_a, adjoint_a)
        if truth(transpose_b) and truth(adjoint_b):
            raise _only_one("b", transpose_b, adjoint_b)
        a = convert_to_tensor(g, a, name="a")
        b = convert_to_tensor(g, b, name="b", dtype_hint=a._dt)
        batch = a._dims is None or len(a._dims) > 2 or b._dims is None or len(b._dims) > 2
        use_v3 = truth(output_type) and (as_dtype(output_type) != a._dt
                                         or as_dtype(output_type) != b._dt)
        if not truth(a_is_sparse) and not truth(b_is_sparse) and batch:
            if truth(transpose_a):
                a, adjoint_a = conj(g, a), True
            if truth(transpose_b):
                b, adjoint_b = conj(g, b), True
            if use_v3:
                return gen_batch_mat_mul_v3(g, a, b, output_type, adjoint_a, adjoint_b, grad_a,
                                            grad_b, scope)
            return gen_batch_mat_mul_v2(g, a, b, adjoint_a, adjoint_b, grad_a, grad_b, scope)
        if truth(adjoint_a):
            a, transpose_a = conj(g, a), True
        if truth(adjoint_b):
            b, transpose_b = conj(g, b), True
        use_sparse = False
        if truth(a_is_sparse) or truth(b_is_sparse):
            sparse_types = ("bfloat16", "float32")
            use_sparse = a._dt in sparse_types and b._dt in sparse_types
        if use_sparse:
            return gen_sparse_mat_mul(g, a, b, transpose_a, transpose_b, a_is_sparse,
                                      b_is_sparse, scope)
        if use_v3:
            adjoint_a = adjoint_a if truth(adjoint_a) else transpose_a
            adjoint_b = adjoint_b if truth(adjoint_b) else transpose_b
            return gen_batch_mat_mul_v3(g, a, b, output_type, adjoint_a, adjoint_b, grad_a,
                                        grad_b, scope)
        return gen_mat_mul(g, a, b, transpose_a, transpose_b, grad_a, grad_b, scope)


#: The names of MatMul's attrs in the order `gen_mat_mul` gives them (then its type attr).
_MATMUL_ATTRS = shared_attr_names(("transpose_a", "transpose_b", "grad_a", "grad_b", "T"))


def _rank_at_most_2(x) -> bool:
    """Whether `x`, a tensor or a variable, has a known rank of at most 2
    (a variable's snapshot's: the tensor `matmul` converts it to)."""
    cls = x.__class__
    if cls is Variable:
        dims = x._snapshot._dims
    elif cls is SymbolicTensor:
        dims = x._dims
    else:
        return False
    return dims is not None and len(dims) <= 2


def _only_one(side: str, transpose, adjoint) -> TFValueError:
    return TFValueError(f"Only one of `transpose_{side}` and `adjoint_{side}` can be True. "
                        f"Received `transpose_{side}`={py_str(transpose)}, "
                        f"`adjoint_{side}`={py_str(adjoint)}.")


def floordiv(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.floordiv`: `gen_math_ops.floor_div` in `name_scope(name, "floordiv")`."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "floordiv") as scope:
        return gen_binary(g, "FloorDiv", x, y, scope)


def floormod(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.floormod` (`tf.math.floormod`, `tf.mod`): `gen_math_ops.floor_mod`."""
    return gen_binary(g, "FloorMod", x, y, name)


def pow(g: Graph, x, y, name=None) -> Tensor:  # noqa: A001 - TensorFlow's name
    """`math_ops.pow`: `gen_math_ops._pow` in `name_scope(name, "Pow")`."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "Pow") as scope:
        return gen_binary(g, "Pow", x, y, scope)


def compare(g: Graph, op_type: str, x, y, name=None) -> Tensor:
    """`gen_math_ops.less` / `less_equal` / `greater` / `greater_equal`
    (Tensor's `<` and friends call them directly: no operator scope)."""
    return gen_binary(g, op_type, x, y, name)


def abs(g: Graph, x, name=None) -> Tensor:  # noqa: A001 - TensorFlow's name
    """`math_ops.abs` (real tensors): converts `x` in `Abs/`, then `gen_math_ops._abs`."""
    g = graph_from_inputs(g, (x,))
    with name_scope(g, name, "Abs") as scope:
        x = convert_to_tensor(g, x, name="x")
        return gen_unary(g, "Abs", x, scope)


def logical_xor(g: Graph, x, y, name="LogicalXor") -> Tensor:
    """`math_ops.logical_xor`: `logical_and(logical_or(x, y),
    logical_not(logical_and(x, y)), name=name)`; the inner ops take their
    default names in the current scope."""
    either = gen_binary(g, "LogicalOr", x, y, None)
    both = gen_binary(g, "LogicalAnd", x, y, None)
    return gen_binary(g, "LogicalAnd", either, gen_unary(g, "LogicalNot", both), name)


def and_(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.and_` (`Tensor.__and__`): LogicalAnd named `name` for a bool
    `x`, else `gen_bitwise_ops.bitwise_and(x, y)` (its own default name)."""
    if x._dt == "bool":
        return gen_binary(g, "LogicalAnd", x, y, name)
    return gen_binary(g, "BitwiseAnd", x, y, None)


def or_(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.or_` (`Tensor.__or__`): LogicalOr, else BitwiseOr."""
    if x._dt == "bool":
        return gen_binary(g, "LogicalOr", x, y, name)
    return gen_binary(g, "BitwiseOr", x, y, None)


def xor_(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.xor_` (`Tensor.__xor__`): `logical_xor`, else BitwiseXor."""
    if x._dt == "bool":
        return logical_xor(g, x, y, name)
    return gen_binary(g, "BitwiseXor", x, y, None)


def invert_(g: Graph, x, name=None) -> Tensor:
    """`math_ops.invert_` (`Tensor.__invert__`, no operator scope):
    LogicalNot for bool, else `gen_bitwise_ops.invert`."""
    x = _value(x)
    return gen_unary(g, "LogicalNot" if x._dt == "bool" else "Invert", x, name)


def negative(g: Graph, x, name=None) -> Tensor:
    """`tf.negative` (`gen_math_ops.neg`)."""
    return gen_unary(g, "Neg", x, name)


def square(g: Graph, x, name=None) -> Tensor:
    """`tf.square` (`gen_math_ops.square`)."""
    return gen_unary(g, "Square", x, name)


def divide(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.divide`: with a name, `_truediv_python3(x, y, name)` (the
    `DivideDelegateWithName` path); else `x` converted (to y's dtype when
    `y` is a tensor) and `x / y`."""
    if name is not None:
        return truediv(g, x, y, name)
    if not is_tensor_like(x):
        dtype = _value(y)._dt if is_tensor_like(y) else None
        x = convert_to_tensor(g, x, dtype)
    return binary_operator(g, "/", x, y)


def div(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.div` (`_div_python2`): in `name_scope(name, "div")`, `x`
    converted, `y` to x's dtype; RealDiv for floats, else FloorDiv."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "div") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, x._dt, name="y")
        if x._dt in _INEXACT:
            return gen_binary(g, "RealDiv", x, y, scope)
        return gen_binary(g, "FloorDiv", x, y, scope)


_INEXACT = FLOAT_DTYPES + ("bfloat16", "complex64", "complex128")


# ============================================================= operators


def _add_dispatch(g: Graph, x: Tensor, y, name) -> Tensor:
    """`math_ops._add_dispatch` (`Tensor.__add__`): a non-Tensor `y` is
    converted preferring x's dtype (`add/y`); strings use Add."""
    if not isinstance(y, Tensor):
        y = convert_to_tensor(g, y, name="y", dtype_hint=x._dt)
    return gen_binary(g, "Add" if x._dt == "string" else "AddV2", x, y, name)


def _mul_dispatch_factory(g: Graph, x, y, name) -> Tensor:
    """`tensor_math_operator_overrides._mul_dispatch_factory`: a bool Tensor
    operand (a Variable does not count) makes it cast both sides to int32,
    multiply and cast back to bool."""
    if any(isinstance(t, Tensor) and t._dt == "bool" for t in (x, y)):
        product = multiply(g, gen_cast(g, x, "int32"), gen_cast(g, y, "int32"), name)
        return gen_cast(g, product, "bool")
    return multiply(g, x, y, name)


def _matmul_wrapper(g: Graph, a, b, name) -> Tensor:
    """`math_ops.matmul_wrapper`."""
    return matmul(g, a, b, name=name)


#: symbol -> (the operator's name, `op_name` of `override_binary_operator_helper`, its func)
OPERATORS = {"+": ("add", _add_dispatch), "-": ("sub", subtract),
             "*": ("mul", _mul_dispatch_factory), "/": ("truediv", truediv),
             "@": ("matmul", _matmul_wrapper), "//": ("floordiv", floordiv),
             "%": ("mod", floormod), "**": ("pow", pow), "&": ("and", and_),
             "|": ("or", or_), "^": ("xor", xor_)}


def binary_operator(g: Graph, symbol: str, x, y) -> Tensor:
    """`x <symbol> y` with a Tensor or Variable on either side, dispatched
    as Python does: the left operand's operator if it has one (a Variable's
    runs on its snapshot), else the right one's reflected operator."""
    op_name, func = OPERATORS[symbol]
    if is_tensor_like(x):
        return binary_op_wrapper(g, op_name, func, _value(x), y)
    return r_binary_op_wrapper(g, op_name, func, _value(y), x)


def binary_op_wrapper(g: Graph, op_name: str, func, x: Tensor, y) -> Tensor:
    """`override_binary_operator.binary_op_wrapper`: `func(x, y)` inside
    `name_scope(None, op_name)`; if it raises TypeError/ValueError and `y`
    has the reflected operator, `y.__r<op>__(x)` is tried inside that same
    scope (a Tensor's opens `<op>/<op>` and may leave ops there); if that
    fails too, the first error is raised.  The other operands' reflected
    operators return NotImplemented (Python numbers), raise (a TensorShape's
    `__radd__` on a tensor) or do not exist: the first error again."""
    op_type = _quick_type(func, x, y)
    if op_type is not None:
        if y.__class__ is float or y.__class__ is int:
            made = quick_scalar_op(g, op_type, op_name, x, y)
        else:
            made = quick_op(g, op_type, op_name, (x, y))
        if made is not None:
            if made.__class__ is not str:
                return made
            # the name taken is an op's already: its error inside the scope
            with entered_scope(x._op._graph, made) as scope:
                return _operator_body(x._op._graph, op_name, func, x, y, scope)
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, None, op_name) as scope:
        return _operator_body(g, op_name, func, x, y, scope)


def _quick_type(func, x, y) -> str | None:
    """The op type `func(x, y)` makes at once from a tensor `x` and a tensor
    or variable `y` (no conversion, no other op) or a Python number (its
    Const): AddV2 (Add for strings), Sub, Mul (without a bool tensor),
    RealDiv (`x / y` of floats); else None."""
    if x.__class__ is not SymbolicTensor:
        return None
    if func is _add_dispatch:
        return "Add" if x._dt == "string" else "AddV2"
    if func is subtract:
        return "Sub"
    if func is _mul_dispatch_factory and x._dt != "bool" and \
            not (isinstance(y, Tensor) and y._dt == "bool"):
        return "Mul"
    if func is truediv and TRUEDIV_TABLE.get(x._dt, "") is None:
        return "RealDiv"              # (a dtype that is not cast first)
    return None


def _operator_body(g: Graph, op_name: str, func, x: Tensor, y, scope: str) -> Tensor:
    """The body of `binary_op_wrapper` inside its scope."""
    try:
        return func(g, x, y, scope)
    except TFError as e:
        if not _catches(e) or not is_tensor_like(y):
            raise
        try:
            return r_binary_op_wrapper(g, op_name, func, _value(y), x)
        except TFError as reflected:
            if not _catches(reflected):
                raise
        raise e


def r_binary_op_wrapper(g: Graph, op_name: str, func, y: Tensor, x) -> Tensor:
    """`override_binary_operator.r_binary_op_wrapper` (`y.__r<op>__(x)`): in
    `name_scope(None, op_name)`, `x` converted strictly to y's dtype
    (`add/x`), then `func(x, y)`."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, None, op_name) as scope:
        x = convert_to_tensor(g, x, y._dt, name="x")
        return func(g, x, y, scope)


def negate(g: Graph, x) -> Tensor:
    """`-x` of a Tensor or Variable: `Tensor.__neg__` is `gen_math_ops.neg`."""
    return gen_unary(g, "Neg", _value(x))

