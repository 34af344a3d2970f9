"""tf.Variable (RefVariable) and its methods, tf.assign*: one TensorFlow rule per test.

Expected values: tf_probes/variables/tf_variable_forms.out and
tf_variable_methods.out (TensorFlow 2.21).
"""

import numpy as np

from tfvars_oracle import pending, T, collections, fresh, op_names, ops, raises, var_ops


def test_python_value_becomes_initial_value_const():
    fresh()
    v = T.Variable(1.0)
    assert ops() == [("Variable/initial_value", "Const")] + var_ops("Variable")
    assert repr(v) == "<tf.Variable 'Variable:0' shape=() dtype=float32_ref>"
    assert str(v) == repr(v)
    assert type(v).__name__ == "RefVariable"


def test_attributes_names():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert (v.name, v.op.name, v.op.type) == ("v:0", "v", "VariableV2")
    assert (v.initializer.name, v.initializer.type) == ("v/Assign", "Assign")
    assert v.initial_value.name == "v/initial_value:0"
    assert v.value().name == "v/read:0" and v.value() is v.value()
    assert repr(v.dtype) == "tf.float32_ref" and str(v.shape) == "(2,)"
    assert str(v.get_shape()) == "(2,)" and v.device == ""
    assert v.graph is T.get_default_graph() and v.trainable is True


def test_value_dtypes():
    fresh()
    assert T.Variable(3).dtype.name == "int32_ref"
    assert T.Variable(np.zeros((2, 3))).dtype.name == "float64_ref"
    assert T.Variable(np.ones((2,), np.float32)).dtype.name == "float32_ref"
    assert T.Variable("hi").dtype.name == "string_ref"
    assert T.Variable(True).dtype.name == "bool_ref"


def test_tensor_initial_value_keeps_its_name():
    fresh()
    z = T.zeros([2, 3])
    v = T.Variable(z, name="t")
    assert v.initial_value.name == "zeros:0"
    assert ops() == [("zeros", "Const")] + var_ops("t")


def test_variable_named_in_the_name_scope():
    fresh()
    z = T.zeros([2])
    with T.name_scope("ns"):
        v = T.Variable(z, name="t")
    assert v.name == "ns/t:0"
    assert ops() == [("zeros", "Const")] + var_ops("ns/t")


def test_variable_scope_gives_its_name_scope_not_its_name():
    fresh()
    with T.variable_scope("vs"):
        v = T.Variable(1.0, name="x")
    assert v.name == "vs/x:0"


def test_callable_initial_value_runs_under_initializer():
    fresh()
    v = T.Variable(lambda: T.ones([2]), name="c")
    assert v.initial_value.name == "c/Initializer/ones:0"
    assert ops() == [("c/Initializer/ones", "Const")] + var_ops("c")


def test_callable_returning_python_value():
    fresh()
    v = T.Variable(lambda: [1.0, 2.0], name="c")
    assert v.initial_value.name == "c/Initializer/initial_value:0"


def test_big_zeros_in_a_callable_use_fill():
    fresh()
    T.Variable(lambda: T.zeros([40, 30]), name="big")
    assert ops() == [("big/Initializer/zeros/shape_as_tensor", "Const"),
                     ("big/Initializer/zeros/Const", "Const"),
                     ("big/Initializer/zeros", "Fill")] + var_ops("big")


def test_dtype_converts_python_values():
    fresh()
    assert T.Variable(1.0, dtype=T.float64, name="d").dtype.name == "float64_ref"
    assert T.Variable(1, dtype=T.float32, name="e").dtype.name == "float32_ref"


def test_dtype_does_not_cast_a_tensor():
    fresh()
    msg = raises(ValueError, lambda: T.Variable(T.zeros([2]), dtype=T.float64, name="d"))
    assert msg == ("initial_value: Tensor conversion requested dtype float64 for Tensor with "
                   "dtype float32: <tf.Tensor 'zeros:0' shape=(2,) dtype=float32>")
    assert ops() == [("zeros", "Const")]


def test_dtype_mismatch_of_python_value():
    fresh()
    assert raises(TypeError, lambda: T.Variable(1.5, dtype=T.int32)) == (
        "Expected int32, but got 1.5 of type 'float'.")
    assert ops() == []


def test_trainable_false_and_collections():
    fresh()
    T.Variable(1.0, trainable=False, name="nt")
    T.Variable(1.0, collections=["c"], name="cc")
    T.Variable(1.0, collections=["c"], trainable=False)
    assert collections() == {"variables": ["nt:0"], "c": ["cc:0", "Variable:0"],
                             "trainable_variables": ["cc:0"]}


