"""Probe: the activations of tf.nn (relu6, elu, leaky_relu, softplus, softmax,
log_softmax, sigmoid, tanh) and bias_add / xw_plus_b: scopes, the constants
made from Python arguments, op types, shapes, dtypes, errors.
tests/tf/test_ops_nn.py replays it."""

from nn_common import err, main, ops, show, tensor


def _x(T, shape=(2, 3), dtype=None):
    return T.placeholder(dtype or T.float32, shape, name="x")


def case_relu6_scope_and_list(T):
    tensor(T.nn.relu6(_x(T)))
    tensor(T.nn.relu6([1.0, -2.0]))
    tensor(T.nn.relu6(_x(T, None), name="r"))
    tensor(T.nn.relu6(_x(T, (None, 4), T.int32)))
    ops(T)


def case_relu6_errors(T):
    err(lambda: T.nn.relu6(_x(T, (2,), T.bool)))
    err(lambda: T.nn.relu6("a"))
    ops(T)


def case_elu_softplus(T):
    tensor(T.nn.elu(_x(T)))
    tensor(T.nn.softplus(_x(T, (None, 2))))
    tensor(T.nn.elu([1.0]))
    tensor(T.nn.softplus([1.0], name="sp"))
    err(lambda: T.nn.elu(_x(T, (2,), T.int32)))
    err(lambda: T.nn.softplus(_x(T, (2,), T.int32)))
    err(lambda: T.nn.elu([1]))
    ops(T)


def case_leaky_relu(T):
    tensor(T.nn.leaky_relu(_x(T)))
    tensor(T.nn.leaky_relu(_x(T), alpha=0.1, name="lr"))
    tensor(T.nn.leaky_relu(_x(T, (3,), T.int32)))
    tensor(T.nn.leaky_relu([1.0, 2.0]))
    tensor(T.nn.leaky_relu([1, 2]))
    tensor(T.nn.leaky_relu(_x(T, (3,), T.float64), 0.3))
    err(lambda: T.nn.leaky_relu(_x(T), alpha="a"))
    err(lambda: T.nn.leaky_relu(_x(T, (2,), T.bool)))
    ops(T)


def case_leaky_relu_node_def(T):
    show(T.nn.leaky_relu(_x(T), alpha=0.1).op)
    show(T.nn.leaky_relu(_x(T), alpha=1).op)


def case_sigmoid_tanh_nn(T):
    show(T.nn.sigmoid is T.math.sigmoid, T.nn.tanh is T.math.tanh)
    tensor(T.nn.sigmoid(_x(T)))
    tensor(T.nn.tanh(_x(T)))
    tensor(T.nn.sigmoid([1.0], name="s"))
    tensor(T.nn.tanh([1.0]))
    ops(T)


def case_softmax_last_axis(T):
    tensor(T.nn.softmax(_x(T)))
    tensor(T.nn.softmax(_x(T), axis=1))
    tensor(T.nn.softmax(_x(T), axis=-1, name="sm"))
    tensor(T.nn.softmax(_x(T, (None, None, 5)), dim=-1))
    tensor(T.nn.softmax([1.0, 2.0]))
    tensor(T.nn.log_softmax(_x(T)))
    tensor(T.nn.log_softmax(_x(T), dim=1, name="ls"))
    tensor(T.nn.log_softmax(_x(T, None)))
    tensor(T.math.softmax(_x(T)))
    ops(T)


def case_softmax_errors(T):
    err(lambda: T.nn.softmax(_x(T, (2,), T.int32)))
    err(lambda: T.nn.softmax(_x(T), axis=1, dim=1))
    err(lambda: T.nn.log_softmax(_x(T, (2,), T.float64), axis=0, dim=0))
    err(lambda: T.nn.softmax(_x(T, ())))
    err(lambda: T.nn.log_softmax(_x(T, ())))
    err(lambda: T.nn.softmax([1, 2]))
    ops(T)


def case_bias_add(T):
    b = T.placeholder(T.float32, (3,), name="b")
    tensor(T.nn.bias_add(_x(T), b))
    tensor(T.nn.bias_add(_x(T, (None, 4, 4, 3)), b, name="ba"))
    tensor(T.nn.bias_add(_x(T, None), b))
    tensor(T.nn.bias_add(_x(T, (None, None)), b))
    tensor(T.nn.bias_add(_x(T, (2, 3, 4, 4)), b, data_format="NCHW"))
    tensor(T.nn.bias_add(_x(T, (2, 3, 4)), b, data_format="NCW"))
    tensor(T.nn.bias_add(_x(T, (2, 4, 3)), b, data_format="NWC"))
    tensor(T.nn.bias_add(_x(T), [1.0, 2.0, 3.0]))
    tensor(T.nn.bias_add([[1.0, 2.0, 3.0]], b))
    tensor(T.nn.bias_add(_x(T, (2, 3), T.float64), [1, 2, 3]))
    ops(T)


def case_bias_add_node_def(T):
    b = T.placeholder(T.float32, (3,), name="b")
    show(T.nn.bias_add(_x(T), b).op)
    show(T.nn.bias_add(_x(T, (2, 3, 4)), b, data_format="NCHW").op)


def case_bias_add_errors(T):
    b = T.placeholder(T.float32, (3,), name="b")
    err(lambda: T.nn.bias_add(_x(T), b, data_format="NHW"))
    err(lambda: T.nn.bias_add(_x(T), b, data_format="HWC"))
    err(lambda: T.nn.bias_add(_x(T, (2, 4)), b))
    err(lambda: T.nn.bias_add(_x(T, (3,)), b))
    err(lambda: T.nn.bias_add(_x(T), [[1.0, 2.0, 3.0]]))
    err(lambda: T.nn.bias_add(_x(T, (2, 3)), b, data_format="NCHW"))
    err(lambda: T.nn.bias_add(_x(T, (2, 4, 5)), b, data_format="NCHW"))
    err(lambda: T.nn.bias_add(_x(T, (2, 3), T.float64), b))
    err(lambda: T.nn.bias_add(_x(T, (2, 3), T.bool), [True, False, True]))
    err(lambda: T.nn.bias_add(_x(T), b, data_format=1))
    ops(T)


def case_xw_plus_b(T):
    w = T.placeholder(T.float32, (3, 5), name="w")
    b = T.placeholder(T.float32, (5,), name="b")
    tensor(T.nn.xw_plus_b(_x(T), w, b))
    tensor(T.nn.xw_plus_b(_x(T, (None, 3)), w, b, name="dense"))
    tensor(T.nn.xw_plus_b([[1.0, 2.0, 3.0]], w, [1.0, 2.0, 3.0, 4.0, 5.0]))
    err(lambda: T.nn.xw_plus_b(_x(T, (2, 4)), w, b))
    err(lambda: T.nn.xw_plus_b(_x(T), w, [1.0]))
    ops(T)


if __name__ == "__main__":
    main(globals())
