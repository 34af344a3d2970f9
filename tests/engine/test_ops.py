"""Default op names, operand constants, dtype and shape errors (catalogue part B),
then one test per rule of scopesim/engine/math.py (TensorFlow's own code paths).

Expected values: the catalogue's table B1 (probe p04) and the probes in
tests/engine/tf_probes/ (math_ops.out, and math_operators.out,
math_functions.out, math_shapes.out, math_constants.out,
math_unknown_dims.out for the rules), all printed by TensorFlow 2.21.
"""

import pytest

from scopesim.engine import math as tfmath
from scopesim.engine.convert import convert_to_tensor
from scopesim.engine.engine import Engine
from scopesim.engine.ops import check_convertible, constant, python_dtype
from scopesim.engine.values import TensorShape
from scopesim.errors import PyError, TFError, TFTypeError, TFValueError

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


# ------------------------------------------------------------------------
# The rules of scopesim/engine/math.py and the modules below it, one per
# test (probes: math_*.out).


def raises(fn) -> TFError:
    with pytest.raises(TFError) as err:
        fn()
    return err.value


def binop(e, symbol, x, y):
    return e.binary(symbol, x, y)


def call(e, func, *args, name=None):
    return tfmath.call(e.graph, func, list(args), name)


def tensor(e, var, name):
    return tfmath.identity(e.graph, var, name)


def test_reflected_operator_converts_left_number_strictly(e):
    """math_operators: 2.0 - v_int -> r_binary_op_wrapper converts 2.0 to int32 as
    `sub/x`: "Expected int32, but got 2.0 of type 'float'." and no op."""
    i = v(e, "i", (2,), "int32")
    err, created = new_ops(e, lambda: raises(lambda: binop(e, "-", 2.0, i)))
    assert (err.type_name, err.message, created) == (
        "TypeError", "Expected int32, but got 2.0 of type 'float'.", [])


def test_sub_converts_python_operand_strictly_in_apply_op(e):
    """B_mixed_dtype_python_operands: v_int - 2.0 -> no const; _apply_op_helper's message."""
    i = v(e, "i", (2,), "int32")
    err, created = new_ops(e, lambda: raises(lambda: binop(e, "-", i, 2.0)))
    assert err.message == ("Expected int32 passed to parameter 'y' of op 'Sub', got 2.0 of type "
                           "'float' instead. Error: Expected int32, but got 2.0 of type 'float'.")
    assert created == []


def test_mul_converts_python_operand_strictly_in_apply_op(e):
    """B_mixed_dtype_python_operands: v_int * 0.5 -> as for Sub, parameter of op 'Mul'."""
    i = v(e, "i", (2,), "int32")
    err = raises(lambda: binop(e, "*", i, 0.5))
    assert err.message.startswith("Expected int32 passed to parameter 'y' of op 'Mul', got 0.5 ")


def test_truediv_makes_y_by_hint_then_requires_same_dtype(e):
    """B_mixed_dtype_python_operands: v_int / 0.5 -> truediv/y (float32), then TypeError."""
    i = v(e, "i", (2,), "int32")
    err, created = new_ops(e, lambda: raises(lambda: binop(e, "/", i, 0.5)))
    assert err.message == "`x` and `y` must have the same dtype, got tf.int32 != tf.float32."
    assert created == [("truediv/y", "Const")]


def test_truediv_rejects_dtypes_outside_its_table(e):
    """math_operators: b / b -> Invalid dtype tf.bool in __truediv__."""
    b = v(e, "b", (2,), "bool")
    assert raises(lambda: binop(e, "/", b, b)).message == (
        "Invalid dtype tf.bool in __truediv__. Expected one of {tf.uint8, tf.int8, tf.uint16, "
        "tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, tf.bfloat16, tf.float16, "
        "tf.float32, tf.float64, tf.complex64, tf.complex128}.")


