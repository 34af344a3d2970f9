"""Partitioned variables: the partitioners, get_variable's parts, reuse and
its errors, PartitionedVariable and its conversion.  One rule per test.

Expected values: tf_probes/partitioned/partitioned.out (TensorFlow 2.21).
"""

from tfvars_oracle import T, fresh, names, ops, raises, glorot_ops, var_ops


def _parts(pv):
    return [(p.name, p.shape.as_list()) for p in pv]


def _fixed(shape, n, axis=0):
    return T.fixed_size_partitioner(n, axis)(shape=T.TensorShape(shape), dtype=T.float32)


def test_fixed_size_partitioner_caps_at_the_axis_size():
    assert _fixed([10, 4], 3) == [3, 1]
    assert _fixed([3, 4], 5) == [3, 1]
    assert _fixed([4, 9], 2, 1) == [1, 2]
    assert _fixed([7, 2, 3], 4, 2) == [1, 1, 3]
    assert _fixed([3, 4], 0) == [0, 1]


def test_fixed_size_partitioner_errors_are_pythons():
    assert raises(IndexError, lambda: _fixed([3, 4], 2, 2)) == "list index out of range"
    assert raises(AttributeError, lambda: T.fixed_size_partitioner(2)(shape=[3, 4])) == \
        "'list' object has no attribute 'dims'"


def test_partitioners_are_nested_functions():
    assert T.fixed_size_partitioner(2).__qualname__ == "fixed_size_partitioner.<locals>._partitioner"
    assert T.min_max_variable_partitioner().__qualname__ == \
        "min_max_variable_partitioner.<locals>._partitioner"


def _min_max(shape, dt, **kw):
    return T.min_max_variable_partitioner(**kw)(shape=T.TensorShape(shape), dtype=dt)


def test_min_max_partitioner_counts_bytes_by_dtype_size():
    assert _min_max([1000, 64], T.float32, max_partitions=4, min_slice_size=64 << 10) == [4, 1]
    assert _min_max([8, 3], T.float32, max_partitions=2) == [1, 1]
    assert _min_max([64, 4], T.float64, max_partitions=100, min_slice_size=256) == [8, 1]
    assert _min_max([64, 4], T.string, max_partitions=100, min_slice_size=256) == [16, 1]
    assert _min_max([64, 4], T.string, max_partitions=100, min_slice_size=256,
                    bytes_per_string_element=2) == [2, 1]
    assert _min_max([3, 400], T.int8, max_partitions=10, min_slice_size=100, axis=1) == [1, 10]
    assert _min_max([3, 4], T.float32, max_partitions=0, min_slice_size=1) == [1, 1]


def test_min_max_partitioner_axis_error():
    assert raises(ValueError, lambda: _min_max([3, 4], T.float32, max_partitions=2, axis=2)) == \
        "Cannot partition variable along axis 2 when shape is only (3, 4)"


def _axis_size(shape, dt, **kw):
    return T.variable_axis_size_partitioner(**kw)(shape=T.TensorShape(shape), dtype=dt)


def test_variable_axis_size_partitioner_counts():
    assert _axis_size([1000, 64], T.float32, max_shard_bytes=100000) == [3, 1]
    assert _axis_size([1000, 64], T.float32, max_shard_bytes=100000, max_shards=2) == [2, 1]
    assert _axis_size([10, 4], T.float32, max_shard_bytes=1) == [10, 1]
    assert _axis_size([10, 4], T.float16, max_shard_bytes=20, axis=1) == [1, 4]
    assert _axis_size([10, 4], T.string, max_shard_bytes=100) == [10, 1]


def test_variable_axis_size_partitioner_errors():
    assert raises(ValueError, lambda: T.variable_axis_size_partitioner(0)) == (
        "Both max_shard_bytes and bytes_per_string_element must be positive. Currently, "
        "max_shard_bytes is 0 andbytes_per_string_element is 16")
    assert raises(ValueError, lambda: T.variable_axis_size_partitioner(10, max_shards=-1)) == \
        "max_shards must be positive."
    p = T.variable_axis_size_partitioner(10)
    assert raises(ValueError, lambda: p(shape=[3, 4], dtype=T.float32)) == \
        "shape is not a TensorShape: [3, 4]"
    assert raises(ValueError, lambda: p(shape=T.TensorShape([None, 4]), dtype=T.float32)) == \
        "shape is not fully defined: (?, 4)"


def test_parts_are_named_part_i_and_first_parts_get_the_extra_rows():
    fresh()
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    assert _parts(w) == [("w/part_0:0", [4, 4]), ("w/part_1:0", [3, 4]), ("w/part_2:0", [3, 4])]
    assert ops() == (glorot_ops("w/part_0") + var_ops("w/part_0") + glorot_ops("w/part_1")
                     + var_ops("w/part_1") + glorot_ops("w/part_2") + var_ops("w/part_2"))


