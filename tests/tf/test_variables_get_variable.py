"""get_variable / get_local_variable: one TensorFlow rule per test.

Expected values: tf_probes/variables/get_variable_*.out and
variable_scope_defaults.out (TensorFlow 2.21).
"""

from tfvars_oracle import pending, T, collections, fresh, glorot_ops, ops, raises, var_ops


def zeros():
    return T.zeros_initializer()


# ------------------------------------------------------------ collections=

def test_collections_replace_global_but_trainable_is_added():
    fresh()
    T.get_variable("w", [2], collections=["mine"])
    assert collections() == {"trainable_variables": ["w:0"], "mine": ["w:0"]}


def test_collections_tuple_and_order_of_keys():
    fresh()
    T.get_variable("w", [2], collections=("a", "b"))
    assert sorted(collections()) == ["a", "b", "trainable_variables"]


def test_collections_empty_list_leaves_only_trainable():
    fresh()
    T.get_variable("w", [2], collections=[])
    assert collections() == {"trainable_variables": ["w:0"]}


def test_collections_naming_trainable_adds_it_once():
    fresh()
    T.get_variable("w", [2], collections=["trainable_variables"])
    assert collections() == {"trainable_variables": ["w:0"]}


def test_collections_must_be_a_list_tuple_or_set():
    fresh()
    msg = raises(ValueError, lambda: T.get_variable("w", [2], collections="mine"))
    assert msg == ("collections argument to Variable constructor must be a list, tuple, or set. "
                   "Got mine of type <class 'str'>")
    assert ops() == []


def test_trainable_false_only_global():
    fresh()
    T.get_variable("w", [2], trainable=False)
    assert collections() == {"variables": ["w:0"]}


def test_trainable_false_with_collections():
    fresh()
    T.get_variable("w", [2], trainable=False, collections=["x"])
    assert collections() == {"x": ["w:0"]}


def test_reuse_does_not_add_to_collections_again():
    fresh()
    a = T.get_variable("w", [2], collections=["mine"])
    with T.variable_scope(T.get_variable_scope(), reuse=True):
        b = T.get_variable("w", [2], collections=["other"])
    assert a is b
    assert collections() == {"trainable_variables": ["w:0"], "mine": ["w:0"]}


# ------------------------------------------------- validate_shape, use_resource

def test_validate_shape_false_with_shape_keeps_the_shape():
    fresh()
    v = T.get_variable("w", [2], validate_shape=False)
    assert str(v.shape) == "(2,)"
    assert ops() == glorot_ops("w") + var_ops("w")


def test_validate_shape_false_with_a_tensor_gives_unknown_shape():
    fresh()
    v = T.get_variable("w", initializer=T.constant([1.0, 2.0]), validate_shape=False)
    assert str(v.shape) == "<unknown>"
    assert ops() == [("Const", "Const")] + var_ops("w")


def test_use_resource_false_and_caching_device_change_nothing():
    fresh()
    T.get_variable("w", [2], use_resource=False)
    T.get_variable("x", [2], caching_device="/cpu:0")
    assert ops() == glorot_ops("w") + var_ops("w") + glorot_ops("x") + var_ops("x")


# ---------------------------------------------------------- get_local_variable

def test_get_local_variable_only_local_collection():
    fresh()
    v = T.get_local_variable("lv", [2])
    assert v.name == "lv:0"
    assert collections() == {"local_variables": ["lv:0"]}
    assert ops() == glorot_ops("lv") + var_ops("lv")


def test_get_local_variable_is_never_trainable():
    fresh()
    T.get_local_variable("lv", [2], trainable=True)
    assert collections() == {"local_variables": ["lv:0"]}


def test_get_local_variable_appends_local_to_collections():
    fresh()
    T.get_local_variable("lv", [2], collections=["x"])
    assert collections() == {"x": ["lv:0"], "local_variables": ["lv:0"]}


def test_get_local_variable_follows_scope_and_reuse():
    fresh()
    with T.variable_scope("s"):
        a = T.get_local_variable("lv", [2])
    with T.variable_scope("s", reuse=True):
        b = T.get_local_variable("lv", [2])
    assert a is b and a.name == "s/lv:0"


# ------------------------------------------------------------- regularizer=

def l2reg(w):
    return T.multiply(0.01, T.identity(w), name="l2_regularizer")