def test_failed_operator_retries_reflected_operator_inside_its_scope(e):
    """names probe: f + i fails, then i.__radd__ opens `add/add` (not add_1) and the
    first error is raised; the next `+` is add_1."""
    f, i = v(e, "f", (2,)), v(e, "i", (2,), "int32")
    err = raises(lambda: binop(e, "+", f, i))
    assert err.message == ("Input 'y' of 'AddV2' Op has type int32 that does not match type "
                           "float32 of argument 'x'.")
    assert e.graph.names.is_used("add/add")
    assert binop(e, "+", f, f).name == "add_1:0"


def test_reflected_retry_leaves_its_orphans(e):
    """math_shapes: i2 / i3 -> truediv/Cast, Cast_1, then the retry's
    truediv/truediv/Cast, Cast_1; the first shape error is raised."""
    a, b = v(e, "a", (2,), "int32"), v(e, "b", (3,), "int32")
    err, created = new_ops(e, lambda: raises(lambda: binop(e, "/", a, b)))
    assert [n for n, _ in created] == ["truediv/Cast", "truediv/Cast_1", "truediv/truediv/Cast",
                                       "truediv/truediv/Cast_1"]
    assert err.message == (
        "Dimensions must be equal, but are 2 and 3 for '{{node truediv}} = RealDiv[T=DT_DOUBLE]"
        "(truediv/Cast, truediv/Cast_1)' with input shapes: [2], [3].")


def test_bool_tensor_multiplication_goes_through_int32(e):
    """math_operators: ft * bt -> mul/Cast, mul/Cast_1, mul (Mul), mul/Cast_2 (bool)."""
    ft, bt = tensor(e, v(e, "f", (2,)), "ft"), tensor(e, v(e, "b", (2,), "bool"), "bt")
    t, created = new_ops(e, lambda: binop(e, "*", ft, bt))
    assert created == [("mul/Cast", "Cast"), ("mul/Cast_1", "Cast"), ("mul", "Mul"),
                       ("mul/Cast_2", "Cast")]
    assert (t.name, t.dtype) == ("mul/Cast_2:0", "bool")


def test_bool_variable_does_not_trigger_the_int32_multiplication(e):
    """math_operators: ft * b (a bool Variable is not a Tensor) -> Mul's dtype mismatch."""
    ft, b = tensor(e, v(e, "f", (2,)), "ft"), v(e, "b", (2,), "bool")
    assert raises(lambda: binop(e, "*", ft, b)).message == (
        "Input 'y' of 'Mul' Op has type bool that does not match type float32 of argument 'x'.")


def test_string_addition_uses_the_add_op(e):
    """math_operators: st + "x" -> add/y, add (Add); st + 1 -> Add's mismatch."""
    st = constant(e.graph, "string", (), "st")
    assert new_ops(e, lambda: binop(e, "+", st, "x"))[1] == [("add/y", "Const"), ("add", "Add")]
    assert raises(lambda: binop(e, "+", st, 1)).message == (
        "Input 'y' of 'Add' Op has type int32 that does not match type string of argument 'x'.")


def test_none_in_apply_op_cannot_be_converted(e):
    """math_operators: f - None -> "Tried to convert 'y' to a tensor and failed. ..."."""
    f = v(e, "f", (2,))
    err = raises(lambda: binop(e, "-", f, None))
    assert (err.type_name, err.message) == (
        "ValueError",
        "Tried to convert 'y' to a tensor and failed. Error: None values not supported.")


def test_operation_operand(e):
    """math_operators: f + o -> can't convert; f - o -> _apply_op_helper quotes repr(o)."""
    f, o = v(e, "f", (2,)), e.no_op("o")
    assert raises(lambda: binop(e, "+", f, o)).message == "can't convert Operation 'o' to Tensor"
    assert raises(lambda: binop(e, "-", f, o)).message == (
        "Expected float32 passed to parameter 'y' of op 'Sub', got <tf.Operation 'o' type=NoOp> "
        "of type 'Operation' instead. Error: can't convert Operation 'o' to Tensor")


def test_variable_scope_operand(e):
    """math_operators: f + vs (dtype hint) and vs + f (strict); the address is scopesim's."""
    f = v(e, "f", (2,))
    with e.variable_scope("vs") as vs:
        pass
    obj = "<tensorflow.python.ops.variable_scope.VariableScope object at 0x7f0000000000>"
    assert raises(lambda: binop(e, "+", f, vs)).message == (
        f"Failed to convert elements of {obj} to Tensor. Consider casting elements to a "
        "supported type. See https://www.tensorflow.org/api_docs/python/tf/dtypes for "
        "supported TF dtypes.")
    assert raises(lambda: binop(e, "+", vs, f)).message == (
        f"Expected float32, but got {obj} of type 'VariableScope'.")


