"""get_variable, tf.Variable and the ops they create (catalogue parts E, F, G).

Expected values are TensorFlow 2.21's (catalogue probes p05, p06, p07, p14,
p22, p23, p24, and the probes in tests/engine/tf_probes/).
"""

import pytest

from scopesim.engine.engine import Engine
from scopesim.engine.scopes import AUTO_REUSE
from scopesim.errors import TFTypeError, TFValueError

Z = ("zeros", None)

GLOROT_OPS = [
    ("w/Initializer/random_uniform/shape", "Const"),
    ("w/Initializer/random_uniform/min", "Const"),
    ("w/Initializer/random_uniform/max", "Const"),
    ("w/Initializer/random_uniform/RandomUniform", "RandomUniform"),
    ("w/Initializer/random_uniform/sub", "Sub"),
    ("w/Initializer/random_uniform/mul", "Mul"),
    ("w/Initializer/random_uniform", "AddV2"),
    ("w", "VariableV2"), ("w/Assign", "Assign"), ("w/read", "Identity"),
]


@pytest.fixture
def e():
    return Engine()


def ops(e):
    return [(op.name, op.type) for op in e.graph.ops]


def names(e):
    return [op.name for op in e.graph.ops]


def test_get_variable_default_initializer_is_glorot_uniform(e):
    """E4 / p00: a float variable's ops, in order."""
    assert e.get_variable("w", (2, 3)).name == "w:0"
    assert ops(e) == GLOROT_OPS


@pytest.mark.parametrize("init,expected", [
    (("zeros", None), [("w/Initializer/zeros", "Const")]),
    (("ones", None), [("w/Initializer/ones", "Const")]),
    (("constant", 0.5), [("w/Initializer/Const", "Const")]),
    (("random_normal", None), [
        ("w/Initializer/random_normal/shape", "Const"), ("w/Initializer/random_normal/mean", "Const"),
        ("w/Initializer/random_normal/stddev", "Const"),
        ("w/Initializer/random_normal/RandomStandardNormal", "RandomStandardNormal"),
        ("w/Initializer/random_normal/mul", "Mul"), ("w/Initializer/random_normal", "AddV2")]),
    (("truncated_normal", None), [
        ("w/Initializer/truncated_normal/shape", "Const"),
        ("w/Initializer/truncated_normal/mean", "Const"),
        ("w/Initializer/truncated_normal/stddev", "Const"),
        ("w/Initializer/truncated_normal/TruncatedNormal", "TruncatedNormal"),
        ("w/Initializer/truncated_normal/mul", "Mul"), ("w/Initializer/truncated_normal", "AddV2")]),
    (("glorot_normal", None), [
        ("w/Initializer/truncated_normal/shape", "Const"),
        ("w/Initializer/truncated_normal/mean", "Const"),
        ("w/Initializer/truncated_normal/stddev", "Const"),
        ("w/Initializer/truncated_normal/TruncatedNormal", "TruncatedNormal"),
        ("w/Initializer/truncated_normal/mul", "Mul"), ("w/Initializer/truncated_normal", "AddV2")]),
    (("random_uniform", None), GLOROT_OPS[:7]),
])
def test_initializer_ops(e, init, expected):
    """E4: each initializer's ops under w/Initializer/, then w, w/Assign, w/read."""
    e.get_variable("w", (2,), initializer=init)
    assert ops(e) == expected + GLOROT_OPS[7:]


@pytest.mark.parametrize("init", ["zeros", "ones"])
def test_zeros_and_ones_use_fill_from_1000_elements(e, init):
    """E4: [999] -> one Const; [1000] -> shape_as_tensor, Const, Fill."""
    e.get_variable("a", (999,), initializer=(init, None))
    e.get_variable("b", (1000,), initializer=(init, None))
    assert ops(e)[0] == (f"a/Initializer/{init}", "Const")
    assert ops(e)[4:7] == [(f"b/Initializer/{init}/shape_as_tensor", "Const"),
                           (f"b/Initializer/{init}/Const", "Const"),
                           (f"b/Initializer/{init}", "Fill")]


@pytest.mark.parametrize("dtype", ["int32", "int64", "bool"])
def test_default_initializer_of_non_floats_is_zeros(e, dtype):
    """E4: integer and bool variables default to zeros; dtype recorded as given."""
    v = e.get_variable("w", (2,), dtype=dtype)
    assert ops(e)[0] == ("w/Initializer/zeros", "Const")
    assert v._dt == dtype


