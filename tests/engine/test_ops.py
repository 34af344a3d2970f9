"""Default op names, operand constants, dtype and shape errors (catalogue part B),
then one test per rule of scopesim/engine/math.py (TensorFlow's own code paths).

Expected values: the catalogue's table B1 (probe p04) and the probes in
tests/engine/tf_probes/ (math_ops.out, and math_operators.out,
math_functions.out, math_shapes.out, math_constants.out,
math_unknown_dims.out for the rules), all printed by TensorFlow 2.21.
"""

import operator

from oracle import ORACLE, T, cases, error, fresh, new_ops, op_names, zeros

setup_function = fresh

#: Python's operators, by their symbol.
OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
             "@": operator.matmul}

#: The op functions of the language (tf_probes/math_env.py's FUNCTIONS).
FUNCTIONS = {"add": T.add, "matmul": T.matmul, "multiply": T.multiply, "relu": T.nn.relu,
             "tanh": T.tanh, "sigmoid": T.sigmoid, "identity": T.identity}


def v(name, shape=(), dtype="float32"):
    return T.get_variable(name, shape, dtype=getattr(T, dtype), initializer=zeros())


def binop(symbol, x, y):
    """`x <symbol> y`."""
    return OPERATORS[symbol](x, y)


def call(func, *args, name=None):
    """`tf.<func>(*args)`, with `name=name` when a name is given."""
    return FUNCTIONS[func](*args, **({} if name is None else {"name": name}))


def tensor(var, name):
    """`tf.identity(var, name=name)`: a Tensor of the variable's value."""
    return T.identity(var, name=name)


def placeholder(dtype, shape, name):
    return T.placeholder(getattr(T, dtype), shape, name=name)


def shape_of(t):
    """A tensor's static shape as a tuple (None for an unknown dim), or None
    for an unknown rank."""
    dims = t.shape.dims
    return None if dims is None else tuple(t.shape.as_list())


def test_operator_and_function_names_share_case_insensitive_counter():
    """B1/B2: 1.0+v -> add (add/x), v+1.0 -> add_1 (add_1/y), v+v -> add_2,
    tf.add(v, 2.0) -> Add_3 (Add_3/y), tf.add(2.0, v) -> Add_4 (Add_4/x)."""
    x = v("v")
    assert new_ops(lambda: binop("+", 1.0, x))[1] == [("add/x", "Const"), ("add", "AddV2")]
    assert new_ops(lambda: binop("+", x, 1.0))[1] == [("add_1/y", "Const"), ("add_1", "AddV2")]
    assert new_ops(lambda: binop("+", x, x))[1] == [("add_2", "AddV2")]
    assert new_ops(lambda: call("add", x, 2.0))[1] == [("Add_3/y", "Const"), ("Add_3", "AddV2")]
    assert new_ops(lambda: call("add", 2.0, x))[1] == [("Add_4/x", "Const"), ("Add_4", "AddV2")]
    t, created = new_ops(lambda: call("add", x, x, name="myadd"))
    assert (t.name, created) == ("myadd:0", [("myadd", "AddV2")])


@cases("symbol,left,expected", [
    ("-", False, [("sub/y", "Const"), ("sub", "Sub")]),
    ("-", True, [("sub/x", "Const"), ("sub", "Sub")]),
    ("*", False, [("mul/y", "Const"), ("mul", "Mul")]),
    ("*", True, [("mul/x", "Const"), ("mul", "Mul")]),
    ("/", False, [("truediv/y", "Const"), ("truediv", "RealDiv")]),
    ("/", True, [("truediv/x", "Const"), ("truediv", "RealDiv")]),
])
def test_operator_op_names_and_number_operands(symbol, left, expected):
    """B1/B3: a Python number becomes <op>/x (on the left) or <op>/y (on the right)."""
    x = v("v")
    assert new_ops(lambda: binop(symbol, 2.0, x) if left else binop(symbol, x, 2.0))[1] == expected


