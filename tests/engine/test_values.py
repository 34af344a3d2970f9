"""The values a program handles besides tensors, one test per rule, then the
TensorFlow recordings replayed: Python's operators between them
(scopesim/engine/python_ops.py), what they say of themselves
(scopesim/engine/values.py), calling them, the query functions' argument
binding (scopesim/engine/binding.py) and which `except` catches what.

Expected values: the probes tests/engine/tf_probes/values_operators.out,
values_calls.out, values_exceptions.out, values_name_scopes.out and
math_constants.out, printed by TensorFlow 2.21.
"""

import pytest

from scopesim.engine.engine import Engine
from scopesim.engine.scopes import AUTO_REUSE
from scopesim.engine.values import DType, ExceptionValue, TensorShape, py_repr, py_str, type_name
from scopesim.errors import TFError
from scopesim.interpreter import Session
from scopesim.parser import parse

Z = ("zeros", None)


@pytest.fixture
def e():
    return Engine()


def raises(fn) -> TFError:
    with pytest.raises(TFError) as err:
        fn()
    return err.value


def run(text: str):
    session = Session()
    return session, session.execute(parse(text))


# ------------------------------------------------------------------ rules


def test_constant_of_auto_reuse_fails_to_convert(e):
    """math_constants: T.constant(T.AUTO_REUSE) -> make_tensor_proto's message."""
    err = raises(lambda: e.constant(AUTO_REUSE))
    assert (err.type_name, err.message) == (
        "TypeError", "Failed to convert elements of _ReuseMode.AUTO_REUSE to Tensor. Consider "
        "casting elements to a supported type. See https://www.tensorflow.org/api_docs/python/"
        "tf/dtypes for supported TF dtypes.")


def test_tensor_shape_plus_tensor_shape_concatenates(e):
    """values_operators: f.shape + f.shape -> (2, 2), TensorShape([Dimension(2), Dimension(2)])."""
    shape = e.binary("+", TensorShape((2,)), TensorShape((2,)))
    assert (str(shape), repr(shape)) == ("(2, 2)", "TensorShape([Dimension(2), Dimension(2)])")


def test_number_plus_tensor_shape_is_a_leading_dimension(e):
    """values_operators: 2 + f.shape -> (2, 2); True + f.shape -> (True, 2)."""
    assert str(e.binary("+", 2, TensorShape((2,)))) == "(2, 2)"
    assert repr(e.binary("+", True, TensorShape((2,)))) == (
        "TensorShape([Dimension(True), Dimension(2)])")


def test_tensor_shape_plus_none_is_unknown(e):
    """values_operators: f.shape + None -> <unknown>, TensorShape(None), which is falsy."""
    shape = e.binary("+", TensorShape((2,)), None)
    assert (str(shape), repr(shape)) == ("<unknown>", "TensorShape(None)")
    assert e.compare("==", TensorShape(None), shape)


def test_tensor_shape_plus_float_is_not_a_dimension(e):
    """values_operators: f.shape + 2.0 -> Dimension's TypeError with repr and class."""
    assert raises(lambda: e.binary("+", TensorShape((2,)), 2.0)).message == (
        "Dimension value must be integer or None or have an __index__ method, got value '2.0' "
        "with type '<class 'float'>'")


def test_dimension_must_not_be_negative(e):
    """values_operators: -1 + f.shape -> ValueError Dimension -1 must be >= 0."""
    err = raises(lambda: e.binary("+", -1, TensorShape((2,))))
    assert (err.type_name, err.message) == ("ValueError", "Dimension -1 must be >= 0")


def test_string_as_shape_is_one_dimension_per_character(e):
    """values_operators: "s" + f.shape -> the wrapped message; "" + f.shape -> (2,)."""
    assert raises(lambda: e.binary("+", "s", TensorShape((2,)))).message == (
        "Failed to convert ''s'' to a shape: ''s''could not be converted to a dimension. A shape "
        "should either be single dimension (e.g. 10), or an iterable of dimensions (e.g. [1, 10, "
        "None]).")
    assert str(e.binary("+", "", TensorShape((2,)))) == "(2,)"


def test_dimension_error_quotes_tensorflow_classes(e):
    """values_operators: f.shape + f.dtype / e / auto -> their repr and class."""
    def message(other):
        return raises(lambda: e.binary("+", TensorShape((2,)), other)).message
    assert message(DType("float32_ref")).endswith(
        "got value 'tf.float32_ref' with type '<class 'tensorflow.python.framework.dtypes.DType'>'")
    assert message(ExceptionValue("ValueError", "None values not supported.")).endswith(
        "got value 'ValueError('None values not supported.')' with type '<class 'ValueError'>'")
    assert message(AUTO_REUSE).endswith(
        "got value '<_ReuseMode.AUTO_REUSE: 1>' with type '<enum '_ReuseMode'>'")


