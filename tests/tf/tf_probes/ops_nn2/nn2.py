"""Probe: tf.compat.v1.nn.moments, batch_normalization, the cross-entropy
functions (their Shape/Reshape/Slice plumbing) and embedding_lookup over one
tensor: scopes, constants, op types, shapes, dtypes, errors.
tests/tf/test_ops_nn2.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_moments_axes(T):
    m, v = T.nn.moments(_x(T, (2, 3, 4)), axes=[0, 1])
    tensor(m)
    tensor(v)
    ops(T)


def case_moments_keep_dims(T):
    m, v = T.nn.moments(_x(T), [0], keep_dims=True)
    tensor(m)
    tensor(v)
    m, v = T.nn.moments(_x(T), [1], keepdims=True, name="mo")
    tensor(m)
    tensor(v)
    err(lambda: T.nn.moments(_x(T), [1], keepdims=True, keep_dims=True))
    ops(T)


def case_moments_unknown_and_float16(T):
    m, v = T.nn.moments(_x(T, None), [0])
    tensor(m)
    tensor(v)
    m, v = T.nn.moments(_x(T, (None, 3), T.float16), [0])
    tensor(m)
    tensor(v)
    ops(T)


def case_batch_normalization(T):
    x = _x(T, (4, 3))
    mean, var = _x(T, (3,), name="mean"), _x(T, (3,), name="var")
    off, sc = _x(T, (3,), name="off"), _x(T, (3,), name="sc")
    tensor(T.nn.batch_normalization(x, mean, var, off, sc, 1e-3))
    tensor(T.nn.batch_normalization(x, mean, var, None, None, 0.001, name="bn"))
    tensor(T.nn.batch_normalization(x, mean, var, off, None, 1e-5))
    tensor(T.nn.batch_normalization(x, mean, var, None, sc, 1e-5))
    ops(T)


def case_sparse_xent_rank2(T):
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (4,), T.int32, "y"), logits=_x(T, (4, 3))))
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (None,), T.int64, "y"), logits=_x(T, (None, 3)), name="xe"))
    ops(T)


def case_sparse_xent_rank3(T):
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (2, 4), T.int32, "y"), logits=_x(T, (2, 4, 3))))
    ops(T)


def case_sparse_xent_errors(T):
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(logits=_x(T)))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (), T.int32, "y"), logits=_x(T, ())))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (2, 3), T.int32, "y"), logits=_x(T)))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (3,), T.int32, "y"), logits=_x(T)))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (2,), T.float32, "y"), logits=_x(T)))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (2,), T.int32, "y"), logits=_x(T, (2, 3), T.int32)))
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(_x(T, (2,), T.int32, "y"), _x(T)))
    ops(T)


def case_softmax_xent_v2(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, name="y"), logits=_x(T)))
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(
        labels=_x(T, (None, 3), name="y"), logits=_x(T, (None, 3)), name="xe"))
    ops(T)


def case_softmax_xent_v2_rank3_and_unknown(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(
        labels=_x(T, (2, 4, 3), name="y"), logits=_x(T, (2, 4, 3))))
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, None, name="y"),
                                                     logits=_x(T, None)))
    ops(T)


def case_softmax_xent_v2_labels_cast(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(
        labels=_x(T, dtype=T.float64, name="y"), logits=_x(T)))
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=[[0.0, 1.0, 0.0]],
                                                     logits=[[1.0, 2.0, 3.0]]))
    ops(T)


def case_softmax_xent_v1(T):
    tensor(T.nn.softmax_cross_entropy_with_logits(labels=_x(T, name="y"), logits=_x(T)))
    tensor(T.nn.softmax_cross_entropy_with_logits(labels=_x(T, name="y"), logits=_x(T),
                                                  name="xe"))
    err(lambda: T.nn.softmax_cross_entropy_with_logits(logits=_x(T)))
    err(lambda: T.nn.softmax_cross_entropy_with_logits(_x(T, name="y"), _x(T)))
    ops(T)


def case_softmax_xent_errors(T):
    err(lambda: T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, (2, 4), name="y"),
                                                          logits=_x(T)))
    err(lambda: T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, (2, 3), T.int32, "y"),
                                                          logits=_x(T, (2, 3), T.int32)))
    ops(T)


def case_sigmoid_xent(T):
    tensor(T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, name="y"), logits=_x(T)))
    tensor(T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, (None, 3), name="y"),
                                                  logits=_x(T, (None, 3)), name="sx"))
    ops(T)


def case_sigmoid_xent_errors(T):
    err(lambda: T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, (2, 4), name="y"),
                                                       logits=_x(T)))
    err(lambda: T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, name="y")))
    err(lambda: T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, (2, 3), T.float64, "y"),
                                                       logits=_x(T)))
    ops(T)


def case_embedding_lookup(T):
    p = _x(T, (10, 4), name="params")
    tensor(T.nn.embedding_lookup(p, _x(T, (5,), T.int32, "ids")))
    tensor(T.nn.embedding_lookup(p, _x(T, (None, 2), T.int64, "ids"), name="emb"))
    tensor(T.nn.embedding_lookup(p, [1, 2]))
    tensor(T.nn.embedding_lookup([p], [1, 2]))
    ops(T)


def case_embedding_lookup_variable(T):
    v = T.get_variable("w", (10, 4))
    tensor(T.nn.embedding_lookup(v, [[1, 2]]))
    tensor(T.nn.embedding_lookup(v, _x(T, None, T.int32, "ids"), max_norm=None))
    ops(T, 3)


def case_embedding_lookup_resource_variable(T):
    with T.variable_scope("e", use_resource=True):
        v = T.get_variable("w", (10, 4))
    tensor(T.nn.embedding_lookup(v, [[1, 2]]))
    tensor(T.nn.embedding_lookup([v], _x(T, (3,), T.int32, "ids"), name="emb"))
    ops(T, 12)


def case_embedding_lookup_errors(T):
    err(lambda: T.nn.embedding_lookup([], [1]))
    err(lambda: T.nn.embedding_lookup(_x(T, (10, 4), name="p"), [1.0]))
    ops(T)


if __name__ == "__main__":
    main(globals())
