"""variable_scope naming, default names, reuse (catalogue parts C and D).

Expected values are TensorFlow 2.21's, as recorded in the catalogue's probes
(p08-p13, p09, p21); each docstring names the rule.
"""

from oracle import T, cases, error, fresh, zeros

setup_function = fresh


def enter(*args, **kwargs):
    """(scope name, original_name_scope, current name scope) of an empty entry."""
    with T.variable_scope(*args, **kwargs) as s:
        return s.name, s.original_name_scope, T.get_default_graph().get_name_scope()


def var(name, shape=()):
    return T.get_variable(name, shape, initializer=zeros()).name


def name_scope():
    return T.get_default_graph().get_name_scope()


def constant_op(name):
    return T.constant(0.0, name=name).op.name


def test_string_scope_prefixes_variables_and_opens_name_scope():
    """C1: foo -> foo/v:0, op foo/c; nested bar -> foo/bar/v:0, tf.add -> foo/bar/Add."""
    with T.variable_scope("foo") as sc:
        assert (sc.name, sc.original_name_scope) == ("foo", "foo/")
        assert var("v") == "foo/v:0"
        assert T.constant(1.0, name="c").op.name == "foo/c"
        with T.variable_scope("bar") as sc2:
            assert (sc2.name, sc2.original_name_scope) == ("foo/bar", "foo/bar/")
            assert var("v") == "foo/bar/v:0"
            assert T.add(1.0, 2.0).op.name == "foo/bar/Add"


def test_reentering_string_scope_keeps_name_but_uniquifies_name_scope():
    """C2: second 'foo' -> name foo, ns foo_1/, its constant foo_1/c; reuse=True -> foo_2/."""
    enter("foo")
    with T.variable_scope("foo") as sc:
        assert (sc.name, sc.original_name_scope) == ("foo", "foo_1/")
        assert T.constant(1.0, name="c").op.name == "foo_1/c"
    assert enter("foo", reuse=True) == ("foo", "foo_2/", "foo_2")


def test_variable_scope_and_name_scope_diverge():
    """C3: ns > vs -> name vs, ns ns/vs/; after op 'taken' the scope 'taken' opens taken_1/."""
    with T.name_scope("ns"):
        with T.variable_scope("vs") as sc:
            assert (sc.name, sc.original_name_scope) == ("vs", "ns/vs/")
            assert var("v") == "vs/v:0"
            assert T.constant(0.0, name="op").op.name == "ns/vs/op"
    T.constant(0.0, name="taken")
    assert enter("taken") == ("taken", "taken_1/", "taken_1")


def test_scope_names_clash_case_insensitively_in_name_scopes_only():
    """C3: 'Case' then 'case' -> name case, ns case_1/, variable case/v:0."""
    enter("Case")
    with T.variable_scope("case") as sc:
        assert sc.original_name_scope == "case_1/"
        assert var("v") == "case/v:0"


def test_slash_inside_scope_name():
    """C4: 'p/q' -> p/q/v:0; later p > q(reuse) -> ns p/q_1/, same variable."""
    with T.variable_scope("p/q"):
        assert var("v") == "p/q/v:0"
    with T.variable_scope("p"):
        with T.variable_scope("q", reuse=True) as sc:
            assert (sc.name, sc.original_name_scope) == ("p/q", "p/q_1/")
            assert T.get_variable("v").name == "p/q/v:0"


def test_root_scope_defaults():
    """C5: the root scope: name '', reuse False, dtype float32; children inherit False."""
    root = T.get_variable_scope()
    assert (root.name, root.original_name_scope, root.reuse, root.dtype) == ("", "", False, "float32")
    with T.variable_scope("child") as c:
        assert c.reuse is False


def test_entering_scope_object_opens_last_component_name_scope():
    """C6: object 'outer' at top level -> ns outer_1, then outer_2; inside 'other' -> other/outer."""
    with T.variable_scope("outer") as outer:
        var("w")
    assert enter(outer) == ("outer", "outer/", "outer_1")
    with T.variable_scope(outer, reuse=True):
        assert name_scope() == "outer_2"
        assert T.get_variable("w").name == "outer/w:0"
    with T.variable_scope("other"):
        with T.variable_scope(outer, reuse=True):
            assert T.constant(0.0, name="op").op.name == "other/outer/op"
            with T.variable_scope("deeper") as s2:
                assert (s2.name, s2.original_name_scope) == ("outer/deeper", "other/outer/deeper/")
        assert enter(outer) == ("outer", "outer/", "other/outer_1")


