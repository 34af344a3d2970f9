"""Probe: tf.nn.softmax and log_softmax on another axis than the last
(`_wrap_2d_function`'s Rank, range, concat, transpose there and back, the
static shape set again), on unknown ranks and partly known shapes, the axis
range check, `dim`.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, tensor


def _x(T, shape=(2, 3, 4), name="x"):
    return T.placeholder(T.float32, shape, name=name)


def case_softmax_first_axis(T):
    tensor(T.nn.softmax(_x(T), axis=0))
    ops(T)


def case_softmax_middle_axis_named(T):
    tensor(T.nn.softmax(_x(T), axis=1, name="sm"))
    ops(T)


def case_softmax_negative_axis(T):
    tensor(T.nn.softmax(_x(T), axis=-2))
    ops(T)


def case_softmax_last_axis_positive(T):
    tensor(T.nn.softmax(_x(T), axis=2))
    ops(T)


def case_softmax_dim(T):
    tensor(T.nn.softmax(_x(T), dim=0))
    err(lambda: T.nn.softmax(_x(T), axis=0, dim=0))
    ops(T)


def case_log_softmax_first_axis(T):
    tensor(T.nn.log_softmax(_x(T, (3, 4)), axis=0))
    ops(T)


def case_softmax_axis_out_of_range(T):
    err(lambda: T.nn.softmax(_x(T), axis=3))
    err(lambda: T.nn.softmax(_x(T), axis=-4))
    err(lambda: T.nn.log_softmax(_x(T), axis=5))
    ops(T)


def case_softmax_unknown_rank(T):
    tensor(T.nn.softmax(_x(T, None)))
    tensor(T.nn.log_softmax(_x(T, None), axis=-1))
    err(lambda: T.nn.softmax(_x(T, None), axis=0))
    err(lambda: T.nn.log_softmax(_x(T, None), axis=1))
    ops(T)


def case_softmax_partly_known(T):
    tensor(T.nn.softmax(_x(T, (None, 3)), axis=0))
    tensor(T.nn.softmax(_x(T, (None, None, 5)), axis=1))
    ops(T)


def case_softmax_python_value(T):
    tensor(T.nn.softmax([[1.0, 2.0], [3.0, 4.0]], axis=0))
    ops(T)


def case_softmax_in_scope(T):
    with T.name_scope("s"):
        tensor(T.nn.softmax(_x(T), axis=0))
    ops(T)


def case_softmax_scalar(T):
    err(lambda: T.nn.softmax(_x(T, ()), axis=0))
    tensor(T.nn.softmax(_x(T, ())))
    ops(T)


def case_softmax_tensor_axis(T):
    tensor(T.nn.softmax(_x(T), axis=T.constant(0)))
    ops(T)


def case_softmax_tensor_axis_negative_and_unknown(T):
    tensor(T.nn.log_softmax(_x(T), axis=T.constant(-2)))
    tensor(T.nn.softmax(_x(T, (2, 3)), axis=T.placeholder(T.int32, (), name="a")))
    err(lambda: T.nn.softmax(_x(T), axis=T.constant(3)))
    err(lambda: T.nn.softmax(_x(T, None), axis=T.constant(0)))
    ops(T)


if __name__ == "__main__":
    main(globals())
