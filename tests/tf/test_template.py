"""make_template and Template: one TensorFlow rule per test.

Expected values: tf_probes/variables/make_template.out (TensorFlow 2.21)
and the shared catalogue (realmodels.md MT1-MT6).
"""

from tfvars_oracle import pending, T, collections, fresh, names, ops, raises, var_ops


def body(x, scale=1.0):
    w = T.get_variable("w", [2], initializer=T.zeros_initializer())
    return T.multiply(x, w, name="y")


def x():
    return T.constant([1.0, 2.0], name="x")


def test_first_call_creates_later_calls_reuse_in_new_name_scopes():
    fresh()
    t = T.make_template("t", body)
    outs = [t(x()), t(x()), t(x())]
    assert names(outs) == ["t/y:0", "t_1/y:0", "t_2/y:0"]
    assert names(T.global_variables()) == ["t/w:0"]


def test_template_attributes_before_and_after_the_first_call():
    fresh()
    t = T.make_template("t", body)
    assert repr(type(t)) == "<class 'tensorflow.python.ops.template.Template'>"
    assert (t.name, t.variable_scope, t.variable_scope_name, t.variables) == ("t", None, None, [])
    assert t.func is body
    t(x())
    assert (t.variable_scope.name, t.variable_scope_name) == ("t", "t/")
    assert names(t.variables) == ["t/w:0"] and names(t.trainable_variables) == ["t/w:0"]
    assert (t.non_trainable_variables, t.local_variables) == ([], [])
    assert names(t.global_variables) == ["t/w:0"]


def test_second_template_of_the_same_name():
    fresh()
    t = T.make_template("my_op", body)
    t(x())
    t2 = T.make_template("my_op", body)
    assert names([t2(x()), t2(x())]) == ["my_op_1/y:0", "my_op_1_1/y:0"]
    assert t2.variable_scope.name == "my_op_1"


def test_create_scope_now():
    fresh()
    t = T.make_template("t", body, create_scope_now_=True)
    assert (t.variable_scope_name, t.variable_scope.original_name_scope, t.variables) == (
        "t/", "t", [])
    assert names([t(x()), t(x())]) == ["t/y:0", "t_1/y:0"]
    assert names(T.global_variables()) == ["t/w:0"]


def test_create_scope_now_scope_from_construction_ops_from_the_call():
    fresh()
    with T.variable_scope("outer"):
        t = T.make_template("eager", body, create_scope_now_=True)
    o1 = t(x())
    with T.variable_scope("other"):
        o2 = t(x())
    assert names([o1, o2]) == ["eager/y:0", "other/eager/y:0"]
    assert names(T.global_variables()) == ["outer/eager/w:0"]


def test_unique_name_is_used_verbatim():
    fresh()
    t = T.make_template("t", body, unique_name_="u")
    assert names([t(x()), t(x())]) == ["u/y:0", "u_1/y:0"]
    assert t.variable_scope_name == "u/"
    t2 = T.make_template("t", body, unique_name_="u")
    msg = raises(ValueError, lambda: t2(x()))
    assert msg.startswith("Variable u/w already exists, disallowed. Did you mean to set "
                          "reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")
    assert "\n\noriginally defined at:\n" in msg


def test_scope_bound_at_first_call():
    fresh()
    with T.variable_scope("outer"):
        t = T.make_template("t", body)
        a = t(T.constant([1.0, 2.0]))
    with T.variable_scope("other"):
        b = t(T.constant([1.0, 2.0]))
    with T.name_scope("ns"):
        c = t(T.constant([1.0, 2.0]))
    assert names([a, b, c]) == ["outer/t/y:0", "other/t/y:0", "ns/t/y:0"]
    assert t.variable_scope_name == "outer/t/"


def test_nested_template_made_outside():
    fresh()
    inner = T.make_template("inner", body)
    outer = T.make_template("outer", lambda x: inner(x) + 1.0)
    assert names([outer(x()), outer(x())]) == ["outer/add:0", "outer_1/add:0"]
    assert [n for n, _ in ops() if n.endswith("inner/y")] == ["outer/inner/y", "outer_1/inner/y"]
    assert inner.variable_scope_name == "outer/inner/"
    assert names(outer.variables) == ["outer/inner/w:0"]


def test_nested_template_made_inside():
    fresh()

    def outer_fn(x):
        return T.make_template("inner", body)(x)
    outer = T.make_template("outer", outer_fn)
    assert names([outer(x()), outer(x())]) == ["outer/inner/y:0", "outer_1/inner/y:0"]
    assert names(T.global_variables()) == ["outer/inner/w:0"]


