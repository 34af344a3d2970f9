"""Probe: `Tensor.set_shape` (merging a shape into a tensor's static shape,
its errors), one rule per case.

`~/tfvenv/bin/python ops_set_shape.py > ops_set_shape.out`;
tests/tf/test_ops_set_shape.py replays each case with scopesim's tf.compat.v1."""

from ops_common import err, main, show


def case_set_shape(T):
    x = T.placeholder(T.float32, name="x")
    x.set_shape([None, 3])
    show(x.shape)
    x.set_shape([2, None])
    show(x.shape)
    x.set_shape(T.TensorShape([2, 3]))
    show(x.shape)
    y = T.placeholder(T.float32, [None, 4], name="y")
    err(lambda: y.set_shape([2, 3]))
    err(lambda: y.set_shape([2]))
    err(lambda: y.set_shape("ab"))
    y.set_shape(None)
    show(y.shape, T.reshape(y, [-1]).shape)
    r = T.reshape(y, [-1, 2])
    r.set_shape([6, 2])
    show(r.shape)


if __name__ == "__main__":
    main(globals())
