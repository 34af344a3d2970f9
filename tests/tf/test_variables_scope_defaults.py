"""What a variable scope passes to get_variable, and VariableScope's methods:
one TensorFlow rule per test.

Expected values: tf_probes/variables/variable_scope_defaults.out (TensorFlow 2.21).
"""

from tfvars_oracle import T, fresh, names, raises


def reg(w):
    return T.identity(w, name="r")


def cons(w):
    return w


def getter(getter, name, *a, **k):
    return getter(name, *a, **k)


def described(s):
    return (s.name, s.reuse, repr(s.dtype), type(s.initializer).__name__,
            getattr(s.regularizer, "__name__", s.regularizer), s.caching_device, s.partitioner,
            getattr(s.custom_getter, "__name__", s.custom_getter), s.use_resource,
            getattr(s.constraint, "__name__", s.constraint), s.original_name_scope)


def test_root_scope_attributes():
    fresh()
    assert described(T.get_variable_scope()) == (
        "", False, "tf.float32", "NoneType", None, None, None, None, None, None, "")


def test_scope_arguments_are_inherited_except_the_constraint():
    fresh()
    with T.variable_scope("a", initializer=T.ones_initializer(), regularizer=reg,
                          caching_device="/cpu:0", custom_getter=getter, use_resource=False,
                          constraint=cons, dtype=T.float64) as a:
        with T.variable_scope("b") as b:
            v = T.get_variable("v", [2])
        with T.variable_scope(None, default_name="d") as d:
            pass
    assert described(a) == ("a", False, "tf.float64", "Ones", "reg", "/cpu:0", None, "getter",
                            False, "cons", "a/")
    assert described(b) == ("a/b", False, "tf.float64", "Ones", "reg", "/cpu:0", None, "getter",
                            False, None, "a/b/")
    assert described(d)[0] == "a/d" and described(d)[9] is None
    assert (v.name, repr(v.dtype), v.constraint) == ("a/b/v:0", "tf.float64_ref", None)
    assert names(T.get_collection("regularization_losses")) == ["a/b/v/Regularizer/r:0"]


def test_set_methods_change_later_variables():
    fresh()
    with T.variable_scope("m") as m:
        pass
    m.set_initializer(T.zeros_initializer())
    m.set_regularizer(reg)
    m.set_dtype(T.float16)
    m.set_custom_getter(getter)
    m.set_caching_device("/cpu:1")
    m.set_use_resource(False)
    m.set_partitioner(None)
    assert described(m) == ("m", False, "tf.float16", "Zeros", "reg", "/cpu:1", None, "getter",
                            False, None, "m/")
    with T.variable_scope(m):
        assert described(T.get_variable_scope()) == described(m)
        y = T.get_variable("y", [2])
    assert (y.name, repr(y.dtype)) == ("m/y:0", "tf.float16_ref")
    assert [o.name for o in T.get_default_graph().get_operations()][0] == "m/y/Initializer/zeros"


def test_scope_collections_use_the_name_and_a_slash():
    fresh()
    with T.variable_scope("m") as m:
        y = T.get_variable("y", [2])
    T.get_variable("mx", [2])
    assert m.get_collection("variables") == [y]
    assert (m.global_variables(), m.trainable_variables(), m.local_variables()) == ([y], [y], [])


def test_scope_attributes_are_read_only():
    fresh()
    m = T.get_variable_scope()
    assert raises(AttributeError, lambda: setattr(m, "reuse", True)) == (
        "property 'reuse' of 'VariableScope' object has no setter")
    assert raises(AttributeError, lambda: setattr(m, "name", "x")) == (
        "property 'name' of 'VariableScope' object has no setter")


def test_scope_methods_and_type():
    m = T.get_variable_scope()
    assert sorted(n for n in dir(m) if not n.startswith("_")) == [
        "caching_device", "constraint", "custom_getter", "dtype", "get_collection",
        "get_variable", "global_variables", "initializer", "local_variables", "name",
        "original_name_scope", "partitioner", "regularizer", "reuse", "reuse_variables",
        "set_caching_device", "set_custom_getter", "set_dtype", "set_initializer",
        "set_partitioner", "set_regularizer", "set_use_resource", "trainable_variables",
        "use_resource"]
    assert repr(type(m)) == "<class 'tensorflow.python.ops.variable_scope.VariableScope'>"


def test_constant_scope_initializer_with_a_shape():
    fresh()
    with T.variable_scope("bi", initializer=3):
        msg = raises(ValueError, lambda: T.get_variable("z", [2]))
    assert msg == "If initializer is a constant, do not specify shape."


def test_constraint_of_tf_variable():
    fresh()
    assert T.Variable(1.0, constraint=cons).constraint is cons


def test_a_scope_made_by_hand():
    """tf_probes/variables/variable_scope_objects.out"""
    fresh()
    vs = T.VariableScope(False, "made", initializer=T.ones_initializer(), dtype=T.float64)
    assert (vs.name, vs.original_name_scope, vs.reuse, repr(vs.dtype)) == (
        "made", "", False, "tf.float64")
    with T.variable_scope(vs) as s:
        assert (s.name, s.original_name_scope, s is vs) == ("made", "", False)
        assert T.get_default_graph().get_name_scope() == "made"
        v = T.get_variable("v", [1])
    assert (v.name, v.dtype.name) == ("made/v:0", "float64_ref")
    assert T.get_default_graph().get_operations()[0].name == "made/v/Initializer/ones"
    vs2 = T.VariableScope(True, "made2", name_scope="ns2/")
    with T.variable_scope(vs2) as s:
        assert (s.original_name_scope, s.reuse) == ("ns2/", True)
        assert raises(ValueError, lambda: T.get_variable("q", [1])).startswith(
            "Variable made2/q does not exist")
    assert raises(TypeError, lambda: T.VariableScope()).endswith(
        "__init__() missing 1 required positional argument: 'reuse'")


def test_dtype_is_kept_as_given():
    """tf_probes/variables/variable_scope_objects.out"""
    fresh()
    with T.variable_scope("sd", dtype="float16") as s:
        assert (s.dtype, T.get_variable("h", [1]).dtype.name) == ("float16", "float16_ref")
        with T.variable_scope("inner") as s2:
            assert s2.dtype == "float16" and isinstance(s2.dtype, str)
    s.set_dtype("float64")
    assert s.dtype == "float64" and isinstance(s.dtype, str)
    assert T.VariableScope(False, "bad", dtype="nope").name == "bad"
