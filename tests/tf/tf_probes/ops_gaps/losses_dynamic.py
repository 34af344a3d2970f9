"""Probe: the v1 losses when shapes are only known at run time: the weights'
`assert_broadcastable/` with TensorFlow's dynamic checks (`is_scalar`, the
`is_valid_shape` cond and its `has_valid_nonscalar_shape` cond,
`has_invalid_dims`' set difference, the `AssertGuard` cond with its Assert),
`broadcast_weights`, `remove_squeezable_dimensions` with unknown ranks
(cond), and the sparse cross entropy's `assert_equal` of shapes.
tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, show, tensor


def _x(T, shape=(None, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_mse_weights_partly_known(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), _x(T, (None, 1), name="w")))
    ops(T)


def case_mse_weights_unknown_rank(T):
    tensor(T.losses.mean_squared_error(_x(T, (2, 3), name="y"), _x(T, (2, 3)),
                                       _x(T, None, name="w")))
    ops(T)


def case_mse_values_partly_known_weights_static(T):
    tensor(T.losses.mean_squared_error(_x(T, name="y"), _x(T), _x(T, (1, 3), name="w"),
                                       reduction=T.losses.Reduction.SUM))
    ops(T)


def case_softmax_xent_weights_vector(T):
    tensor(T.losses.softmax_cross_entropy(_x(T, name="y"), _x(T), _x(T, (None,), name="w")))
    show([t.name for t in T.get_collection("losses")])


def case_weights_rank_mismatch_is_still_static(T):
    err(lambda: T.losses.mean_squared_error(_x(T, name="y"), _x(T), _x(T, (None,), name="w")))


def case_assert_guard_control_inputs(T):
    loss = T.losses.mean_squared_error(_x(T, name="y"), _x(T), _x(T, (None, 1), name="w"),
                                       reduction=T.losses.Reduction.SUM)
    g = T.get_default_graph()
    check = "mean_squared_error/assert_broadcastable/"
    for name in ("mean_squared_error/Mul", check + "AssertGuard/NoOp",
                 check + "AssertGuard/control_dependency", check + "AssertGuard/Assert/data_0",
                 check + "is_valid_shape/has_valid_nonscalar_shape/has_invalid_dims/ExpandDims/dim"):
        show(name, [c.name for c in g.get_operation_by_name(name).control_inputs])
    show(len(T.get_collection(T.GraphKeys.COND_CONTEXT)), loss.name)


def case_sparse_xent_labels_unknown_rank(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, None, T.int32, "y"), _x(T)))
    ops(T)


def case_sparse_xent_logits_unknown_rank(T):
    err(lambda: T.losses.sparse_softmax_cross_entropy(_x(T, (None,), T.int32, "y"),
                                                      _x(T, None)))
    ops(T)


def case_sparse_xent_weights_unknown_rank(T):
    tensor(T.losses.sparse_softmax_cross_entropy(_x(T, (None,), T.int32, "y"), _x(T),
                                                 _x(T, None, name="w")))
    ops(T)


def case_sparse_xent_rank3_logits_partly_known(T):
    tensor(T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (None, 4), T.int32, "y"), logits=_x(T, (None, 4, 5))))
    ops(T)


def case_sparse_xent_scalar_labels_unknown_logits(T):
    err(lambda: T.losses.sparse_softmax_cross_entropy(_x(T, (), T.int32, "y"), _x(T, None)))


def case_shape_error_names_the_control_input(T):
    err(lambda: T.losses.mean_squared_error(_x(T, (2, None), name="y"), _x(T, (2, None)),
                                            _x(T, (4, 3), name="w")))


def case_shape_slice_by_a_computed_index_is_not_inferred(T):
    x = _x(T, (None, 4, 5))
    show(T.reshape(x, [-1, T.shape(x)[2]]).shape)
    show(T.reshape(x, [-1, T.shape(x)[T.constant(2)]]).shape)
    show(T.reshape(x, [-1, T.shape(x)[T.rank(x) - 1]]).shape)
    y = _x(T, (2, 4, 5), name="y")
    show(T.reshape(y, [-1, T.shape(y)[T.rank(y) - 1]]).shape)


if __name__ == "__main__":
    main(globals())