def test_neg_matmul_and_named_functions():
    """B1: -v -> Neg; tf.matmul -> MatMul; x @ w -> matmul_1 (case clash); relu, sigmoid,
    tanh, identity keep their op-type names."""
    x = v("v")
    assert operator.neg(x).name == "Neg:0"
    a, b = v("a", (2, 3)), v("b", (3, 1))
    assert call("matmul", a, b).name == "MatMul:0"
    assert binop("@", a, b).name == "matmul_1:0"
    assert [call(f, x).name for f in ("relu", "sigmoid", "tanh", "identity")] == [
        "Relu:0", "Sigmoid:0", "Tanh:0", "Identity:0"]


@cases("func,const", [("identity", "Identity/input"), ("relu", "Relu/features"),
                      ("tanh", "Tanh/x"), ("sigmoid", "Sigmoid/x")])
def test_number_argument_of_function_is_named_after_the_input(func, const):
    """math_ops probe: tf.identity(1.0) -> Identity/input, tf.nn.relu(1.0) -> Relu/features."""
    assert new_ops(lambda: call(func, 1.0))[1][0] == (const, "Const")


def test_function_of_two_numbers():
    """math_ops probe: tf.add(1.0, 2.0) -> Add/x, Add/y, Add."""
    assert new_ops(lambda: call("add", 1.0, 2.0))[1] == [
        ("Add/x", "Const"), ("Add/y", "Const"), ("Add", "AddV2")]


def test_ops_in_scopes():
    """B1: in name_scope ns: tf.add -> ns/Add, v + 1.0 -> ns/add_1 (after a root add);
    in variable_scope vs: v + 1.0 -> vs/add."""
    x = v("v")
    binop("+", x, 1.0)
    with T.name_scope("ns"):
        assert call("add", x, 1.0).name == "ns/Add:0"
        assert binop("+", x, 1.0).name == "ns/add_1:0"
    with T.variable_scope("vs"):
        assert binop("+", x, 1.0).name == "vs/add:0"


def test_integer_division_casts_both_sides():
    """math_ops probe: int / int -> truediv/Cast, truediv/Cast_1, truediv (RealDiv), float64."""
    a, b = v("a", (2,), "int32"), v("b", (2,), "int32")
    t, created = new_ops(lambda: binop("/", a, b))
    assert created == [("truediv/Cast", "Cast"), ("truediv/Cast_1", "Cast"), ("truediv", "RealDiv")]
    assert t.dtype == "float64"
    assert new_ops(lambda: binop("/", a, 2))[1][0] == ("truediv_1/y", "Const")


def test_shape_inference_broadcasts():
    """math_ops probe: [2,1] + [3] -> (2, 3); [] * [2,3] -> (2, 3); [2,3] @ [3,5] -> (2, 5)."""
    assert shape_of(binop("+", v("a", (2, 1)), v("b", (3,)))) == (2, 3)
    assert shape_of(binop("*", v("c"), v("d", (2, 3)))) == (2, 3)
    assert shape_of(binop("@", v("f", (2, 3)), v("g", (3, 5)))) == (2, 5)


def test_incompatible_shapes():
    """math_ops probe: [2] + [3] -> Dimensions must be equal ... with the node text."""
    a, b = v("a", (2,)), v("b", (3,))
    err = error(lambda: binop("+", a, b), ValueError)
    assert str(err) == (
        "Dimensions must be equal, but are 2 and 3 for '{{node add}} = AddV2[T=DT_FLOAT]"
        "(a/read, b/read)' with input shapes: [2], [3].")


def test_matmul_shape_errors():
    """math_ops probe: inner dims and rank errors name MatMul's attributes."""
    err = error(lambda: binop("@", v("a", (2, 3)), v("b", (2, 3))), ValueError)
    assert str(err) == (
        "Dimensions must be equal, but are 3 and 2 for '{{node matmul}} = MatMul[T=DT_FLOAT, "
        "grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](a/read, b/read)' "
        "with input shapes: [2,3], [2,3].")
    fresh()           # a fresh graph: 'matmul' above would make this one MatMul_1
    err = error(lambda: call("matmul", 2.0, v("c", (2, 2))), ValueError)
    assert str(err) == (
        "Shape must be rank 2 but is rank 0 for '{{node MatMul}} = MatMul[T=DT_FLOAT, "
        "grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](MatMul/a, c/read)' "
        "with input shapes: [], [2,2].")


