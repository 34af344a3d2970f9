"""Probe: get_variable with a partitioner and use_resource=True: each part a
ResourceVariable (VarHandleOp, its initializer, reads), the
PartitionedVariable over them, their save slice infos, collections, and
an embedding_lookup over them.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, show


def case_partitioned_resource_variable_parts(T):
    v = T.get_variable("emb", (10, 4), partitioner=T.fixed_size_partitioner(2),
                       use_resource=True)
    show(type(v).__name__, v.name, v.get_shape(), len(list(v)))
    for part in v:
        show(type(part).__name__, part.name, part.shape, part._get_save_slice_info().full_name,
             part._get_save_slice_info().var_offset, part._get_save_slice_info().var_shape)
    show([x.name for x in T.global_variables()], [x.name for x in T.trainable_variables()])
    ops(T)


def case_partitioned_resource_variable_in_scope_reused(T):
    with T.variable_scope("s", partitioner=T.fixed_size_partitioner(3), use_resource=True):
        v = T.get_variable("w", (6, 2), initializer=T.zeros_initializer())
    with T.variable_scope("s", reuse=True, partitioner=T.fixed_size_partitioner(3),
                          use_resource=True):
        show(T.get_variable("w", (6, 2)) is v)
    err(lambda: T.get_variable("s/w", (6, 2), partitioner=T.fixed_size_partitioner(3),
                               use_resource=True))
    ops(T)


def case_resource_default_partitioned(T):
    T.enable_resource_variables()
    v = T.get_variable("r", (4, 2), partitioner=T.fixed_size_partitioner(2))
    show([type(p).__name__ for p in v])
    T.disable_resource_variables()
    ops(T)


if __name__ == "__main__":
    main(globals())