def test_matmul_operator_names_number_operands_x_and_b(e):
    """math_operators: 2.0 @ f -> matmul/x (reflected); f @ 2.0 -> matmul/b (matmul's own)."""
    f = v(e, "f", (2,))
    assert new_ops(e, lambda: raises(lambda: binop(e, "@", 2.0, f)))[1] == [("matmul/x", "Const")]
    assert new_ops(e, lambda: raises(lambda: binop(e, "@", f, 2.0)))[1] == [("matmul_1/b", "Const")]


def test_unary_minus_is_neg_and_its_type_error_uses_the_name(e):
    """math_functions: -b -> Neg's allowed list; then -f is Neg_1."""
    b, f = v(e, "b", (2,), "bool"), v(e, "f", (2,))
    assert raises(lambda: e.neg(b)).message == (
        "Value passed to parameter 'x' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128")
    assert e.neg(f).name == "Neg_1:0"


def test_tensor_shape_plus_tensor_fails_in_as_shape(e):
    """math_operators: f.shape + f -> a `read` Identity, then Dimension's TypeError."""
    f = v(e, "f", (2,))
    err, created = new_ops(e, lambda: raises(
        lambda: binop(e, "+", TensorShape((2,)), f)))
    assert created == [("read", "Identity")]
    assert err.message == (
        "Dimension value must be integer or None or have an __index__ method, got value "
        "'<tf.Variable 'f:0' shape=(2,) dtype=float32_ref>' with type "
        "'<class 'tensorflow.python.ops.ref_variable.RefVariable'>'")


def test_tensor_shape_converts_to_int32_only(e):
    """math_shapes: f.shape * i3 -> mul/x (int32); a2 - f.shape -> cannot convert to float32."""
    shape = TensorShape((2,))
    i3, a2 = v(e, "i3", (3,), "int32"), v(e, "a2", (2,))
    assert binop(e, "*", shape, i3).shape == (3,)
    assert raises(lambda: binop(e, "-", a2, shape)).message == (
        "Expected float32 passed to parameter 'y' of op 'Sub', got TensorShape([Dimension(2)]) of "
        "type 'TensorShape' instead. Error: Cannot convert TensorShape (2,) to dtype "
        "<dtype: 'float32'>. Allowed dtypes are tf.int32 and tf.int64.")


def test_python_int_dtype_grows_with_the_value():
    """math_constants: int32, then int64, then uint64, then "Failed to convert"."""
    assert [python_dtype(n) for n in (2**31 - 1, 2**31, 2**63, 2**64 - 1, -2**63)] == [
        "int32", "int64", "uint64", "uint64", "int64"]
    with pytest.raises(TFTypeError, match="^Failed to convert elements of 18446744073709551616"):
        python_dtype(2**64)


def test_python_value_compatibility_with_a_dtype():
    """math_constants: an int is not a bool, a bool is a number, a huge int overflows."""
    with pytest.raises(TFTypeError, match=r"^Expected bool, but got 2 of type 'int'\.$"):
        check_convertible(2, "bool")
    check_convertible(True, "float32")
    with pytest.raises(PyError, match="Python int too large to convert to C long"):
        check_convertible(2**64, "int32")


def test_dtype_hint_falls_back_to_the_value_own_dtype(e):
    """math_constants: convert_to_tensor(1.5, dtype_hint=int32) -> float32; a
    variable of another dtype is returned as it is."""
    assert convert_to_tensor(e.graph, 1.5, name="c", dtype_hint="int32").dtype == "float32"
    f = v(e, "f", (2,))
    assert convert_to_tensor(e.graph, f, name="c", dtype_hint="int32") is f._snapshot