def test_dtype_mismatch():
    """math_ops probe: float + int tensor -> TypeError naming the inputs."""
    err = error(lambda: binop("+", v("a", (2,)), v("b", (2,), "int32")), TypeError)
    assert str(err) == (
        "Input 'y' of 'AddV2' Op has type int32 that does not match type float32 of argument 'x'.")


def test_float_into_int_tensor_on_the_right_makes_a_const_first():
    """math_ops probe: v_int + 1.5 -> add/y (float32) is created, then the mismatch."""
    a = v("a", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("+", a, 1.5), TypeError))
    assert str(err) == (
        "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.")
    assert created == [("add/y", "Const")]


def test_float_into_int_tensor_on_the_left_fails_before_any_op():
    """math_ops probe: 1.5 + v_int -> Expected int32, no op."""
    a = v("a", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("+", 1.5, a), TypeError))
    assert str(err) == "Expected int32, but got 1.5 of type 'float'."
    assert created == []


def test_function_with_int_first_then_float_tensor():
    """math_ops probe: tf.add(1, v) -> Add/x int32, then the mismatch."""
    err = error(lambda: call("add", 1, v("a", (2,))), TypeError)
    assert str(err) == (
        "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.")
    assert op_names()[-1] == "Add/x"


@cases("func", ["tanh", "sigmoid"])
def test_float_only_functions_reject_ints(func):
    """math_ops probe: tanh/sigmoid of int32 -> not in list of allowed values."""
    err = error(lambda: call(func, v("a", (2,), "int32")), TypeError)
    assert str(err) == (
        "Value passed to parameter 'x' has DataType int32 not in list of allowed values: "
        "bfloat16, float16, float32, float64, complex64, complex128")


def test_bool_arithmetic_is_rejected():
    """math_ops probe: bool + bool -> not in list of allowed values."""
    err = error(lambda: binop("+", v("a", (2,), "bool"), v("b", (2,), "bool")), TypeError)
    assert str(err).startswith(
        "Value passed to parameter 'x' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, uint8")


def test_none_operand():
    """python_objects probe: v + None -> ValueError None values not supported."""
    err = error(lambda: binop("+", v("a", (2,)), None), ValueError)
    assert str(err) == "None values not supported."


def test_string_operand_on_the_left():
    """python_objects probe: 'a' + v -> Expected float32, but got a of type 'str'."""
    err = error(lambda: binop("+", "a", v("x", (2,))), TypeError)
    assert str(err) == "Expected float32, but got a of type 'str'."


def test_no_op_default_name():
    """tf.no_op() -> NoOp, then NoOp_1."""
    assert [T.no_op().name, T.no_op().name] == ["NoOp", "NoOp_1"]


# ------------------------------------------------------------------------
# The rules of scopesim/engine/math.py and the modules below it, one per
# test (probes: math_*.out).


def test_reflected_operator_converts_left_number_strictly():
    """math_operators: 2.0 - v_int -> r_binary_op_wrapper converts 2.0 to int32 as
    `sub/x`: "Expected int32, but got 2.0 of type 'float'." and no op."""
    i = v("i", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("-", 2.0, i)))
    assert (type(err).__name__, str(err), created) == (
        "TypeError", "Expected int32, but got 2.0 of type 'float'.", [])


def test_sub_converts_python_operand_strictly_in_apply_op():
    """B_mixed_dtype_python_operands: v_int - 2.0 -> no const; _apply_op_helper's message."""
    i = v("i", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("-", i, 2.0)))
    assert str(err) == ("Expected int32 passed to parameter 'y' of op 'Sub', got 2.0 of type "
                           "'float' instead. Error: Expected int32, but got 2.0 of type 'float'.")
    assert created == []


def test_mul_converts_python_operand_strictly_in_apply_op():
    """B_mixed_dtype_python_operands: v_int * 0.5 -> as for Sub, parameter of op 'Mul'."""
    i = v("i", (2,), "int32")
    err = error(lambda: binop("*", i, 0.5))
    assert str(err).startswith("Expected int32 passed to parameter 'y' of op 'Mul', got 0.5 ")


def test_truediv_makes_y_by_hint_then_requires_same_dtype():
    """B_mixed_dtype_python_operands: v_int / 0.5 -> truediv/y (float32), then TypeError."""
    i = v("i", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("/", i, 0.5)))
    assert str(err) == "`x` and `y` must have the same dtype, got tf.int32 != tf.float32."
    assert created == [("truediv/y", "Const")]


