"""variable_scope naming, default names, reuse (catalogue parts C and D).

Expected values are TensorFlow 2.21's, as recorded in the catalogue's probes
(p08-p13, p09, p21); each docstring names the rule.
"""

import pytest

from scopesim.engine.engine import Engine
from scopesim.engine.scopes import AUTO_REUSE, ScopeCounts
from scopesim.errors import TFTypeError, TFValueError

Z = ("zeros", None)


@pytest.fixture
def e():
    return Engine()


def enter(e, *args, **kwargs):
    """(scope name, original_name_scope, current name scope) of an empty entry."""
    with e.variable_scope(*args, **kwargs) as s:
        return s.name, s.original_name_scope, e.graph.get_name_scope()


def var(e, name, shape=(), **kwargs):
    return e.get_variable(name, shape, initializer=kwargs.pop("initializer", Z), **kwargs).name


def test_string_scope_prefixes_variables_and_opens_name_scope(e):
    """C1: foo -> foo/v:0, op foo/c; nested bar -> foo/bar/v:0, tf.add -> foo/bar/Add."""
    with e.variable_scope("foo") as sc:
        assert (sc.name, sc.original_name_scope) == ("foo", "foo/")
        assert var(e, "v") == "foo/v:0"
        assert e.constant(1.0, name="c").op.name == "foo/c"
        with e.variable_scope("bar") as sc2:
            assert (sc2.name, sc2.original_name_scope) == ("foo/bar", "foo/bar/")
            assert var(e, "v") == "foo/bar/v:0"
            assert e.call("add", [1.0, 2.0]).op.name == "foo/bar/Add"


def test_reentering_string_scope_keeps_name_but_uniquifies_name_scope(e):
    """C2: second 'foo' -> name foo, ns foo_1/, its constant foo_1/c; reuse=True -> foo_2/."""
    enter(e, "foo")
    with e.variable_scope("foo") as sc:
        assert (sc.name, sc.original_name_scope) == ("foo", "foo_1/")
        assert e.constant(1.0, name="c").op.name == "foo_1/c"
    assert enter(e, "foo", reuse=True) == ("foo", "foo_2/", "foo_2")


def test_variable_scope_and_name_scope_diverge(e):
    """C3: ns > vs -> name vs, ns ns/vs/; after op 'taken' the scope 'taken' opens taken_1/."""
    with e.name_scope("ns"):
        with e.variable_scope("vs") as sc:
            assert (sc.name, sc.original_name_scope) == ("vs", "ns/vs/")
            assert var(e, "v") == "vs/v:0"
            assert e.constant(0.0, name="op").op.name == "ns/vs/op"
    e.constant(0.0, name="taken")
    assert enter(e, "taken") == ("taken", "taken_1/", "taken_1")


def test_scope_names_clash_case_insensitively_in_name_scopes_only(e):
    """C3: 'Case' then 'case' -> name case, ns case_1/, variable case/v:0."""
    enter(e, "Case")
    with e.variable_scope("case") as sc:
        assert sc.original_name_scope == "case_1/"
        assert var(e, "v") == "case/v:0"


def test_slash_inside_scope_name(e):
    """C4: 'p/q' -> p/q/v:0; later p > q(reuse) -> ns p/q_1/, same variable."""
    with e.variable_scope("p/q"):
        assert var(e, "v") == "p/q/v:0"
    with e.variable_scope("p"):
        with e.variable_scope("q", reuse=True) as sc:
            assert (sc.name, sc.original_name_scope) == ("p/q", "p/q_1/")
            assert e.get_variable("v").name == "p/q/v:0"


def test_root_scope_defaults(e):
    """C5: the root scope: name '', reuse False, dtype float32; children inherit False."""
    root = e.current_scope
    assert (root.name, root.original_name_scope, root.reuse, root.dtype) == ("", "", False, "float32")
    with e.variable_scope("child") as c:
        assert c.reuse is False


