"""Probe: partitioned variables (the three partitioners' counts and errors,
get_variable/variable_scope partitioners, part names, shapes and ops, reuse
and its errors, PartitionedVariable's attributes, conversion to a tensor).
`~/tfvenv/bin/python partitioned.py > partitioned.out`;
tests/tf/test_partitioned_variables.py."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_common import err, main, show  # noqa: E402


def _ops(T):
    return [(o.name, o.type) for o in T.get_default_graph().get_operations()]


def case_fixed_size_counts(T):
    for shape, n, axis in [([10, 4], 3, 0), ([3, 4], 5, 0), ([4, 9], 2, 1), ([5], 2, 0),
                           ([1, 4], 3, 0), ([7, 2, 3], 4, 2)]:
        show(shape, n, axis, T.fixed_size_partitioner(n, axis)(shape=T.TensorShape(shape),
                                                                dtype=T.float32))


def case_fixed_size_errors(T):
    err(lambda: T.fixed_size_partitioner(2, axis=2)(shape=T.TensorShape([3, 4])))
    err(lambda: T.fixed_size_partitioner(0)(shape=T.TensorShape([3, 4])))
    err(lambda: T.fixed_size_partitioner(2)(T.TensorShape([3, 4])))
    err(lambda: T.fixed_size_partitioner(2)(shape=[3, 4]))


def case_min_max_counts(T):
    for shape, dt, kw in [([1000, 64], T.float32, dict(max_partitions=4, min_slice_size=64 << 10)),
                          ([8, 3], T.float32, dict(max_partitions=2)),
                          ([64, 4], T.float32, dict(max_partitions=4, min_slice_size=8)),
                          ([64, 4], T.float64, dict(max_partitions=100, min_slice_size=256)),
                          ([64, 4], T.string, dict(max_partitions=100, min_slice_size=256)),
                          ([64, 4], T.string, dict(max_partitions=100, min_slice_size=256,
                                                   bytes_per_string_element=2)),
                          ([3, 400], T.int8, dict(max_partitions=10, min_slice_size=100, axis=1)),
                          ([3, 4], T.float32, dict(max_partitions=0, min_slice_size=1))]:
        show(shape, dt.name, sorted(kw.items()),
             T.min_max_variable_partitioner(**kw)(shape=T.TensorShape(shape), dtype=dt))


def case_min_max_errors(T):
    err(lambda: T.min_max_variable_partitioner(2, axis=2)(shape=T.TensorShape([3, 4]),
                                                          dtype=T.float32))
    err(lambda: T.min_max_variable_partitioner(2)(shape=T.TensorShape([3, 4]), dtype="nope"))
    err(lambda: T.min_max_variable_partitioner(2)(shape=[3, 4], dtype=T.float32))


def case_axis_size_counts(T):
    for shape, dt, kw in [([1000, 64], T.float32, dict(max_shard_bytes=100000)),
                          ([1000, 64], T.float32, dict(max_shard_bytes=100000, max_shards=2)),
                          ([10, 4], T.float32, dict(max_shard_bytes=1)),
                          ([10, 4], T.float16, dict(max_shard_bytes=20, axis=1)),
                          ([10, 4], T.string, dict(max_shard_bytes=100)),
                          ([10, 4], T.string, dict(max_shard_bytes=100,
                                                   bytes_per_string_element=1))]:
        show(shape, dt.name, sorted(kw.items()),
             T.variable_axis_size_partitioner(**kw)(shape=T.TensorShape(shape), dtype=dt))


def case_axis_size_errors(T):
    err(lambda: T.variable_axis_size_partitioner(0))
    err(lambda: T.variable_axis_size_partitioner(10, bytes_per_string_element=0))
    err(lambda: T.variable_axis_size_partitioner(10, max_shards=-1))
    err(lambda: T.variable_axis_size_partitioner(10)(shape=[3, 4], dtype=T.float32))
    err(lambda: T.variable_axis_size_partitioner(10)(shape=T.TensorShape([None, 4]),
                                                     dtype=T.float32))
    err(lambda: T.variable_axis_size_partitioner(10, axis=3)(shape=T.TensorShape([3, 4]),
                                                             dtype=T.float32))
    show(T.fixed_size_partitioner(2).__name__, T.fixed_size_partitioner(2).__qualname__)
    show(T.min_max_variable_partitioner().__qualname__,
         T.variable_axis_size_partitioner(1).__qualname__)


def case_get_variable_parts(T):
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    show(type(w).__name__, type(w).__module__, w.name, len(w), w.get_shape(), w.shape,
         w.dtype, repr(w))
    show([(p.name, p.shape.as_list()) for p in w])
    show(list(w) == w._get_variable_list(), w._get_partitions())
    show([p.name for p in T.global_variables()], [p.name for p in T.trainable_variables()])
    show(T.get_default_graph().get_all_collection_keys())
    show(_ops(T))
    ssi = w._get_variable_list()[1]._get_save_slice_info()
    show(ssi.full_name, ssi.full_shape, ssi.var_offset, ssi.var_shape, ssi.spec)


def case_uneven_axis1(T):
    w = T.get_variable("wa", [4, 9], partitioner=T.fixed_size_partitioner(2, axis=1))
    show([(p.name, p.shape.as_list()) for p in w], w._get_partitions(), len(w))
    w5 = T.get_variable("w5", [3, 4], partitioner=T.fixed_size_partitioner(5))
    show([(p.name, p.shape.as_list()) for p in w5], w5._get_partitions())
    one = T.get_variable("one", [1, 4], partitioner=T.fixed_size_partitioner(3))
    show(type(one).__name__, [(p.name, p.shape.as_list()) for p in one], one._get_partitions(),
         len(one))


def case_glorot_full_shape(T):
    T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(2))
    g = T.get_default_graph()
    for n in ["w/part_0/Initializer/random_uniform/min", "w/part_0/Initializer/random_uniform/max",
              "w/part_0/Initializer/random_uniform/shape"]:
        show(g.get_operation_by_name(n))
    T.get_variable("u", [10, 4], partitioner=T.fixed_size_partitioner(2),
                   initializer=T.uniform_unit_scaling_initializer())
    show(g.get_operation_by_name("u/part_1/Initializer/random_uniform/max"))
    T.get_variable("v", [10, 4], partitioner=T.fixed_size_partitioner(2),
                   initializer=T.variance_scaling_initializer())
    show([o.name for o in g.get_operations() if o.name.startswith("v/part_0")])
    show(g.get_operation_by_name("v/part_0/Initializer/truncated_normal/stddev"))


def case_initializers(T):
    T.get_variable("z", [4, 2], partitioner=T.fixed_size_partitioner(2),
                   initializer=T.zeros_initializer())
    T.get_variable("c", [4, 2], partitioner=T.fixed_size_partitioner(2),
                   initializer=T.constant_initializer(0.5))
    show(_ops(T))


def case_tensor_initializer(T):
    t = T.constant([[1., 2.], [3., 4.], [5., 6.]], name="init_t")
    v = T.get_variable("t", partitioner=T.fixed_size_partitioner(2), initializer=t)
    show(v.get_shape(), [(p.name, p.shape.as_list()) for p in v])
    show(_ops(T))
    show(T.get_default_graph().get_operation_by_name("t/part_1/PartitionedInitializer/Slice"))
    show(T.get_default_graph().get_operation_by_name("t/part_1/PartitionedInitializer/Slice/begin"))
    T.reset_default_graph()
    err(lambda: T.get_variable("l", partitioner=T.fixed_size_partitioner(2),
                               initializer=[[1.], [2.]]))
    v = T.get_variable("l2", [4, 1], partitioner=T.fixed_size_partitioner(2),
                       initializer=[[1.], [2.], [3.], [4.]])
    show(_ops(T))


def case_scope_partitioner(T):
    with T.variable_scope("emb", partitioner=T.fixed_size_partitioner(2)) as vs:
        show(vs.partitioner.__qualname__)
        e = T.get_variable("table", [6, 3])
        s = T.get_variable("scalar_ok", [])
        vec = T.get_variable("vec", [5])
        with T.variable_scope("inner"):
            t2 = T.get_variable("t2", [4, 2])
        with T.variable_scope("nopart", partitioner=None):
            t3 = T.get_variable("t3", [4, 2])
        vs.set_partitioner(None)
        plain = T.get_variable("plain", [4, 2])
    for x in [e, s, vec, t2, t3, plain]:
        show(type(x).__name__, x.name)
    with T.variable_scope("emb", reuse=True) as vs2:
        show(vs2.partitioner)
        got = T.get_variable("table", [6, 3])
        show(got is e)
        got = T.get_variable("table")
        show(got is e)


def case_scope_shape_none(T):
    with T.variable_scope("s", partitioner=T.fixed_size_partitioner(2)):
        err(lambda: T.get_variable("x", initializer=T.zeros_initializer()))
        err(lambda: T.get_variable("y", [None, 2]))
        err(lambda: T.get_variable("sc", (), initializer=T.zeros_initializer()))
        err(lambda: T.get_variable("sc2", T.TensorShape([])))
        err(lambda: T.get_variable("u", None))


def case_reuse_and_errors(T):
    w = T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2))
    with T.variable_scope("", reuse=True):
        w2 = T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2))
        show(w is w2)
        w3 = T.get_variable("w")
        show(w is w3)
        err(lambda: T.get_variable("w", [4, 3], partitioner=T.fixed_size_partitioner(2)))
        err(lambda: T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(3)))
        err(lambda: T.get_variable("w", [8, 3], dtype=T.float64,
                                   partitioner=T.fixed_size_partitioner(2)))
        err(lambda: T.get_variable("nope", [8, 3], partitioner=T.fixed_size_partitioner(2)))
        err(lambda: T.get_variable("w", [4, 3]))
        p0 = T.get_variable("w/part_0")
        show(p0.name, p0.shape)
    err(lambda: T.get_variable("w", [8, 3]))
    err(lambda: T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2)))
    T.get_variable("plain", [4, 3])
    err(lambda: T.get_variable("plain", [4, 3], partitioner=T.fixed_size_partitioner(2)))
    with T.variable_scope("", reuse=T.AUTO_REUSE):
        show(T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(2)) is w)
        err(lambda: T.get_variable("w", [8, 3], partitioner=T.fixed_size_partitioner(4)))
        a = T.get_variable("auto", [4, 3], partitioner=T.fixed_size_partitioner(2))
        show(a.name, T.get_variable("auto", [4, 3], partitioner=T.fixed_size_partitioner(2)) is a)
    show([v.name for v in T.global_variables()])


def case_partitioner_errors(T):
    err(lambda: T.get_variable("a", [4, 2], partitioner=5))
    err(lambda: T.get_variable("b", [4, 2], partitioner=lambda shape, dtype: 2))
    err(lambda: T.get_variable("c", [4, 2], partitioner=lambda shape, dtype: [2]))
    err(lambda: T.get_variable("d", [4, 2], partitioner=lambda shape, dtype: [0, 1]))
    err(lambda: T.get_variable("e", [4, 2], partitioner=lambda shape, dtype: [2, 2]))
    f = T.get_variable("f", [4, 2], partitioner=lambda shape, dtype: [1, 1])
    show(type(f).__name__, [p.name for p in f], f._get_partitions(), len(f))
    show(_ops(T)[-3:])
    T.get_variable("g/part_0", [2, 2])
    err(lambda: T.get_variable("g", [4, 2], partitioner=T.fixed_size_partitioner(2)))
    T.get_variable("h/part_0", [2, 2])
    T.get_variable("h/part_1", [2, 2])
    T.get_variable("h/part_2", [2, 2])
    err(lambda: T.get_variable("h", [4, 2], partitioner=T.fixed_size_partitioner(2)))


def case_conversion(T):
    w = T.get_variable("w", [10, 4], partitioner=T.fixed_size_partitioner(3))
    n = len(_ops(T))
    t = T.convert_to_tensor(w)
    show(t.name, t.shape, t.dtype, _ops(T)[n:])
    with T.name_scope("ns"):
        t2 = w.as_tensor()
    show(t2.name, _ops(T)[n + 3:])
    with T.name_scope("ns2"):
        s = T.add(w, 1.0)
    show(s.name)
    show(T.identity(w).name)
    err(lambda: T.convert_to_tensor(w, dtype=T.int32))
    one = T.get_variable("one", [1, 4], partitioner=T.fixed_size_partitioner(3))
    n = len(_ops(T))
    show(T.convert_to_tensor(one).name, _ops(T)[n:])
    a1 = T.get_variable("a1", [4, 9], partitioner=T.fixed_size_partitioner(2, axis=1))
    n = len(_ops(T))
    show(T.convert_to_tensor(a1).name, _ops(T)[n:])
    g = T.get_default_graph()
    show(g.get_operation_by_name("a1/ConcatPartitions/concat/axis"))
    show(g.get_operation_by_name("a1/ConcatPartitions/concat"))


def case_in_name_scope(T):
    with T.name_scope("ns"):
        with T.variable_scope("vs", partitioner=T.fixed_size_partitioner(2)):
            w = T.get_variable("w", [4, 2])
    show([p.name for p in w], _ops(T)[:2])


def case_regularizer_and_collections(T):
    w = T.get_variable("w", [4, 2], partitioner=T.fixed_size_partitioner(2),
                       regularizer=lambda t: T.multiply(t, 2.0), collections=["mine"],
                       trainable=False)
    show(T.get_default_graph().get_all_collection_keys())
    show([getattr(x, "name", x) for x in T.get_collection("regularization_losses")])
    show([x.name for x in T.get_collection("mine")], T.trainable_variables())
    l = T.get_local_variable("loc", [4, 2], partitioner=T.fixed_size_partitioner(2))
    show([x.name for x in T.local_variables()], [p.trainable for p in l])


if __name__ == "__main__":
    main(globals())