@pytest.mark.parametrize("init,dtype,message,created", [
    ("glorot_uniform", "int32", "Expected int32, but got -1.224744871391589 of type 'float'.",
     ["w/Initializer/random_uniform/shape"]),
    ("random_normal", "int64", "Expected int64, but got 0.0 of type 'float'.",
     ["w/Initializer/random_normal/shape"]),
    ("truncated_normal", "bool", "Expected bool, but got 0.0 of type 'float'.",
     ["w/Initializer/truncated_normal/shape"]),
    ("glorot_normal", "int32", "Expected int32, but got 0.0 of type 'float'.",
     ["w/Initializer/truncated_normal/shape"]),
])
def test_random_initializer_with_non_float_dtype_fails_after_shape_const(e, init, dtype, message, created):
    """Probe: a random initializer of an integer/bool dtype creates `shape`, then fails."""
    with pytest.raises(TFTypeError) as err:
        e.get_variable("w", (2,), dtype=dtype, initializer=(init, None))
    assert err.value.message == message
    assert names(e) == created
    assert e.global_variables == []


@pytest.mark.parametrize("init,dtype,message", [
    ("random_uniform", "int32", "Must specify maxval for integer dtype tf.int32"),
    ("glorot_uniform", "bool", "Argument `dtype` got invalid value <dtype: 'bool'>. Accepted "
     "dtypes are (tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int32, tf.int64)."),
])
def test_uniform_initializer_dtype_errors_create_no_op(e, init, dtype, message):
    """Probe: these dtype checks come before any op."""
    with pytest.raises(TFValueError) as err:
        e.get_variable("w", (2,), dtype=dtype, initializer=(init, None))
    assert err.value.message == message
    assert names(e) == []


def test_constant_initializer_float_into_int_fails_before_any_op(e):
    """Probe: constant_initializer(0.5) with int32 -> TypeError, no op."""
    with pytest.raises(TFTypeError) as err:
        e.get_variable("w", (2,), dtype="int32", initializer=("constant", 0.5))
    assert err.value.message == "Expected int32, but got 0.5 of type 'float'."
    assert names(e) == []


def test_failed_creation_inside_name_scope_consumes_the_name(e):
    """A failed initializer left `w` marked, so a retry's op is w_1 (store key w)."""
    with pytest.raises(TFTypeError):
        e.get_variable("w", (2,), dtype="int32", initializer=("random_normal", None))
    v = e.get_variable("w", (2,), dtype="int32")
    assert (v.name, v.store_key) == ("w_1:0", "w")


def test_get_variable_ignores_name_scope(e):
    """E1: inside name_scope ns_outer -> in_ns:0; vsx > ns_inner -> vsx/in_vs_ns:0."""
    with e.name_scope("ns_outer"):
        assert e.get_variable("in_ns", (1,), initializer=Z).name == "in_ns:0"
    with e.variable_scope("vsx"):
        with e.name_scope("ns_inner"):
            assert e.get_variable("in_vs_ns", (1,), initializer=Z).name == "vsx/in_vs_ns:0"
    assert names(e)[-4:] == ["vsx/in_vs_ns/Initializer/zeros", "vsx/in_vs_ns",
                             "vsx/in_vs_ns/Assign", "vsx/in_vs_ns/read"]


def test_slash_in_variable_name_is_part_of_full_name(e):
    """E1: get_variable('a/b') at root is the variable b of scope a."""
    v = e.get_variable("a/b", (), initializer=Z)
    with e.variable_scope("a", reuse=True):
        assert e.get_variable("b") is v
    assert v.name == "a/b:0"


def test_variable_op_name_is_uniquified_at_root(e):
    """E2: tf.Variable s/v then get_variable v in s -> s/v_1:0 stored under s/v."""
    with e.variable_scope("s"):
        tv = e.new_variable("v", (), init="zeros")
    with e.variable_scope("s"):
        gv = e.get_variable("v", (), initializer=Z)
    with e.variable_scope("s", reuse=True):
        assert e.get_variable("v") is gv
    assert (tv.name, gv.name, gv.store_key) == ("s/v:0", "s/v_1:0", "s/v")
    assert list(e.store.vars) == ["s/v"]


