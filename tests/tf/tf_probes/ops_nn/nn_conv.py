"""Probe: tf.nn.conv2d, max_pool, avg_pool: strides/dilations/ksize
sequences, padding (SAME, VALID, explicit lists), data_format, the
generated wrappers' attr checks, the C++ shape functions (unknown and
partly known dims) and their errors.  tests/tf/test_ops_nn.py replays it."""

from nn_common import err, main, ops, show, tensor


def _x(T, shape=(2, 8, 8, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def _w(T, shape=(3, 3, 3, 4), dtype=None):
    return T.placeholder(dtype or T.float32, shape, name="w")


def case_conv2d_shapes(T):
    tensor(T.nn.conv2d(_x(T), _w(T), [1, 1, 1, 1], "SAME"))
    tensor(T.nn.conv2d(_x(T), _w(T), [1, 2, 2, 1], "VALID", name="c"))
    tensor(T.nn.conv2d(_x(T), _w(T), 2, "SAME"))
    tensor(T.nn.conv2d(_x(T), _w(T), (2, 3), "VALID"))
    tensor(T.nn.conv2d(_x(T, (None, 9, None, 3)), _w(T), 2, "SAME"))
    tensor(T.nn.conv2d(_x(T, (None, 9, 7, None)), _w(T), 2, "VALID"))
    tensor(T.nn.conv2d(_x(T, None), _w(T), 1, "SAME"))
    tensor(T.nn.conv2d(_x(T), _w(T, None), 1, "SAME"))
    tensor(T.nn.conv2d(_x(T), _w(T, (5, 5, None, 7)), 1, "VALID"))
    tensor(T.nn.conv2d(_x(T, (2, 9, 9, 3)), _w(T), 1, "VALID", dilations=2))
    tensor(T.nn.conv2d(_x(T, (2, 3, 8, 8)), _w(T), [1, 1, 2, 2], "SAME", data_format="NCHW"))
    tensor(T.nn.conv2d(_x(T), filters=_w(T), strides=1, padding="SAME"))
    tensor(T.nn.conv2d(_x(T), _w(T), 1, [[0, 0], [1, 1], [2, 0], [0, 0]]))
    tensor(T.nn.conv2d(_x(T, (2, 8, 8, 6)), _w(T), 1, "SAME"))
    err(lambda: T.nn.conv2d([[[[1.0]]]], [[[[1.0]]]], 1, "SAME"))
    ops(T)


def case_conv2d_node_def(T):
    show(T.nn.conv2d(_x(T), _w(T), [1, 2, 2, 1], "SAME").op)
    show(T.nn.conv2d(_x(T), _w(T), 1, [[0, 0], [1, 1], [2, 0], [0, 0]], dilations=[1, 1, 1, 1]).op)


def case_conv2d_errors(T):
    err(lambda: T.nn.conv2d(_x(T), _w(T), [1, 1, 1], "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), [1, 1, 1, 1, 1], "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), [2, 1, 1, 1], "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), [1, 0, 1, 1], "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "FOO"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "EXPLICIT"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, None))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, [[0, 0], [1, 1]]))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, [[0, 0], [1, 1, 1], [0, 0], [0, 0]]))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, [0, 0, 0, 0]))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, [[1, 1], [1, 1], [0, 0], [0, 0]]))
    err(lambda: T.nn.conv2d(_x(T, (2, 8, 8)), _w(T), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T, (3, 3, 3)), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T, (3, 3, 5, 4)), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T, (3, 3, 2, 4)), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T, (2, 2, 2, 3)), _w(T), 1, "VALID"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", dilations=[2, 1, 1, 1]))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", dilations=[1, 1, 1]))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", data_format="NHCW"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", data_format="NWC"))
    err(lambda: T.nn.conv2d(_x(T), _w(T, dtype=T.float64), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T, dtype=T.int64), _w(T, dtype=T.int64), 1, "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), [1, "a", 1, 1], "SAME"))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", use_cudnn_on_gpu=1))
    err(lambda: T.nn.conv2d(_x(T), _w(T), 1, "SAME", filters=_w(T)))
    err(lambda: T.nn.conv2d(_x(T), _w(T), None, "SAME"))
    ops(T)


