"""Default op names, operand constants, dtype and shape errors (catalogue part B).

Expected values: the catalogue's table B1 (probe p04) and
tests/engine/tf_probes/math_ops.out, both printed by TensorFlow 2.21.
"""

import pytest

from scopesim.engine.engine import Engine
from scopesim.errors import TFTypeError, TFValueError

Z = ("zeros", None)


@pytest.fixture
def e():
    return Engine()


def new_ops(e, fn):
    start = len(e.graph.ops)
    result = fn()
    return result, [(op.name, op.type) for op in e.graph.ops[start:]]


def v(e, name, shape=(), dtype="float32"):
    return e.get_variable(name, shape, dtype=dtype, initializer=Z)


def test_operator_and_function_names_share_case_insensitive_counter(e):
    """B1/B2: 1.0+v -> add (add/x), v+1.0 -> add_1 (add_1/y), v+v -> add_2,
    tf.add(v, 2.0) -> Add_3 (Add_3/y), tf.add(2.0, v) -> Add_4 (Add_4/x)."""
    x = v(e, "v")
    assert new_ops(e, lambda: e.binary("+", 1.0, x))[1] == [("add/x", "Const"), ("add", "AddV2")]
    assert new_ops(e, lambda: e.binary("+", x, 1.0))[1] == [("add_1/y", "Const"), ("add_1", "AddV2")]
    assert new_ops(e, lambda: e.binary("+", x, x))[1] == [("add_2", "AddV2")]
    assert new_ops(e, lambda: e.call("add", [x, 2.0]))[1] == [("Add_3/y", "Const"), ("Add_3", "AddV2")]
    assert new_ops(e, lambda: e.call("add", [2.0, x]))[1] == [("Add_4/x", "Const"), ("Add_4", "AddV2")]
    t, created = new_ops(e, lambda: e.call("add", [x, x], "myadd"))
    assert (t.name, created) == ("myadd:0", [("myadd", "AddV2")])


@pytest.mark.parametrize("symbol,left,expected", [
    ("-", False, [("sub/y", "Const"), ("sub", "Sub")]),
    ("-", True, [("sub/x", "Const"), ("sub", "Sub")]),
    ("*", False, [("mul/y", "Const"), ("mul", "Mul")]),
    ("*", True, [("mul/x", "Const"), ("mul", "Mul")]),
    ("/", False, [("truediv/y", "Const"), ("truediv", "RealDiv")]),
    ("/", True, [("truediv/x", "Const"), ("truediv", "RealDiv")]),
])
def test_operator_op_names_and_number_operands(e, symbol, left, expected):
    """B1/B3: a Python number becomes <op>/x (on the left) or <op>/y (on the right)."""
    x = v(e, "v")
    assert new_ops(e, lambda: e.binary(symbol, 2.0, x) if left else e.binary(symbol, x, 2.0))[1] == expected


def test_neg_matmul_and_named_functions(e):
    """B1: -v -> Neg; tf.matmul -> MatMul; x @ w -> matmul_1 (case clash); relu, sigmoid,
    tanh, identity keep their op-type names."""
    x = v(e, "v")
    assert e.neg(x).name == "Neg:0"
    a, b = v(e, "a", (2, 3)), v(e, "b", (3, 1))
    assert e.call("matmul", [a, b]).name == "MatMul:0"
    assert e.binary("@", a, b).name == "matmul_1:0"
    assert [e.call(f, [x]).name for f in ("relu", "sigmoid", "tanh", "identity")] == [
        "Relu:0", "Sigmoid:0", "Tanh:0", "Identity:0"]


@pytest.mark.parametrize("func,const", [("identity", "Identity/input"), ("relu", "Relu/features"),
                                        ("tanh", "Tanh/x"), ("sigmoid", "Sigmoid/x")])
def test_number_argument_of_function_is_named_after_the_input(e, func, const):
    """math_ops probe: tf.identity(1.0) -> Identity/input, tf.nn.relu(1.0) -> Relu/features."""
    assert new_ops(e, lambda: e.call(func, [1.0]))[1][0] == (const, "Const")


def test_function_of_two_numbers(e):
    """math_ops probe: tf.add(1.0, 2.0) -> Add/x, Add/y, Add."""
    assert new_ops(e, lambda: e.call("add", [1.0, 2.0]))[1] == [
        ("Add/x", "Const"), ("Add/y", "Const"), ("Add", "AddV2")]


def test_ops_in_scopes(e):
    """B1: in name_scope ns: tf.add -> ns/Add, v + 1.0 -> ns/add_1 (after a root add);
    in variable_scope vs: v + 1.0 -> vs/add."""
    x = v(e, "v")
    e.binary("+", x, 1.0)
    with e.name_scope("ns"):
        assert e.call("add", [x, 1.0]).name == "ns/Add:0"
        assert e.binary("+", x, 1.0).name == "ns/add_1:0"
    with e.variable_scope("vs"):
        assert e.binary("+", x, 1.0).name == "vs/add:0"


def test_integer_division_casts_both_sides(e):
    """math_ops probe: int / int -> truediv/Cast, truediv/Cast_1, truediv (RealDiv), float64."""
    a, b = v(e, "a", (2,), "int32"), v(e, "b", (2,), "int32")
    t, created = new_ops(e, lambda: e.binary("/", a, b))
    assert created == [("truediv/Cast", "Cast"), ("truediv/Cast_1", "Cast"), ("truediv", "RealDiv")]
    assert t.dtype == "float64"
    assert new_ops(e, lambda: e.binary("/", a, 2))[1][0] == ("truediv_1/y", "Const")