def test_get_variable_collides_with_existing_ops_and_name_scopes(e):
    """E2 B/C/D/E/H: w_1, x_1, y_1 (case), name_scope u -> u_1/, k_2."""
    with e.name_scope("w"):
        e.constant(1.0, name="c")
    assert e.get_variable("w", (), initializer=Z).name == "w_1:0"
    e.constant(1.0, name="x")
    assert e.get_variable("x", (), initializer=Z).name == "x_1:0"
    e.constant(1.0, name="Y")
    assert e.get_variable("y", (), initializer=Z).name == "y_1:0"
    e.get_variable("u", (), initializer=Z)
    with e.name_scope("u") as s:
        assert s == "u_1/"
    e.new_variable("k", (), init="zeros")
    assert e.get_variable("k_1", (), initializer=Z).name == "k_1:0"
    assert e.get_variable("k", (), initializer=Z).name == "k_2:0"


def test_variable_names_clash_case_insensitively(e):
    """p22 #1/#2: W then w -> W:0, w_1:0; scopes A, a -> A/v:0, a/v_1:0."""
    assert e.get_variable("W", (), initializer=Z).name == "W:0"
    assert e.get_variable("w", (), initializer=Z).name == "w_1:0"
    with e.variable_scope("A"):
        assert e.get_variable("v", (), initializer=Z).name == "A/v:0"
    with e.variable_scope("a"):
        assert e.get_variable("v", (), initializer=Z).name == "a/v_1:0"


def test_variable_named_like_operator_op(e):
    """p22 #3: get_variable add -> add:0, then x + y -> add_1."""
    x = e.get_variable("add", (), initializer=Z)
    assert x.name == "add:0"
    assert e.binary("+", x, x).name == "add_1:0"


def test_trailing_slash_variable_is_absolute_and_later_clashes(e):
    """E3: get_variable('tr/') -> tr:0; get_variable('tr') -> Duplicate node name,
    leaving tr/Initializer_1/zeros; a retry -> tr_1:0."""
    assert e.get_variable("tr/", (), initializer=Z).name == "tr:0"
    before = len(e.graph.ops)
    with pytest.raises(TFValueError) as err:
        e.get_variable("tr", (), initializer=Z)
    assert err.value.message == "Duplicate node name in graph: 'tr'"
    assert names(e)[before:] == ["tr/Initializer_1/zeros"]
    assert "tr" not in e.store.vars
    assert e.get_variable("tr", (), initializer=Z).name == "tr_1:0"


def test_user_ops_named_like_variable_internals_get_uniquified(e):
    """E6: user ops v/read, v/Assign, v/Initializer/zeros first -> the variable's
    internals become v/Initializer/zeros_1, v/Assign_1, v/read_1."""
    for n in ("v/read", "v/Assign", "v/Initializer/zeros"):
        e.constant(0.0, name=n)
    e.get_variable("v", (), initializer=Z)
    assert names(e)[3:] == ["v/Initializer/zeros_1", "v", "v/Assign_1", "v/read_1"]
    assert e.constant(0.0, name="v/read").op.name == "v/read_2"
    assert e.constant(0.0, name="v/Initializer").op.name == "v/Initializer_1"


def test_user_initializer_op_pushes_variable_initializer_scope(e):
    """E6: op w/Initializer first -> w/Initializer_1/random_uniform/..."""
    e.constant(0.0, name="w/Initializer")
    e.get_variable("w", ())
    assert names(e)[1] == "w/Initializer_1/random_uniform/shape"
    assert names(e)[7] == "w/Initializer_1/random_uniform"


# ------------------------------------------------------------------- errors


def test_already_exists_message(e):
    """F1: reuse False on an existing name -> the message, 'Originally defined at:', a
    blank line and the origin (TensorFlow's traceback; here the origin as given)."""
    e.get_variable("v", (1,), origin="here")
    with pytest.raises(TFValueError) as err:
        e.get_variable("v", (1,))
    assert err.value.message == (
        "Variable v already exists, disallowed. Did you mean to set reuse=True or "
        "reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\nhere")
    assert err.value.fields["origin"] == "here"


def test_already_exists_creates_no_op(e):
    """F1 / p23: the check happens before any op is created."""
    e.get_variable("v", (1,))
    n = len(e.graph.ops)
    with pytest.raises(TFValueError):
        e.get_variable("v", (1,))
    assert len(e.graph.ops) == n


def test_does_not_exist_message(e):
    """F2: reuse True on a missing name."""
    with e.variable_scope("s", reuse=True):
        with pytest.raises(TFValueError) as err:
            e.get_variable("nope", (1,))
    assert err.value.message == (
        "Variable s/nope does not exist, or was not created with tf.get_variable(). "
        "Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")


