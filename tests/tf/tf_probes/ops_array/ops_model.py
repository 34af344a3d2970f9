"""Probe: the array and math ops as model code combines them (shape
tensors fed back into reshape, tensors as axes and depths, resource
variables as inputs, broadcasting of partly known shapes), one rule per case.

`~/tfvenv/bin/python ops_model.py > ops_model.out`; tests/tf/test_ops_model.py
replays each case with scopesim's tf.compat.v1."""

from ops_common import err, main, ops, show


def case_shape_tensors(T):
    x = T.placeholder(T.float32, [None, 5, 4], name="x")
    b = T.shape(x)[0]
    show(repr(T.reshape(x, T.stack([b, -1]))), repr(T.reshape(x, [b, 20])), repr(T.reshape(x, [-1, T.shape(x)[2]])))
    show(repr(T.zeros(T.stack([b, 3]))), repr(T.ones([b, 2])), repr(T.fill(T.shape(x), 1.0)))
    show(repr(T.tile(x, T.stack([1, b, 1]))), repr(T.reshape(x, T.concat([T.shape(x)[:1], [20]], 0))))
    ops(T)


def case_tensor_arguments(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    a = T.placeholder(T.int32, [], name="a")
    d = T.placeholder(T.int32, [], name="d")
    show(repr(T.expand_dims(x, a)), repr(T.one_hot([0, 1], d)), repr(T.reduce_sum(x, a)), repr(T.argmax(x, a)))
    show(repr(T.gather(x, [0], axis=a)), repr(T.split(x, T.constant([1, 2]), axis=1)), repr(T.concat([x, x], T.constant(1, T.int64))))
    show(repr(T.transpose(x, T.constant([1, 0]))), repr(T.range(a, 10)), repr(T.sequence_mask([1, 2], d)))
    ops(T)


def case_resource_variables(T):
    v = T.get_variable("v", [4, 3], use_resource=True)
    start = len(T.get_default_graph().get_operations())
    show(repr(T.reshape(v, [-1])), repr(T.reduce_sum(v)), repr(T.gather(v, [0, 2])))
    show(repr(T.concat([v, v], 0)), repr(T.shape(v)), repr(T.transpose(v)), repr(T.cast(v, T.int32)))
    ops(T, start)


def case_broadcast_partial(T):
    a = T.placeholder(T.float32, [None, 1, 3], name="a")
    b = T.placeholder(T.float32, [4, 1], name="b")
    show(repr(T.maximum(a, b)), repr(T.minimum(b, a)), repr(T.equal(a, b)), repr(T.not_equal(a, 2.0)))
    show(repr(T.where(T.equal(a, 0.0), a, a)), repr(T.add_n([a, a, a])))
    err(lambda: T.where(T.placeholder(T.bool, [3]), a, a))
    ops(T)


if __name__ == "__main__":
    main(globals())