def test_truediv_rejects_dtypes_outside_its_table():
    """math_operators: b / b -> Invalid dtype tf.bool in __truediv__."""
    b = v("b", (2,), "bool")
    assert str(error(lambda: binop("/", b, b))) == (
        "Invalid dtype tf.bool in __truediv__. Expected one of {tf.uint8, tf.int8, tf.uint16, "
        "tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, tf.bfloat16, tf.float16, "
        "tf.float32, tf.float64, tf.complex64, tf.complex128}.")


def test_failed_operator_retries_reflected_operator_inside_its_scope():
    """names probe: f + i fails, then i.__radd__ opens `add/add` (not add_1) and the
    first error is raised; the next `+` is add_1."""
    f, i = v("f", (2,)), v("i", (2,), "int32")
    err = error(lambda: binop("+", f, i))
    assert str(err) == ("Input 'y' of 'AddV2' Op has type int32 that does not match type "
                           "float32 of argument 'x'.")
    assert T.get_default_graph().unique_name("add/add", mark_as_used=False) == "add/add_1"
    assert binop("+", f, f).name == "add_1:0"


def test_reflected_retry_leaves_its_orphans():
    """math_shapes: i2 / i3 -> truediv/Cast, Cast_1, then the retry's
    truediv/truediv/Cast, Cast_1; the first shape error is raised."""
    a, b = v("a", (2,), "int32"), v("b", (3,), "int32")
    err, created = new_ops(lambda: error(lambda: binop("/", a, b)))
    assert [n for n, _ in created] == ["truediv/Cast", "truediv/Cast_1", "truediv/truediv/Cast",
                                       "truediv/truediv/Cast_1"]
    assert str(err) == (
        "Dimensions must be equal, but are 2 and 3 for '{{node truediv}} = RealDiv[T=DT_DOUBLE]"
        "(truediv/Cast, truediv/Cast_1)' with input shapes: [2], [3].")


def test_bool_tensor_multiplication_goes_through_int32():
    """math_operators: ft * bt -> mul/Cast, mul/Cast_1, mul (Mul), mul/Cast_2 (bool)."""
    ft, bt = tensor(v("f", (2,)), "ft"), tensor(v("b", (2,), "bool"), "bt")
    t, created = new_ops(lambda: binop("*", ft, bt))
    assert created == [("mul/Cast", "Cast"), ("mul/Cast_1", "Cast"), ("mul", "Mul"),
                       ("mul/Cast_2", "Cast")]
    assert (t.name, t.dtype) == ("mul/Cast_2:0", "bool")


def test_bool_variable_does_not_trigger_the_int32_multiplication():
    """math_operators: ft * b (a bool Variable is not a Tensor) -> Mul's dtype mismatch."""
    ft, b = tensor(v("f", (2,)), "ft"), v("b", (2,), "bool")
    assert str(error(lambda: binop("*", ft, b))) == (
        "Input 'y' of 'Mul' Op has type bool that does not match type float32 of argument 'x'.")


def test_string_addition_uses_the_add_op():
    """math_operators: st + "x" -> add/y, add (Add); st + 1 -> Add's mismatch."""
    st = T.constant("abc", name="st")
    assert new_ops(lambda: binop("+", st, "x"))[1] == [("add/y", "Const"), ("add", "Add")]
    assert str(error(lambda: binop("+", st, 1))) == (
        "Input 'y' of 'Add' Op has type int32 that does not match type string of argument 'x'.")


def test_none_in_apply_op_cannot_be_converted():
    """math_operators: f - None -> "Tried to convert 'y' to a tensor and failed. ..."."""
    f = v("f", (2,))
    err = error(lambda: binop("-", f, None))
    assert (type(err).__name__, str(err)) == (
        "ValueError",
        "Tried to convert 'y' to a tensor and failed. Error: None values not supported.")


def test_operation_operand():
    """math_operators: f + o -> can't convert; f - o -> _apply_op_helper quotes repr(o)."""
    f, o = v("f", (2,)), T.no_op("o")
    assert str(error(lambda: binop("+", f, o))) == "can't convert Operation 'o' to Tensor"
    assert str(error(lambda: binop("-", f, o))) == (
        "Expected float32 passed to parameter 'y' of op 'Sub', got <tf.Operation 'o' type=NoOp> "
        "of type 'Operation' instead. Error: can't convert Operation 'o' to Tensor")