@pytest.mark.parametrize("shape,text", [((2,), "(2,)"), ((1, 1), "(1, 1)"), ((), "()")])
def test_shape_mismatch_on_reuse(e, shape, text):
    """F3: TensorShape formatting in the message."""
    e.get_variable("v", (1,))
    e.reuse_variables()
    with pytest.raises(TFValueError) as err:
        e.get_variable("v", shape)
    assert err.value.message == (
        f"Trying to share variable v, but specified shape {text} and found shape (1,).")


@pytest.mark.parametrize("shape", [None, (None,), (1,)])
def test_compatible_shapes_on_reuse(e, shape):
    """F3: no shape or a compatible partial shape is accepted on reuse."""
    v = e.get_variable("v", (1,))
    e.reuse_variables()
    assert e.get_variable("v", shape) is v


def test_shape_mismatch_under_auto_reuse(e):
    """F3: same message under AUTO_REUSE."""
    with e.variable_scope("auto", reuse=AUTO_REUSE):
        e.get_variable("a", (1,))
        with pytest.raises(TFValueError) as err:
            e.get_variable("a", (3,))
    assert err.value.message == (
        "Trying to share variable auto/a, but specified shape (3,) and found shape (1,).")


@pytest.mark.parametrize("dtype", ["int32", "float64"])
def test_dtype_mismatch_on_reuse_names_the_ref_dtype(e, dtype):
    """F4: found dtype of a RefVariable is float32_ref."""
    e.get_variable("v", (1,))
    e.reuse_variables()
    with pytest.raises(TFValueError) as err:
        e.get_variable("v", (1,), dtype=dtype)
    assert err.value.message == (
        f"Trying to share variable v, but specified dtype {dtype} and found dtype float32_ref.")


def test_no_shape_no_initializer(e):
    """F5: a new variable needs a shape."""
    with pytest.raises(TFValueError) as err:
        e.get_variable("noshape")
    assert err.value.message == (
        "Variable noshape did not get an initializer, so its `shape` argument must be specified.")


@pytest.mark.parametrize("shape,init", [((None, 3), None), ((None, 3), Z), (None, Z)])
def test_partial_shape_on_creation(e, shape, init):
    """F5: a shape that is not fully defined cannot be initialized."""
    with pytest.raises(TFValueError) as err:
        e.get_variable("w", shape, initializer=init)
    assert err.value.message == (
        "The initializer passed is not valid. It should be a callable with no arguments and "
        "the shape should not be provided or an instance of `tf.keras.initializers.*' and "
        "`shape` should be fully defined.")
    assert names(e) == []


def test_partitioned_name_found_without_partitioner(e):
    """_true_getter: a variable named v/part_0 blocks get_variable('v')."""
    e.get_variable("v/part_0", (1,))
    with pytest.raises(TFValueError) as err:
        e.get_variable("v", (1,))
    assert err.value.message == (
        "No partitioner was provided, but a partitioned version of the variable was found: "
        "v/part_0. Perhaps a variable of the same name was already created with partitioning?")


def test_scope_dtype_and_initializer_are_inherited(e):
    """C13: a child of a scope with dtype/initializer uses them."""
    with e.variable_scope("p", dtype="float16", initializer=("ones", None)):
        with e.variable_scope("c"):
            v = e.get_variable("v", (1,))
    assert (v.name, v._dt) == ("p/c/v:0", "float16")
    assert names(e)[0] == "p/c/v/Initializer/ones"


def test_scope_object_reentry_keeps_dtype_unless_overridden(e):
    """C6: captured dtype used on re-entry; an override applies to that entry only."""
    with e.variable_scope("snap", dtype="float16", initializer=("ones", None)) as snap:
        pass
    with e.variable_scope(snap):
        assert e.get_variable("v", (1,))._dt == "float16"
    with e.variable_scope(snap, dtype="float64"):
        assert e.get_variable("w", (1,))._dt == "float64"
    assert snap.dtype == "float16"


# -------------------------------------------------------------- tf.Variable


