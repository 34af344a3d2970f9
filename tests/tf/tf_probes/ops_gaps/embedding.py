"""Probe: tf.nn.embedding_lookup over partitioned parameters (a list of
tensors, a PartitionedVariable of ref or resource variables), with
`partition_strategy` "mod" and "div" (static and run-time partition sizes),
ids of rank 1 and 2, element shapes known or not, `max_norm` (clip_by_norm)
and its errors: the names, shapes and order of the Reshape, Range,
FloorMod/FloorDiv, DynamicPartition, GatherV2, ParallelDynamicStitch and
final Reshape ops TensorFlow builds.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, show, tensor


def _p(T, shape, name="p", dtype=None):
    return T.placeholder(dtype or T.float32, shape, name=name)


def _ids(T, shape=(None,), dtype=None):
    return T.placeholder(dtype or T.int32, shape, name="ids")


def case_mod_two_tensors(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T)))
    ops(T)


def case_div_two_tensors(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T),
                                 partition_strategy="div"))
    ops(T)


def case_div_three_tensors_rank2_ids_named(T):
    tensor(T.nn.embedding_lookup([_p(T, (4, 2)), _p(T, (3, 2)), _p(T, (3, 2))],
                                 _ids(T, (2, 3)), "div", name="emb"))
    ops(T)


def case_div_unknown_partition_size(T):
    tensor(T.nn.embedding_lookup([_p(T, (None, 3)), _p(T, (4, 3))], _ids(T),
                                 partition_strategy="div"))
    ops(T)


def case_mod_unknown_element_shape(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, None)), _p(T, (4, None))], _ids(T)))
    ops(T)


def case_mod_merged_element_shape(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, None, 2)), _p(T, (4, 3, None))], _ids(T, (2,))))
    ops(T)


def case_partitioned_variable_mod_and_div(T):
    v = T.get_variable("emb", (10, 4), partitioner=T.fixed_size_partitioner(2))
    start = len(T.get_default_graph().get_operations())
    tensor(T.nn.embedding_lookup(v, _ids(T)))
    tensor(T.nn.embedding_lookup(v, _ids(T, (3,)), partition_strategy="div"))
    ops(T, start)


def case_partitioned_resource_variable(T):
    v = T.get_variable("emb", (10, 4), partitioner=T.fixed_size_partitioner(2),
                       use_resource=True)
    start = len(T.get_default_graph().get_operations())
    tensor(T.nn.embedding_lookup(v, _ids(T)))
    ops(T, start)


def case_list_of_variables(T):
    a = T.get_variable("a", (3, 2))
    b = T.get_variable("b", (3, 2))
    start = len(T.get_default_graph().get_operations())
    tensor(T.nn.embedding_lookup([a, b], _ids(T)))
    ops(T, start)


def case_python_values(T):
    tensor(T.nn.embedding_lookup([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0]]], [0, 2, 1]))
    ops(T)


def case_int64_ids(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T, (2,), T.int64)))
    ops(T)


def case_div_int64_ids_unknown_partition_size(T):
    tensor(T.nn.embedding_lookup([_p(T, (None, 3)), _p(T, (4, 3))], _ids(T, (2,), T.int64),
                                 partition_strategy="div"))
    ops(T)


def case_partitioned_ids_of_unknown_rank(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T, None)))
    ops(T)


def case_partitioned_zero_partition_sizes(T):
    tensor(T.nn.embedding_lookup([_p(T, (0, 3)), _p(T, (0, 3))], _ids(T), "div"))
    ops(T)


def case_bad_partition_strategy(T):
    err(lambda: T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T),
                                      partition_strategy="foo"))
    show(T.nn.embedding_lookup([_p(T, (5, 3))], _ids(T), partition_strategy="foo"))
    ops(T)


def case_max_norm_one_tensor(T):
    tensor(T.nn.embedding_lookup(_p(T, (5, 3)), _ids(T), max_norm=1.0))
    ops(T)


def case_max_norm_rank2_ids(T):
    tensor(T.nn.embedding_lookup(_p(T, (5, 3, 2)), _ids(T, (2, 2)), max_norm=2))
    ops(T)


def case_max_norm_unknown_ranks(T):
    tensor(T.nn.embedding_lookup(_p(T, None), _ids(T, None), max_norm=1.0))
    ops(T)


def case_max_norm_partitioned(T):
    tensor(T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T), max_norm=1.0))
    ops(T)


def case_errors(T):
    err(lambda: T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 2))], _ids(T)))
    err(lambda: T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3), dtype=T.float64)], _ids(T)))
    err(lambda: T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, (4, 3))], _ids(T, (2,), T.float32)))
    err(lambda: T.nn.embedding_lookup([_p(T, (5, 3)), _p(T, ())], _ids(T)))
    ops(T)


if __name__ == "__main__":
    main(globals())