def test_entering_nested_scope_object_uses_only_last_component():
    """C6: object x/y at top level -> ns y, then y_1; variables x/y/v."""
    with T.variable_scope("x"):
        with T.variable_scope("y") as xy:
            var("v")
    with T.variable_scope(xy, reuse=True):
        assert name_scope() == "y"
        assert T.get_variable("v").name == "x/y/v:0"
        assert T.constant(0.0, name="op").op.name == "y/op"
    assert enter(xy, reuse=True) == ("x/y", "x/y/", "y_1")


def test_entering_own_scope_object_nests_name_scope():
    """C6: 'self' > variable_scope(self_obj) -> name self, ns self/self."""
    with T.variable_scope("self") as me:
        assert enter(me) == ("self", "self/", "self/self")


def test_entering_root_scope_object_opens_no_name_scope():
    """C7: the root object opens no name scope: ops stay in the enclosing one."""
    root = T.get_variable_scope()
    with T.variable_scope(root):
        assert T.constant(0.0, name="rootop").op.name == "rootop"
    with T.name_scope("nsr"):
        with T.variable_scope(root) as s:
            assert (s.name, s.original_name_scope) == ("", "")
            assert var("rv") == "rv:0"
            assert T.constant(0.0, name="op").op.name == "nsr/op"


def test_empty_string_scope_nested_gives_double_slash():
    """C8: outer > '' -> name 'outer/', variable outer//v:0, ops in outer/."""
    with T.variable_scope("") as s:
        assert (s.name, s.original_name_scope) == ("", "")
        assert var("v") == "v:0"
    with T.variable_scope("outer"):
        with T.variable_scope("") as s:
            assert (s.name, s.original_name_scope) == ("outer/", "")
            assert var("v") == "outer//v:0"
            assert T.constant(0.0, name="op").op.name == "outer/op"
            with T.variable_scope("in") as s2:
                assert (s2.name, s2.original_name_scope) == ("outer//in", "outer/in/")


def test_empty_default_name_gets_suffix_the_second_time():
    """C8: variable_scope(None, '') -> name '' then '_1', name scope root."""
    assert enter(None, "") == ("", "", "")
    assert enter(None, "") == ("_1", "", "")


def test_trailing_slash_scope_is_absolute():
    """C9: 'ts/' -> original name scope ts/, variable ts//v:0, again not uniquified."""
    with T.variable_scope("ts/") as s:
        assert (s.name, s.original_name_scope, name_scope()) == ("ts/", "ts/", "ts")
        assert var("v") == "ts//v:0"
    assert enter("ts/")[1] == "ts/"


def test_default_name_uniquifies_variable_scope():
    """C10: (None,'layer') x2 -> layer, layer_1; string 'layer' -> ns layer_2/;
    then (None,'layer') -> layer_2 with ns layer_3/, then layer_3 (each of layer,
    layer_1, layer_2 has been entered)."""
    assert enter(None, "layer")[:2] == ("layer", "layer/")
    assert enter(None, "layer")[:2] == ("layer_1", "layer_1/")
    assert enter("layer")[:2] == ("layer", "layer_2/")
    assert enter(None, "layer")[:2] == ("layer_2", "layer_3/")
    assert enter(None, "layer")[:2] == ("layer_3", "layer_4/")


def test_default_name_after_op_of_same_name():
    """C10: op 'blk' then (None,'blk') -> blk with ns blk_1/, then blk_1 with blk_2/."""
    T.constant(0.0, name="blk")
    assert enter(None, "blk")[:2] == ("blk", "blk_1/")
    assert enter(None, "blk")[:2] == ("blk_1", "blk_2/")


def test_interleaved_default_prefixes_are_exact_keys():
    """C10 (testVarOpScopeUniqueNamesInterleavedSubstringScopes)."""
    names = []
    for prefix in ("defaultScope1", "defaultScope1", "defaultScope", "defaultScope1"):
        with T.variable_scope(None, prefix):
            with T.variable_scope(None, "layer"):
                names.append(var("w"))
    assert names == ["defaultScope1/layer/w:0", "defaultScope1_1/layer/w:0",
                     "defaultScope/layer/w:0", "defaultScope1_2/layer/w:0"]


