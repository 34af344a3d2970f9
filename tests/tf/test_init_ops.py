"""Initializers (init_ops): the ops each makes under `<var>/Initializer/`, one rule per test.

Expected values: tf_probes/variables/initializers.out (TensorFlow 2.21).
"""

from tfvars_oracle import T, fresh, glorot_ops, ops, raises, var_ops


def var(init, shape=(2, 3), dtype=None):
    fresh()
    kw = {} if dtype is None else {"dtype": dtype}
    return T.get_variable("v", list(shape), initializer=init, **kw)


def sampler(kind, op_type, extra=("mean", "stddev")):
    p = "v/Initializer/" + kind
    return ([(p + "/shape", "Const")] + [(p + "/" + e, "Const") for e in extra]
            + [(p + "/" + op_type, op_type), (p + "/mul", "Mul"), (p, "AddV2")])


NORMAL = sampler("random_normal", "RandomStandardNormal")
TRUNCATED = sampler("truncated_normal", "TruncatedNormal")
UNIFORM = glorot_ops("v")


def test_zeros_ones_constant_are_one_const():
    for init, name in ((T.zeros_initializer(), "zeros"), (T.ones_initializer(), "ones"),
                       (T.constant_initializer(0.5), "Const"), (T.constant_initializer(), "Const")):
        for shape in ((), (3,), (2, 3), (3, 3, 4, 5)):
            var(init, shape)
            assert ops() == [("v/Initializer/" + name, "Const")] + var_ops("v")


def test_constant_initializer_list_value():
    var(T.constant_initializer([1, 2, 3, 4, 5, 6]))
    assert ops() == [("v/Initializer/Const", "Const")] + var_ops("v")


def test_zeros_and_ones_fill_from_1000_elements():
    for name, init in (("zeros", T.zeros_initializer()), ("ones", T.ones_initializer())):
        var(init, (999,))
        assert ops() == [("v/Initializer/" + name, "Const")] + var_ops("v")
        var(init, (1000,))
        assert ops() == [("v/Initializer/%s/shape_as_tensor" % name, "Const"),
                         ("v/Initializer/%s/Const" % name, "Const"),
                         ("v/Initializer/" + name, "Fill")] + var_ops("v")
    var(T.zeros_initializer(), (40, 25))
    assert ops()[2] == ("v/Initializer/zeros", "Fill")
    var(T.constant_initializer(0.5), (1000,))
    assert ops() == [("v/Initializer/Const", "Const")] + var_ops("v")


def test_random_normal_and_truncated_normal():
    for shape in ((), (3,), (2, 3), (3, 3, 4, 5)):
        var(T.random_normal_initializer(), shape)
        assert ops() == NORMAL + var_ops("v")
        var(T.truncated_normal_initializer(), shape)
        assert ops() == TRUNCATED + var_ops("v")


def test_random_uniform_and_glorot_uniform():
    for init in (T.random_uniform_initializer(), T.random_uniform_initializer(-1, 1),
                 T.glorot_uniform_initializer(), T.uniform_unit_scaling_initializer(),
                 T.variance_scaling_initializer(mode="fan_out", distribution="uniform")):
        var(init)
        assert ops() == UNIFORM + var_ops("v")


def test_glorot_normal_is_truncated_normal():
    var(T.glorot_normal_initializer())
    assert ops() == TRUNCATED + var_ops("v")


def test_variance_scaling_distributions():
    for dist, expected in (("truncated_normal", TRUNCATED), ("normal", TRUNCATED),
                           ("untruncated_normal", NORMAL), ("uniform", UNIFORM)):
        for mode in ("fan_in", "fan_out", "fan_avg"):
            var(T.variance_scaling_initializer(mode=mode, distribution=dist), ())
            assert ops() == expected + var_ops("v")


ORTHO_HEAD = NORMAL + [("v/Initializer/Qr", "Qr"), ("v/Initializer/DiagPart", "DiagPart"),
                       ("v/Initializer/Sign", "Sign"), ("v/Initializer/mul", "Mul")]