def test_regularizer_runs_at_root_then_under_var_regularizer():
    fresh()
    with T.name_scope("ns"):
        T.get_variable("w", [2], initializer=zeros(), regularizer=l2reg)
    assert ops() == [("w/Initializer/zeros", "Const")] + var_ops("w") + [
        ("Identity", "Identity"), ("l2_regularizer/x", "Const"), ("l2_regularizer", "Mul"),
        ("w/Regularizer/Identity", "Identity"), ("w/Regularizer/l2_regularizer/x", "Const"),
        ("w/Regularizer/l2_regularizer", "Mul")]
    assert collections()["regularization_losses"] == ["w/Regularizer/l2_regularizer:0"]


def test_regularizer_loss_is_a_lazy_eval_tensor():
    fresh()
    T.get_variable("w", [2], initializer=zeros(), regularizer=l2reg)
    loss, = T.get_collection(T.GraphKeys.REGULARIZATION_LOSSES)
    assert type(loss).__name__ == "_LazyEvalTensor"
    assert T.GraphKeys.REGULARIZATION_LOSSES == "regularization_losses"


def test_regularizer_loss_reruns_its_regularizer_on_every_use():
    fresh()
    T.get_variable("w", [2], initializer=zeros(), regularizer=lambda w: T.identity(w))
    loss, = T.get_collection("regularization_losses")
    assert str(loss) == 'Tensor("w/Regularizer/Identity:0", shape=(2,), dtype=float32)'
    assert ((loss + 1.0).name, (2.0 * loss).name) == ("add:0", "mul:0")
    assert [n for n, _ in ops()][4:] == [
        "Identity", "w/Regularizer/Identity", "w/Regularizer/Identity_1", "add/y", "add",
        "w/Regularizer/Identity_2", "mul/x", "mul"]


def test_regularizer_returning_none_adds_no_loss():
    fresh()
    T.get_variable("w", [2], initializer=zeros(), regularizer=lambda w: None)
    assert collections() == {"variables": ["w:0"], "trainable_variables": ["w:0"]}
    assert ops() == [("w/Initializer/zeros", "Const")] + var_ops("w")


def test_regularizer_of_scope_inherited_and_replaced():
    fresh()
    with T.variable_scope("s", regularizer=l2reg):
        with T.variable_scope("inner"):
            T.get_variable("b", [2], initializer=zeros())
        T.get_variable("c", [2], initializer=zeros(), regularizer=lambda w: T.identity(w, name="own"))
    assert collections()["regularization_losses"] == [
        "s/inner/b/Regularizer/l2_regularizer:0", "s/c/Regularizer/own:0"]
    assert ops()[-2:] == [("own", "Identity"), ("s/c/Regularizer/own", "Identity")]


def test_regularizer_default_op_names_uniquified_at_root():
    fresh()
    with T.variable_scope("s"):
        with T.name_scope("inner_ns"):
            T.get_variable("w", [2], initializer=zeros(), regularizer=lambda w: T.identity(w))
    assert ops()[4:] == [("Identity", "Identity"), ("s/w/Regularizer/Identity", "Identity")]
    assert collections()["regularization_losses"] == ["s/w/Regularizer/Identity:0"]


def test_regularizer_not_run_on_reuse():
    fresh()
    with T.variable_scope("s", regularizer=l2reg):
        T.get_variable("a", [2], initializer=zeros())
    with T.variable_scope("s", reuse=True):
        T.get_variable("a", [2])
    assert len(ops()) == 10
    assert collections()["regularization_losses"] == ["s/a/Regularizer/l2_regularizer:0"]


def test_regularizer_on_non_trainable_and_local_variables():
    fresh()
    T.get_variable("w", [2], initializer=zeros(), regularizer=l2reg, trainable=False)
    with T.variable_scope("s", regularizer=l2reg):
        T.get_local_variable("lv", [2], initializer=zeros())
    assert collections()["regularization_losses"] == [
        "w/Regularizer/l2_regularizer:0", "s/lv/Regularizer/l2_regularizer:0"]
    assert ops()[14:17] == [("Identity_1", "Identity"), ("l2_regularizer_1/x", "Const"),
                            ("l2_regularizer_1", "Mul")]


def test_regularizer_not_callable_fails_after_creating_the_variable():
    fresh()
    msg = raises(TypeError, lambda: T.get_variable("w", [2], initializer=zeros(), regularizer=3))
    assert msg == "'int' object is not callable"
    assert ops() == [("w/Initializer/zeros", "Const")] + var_ops("w")