def test_sequence_operators_name_the_other_operand(e):
    """values_operators: "s" * o -> can't multiply sequence...; "s" + o -> can only
    concatenate str...; o * "s" too (the right operand's repetition)."""
    o = e.no_op("o")
    assert raises(lambda: e.binary("*", "s", o)).message == (
        "can't multiply sequence by non-int of type 'Operation'")
    assert raises(lambda: e.binary("*", o, "s")).message == (
        "can't multiply sequence by non-int of type 'Operation'")
    assert raises(lambda: e.binary("+", "s", o)).message == (
        'can only concatenate str (not "Operation") to str')


def test_other_objects_have_no_operators(e):
    """values_operators / python_objects: o + "s", f.dtype - 2 -> unsupported operand type(s)."""
    assert raises(lambda: e.binary("+", e.no_op("o"), "s")).message == (
        "unsupported operand type(s) for +: 'Operation' and 'str'")
    assert raises(lambda: e.binary("-", DType("float32"), 2)).message == (
        "unsupported operand type(s) for -: 'DType' and 'int'")


def test_unary_minus_of_an_object(e):
    """values_operators: -f.shape -> bad operand type for unary -: 'TensorShape'."""
    assert raises(lambda: e.neg(TensorShape((2,)))).message == (
        "bad operand type for unary -: 'TensorShape'")


def test_dtype_equality_goes_through_as_dtype(e):
    """values_operators: ft.dtype == 'float' / 1 / True -> True; f.dtype == 'float32' ->
    False (float32_ref); ft.dtype == None -> False."""
    f32 = DType("float32")
    assert [e.compare("==", f32, x) for x in ("float", 1, True, 1.0, None, "x")] == [
        True, True, True, True, False, False]
    assert not e.compare("==", DType("float32_ref"), "float32")
    assert e.compare("!=", f32, None)


def test_tensor_shape_equality_converts_the_other_side(e):
    """values_operators: 2 == f.shape -> True; f.shape == f -> False after a `read` op."""
    assert e.compare("==", 2, TensorShape((2,)))
    f = e.get_variable("f", (2,), initializer=Z)
    start = len(e.graph.ops)
    assert not e.compare("==", TensorShape((2,)), f)
    assert [(op.name, op.type) for op in e.graph.ops[start:]] == [("read", "Identity")]


def test_caught_exception_repr_and_str():
    """values_operators: e (ValueError from T.constant(None)): str is the message."""
    caught = ExceptionValue("ValueError", "None values not supported.")
    assert (type_name(caught), py_str(caught), py_repr(caught)) == (
        "ValueError", "None values not supported.", "ValueError('None values not supported.')")


def test_calling_a_value_is_a_type_error():
    """values_calls: x(1) with x a tensor -> 'SymbolicTensor' object is not callable."""
    _, result = run('x = const 1.0\ntry < x(1) > except TypeError as e < print e >')
    assert result.output == ["'SymbolicTensor' object is not callable"]


def test_callee_is_looked_up_before_the_arguments():
    """values_calls: undefined_name(undefined_other) -> names the callee."""
    _, result = run("undefined_name(undefined_other)")
    assert result.error.message == "name 'undefined_name' is not defined"


def test_query_functions_bind_as_python_functions(e):
    """values_calls: Graph.get_name_scope counts self; keywords come first."""
    assert raises(lambda: e.call("get_name_scope", [1])).message == (
        "Graph.get_name_scope() takes 1 positional argument but 2 were given")
    assert raises(lambda: e.call("get_variable_scope", [1, 2])).message == (
        "get_variable_scope() takes 0 positional arguments but 2 were given")
    assert raises(lambda: e.call("global_variables", [1], "n")).message == (
        "global_variables() got an unexpected keyword argument 'name'")


def test_scope_pattern_is_used_only_once_the_collection_exists(e):
    """values_calls: global_variables(1) -> [] on an empty graph; with only a
    non-trainable variable, trainable_variables("[") -> [] but global_variables
    raises."""
    assert e.call("global_variables", [1]) == []
    e.get_variable("w", (1,), initializer=Z, trainable=False)
    assert e.call("trainable_variables", ["["]) == []
    assert raises(lambda: e.call("global_variables", ["["])).type_name == "error"
    assert raises(lambda: e.call("global_variables", [1])).message == (
        "first argument must be string or compiled pattern")


def test_overflow_error_is_an_arithmetic_error():
    """values_exceptions: i + 18446744073709551616 -> OverflowError, caught by
    ArithmeticError."""
    _, result = run('i = var i [2] dtype=int32 initializer=zeros\n'
                    'try < i + 18446744073709551616 > except ArithmeticError as e < print e >')
    assert result.output == ["Python int too large to convert to C long"]


def test_name_scope_of_a_tensor_refuses_bool():
    """values_name_scopes: T.name_scope(t) -> OperatorNotAllowedInGraphError."""
    _, result = run('t = const 1.0\nname_scope t < >')
    assert result.error.type == "OperatorNotAllowedInGraphError"