def test_validate_shape_false_unknown_shape():
    fresh()
    v = T.Variable([1.0, 2.0], validate_shape=False, name="vs")
    assert repr(v) == "<tf.Variable 'vs:0' shape=<unknown> dtype=float32_ref>"


def test_expected_shape_is_ignored():
    fresh()
    assert str(T.Variable([1.0, 2.0], expected_shape=[3], name="es").shape) == "(2,)"


def test_shape_argument():
    fresh()
    v = T.Variable([1.0, 2.0], shape=[None], name="sh")
    assert repr(v) == "<tf.Variable 'sh:0' shape=(?,) dtype=float32_ref>"


def test_shape_argument_mismatch_fails_in_assign():
    fresh()
    msg = raises(ValueError, lambda: T.Variable([1.0, 2.0], shape=[3], name="sh"))
    assert msg == ("Dimension 0 in both shapes must be equal, but are 3 and 2. Shapes are [3] "
                   "and [2]. for '{{node sh/Assign}} = Assign[T=DT_FLOAT, use_locking=true, "
                   "validate_shape=true](sh, sh/initial_value)' with input shapes: [3], [2].")
    assert ops() == [("sh/initial_value", "Const"), ("sh", "VariableV2")]


def test_absolute_name():
    fresh()
    assert T.Variable(1.0, name="a/").name == "a:0"


def test_unknown_keyword_is_accepted():
    fresh()
    assert T.Variable(1.0, foo=1).name == "Variable:0"


def test_errors():
    fresh()
    assert raises(ValueError, lambda: T.Variable()) == "initial_value must be specified."
    assert raises(ValueError, lambda: T.Variable(None)) == "initial_value must be specified."
    assert raises(ValueError, lambda: T.Variable(1.0, collections="c")) == (
        "collections argument to Variable constructor must be a list, tuple, or set. "
        "Got c of type <class 'str'>")
    assert raises(TypeError, lambda: T.Variable(1.0, name=3)) == (
        "expected string or bytes-like object, got 'int'")
    assert raises(ValueError, lambda: T.Variable(1.0, variable_def=1)) == (
        "variable_def and initial_value are mutually exclusive.")
    assert raises(ValueError, lambda: T.Variable(1.0, constraint=3)) == (
        "The `constraint` argument must be a callable.")
    assert ops() == []


def test_bad_name():
    fresh()
    assert raises(ValueError, lambda: T.Variable(1.0, name="bad name!")) == (
        "'bad name!' is not a valid root scope name. A root scope name has to match the "
        "following pattern: ^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$")


# ---------------------------------------------------------------- methods

def test_read_value_is_a_new_identity_named_read():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    r1, r2 = v.read_value(), v.read_value()
    assert (r1.name, r2.name, r1.op.type) == ("read:0", "read_1:0", "Identity")
    assert repr(r1) == "<tf.Tensor 'read:0' shape=(2,) dtype=float32>"


def test_assign_ops_and_their_value_consts():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    a1 = v.assign([3.0, 4.0])
    a2 = v.assign([5.0, 6.0])
    add = v.assign_add([1.0, 1.0])
    sub = v.assign_sub([1.0, 1.0])
    assert repr(a1) == "<tf.Tensor 'Assign:0' shape=(2,) dtype=float32_ref>"
    assert (a2.name, add.name, sub.name) == ("Assign_1:0", "AssignAdd:0", "AssignSub:0")
    assert [i.name for i in a1.op.inputs] == ["v:0", "Assign/value:0"]
    assert ops()[4:] == [("Assign/value", "Const"), ("Assign", "Assign"),
                         ("Assign_1/value", "Const"), ("Assign_1", "Assign"),
                         ("AssignAdd/value", "Const"), ("AssignAdd", "AssignAdd"),
                         ("AssignSub/value", "Const"), ("AssignSub", "AssignSub")]


def test_assign_name_and_read_value_false():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert v.assign([0.0, 0.0], name="set").name == "set:0"
    assert v.assign_add([1.0, 1.0], name="inc").name == "inc:0"
    assert repr(v.assign([1.0, 1.0], read_value=False)) == "<tf.Operation 'Assign' type=Assign>"
    assert repr(v.assign_add([1.0, 1.0], read_value=False)) == (
        "<tf.Operation 'AssignAdd' type=AssignAdd>")


def test_tf_assign_functions():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert repr(T.assign(v, [1.0, 2.0])) == "<tf.Tensor 'Assign:0' shape=(2,) dtype=float32_ref>"
    assert T.assign_add(v, [1.0, 2.0]).name == "AssignAdd:0"
    assert T.assign_sub(v, [1.0, 2.0]).name == "AssignSub:0"
    assert (T.assign(v, [1.0, 2.0], name="a").name, T.assign_add(v, [1.0, 2.0], name="aa").name,
            T.assign_sub(v, [1.0, 2.0], name="as").name) == ("a:0", "aa:0", "as:0")