ORTHO_TAIL = [("v/Initializer/Reshape/shape", "Const"), ("v/Initializer/Reshape", "Reshape"),
              ("v/Initializer/mul_1/x", "Const"), ("v/Initializer/mul_1", "Mul")]


def test_orthogonal_transposes_when_rows_fewer_than_columns():
    var(T.orthogonal_initializer(), (2, 3))
    assert ops() == ORTHO_HEAD + [
        ("v/Initializer/matrix_transpose/transpose/perm", "Const"),
        ("v/Initializer/matrix_transpose/transpose", "Transpose")] + ORTHO_TAIL + var_ops("v")


def test_orthogonal_without_transpose():
    var(T.orthogonal_initializer(gain=2.0), (3, 3, 4, 5))
    assert ops() == ORTHO_HEAD + ORTHO_TAIL + var_ops("v")


def test_orthogonal_needs_two_dimensions():
    for shape in ((), (3,)):
        fresh()
        msg = raises(ValueError, lambda: T.get_variable("v", list(shape),
                                                         initializer=T.orthogonal_initializer()))
        assert msg == ("The tensor to initialize, specified by argument `shape` must be at least "
                       "two-dimensional. Received shape=%s" % list(shape))
        assert ops() == []


def test_identity_initializer():
    var(T.initializers.identity())
    assert ops() == [("v/Initializer/eye/ones", "Const"), ("v/Initializer/eye/zeros", "Const"),
                     ("v/Initializer/eye/set_diag/k", "Const"),
                     ("v/Initializer/eye/set_diag", "MatrixSetDiagV3"),
                     ("v/Initializer/mul/x", "Const"), ("v/Initializer/mul", "Mul")] + var_ops("v")


def test_identity_initializer_of_a_square_shape_is_matrix_diag():
    """`linalg_ops_impl.eye` of rows == cols: `matrix_diag` of the ones."""
    var(T.initializers.identity(), (3, 3))
    eye = "v/Initializer/eye/"
    assert ops() == [(eye + "ones", "Const"), (eye + "diag/k", "Const"),
                     (eye + "diag/num_rows", "Const"), (eye + "diag/num_cols", "Const"),
                     (eye + "diag/padding_value", "Const"), (eye + "diag", "MatrixDiagV3"),
                     ("v/Initializer/mul/x", "Const"), ("v/Initializer/mul", "Mul")] + var_ops("v")


def test_identity_initializer_of_bool_fails_at_the_gain_after_its_diag():
    assert raises(TypeError, lambda: var(T.initializers.identity(), (2, 2), T.bool)) == \
        "Expected bool, but got 1.0 of type 'float'."
    assert ops()[-1] == ("v/Initializer/eye/diag", "MatrixDiagV3")


def test_dtypes_of_floats():
    for dt in (T.float16, T.float64):
        for init in (T.zeros_initializer(), T.random_normal_initializer(),
                     T.glorot_uniform_initializer(), T.orthogonal_initializer()):
            assert var(init, dtype=dt).dtype.name == dt.name + "_ref"


def test_integer_dtype_with_float_initializers_fails_after_the_shape_const():
    for init, kind, value in ((T.random_normal_initializer(), "random_normal", "0.0"),
                              (T.truncated_normal_initializer(), "truncated_normal", "0.0"),
                              (T.glorot_uniform_initializer(), "random_uniform",
                               "-1.0954451150103324"),
                              (T.glorot_normal_initializer(), "truncated_normal", "0.0"),
                              (T.variance_scaling_initializer(), "truncated_normal", "0.0"),
                              (T.orthogonal_initializer(), "random_normal", "0.0")):
        fresh()
        msg = raises(TypeError, lambda: T.get_variable("v", [2, 3], dtype=T.int32,
                                                        initializer=init))
        assert msg == "Expected int32, but got %s of type 'float'." % value
        assert ops() == [("v/Initializer/%s/shape" % kind, "Const")]