# ------------------------------------------------------------ custom_getter=

def suffix_getter(tag, calls):
    def getter(getter, name, *args, **kwargs):
        calls.append((tag, name, T.get_default_graph().get_name_scope()))
        return getter(name + "/" + tag, *args, **kwargs)
    return getter


def test_custom_getter_gets_full_name_at_root_name_scope():
    fresh()
    calls = []
    with T.name_scope("ns"):
        v = T.get_variable("v", [2], custom_getter=suffix_getter("A", calls))
    assert v.name == "v/A:0"
    assert calls == [("A", "v", "")]


def test_custom_getter_keyword_arguments():
    fresh()
    seen = []

    def getter(getter, name, *args, **kwargs):
        seen.append(sorted(kwargs))
        return getter(name, *args, **kwargs)
    T.get_variable("v", [2], custom_getter=getter)
    assert seen == [["aggregation", "caching_device", "collections", "constraint", "dtype",
                     "initializer", "partitioner", "regularizer", "reuse", "shape",
                     "synchronization", "trainable", "use_resource", "validate_shape"]]


def test_custom_getter_values_it_receives():
    fresh()
    seen = []

    def getter(getter, name, *args, **kwargs):
        seen.append((kwargs["reuse"], kwargs["trainable"], repr(kwargs["dtype"]),
                     kwargs["collections"], kwargs["shape"]))
        return getter(name, *args, **kwargs)
    with T.variable_scope("s", custom_getter=getter):
        T.get_variable("v", [2])
    with T.variable_scope("s", reuse=True, custom_getter=getter):
        T.get_variable("v")
    assert seen == [(False, True, "tf.float32", None, [2]), (True, True, "tf.float32", None, None)]


def test_custom_getter_nested_scopes_inner_first():
    fresh()
    calls = []
    with T.variable_scope("o", custom_getter=suffix_getter("O", calls)):
        with T.variable_scope("i", custom_getter=suffix_getter("I", calls)):
            v = T.get_variable("v", [2])
        w = T.get_variable("w", [2])
    assert (v.name, w.name) == ("o/i/v/I/O:0", "o/w/O:0")
    assert [c[:2] for c in calls] == [("I", "o/i/v"), ("O", "o/i/v/I"), ("O", "o/w")]


def test_custom_getter_of_get_variable_replaces_the_scopes():
    fresh()
    calls = []
    with T.variable_scope("o", custom_getter=suffix_getter("O", calls)):
        v = T.get_variable("v", [2], custom_getter=suffix_getter("G", calls))
    assert v.name == "o/v/G:0"


def test_custom_getter_composes_on_scope_object_reentry():
    fresh()
    calls = []
    with T.variable_scope("o", custom_getter=suffix_getter("O", calls)) as s:
        pass
    with T.variable_scope(s, custom_getter=suffix_getter("R", calls)):
        v = T.get_variable("v", [2])
    assert v.name == "o/v/R/O:0"


def test_custom_getter_applies_to_get_local_variable():
    fresh()
    with T.variable_scope("s", custom_getter=suffix_getter("S", [])):
        v = T.get_local_variable("lv", [2])
    assert v.name == "s/lv/S:0"
    assert collections() == {"local_variables": ["s/lv/S:0"]}


def test_custom_getter_may_return_a_tensor():
    fresh()
    out = T.get_variable("v", [2], custom_getter=lambda getter, name, *a, **k: getter(name, *a, **k) * 2.0)
    assert out.name == "mul:0"


def test_custom_getter_without_constraint_parameter():
    fresh()

    def getter(getter, name, shape=None, dtype=None, initializer=None, regularizer=None,
               reuse=None, trainable=None, collections=None, caching_device=None,
               partitioner=None, validate_shape=True, use_resource=None, synchronization=None,
               aggregation=None):
        return getter(name, shape=shape, dtype=dtype, reuse=reuse)
    assert T.get_variable("v", [2], custom_getter=getter, constraint=lambda x: x).name == "v:0"


def test_custom_getter_not_callable():
    fresh()
    msg = raises(ValueError, lambda: T.get_variable("v", [2], custom_getter=3))
    assert msg == "Passed a custom_getter which is not callable: 3"