def case_conv2d_squeeze_batch_dims(T):
    tensor(T.nn.conv2d(_x(T, (2, 1, 1, 1, 3)), _w(T), 1, "SAME"))
    ops(T)


def case_pool_shapes(T):
    tensor(T.nn.max_pool(_x(T), [1, 2, 2, 1], [1, 2, 2, 1], "VALID"))
    tensor(T.nn.max_pool(_x(T), 2, 2, "SAME", name="mp"))
    tensor(T.nn.max_pool(_x(T, (None, 7, None, 3)), 3, 2, "SAME"))
    tensor(T.nn.max_pool(_x(T, None), 3, 2, "VALID"))
    tensor(T.nn.max_pool(_x(T, (2, 3, 8, 8)), 2, 2, "VALID", data_format="NCHW"))
    tensor(T.nn.max_pool(_x(T), 3, 1, [[0, 0], [1, 1], [1, 1], [0, 0]]))
    err(lambda: T.nn.max_pool(input=_x(T), ksize=2, strides=2, padding="VALID"))
    tensor(T.nn.max_pool(None, 2, 2, "VALID", input=_x(T)))
    tensor(T.nn.avg_pool(_x(T), [1, 2, 2, 1], [1, 2, 2, 1], "VALID"))
    tensor(T.nn.avg_pool(_x(T), 3, 2, "SAME", name="ap"))
    tensor(T.nn.avg_pool(_x(T, (None, 7, 7, None)), (2, 2), 1, "VALID"))
    tensor(T.nn.avg_pool(_x(T, (2, 3, 8, 8)), 2, 2, "SAME", data_format="NCHW"))
    err(lambda: T.nn.avg_pool(input=_x(T), ksize=2, strides=2, padding="VALID"))
    tensor(T.nn.avg_pool(None, 2, 2, "VALID", input=_x(T)))
    tensor(T.nn.max_pool([[[[1.0]]]], 1, 1, "VALID"))
    tensor(T.nn.avg_pool([[[[1.0]]]], 1, 1, "VALID"))
    ops(T)


def case_pool_node_def(T):
    show(T.nn.max_pool(_x(T), 2, 2, "SAME").op)
    show(T.nn.avg_pool(_x(T), 2, 2, "VALID").op)


def case_pool_errors(T):
    err(lambda: T.nn.max_pool(_x(T), 0, 2, "SAME"))
    err(lambda: T.nn.max_pool(_x(T), [1, 2, 2], 2, "SAME"))
    err(lambda: T.nn.max_pool(_x(T), [2, 2, 2, 1], 2, "SAME"))
    err(lambda: T.nn.max_pool(_x(T), 2, 2, "FOO"))
    err(lambda: T.nn.max_pool(_x(T, (2, 8, 8)), 2, 2, "SAME"))
    err(lambda: T.nn.max_pool(_x(T, (2, 1, 1, 3)), 2, 2, "VALID"))
    err(lambda: T.nn.max_pool(_x(T), 2, 2, "SAME", input=_x(T)))
    err(lambda: T.nn.max_pool(_x(T, dtype=T.bool), 2, 2, "SAME"))
    err(lambda: T.nn.avg_pool(_x(T), 0, 2, "SAME"))
    err(lambda: T.nn.avg_pool(_x(T), 2, 2, "FOO"))
    err(lambda: T.nn.avg_pool(_x(T), 2, 2, [[0, 0], [1, 1], [1, 1], [0, 0]]))
    err(lambda: T.nn.avg_pool(_x(T, (2, 8, 8)), 2, 2, "SAME"))
    err(lambda: T.nn.avg_pool(_x(T, dtype=T.int32), 2, 2, "SAME"))
    err(lambda: T.nn.avg_pool(_x(T, (2, 1, 1, 3)), 2, 2, "VALID"))
    err(lambda: T.nn.avg_pool(_x(T), [2, 2, 2, 1], 2, "SAME"))
    ops(T)


if __name__ == "__main__":
    main(globals())
