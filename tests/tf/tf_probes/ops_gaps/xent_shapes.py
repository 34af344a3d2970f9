"""Probe: the cross entropies on shapes known only at run time: the v2
softmax cross entropy of unknown and partly known ranks, another axis on
them, the sparse one of rank 1 and 3 logits, the sigmoid one of
unknown shapes, and the losses over them.  tests/tf/test_ops_gaps.py
replays it."""

from gaps_common import err, main, ops, tensor


def _x(T, shape=(None, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_softmax_xent_unknown_rank(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, None, name="y"),
                                                     logits=_x(T, None)))
    ops(T)


def case_softmax_xent_unknown_rank_other_axis(T):
    err(lambda: T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, None, name="y"),
                                                          logits=_x(T, None), axis=0))
    ops(T)


def case_softmax_xent_rank3_axis1(T):
    tensor(T.nn.softmax_cross_entropy_with_logits_v2(labels=_x(T, (None, 4, 5), name="y"),
                                                     logits=_x(T, (None, 4, 5)), axis=1))
    ops(T)


def case_softmax_xent_v1_dim(T):
    tensor(T.nn.softmax_cross_entropy_with_logits(labels=_x(T, name="y"), logits=_x(T), dim=0))
    ops(T)


def case_sparse_xent_rank1_logits(T):
    err(lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (), T.int32, "y"), logits=_x(T, (3,))))
    ops(T)


def case_sparse_xent_unknown_rank_logits(T):
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(labels=_x(T, (None,), T.int32, "y"),
                                                         logits=_x(T, None)))
    ops(T)


def case_sigmoid_xent_unknown(T):
    tensor(T.nn.sigmoid_cross_entropy_with_logits(labels=_x(T, None, name="y"),
                                                  logits=_x(T, (None, 3))))
    ops(T)


def case_losses_softmax_unknown_rank(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, None, name="y"), _x(T, None)))
    ops(T)


def case_losses_softmax_label_smoothing_partly_known(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, name="y"), _x(T), label_smoothing=0.2))
    ops(T)


if __name__ == "__main__":
    main(globals())
