"""TensorFlow's rules on odd names and shapes (issue 11, items 15-21): one rule per test.

Expected values: tf_probes/odd_names/odd_names.out (TensorFlow 2.21; the
probe runs the same cases over scopesim with `--scopesim`).
"""

from tfvars_oracle import T, fresh, ops, raises

NODE_REGEX = "Accepted names conform to Regex /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/"
INIT = "Initializer/random_uniform"


def glorot(prefix=""):
    p = prefix + INIT
    return [(p + "/shape", "Const"), (p + "/min", "Const"), (p + "/max", "Const"),
            (p + "/RandomUniform", "RandomUniform"), (p + "/sub", "Sub"), (p + "/mul", "Mul"),
            (p, "AddV2")]


# ------------------------------------------------------------ 15. negative dimensions


def test_get_variable_negative_dimension_is_dimension_error():
    fresh()
    assert raises(ValueError, lambda: T.get_variable("w", [2, -3])) == \
        "Dimension -3 must be >= 0"
    assert ops() == []


def test_variable_shape_argument_is_converted_by_variable_op_make_shape():
    fresh()
    assert raises(ValueError, lambda: T.Variable([1.0, 2.0], shape=[-2])) == \
        "Error converting shape to a TensorShape: Dimension -2 must be >= 0."
    assert ops() == [("Variable/initial_value", "Const")]


def test_variable_of_zeros_negative_fails_in_fill_shape_function():
    fresh()
    assert raises(ValueError, lambda: T.Variable(T.zeros([-1]))) == (
        "Fill dimensions must be >= 0 for '{{node zeros}} = Fill[T=DT_FLOAT, "
        "index_type=DT_INT32](zeros/Const, zeros/Const_1)' with input shapes: [1], [] and "
        "with input tensors computed as partial shapes: input[0] = [?].")
    assert ops() == [("zeros/Const", "Const"), ("zeros/Const_1", "Const")]


def test_ones_initializer_negative_retries_through_const_and_fill():
    fresh()
    message = raises(ValueError, lambda: T.ones([-1, 2]))
    assert message.startswith("Fill dimensions must be >= 0 for '{{node ones}} = Fill")
    assert message.endswith("with input shapes: [2], [] and with input tensors computed as "
                            "partial shapes: input[0] = [?,2].")
    assert ops() == [("ones/Const", "Const"), ("ones/Const_1", "Const")]


# ------------------------------------------------------------ 16. empty names


def test_constant_empty_name_at_root_is_invalid_node_name():
    fresh()
    assert raises(ValueError, lambda: T.constant(1.0, name="")) == \
        "`` is not a valid node name. " + NODE_REGEX
    assert ops() == []


def test_constant_empty_name_in_name_scope_is_the_scope():
    fresh()
    with T.name_scope("n"):
        c = T.constant(1.0, name="")
    assert c.name == "n/:0" and ops() == [("n/", "Const")]


def test_variable_empty_name_resets_to_root_and_names_op_by_type():
    fresh()
    with T.name_scope("n"):
        v = T.Variable(1.0, name="")
    assert v.name == "VariableV2:0"
    assert ops() == [("initial_value", "Const"), ("VariableV2", "VariableV2"),
                     ("Assign", "Assign"), ("read", "Identity")]


def test_get_variable_empty_name_at_root_and_in_scope():
    fresh()
    assert T.get_variable("", [1]).name == "VariableV2:0"
    assert ops() == glorot() + [("VariableV2", "VariableV2"), ("Assign", "Assign"),
                                ("read", "Identity")]
    fresh()
    with T.variable_scope("s"):
        assert T.get_variable("", [1]).name == "s:0"
    assert ops()[-3:] == [("s", "VariableV2"), ("s/Assign", "Assign"), ("s/read", "Identity")]


def test_generated_op_empty_name_is_op_type_math_op_resets_scope():
    fresh()
    x = T.constant(1.0, name="x")
    with T.name_scope("n"):
        assert T.identity(x, name="").name == "n/Identity:0"
        assert T.add(x, 2.0, name="").name == "AddV2:0"
    assert ops() == [("x", "Const"), ("n/Identity", "Identity"), ("y", "Const"),
                     ("AddV2", "AddV2")]


