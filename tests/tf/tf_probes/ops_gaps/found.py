"""Probe: rules found by running random calls of the op library under
TensorFlow 2.21 and scopesim side by side: dropout's set_shape of x's
shape on a broadcast result (its merge errors), tensordot's numpy
comparison of the permutation (its broadcast error, a length of 1
broadcast), avg_pool keeping the depth its ksize names, max_pool pooling
it, batch_normalization's Python `-mean`, the stitch of a scalar Python id.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, tensor


def _x(T, shape, dtype=None):
    return T.placeholder(dtype or T.float32, shape)


def case_dropout_noise_shape_tensor_set_shape(T):
    err(lambda: T.nn.dropout(_x(T, (4,)), rate=0.1, noise_shape=_x(T, (2,), T.int32)))
    err(lambda: T.nn.dropout(_x(T, (1, None)), rate=0.5, noise_shape=_x(T, (2,), T.int32)))
    tensor(T.nn.dropout(_x(T, (None, 3)), rate=0.5, noise_shape=_x(T, (2,), T.int32)))
    ops(T)


def case_tensordot_permutation_compared_by_numpy(T):
    err(lambda: T.tensordot(_x(T, (2, 4, 4)), _x(T, (4, 2)), [[0], [-3]]))
    err(lambda: T.tensordot(_x(T, (2, 3, 1)), _x(T, (1, 2)), [[-4], [0]]))
    tensor(T.tensordot(_x(T, (3,)), _x(T, (3, 2)), [[-1], [0]]))
    ops(T)


def case_pools_depth_window(T):
    tensor(T.nn.avg_pool(_x(T, (4, 3, 2, 1)), [1, 2, 2, 1], 2, "VALID", data_format="NCHW"))
    tensor(T.nn.max_pool(_x(T, (4, 2, 2, 4)), [1, 1, 1, 2], [1, 1, 1, 2], "VALID"))
    err(lambda: T.nn.max_pool(_x(T, (4, 3, 2, 1)), [1, 2, 2, 1], 2, "VALID", data_format="NCHW"))
    ops(T)


def case_batch_normalization_python_mean_without_offset(T):
    tensor(T.nn.batch_normalization(_x(T, (2, 3)), 0.0, 1.0, None, None, 1e-3))
    tensor(T.nn.batch_normalization(_x(T, (2, 3)), 0.5, _x(T, (3,)), None, 2.0, 1e-3))
    ops(T)


def case_embedding_lookup_scalar_python_id_over_partitions(T):
    tensor(T.nn.embedding_lookup([[1.0, 2.0], [3.0, 4.0]], 0, "div"))
    tensor(T.nn.embedding_lookup([[1.0, 2.0], [3.0, 4.0]], [[0], [1]], "mod"))
    ops(T)


def case_embedding_lookup_max_norm_tensor(T):
    tensor(T.nn.embedding_lookup(_x(T, (5, 3)), _x(T, (2,), T.int32), max_norm=_x(T, ())))
    err(lambda: T.nn.embedding_lookup(_x(T, (5, 3)), _x(T, (2,), T.int32),
                                      max_norm=_x(T, (4, 2, 3))))
    ops(T)


def case_embedding_lookup_div_over_a_scalar_partition(T):
    for shapes in (((), (3,)), ((3,), ()), ((None, 2), ())):
        err(lambda: T.nn.embedding_lookup([_x(T, s) for s in shapes], _x(T, (2,), T.int32), "div"))
    ops(T)


if __name__ == "__main__":
    main(globals())