def test_entering_scope_object_opens_last_component_name_scope(e):
    """C6: object 'outer' at top level -> ns outer_1, then outer_2; inside 'other' -> other/outer."""
    with e.variable_scope("outer") as outer:
        var(e, "w")
    assert enter(e, outer) == ("outer", "outer/", "outer_1")
    with e.variable_scope(outer, reuse=True) as s:
        assert e.graph.get_name_scope() == "outer_2"
        assert e.get_variable("w").name == "outer/w:0"
    with e.variable_scope("other"):
        with e.variable_scope(outer, reuse=True):
            assert e.constant(0.0, name="op").op.name == "other/outer/op"
            with e.variable_scope("deeper") as s2:
                assert (s2.name, s2.original_name_scope) == ("outer/deeper", "other/outer/deeper/")
        assert enter(e, outer) == ("outer", "outer/", "other/outer_1")


def test_entering_nested_scope_object_uses_only_last_component(e):
    """C6: object x/y at top level -> ns y, then y_1; variables x/y/v."""
    with e.variable_scope("x"):
        with e.variable_scope("y") as xy:
            var(e, "v")
    with e.variable_scope(xy, reuse=True):
        assert e.graph.get_name_scope() == "y"
        assert e.get_variable("v").name == "x/y/v:0"
        assert e.constant(0.0, name="op").op.name == "y/op"
    assert enter(e, xy, reuse=True) == ("x/y", "x/y/", "y_1")


def test_entering_own_scope_object_nests_name_scope(e):
    """C6: 'self' > variable_scope(self_obj) -> name self, ns self/self."""
    with e.variable_scope("self") as me:
        assert enter(e, me) == ("self", "self/", "self/self")


def test_entering_root_scope_object_opens_no_name_scope(e):
    """C7: the root object opens no name scope: ops stay in the enclosing one."""
    root = e.current_scope
    with e.variable_scope(root):
        assert e.constant(0.0, name="rootop").op.name == "rootop"
    with e.name_scope("nsr"):
        with e.variable_scope(root) as s:
            assert (s.name, s.original_name_scope) == ("", "")
            assert var(e, "rv") == "rv:0"
            assert e.constant(0.0, name="op").op.name == "nsr/op"


def test_empty_string_scope_nested_gives_double_slash(e):
    """C8: outer > '' -> name 'outer/', variable outer//v:0, ops in outer/."""
    with e.variable_scope("") as s:
        assert (s.name, s.original_name_scope) == ("", "")
        assert var(e, "v") == "v:0"
    with e.variable_scope("outer"):
        with e.variable_scope("") as s:
            assert (s.name, s.original_name_scope) == ("outer/", "")
            assert var(e, "v") == "outer//v:0"
            assert e.constant(0.0, name="op").op.name == "outer/op"
            with e.variable_scope("in") as s2:
                assert (s2.name, s2.original_name_scope) == ("outer//in", "outer/in/")


def test_empty_default_name_gets_suffix_the_second_time(e):
    """C8: variable_scope(None, '') -> name '' then '_1', name scope root."""
    assert enter(e, None, "") == ("", "", "")
    assert enter(e, None, "") == ("_1", "", "")


def test_trailing_slash_scope_is_absolute(e):
    """C9: 'ts/' -> original name scope ts/, variable ts//v:0, again not uniquified."""
    with e.variable_scope("ts/") as s:
        assert (s.name, s.original_name_scope, e.graph.get_name_scope()) == ("ts/", "ts/", "ts")
        assert var(e, "v") == "ts//v:0"
    assert enter(e, "ts/")[1] == "ts/"


def test_default_name_uniquifies_variable_scope(e):
    """C10: (None,'layer') x2 -> layer, layer_1; string 'layer' -> ns layer_2/;
    then (None,'layer') -> layer_2 with ns layer_3/."""
    assert enter(e, None, "layer")[:2] == ("layer", "layer/")
    assert enter(e, None, "layer")[:2] == ("layer_1", "layer_1/")
    assert enter(e, "layer")[:2] == ("layer", "layer_2/")
    assert enter(e, None, "layer")[:2] == ("layer_2", "layer_3/")
    assert [e.counts.get(k) for k in ("layer", "layer_1", "layer_2")] == [2, 1, 1]


