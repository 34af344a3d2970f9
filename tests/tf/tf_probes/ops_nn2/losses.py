"""Probe: tf.compat.v1.losses.mean_squared_error, softmax_cross_entropy,
sparse_softmax_cross_entropy (weights, reduction, the `losses` collection,
the assert_broadcastable / num_present / value plumbing) and
get_regularization_loss.  tests/tf/test_losses.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def _coll(T, key="losses"):
    show(key, [t.name for t in T.get_collection(key)])


def _ctrl(T):
    for op in T.get_default_graph().get_operations():
        if op.control_inputs:
            show("control", op.name, [c.name for c in op.control_inputs])


def case_mse_default(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T)))
    ops(T)
    _ctrl(T)
    _coll(T)


def case_mse_named_scope_and_dtypes(T):
    tensor(T.losses.mean_squared_error(_x(T, dtype=T.float64, name="y"), _x(T), scope="mse"))
    tensor(T.losses.mean_squared_error([[1.0, 2.0]], [[1, 2]]))
    ops(T)
    _coll(T)


def case_mse_weights_tensor(T):
    w = _x(T, (2, 1), name="w")
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=w))
    ops(T)
    _ctrl(T)


def case_mse_weights_same_shape(T):
    w = _x(T, (2, 3), name="w")
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=w))
    ops(T)
    _ctrl(T)


def case_mse_weights_python(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=2.0))
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=0.0))
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=2))
    ops(T)


def case_mse_reductions(T):
    R = T.losses.Reduction
    show(R.NONE, R.SUM, R.MEAN, R.SUM_OVER_BATCH_SIZE, R.SUM_BY_NONZERO_WEIGHTS,
         R.SUM_OVER_NONZERO_WEIGHTS, R.all())
    for r in (R.NONE, R.SUM, R.MEAN, R.SUM_OVER_BATCH_SIZE):
        tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), reduction=r))
    err(lambda: T.losses.mean_squared_error(_x(T, name="y"), _x(T), reduction="bad"))
    ops(T)


def case_mse_loss_collection(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), loss_collection="mine"))
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), loss_collection=None))
    _coll(T)
    _coll(T, "mine")
    show([t.name for t in T.losses.get_losses()])
    show([t.name for t in T.losses.get_losses(loss_collection="mine")])


def case_mse_errors(T):
    err(lambda: T.losses.mean_squared_error(None, _x(T)))
    err(lambda: T.losses.mean_squared_error(_x(T, name="y"), None))
    err(lambda: T.losses.mean_squared_error(_x(T, (2, 4), name="y"), _x(T)))
    err(lambda: T.losses.mean_squared_error(_x(T, name="y"), _x(T), weights=_x(T, (3,), name="w")))
    err(lambda: T.losses.mean_squared_error(_x(T, name="y"), _x(T),
                                            weights=_x(T, (2, 2), name="w")))
    ops(T)


def case_softmax_cross_entropy(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, name="y"), _x(T)))
    ops(T)
    _ctrl(T)
    _coll(T)


def case_softmax_cross_entropy_int_labels(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, dtype=T.int32, name="y"), _x(T), scope="sce"))
    ops(T)


def case_softmax_cross_entropy_errors(T):
    err(lambda: T.losses.softmax_cross_entropy(None, _x(T)))
    err(lambda: T.losses.softmax_cross_entropy(_x(T, name="y"), None))
    err(lambda: T.losses.softmax_cross_entropy(_x(T, (2, 4), name="y"), _x(T)))
    ops(T)


def case_sparse_softmax_cross_entropy(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (2,), T.int32, "y"), _x(T)))
    ops(T)
    _ctrl(T)
    _coll(T)


def case_sparse_softmax_cross_entropy_weights(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (2,), T.int64, "y"), _x(T),
                                                 weights=_x(T, (2,), name="w")))
    ops(T)
    _ctrl(T)


def case_sparse_softmax_cross_entropy_squeezable(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (2, 1), T.int32, "y"), _x(T)))
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (2,), T.int32, "y"), _x(T),
                                                 weights=_x(T, (2, 1), name="w")))
    ops(T)


def case_sparse_softmax_cross_entropy_errors(T):
    err(lambda: T.losses.sparse_softmax_cross_entropy(None, _x(T)))
    err(lambda: T.losses.sparse_softmax_cross_entropy(_x(T, (2,), T.int32, "y"), None))
    err(lambda: T.losses.sparse_softmax_cross_entropy(_x(T, (3,), T.int32, "y"), _x(T)))
    ops(T)


def case_get_regularization_loss_empty(T):
    tensor(T.losses.get_regularization_loss())
    tensor(T.losses.get_regularization_loss(name="r"))
    ops(T)


def case_get_regularization_loss(T):
    reg = lambda w: T.nn.l2_loss(w)  # noqa: E731
    with T.variable_scope("a"):
        T.get_variable("w", (2,), regularizer=reg)
    with T.variable_scope("b"):
        T.get_variable("w", (2,), regularizer=reg)
    show([t.name for t in T.losses.get_regularization_losses()])
    tensor(T.losses.get_regularization_loss())
    tensor(T.losses.get_regularization_loss(scope="a"))
    tensor(T.losses.get_regularization_loss(scope="a", name="ra"))
    tensor(T.losses.get_regularization_loss(scope="zzz"))
    ops(T, 22)


if __name__ == "__main__":
    main(globals())
