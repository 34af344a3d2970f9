"""`_apply_op_helper`'s second conversion (issue 11, item 20): after the
first conversion of an input fails with a ValueError, TensorFlow converts
the value again, unnamed (a `Const`), to say what type it has; an input
whose type attr is not inferred yet then reads the attr's default ("Default
in OpDef"), or ends in TensorFlow's own `KeyError` when it has none.  A
list input fails as a whole ("Tensors in list passed to ...").

The first conversion fails once, and only once, when an op named
`scope/arg` already exists without the name being marked used (an op named
`"scope/arg/"` is taken as it is): "Duplicate node name".

Expected values: tf_probes/odd_names/odd_names.out (TensorFlow 2.21, cases
20_*); the module also runs on TensorFlow (tools/run_tests_on_tf.py).
"""

from tfvars_oracle import T, fresh, ops, raises


def _taken(name):
    """An op named `name` (not marked used: a name ending in '/')."""
    T.constant(1.0, name=name + "/")


def test_identity_whose_conversion_fails_once_is_key_error_of_its_type_attr():
    fresh()
    _taken("Identity/input")
    assert raises(KeyError, lambda: T.identity(2.0)) == "'T'"
    assert ops() == [("Identity/input", "Const"), ("Identity/Const", "Const")]


def test_after_the_key_error_the_next_op_takes_the_next_name():
    fresh()
    _taken("Identity/input")
    raises(KeyError, lambda: T.identity(2.0))
    assert T.identity(3.0).name == "Identity_1:0"
    assert ops()[-2:] == [("Identity_1/input", "Const"), ("Identity_1", "Identity")]


def test_first_input_of_a_binary_op_names_no_earlier_argument():
    fresh()
    _taken("Maximum/x")
    assert raises(KeyError, lambda: T.maximum(2.0, 3.0)) == "'T'"
    assert ops() == [("Maximum/x", "Const"), ("Maximum/Const", "Const")]
    fresh()
    _taken("Relu/features")
    assert raises(KeyError, lambda: T.nn.relu(2.0)) == "'T'"
    assert ops() == [("Relu/features", "Const"), ("Relu/Const", "Const")]


def test_second_input_is_converted_again_unnamed():
    fresh()
    x = T.constant(1.0, name="x")
    _taken("Maximum/y")
    assert raises(TypeError, lambda: T.maximum(x, 2.0)) == (
        "Input 'y' of 'Maximum' Op has type float32 that does not match type float32 of "
        "argument 'x'.")
    assert ops() == [("x", "Const"), ("Maximum/y", "Const"), ("Maximum/Const", "Const")]


def test_type_attr_with_a_default_reads_default_in_opdef():
    fresh()
    _taken("Fill/dims")
    assert raises(TypeError, lambda: T.fill([2], 1.0)) == (
        "Input 'dims' of 'Fill' Op has type int32 that does not match type int32 of "
        "argument 'Default in OpDef'.")
    assert ops() == [("Fill/dims", "Const"), ("Fill/Const", "Const")]
    fresh()
    _taken("Tile/multiples")
    assert raises(TypeError, lambda: T.tile(T.constant([1.0]), [2])) == (
        "Input 'multiples' of 'Tile' Op has type int32 that does not match type int32 of "
        "argument 'Default in OpDef'.")
    assert ops() == [("Tile/multiples", "Const"), ("Const", "Const"), ("Tile/Const", "Const")]


def test_fill_value_after_its_dims_has_no_default():
    fresh()
    _taken("Fill/value")
    assert raises(KeyError, lambda: T.fill([2], 1.0)) == "'T'"
    assert ops() == [("Fill/value", "Const"), ("Fill/dims", "Const"), ("Fill/Const", "Const")]


def test_fixed_type_input_reads_its_type():
    fresh()
    _taken("LogicalNot/x")
    assert raises(TypeError, lambda: T.logical_not(True)) == (
        "Input 'x' of 'LogicalNot' Op has type bool that does not match expected type of bool.")
    assert ops() == [("LogicalNot/x", "Const"), ("LogicalNot/Const", "Const")]