def test_default_name_after_op_of_same_name(e):
    """C10: op 'blk' then (None,'blk') -> blk with ns blk_1/, then blk_1 with blk_2/."""
    e.constant(0.0, name="blk")
    assert enter(e, None, "blk")[:2] == ("blk", "blk_1/")
    assert enter(e, None, "blk")[:2] == ("blk_1", "blk_2/")


def test_interleaved_default_prefixes_are_exact_keys(e):
    """C10 (testVarOpScopeUniqueNamesInterleavedSubstringScopes)."""
    names = []
    for prefix in ("defaultScope1", "defaultScope1", "defaultScope", "defaultScope1"):
        with e.variable_scope(None, prefix):
            with e.variable_scope(None, "layer") as s:
                names.append(var(e, "w"))
    assert names == ["defaultScope1/layer/w:0", "defaultScope1_1/layer/w:0",
                     "defaultScope/layer/w:0", "defaultScope1_2/layer/w:0"]


def test_sub_scope_counters_restart_when_string_parent_reenters(e):
    """C10: P>(None,L) x2 -> P/L, P/L_1; after exiting P its sub-counters are 0: P/L again."""
    with e.variable_scope("P"):
        assert enter(e, None, "L")[0] == "P/L"
        assert enter(e, None, "L")[0] == "P/L_1"
    assert [e.counts.get(k) for k in ("P", "P/L", "P/L_1")] == [1, 0, 0]
    with e.variable_scope("P"):
        assert enter(e, None, "L")[:2] == ("P/L", "P_1/L/")


def test_jump_into_scope_object_can_hand_out_a_default_name_twice(e):
    """C10: default>(None,layer) x2, then a jump into the default object makes
    default/layer_2, and after the jump default/layer_2 again."""
    with e.variable_scope(None, "default") as d:
        assert enter(e, None, "layer")[0] == "default/layer"
        assert enter(e, None, "layer")[0] == "default/layer_1"
        with e.variable_scope(d):
            assert enter(e, None, "layer")[:2] == ("default/layer_2", "default/default/layer/")
        assert enter(e, None, "layer")[:2] == ("default/layer_2", "default/layer_2/")


def test_empty_jump_continues_numbering(e):
    """C10 (testVarOpScopeUniqueNamesWithJump): an empty jump leaves layer_2 next."""
    with e.variable_scope("default") as d:
        enter(e, None, "layer")
        enter(e, None, "layer")
        with e.variable_scope(d):
            pass
        assert enter(e, None, "layer")[0] == "default/layer_2"


def test_object_reentry_restores_sub_counters_on_exit(e):
    """C10: Q>(None,L) -> Q/L; (Q obj)>(None,L) -> Q/L then Q/L_1; again -> Q/L, ns Q_2/L/."""
    with e.variable_scope("Q") as q:
        assert enter(e, None, "L")[0] == "Q/L"
    with e.variable_scope(q):
        assert enter(e, None, "L")[:2] == ("Q/L", "Q_1/L/")
        assert enter(e, None, "L")[:2] == ("Q/L_1", "Q_1/L_1/")
    with e.variable_scope(q):
        assert enter(e, None, "L")[:2] == ("Q/L", "Q_2/L/")


def test_counts_are_shared_by_string_and_default_entries(e):
    """C10: R>'k' then R>(None,'k') -> R/k_1; (None,a)>(None,a) -> a/a; ('given','ignored') -> given."""
    with e.variable_scope("R"):
        enter(e, "k")
        assert enter(e, None, "k")[:2] == ("R/k_1", "R/k_1/")
    with e.variable_scope(None, "a"):
        assert enter(e, None, "a")[:2] == ("a/a", "a/a/")
    assert enter(e, "given", "ignored")[:2] == ("given", "given/")


