"""Probe: more cases of the composite nn functions and losses: variables and
Python values as inputs, names inside scopes, label smoothing, argument
binding errors, the noise shapes and axes TensorFlow refuses, and the cases
scopesim does not simulate (TensorFlow's ops recorded all the same).
tests/tf/test_ops_nn2.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_dropout_variable_and_scope(T):
    v = T.get_variable("v", (2, 3))
    with T.variable_scope("s"):
        tensor(T.nn.dropout(v, rate=0.1))
    ops(T, 8)


def case_dropout_noise_shape_partial(T):
    err(lambda: T.nn.dropout(_x(T, (None, 3)), rate=0.5, noise_shape=[None, 1]))
    tensor(T.nn.dropout(_x(T), rate=0.5, noise_shape=T.constant([2, 1])))
    ops(T)


def case_dropout_binding(T):
    err(lambda: T.nn.dropout())
    err(lambda: T.nn.dropout(_x(T), 0.5, None, None, None, 0.5, 1))
    err(lambda: T.nn.dropout(_x(T), rate=0.5, bogus=1))
    ops(T)


def case_moments_variable_tuple_axes(T):
    v = T.get_variable("v", (4, 3))
    m, var = T.nn.moments(v, (0,))
    tensor(m)
    tensor(var)
    m, var = T.nn.moments(v, [0, 1], keep_dims=False, name="all")
    tensor(m)
    tensor(var)
    ops(T, 8)


def case_moments_errors(T):
    err(lambda: T.nn.moments([1.0, 2.0], [0]))
    err(lambda: T.nn.moments(_x(T), [2]))
    err(lambda: T.nn.moments(_x(T)))
    ops(T)


def case_batch_normalization_python_values(T):
    x = _x(T, (4, 3))
    tensor(T.nn.batch_normalization(x, 0.0, 1.0, 0.0, 1.0, 1e-3))
    tensor(T.nn.batch_normalization(x, _x(T, (3,), name="m"), _x(T, (3,), name="v"),
                                    offset=None, scale=None, variance_epsilon=1e-3))
    ops(T)


def case_batch_normalization_float64_x(T):
    x = _x(T, (4, 3), T.float64)
    err(lambda: T.nn.batch_normalization(x, _x(T, (3,), name="m"), _x(T, (3,), name="v"),
                                         None, None, 1e-3))
    tensor(T.nn.batch_normalization(x, _x(T, (3,), T.float64, "m"),
                                    _x(T, (3,), T.float64, "v"), None, None, 1e-3))
    ops(T)


def case_xent_python_values(T):
    tensor(T.nn.sigmoid_cross_entropy_with_logits(labels=[1.0, 0.0], logits=[0.5, -0.5]))
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(labels=[0, 1],
                                                         logits=[[1.0, 2.0], [3.0, 4.0]]))
    ops(T)


def case_xent_in_scope(T):
    with T.name_scope("loss"):
        tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, name="y"), logits=_x(T)))
        tensor(T.nn.sparse_softmax_cross_entropy_with_logits(
            labels=_x(T, (2,), T.int32, "y"), logits=_x(T)))
    show([op.name for op in T.get_default_graph().get_operations()][-3:])


def case_softmax_xent_float16(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, dtype=T.float16, name="y"),
                                                     logits=_x(T, dtype=T.float16)))
    ops(T)


def case_sparse_xent_float16(T):
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(labels=_x(T, (2,), T.int32, "y"),
                                                         logits=_x(T, dtype=T.float16)))
    ops(T)


def case_softmax_cross_entropy_label_smoothing(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, name="y"), _x(T), label_smoothing=0.1))
    ops(T)


def case_losses_weights_list(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=[[1.0], [2.0]]))
    ops(T)


def case_losses_binding(T):
    err(lambda: T.losses.mean_squared_error(_x(T, name="y")))
    err(lambda: T.losses.sparse_softmax_cross_entropy(labels=_x(T, (2,), T.int32, "y")))
    ops(T)


def case_embedding_lookup_python_list_is_partitioned(T):
    tensor(T.nn.embedding_lookup([[1.0, 2.0], [3.0, 4.0]], [1]))
    ops(T)


def case_embedding_lookup_tuple_is_one_value(T):
    tensor(T.nn.embedding_lookup((_x(T, (5, 2), name="p"),), [0, 0, 1]))
    ops(T)


def case_dropout_unexpected_keywords(T):
    err(lambda: T.nn.dropout(bogus=1))
    err(lambda: T.nn.dropout(1.0, x=1, bogus=2))
    err(lambda: T.nn.dropout(bogus=1, other=2))
    err(lambda: T.nn.moments(_x(T), [0], keep=True))


def case_get_regularization_loss_in_scope(T):
    with T.variable_scope("net", regularizer=lambda w: T.reduce_sum(w)):
        T.get_variable("w", (2,))
        T.get_variable("b", (2,))
    with T.name_scope("total"):
        tensor(T.losses.get_regularization_loss())
    show([t.name for t in T.losses.get_regularization_losses("net/w")])


if __name__ == "__main__":
    main(globals())