def test_zeros_empty_name_small_constant_fails_and_retries_fill():
    fresh()
    assert T.zeros([2], name="").name == "Fill:0"
    assert T.ones([2], name="").name == "Fill_1:0"
    assert ops() == [("Const", "Const"), ("Const_1", "Const"), ("Fill", "Fill"),
                     ("Const_2", "Const"), ("Const_3", "Const"), ("Fill_1", "Fill")]


# ------------------------------------------------------------ 17. trailing newline


def test_newline_name_passes_anchor_for_op_but_not_initializer_scope():
    fresh()
    assert T.constant(1.0, name="c\n").name == "c\n:0"
    assert raises(ValueError, lambda: T.get_variable("w\n", [1])) == \
        "`w\n/Initializer/random_uniform/shape` is not a valid node name. " + NODE_REGEX
    assert raises(ValueError, lambda: T.get_variable("w\n", [1])) == \
        "`w\n_1/Initializer/random_uniform/shape` is not a valid node name. " + NODE_REGEX
    assert raises(ValueError, lambda: T.get_variable(
        "w\n", [1], initializer=T.zeros_initializer())) == \
        "`w\n_2/Initializer/zeros/Const` is not a valid node name. " + NODE_REGEX
    assert ops() == [("c\n", "Const")]


def test_newline_variable_scope_name_passes_its_check():
    fresh()
    with T.variable_scope("s\n") as s:
        assert s.name == "s\n" and T.get_default_graph().get_name_scope() == "s\n"


# ------------------------------------------------------------ 19. zeros/ones retry


def test_zeros_of_int64_overflowing_product_retries_as_int32_const():
    fresh()
    z = T.zeros([2**62, 4])
    assert str(z.shape) == "(0, 4)"
    assert ops() == [("zeros/Const", "Const"), ("zeros/Const_1", "Const"), ("zeros", "Fill")]


def test_ones_of_strings_fails_after_shape_as_tensor():
    fresh()
    assert raises(TypeError, lambda: T.ones([2], dtype=T.string)) == \
        "Expected string, but got 1 of type 'int'."
    assert ops() == [("ones/shape_as_tensor", "Const")]


def test_zeros_of_a_string_dim_fails_converting_int32():
    fresh()
    assert raises(TypeError, lambda: T.zeros([2, "a"])) == \
        "Expected int32, but got a of type 'str'."


# ------------------------------------------------------------ 21. too many elements


def test_get_variable_more_than_int64_elements_is_too_large():
    fresh()
    message = raises(ValueError, lambda: T.get_variable("w", [2**62, 4]))
    assert message == (
        "Shape [4611686018427387904,4] is too large (more than 2**63 - 1 entries) for "
        "'{{node w}} = VariableV2[container=\"\", dtype=DT_FLOAT, "
        "shape=[4611686018427387904,4], shared_name=\"\"]()' with input shapes: .")
    assert ops() == glorot("w/")


def test_get_variable_too_large_ones_keeps_its_initializer_ops():
    fresh()
    message = raises(ValueError, lambda: T.get_variable(
        "w", [2**32, 2**32], initializer=T.ones_initializer()))
    assert message.startswith("Shape [4294967296,4294967296] is too large")
    assert ops() == [("w/Initializer/ones/Const", "Const"),
                     ("w/Initializer/ones/Const_1", "Const"), ("w/Initializer/ones", "Fill")]


def test_constant_initializer_too_large_is_numpy_error():
    fresh()
    assert raises(ValueError, lambda: T.get_variable(
        "w", [2**62, 4], initializer=T.constant_initializer(1.0))) == \
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum " \
        "possible size."
    assert ops() == []


def test_variable_of_too_large_zeros_is_silently_empty():
    fresh()
    v = T.Variable(T.zeros([2**62, 4]), name="v")
    assert v.name == "v:0" and str(v.shape) == "(0, 4)"


def test_variable_too_large_shape_argument_fails_in_variable_op():
    fresh()
    message = raises(ValueError, lambda: T.Variable(1.0, shape=[2**62, 4],
                                                     validate_shape=False))
    assert message.startswith("Shape [4611686018427387904,4] is too large (more than 2**63 - 1 "
                              "entries) for '{{node Variable}} = VariableV2[")
    assert ops() == [("Variable/initial_value", "Const")]


def test_failed_variable_op_keeps_its_name_taken():
    fresh()
    raises(ValueError, lambda: T.Variable(1.0, shape=[2**62, 4], validate_shape=False,
                                          name="v"))
    assert T.constant(1.0, name="v").name == "v_1:0"
