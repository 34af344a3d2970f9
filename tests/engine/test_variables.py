"""get_variable, tf.Variable and the ops they create (catalogue parts E, F, G).

Expected values are TensorFlow 2.21's (catalogue probes p05, p06, p07, p14,
p22, p23, p24, and the probes in tests/engine/tf_probes/).
"""

from oracle import ORACLE, T, cases, error, fresh, op_names, ops, zeros

setup_function = fresh

#: The initializers of the tests, by the name of their function in tf.compat.v1.
INITIALIZERS = {"zeros": "zeros_initializer", "ones": "ones_initializer",
                "constant": "constant_initializer", "random_normal": "random_normal_initializer",
                "truncated_normal": "truncated_normal_initializer",
                "glorot_normal": "glorot_normal_initializer",
                "random_uniform": "random_uniform_initializer",
                "glorot_uniform": "glorot_uniform_initializer"}


def make(spec):
    """The initializer of `(name, argument)` (None: no argument), or None."""
    if spec is None:
        return None
    name, arg = spec
    return getattr(T, INITIALIZERS[name])(*(() if arg is None else (arg,)))


def as_dtype(name):
    return getattr(T, name)


def base_dtype(v) -> str:
    return v.dtype.base_dtype.name


def new_variable(name, shape, init="random_normal"):
    """`tf.Variable(tf.<init>(shape), name=name)`."""
    return T.Variable(getattr(T, init)(list(shape)), name=name)

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


def test_get_variable_default_initializer_is_glorot_uniform():
    """E4 / p00: a float variable's ops, in order."""
    assert T.get_variable("w", (2, 3)).name == "w:0"
    assert ops() == GLOROT_OPS