def test_kwargs_are_bound_and_overridable():
    fresh()
    t = T.make_template("t", body, scale=2.0)
    assert names([t(x()), t(x(), scale=3.0)]) == ["t/y:0", "t_1/y:0"]


def test_custom_getter_applies_on_every_call():
    fresh()
    seen = []

    def getter(getter, name, *a, **k):
        seen.append(name)
        return getter(name, *a, **k)
    t = T.make_template("t", body, custom_getter_=getter)
    t(x())
    t(x())
    assert seen == ["t/w", "t/w"]


def test_second_call_creating_a_new_variable():
    fresh()
    count = [0]

    def grows(x):
        count[0] += 1
        return T.get_variable("w%d" % count[0], [2])
    t = T.make_template("g", grows)
    t(x())
    msg = raises(ValueError, lambda: t(x()))
    assert msg.startswith("Variable g/w2 does not exist, or was not created with "
                          "tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in "
                          "VarScope?\n\noriginally defined at:\n")


def test_second_call_creating_a_trainable_tf_variable():
    fresh()
    t = T.make_template("s", lambda: T.Variable(1.0, name="tv"))
    t()
    msg = raises(ValueError, lambda: t())
    assert msg.startswith(
        "Trainable variable created when calling a template after the first time, perhaps you "
        "used tf.Variable when you meant tf.get_variable: "
        "[<tf.Variable 's_1/tv:0' shape=() dtype=float32_ref>]\n\noriginally defined at:\n")
    assert names(T.global_variables()) == ["s/tv:0", "s_1/tv:0"]


def test_second_call_creating_a_non_trainable_tf_variable_is_allowed():
    fresh()
    t = T.make_template("s", lambda: T.Variable(1.0, name="tv", trainable=False))
    t()
    assert t().name == "s_1/tv:0"


def test_name_none():
    fresh()
    assert raises(ValueError, lambda: T.make_template(None, body)) == "name cannot be None."


def test_func_not_callable_fails_only_when_called():
    fresh()
    t = T.make_template("t", 3)
    assert t.name == "t"


def test_empty_name_is_the_root():
    fresh()
    assert T.make_template("", body)(x()).name == "y:0"
    assert names(T.global_variables()) == ["w:0"]


def test_binding_error():
    fresh()
    assert raises(TypeError, lambda: T.make_template()) == (
        "make_template() missing 2 required positional arguments: 'name_' and 'func_'")


def test_first_call_inside_reuse_scope():
    fresh()
    with T.variable_scope("r", reuse=True):
        msg = raises(ValueError, lambda: T.make_template("t", body)(x()))
    assert msg.startswith("Variable r/t/w does not exist, or was not created with "
                          "tf.get_variable().")


def test_template_without_variables_and_the_collections_it_touches():
    fresh()
    t = T.make_template("t", lambda: T.constant(1.0, name="k"))
    assert names([t(), t()]) == ["t/k:0", "t_1/k:0"]
    assert t.variables == []
    # every call after the first reads the variable collections through get_collection_ref
    assert T.get_default_graph().get_all_collection_keys() == ["variables", "trainable_variables"]


def test_failed_first_call_keeps_the_scope_next_call_is_first_again():
    fresh()
    t = T.make_template("t", body)
    msg = raises(TypeError, lambda: t(T.constant([1.0, 2.0]), 1, 2, 3))
    assert msg.startswith("body() takes from 1 to 2 positional arguments but 4 were given")
    out = t(T.constant([1.0, 2.0]))
    assert out.name == "t_1/y:0"
    assert names(T.global_variables()) == ["t/w:0"]


def test_entering_the_template_scope():
    fresh()
    t = T.make_template("t", body)
    t(x())
    with T.variable_scope(t.variable_scope, reuse=True):
        assert T.get_variable("w").name == "t/w:0"
    assert collections() == {"variables": ["t/w:0"], "trainable_variables": ["t/w:0"]}
    assert ops()[1:5] == [("t/w/Initializer/zeros", "Const")] + var_ops("t/w")


def test_template_attributes_and_weights():
    fresh()
    t = T.make_template("t", body)
    t(T.constant([1.0, 2.0]))
    assert sorted(n for n in dir(t) if not n.startswith("_")) == [
        "func", "global_variables", "local_variables", "name", "non_trainable_variables",
        "non_trainable_weights", "trainable_variables", "trainable_weights", "var_scope",
        "variable_scope", "variable_scope_name", "variables", "weights"]
    assert t.var_scope is t.variable_scope
    assert (names(t.weights), names(t.trainable_weights), t.non_trainable_weights) == (
        ["t/w:0"], ["t/w:0"], [])