def test_sub_scope_counters_restart_when_string_parent_reenters():
    """C10: P>(None,L) x2 -> P/L, P/L_1; after exiting P its sub-counters are 0:
    P/L, then P/L_1 again."""
    with T.variable_scope("P"):
        assert enter(None, "L")[0] == "P/L"
        assert enter(None, "L")[0] == "P/L_1"
    with T.variable_scope("P"):
        assert enter(None, "L")[:2] == ("P/L", "P_1/L/")
        assert enter(None, "L")[:2] == ("P/L_1", "P_1/L_1/")


def test_jump_into_scope_object_can_hand_out_a_default_name_twice():
    """C10: default>(None,layer) x2, then a jump into the default object makes
    default/layer_2, and after the jump default/layer_2 again."""
    with T.variable_scope(None, "default") as d:
        assert enter(None, "layer")[0] == "default/layer"
        assert enter(None, "layer")[0] == "default/layer_1"
        with T.variable_scope(d):
            assert enter(None, "layer")[:2] == ("default/layer_2", "default/default/layer/")
        assert enter(None, "layer")[:2] == ("default/layer_2", "default/layer_2/")


def test_empty_jump_continues_numbering():
    """C10 (testVarOpScopeUniqueNamesWithJump): an empty jump leaves layer_2 next."""
    with T.variable_scope("default") as d:
        enter(None, "layer")
        enter(None, "layer")
        with T.variable_scope(d):
            pass
        assert enter(None, "layer")[0] == "default/layer_2"


def test_object_reentry_restores_sub_counters_on_exit():
    """C10: Q>(None,L) -> Q/L; (Q obj)>(None,L) -> Q/L then Q/L_1; again -> Q/L, ns Q_2/L/."""
    with T.variable_scope("Q") as q:
        assert enter(None, "L")[0] == "Q/L"
    with T.variable_scope(q):
        assert enter(None, "L")[:2] == ("Q/L", "Q_1/L/")
        assert enter(None, "L")[:2] == ("Q/L_1", "Q_1/L_1/")
    with T.variable_scope(q):
        assert enter(None, "L")[:2] == ("Q/L", "Q_2/L/")


def test_counts_are_shared_by_string_and_default_entries():
    """C10: R>'k' then R>(None,'k') -> R/k_1; (None,a)>(None,a) -> a/a; ('given','ignored') -> given."""
    with T.variable_scope("R"):
        enter("k")
        assert enter(None, "k")[:2] == ("R/k_1", "R/k_1/")
    with T.variable_scope(None, "a"):
        assert enter(None, "a")[:2] == ("a/a", "a/a/")
    assert enter("given", "ignored")[:2] == ("given", "given/")


@cases("reuse", [True, T.AUTO_REUSE])
def test_default_name_with_reuse_is_an_error(reuse):
    """C10: variable_scope(None, 'dd', reuse=True/T.AUTO_REUSE) -> ValueError."""
    err = error(lambda: enter(None, "dd", reuse=reuse), ValueError)
    assert str(err) == "reuse=True cannot be used without a name_or_scope"


def test_scope_needs_name_or_default():
    """C10: variable_scope(None) -> TypeError."""
    err = error(lambda: enter(None), TypeError)
    assert str(err) == "If default_name is None then name_or_scope is required"


def test_scope_name_must_be_string_or_scope():
    """C10: variable_scope(3) -> TypeError at enter."""
    err = error(lambda: enter(3), TypeError)
    assert str(err) == "VariableScope: name_or_scope must be a string or VariableScope."


def test_aux_false_opens_no_name_scope():
    """C12: 'scope' auxiliary_name_scope=False at root: ns '', variable
    scope/w:0, const c; 'scope' stays free."""
    with T.variable_scope("scope", auxiliary_name_scope=False) as s:
        assert (s.name, s.original_name_scope, name_scope()) == ("scope", "", "")
        assert var("w") == "scope/w:0"
        assert T.constant(0.0, name="c").op.name == "c"
    with T.name_scope("scope") as n:
        assert n == "scope/"


def test_aux_false_nested_and_object():
    """C12: outer > inner auxiliary_name_scope=False -> orig outer/, op outer/c;
    the object entered with auxiliary_name_scope=False keeps orig."""
    with T.variable_scope("outer"):
        with T.variable_scope("inner", auxiliary_name_scope=False) as inner:
            assert (inner.name, inner.original_name_scope) == ("outer/inner", "outer/")
            assert T.constant(0.0, name="c").op.name == "outer/c"
        assert enter(inner, auxiliary_name_scope=False) == ("outer/inner", "outer/", "outer")
        with T.name_scope("inner") as n:
            assert n == "outer/inner/"