@pytest.mark.parametrize("reuse", [True, AUTO_REUSE])
def test_default_name_with_reuse_is_an_error(e, reuse):
    """C10: variable_scope(None, 'dd', reuse=True/AUTO_REUSE) -> ValueError."""
    with pytest.raises(TFValueError) as err:
        enter(e, None, "dd", reuse=reuse)
    assert err.value.message == "reuse=True cannot be used without a name_or_scope"


def test_scope_needs_name_or_default(e):
    """C10: variable_scope(None) -> TypeError."""
    with pytest.raises(TFTypeError) as err:
        enter(e, None)
    assert err.value.message == "If default_name is None then name_or_scope is required"


def test_scope_name_must_be_string_or_scope(e):
    """C10: variable_scope(3) -> TypeError at enter."""
    with pytest.raises(TFTypeError) as err:
        enter(e, 3)
    assert err.value.message == "VariableScope: name_or_scope must be a string or VariableScope."


def test_aux_false_opens_no_name_scope(e):
    """C12: 'scope' aux=False at root: ns '', variable scope/w:0, const c; 'scope' stays free."""
    with e.variable_scope("scope", aux=False) as s:
        assert (s.name, s.original_name_scope, e.graph.get_name_scope()) == ("scope", "", "")
        assert var(e, "w") == "scope/w:0"
        assert e.constant(0.0, name="c").op.name == "c"
    with e.name_scope("scope") as n:
        assert n == "scope/"


def test_aux_false_nested_and_object(e):
    """C12: outer > inner aux=False -> orig outer/, op outer/c; object aux=False keeps orig."""
    with e.variable_scope("outer"):
        with e.variable_scope("inner", aux=False) as inner:
            assert (inner.name, inner.original_name_scope) == ("outer/inner", "outer/")
            assert e.constant(0.0, name="c").op.name == "outer/c"
        assert enter(e, inner, aux=False) == ("outer/inner", "outer/", "outer")
        with e.name_scope("inner") as n:
            assert n == "outer/inner/"


def test_aux_false_default_name(e):
    """C12: (None,'dflt') aux=False -> dflt then dflt_1, ns ''."""
    assert enter(e, None, "dflt", aux=False) == ("dflt", "", "")
    assert enter(e, None, "dflt", aux=False) == ("dflt_1", "", "")


def test_aux_false_parent_then_child(e):
    """C12: p(aux=False) > 'q' -> name p/q, original_name_scope q/."""
    with e.variable_scope("p", aux=False):
        assert enter(e, "q") == ("p/q", "q/", "q")


# ------------------------------------------------------------------- reuse


def test_reuse_false_means_inherit(e):
    """D1: inside reuse=True, a child with reuse False/None stays True; AUTO_REUSE wins."""
    with e.variable_scope("a", reuse=True):
        with e.variable_scope("b") as s:
            assert s.reuse is True
        with e.variable_scope("b", reuse=False) as s:
            assert s.reuse is True
        with e.variable_scope("b", reuse=AUTO_REUSE) as s:
            assert s.reuse == AUTO_REUSE
    with e.variable_scope("c", reuse=AUTO_REUSE):
        with e.variable_scope("d") as s:
            assert s.reuse == AUTO_REUSE
        with e.variable_scope("d", reuse=True) as s:
            assert s.reuse is True


def test_object_entry_ignores_outer_reuse(e):
    """D2: reuse = obj.reuse if not arg else arg; outer(reuse=True) > obj creates variables."""
    with e.variable_scope("jump", reuse=True) as jr:
        pass
    with e.variable_scope(jr) as s:
        assert s.reuse is True
    with e.variable_scope(jr, reuse=False) as s:
        assert s.reuse is True
    with e.variable_scope("jump2") as jn:
        pass
    with e.variable_scope(jn, reuse=True) as s:
        assert s.reuse is True
    with e.variable_scope("outer", reuse=True):
        with e.variable_scope(jn) as s:
            assert s.reuse is False
            assert var(e, "new_here") == "jump2/new_here:0"
        with e.variable_scope("strchild") as s:
            assert s.reuse is True


