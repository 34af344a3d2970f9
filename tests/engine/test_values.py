"""The values a program handles besides tensors, one test per rule, then the
TensorFlow recordings replayed (test_probe_replays.py): Python's operators
between them, what they say of themselves, calling them, the query
functions' argument binding and which `except` catches what.

Expected values: the probes tests/engine/tf_probes/values_operators.out,
values_calls.out, values_exceptions.out, values_name_scopes.out and
math_constants.out, printed by TensorFlow 2.21.
"""

import operator

from oracle import ORACLE, T, error, fresh, new_ops, zeros

setup_function = fresh


def shape(*dims):
    """`tf.TensorShape(list(dims))` (a variable's `.shape`)."""
    return T.TensorShape(list(dims))


def variable(name, dtype=T.float32, trainable=True):
    return T.get_variable(name, [2], dtype=dtype, initializer=zeros(), trainable=trainable)


# ------------------------------------------------------------------ rules


def test_constant_of_auto_reuse_fails_to_convert():
    """math_constants: T.constant(T.AUTO_REUSE) -> make_tensor_proto's message."""
    err = error(lambda: T.constant(T.AUTO_REUSE))
    assert (type(err).__name__, str(err)) == (
        "TypeError", "Failed to convert elements of _ReuseMode.AUTO_REUSE to Tensor. Consider "
        "casting elements to a supported type. See https://www.tensorflow.org/api_docs/python/"
        "tf/dtypes for supported TF dtypes.")


def test_tensor_shape_plus_tensor_shape_concatenates():
    """values_operators: f.shape + f.shape -> (2, 2), TensorShape([Dimension(2), Dimension(2)])."""
    both = shape(2) + shape(2)
    assert (str(both), repr(both)) == ("(2, 2)", "TensorShape([Dimension(2), Dimension(2)])")


def test_number_plus_tensor_shape_is_a_leading_dimension():
    """values_operators: 2 + f.shape -> (2, 2); True + f.shape -> (True, 2)."""
    assert str(2 + shape(2)) == "(2, 2)"
    assert repr(True + shape(2)) == "TensorShape([Dimension(True), Dimension(2)])"


def test_tensor_shape_plus_none_is_unknown():
    """values_operators: f.shape + None -> <unknown>, TensorShape(None), equal to
    another unknown shape."""
    unknown = shape(2) + None
    assert (str(unknown), repr(unknown)) == ("<unknown>", "TensorShape(None)")
    assert T.TensorShape(None) == unknown


def test_tensor_shape_plus_float_is_not_a_dimension():
    """values_operators: f.shape + 2.0 -> Dimension's TypeError with repr and class."""
    assert str(error(lambda: shape(2) + 2.0, TypeError)) == (
        "Dimension value must be integer or None or have an __index__ method, got value '2.0' "
        "with type '<class 'float'>'")


def test_dimension_must_not_be_negative():
    """values_operators: -1 + f.shape -> ValueError Dimension -1 must be >= 0."""
    err = error(lambda: -1 + shape(2))
    assert (type(err).__name__, str(err)) == ("ValueError", "Dimension -1 must be >= 0")


def test_string_as_shape_is_one_dimension_per_character():
    """values_operators: "s" + f.shape -> the wrapped message; "" + f.shape -> (2,)."""
    assert str(error(lambda: "s" + shape(2), TypeError)) == (
        "Failed to convert ''s'' to a shape: ''s''could not be converted to a dimension. A shape "
        "should either be single dimension (e.g. 10), or an iterable of dimensions (e.g. [1, 10, "
        "None]).")
    assert str("" + shape(2)) == "(2,)"


def test_dimension_error_quotes_tensorflow_classes():
    """values_operators: f.shape + f.dtype / e / auto -> their repr and class."""
    def message(other):
        return str(error(lambda: shape(2) + other, TypeError))
    caught = error(lambda: T.constant(None), ValueError)
    assert message(variable("f").dtype).endswith(
        "got value 'tf.float32_ref' with type '<class 'tensorflow.python.framework.dtypes.DType'>'")
    assert message(caught).endswith(
        "got value 'ValueError('None values not supported.')' with type '<class 'ValueError'>'")
    assert message(T.AUTO_REUSE).endswith(
        "got value '<_ReuseMode.AUTO_REUSE: 1>' with type '<enum '_ReuseMode'>'")


def test_sequence_operators_name_the_other_operand():
    """values_operators: "s" * o -> can't multiply sequence...; "s" + o -> can only
    concatenate str...; o * "s" too (the right operand's repetition)."""
    o = T.no_op(name="o")
    assert str(error(lambda: "s" * o, TypeError)) == (
        "can't multiply sequence by non-int of type 'Operation'")
    assert str(error(lambda: o * "s", TypeError)) == (
        "can't multiply sequence by non-int of type 'Operation'")
    assert str(error(lambda: "s" + o, TypeError)) == (
        'can only concatenate str (not "Operation") to str')