def test_custom_getter_is_called_with_keywords():
    fresh()

    def badgetter(g, name, *a, **k):
        return g(name, *a, **k)
    msg = raises(TypeError, lambda: T.get_variable("v", [2], custom_getter=badgetter))
    assert msg.endswith("badgetter() missing 1 required positional argument: 'g'")


# ------------------------------------------------------------- constraint=

def cons(w):
    return w


def test_constraint_kept_on_the_variable():
    fresh()
    assert T.get_variable("w", [2], constraint=cons).constraint is cons
    assert T.get_variable("x", [2]).constraint is None


def test_constraint_of_scope_used_but_not_inherited_by_sub_scopes():
    fresh()
    with T.variable_scope("c", constraint=cons):
        w = T.get_variable("w", [2])
        x = T.get_variable("x", [2], constraint=None)
        with T.variable_scope("sub") as sub:
            y = T.get_variable("y", [2])
    assert w.constraint is cons and x.constraint is cons
    assert sub.constraint is None and y.constraint is None


def test_constraint_must_be_callable():
    fresh()
    msg = raises(ValueError, lambda: T.get_variable("bad", [2], constraint=3))
    assert msg == "The `constraint` argument must be a callable."


# ------------------------------------------------- initializer= values (E5)

def test_initializer_python_value_becomes_initial_value():
    fresh()
    v = T.get_variable("p", initializer=[1.0, 2.0])
    assert str(v.shape) == "(2,)"
    assert ops() == [("p/initial_value", "Const")] + var_ops("p")


def test_initializer_value_with_explicit_dtype_adds_a_root_const():
    fresh()
    with T.name_scope("ns"):
        T.get_variable("r", initializer=3.0, dtype=T.float32)
    assert ops() == [("Const", "Const"), ("r/initial_value", "Const")] + var_ops("r")


def test_initializer_value_dtype_mismatch():
    fresh()
    msg = raises(ValueError, lambda: T.get_variable("s", initializer=1, dtype=T.float32))
    assert msg == ("Initializer type '<dtype: 'int32'>' and explicit dtype "
                   "'<dtype: 'float32'>' don't match.")
    assert ops() == [("Const", "Const")]


def test_initializer_tensor_is_used_as_is():
    fresh()
    z = T.zeros([3])
    v = T.get_variable("t", initializer=z)
    assert v.initial_value is z
    assert ops() == [("zeros", "Const")] + var_ops("t")


def test_initializer_constant_with_shape():
    fresh()
    msg = raises(ValueError, lambda: T.get_variable("t", [3], initializer=T.zeros([3])))
    assert msg == "If initializer is a constant, do not specify shape."


def test_initializer_numpy_array_float64():
    import numpy as np
    fresh()
    v = T.get_variable("n", initializer=np.zeros((2, 2)))
    assert v.dtype.name == "float64_ref" and str(v.shape) == "(2, 2)"


def test_initializer_callable_without_arguments():
    fresh()
    T.get_variable("c", initializer=lambda: T.ones([2]))
    T.get_variable("d", initializer=lambda: [1.0, 2.0])
    assert ops() == [("c/Initializer/ones", "Const")] + var_ops("c") + [
        ("d/Initializer/initial_value", "Const")] + var_ops("d")


def test_initializer_callable_gets_shape_and_dtype_keyword_and_a_failure_keeps_its_name_scope():
    fresh()
    msg = raises(TypeError, lambda: T.get_variable("c", [2], initializer=lambda: T.ones([2])))
    assert msg.endswith("<lambda>() got an unexpected keyword argument 'dtype'")
    v = T.get_variable("c", [2], initializer=lambda shape, dtype=None, partition_info=None:
                       T.ones(shape, dtype))
    assert v.name == "c_1:0"
    assert ops() == [("c_1/Initializer/ones", "Const")] + var_ops("c_1")


def test_initializer_of_scope_dtype_does_not_cast_values():
    fresh()
    with T.variable_scope("s", dtype=T.float64):
        a = T.get_variable("a", [2])
        b = T.get_variable("b", initializer=[1.0, 2.0])
    assert (a.dtype.name, b.dtype.name) == ("float64_ref", "float32_ref")


def test_initializer_of_scope_applies_to_ints_too():
    fresh()
    with T.variable_scope("s", initializer=T.constant_initializer(0.3)):
        T.get_variable("a", [2])
        msg = raises(TypeError, lambda: T.get_variable("b", [2], dtype=T.int32))
    assert msg == "Expected int32, but got 0.3 of type 'float'."