def test_variable_scope_operand():
    """math_operators: f + vs (dtype hint) and vs + f (strict); the object's
    repr with its address (scopesim's is fixed: 0x7f0000000000)."""
    f = v("f", (2,))
    with T.variable_scope("vs") as vs:
        pass
    obj = f"<tensorflow.python.ops.variable_scope.VariableScope object at {hex(id(vs))}>"
    if not ORACLE:
        obj = "<tensorflow.python.ops.variable_scope.VariableScope object at 0x7f0000000000>"
    assert str(error(lambda: binop("+", f, vs))) == (
        f"Failed to convert elements of {obj} to Tensor. Consider casting elements to a "
        "supported type. See https://www.tensorflow.org/api_docs/python/tf/dtypes for "
        "supported TF dtypes.")
    assert str(error(lambda: binop("+", vs, f))) == (
        f"Expected float32, but got {obj} of type 'VariableScope'.")


def test_matmul_operator_names_number_operands_x_and_b():
    """math_operators: 2.0 @ f -> matmul/x (reflected); f @ 2.0 -> matmul/b (matmul's own)."""
    f = v("f", (2,))
    assert new_ops(lambda: error(lambda: binop("@", 2.0, f)))[1] == [("matmul/x", "Const")]
    assert new_ops(lambda: error(lambda: binop("@", f, 2.0)))[1] == [("matmul_1/b", "Const")]


def test_unary_minus_is_neg_and_its_type_error_uses_the_name():
    """math_functions: -b -> Neg's allowed list; then -f is Neg_1."""
    b, f = v("b", (2,), "bool"), v("f", (2,))
    assert str(error(lambda: operator.neg(b))) == (
        "Value passed to parameter 'x' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128")
    assert operator.neg(f).name == "Neg_1:0"


def test_tensor_shape_plus_tensor_fails_in_as_shape():
    """math_operators: f.shape + f -> a `read` Identity, then Dimension's TypeError."""
    f = v("f", (2,))
    err, created = new_ops(lambda: error(
        lambda: binop("+", T.TensorShape([2]), f)))
    assert created == [("read", "Identity")]
    assert str(err) == (
        "Dimension value must be integer or None or have an __index__ method, got value "
        "'<tf.Variable 'f:0' shape=(2,) dtype=float32_ref>' with type "
        "'<class 'tensorflow.python.ops.ref_variable.RefVariable'>'")


def test_tensor_shape_converts_to_int32_only():
    """math_shapes: f.shape * i3 -> mul/x (int32); a2 - f.shape -> cannot convert to float32."""
    shape = T.TensorShape([2])
    i3, a2 = v("i3", (3,), "int32"), v("a2", (2,))
    assert shape_of(binop("*", shape, i3)) == (3,)
    assert str(error(lambda: binop("-", a2, shape))) == (
        "Expected float32 passed to parameter 'y' of op 'Sub', got TensorShape([Dimension(2)]) of "
        "type 'TensorShape' instead. Error: Cannot convert TensorShape (2,) to dtype "
        "<dtype: 'float32'>. Allowed dtypes are tf.int32 and tf.int64.")


def test_python_int_dtype_grows_with_the_value():
    """math_constants: int32, then int64, then uint64, then "Failed to convert"."""
    assert [T.constant(n).dtype.name for n in (2**31 - 1, 2**31, 2**63, 2**64 - 1, -2**63)] == [
        "int32", "int64", "uint64", "uint64", "int64"]
    assert str(error(lambda: T.constant(2**64), TypeError)).startswith(
        "Failed to convert elements of 18446744073709551616")


def test_python_value_compatibility_with_a_dtype():
    """math_constants: an int is not a bool, a bool is a number, a huge int overflows."""
    assert str(error(lambda: T.constant(2, dtype=T.bool), TypeError)) == (
        "Expected bool, but got 2 of type 'int'.")
    assert T.constant(True, dtype=T.float32).dtype == "float32"
    assert "Python int too large to convert to C long" in str(
        error(lambda: T.constant(2**64, dtype=T.int32)))