def test_partitioned_variable_attributes():
    fresh()
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    assert (type(w).__name__, type(w).__module__) == ("PartitionedVariable",
                                                      "tensorflow.python.ops.variables")
    assert (w.name, len(w), str(w.get_shape()), str(w.shape), repr(w.dtype)) == \
        ("w", 3, "(10, 4)", "(10, 4)", "tf.float32")
    assert list(w) == w._get_variable_list() and w._get_partitions() == [3, 1]
    assert repr(w).startswith("<tensorflow.python.ops.variables.PartitionedVariable object at 0x")


def test_collections_hold_the_parts():
    g = fresh()
    T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    assert names(T.global_variables()) == names(T.trainable_variables()) == \
        ["w/part_0:0", "w/part_1:0", "w/part_2:0"]
    assert g.get_all_collection_keys() == ["variables", "trainable_variables"]


def test_save_slice_info_of_a_part():
    fresh()
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    ssi = w._get_variable_list()[1]._get_save_slice_info()
    assert (ssi.full_name, ssi.full_shape, ssi.var_offset, ssi.var_shape, ssi.spec) == \
        ("w", [10, 4], [4, 0], [3, 4], "10 4 4,3:0,4")


def test_axis_1_and_more_shards_than_rows():
    fresh()
    wa = T.get_variable("wa", [4, 9], partitioner=T.fixed_size_partitioner(2, axis=1))
    assert _parts(wa) == [("wa/part_0:0", [4, 5]), ("wa/part_1:0", [4, 4])]
    w5 = T.get_variable("w5", [3, 4], partitioner=T.fixed_size_partitioner(5))
    assert _parts(w5) == [("w5/part_0:0", [1, 4]), ("w5/part_1:0", [1, 4]), ("w5/part_2:0", [1, 4])]
    one = T.get_variable("one", [1, 4], partitioner=T.fixed_size_partitioner(3))
    assert (type(one).__name__, _parts(one), len(one)) == \
        ("PartitionedVariable", [("one/part_0:0", [1, 4])], 1)


def test_glorot_scales_by_the_full_shape():
    g = fresh()
    T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(2))
    assert "float_val: 0.654653668" in str(
        g.get_operation_by_name("w/part_0/Initializer/random_uniform/max"))


def test_tensor_initializer_is_sliced_in_partitioned_initializer():
    fresh()
    t = T.constant([[1., 2.], [3., 4.], [5., 6.]], name="init_t")
    v = T.get_variable("t", partitioner=T.fixed_size_partitioner(2), initializer=t)
    assert str(v.get_shape()) == "(3, 2)"
    p = "t/part_0/PartitionedInitializer/Slice"
    assert ops()[:7] == [("init_t", "Const"), (p + "/begin", "Const"), (p + "/size", "Const"),
                         (p, "Slice")] + var_ops("t/part_0")


def test_python_value_initializer_needs_a_shape():
    fresh()
    assert raises(ValueError, lambda: T.get_variable(
        "l", partitioner=T.fixed_size_partitioner(2), initializer=[[1.], [2.]])) == \
        "Shape of a new partitioned variable must be fully defined, but instead was <unknown>."
    T.get_variable("l2", [4, 1], partitioner=T.fixed_size_partitioner(2),
                   initializer=[[1.], [2.], [3.], [4.]])
    assert ops()[0] == ("l2/part_0/PartitionedInitializer/Const", "Const")


def test_scope_partitioner_inherited_none_does_not_switch_it_off_scalars_exempt():
    fresh()
    with T.variable_scope("emb", partitioner=T.fixed_size_partitioner(2)) as vs:
        e = T.get_variable("table", [6, 3])
        s = T.get_variable("scalar_ok", [])
        with T.variable_scope("inner"):
            t2 = T.get_variable("t2", [4, 2])
        with T.variable_scope("nopart", partitioner=None):
            t3 = T.get_variable("t3", [4, 2])
        vs.set_partitioner(None)
        plain = T.get_variable("plain", [4, 2])
    assert [(type(x).__name__, x.name) for x in [e, s, t2, t3, plain]] == [
        ("PartitionedVariable", "emb/table"), ("RefVariable", "emb/scalar_ok:0"),
        ("PartitionedVariable", "emb/inner/t2"), ("PartitionedVariable", "emb/nopart/t3"),
        ("RefVariable", "emb/plain:0")]
    with T.variable_scope("emb", reuse=True) as vs2:
        assert vs2.partitioner is None
        assert T.get_variable("table") is e


def test_shape_errors():
    fresh()
    with T.variable_scope("s", partitioner=T.fixed_size_partitioner(2)):
        assert raises(ValueError, lambda: T.get_variable("y", [None, 2])) == \
            "Shape of a new partitioned variable must be fully defined, but instead was (?, 2)."
        assert raises(ValueError, lambda: T.get_variable("sc2", T.TensorShape([]))) == \
            "A partitioned Variable must have rank at least 1, shape: ()"


