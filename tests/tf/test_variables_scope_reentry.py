"""Entering the same variable_scope(...) instance again (CATALOGUE C11), and the
graph of `values`: one rule per test.

Expected values: tf_probes/variables/variable_scope_reentry.out and
variable_scope_values.out (TensorFlow 2.21).
"""

from tfvars_oracle import T, fresh


def state(s):
    return (s.name, s.original_name_scope, T.get_default_graph().get_name_scope(), s.reuse)


def test_default_name_scope_keeps_its_name_and_first_name_scope():
    fresh()
    cm = T.variable_scope(None, default_name="cached")
    with cm as s:
        assert state(s) == ("cached", "cached/", "cached", False)
    with cm as s:
        assert state(s) == ("cached", "cached/", "cached_1", False)
        assert T.get_variable("v", [1]).name == "cached/v:0"
    with T.variable_scope(None, default_name="cached") as s:
        assert state(s) == ("cached_1", "cached_2/", "cached_2", False)


def test_string_scope_nests_anew_but_keeps_the_first_name_scope_string():
    fresh()
    cm = T.variable_scope("strcm")
    with cm as s:
        assert state(s) == ("strcm", "strcm/", "strcm", False)
    with T.variable_scope("outer"):
        with cm as s:
            assert state(s) == ("outer/strcm", "strcm/", "outer/strcm", False)
            assert T.constant(0., name="op").name == "outer/strcm/op:0"


def test_object_scope_installs_the_same_copy_again():
    fresh()
    with T.variable_scope("obj") as obj:
        pass
    cm = T.variable_scope(obj, reuse=True)
    with cm as s1:
        assert state(s1) == ("obj", "obj/", "obj_1", True)
    with cm as s2:
        assert state(s2) == ("obj", "obj/", "obj_2", True)
    assert s1 is s2 and s1 is not obj


def test_inherited_reuse_is_remembered():
    fresh()
    cm = T.variable_scope("r", reuse=True)
    with T.variable_scope("top", reuse=True):
        with cm as s:
            assert state(s) == ("top/r", "top/r/", "top/r", True)
    with cm as s:
        assert state(s) == ("r", "top/r/", "r", True)


def test_values_make_their_graph_the_default_inside():
    """tf_probes/variables/variable_scope_values.out"""
    g1 = fresh()
    g2 = T.Graph()
    with g2.as_default():
        t = T.constant(1.0, name="t")
    with T.variable_scope("vals", values=[t]) as s:
        assert T.get_default_graph() is g2 and s.name == "vals"
        assert T.get_default_graph().get_name_scope() == "vals"
        v = T.get_variable("v", [1])
    assert v.name == "vals/v:0" and v.graph is g2
    assert T.get_default_graph() is g1 and g1.get_operations() == []
    x = T.constant(2.0, name="x")
    try:
        T.variable_scope("mix", values=[x, t]).__enter__()
    except ValueError as e:
        assert str(e).startswith('Tensor("t:0", shape=(), dtype=float32) must be from the same '
                                 'graph as Tensor("x:0", shape=(), dtype=float32) (graphs are ')
    else:
        raise AssertionError("no error")