def test_default_name_scope_inherits_reuse(e):
    """D3: parent reuse=True -> default-name child reuse True, name e/dflt."""
    with e.variable_scope("e", reuse=True):
        with e.variable_scope(None, "dflt") as s:
            assert (s.name, s.reuse) == ("e/dflt", True)


def test_reuse_variables_mutates_the_current_scope_object(e):
    """D4: after reuse_variables(): get v works, new w fails; children reuse; string
    re-entry is a fresh object (False); the captured object stays True."""
    with e.variable_scope("f") as f:
        var(e, "v")
        e.reuse_variables()
        assert f.reuse is True
        assert e.get_variable("v").name == "f/v:0"
        with pytest.raises(TFValueError) as err:
            var(e, "w")
        assert err.value.message == (
            "Variable f/w does not exist, or was not created with tf.get_variable(). "
            "Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")
        with e.variable_scope("g") as g:
            assert g.reuse is True
    with e.variable_scope("f") as f2:
        assert f2.reuse is False
    with e.variable_scope(f) as f3:
        assert f3.reuse is True


def test_root_reuse_variables_is_permanent(e):
    """D4: reuse_variables() at the root: r1 does not exist; children reuse."""
    e.reuse_variables()
    with pytest.raises(TFValueError) as err:
        var(e, "r1")
    assert err.value.message.startswith("Variable r1 does not exist")
    with e.variable_scope("child") as c:
        assert c.reuse is True


def test_auto_reuse_creates_then_returns_same_object(e):
    """D5: AUTO_REUSE get-or-create returns the identical variable and adds no ops."""
    with e.variable_scope("auto", reuse=AUTO_REUSE):
        a = e.get_variable("a", (1,), initializer=Z)
        n = len(e.graph.ops)
        assert e.get_variable("a", (1,)) is a
        assert len(e.graph.ops) == n
    assert a.name == "auto/a:0"


def test_improper_nesting_is_detected():
    """C14: leaving an outer scope while an inner one is open -> RuntimeError."""
    from scopesim.errors import TFRuntimeError
    e = Engine()
    outer = e.variable_scope("bb")
    outer.__enter__()
    inner = e.variable_scope("cc")
    inner.__enter__()
    with pytest.raises(TFRuntimeError) as err:
        outer.__exit__(None, None, None)
    assert err.value.message == "Improper nesting of variable_scope."


# ------------------------------------------------- linear counters (no TF)


def test_scope_counts_match_a_flat_dict_model():
    """ScopeCounts gives the same counts as TensorFlow's flat dict under a random
    mix of opens, closes, snapshots and restores."""
    import random
    rng = random.Random(7)
    names = ["a", "a/b", "a/b/c", "a/", "a//x", "b", "a_1", "a/b_1", "", "/x"]
    fast, flat, stack = ScopeCounts(), {}, []
    for _ in range(3000):
        action = rng.random()
        name = rng.choice(names)
        if action < 0.4:
            fast.open(name)
            flat[name] = flat.get(name, 0) + 1
        elif action < 0.7:
            fast.close_subscopes(name)
            for k in flat:
                if k.startswith(name + "/"):
                    flat[k] = 0
        elif action < 0.8:
            stack.append((fast.snapshot(), dict(flat)))
        elif action < 0.9 and stack:
            mark, saved = stack.pop()
            fast.restore(mark)
            flat = saved
        else:
            parent = rng.choice(names)
            prefix = rng.choice(["a", "b", "x"])
            full = parent + "/" + prefix if parent else prefix
            if flat.get(full, 0) == 0:
                expected = prefix
            else:
                i = 1
                while flat.get("%s_%d" % (full, i), 0) > 0:
                    i += 1
                expected = "%s_%d" % (prefix, i)
            assert fast.unique_scope_name(parent, prefix) == expected
        for k in names:
            assert fast.get(k) == flat.get(k, 0), k
