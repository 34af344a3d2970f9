"""An initial value that reads other variables (`_try_guard_against_uninitialized_dependencies`)
and `initialized_value()`: one TensorFlow rule per test.

Expected values: tf_probes/variables/initial_value_dependencies.out (TensorFlow 2.21).
"""

from tfvars_oracle import T, fresh, op_names, ops, raises


def cond_ops(prefix):
    """The ops `initialized_value()` makes in name scope `prefix`."""
    c = prefix + "cond/"
    return [(prefix + "IsVariableInitialized", "IsVariableInitialized"), (c + "Switch", "Switch"),
            (c + "switch_t", "Identity"), (c + "switch_f", "Identity"),
            (c + "pred_id", "Identity"), (c + "read", "Identity"),
            (c + "read/Switch", "RefSwitch"), (c + "Switch_1", "Switch"), (c + "Merge", "Merge")]


def test_initialized_value_is_a_cond():
    fresh()
    v = T.Variable([1.0], name="v")
    out = v.initialized_value()
    assert out.name == "cond/Merge:0"
    assert ops()[4:] == cond_ops("")


def test_a_variable_read_in_the_initial_value_is_guarded_and_the_path_copied():
    fresh()
    with T.variable_scope("s"):
        v = T.get_variable("v", [2], initializer=T.zeros_initializer())
        w = T.get_variable("w", initializer=v + 1.0)
    assert ops()[4:] == [("s/add/y", "Const"), ("s/add", "AddV2"), ("s/w", "VariableV2")] + \
        cond_ops("s/w/") + [("s/v/read_s/w", "Identity"), ("s/add_s/w", "AddV2"),
                            ("s/w/Assign", "Assign"), ("s/w/read", "Identity")]
    assert (w.initial_value.name, w.initializer.inputs[1].name) == ("s/add:0", "s/add_s/w:0")


def test_guard_outputs():
    fresh()
    with T.variable_scope("s"):
        v = T.get_variable("v", [2], initializer=T.zeros_initializer())
        T.get_variable("w", initializer=v + 1.0)
    outs = [(t.name, str(t.shape), t.dtype.name) for o in T.get_default_graph().get_operations()
            if o.name.startswith("s/w/cond") for t in o.outputs]
    assert outs == [
        ("s/w/cond/Switch:0", "()", "bool"), ("s/w/cond/Switch:1", "()", "bool"),
        ("s/w/cond/switch_t:0", "()", "bool"), ("s/w/cond/switch_f:0", "()", "bool"),
        ("s/w/cond/pred_id:0", "()", "bool"), ("s/w/cond/read:0", "(2,)", "float32"),
        ("s/w/cond/read/Switch:0", "(2,)", "float32_ref"),
        ("s/w/cond/read/Switch:1", "(2,)", "float32_ref"),
        ("s/w/cond/Switch_1:0", "(2,)", "float32"), ("s/w/cond/Switch_1:1", "(2,)", "float32"),
        ("s/w/cond/Merge:0", "(2,)", "float32"), ("s/w/cond/Merge:1", "()", "int32")]


def test_shared_reads_are_copied_once():
    fresh()
    with T.variable_scope("s"):
        v = T.get_variable("v", [2], initializer=T.zeros_initializer())
        x = T.Variable(2.0 * v + v, name="x")
    assert op_names()[-7:] == ["s/x/cond/Switch_1", "s/x/cond/Merge", "s/v/read_s/x", "s/mul_s/x",
                               "s/add_s/x", "s/x/Assign", "s/x/read"]
    assert x.initializer.inputs[1].name == "s/add_s/x:0"


def test_an_initialized_value_in_the_initial_value_is_guarded_again():
    fresh()
    v = T.Variable([1.0], name="v")
    T.Variable(v.initialized_value() * 2.0, name="w")
    assert op_names()[13:] == [
        "mul/y", "mul", "w"] + [n for n, _ in cond_ops("w/")] + [
        "cond/read/Switch_w", "cond/read_w", "cond/Merge_w", "mul_w", "w/Assign", "w/read"]
    assert dict(ops())["cond/read/Switch_w"] == "Switch"


def test_an_assign_in_the_initial_value_cannot_be_copied():
    fresh()
    v = T.Variable([1.0], name="v")
    msg = raises(ValueError, lambda: T.Variable(v.assign_add([2.0]), name="w"))
    assert msg == (
        "Input 'ref' passed float expected ref type while building NodeDef 'AssignAdd_w' using "
        "Op<name=AssignAdd; signature=ref:Ref(T), value:T -> output_ref:Ref(T); "
        "attr=T:type,allowed=[DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT8, DT_INT16, DT_INT8, "
        "DT_COMPLEX64, DT_INT64, DT_QINT8, DT_QUINT8, DT_QINT32, DT_BFLOAT16, DT_QINT16, "
        "DT_QUINT16, DT_UINT16, DT_COMPLEX128, DT_HALF, DT_UINT32, DT_UINT64]; "
        "attr=use_locking:bool,default=false>")
    fresh()
    v = T.Variable([1.0], name="v")
    msg = raises(ValueError, lambda: T.Variable(v.assign([2.0]), name="w"))
    assert msg.startswith("Input 'ref' passed float expected ref type while building NodeDef "
                          "'Assign_w' using Op<name=Assign; signature=ref:Ref(T), value:T -> "
                          "output_ref:Ref(T); attr=T:type; attr=validate_shape:bool,default=true;")


def test_no_variable_dependency_copies_nothing():
    fresh()
    T.Variable([1.0], name="v")
    z = T.zeros([1])
    T.Variable(z + 1.0, name="nodep")
    assert op_names()[4:] == ["zeros", "add/y", "add", "nodep", "nodep/Assign", "nodep/read"]
