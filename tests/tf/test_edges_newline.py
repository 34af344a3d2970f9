"""Names ending in a newline (issue 11, item 17): TensorFlow's name regexes
end in `$`, which also matches before a final "\\n", so `"w\\n"` passes every
check that sees it last and fails the first check that sees the newline
inside a longer name (`w\\n/initial_value`, `w\\n/`, `c\\n_1`).

Expected values: tf_probes/odd_names/odd_names.out (TensorFlow 2.21, cases
17_*); the module also runs on TensorFlow (tools/run_tests_on_tf.py).
"""

from tfvars_oracle import T, fresh, ops, raises

OP_REGEX = "Accepted names conform to Regex /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/"
ROOT_PATTERN = "A root scope name has to match the following pattern: ^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$"
SCOPE_PATTERN = "A scope name has to match the following pattern: ^[A-Za-z0-9_.\\\\/>-]*$"


def test_unique_name_keeps_the_newline_and_suffixes_after_it():
    fresh()
    g = T.get_default_graph()
    assert [g.unique_name("a\n"), g.unique_name("a\n"),
            g.unique_name("a\n", mark_as_used=False)] == ["a\n", "a\n_1", "a\n_2"]


def test_second_constant_of_a_newline_name_is_invalid_once_suffixed():
    fresh()
    T.constant(1.0, name="c\n")
    assert raises(ValueError, lambda: T.constant(1.0, name="c\n")) == \
        f"`c\n_1` is not a valid node name. {OP_REGEX}"
    assert ops() == [("c\n", "Const")]


def test_graph_lookups_of_newline_names():
    fresh()
    g = T.get_default_graph()
    T.constant(1.0, name="c\n")
    T.constant(1.0, name="d")
    assert g.get_tensor_by_name("c\n:0").name == "c\n:0"
    assert g.get_operation_by_name("c\n").name == "c\n"
    assert g.get_tensor_by_name("d:0\n").name == "d:0"
    assert g.as_graph_element("d:0\n").name == "d:0"
    assert raises(KeyError, lambda: g.get_operation_by_name("d\n")) == \
        "\"The name 'd\\\\n' refers to an Operation not in the graph.\""


def test_name_scope_of_a_newline_name():
    fresh()
    with T.name_scope("n\n") as s:
        assert s == "n\n/"
    with T.name_scope("a"):
        with T.name_scope("n\n") as s:
            assert s == "a/n\n/"
    with T.name_scope("a/\n") as s:
        assert s == "a/\n/"
    assert raises(ValueError, lambda: T.name_scope("n\n/").__enter__()) == \
        f"'n\n/' is not a valid root scope name. {ROOT_PATTERN}"
    fresh()
    assert raises(ValueError, lambda: T.name_scope("\n").__enter__()) == \
        f"'\n' is not a valid root scope name. {ROOT_PATTERN}"


def test_variable_op_of_a_newline_name_fails_in_its_own_name_scope():
    """`variable_op_v2(name="w\\n/")` enters `name_scope("w\\n/")` inside
    `w\\n/`: the scope regex sees the newline before the slash."""
    fresh()
    assert raises(ValueError, lambda: T.Variable(T.constant(1.0), name="w\n")) == \
        f"'w\n/' is not a valid scope name. {SCOPE_PATTERN}"
    assert ops() == [("Const", "Const")]
    fresh()
    assert raises(ValueError, lambda: T.get_variable("w\n", initializer=T.constant(1.0))) == \
        f"'w\n/' is not a valid scope name. {SCOPE_PATTERN}"
    assert ops() == [("Const", "Const")]


def test_variable_of_a_newline_name_fails_first_at_its_initial_value():
    fresh()
    with T.name_scope("a"):
        assert raises(ValueError, lambda: T.Variable(1.0, name="w\n")) == \
            f"`a/w\n/initial_value` is not a valid node name. {OP_REGEX}"
    assert raises(ValueError, lambda: T.Variable(1.0, name="v\n", use_resource=True)) == \
        f"`v\n/Initializer/initial_value` is not a valid node name. {OP_REGEX}"
    assert ops() == []
    fresh()
    with T.variable_scope("a"):
        assert raises(ValueError, lambda: T.get_variable(
            "w\n", [1], initializer=T.constant_initializer(1.0))) == \
            f"`a/w\n/Initializer/Const` is not a valid node name. {OP_REGEX}"
    assert ops() == []


def test_variable_scope_of_a_newline_name_fails_at_the_variables_name_scope():
    fresh()
    with T.variable_scope("a"):
        with T.variable_scope("s\n") as s:
            assert (s.name, s.original_name_scope) == ("a/s\n", "a/s\n/")
            assert raises(ValueError, lambda: T.get_variable("w", [1])) == \
                f"'a/s\n/w' is not a valid root scope name. {ROOT_PATTERN}"
    assert ops() == []


def test_ops_named_with_a_newline():
    fresh()
    x = T.constant([1.0], name="x")
    assert T.placeholder(T.float32, name="p\n").name == "p\n:0"
    assert raises(ValueError, lambda: T.add(x, x, name="a\n")) == \
        f"'a\n/' is not a valid scope name. {SCOPE_PATTERN}"
    assert raises(ValueError, lambda: T.add(x, 1.0, name="b\n")) == \
        f"`b\n/y_1` is not a valid node name. {OP_REGEX}"
    assert raises(ValueError, lambda: T.reshape(x, [1], name="r\n")) == (
        "Tried to convert 'shape' to a tensor and failed. Error: "
        f"`r\n/Const` is not a valid node name. {OP_REGEX}")
    assert T.zeros([2], name="z\n").name == "z\n:0"
    assert ops() == [("x", "Const"), ("p\n", "Placeholder"), ("z\n", "Const")]


def test_only_one_final_newline_passes():
    fresh()
    assert raises(ValueError, lambda: T.constant(1.0, name="\n")) == \
        f"`\n` is not a valid node name. {OP_REGEX}"
    assert raises(ValueError, lambda: T.constant(1.0, name="c\n\n")) == \
        f"`c\n\n` is not a valid node name. {OP_REGEX}"
    assert raises(ValueError, lambda: T.constant(1.0, name="c\r")) == \
        f"`c\r` is not a valid node name. {OP_REGEX}"
    assert raises(ValueError, lambda: T.get_variable("w\n\n", [1])) == \
        f"'w\n\n' is not a valid root scope name. {ROOT_PATTERN}"


def test_default_scope_name_with_a_newline_is_suffixed_after_it():
    fresh()
    names = []
    for _ in range(2):
        with T.variable_scope(None, default_name="d\n") as s:
            names.append(s.name)
    assert names == ["d\n", "d\n_1"]