def test_tf_variable_default_name_and_uniquification(e):
    """G1: Variable, Variable_1, v, v_1; ns/v; vs/v, vs_1/v, vs_2/v (reuse irrelevant)."""
    assert e.new_variable(None, ()).name == "Variable:0"
    assert e.new_variable(None, ()).name == "Variable_1:0"
    assert e.new_variable("v", ()).name == "v:0"
    assert e.new_variable("v", ()).name == "v_1:0"
    with e.name_scope("ns"):
        assert e.new_variable("v", ()).name == "ns/v:0"
    for expected, reuse in (("vs/v:0", None), ("vs_1/v:0", None), ("vs_2/v:0", True)):
        with e.variable_scope("vs", reuse=reuse):
            assert e.new_variable("v", ()).name == expected
    assert e.store.vars == {}


def test_tf_variable_ops_build_initial_value_first(e):
    """Probe: T.Variable(T.random_normal([2, 3]), name='v1') -> random_normal ops, then v1."""
    e.new_variable("v1", (2, 3))
    assert ops(e) == [
        ("random_normal/shape", "Const"), ("random_normal/mean", "Const"),
        ("random_normal/stddev", "Const"),
        ("random_normal/RandomStandardNormal", "RandomStandardNormal"),
        ("random_normal/mul", "Mul"), ("random_normal", "AddV2"),
        ("v1", "VariableV2"), ("v1/Assign", "Assign"), ("v1/read", "Identity")]
    assert {op.owner for op in e.graph.ops} == {"v1"}


def test_tf_variable_truncated_normal_initial_value(e):
    """Probe (verify): T.Variable(T.truncated_normal([2])) -> truncated_normal/{shape,mean,
    stddev,TruncatedNormal,mul}, truncated_normal (AddV2), then the variable."""
    e.new_variable("v", (2,), init="truncated_normal")
    assert ops(e)[:6] == [
        ("truncated_normal/shape", "Const"), ("truncated_normal/mean", "Const"),
        ("truncated_normal/stddev", "Const"), ("truncated_normal/TruncatedNormal", "TruncatedNormal"),
        ("truncated_normal/mul", "Mul"), ("truncated_normal", "AddV2")]


def test_tf_variable_zeros_uses_fill_from_1000_elements(e):
    """Probe: T.Variable(T.zeros([1000])) -> zeros/shape_as_tensor, zeros/Const, zeros (Fill)."""
    e.new_variable("v", (1000,), init="zeros")
    assert ops(e)[:3] == [("zeros/shape_as_tensor", "Const"), ("zeros/Const", "Const"),
                          ("zeros", "Fill")]


def test_tf_variable_is_not_in_the_store(e):
    """G2: get_variable in a reuse scope does not see a tf.Variable; names still clash."""
    e.new_variable("v", ())
    e.new_variable("v", ())
    with e.variable_scope("", reuse=True):
        with pytest.raises(TFValueError) as err:
            e.get_variable("v")
    assert err.value.message.startswith("Variable v does not exist")
    assert e.get_variable("v", ()).name == "v_2:0"
    assert e.new_variable("v", ()).name == "v_3:0"


def test_tf_variable_invalid_name(e):
    """A9: tf.Variable(name='_tv') -> root scope message."""
    with pytest.raises(TFValueError) as err:
        e.new_variable("_tv", ())
    assert err.value.message.startswith("'_tv' is not a valid root scope name.")


def test_get_variable_checks_the_full_name_at_root(e):
    """A9: '_v' fails at root but vs2/_v is fine."""
    with pytest.raises(TFValueError):
        e.get_variable("_v", (1,))
    with e.variable_scope("vs2"):
        assert e.get_variable("_v", (1,)).name == "vs2/_v:0"


# -------------------------------------------------------------- collections


def test_collections_order_and_scope_regex(e):
    """J1/J2: global order of creation; trainable excludes trainable=False; re.match prefix."""
    e.get_variable("a", ())
    e.get_variable("b", (), trainable=False)
    for scope in ("foo", "foo_", "foobar"):
        with e.variable_scope(scope):
            e.get_variable("a", ())
    with e.variable_scope("foo"):
        e.get_variable("b", (), trainable=False)
    with e.name_scope("foo"):
        e.new_variable("tv", ())
    assert [v.name for v in e.variables("foo")] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo/b:0", "foo_2/tv:0"]
    assert [v.name for v in e.variables("foo/")] == ["foo/a:0", "foo/b:0"]
    assert [v.name for v in e.variables("foo", trainable_only=True)] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo_2/tv:0"]
    assert [v.name for v in e.variables("oo")] == []
    assert [v.name for v in e.variables(".*foo")] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo/b:0", "foo_2/tv:0"]