def test_shape_inference_broadcasts(e):
    """math_ops probe: [2,1] + [3] -> (2, 3); [] * [2,3] -> (2, 3); [2,3] @ [3,5] -> (2, 5)."""
    assert e.binary("+", v(e, "a", (2, 1)), v(e, "b", (3,))).shape == (2, 3)
    assert e.binary("*", v(e, "c"), v(e, "d", (2, 3))).shape == (2, 3)
    assert e.binary("@", v(e, "f", (2, 3)), v(e, "g", (3, 5))).shape == (2, 5)


def test_incompatible_shapes(e):
    """math_ops probe: [2] + [3] -> Dimensions must be equal ... with the node text."""
    a, b = v(e, "a", (2,)), v(e, "b", (3,))
    with pytest.raises(TFValueError) as err:
        e.binary("+", a, b)
    assert err.value.message == (
        "Dimensions must be equal, but are 2 and 3 for '{{node add}} = AddV2[T=DT_FLOAT]"
        "(a/read, b/read)' with input shapes: [2], [3].")


def test_matmul_shape_errors(e):
    """math_ops probe: inner dims and rank errors name MatMul's attributes."""
    with pytest.raises(TFValueError) as err:
        e.binary("@", v(e, "a", (2, 3)), v(e, "b", (2, 3)))
    assert err.value.message == (
        "Dimensions must be equal, but are 3 and 2 for '{{node matmul}} = MatMul[T=DT_FLOAT, "
        "grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](a/read, b/read)' "
        "with input shapes: [2,3], [2,3].")
    e = Engine()      # a fresh graph: 'matmul' above would make this one MatMul_1
    with pytest.raises(TFValueError) as err:
        e.call("matmul", [2.0, v(e, "c", (2, 2))])
    assert err.value.message == (
        "Shape must be rank 2 but is rank 0 for '{{node MatMul}} = MatMul[T=DT_FLOAT, "
        "grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](MatMul/a, c/read)' "
        "with input shapes: [], [2,2].")


def test_dtype_mismatch(e):
    """math_ops probe: float + int tensor -> TypeError naming the inputs."""
    with pytest.raises(TFTypeError) as err:
        e.binary("+", v(e, "a", (2,)), v(e, "b", (2,), "int32"))
    assert err.value.message == (
        "Input 'y' of 'AddV2' Op has type int32 that does not match type float32 of argument 'x'.")


def test_float_into_int_tensor_on_the_right_makes_a_const_first(e):
    """math_ops probe: v_int + 1.5 -> add/y (float32) is created, then the mismatch."""
    a = v(e, "a", (2,), "int32")
    start = len(e.graph.ops)
    with pytest.raises(TFTypeError) as err:
        e.binary("+", a, 1.5)
    assert err.value.message == (
        "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.")
    assert [op.name for op in e.graph.ops[start:]] == ["add/y"]


def test_float_into_int_tensor_on_the_left_fails_before_any_op(e):
    """math_ops probe: 1.5 + v_int -> Expected int32, no op."""
    a = v(e, "a", (2,), "int32")
    start = len(e.graph.ops)
    with pytest.raises(TFTypeError) as err:
        e.binary("+", 1.5, a)
    assert err.value.message == "Expected int32, but got 1.5 of type 'float'."
    assert len(e.graph.ops) == start


def test_function_with_int_first_then_float_tensor(e):
    """math_ops probe: tf.add(1, v) -> Add/x int32, then the mismatch."""
    with pytest.raises(TFTypeError) as err:
        e.call("add", [1, v(e, "a", (2,))])
    assert err.value.message == (
        "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.")
    assert e.graph.ops[-1].name == "Add/x"


@pytest.mark.parametrize("func", ["tanh", "sigmoid"])
def test_float_only_functions_reject_ints(e, func):
    """math_ops probe: tanh/sigmoid of int32 -> not in list of allowed values."""
    with pytest.raises(TFTypeError) as err:
        e.call(func, [v(e, "a", (2,), "int32")])
    assert err.value.message == (
        "Value passed to parameter 'x' has DataType int32 not in list of allowed values: "
        "bfloat16, float16, float32, float64, complex64, complex128")


def test_bool_arithmetic_is_rejected(e):
    """math_ops probe: bool + bool -> not in list of allowed values."""
    with pytest.raises(TFTypeError) as err:
        e.binary("+", v(e, "a", (2,), "bool"), v(e, "b", (2,), "bool"))
    assert err.value.message.startswith(
        "Value passed to parameter 'x' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, uint8")


def test_none_operand(e):
    """python_objects probe: v + None -> ValueError None values not supported."""
    with pytest.raises(TFValueError) as err:
        e.binary("+", v(e, "a", (2,)), None)
    assert err.value.message == "None values not supported."


def test_string_operand_on_the_left(e):
    """python_objects probe: 'a' + v -> Expected float32, but got a of type 'str'."""
    with pytest.raises(TFTypeError) as err:
        e.binary("+", "a", v(e, "x", (2,)))
    assert err.value.message == "Expected float32, but got a of type 'str'."


def test_no_op_default_name(e):
    """tf.no_op() -> NoOp, then NoOp_1."""
    assert [e.no_op().name, e.no_op().name] == ["NoOp", "NoOp_1"]