def test_function_makes_y_by_dtype_hint(e):
    """B_mixed_dtype_python_operands: add(v_int, 1.5) -> Add/y (float32) then the mismatch."""
    i = v(e, "i", (2,), "int32")
    err, created = new_ops(e, lambda: raises(lambda: call(e, "add", i, 1.5)))
    assert created == [("Add/y", "Const")]
    assert err.message.startswith("Input 'y' of 'AddV2' Op has type float32 that does not match")


def test_extra_positional_argument_is_the_name(e):
    """B_op_function_arity_errors, math_functions: relu(f, "r") names the op r;
    relu(f, w) fails in the name scope's regex; a tensor name refuses bool()."""
    f = v(e, "f", (2,))
    assert call(e, "relu", f, "r").name == "r:0"
    err = raises(lambda: call(e, "relu", f, f))
    assert (err.type_name, err.message) == (
        "TypeError", "expected string or bytes-like object, got 'RefVariable'")
    err = raises(lambda: call(e, "relu", f, tensor(e, f, "ft")))
    assert err.type_name == "OperatorNotAllowedInGraphError"


def test_falsy_name_resets_to_the_root_scope(e):
    """math_functions: in name_scope s, add(f, 1.0, "") -> y, AddV2 at the root."""
    f = v(e, "f", (2,))
    with e.name_scope("s"):
        t, created = new_ops(e, lambda: call(e, "add", f, 1.0, ""))
    assert created == [("y", "Const"), ("AddV2", "AddV2")]


def test_dispatch_binding_errors(e):
    """math_functions: add, multiply, matmul, sigmoid, identity bind through dispatch."""
    f = v(e, "f", (2,))
    assert raises(lambda: call(e, "add", f)).message == "Missing required positional argument"
    assert raises(lambda: call(e, "add", f, f, "n", "m")).message == (
        "Too many arguments were given. Expected 3 but got 4.")
    assert raises(lambda: call(e, "identity", f, "n", name="k")).message == (
        "Got multiple values for argument 'name'")


def test_python_binding_errors_of_generated_functions(e):
    """math_functions: relu and tanh bind as Python functions."""
    f = v(e, "f", (2,))
    assert raises(lambda: call(e, "relu")).message == (
        "relu() missing 1 required positional argument: 'features'")
    assert raises(lambda: call(e, "tanh", f, "n", "m")).message == (
        "tanh() takes from 1 to 2 positional arguments but 3 were given")
    assert raises(lambda: call(e, "relu", f, "n", "m", name="k")).message == (
        "relu() got multiple values for argument 'name'")


def test_input_type_error_comes_after_the_op_name_scope(e):
    """math_functions: relu(bt) fails inside Relu/, so relu(f) is Relu_1."""
    bt = tensor(e, v(e, "b", (2,), "bool"), "bt")
    assert raises(lambda: call(e, "relu", bt)).message.endswith(
        "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, "
        "uint64, qint8")
    assert call(e, "relu", v(e, "f", (2,))).name == "Relu_1:0"


def test_matmul_extra_positionals_are_its_flags(e):
    """math_functions: matmul(m23, m32, "n") -> transpose_a must be a bool."""
    a, b = v(e, "a", (2, 3)), v(e, "b", (3, 2))
    assert raises(lambda: call(e, "matmul", a, b, "n")).message == (
        "Expected bool for argument 'transpose_a' not 'n'.")
    assert raises(lambda: call(e, "matmul", a, b, "x", False, "y")).message == (
        "Only one of `transpose_a` and `adjoint_a` can be True. Received `transpose_a`=x, "
        "`adjoint_a`=y.")
    assert call(e, "matmul", a, a, True).shape == (3, 3)


def test_matmul_above_rank_two_is_batch_matmul(e):
    """math_shapes: [2,3,4] @ [4,5] -> BatchMatMulV2 (2, 3, 5); batch dims broadcast."""
    a, b, c = v(e, "a", (2, 3, 4)), v(e, "b", (4, 5)), v(e, "c", (3, 4, 5))
    t, created = new_ops(e, lambda: binop(e, "@", a, b))
    assert (t.shape, created) == ((2, 3, 5), [("matmul", "BatchMatMulV2")])
    assert raises(lambda: binop(e, "@", a, c)).message == (
        "Dimensions must be equal, but are 2 and 3 for '{{node matmul_1}} = BatchMatMulV2["
        "T=DT_FLOAT, adj_x=false, adj_y=false, grad_x=false, grad_y=false](a/read, c/read)' "
        "with input shapes: [2,3,4], [3,4,5].")