def test_list_element_that_fails_once_fails_the_list():
    fresh()
    _taken("concat/values_1")
    assert raises(TypeError, lambda: T.concat([T.constant([1.0]), [2.0]], 0)) == (
        "Tensors in list passed to 'values' of 'ConcatV2' Op have types [float32, float32] "
        "that don't all match.")
    assert ops() == [("concat/values_1", "Const"), ("Const", "Const"),
                     ("concat/Const", "Const")]


def test_list_of_tensors_and_values_of_two_dtypes():
    fresh()
    message = raises(TypeError, lambda: T.concat([T.constant([1.0]), 1.0, T.constant([1])], 0))
    assert message == ("Tensors in list passed to 'values' of 'ConcatV2' Op have types "
                       "[float32, float32, int32] that don't all match.")
    assert ops() == [("Const", "Const"), ("Const_1", "Const"), ("concat/values_1", "Const"),
                     ("concat/Const", "Const")]


def test_list_element_not_convertible():
    fresh()
    assert raises(TypeError, lambda: T.concat([T.constant([1.0]), None], 0)) == (
        "Tensors in list passed to 'values' of 'ConcatV2' Op have types "
        "[float32, <NOT CONVERTIBLE TO TENSOR>] that don't all match.")
    assert ops() == [("Const", "Const")]
    fresh()
    assert raises(TypeError, lambda: T.add_n([T.constant(1.0), "a"])) == (
        "Tensors in list passed to 'inputs' of 'AddN' Op have types [float32, string] that "
        "don't all match.")
    assert ops() == [("Const", "Const"), ("Const_1", "Const")]


def test_list_of_python_values_of_two_dtypes_is_not_converted_again():
    fresh()
    assert raises(TypeError, lambda: T.concat([[1.0], [2]], 0)) == (
        "Tensors in list passed to 'values' of 'ConcatV2' Op have types [float32, int32] that "
        "don't all match.")
    assert ops() == [("concat/values_0", "Const"), ("concat/values_1", "Const")]


# ------------------------------------------------ a conversion's name (items 16, 20)

NODE_REGEX = "Accepted names conform to Regex /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/"


def test_unnamed_conversion_takes_the_conversion_functions_own_default():
    """`convert_to_tensor(x)` passes no name: a TensorShape is
    `shape_as_tensor`, a list holding tensors `packed` (cases 16_*)."""
    fresh()
    assert T.convert_to_tensor(T.TensorShape([2])).name == "shape_as_tensor:0"
    assert T.convert_to_tensor(T.TensorShape([2]), dtype=T.int64).name == "shape_as_tensor_1:0"
    assert T.convert_to_tensor([T.constant(1.0, name="t"), 2.0], name="").name == "packed:0"
    assert raises(ValueError, lambda: T.convert_to_tensor(
        T.constant(1, name="i"), dtype=T.float32)) == (
        "Tensor conversion requested dtype float32 for Tensor with dtype int32: "
        "<tf.Tensor 'i:0' shape=() dtype=int32>")
    T.ones([T.constant(2, name="b"), 2])
    assert [name for name, _ in ops()][-4:] == ["ones/packed/1", "ones/packed", "ones/Const",
                                                "ones"]


def test_empty_name_of_a_conversion_is_kept():
    fresh()
    assert raises(ValueError, lambda: T.convert_to_tensor(1.0, name="")) == \
        f"`` is not a valid node name. {NODE_REGEX}"
    assert raises(ValueError, lambda: T.convert_to_tensor(T.TensorShape([2]), name="")) == \
        f"`_1` is not a valid node name. {NODE_REGEX}"
    assert raises(ValueError, lambda: T.constant(1.0, dtype=T.float32, name="")) == \
        f"`_2` is not a valid node name. {NODE_REGEX}"
    assert ops() == []
    with T.name_scope("n"):
        assert T.convert_to_tensor(1.0, name="").name == "n/:0"