# ----------------------------------------------------------- names, shapes

def test_default_initializers_by_dtype():
    fresh()
    for dt in (T.int32, T.bool, T.string):
        v = T.get_variable("w_" + dt.name, [2], dtype=dt)
        assert v.dtype.name == dt.name + "_ref"
    assert ops()[:4] == [("w_int32/Initializer/zeros", "Const")] + var_ops("w_int32")
    msg = raises(ValueError, lambda: T.get_variable("c", [2], dtype=T.complex64))
    assert msg == "An initializer for variable c of <dtype: 'complex64'> is required"


def test_dtype_string_and_ref_dtype_accepted():
    fresh()
    assert T.get_variable("w", [2], dtype="float32").dtype.name == "float32_ref"
    assert T.get_variable("x", [2], dtype=T.float64._as_ref if hasattr(T.float64, "_as_ref")
                          else T.as_dtype("float64_ref")).dtype.name == "float64_ref"


def test_bad_dtype():
    fresh()
    msg = raises(TypeError, lambda: T.get_variable("w", [2], dtype="nope"))
    assert msg == "Cannot convert the argument `type_value`: 'nope' to a TensorFlow DType."


def test_shape_forms():
    import numpy as np
    fresh()
    assert str(T.get_variable("a", T.TensorShape([2, 3])).shape) == "(2, 3)"
    assert str(T.get_variable("b", (2, 3)).shape) == "(2, 3)"
    assert str(T.get_variable("c", 3).shape) == "(3,)"
    assert str(T.get_variable("d", np.array([2, 3])).shape) == "(2, 3)"


def test_bad_shapes():
    fresh()
    assert raises(TypeError, lambda: T.get_variable("w", "x")) == (
        "Failed to convert ''x'' to a shape: ''x''could not be converted to a dimension. A shape "
        "should either be single dimension (e.g. 10), or an iterable of dimensions "
        "(e.g. [1, 10, None]).")
    assert raises(TypeError, lambda: T.get_variable("w", [2.5])) == (
        "Dimension value must be integer or None or have an __index__ method, got value '2.5' "
        "with type '<class 'float'>'")
    assert raises(ValueError, lambda: T.get_variable("w", [-1])) == "Dimension -1 must be >= 0"
    assert ops() == []


def test_name_none_is_variable():
    fresh()
    assert T.get_variable(None, [2]).name == "Variable:0"


def test_binding_errors_are_pythons():
    fresh()
    assert raises(TypeError, lambda: T.get_variable()) == (
        "get_variable() missing 1 required positional argument: 'name'")
    assert raises(TypeError, lambda: T.get_variable("w", [2], foo=1)) == (
        "get_variable() got an unexpected keyword argument 'foo'")


def test_reuse_errors():
    fresh()
    T.get_variable("v", [2])
    with T.variable_scope("", reuse=True):
        assert raises(ValueError, lambda: T.get_variable("v", [3])) == (
            "Trying to share variable v, but specified shape (3,) and found shape (2,).")
        assert raises(ValueError, lambda: T.get_variable("v", [2], dtype=T.float64)) == (
            "Trying to share variable v, but specified dtype float64 and found dtype float32_ref.")
        assert raises(ValueError, lambda: T.get_variable("nope", [2])) == (
            "Variable nope does not exist, or was not created with tf.get_variable(). "
            "Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")
        assert T.get_variable("v", [None]).name == "v:0"
        assert T.get_variable("v").name == "v:0"
    msg = raises(ValueError, lambda: T.get_variable("v", [2]))
    # TensorFlow's Python frames follow; scopesim's runner appends the program's lines
    assert msg.startswith("Variable v already exists, disallowed. Did you mean to set reuse=True "
                          "or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")


def test_shape_not_fully_defined_and_missing():
    fresh()
    assert raises(ValueError, lambda: T.get_variable("u", [None, 3])) == (
        "The initializer passed is not valid. It should be a callable with no arguments and the "
        "shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` "
        "should be fully defined.")
    assert raises(ValueError, lambda: T.get_variable("u")) == (
        "Variable u did not get an initializer, so its `shape` argument must be specified.")


def test_get_local_variable_appends_to_the_callers_list():
    fresh()
    mine = ["x"]
    T.get_local_variable("lv", [2], collections=mine)
    assert mine == ["x", "local_variables"]