def test_tf_assign_validate_shape_false_takes_the_value_shape():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert repr(T.assign(v, [1.0, 2.0, 3.0], validate_shape=False)) == (
        "<tf.Tensor 'Assign:0' shape=(3,) dtype=float32_ref>")


def test_methods_follow_the_name_scope_value_does_not():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    with T.name_scope("ns"):
        assert (v.assign([1.0, 2.0]).name, v.read_value().name, v.value().name) == (
            "ns/Assign:0", "ns/read:0", "v/read:0")
    assert op_names()[-3:] == ["ns/Assign/value", "ns/Assign", "ns/read"]


def test_assign_a_tensor_makes_no_const():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    x = T.constant([9.0, 9.0], name="x")
    assert v.assign(x).name == "Assign:0"
    assert op_names()[-2:] == ["x", "Assign"]


def test_assign_shape_mismatch_keeps_the_value_const():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    msg = raises(ValueError, lambda: v.assign([1.0, 2.0, 3.0]))
    assert msg == ("Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] "
                   "and [3]. for '{{node Assign}} = Assign[T=DT_FLOAT, use_locking=false, "
                   "validate_shape=true](v, Assign/value)' with input shapes: [2], [3].")
    msg = raises(ValueError, lambda: v.assign_add([1.0, 2.0, 3.0]))
    assert msg == ("Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] "
                   "and [3]. for '{{node AssignAdd}} = AssignAdd[T=DT_FLOAT, use_locking=false]"
                   "(v, AssignAdd/value)' with input shapes: [2], [3].")
    assert op_names()[4:] == ["Assign/value", "AssignAdd/value"]
    assert v.assign([1.0, 2.0]).name == "Assign_1:0"


def test_assign_converts_ints_to_the_variable_dtype():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert v.assign([1, 2]).name == "Assign:0"
    i = T.Variable(1, name="i")
    assert i.assign_add(1).name == "AssignAdd:0"


def test_tf_assign_of_a_tensor():
    fresh()
    x = T.constant([1.0, 2.0], name="x")
    assert raises(AttributeError, lambda: T.assign(x, [1.0, 2.0])) == (
        "'SymbolicTensor' object has no attribute 'assign'")
    assert raises(AttributeError, lambda: T.assign_add(x, [1.0, 2.0])) == (
        "'SymbolicTensor' object has no attribute 'assign_add'")


def test_operators_and_slicing_read_the_variable():
    fresh()
    v = T.Variable([1.0, 2.0], name="v")
    assert (v + 1.0).name == "add:0"
    assert v[0].name == "strided_slice:0"
    assert [t.name for t in v.op.outputs] == ["v:0"]


def test_public_attributes():
    fresh()
    v = T.Variable(1.0)
    assert sorted(n for n in dir(v) if not n.startswith("_")) == [
        "SaveSliceInfo", "aggregation", "assign", "assign_add", "assign_sub",
        "batch_scatter_update", "constraint", "count_up_to", "device", "dtype", "eval",
        "experimental_ref", "from_proto", "gather_nd", "get_shape", "graph", "initial_value",
        "initialized_value", "initializer", "load", "name", "op", "read_value", "ref",
        "scatter_add", "scatter_div", "scatter_max", "scatter_min", "scatter_mul",
        "scatter_nd_add", "scatter_nd_max", "scatter_nd_min", "scatter_nd_sub",
        "scatter_nd_update", "scatter_sub", "scatter_update", "set_shape", "shape",
        "sparse_read", "synchronization", "to_proto", "trainable", "value"]


def test_initial_value_of_unknown_shape_fails_after_the_variable_op():
    fresh()
    msg = raises(ValueError, lambda: T.Variable(T.placeholder(T.float32, [None], name="p"),
                                                name="pv"))
    assert msg == ("initial_value must have a shape specified: "
                   'Tensor("p:0", shape=(?,), dtype=float32)')
    assert ops() == [("p", "Placeholder"), ("pv", "VariableV2")]
    fresh()
    v = T.Variable(T.placeholder(T.float32, [None], name="p"), name="pv", validate_shape=False)
    assert str(v.shape) == "<unknown>"


def test_variables_ignore_control_dependencies():
    fresh()
    a = T.no_op(name="a")
    with T.control_dependencies([a]):
        T.Variable(1.0, name="cd")
        T.get_variable("gw", [1], initializer=T.zeros_initializer())
    assert all(o.control_inputs == [] for o in T.get_default_graph().get_operations())
    assert len(ops()) == 9