def test_reuse_returns_the_same_object_and_its_errors():
    fresh()
    w = T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2))
    with T.variable_scope("", reuse=True):
        assert T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2)) is w
        assert T.get_variable("w") is w
        assert raises(ValueError, lambda: T.get_variable("w", [4, 3])) == (
            "Trying to reuse partitioned variable w, but specified shape (4, 3) and found "
            "shape (8, 3).")
        assert raises(ValueError, lambda: T.get_variable(
            "w", [8, 3], partitioner=T.fixed_size_partitioner(3))) == (
            "Trying to reuse partitioned variable w, but specified partitions [3, 1] and found "
            "partitions [2, 1].")
        assert raises(ValueError, lambda: T.get_variable(
            "w", [8, 3], dtype=T.float64, partitioner=T.fixed_size_partitioner(2))) == (
            "Trying to reuse partitioned variable w, but specified dtype float64 and found "
            "dtype float32.")
        assert raises(ValueError, lambda: T.get_variable(
            "nope", [8, 3], partitioner=T.fixed_size_partitioner(2))) == (
            "PartitionedVariable nope does not exist, or was not created with "
            "tf.get_variable(). Did you mean to set reuse=False or reuse=tf.AUTO_REUSE in "
            "VarScope?")
        assert T.get_variable("w/part_0").name == "w/part_0:0"
    assert raises(ValueError, lambda: T.get_variable(
        "w", [8, 3], partitioner=T.fixed_size_partitioner(2))) == (
        "Partitioned variable with name w already exists. Did you mean to set reuse=True or "
        "reuse=tf.AUTO_REUSE in VarScope?")


def test_partitioned_and_unpartitioned_of_one_name():
    fresh()
    T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2))
    assert raises(ValueError, lambda: T.get_variable("w", [8, 3])) == (
        "No partitioner was provided, but a partitioned version of the variable was found: "
        "w/part_0. Perhaps a variable of the same name was already created with partitioning?")
    T.get_variable("plain", [4, 3])
    assert raises(ValueError, lambda: T.get_variable(
        "plain", [4, 3], partitioner=T.fixed_size_partitioner(2))) == (
        "A partitioner was provided, but an unpartitioned version of the variable was found: "
        "plain.  Perhaps a variable of the same name was already created without partitioning?")


def test_partition_list_errors():
    fresh()
    assert raises(ValueError, lambda: T.get_variable("a", [4, 2], partitioner=5)) == \
        "Partitioner must be callable, but received: 5"
    assert raises(ValueError, lambda: T.get_variable(
        "b", [4, 2], partitioner=lambda shape, dtype: 2)) == \
        "Partitioner must return a sequence, but saw: 2"
    assert raises(ValueError, lambda: T.get_variable(
        "c", [4, 2], partitioner=lambda shape, dtype: [2])) == \
        "Partitioner returned a partition list that does not match the Variable's rank: [2] vs. (4, 2)"
    assert raises(ValueError, lambda: T.get_variable(
        "e", [4, 2], partitioner=lambda shape, dtype: [2, 2])) == \
        "Can only slice a variable along one dimension: shape: (4, 2), partitioning: [2, 2]"


def test_existing_parts_of_a_different_partitioning():
    fresh()
    T.get_variable("g/part_0", [2, 2])
    assert raises(ValueError, lambda: T.get_variable(
        "g", [4, 2], partitioner=T.fixed_size_partitioner(2))) == (
        "Partitioner returned a different partitioning than what was already found.  "
        "Partitioner returned 2 shards, and shard g/part_0 was found, but g/part_1 was not.")


def test_conversion_concatenates_in_concat_partitions_every_time():
    fresh()
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    n = len(ops())
    t = T.convert_to_tensor(w)
    assert (t.name, str(t.shape)) == ("w:0", "(10, 4)")
    assert ops()[n:] == [("w/ConcatPartitions/concat/axis", "Const"),
                         ("w/ConcatPartitions/concat", "ConcatV2"), ("w", "Identity")]
    with T.name_scope("ns"):
        assert w.as_tensor().name == "w_1:0"
    with T.name_scope("ns2"):
        assert T.add(w, 1.0).name == "ns2/Add:0"
    assert raises(ValueError, lambda: T.convert_to_tensor(w, dtype=T.int32)) == \
        "Incompatible type conversion requested to type 'int32' for variable of type 'float32'"


def test_conversion_of_one_part_is_an_identity():
    fresh()
    one = T.get_variable("one", [1, 4], partitioner=T.fixed_size_partitioner(3))
    n = len(ops())
    assert T.convert_to_tensor(one).name == "one:0"
    assert ops()[n:] == [("one", "Identity")]


def test_regularizer_and_collections_per_part():
    g = fresh()
    T.get_variable("w", [4, 2], partitioner=T.fixed_size_partitioner(2),
                   regularizer=lambda t: T.multiply(t, 2.0), collections=["mine"],
                   trainable=False)
    assert g.get_all_collection_keys() == ["mine", "regularization_losses"]
    assert names(T.get_collection("regularization_losses")) == \
        ["w/part_0/Regularizer/Mul:0", "w/part_1/Regularizer/Mul:0"]
