"""Probe: the losses over a batch of unknown size (the weights still
static), the softmax cross entropy on another axis than the last, and the
loss functions' names as tf.compat.v1.losses exports them.
tests/tf/test_losses.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_mse_unknown_batch(T):
    tensor(T.losses.mean_squared_error(_x(T, (None, 3), name="y"), _x(T, (None, 3))))
    ops(T)


def case_mse_unknown_batch_sum_over_batch_size(T):
    tensor(T.losses.mean_squared_error(_x(T, (None, 3), name="y"), _x(T, (None, 3)),
                                       reduction=T.losses.Reduction.SUM_OVER_BATCH_SIZE))
    ops(T)


def case_sparse_softmax_cross_entropy_unknown_batch(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (None,), T.int64, "y"),
                                                 _x(T, (None, 5))))
    ops(T)


def case_softmax_cross_entropy_unknown_batch(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, (None, 5), name="y"), _x(T, (None, 5)),
                                          weights=0.5))
    ops(T)


def case_softmax_xent_axis(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, (3, 2), name="y"),
                                                     logits=_x(T, (3, 2)), axis=0))
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, (3, 2, 4), name="y"),
                                                     logits=_x(T, (3, 2, 4)), dim=1))
    ops(T)


def case_softmax_xent_axis_v1(T):
    tensor(T.nn.softmax_cross_entropy_with_logits(labels=_x(T, (3, 2), name="y"),
                                                  logits=_x(T, (3, 2)), dim=0))
    err(lambda: T.nn.softmax_cross_entropy_with_logits(labels=_x(T, name="y"), logits=_x(T),
                                                       dim=0, axis=0))
    ops(T)


def case_compute_weighted_loss(T):
    tensor(T.losses.compute_weighted_loss(_x(T, (4,)), weights=_x(T, (4,), name="w")))
    tensor(T.losses.compute_weighted_loss([1.0, 2.0], scope="cwl",
                                          reduction=T.losses.Reduction.SUM))
    T.losses.add_loss(T.constant(1.0, name="extra"))
    T.losses.add_loss(T.constant(2.0, name="extra2"), loss_collection=None)
    show([t.name for t in T.losses.get_losses()])
    ops(T)


if __name__ == "__main__":
    main(globals())
