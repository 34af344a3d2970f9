"""Probe: tf.nn.conv2d of an input of rank above 4 (`squeeze_batch_dims`:
the batch dims folded into one by Reshape, Conv2D, the output reshaped back
by a concat of the batch and inner shapes, static or from `Shape`
slices), its name scope, `name`, and the errors its ops raise.
tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, tensor


def _x(T, shape=(2, 3, 8, 8, 3), name="x"):
    return T.placeholder(T.float32, shape, name=name)


def _w(T, shape=(3, 3, 3, 4)):
    return T.placeholder(T.float32, shape, name="w")


def case_conv2d_rank5_static(T):
    tensor(T.nn.conv2d(_x(T), _w(T), 1, "SAME"))
    ops(T)


def case_conv2d_rank5_named_valid_strided(T):
    tensor(T.nn.conv2d(_x(T), _w(T), 2, "VALID", name="c"))
    ops(T)


def case_conv2d_rank5_unknown_batch(T):
    tensor(T.nn.conv2d(_x(T, (None, 3, 8, 8, 3)), _w(T), 1, "SAME"))
    ops(T)


def case_conv2d_rank5_unknown_inner(T):
    tensor(T.nn.conv2d(_x(T, (2, 3, None, 8, 3)), _w(T), 1, "SAME"))
    ops(T)


def case_conv2d_rank5_unknown_both(T):
    tensor(T.nn.conv2d(_x(T, (2, None, 8, None, 3)), _w(T), [1, 2, 2, 1], "VALID"))
    ops(T)


def case_conv2d_rank6(T):
    tensor(T.nn.conv2d(_x(T, (2, 2, 2, 8, 8, 3)), _w(T), 1, "SAME"))
    ops(T)


def case_conv2d_rank5_nchw(T):
    tensor(T.nn.conv2d(_x(T, (2, 3, 3, 8, 8)), _w(T), 1, "SAME", data_format="NCHW"))
    ops(T)


def case_conv2d_rank5_in_scope(T):
    with T.variable_scope("layer"):
        tensor(T.nn.conv2d(_x(T), _w(T), 1, "SAME"))
    ops(T)


def case_conv2d_rank5_errors(T):
    err(lambda: T.nn.conv2d(_x(T, (2, 3, 8, 8, 5)), _w(T), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T, (3, 3, 3)), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T, (2, 3, 2, 2, 3)), _w(T), 1, "VALID"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", dilations=[2, 1, 1, 1]))
    ops(T)


def case_conv2d_rank5_python_input(T):
    err(lambda: T.nn.conv2d([[[[[1.0]]]]], _w(T, (1, 1, 1, 1)), 1, "SAME"))
    ops(T)


if __name__ == "__main__":
    main(globals())