@cases("init,expected", [
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
def test_initializer_ops(init, expected):
    """E4: each initializer's ops under w/Initializer/, then w, w/Assign, w/read."""
    T.get_variable("w", (2,), initializer=make(init))
    assert ops() == expected + GLOROT_OPS[7:]


@cases("init", ["zeros", "ones"])
def test_zeros_and_ones_use_fill_from_1000_elements(init):
    """E4: [999] -> one Const; [1000] -> shape_as_tensor, Const, Fill."""
    T.get_variable("a", (999,), initializer=make((init, None)))
    T.get_variable("b", (1000,), initializer=make((init, None)))
    assert ops()[0] == (f"a/Initializer/{init}", "Const")
    assert ops()[4:7] == [(f"b/Initializer/{init}/shape_as_tensor", "Const"),
                           (f"b/Initializer/{init}/Const", "Const"),
                           (f"b/Initializer/{init}", "Fill")]


@cases("dtype", ["int32", "int64", "bool"])
def test_default_initializer_of_non_floats_is_zeros(dtype):
    """E4: integer and bool variables default to zeros; dtype recorded as given."""
    v = T.get_variable("w", (2,), dtype=as_dtype(dtype))
    assert ops()[0] == ("w/Initializer/zeros", "Const")
    assert base_dtype(v) == dtype


@cases("init,dtype,message,created", [
    ("glorot_uniform", "int32", "Expected int32, but got -1.224744871391589 of type 'float'.",
     ["w/Initializer/random_uniform/shape"]),
    ("random_normal", "int64", "Expected int64, but got 0.0 of type 'float'.",
     ["w/Initializer/random_normal/shape"]),
    ("truncated_normal", "bool", "Expected bool, but got 0.0 of type 'float'.",
     ["w/Initializer/truncated_normal/shape"]),
    ("glorot_normal", "int32", "Expected int32, but got 0.0 of type 'float'.",
     ["w/Initializer/truncated_normal/shape"]),
])
def test_random_initializer_with_non_float_dtype_fails_after_shape_const(init, dtype, message, created):
    """Probe: a random initializer of an integer/bool dtype creates `shape`, then fails."""
    err = error(lambda: T.get_variable("w", (2,), dtype=as_dtype(dtype),
                                       initializer=make((init, None))), TypeError)
    assert str(err) == message
    assert op_names() == created
    assert T.global_variables() == []


@cases("init,dtype,message", [
    ("random_uniform", "int32", "Must specify maxval for integer dtype tf.int32"),
    ("glorot_uniform", "bool", "Argument `dtype` got invalid value <dtype: 'bool'>. Accepted "
     "dtypes are (tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int32, tf.int64)."),
])
def test_uniform_initializer_dtype_errors_create_no_op(init, dtype, message):
    """Probe: these dtype checks come before any op."""
    err = error(lambda: T.get_variable("w", (2,), dtype=as_dtype(dtype),
                                       initializer=make((init, None))), ValueError)
    assert str(err) == message
    assert op_names() == []


def test_constant_initializer_float_into_int_fails_before_any_op():
    """Probe: constant_initializer(0.5) with int32 -> TypeError, no op."""
    err = error(lambda: T.get_variable("w", (2,), dtype=T.int32,
                                       initializer=make(("constant", 0.5))), TypeError)
    assert str(err) == "Expected int32, but got 0.5 of type 'float'."
    assert op_names() == []


def test_failed_creation_inside_name_scope_consumes_the_name():
    """A failed initializer left `w` marked, so a retry's op is w_1 (store key w)."""
    error(lambda: T.get_variable("w", (2,), dtype=T.int32,
                                 initializer=make(("random_normal", None))), TypeError)
    v = T.get_variable("w", (2,), dtype=T.int32)
    assert v.name == "w_1:0"
    with T.variable_scope(T.get_variable_scope(), reuse=True):
        assert T.get_variable("w", dtype=T.int32) is v


def test_get_variable_ignores_name_scope():
    """E1: inside name_scope ns_outer -> in_ns:0; vsx > ns_inner -> vsx/in_vs_ns:0."""
    with T.name_scope("ns_outer"):
        assert T.get_variable("in_ns", (1,), initializer=zeros()).name == "in_ns:0"
    with T.variable_scope("vsx"):
        with T.name_scope("ns_inner"):
            assert T.get_variable("in_vs_ns", (1,), initializer=zeros()).name == "vsx/in_vs_ns:0"
    assert op_names()[-4:] == ["vsx/in_vs_ns/Initializer/zeros", "vsx/in_vs_ns",
                             "vsx/in_vs_ns/Assign", "vsx/in_vs_ns/read"]


def test_slash_in_variable_name_is_part_of_full_name():
    """E1: get_variable('a/b') at root is the variable b of scope a."""
    v = T.get_variable("a/b", (), initializer=zeros())
    with T.variable_scope("a", reuse=True):
        assert T.get_variable("b") is v
    assert v.name == "a/b:0"


def test_variable_op_name_is_uniquified_at_root():
    """E2: tf.Variable s/v then get_variable v in s -> s/v_1:0 stored under s/v."""
    with T.variable_scope("s"):
        tv = new_variable("v", (), init="zeros")
    with T.variable_scope("s"):
        gv = T.get_variable("v", (), initializer=zeros())
    with T.variable_scope("s", reuse=True):
        assert T.get_variable("v") is gv
    assert (tv.name, gv.name) == ("s/v:0", "s/v_1:0")


def test_get_variable_collides_with_existing_ops_and_name_scopes():
    """E2 B/C/D/E/H: w_1, x_1, y_1 (case), name_scope u -> u_1/, k_2."""
    with T.name_scope("w"):
        T.constant(1.0, name="c")
    assert T.get_variable("w", (), initializer=zeros()).name == "w_1:0"
    T.constant(1.0, name="x")
    assert T.get_variable("x", (), initializer=zeros()).name == "x_1:0"
    T.constant(1.0, name="Y")
    assert T.get_variable("y", (), initializer=zeros()).name == "y_1:0"
    T.get_variable("u", (), initializer=zeros())
    with T.name_scope("u") as s:
        assert s == "u_1/"
    new_variable("k", (), init="zeros")
    assert T.get_variable("k_1", (), initializer=zeros()).name == "k_1:0"
    assert T.get_variable("k", (), initializer=zeros()).name == "k_2:0"


def test_variable_names_clash_case_insensitively():
    """p22 #1/#2: W then w -> W:0, w_1:0; scopes A, a -> A/v:0, a/v_1:0."""
    assert T.get_variable("W", (), initializer=zeros()).name == "W:0"
    assert T.get_variable("w", (), initializer=zeros()).name == "w_1:0"
    with T.variable_scope("A"):
        assert T.get_variable("v", (), initializer=zeros()).name == "A/v:0"
    with T.variable_scope("a"):
        assert T.get_variable("v", (), initializer=zeros()).name == "a/v_1:0"


def test_variable_named_like_operator_op():
    """p22 #3: get_variable add -> add:0, then x + y -> add_1."""
    x = T.get_variable("add", (), initializer=zeros())
    assert x.name == "add:0"
    assert (x + x).name == "add_1:0"


def test_trailing_slash_variable_is_absolute_and_later_clashes():
    """E3: get_variable('tr/') -> tr:0; get_variable('tr') -> Duplicate node name,
    leaving tr/Initializer_1/zeros; a retry -> tr_1:0."""
    assert T.get_variable("tr/", (), initializer=zeros()).name == "tr:0"
    before = len(ops())
    err = error(lambda: T.get_variable("tr", (), initializer=zeros()), ValueError)
    assert str(err) == "Duplicate node name in graph: 'tr'"
    assert op_names()[before:] == ["tr/Initializer_1/zeros"]
    assert T.get_variable("tr", (), initializer=zeros()).name == "tr_1:0"


def test_user_ops_named_like_variable_internals_get_uniquified():
    """E6: user ops v/read, v/Assign, v/Initializer/zeros first -> the variable's
    internals become v/Initializer/zeros_1, v/Assign_1, v/read_1."""
    for n in ("v/read", "v/Assign", "v/Initializer/zeros"):
        T.constant(0.0, name=n)
    T.get_variable("v", (), initializer=zeros())
    assert op_names()[3:] == ["v/Initializer/zeros_1", "v", "v/Assign_1", "v/read_1"]
    assert T.constant(0.0, name="v/read").op.name == "v/read_2"
    assert T.constant(0.0, name="v/Initializer").op.name == "v/Initializer_1"


def test_user_initializer_op_pushes_variable_initializer_scope():
    """E6: op w/Initializer first -> w/Initializer_1/random_uniform/..."""
    T.constant(0.0, name="w/Initializer")
    T.get_variable("w", ())
    assert op_names()[1] == "w/Initializer_1/random_uniform/shape"
    assert op_names()[7] == "w/Initializer_1/random_uniform"


# ------------------------------------------------------------------- errors


def test_already_exists_message():
    """F1: reuse False on an existing name -> the message, 'Originally defined at:', a
    blank line and where the variable was made (TensorFlow's traceback; under
    scopesim what the origin hook returned when it was made)."""
    if not ORACLE:
        from scopesim.tf import runtime
        runtime.set_origin_hook(lambda: "here")
    T.get_variable("v", (1,))
    err = error(lambda: T.get_variable("v", (1,)), ValueError)
    assert str(err).startswith(
        "Variable v already exists, disallowed. Did you mean to set reuse=True or "
        "reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n")
    assert ORACLE or str(err).endswith("Originally defined at:\n\nhere")


def test_already_exists_creates_no_op():
    """F1 / p23: the check happens before any op is created."""
    T.get_variable("v", (1,))
    n = len(ops())
    error(lambda: T.get_variable("v", (1,)), ValueError)
    assert len(ops()) == n


def test_does_not_exist_message():
    """F2: reuse True on a missing name."""
    with T.variable_scope("s", reuse=True):
        err = error(lambda: T.get_variable("nope", (1,)), ValueError)
    assert str(err) == (
        "Variable s/nope does not exist, or was not created with tf.get_variable(). "
        "Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")


@cases("shape,text", [((2,), "(2,)"), ((1, 1), "(1, 1)"), ((), "()")])
def test_shape_mismatch_on_reuse(shape, text):
    """F3: TensorShape formatting in the message."""
    T.get_variable("v", (1,))
    T.get_variable_scope().reuse_variables()
    err = error(lambda: T.get_variable("v", shape), ValueError)
    assert str(err) == (
        f"Trying to share variable v, but specified shape {text} and found shape (1,).")


@cases("shape", [None, (None,), (1,)])
def test_compatible_shapes_on_reuse(shape):
    """F3: no shape or a compatible partial shape is accepted on reuse."""
    v = T.get_variable("v", (1,))
    T.get_variable_scope().reuse_variables()
    assert T.get_variable("v", shape) is v


def test_shape_mismatch_under_auto_reuse():
    """F3: same message under T.AUTO_REUSE."""
    with T.variable_scope("auto", reuse=T.AUTO_REUSE):
        T.get_variable("a", (1,))
        err = error(lambda: T.get_variable("a", (3,)), ValueError)
    assert str(err) == (
        "Trying to share variable auto/a, but specified shape (3,) and found shape (1,).")


@cases("dtype", ["int32", "float64"])
def test_dtype_mismatch_on_reuse_names_the_ref_dtype(dtype):
    """F4: found dtype of a RefVariable is float32_ref."""
    T.get_variable("v", (1,))
    T.get_variable_scope().reuse_variables()
    err = error(lambda: T.get_variable("v", (1,), dtype=as_dtype(dtype)), ValueError)
    assert str(err) == (
        f"Trying to share variable v, but specified dtype {dtype} and found dtype float32_ref.")


def test_no_shape_no_initializer():
    """F5: a new variable needs a shape."""
    err = error(lambda: T.get_variable("noshape"), ValueError)
    assert str(err) == (
        "Variable noshape did not get an initializer, so its `shape` argument must be specified.")


@cases("shape,init", [((None, 3), None), ((None, 3), ("zeros", None)), (None, ("zeros", None))])
def test_partial_shape_on_creation(shape, init):
    """F5: a shape that is not fully defined cannot be initialized."""
    err = error(lambda: T.get_variable("w", shape, initializer=make(init)), ValueError)
    assert str(err) == (
        "The initializer passed is not valid. It should be a callable with no arguments and "
        "the shape should not be provided or an instance of `tf.keras.initializers.*' and "
        "`shape` should be fully defined.")
    assert op_names() == []


def test_partitioned_name_found_without_partitioner():
    """_true_getter: a variable named v/part_0 blocks get_variable('v')."""
    T.get_variable("v/part_0", (1,))
    err = error(lambda: T.get_variable("v", (1,)), ValueError)
    assert str(err) == (
        "No partitioner was provided, but a partitioned version of the variable was found: "
        "v/part_0. Perhaps a variable of the same name was already created with partitioning?")


def test_scope_dtype_and_initializer_are_inherited():
    """C13: a child of a scope with dtype/initializer uses them."""
    with T.variable_scope("p", dtype=T.float16, initializer=make(("ones", None))):
        with T.variable_scope("c"):
            v = T.get_variable("v", (1,))
    assert (v.name, base_dtype(v)) == ("p/c/v:0", "float16")
    assert op_names()[0] == "p/c/v/Initializer/ones"


def test_scope_object_reentry_keeps_dtype_unless_overridden():
    """C6: captured dtype used on re-entry; an override applies to that entry only."""
    with T.variable_scope("snap", dtype=T.float16, initializer=make(("ones", None))) as snap:
        pass
    with T.variable_scope(snap):
        assert base_dtype(T.get_variable("v", (1,))) == "float16"
    with T.variable_scope(snap, dtype=T.float64):
        assert base_dtype(T.get_variable("w", (1,))) == "float64"
    assert snap.dtype == "float16"


# -------------------------------------------------------------- tf.Variable


def test_tf_variable_default_name_and_uniquification():
    """G1: Variable, Variable_1, v, v_1; ns/v; vs/v, vs_1/v, vs_2/v (reuse irrelevant)."""
    assert new_variable(None, ()).name == "Variable:0"
    assert new_variable(None, ()).name == "Variable_1:0"
    assert new_variable("v", ()).name == "v:0"
    assert new_variable("v", ()).name == "v_1:0"
    with T.name_scope("ns"):
        assert new_variable("v", ()).name == "ns/v:0"
    for expected, reuse in (("vs/v:0", None), ("vs_1/v:0", None), ("vs_2/v:0", True)):
        with T.variable_scope("vs", reuse=reuse):
            assert new_variable("v", ()).name == expected
    with T.variable_scope("vs", reuse=True):
        assert str(error(lambda: T.get_variable("v"), ValueError)).startswith(
            "Variable vs/v does not exist")


def test_tf_variable_ops_build_initial_value_first():
    """Probe: T.Variable(T.random_normal([2, 3]), name='v1') -> random_normal ops, then v1."""
    new_variable("v1", (2, 3))
    assert ops() == [
        ("random_normal/shape", "Const"), ("random_normal/mean", "Const"),
        ("random_normal/stddev", "Const"),
        ("random_normal/RandomStandardNormal", "RandomStandardNormal"),
        ("random_normal/mul", "Mul"), ("random_normal", "AddV2"),
        ("v1", "VariableV2"), ("v1/Assign", "Assign"), ("v1/read", "Identity")]


def test_tf_variable_truncated_normal_initial_value():
    """Probe (verify): T.Variable(T.truncated_normal([2])) -> truncated_normal/{shape,mean,
    stddev,TruncatedNormal,mul}, truncated_normal (AddV2), then the variable."""
    new_variable("v", (2,), init="truncated_normal")
    assert ops()[:6] == [
        ("truncated_normal/shape", "Const"), ("truncated_normal/mean", "Const"),
        ("truncated_normal/stddev", "Const"), ("truncated_normal/TruncatedNormal", "TruncatedNormal"),
        ("truncated_normal/mul", "Mul"), ("truncated_normal", "AddV2")]


def test_tf_variable_zeros_uses_fill_from_1000_elements():
    """Probe: T.Variable(T.zeros([1000])) -> zeros/shape_as_tensor, zeros/Const, zeros (Fill)."""
    new_variable("v", (1000,), init="zeros")
    assert ops()[:3] == [("zeros/shape_as_tensor", "Const"), ("zeros/Const", "Const"),
                          ("zeros", "Fill")]


def test_tf_variable_is_not_in_the_store():
    """G2: get_variable in a reuse scope does not see a tf.Variable; names still clash."""
    new_variable("v", ())
    new_variable("v", ())
    with T.variable_scope("", reuse=True):
        err = error(lambda: T.get_variable("v"), ValueError)
    assert str(err).startswith("Variable v does not exist")
    assert T.get_variable("v", ()).name == "v_2:0"
    assert new_variable("v", ()).name == "v_3:0"


def test_tf_variable_invalid_name():
    """A9: tf.Variable(name='_tv') -> root scope message."""
    err = error(lambda: new_variable("_tv", ()), ValueError)
    assert str(err).startswith("'_tv' is not a valid root scope name.")


def test_get_variable_checks_the_full_name_at_root():
    """A9: '_v' fails at root but vs2/_v is fine."""
    error(lambda: T.get_variable("_v", (1,)), ValueError)
    with T.variable_scope("vs2"):
        assert T.get_variable("_v", (1,)).name == "vs2/_v:0"


# -------------------------------------------------------------- collections


def test_collections_order_and_scope_regex():
    """J1/J2: global order of creation; trainable excludes trainable=False; re.match prefix."""
    T.get_variable("a", ())
    T.get_variable("b", (), trainable=False)
    for scope in ("foo", "foo_", "foobar"):
        with T.variable_scope(scope):
            T.get_variable("a", ())
    with T.variable_scope("foo"):
        T.get_variable("b", (), trainable=False)
    with T.name_scope("foo"):
        new_variable("tv", ())
    assert [v.name for v in T.global_variables("foo")] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo/b:0", "foo_2/tv:0"]
    assert [v.name for v in T.global_variables("foo/")] == ["foo/a:0", "foo/b:0"]
    assert [v.name for v in T.trainable_variables("foo")] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo_2/tv:0"]
    assert [v.name for v in T.global_variables("oo")] == []
    assert [v.name for v in T.global_variables(".*foo")] == [
        "foo/a:0", "foo_/a:0", "foobar/a:0", "foo/b:0", "foo_2/tv:0"]