def test_aux_false_default_name():
    """C12: (None,'dflt') auxiliary_name_scope=False -> dflt then dflt_1, ns ''."""
    assert enter(None, "dflt", auxiliary_name_scope=False) == ("dflt", "", "")
    assert enter(None, "dflt", auxiliary_name_scope=False) == ("dflt_1", "", "")


def test_aux_false_parent_then_child():
    """C12: p(auxiliary_name_scope=False) > 'q' -> name p/q, original_name_scope q/."""
    with T.variable_scope("p", auxiliary_name_scope=False):
        assert enter("q") == ("p/q", "q/", "q")


# ------------------------------------------------------------------- reuse


def test_reuse_false_means_inherit():
    """D1: inside reuse=True, a child with reuse False/None stays True; T.AUTO_REUSE wins."""
    with T.variable_scope("a", reuse=True):
        with T.variable_scope("b") as s:
            assert s.reuse is True
        with T.variable_scope("b", reuse=False) as s:
            assert s.reuse is True
        with T.variable_scope("b", reuse=T.AUTO_REUSE) as s:
            assert s.reuse == T.AUTO_REUSE
    with T.variable_scope("c", reuse=T.AUTO_REUSE):
        with T.variable_scope("d") as s:
            assert s.reuse == T.AUTO_REUSE
        with T.variable_scope("d", reuse=True) as s:
            assert s.reuse is True


def test_object_entry_ignores_outer_reuse():
    """D2: reuse = obj.reuse if not arg else arg; outer(reuse=True) > obj creates variables."""
    with T.variable_scope("jump", reuse=True) as jr:
        pass
    with T.variable_scope(jr) as s:
        assert s.reuse is True
    with T.variable_scope(jr, reuse=False) as s:
        assert s.reuse is True
    with T.variable_scope("jump2") as jn:
        pass
    with T.variable_scope(jn, reuse=True) as s:
        assert s.reuse is True
    with T.variable_scope("outer", reuse=True):
        with T.variable_scope(jn) as s:
            assert s.reuse is False
            assert var("new_here") == "jump2/new_here:0"
        with T.variable_scope("strchild") as s:
            assert s.reuse is True


def test_default_name_scope_inherits_reuse():
    """D3: parent reuse=True -> default-name child reuse True, name e/dflt."""
    with T.variable_scope("e", reuse=True):
        with T.variable_scope(None, "dflt") as s:
            assert (s.name, s.reuse) == ("e/dflt", True)


def test_reuse_variables_mutates_the_current_scope_object():
    """D4: after reuse_variables(): get v works, new w fails; children reuse; string
    re-entry is a fresh object (False); the captured object stays True."""
    with T.variable_scope("f") as f:
        var("v")
        T.get_variable_scope().reuse_variables()
        assert f.reuse is True
        assert T.get_variable("v").name == "f/v:0"
        err = error(lambda: var("w"), ValueError)
        assert str(err) == (
            "Variable f/w does not exist, or was not created with tf.get_variable(). "
            "Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")
        with T.variable_scope("g") as g:
            assert g.reuse is True
    with T.variable_scope("f") as f2:
        assert f2.reuse is False
    with T.variable_scope(f) as f3:
        assert f3.reuse is True


def test_root_reuse_variables_is_permanent():
    """D4: reuse_variables() at the root: r1 does not exist; children reuse."""
    T.get_variable_scope().reuse_variables()
    err = error(lambda: var("r1"), ValueError)
    assert str(err).startswith("Variable r1 does not exist")
    with T.variable_scope("child") as c:
        assert c.reuse is True


def test_auto_reuse_creates_then_returns_same_object():
    """D5: T.AUTO_REUSE get-or-create returns the identical variable and adds no ops."""
    with T.variable_scope("auto", reuse=T.AUTO_REUSE):
        a = T.get_variable("a", (1,), initializer=zeros())
        n = len(T.get_default_graph().get_operations())
        assert T.get_variable("a", (1,)) is a
        assert len(T.get_default_graph().get_operations()) == n
    assert a.name == "auto/a:0"


def test_improper_nesting_is_detected():
    """C14: leaving an outer scope while an inner one is open -> RuntimeError."""
    outer = T.variable_scope("bb")
    outer.__enter__()
    inner = T.variable_scope("cc")
    inner.__enter__()
    err = error(lambda: outer.__exit__(None, None, None), RuntimeError)
    assert str(err) == "Improper nesting of variable_scope."
    inner.__exit__(None, None, None)
    outer.__exit__(None, None, None)
    assert T.get_variable_scope().name == ""