def test_random_uniform_integer():
    fresh()
    assert raises(ValueError, lambda: T.get_variable("v", [2], dtype=T.int64,
                                                      initializer=T.random_uniform_initializer())) == (
        "Must specify maxval for integer dtype tf.int64")
    var(T.random_uniform_initializer(-1, 1), dtype=T.int32)
    p = "v/Initializer/random_uniform"
    assert ops() == [(p + "/shape", "Const"), (p + "/min", "Const"), (p + "/max", "Const"),
                     (p, "RandomUniformInt")] + var_ops("v")


def test_random_uniform_bool_and_string():
    for dt in (T.bool, T.string):
        fresh()
        msg = raises(ValueError, lambda: T.get_variable(
            "v", [2], dtype=dt, initializer=T.glorot_uniform_initializer()))
        assert msg == ("Argument `dtype` got invalid value <dtype: '%s'>. Accepted dtypes are "
                       "(tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int32, tf.int64)."
                       % dt.name)
        assert ops() == []


def test_constant_initializer_value_must_fit_the_dtype():
    fresh()
    assert raises(TypeError, lambda: T.get_variable("v", [2], dtype=T.int32,
                                                     initializer=T.constant_initializer(0.5))) == (
        "Expected int32, but got 0.5 of type 'float'.")
    assert raises(TypeError, lambda: T.get_variable("v", [2], dtype=T.bool,
                                                     initializer=T.constant_initializer())) == (
        "Expected bool, but got 0 of type 'int'.")
    assert raises(ValueError, lambda: T.get_variable(
        "v", [2], initializer=T.constant_initializer([1, 2, 3]))) == (
        "Too many elements provided. Takes at most 2, but got 3.")
    assert ops() == []


def test_ones_of_strings_fails_after_shape_as_tensor():
    fresh()
    assert raises(TypeError, lambda: T.get_variable("v", [2, 3], dtype=T.string,
                                                     initializer=T.ones_initializer())) == (
        "Expected string, but got 1 of type 'int'.")
    assert ops() == [("v/Initializer/ones/shape_as_tensor", "Const")]


def test_zeros_of_strings_and_bools():
    for dt in (T.string, T.bool):
        var(T.zeros_initializer(), dtype=dt)
        assert ops() == [("v/Initializer/zeros", "Const")] + var_ops("v")


def test_initializer_dtype_is_ignored_by_get_variable():
    assert var(T.zeros_initializer(dtype=T.int32), (2,)).dtype.name == "float32_ref"
    assert var(T.random_normal_initializer(dtype=T.float64), (2,)).dtype.name == "float32_ref"


def test_initializer_class_instead_of_instance():
    for cls, first in ((T.zeros_initializer, "v/Initializer/zeros"),
                       (T.ones_initializer, "v/Initializer/ones"),
                       (T.constant_initializer, "v/Initializer/Const"),
                       (T.random_normal_initializer, "v/Initializer/random_normal/shape"),
                       (T.glorot_uniform_initializer, "v/Initializer/random_uniform/shape"),
                       (T.orthogonal_initializer, "v/Initializer/random_normal/shape"),
                       (T.variance_scaling_initializer, "v/Initializer/truncated_normal/shape")):
        var(cls)
        assert ops()[0][0] == first


def test_initializers_aliases():
    I = T.initializers
    assert (I.zeros, I.ones, I.constant, I.random_normal, I.truncated_normal, I.random_uniform,
            I.glorot_uniform, I.glorot_normal, I.variance_scaling, I.orthogonal,
            I.uniform_unit_scaling) == (
        T.zeros_initializer, T.ones_initializer, T.constant_initializer,
        T.random_normal_initializer, T.truncated_normal_initializer,
        T.random_uniform_initializer, T.glorot_uniform_initializer,
        T.glorot_normal_initializer, T.variance_scaling_initializer,
        T.orthogonal_initializer, T.uniform_unit_scaling_initializer)
    assert repr(I.zeros) == "<class 'tensorflow.python.ops.init_ops.Zeros'>"
    assert I.variables is T.variables_initializer
    assert I.global_variables is T.global_variables_initializer
    assert I.local_variables is T.local_variables_initializer


