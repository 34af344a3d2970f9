"""The collection functions, GraphKeys and the variable initializer ops: one rule per test.

Expected values: tf_probes/variables/collection_functions.out (TensorFlow 2.21).
"""

from tfvars_oracle import pending, T, fresh, names, ops, raises


def model():
    g = fresh()
    a = T.get_variable("a", [1])
    with T.variable_scope("foo"):
        b = T.get_variable("b", [1], trainable=False)
        T.get_variable("m", [1], collections=[T.GraphKeys.MODEL_VARIABLES,
                                              T.GraphKeys.GLOBAL_VARIABLES])
        T.get_local_variable("l", [1])
        T.Variable(1.0, name="mv", collections=[T.GraphKeys.MOVING_AVERAGE_VARIABLES])
    return g, a, b


def test_graph_keys_values():
    k = T.GraphKeys
    assert (k.GLOBAL_VARIABLES, k.VARIABLES, k.TRAINABLE_VARIABLES, k.LOCAL_VARIABLES,
            k.MODEL_VARIABLES, k.MOVING_AVERAGE_VARIABLES, k.REGULARIZATION_LOSSES,
            k.UPDATE_OPS, k.LOSSES, k.SUMMARIES, k.GLOBAL_STEP, k.TABLE_INITIALIZERS,
            k.TRAINABLE_RESOURCE_VARIABLES, k.COND_CONTEXT, k.WHILE_CONTEXT) == (
        "variables", "variables", "trainable_variables", "local_variables", "model_variables",
        "moving_average_variables", "regularization_losses", "update_ops", "losses",
        "summaries", "global_step", "table_initializer", "trainable_resource_variables",
        "cond_context", "while_context")
    assert repr(k) == "<class 'tensorflow.python.framework.ops.GraphKeys'>"


def test_variable_collection_functions():
    model()
    assert names(T.global_variables()) == ["a:0", "foo/b:0", "foo/m:0"]
    assert names(T.local_variables()) == ["foo/l:0"]
    assert names(T.trainable_variables()) == ["a:0", "foo/m:0", "foo/mv:0"]
    assert names(T.model_variables()) == ["foo/m:0"]
    assert names(T.moving_average_variables()) == ["foo/mv:0"]
    assert names(T.all_variables()) == ["a:0", "foo/b:0", "foo/m:0"]


def test_scope_argument_is_a_regex_match():
    model()
    assert names(T.global_variables("foo")) == ["foo/b:0", "foo/m:0"]
    assert names(T.trainable_variables("foo")) == ["foo/m:0", "foo/mv:0"]
    assert names(T.get_collection("variables", "foo/b")) == ["foo/b:0"]
    assert raises(TypeError, lambda: T.global_variables(3)) == (
        "first argument must be string or compiled pattern")


def test_get_collection_of_unknown_key():
    fresh()
    assert T.get_collection("nope") == []


def test_get_collection_ref_is_the_live_list_and_creates_the_key():
    g, a, b = model()
    ref = T.get_collection_ref("mylist")
    assert ref == [] and "mylist" in g.get_all_collection_keys()
    ref.append(1)
    assert T.get_collection("mylist") == [1]
    assert T.get_collection_ref("mylist") is ref and T.get_collection("mylist") is not ref


def test_add_to_collection_and_collections():
    g, a, b = model()
    T.add_to_collection("mylist", a)
    T.add_to_collection("mylist", "str")
    T.add_to_collections(["x", "y"], a)
    T.add_to_collections("z", b)
    T.add_to_collections(("x",), b)
    assert T.get_collection("mylist") == [a, "str"]
    assert T.get_collection("mylist", "a") == [a]
    assert (names(T.get_collection("x")), names(T.get_collection("y")),
            names(T.get_collection("z"))) == (["a:0", "foo/b:0"], ["a:0"], ["foo/b:0"])


def test_collection_keys_in_creation_order_strings_only():
    g, a, b = model()
    T.add_to_collection("mylist", 1)
    T.add_to_collection(("tuple", "key"), a)
    T.add_to_collection(5, a)
    # string keys only; their order comes from sets in TF (hash order), so compare sorted
    assert sorted(g.get_all_collection_keys()) == [
        "local_variables", "model_variables", "moving_average_variables", "mylist",
        "trainable_variables", "variables"]
    assert g.get_collection(5) == [a] and g.get_collection(("tuple", "key")) == [a]


def test_collection_errors():
    model()
    assert raises(TypeError, lambda: T.get_collection("variables", 3)) == (
        "first argument must be string or compiled pattern")
    assert raises(TypeError, lambda: T.get_collection([1])) == "unhashable type: 'list'"
    assert raises(TypeError, lambda: T.add_to_collection([1], 1)) == "unhashable type: 'list'"


def test_variables_initializer_is_a_noop_with_control_inputs():
    g, a, b = model()
    init = T.variables_initializer([a, b])
    assert repr(init) == "<tf.Operation 'init' type=NoOp>"
    assert names(init.control_inputs) == ["a/Assign", "foo/b/Assign"]
    assert list(init.inputs) == []
    assert T.variables_initializer([]).name == "init_1"
    assert T.variables_initializer([a], name="my_init").name == "my_init"


def test_global_and_local_variables_initializer():
    g, a, b = model()
    gi = T.global_variables_initializer()
    li = T.local_variables_initializer()
    assert (gi.name, names(gi.control_inputs)) == ("init", ["a/Assign", "foo/b/Assign",
                                                            "foo/m/Assign"])
    assert (li.name, names(li.control_inputs)) == ("init_1", ["foo/l/Assign"])
    with T.name_scope("ns"):
        assert T.global_variables_initializer().name == "ns/init"
    assert (T.initialize_all_variables().name, T.initialize_local_variables().name,
            T.initialize_variables([a]).name) == ("init_2", "init_3", "init_4")


def test_global_variables_initializer_of_an_empty_graph():
    fresh()
    init = T.global_variables_initializer()
    assert (init.name, init.type) == ("init", "NoOp")
    assert ops() == [("init", "NoOp")]


def test_variables_initializer_errors():
    g, a, b = model()
    assert raises(TypeError, lambda: T.variables_initializer()) == (
        "variables_initializer() missing 1 required positional argument: 'var_list'")
    assert raises(AttributeError, lambda: T.variables_initializer([1])) == (
        "'int' object has no attribute 'initializer'")
    assert T.variables_initializer(None).name == "init"
