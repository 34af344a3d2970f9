"""The nn op functions: `ops/nn_ops.py`, `nn_impl.py` and the generated
`gen_nn_ops.py` of TF 2.21 in graph mode, each named in its docstring
(convolution and pooling: `nn_conv.py`).

The composites open TensorFlow's name scopes and convert their Python
arguments with TensorFlow's names (`BiasAdd/bias`, `xw_plus_b/x`); the
generated wrappers check their attrs (`make_float`, `make_str`) and call
`_apply_op_helper` (`opdef.apply_op`) with the OpDefs of `opdefs_nn.py`.
"""

from __future__ import annotations

from ..errors import NotSimulated, TFTypeError, TFValueError
from . import opdefs_nn  # noqa: F401 - registers the nn OpDefs
from .convert import convert_to_tensor
from .dtypes import INTEGER
from .gen_ops import gen_unary
from .graph import Graph, Tensor
from .graph import _shared_names as shared_attr_names
from .math import cast, matmul
from .nodedef import StrAttr
from .opdef import apply_op, graph_from_inputs, name_scope, quick_op
from .values import py_repr


def make_float(value, arg_name: str) -> float:
    """`eager/execute.py` `make_float`: `float(value)`, a failure reworded."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (int, float)):
        raise TFTypeError(f"Expected float for argument '{arg_name}' not {py_repr(value)}.")
    return float(value)


def make_str(value, arg_name: str) -> str:
    """`eager/execute.py` `make_str`: bytes or str only."""
    if not isinstance(value, (str, bytes)):
        raise TFTypeError(f"Expected string for argument '{arg_name}' not {py_repr(value)}.")
    return StrAttr(value if isinstance(value, str) else value.decode())


# ============================================================ gen_nn_ops


def gen_bias_add(g: Graph, value, bias, data_format, name) -> Tensor:
    """`gen_nn_ops.bias_add` (data_format None is "NHWC")."""
    data_format = make_str("NHWC" if data_format is None else data_format, "data_format")
    return apply_op(g, "BiasAdd", name, [value, bias], {"data_format": data_format})


def gen_leaky_relu(g: Graph, features, alpha, name) -> Tensor:
    """`gen_nn_ops.leaky_relu` (alpha None is 0.2)."""
    alpha = make_float(0.2 if alpha is None else alpha, "alpha")
    return apply_op(g, "LeakyRelu", name, [features], {"alpha": alpha})


def elu(g: Graph, features, name=None) -> Tensor:
    """`gen_nn_ops.elu` (`tf.nn.elu`)."""
    return gen_unary(g, "Elu", features, name)


def softplus(g: Graph, features, name=None) -> Tensor:
    """`gen_nn_ops.softplus` (`tf.nn.softplus`, `tf.math.softplus`)."""
    return gen_unary(g, "Softplus", features, name)


def l2_loss(g: Graph, t, name=None) -> Tensor:
    """`gen_nn_ops.l2_loss` (`tf.nn.l2_loss`): a scalar."""
    return gen_unary(g, "L2Loss", t, name)


# ============================================================== nn_ops


def bias_add(g: Graph, value, bias, data_format=None, name=None) -> Tensor:
    """`nn_ops.bias_add`: in `BiasAdd/`, `data_format` normalised (`NC...`
    is NCHW, `N...C` NHWC), `value` converted as `input`, `bias` to its
    dtype as `bias`; then `gen_nn_ops.bias_add` named by the scope."""
    if name is None and data_format is None:
        # tensors (or variables) of one dtype as they are: BiasAdd in `BiasAdd/`
        made = quick_op(g, "BiasAdd", "BiasAdd", (value, bias), {"data_format": _NHWC},
                        (_BIAS_ADD_ATTRS, _NHWC))
        if made is not None:
            if made.__class__ is str:     # `_check_new_node_name`'s error
                raise TFValueError(f"Duplicate node name in graph: '{made}'", name=made)
            return made
    g = graph_from_inputs(g, (value, bias))
    with name_scope(g, name, "BiasAdd") as scope:
        if data_format is not None:
            if data_format.startswith("NC"):
                data_format = "NCHW"
            elif data_format.startswith("N") and data_format.endswith("C"):
                data_format = "NHWC"
            else:
                raise TFValueError("`data_format` must be of the form `N...C` or `NC...`. "
                                   f"Received: data_format={data_format}")
        value = convert_to_tensor(g, value, name="input")
        bias = convert_to_tensor(g, bias, value._dt, name="bias")
        return gen_bias_add(g, value, bias, data_format, scope)


#: `make_str("NHWC", "data_format")`, BiasAdd's default data format (one
#: StrAttr for all), and the names of BiasAdd's attrs in `gen_bias_add`'s order.
_NHWC = StrAttr("NHWC")
_BIAS_ADD_ATTRS = shared_attr_names(("data_format", "T"))


def relu6(g: Graph, features, name=None) -> Tensor:
    """`nn_ops.relu6`: `features` converted in `Relu6/`, then Relu6."""
    g = graph_from_inputs(g, (features,))
    with name_scope(g, name, "Relu6") as scope:
        features = convert_to_tensor(g, features, name="features")
        return gen_unary(g, "Relu6", features, scope)


def leaky_relu(g: Graph, features, alpha=0.2, name=None) -> Tensor:
    """`nn_ops.leaky_relu`: in `LeakyRelu/`, `features` converted, an
    integer one cast to float32 (`LeakyRelu/Cast`), then LeakyRelu."""
    g = graph_from_inputs(g, (features, alpha))
    with name_scope(g, name, "LeakyRelu") as scope:
        features = convert_to_tensor(g, features, name="features")
        if features._dt in INTEGER:
            features = cast(g, features, "float32")
        return gen_leaky_relu(g, features, alpha, scope)


def deprecated_argument_lookup(new_name: str, new_value, old_name: str, old_value):
    """`deprecation.deprecated_argument_lookup`."""
    if old_value is not None:
        if new_value is not None:
            raise TFValueError(f"Cannot specify both '{old_name}' and '{new_name}'.")
        return old_value
    return new_value


def _swap_axis(g: Graph, tensor: Tensor, dim_index, last_index: Tensor, name=None) -> Tensor:
    """`_wrap_2d_function._swap_axis`: `transpose` by
    `concat([range(dim), [last], range(dim + 1, last), [dim]], 0)`."""
    from .array_fns import concat, range_, transpose
    from .math import binary_operator
    first = range_(g, dim_index)
    after = dim_index + 1 if isinstance(dim_index, int) else binary_operator(g, "+", dim_index, 1)
    perm = concat(g, [first, [last_index], range_(g, after, last_index), [dim_index]], 0)
    return transpose(g, tensor, perm, name="transpose" if name is None else name)


def wrap_2d_function(g: Graph, inputs, op_type: str, dim, name) -> Tensor:
    """`nn_ops._wrap_2d_function` (softmax, log_softmax): `inputs`
    converted (outside any scope: `Const`); on the last dim the op itself,
    named `name`.  Another dim, in range, has the input's `Rank` (plus it,
    `add`, when negative), `Rank_1`, `Sub` (rank - 1) and the axis modulo
    the static rank (`mod` of a negative one); the input transposed so that
    dim is last (`_swap_axis`), the op, transposed back (named `name`) with
    the input's static shape.  A tensor `dim` (never the last for
    TensorFlow: `Tensor ==` is identity) is range-checked when its value is
    known, wrapped by `Less`, `add`, `Select`.  An unknown rank is
    TensorFlow's TypeError (`None - 1`)."""
    from .array_fns import rank, where
    from .math import binary_operator, compare, subtract
    from .shape_inference import constant_value
    from ..tf.framework.errors_impl import InvalidArgumentError
    inputs = convert_to_tensor(g, inputs)
    dims = inputs._dims
    is_tensor = isinstance(dim, Tensor)
    if not is_tensor and not isinstance(dim, int):
        raise NotSimulated(f"tf.nn.{_WRAPPED[op_type]}(axis=<not an int or a tensor>)")
    if not is_tensor and dim == -1:
        return gen_unary(g, op_type, inputs, name)
    if dims is None:
        raise TFTypeError("unsupported operand type(s) for -: 'NoneType' and 'int'")
    ndims = len(dims)
    if not is_tensor and dim == ndims - 1:
        return gen_unary(g, op_type, inputs, name)
    dim_val = constant_value(dim) if is_tensor else dim
    if dim_val is not None and not -ndims <= dim_val < ndims:
        raise InvalidArgumentError(
            None, None, f"`dim` must be in the range [{-ndims}, {ndims}) where {ndims} is the "
                        f"number of dimensions in the input. Received: dim={dim_val}")
    ndims_t = rank(g, inputs)
    if not is_tensor:
        if dim < 0:
            dim = binary_operator(g, "+", dim, ndims_t)
    else:
        dim = where(g, compare(g, "Less", dim, 0), binary_operator(g, "+", dim, ndims_t), dim)
    input_rank = rank(g, inputs)
    dim_axis = dim % ndims if isinstance(dim, int) else binary_operator(g, "%", dim, ndims)
    swapped = _swap_axis(g, inputs, dim_axis, subtract(g, input_rank, 1))
    output = gen_unary(g, op_type, swapped, None)
    output = _swap_axis(g, output, dim_axis, subtract(g, input_rank, 1), name=name)
    output._dims = dims
    return output


_WRAPPED = {"Softmax": "softmax", "LogSoftmax": "log_softmax"}


def softmax(g: Graph, logits, axis=None, name=None, dim=None) -> Tensor:
    """`nn_ops.softmax` (v1: `dim` the deprecated `axis`)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    return wrap_2d_function(g, logits, "Softmax", -1 if axis is None else axis, name)


def log_softmax(g: Graph, logits, axis=None, name=None, dim=None) -> Tensor:
    """`nn_ops.log_softmax` (v1)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    return wrap_2d_function(g, logits, "LogSoftmax", -1 if axis is None else axis, name)


def xw_plus_b(g: Graph, x, weights, biases, name=None) -> Tensor:
    """`nn_ops.xw_plus_b` (v1): in `xw_plus_b/`, the three converted (`x`,
    `weights`, `biases`), `MatMul`, then `bias_add` named by the scope."""
    g = graph_from_inputs(g, (x, weights, biases))
    with name_scope(g, name, "xw_plus_b") as scope:
        x = convert_to_tensor(g, x, name="x")
        weights = convert_to_tensor(g, weights, name="weights")
        biases = convert_to_tensor(g, biases, name="biases")
        mm = matmul(g, x, weights)
        return bias_add(g, mm, biases, name=scope)