def test_he_and_lecun_are_variance_scaling():
    I = T.initializers
    assert type(I.he_normal()).__name__ == "VarianceScaling"
    assert I.he_normal(seed=1).get_config() == {
        "scale": 2.0, "mode": "fan_in", "distribution": "truncated_normal", "seed": 1,
        "dtype": "float32"}
    var(I.he_uniform())
    assert ops() == UNIFORM + var_ops("v")
    var(I.lecun_normal())
    assert ops() == TRUNCATED + var_ops("v")


def test_get_config():
    assert T.zeros_initializer().get_config() == {"dtype": "float32"}
    assert T.constant_initializer(0.5).get_config() == {"value": 0.5, "dtype": "float32"}
    assert T.random_uniform_initializer(-1, 1).get_config() == {
        "minval": -1, "maxval": 1, "seed": None, "dtype": "float32"}
    assert T.variance_scaling_initializer().get_config() == {
        "scale": 1.0, "mode": "fan_in", "distribution": "truncated_normal", "seed": None,
        "dtype": "float32"}
    assert T.orthogonal_initializer(gain=2.0).get_config() == {
        "gain": 2.0, "seed": None, "dtype": "float32"}
    assert T.uniform_unit_scaling_initializer().get_config() == {
        "factor": 1.0, "seed": None, "dtype": "float32"}
    assert type(T.glorot_uniform_initializer()).__name__ == "GlorotUniform"


def test_calling_an_initializer_directly_names_ops_in_the_name_scope():
    fresh()
    assert repr(T.zeros_initializer()([2, 3])) == (
        "<tf.Tensor 'zeros:0' shape=(2, 3) dtype=float32>")
    assert repr(T.ones_initializer()([2], dtype=T.int32)) == (
        "<tf.Tensor 'ones:0' shape=(2,) dtype=int32>")
    assert T.glorot_uniform_initializer()([2, 3]).name == "random_uniform:0"
    assert T.constant_initializer(2)([2]).name == "Const:0"
    assert T.orthogonal_initializer()([3, 3]).name == "mul_1:0"
    with T.name_scope("ns"):
        assert T.zeros_initializer()([2]).name == "ns/zeros:0"


def test_argument_errors():
    assert raises(ValueError, lambda: T.variance_scaling_initializer(scale=0)) == (
        "Argument `scale` must be a positive float. Received: 0")
    assert raises(ValueError, lambda: T.variance_scaling_initializer(mode="x")) == (
        "Argument `mode` should be one of ('fan_in', 'fan_out', 'fan_avg'). Received: x")
    assert raises(ValueError, lambda: T.variance_scaling_initializer(distribution="x")) == (
        "Argument `distribution` should be one of ('normal', uniform', 'truncated_normal', "
        "'untruncated_normal'). Received: x")
    assert raises(ValueError, lambda: T.random_normal_initializer(dtype=T.int32)) == (
        "Argument `dtype` is expected to be floating point. Received: <dtype: 'int32'>.")
    assert raises(TypeError, lambda: T.zeros_initializer(dtype="nope")) == (
        "Cannot convert the argument `type_value`: 'nope' to a TensorFlow DType.")
    assert raises(TypeError, lambda: T.zeros_initializer(1, 2)) == (
        "Zeros.__init__() takes from 1 to 2 positional arguments but 3 were given")
    assert raises(TypeError, lambda: T.zeros_initializer(foo=1)) == (
        "Zeros.__init__() got an unexpected keyword argument 'foo'")
    assert raises(TypeError, lambda: T.constant_initializer(object())).startswith(
        "Invalid type for initial value=<object object at ")
