"""`variable_scope(None, default_name=...)` (issue 11, item 18):
`_get_unique_variable_scope` tries `prefix_1`, `prefix_2`, ... from 1 each
time over `variable_scopes_count`, so what was found before never changes
the answer once counts were dropped (closing a scope, an object scope's
restore, a new graph) and re-added (re-entering scopes by name).

Expected values: tf_probes/odd_names/odd_names.out (TensorFlow 2.21, cases
18_*); the module also runs on TensorFlow (tools/run_tests_on_tf.py).
"""

from tfvars_oracle import T, fresh


def default(prefix="x"):
    with T.variable_scope(None, default_name=prefix) as s:
        return s.name


def enter(name):
    with T.variable_scope(name):
        pass


def test_search_restarts_at_1_after_the_counts_were_dropped_and_readded():
    fresh()
    with T.variable_scope("p"):
        assert [default() for _ in range(4)] == ["p/x", "p/x_1", "p/x_2", "p/x_3"]
    with T.variable_scope("p"):
        enter("x")
        enter("x_2")
        assert [default(), default(), default()] == ["p/x_1", "p/x_3", "p/x_4"]


def test_at_the_root_counts_are_never_dropped():
    fresh()
    assert [default() for _ in range(3)] == ["x", "x_1", "x_2"]
    enter("x_5")
    assert [default(), default(), default()] == ["x_3", "x_4", "x_6"]


def test_object_scope_restores_the_counts_it_found():
    fresh()
    with T.variable_scope("p") as p:
        pass
    with T.variable_scope(p):
        assert [default() for _ in range(3)] == ["p/x", "p/x_1", "p/x_2"]
    with T.variable_scope(p):
        enter("x")
        enter("x_2")
        assert [default(), default()] == ["p/x_1", "p/x_3"]


def test_object_scope_inside_a_scope_leaves_its_counts():
    fresh()
    with T.variable_scope("q") as q:
        pass
    with T.variable_scope("p"):
        assert [default() for _ in range(3)] == ["p/x", "p/x_1", "p/x_2"]
        with T.variable_scope(q):
            assert default() == "q/x"
        assert default() == "p/x_3"


def test_name_scope_reentry_is_not_a_variable_scope():
    fresh()
    with T.variable_scope("p") as p:
        assert [default(), default()] == ["p/x", "p/x_1"]
    with T.name_scope(p.original_name_scope):
        assert [default(), default()] == ["x", "x_1"]
    with T.variable_scope("p"):
        assert [default(), default()] == ["p/x", "p/x_1"]


def test_a_new_graph_has_its_own_counts():
    fresh()
    assert [default() for _ in range(3)] == ["x", "x_1", "x_2"]
    with T.Graph().as_default():
        assert [default(), default()] == ["x", "x_1"]
        enter("x_1")
        assert default() == "x_2"
    assert default() == "x_3"


def test_nested_default_names():
    fresh()
    out = []
    for _ in range(2):
        with T.variable_scope(None, default_name="x") as s:
            out += [s.name, default(), default()]
            with T.variable_scope(None, default_name="x") as t:
                out += [t.name, default()]
    with T.variable_scope("x_1"):
        out += [default(), default()]
    assert out == ["x", "x/x", "x/x_1", "x/x_2", "x/x_2/x", "x_1", "x_1/x", "x_1/x_1",
                   "x_1/x_2", "x_1/x_2/x", "x_1/x", "x_1/x_1"]


def test_closing_a_sibling_drops_only_the_counts_below_it():
    fresh()
    with T.variable_scope("p"):
        assert [default() for _ in range(3)] == ["p/x", "p/x_1", "p/x_2"]
        with T.variable_scope("x_1"):
            assert [default("y"), default("y")] == ["p/x_1/y", "p/x_1/y_1"]
        with T.variable_scope("x_1"):
            assert default("y") == "p/x_1/y"
        assert default() == "p/x_3"


def test_a_prefix_with_a_slash_counts_below_its_own_scopes():
    fresh()
    with T.variable_scope("p"):
        assert [default("a/b") for _ in range(3)] == ["p/a/b", "p/a/b_1", "p/a/b_2"]
    with T.variable_scope("p"):
        with T.variable_scope("a"):
            enter("b")
            enter("b_2")
        assert [default("a/b"), default("a/b")] == ["p/a/b", "p/a/b_1"]


def test_scopes_entered_with_reuse_count_too():
    fresh()
    with T.variable_scope("p"):
        assert [default(), default(), default()] == ["p/x", "p/x_1", "p/x_2"]
    with T.variable_scope("p", reuse=True):
        enter("x")
        enter("x_2")
        assert default() == "p/x_1"
    with T.variable_scope("p"):
        enter("x")
        enter("x_2")
        assert default() == "p/x_1"
    with T.variable_scope("p", reuse=T.AUTO_REUSE):
        enter("x")
        enter("x_1")
        assert [default(), default()] == ["p/x_2", "p/x_3"]


def test_variables_of_default_scopes_after_reentry_by_name():
    fresh()
    for _ in range(3):
        with T.variable_scope(None, default_name="layer"):
            T.get_variable("w", [1])
    enter("layer")
    enter("layer_2")
    with T.variable_scope(None, default_name="layer"):
        v = T.get_variable("w", [1])
    assert [x.name for x in T.global_variables()] == \
        ["layer/w:0", "layer_1/w:0", "layer_2/w:0", "layer_3/w:0"]
    assert v.name == "layer_3/w:0"
