"""Probe: tf.compat.v1.nn.dropout with `rate` and the deprecated `keep_prob`:
the dropout/ scope, its constants, Shape, random_uniform/..., GreaterEqual,
SelectV2, shapes, dtypes, errors.  tests/tf/test_ops_nn2.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def case_dropout_rate_float(T):
    tensor(T.nn.dropout(_x(T), rate=0.5))
    ops(T)


def case_dropout_keep_prob(T):
    tensor(T.nn.dropout(_x(T), keep_prob=0.8))
    tensor(T.nn.dropout(_x(T), 0.5, name="d"))
    ops(T)


def case_dropout_rate_tensor(T):
    r = T.placeholder(T.float32, (), name="r")
    tensor(T.nn.dropout(_x(T), rate=r))
    tensor(T.nn.dropout(_x(T, (None, 3), T.float64), rate=T.constant(0.3, T.float64)))
    ops(T)


def case_dropout_keep_prob_tensor(T):
    k = T.placeholder(T.float32, (), name="k")
    tensor(T.nn.dropout(_x(T), keep_prob=k))
    ops(T)


def case_dropout_rate_tensor_other_dtype(T):
    r = T.placeholder(T.float64, (), name="r")
    err(lambda: T.nn.dropout(_x(T), rate=r))
    r = T.placeholder(T.int32, (), name="ri")
    err(lambda: T.nn.dropout(_x(T), rate=r))
    ops(T)


def case_dropout_rate_variable(T):
    r = T.get_variable("r", (), initializer=T.constant_initializer(0.5))
    err(lambda: T.nn.dropout(_x(T), rate=r))
    k = T.get_variable("k", (), initializer=T.constant_initializer(0.5))
    tensor(T.nn.dropout(_x(T), keep_prob=k))
    with T.variable_scope("res", use_resource=True):
        q = T.get_variable("q", (), initializer=T.constant_initializer(0.5))
    tensor(T.nn.dropout(_x(T), rate=q))
    ops(T, 8)


def case_dropout_rate_tensor_rank(T):
    r = T.placeholder(T.float32, (2,), name="r")
    err(lambda: T.nn.dropout(_x(T), rate=r))
    ops(T)


def case_dropout_rate_zero(T):
    x = _x(T)
    y = T.nn.dropout(x, rate=0.0)
    show(y is x)
    tensor(T.nn.dropout([1.0, 2.0], rate=0))
    ops(T)


def case_dropout_unknown_shapes(T):
    tensor(T.nn.dropout(_x(T, None), rate=0.1))
    tensor(T.nn.dropout(_x(T, (None, None, 4)), rate=0.25))
    ops(T)


def case_dropout_noise_shape(T):
    tensor(T.nn.dropout(_x(T, (2, 3, 4)), rate=0.5, noise_shape=[2, 1, 4]))
    tensor(T.nn.dropout(_x(T, (2, 3)), rate=0.5, noise_shape=[None, 1]))
    tensor(T.nn.dropout(_x(T, (None, 3)), rate=0.5, noise_shape=[1, 3]))
    tensor(T.nn.dropout(_x(T, (2, 3)), rate=0.5, noise_shape=[3]))
    ops(T)


def case_dropout_seed(T):
    tensor(T.nn.dropout(_x(T), rate=0.5, seed=3))
    show(T.get_default_graph().get_operation_by_name("dropout/random_uniform/RandomUniform")
         .get_attr("seed2"))
    ops(T)


def case_dropout_errors(T):
    err(lambda: T.nn.dropout(_x(T)))
    err(lambda: T.nn.dropout(_x(T), rate=1.0))
    err(lambda: T.nn.dropout(_x(T), rate=-0.1))
    err(lambda: T.nn.dropout(_x(T), keep_prob=0.0))
    err(lambda: T.nn.dropout(_x(T), keep_prob="a"))
    err(lambda: T.nn.dropout(_x(T), rate=0.5, keep_prob=0.5))
    err(lambda: T.nn.dropout(_x(T, (2,), T.int32), rate=0.5))
    err(lambda: T.nn.dropout([1, 2], rate=0.5))
    err(lambda: T.nn.dropout(_x(T), rate="a"))
    err(lambda: T.nn.dropout(_x(T), rate=[0.5]))
    ops(T)


def case_dropout_list_input_and_names(T):
    tensor(T.nn.dropout([[1.0, 2.0]], rate=0.5))
    with T.name_scope("s"):
        tensor(T.nn.dropout(_x(T), rate=0.5))
        tensor(T.nn.dropout(_x(T), rate=0.5, name="drop"))
    ops(T)


if __name__ == "__main__":
    main(globals())