def test_matmul_sparse_flag_makes_sparse_matmul(e):
    """math_shapes: a_is_sparse with float32 operands -> SparseMatMul and its attrs."""
    a = v(e, "a", (2, 3))
    assert raises(lambda: call(e, "matmul", a, a, False, False, False, False, True)).message == (
        "Dimensions must be equal, but are 3 and 2 for '{{node MatMul}} = SparseMatMul["
        "Ta=DT_FLOAT, Tb=DT_FLOAT, a_is_sparse=true, b_is_sparse=false, transpose_a=false, "
        "transpose_b=false](a/read, a/read)' with input shapes: [2,3], [2,3].")


def test_matmul_output_type_makes_batch_matmul_v3(e):
    """math_shapes: int32 operands, output_type "float32" -> BatchMatMulV3 float32;
    "bool" -> not an allowed Tout; "x" -> not a DataType."""
    a, b = v(e, "a", (2, 3), "int32"), v(e, "b", (3, 4), "int32")
    flags = [False] * 6
    t, created = new_ops(e, lambda: call(e, "matmul", a, b, *flags, "float32"))
    assert (t.dtype, created) == ("float32", [("MatMul", "BatchMatMulV3")])
    assert raises(lambda: call(e, "matmul", a, b, *flags, "bool")).message == (
        "Value passed to parameter 'Tout' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, int16, int32, int64, complex64, complex128")
    assert raises(lambda: call(e, "matmul", a, b, *flags, "x")).message == (
        "Expected DataType for argument 'Tout' not 'x'.")


def test_matmul_adjoint_of_bool_fails_in_conj(e):
    """math_shapes: matmul(b2, b2, False, False, True) -> conj's TypeError."""
    b = v(e, "b", (2,), "bool")
    assert raises(lambda: call(e, "matmul", b, b, False, False, True)).message == (
        "Expected numeric or variant tensor, got dtype tf.bool.")


def test_duplicate_node_name_is_checked_before_shape_inference(e):
    """fuzzing: multiply(..., name="q/") then matmul(0.5, 2, name="q/") -> Duplicate."""
    d = v(e, "d", (2,))
    call(e, "multiply", d, d, name="q/")
    assert raises(lambda: call(e, "matmul", 0.5, 2, name="q/")).message == (
        "Duplicate node name in graph: 'q'")


def test_broadcast_with_unknown_dims(e):
    """math_unknown_dims: ? vs 0 stays ?, ? vs 2 is 2, unknown rank stays unknown;
    [?,3] + [2] quotes the unknown dim."""
    g = e.graph
    p, p3, a0, a2 = (constant(g, "float32", s, n) for n, s in
                     (("p", (None,)), ("p3", (None, 3)), ("a0", (0,)), ("a2", (2,))))
    u = constant(g, "float32", None, "u")
    assert [binop(e, "+", x, y).shape for x, y in ((p, a0), (p, a2), (u, a2))] == [
        (None,), (2,), None]
    assert raises(lambda: binop(e, "+", p3, a2)).message == (
        "Dimensions must be equal, but are 3 and 2 for '{{node add_3}} = AddV2[T=DT_FLOAT]"
        "(p3, a2)' with input shapes: [?,3], [2].")


def test_matmul_with_unknown_dims(e):
    """math_unknown_dims: [?,3] @ [3,4] -> (?, 4); unknown rank -> BatchMatMulV2, unknown."""
    g = e.graph
    p3, a34 = constant(g, "float32", (None, 3), "p3"), constant(g, "float32", (3, 4), "a34")
    u = constant(g, "float32", None, "u")
    assert binop(e, "@", p3, a34).shape == (None, 4)
    t, created = new_ops(e, lambda: binop(e, "@", u, a34))
    assert (t.shape, created) == (None, [("matmul_1", "BatchMatMulV2")])