def test_dtype_hint_falls_back_to_the_value_own_dtype():
    """math_constants: convert_to_tensor(1.5, dtype_hint=int32) -> float32; a
    variable of another dtype is returned as it is."""
    assert T.convert_to_tensor(1.5, name="c", dtype_hint=T.int32).dtype == "float32"
    f = v("f", (2,))
    assert T.convert_to_tensor(f, name="c", dtype_hint=T.int32) is f.value()


def test_function_makes_y_by_dtype_hint():
    """B_mixed_dtype_python_operands: add(v_int, 1.5) -> Add/y (float32) then the mismatch."""
    i = v("i", (2,), "int32")
    err, created = new_ops(lambda: error(lambda: call("add", i, 1.5)))
    assert created == [("Add/y", "Const")]
    assert str(err).startswith("Input 'y' of 'AddV2' Op has type float32 that does not match")


def test_extra_positional_argument_is_the_name():
    """B_op_function_arity_errors, math_functions: relu(f, "r") names the op r;
    relu(f, w) fails in the name scope's regex; a tensor name refuses bool()."""
    f = v("f", (2,))
    assert call("relu", f, "r").name == "r:0"
    err = error(lambda: call("relu", f, f))
    assert (type(err).__name__, str(err)) == (
        "TypeError", "expected string or bytes-like object, got 'RefVariable'")
    err = error(lambda: call("relu", f, tensor(f, "ft")))
    assert type(err).__name__ == "OperatorNotAllowedInGraphError"


def test_falsy_name_resets_to_the_root_scope():
    """math_functions: in name_scope s, add(f, 1.0, "") -> y, AddV2 at the root."""
    f = v("f", (2,))
    with T.name_scope("s"):
        t, created = new_ops(lambda: call("add", f, 1.0, ""))
    assert created == [("y", "Const"), ("AddV2", "AddV2")]


def test_dispatch_binding_errors():
    """math_functions: add, multiply, matmul, sigmoid, identity bind through dispatch."""
    f = v("f", (2,))
    assert str(error(lambda: call("add", f))) == "Missing required positional argument"
    assert str(error(lambda: call("add", f, f, "n", "m"))) == (
        "Too many arguments were given. Expected 3 but got 4.")
    assert str(error(lambda: call("identity", f, "n", name="k"))) == (
        "Got multiple values for argument 'name'")


def test_python_binding_errors_of_generated_functions():
    """math_functions: relu and tanh bind as Python functions."""
    f = v("f", (2,))
    assert str(error(lambda: call("relu"))) == (
        "relu() missing 1 required positional argument: 'features'")
    assert str(error(lambda: call("tanh", f, "n", "m"))) == (
        "tanh() takes from 1 to 2 positional arguments but 3 were given")
    assert str(error(lambda: call("relu", f, "n", "m", name="k"))) == (
        "relu() got multiple values for argument 'name'")


def test_input_type_error_comes_after_the_op_name_scope():
    """math_functions: relu(bt) fails inside Relu/, so relu(f) is Relu_1."""
    bt = tensor(v("b", (2,), "bool"), "bt")
    assert str(error(lambda: call("relu", bt))).endswith(
        "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, "
        "uint64, qint8")
    assert call("relu", v("f", (2,))).name == "Relu_1:0"


def test_matmul_extra_positionals_are_its_flags():
    """math_functions: matmul(m23, m32, "n") -> transpose_a must be a bool."""
    a, b = v("a", (2, 3)), v("b", (3, 2))
    assert str(error(lambda: call("matmul", a, b, "n"))) == (
        "Expected bool for argument 'transpose_a' not 'n'.")
    assert str(error(lambda: call("matmul", a, b, "x", False, "y"))) == (
        "Only one of `transpose_a` and `adjoint_a` can be True. Received `transpose_a`=x, "
        "`adjoint_a`=y.")
    assert shape_of(call("matmul", a, a, True)) == (3, 3)