def test_other_objects_have_no_operators():
    """values_operators / python_objects: o + "s", f.dtype - 2 -> unsupported operand type(s)."""
    o = T.no_op(name="o")
    assert str(error(lambda: o + "s", TypeError)) == (
        "unsupported operand type(s) for +: 'Operation' and 'str'")
    assert str(error(lambda: T.float32 - 2, TypeError)) == (
        "unsupported operand type(s) for -: 'DType' and 'int'")


def test_unary_minus_of_an_object():
    """values_operators: -f.shape -> bad operand type for unary -: 'TensorShape'."""
    assert str(error(lambda: operator.neg(shape(2)), TypeError)) == (
        "bad operand type for unary -: 'TensorShape'")


def test_dtype_equality_goes_through_as_dtype():
    """values_operators: ft.dtype == 'float' / 1 / True -> True; f.dtype == 'float32' ->
    False (float32_ref); ft.dtype == None -> False."""
    f32 = T.float32
    assert [f32 == x for x in ("float", 1, True, 1.0, None, "x")] == [
        True, True, True, True, False, False]
    assert not variable("f").dtype == "float32"
    assert f32 != None  # noqa: E711 (DType.__ne__ is the rule under test)


def test_tensor_shape_equality_converts_the_other_side():
    """values_operators: 2 == f.shape -> True; f.shape == f -> False after a `read` op."""
    assert 2 == shape(2)
    f = variable("f")
    same, created = new_ops(lambda: shape(2) == f)
    assert (same, created) == (False, [("read", "Identity")])


def test_caught_exception_repr_and_str():
    """values_operators: e (ValueError from T.constant(None)): str is the message."""
    caught = error(lambda: T.constant(None), ValueError)
    assert (type(caught).__name__, str(caught), repr(caught)) == (
        "ValueError", "None values not supported.", "ValueError('None values not supported.')")


def test_calling_a_value_is_a_type_error():
    """values_calls: x(1) with x a tensor -> 'SymbolicTensor' object is not callable."""
    x = T.constant(1.0)
    assert str(error(lambda: x(1), TypeError)) == "'SymbolicTensor' object is not callable"


def test_callee_is_looked_up_before_the_arguments():
    """values_calls: undefined_name(undefined_other) -> names the callee (a
    `.scope` program, run by scopesim's runner)."""
    if ORACLE:
        return
    from scopesim.parser import parse
    from scopesim.runner import run
    result = run(parse("undefined_name(undefined_other)"))
    assert (result.error.type, result.error.message) == (
        "NameError", "name 'undefined_name' is not defined")


def test_query_functions_bind_as_python_functions():
    """values_calls: Graph.get_name_scope counts self; keywords come first."""
    g = T.get_default_graph()
    assert str(error(lambda: g.get_name_scope(1), TypeError)) == (
        "Graph.get_name_scope() takes 1 positional argument but 2 were given")
    assert str(error(lambda: T.get_variable_scope(1, 2), TypeError)) == (
        "get_variable_scope() takes 0 positional arguments but 2 were given")
    assert str(error(lambda: T.global_variables(1, name="n"), TypeError)) == (
        "global_variables() got an unexpected keyword argument 'name'")


def test_scope_pattern_is_used_only_once_the_collection_exists():
    """values_calls: global_variables(1) -> [] on an empty graph; with only a
    non-trainable variable, trainable_variables("[") -> [] but global_variables
    raises."""
    assert T.global_variables(1) == []
    variable("w", trainable=False)
    assert T.trainable_variables("[") == []
    assert type(error(lambda: T.global_variables("["))).__name__ == "error"
    assert str(error(lambda: T.global_variables(1), TypeError)) == (
        "first argument must be string or compiled pattern")


def test_overflow_error_is_an_arithmetic_error():
    """values_exceptions: i + 18446744073709551616 -> OverflowError, caught by
    ArithmeticError."""
    i = variable("i", T.int32)
    assert str(error(lambda: i + 18446744073709551616, ArithmeticError)) == (
        "Python int too large to convert to C long")


def test_name_scope_of_a_tensor_refuses_bool():
    """values_name_scopes: T.name_scope(t) -> OperatorNotAllowedInGraphError."""
    t = T.constant(1.0)

    def enter():
        with T.name_scope(t):
            pass
    assert type(error(enter)).__name__ == "OperatorNotAllowedInGraphError"
