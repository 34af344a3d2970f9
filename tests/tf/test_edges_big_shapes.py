"""Dims past int64 (issue 11, item 21): a shape's Python ints are converted
as numpy holds them (uint64 past 2**63 - 1, float32 when uint64 meets
smaller ints, not at all past uint64), stored as int64 by wrapping, and a
shape attr is a TensorShapeProto whose int64 sizes refuse them.

Expected values: tf_probes/odd_names/odd_names.out (TensorFlow 2.21, cases
21_*); the module also runs on TensorFlow (tools/run_tests_on_tf.py).
"""

from tfvars_oracle import T, fresh, ops, raises

ADVICE = ("Consider casting elements to a supported type. See "
          "https://www.tensorflow.org/api_docs/python/tf/dtypes for supported TF dtypes.")


def sampler_ops(v, kind="random_uniform", first="min", second="max"):
    p = f"{v}/Initializer/{kind}/"
    return [(p + "shape", "Const"), (p + first, "Const"), (p + second, "Const")]


def test_constant_dtype_of_ints_past_int64_is_numpys():
    fresh()
    assert T.constant([2**63]).dtype == T.uint64
    assert T.constant([2, 2**63]).dtype == T.float32
    assert T.constant([2**63, -1]).dtype == T.float32


def test_constant_past_uint64_quotes_the_whole_value():
    fresh()
    assert raises(TypeError, lambda: T.constant([2**64])) == \
        f"Failed to convert elements of [18446744073709551616] to Tensor. {ADVICE}"
    assert raises(TypeError, lambda: T.constant([[1], [2**64]])) == \
        f"Failed to convert elements of [[1], [18446744073709551616]] to Tensor. {ADVICE}"
    assert raises(TypeError, lambda: T.constant([-2**63 - 1])) == \
        f"Failed to convert elements of [-9223372036854775809] to Tensor. {ADVICE}"
    assert ops() == []


def test_random_initializer_shape_past_int64_is_not_an_allowed_type():
    fresh()
    assert raises(TypeError, lambda: T.get_variable("w", [2**63])) == \
        "Value passed to parameter 'shape' has DataType uint64 not in list of allowed " \
        "values: int32, int64"
    assert ops() == sampler_ops("w")
    fresh()
    assert raises(TypeError, lambda: T.get_variable("b", [2, 2**63])) == \
        "Value passed to parameter 'shape' has DataType float32 not in list of allowed " \
        "values: int32, int64"
    assert ops() == sampler_ops("b")
    fresh()
    raises(TypeError, lambda: T.get_variable(
        "c", [2**63], initializer=T.truncated_normal_initializer()))
    assert ops() == sampler_ops("c", "truncated_normal", "mean", "stddev")


def test_random_initializer_shape_past_uint64_is_not_convertible():
    fresh()
    assert raises(TypeError, lambda: T.get_variable("a", [2**64])) == \
        f"Failed to convert elements of (18446744073709551616,) to Tensor. {ADVICE}"
    assert ops() == []


def test_random_initializer_shape_past_int32_is_int64():
    fresh()
    T.get_variable("w", [2**31, 2])
    op = T.get_default_graph().get_operation_by_name(
        "w/Initializer/random_uniform/RandomUniform")
    assert op.get_attr("T") == T.int64


def test_zeros_shape_past_int64_wraps_and_fails_as_a_shape():
    fresh()
    assert raises(ValueError, lambda: T.zeros([2**63 + 5])) == \
        "Invalid value in tensor used for shape: -9223372036854775803"
    assert ops() == [("zeros/shape_as_tensor", "Const"), ("zeros/Const", "Const")]
    fresh()
    message = raises(ValueError, lambda: T.zeros([2**64 - 1]))
    assert message.startswith("Fill dimensions must be >= 0 for '{{node zeros}} = Fill[T=DT_"
                              "FLOAT, index_type=DT_INT64](zeros/shape_as_tensor, zeros/Const)'")
    fresh()
    assert raises(ValueError, lambda: T.get_variable(
        "a", [2**63], initializer=T.zeros_initializer())) == \
        "Invalid value in tensor used for shape: -9223372036854775808"
    assert ops() == [("a/Initializer/zeros/shape_as_tensor", "Const"),
                     ("a/Initializer/zeros/Const", "Const")]


def test_zeros_shape_past_uint64_is_pythons_overflow():
    fresh()
    assert raises(OverflowError, lambda: T.zeros([2**64])) == \
        "Python int too large to convert to C long"
    assert raises(OverflowError, lambda: T.get_variable(
        "b", [2**64], initializer=T.zeros_initializer())) == \
        "Python int too large to convert to C long"
    assert ops() == []


def test_constant_initializer_size_is_numpys_int64_product():
    fresh()
    assert raises(ValueError, lambda: T.get_variable(
        "a", [2**63], initializer=T.constant_initializer(1.0))) == \
        "Too many elements provided. Takes at most -9223372036854775808, but got 1."
    assert raises(ValueError, lambda: T.get_variable(
        "b", [2, 2**63], initializer=T.constant_initializer(1.0))) == \
        "Maximum allowed dimension exceeded"
    assert raises(OverflowError, lambda: T.get_variable(
        "c", [2**64], initializer=T.constant_initializer(1.0))) == \
        "Python int too large to convert to C long"
    assert ops() == []


def test_shape_attr_past_int64_is_out_of_the_protos_range():
    fresh()
    assert raises(TypeError, lambda: T.placeholder(T.float32, [2**63])) == (
        "Error converting [9223372036854775808] (arg name = shape) to a TensorShape: Value out "
        "of range: 9223372036854775808")
    assert raises(TypeError, lambda: T.placeholder(T.float32, [None, 2**64])) == (
        "Error converting [None, 18446744073709551616] (arg name = shape) to a TensorShape: "
        "Value out of range: 18446744073709551616")
    assert ops() == []
    assert raises(TypeError, lambda: T.Variable(1.0, shape=[2**63], validate_shape=False)) == (
        "Error converting [9223372036854775808] (arg name = shape) to a TensorShape: Value out "
        "of range: 9223372036854775808")
    assert ops() == [("Variable/initial_value", "Const")]
    assert T.TensorShape([2**64]).as_list() == [2**64]