def test_matmul_above_rank_two_is_batch_matmul():
    """math_shapes: [2,3,4] @ [4,5] -> BatchMatMulV2 (2, 3, 5); batch dims broadcast."""
    a, b, c = v("a", (2, 3, 4)), v("b", (4, 5)), v("c", (3, 4, 5))
    t, created = new_ops(lambda: binop("@", a, b))
    assert (shape_of(t), created) == ((2, 3, 5), [("matmul", "BatchMatMulV2")])
    assert str(error(lambda: binop("@", a, c))) == (
        "Dimensions must be equal, but are 2 and 3 for '{{node matmul_1}} = BatchMatMulV2["
        "T=DT_FLOAT, adj_x=false, adj_y=false, grad_x=false, grad_y=false](a/read, c/read)' "
        "with input shapes: [2,3,4], [3,4,5].")


def test_matmul_sparse_flag_makes_sparse_matmul():
    """math_shapes: a_is_sparse with float32 operands -> SparseMatMul and its attrs."""
    a = v("a", (2, 3))
    assert str(error(lambda: call("matmul", a, a, False, False, False, False, True))) == (
        "Dimensions must be equal, but are 3 and 2 for '{{node MatMul}} = SparseMatMul["
        "Ta=DT_FLOAT, Tb=DT_FLOAT, a_is_sparse=true, b_is_sparse=false, transpose_a=false, "
        "transpose_b=false](a/read, a/read)' with input shapes: [2,3], [2,3].")


def test_matmul_output_type_makes_batch_matmul_v3():
    """math_shapes: int32 operands, output_type "float32" -> BatchMatMulV3 float32;
    "bool" -> not an allowed Tout; "x" -> not a DataType."""
    a, b = v("a", (2, 3), "int32"), v("b", (3, 4), "int32")
    flags = [False] * 6
    t, created = new_ops(lambda: call("matmul", a, b, *flags, "float32"))
    assert (t.dtype, created) == ("float32", [("MatMul", "BatchMatMulV3")])
    assert str(error(lambda: call("matmul", a, b, *flags, "bool"))) == (
        "Value passed to parameter 'Tout' has DataType bool not in list of allowed values: "
        "bfloat16, float16, float32, float64, int16, int32, int64, complex64, complex128")
    assert str(error(lambda: call("matmul", a, b, *flags, "x"))) == (
        "Expected DataType for argument 'Tout' not 'x'.")


def test_matmul_adjoint_of_bool_fails_in_conj():
    """math_shapes: matmul(b2, b2, False, False, True) -> conj's TypeError."""
    b = v("b", (2,), "bool")
    assert str(error(lambda: call("matmul", b, b, False, False, True))) == (
        "Expected numeric or variant tensor, got dtype tf.bool.")


def test_duplicate_node_name_is_checked_before_shape_inference():
    """fuzzing: multiply(..., name="q/") then matmul(0.5, 2, name="q/") -> Duplicate."""
    d = v("d", (2,))
    call("multiply", d, d, name="q/")
    assert str(error(lambda: call("matmul", 0.5, 2, name="q/"))) == (
        "Duplicate node name in graph: 'q'")


def test_broadcast_with_unknown_dims():
    """math_unknown_dims: ? vs 0 stays ?, ? vs 2 is 2, unknown rank stays unknown;
    [?,3] + [2] quotes the unknown dim."""
    p, p3, a0, a2 = (placeholder("float32", s, n) for n, s in
                     (("p", (None,)), ("p3", (None, 3)), ("a0", (0,)), ("a2", (2,))))
    u = placeholder("float32", None, "u")
    assert [shape_of(binop("+", x, y)) for x, y in ((p, a0), (p, a2), (u, a2))] == [
        (None,), (2,), None]
    assert str(error(lambda: binop("+", p3, a2))) == (
        "Dimensions must be equal, but are 3 and 2 for '{{node add_3}} = AddV2[T=DT_FLOAT]"
        "(p3, a2)' with input shapes: [?,3], [2].")


def test_matmul_with_unknown_dims():
    """math_unknown_dims: [?,3] @ [3,4] -> (?, 4); unknown rank -> BatchMatMulV2, unknown."""
    p3, a34 = placeholder("float32", (None, 3), "p3"), placeholder("float32", (3, 4), "a34")
    u = placeholder("float32", None, "u")
    assert shape_of(binop("@", p3, a34)) == (None, 4)
    t, created = new_ops(lambda: binop("@", u, a34))
    assert (shape_of(t), created) == (None, [("matmul_1", "BatchMatMulV2")])
