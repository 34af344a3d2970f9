"""Probe: the rest of issue 8's array and math ops (sequence_mask,
tensordot, einsum), variables as their inputs, and more errors, one rule
per case.

`~/tfvenv/bin/python ops_more.py > ops_more.out`; tests/tf/test_ops_more.py
replays each case with scopesim's tf.compat.v1."""

from ops_common import err, main, ops, show


def case_sequence_mask(T):
    l = T.placeholder(T.int32, [None], name="l")
    show(repr(T.sequence_mask(l)), repr(T.sequence_mask(l, 5)), repr(T.sequence_mask([1, 2], 3, dtype=T.float32, name="m")))
    ops(T)


def case_tensordot(T):
    a = T.placeholder(T.float32, [2, 3, 4], name="a")
    b = T.placeholder(T.float32, [4, 5], name="b")
    show(repr(T.tensordot(a, b, 1)), repr(T.tensordot(a, b, [[2], [0]], name="td")))
    ops(T)


def case_einsum(T):
    a = T.placeholder(T.float32, [2, 3], name="a")
    b = T.placeholder(T.float32, [3, 5], name="b")
    show(repr(T.einsum("ij,jk->ik", a, b)), repr(T.einsum("ij->ji", a, name="e")))
    ops(T)


def case_variable_inputs(T):
    v = T.get_variable("v", [4, 3])
    show(repr(T.reshape(v, [-1])), repr(T.transpose(v)), repr(T.concat([v, v], 0)))
    show(repr(T.reduce_sum(v)), repr(T.reduce_mean(v, 1)), repr(T.gather(v, [0, 1])))
    show(repr(T.shape(v)), repr(T.cast(v, T.int32)), repr(T.stack([v, v], axis=1)))
    show(repr(T.expand_dims(v, 0)), repr(T.argmax(v, 1)), repr(T.add_n([v, v])), repr(T.zeros_like(v)))
    show(repr(T.unstack(v, axis=1)[0]), repr(T.tile(v, [1, 2])), repr(T.one_hot(T.argmax(v, 1), 3)))
    ops(T, 9)


def case_names_in_scopes(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    with T.name_scope("s"):
        show(repr(T.reshape(x, [6])), repr(T.concat([x, x], 1)), repr(T.reduce_mean(x)))
        show(repr(T.transpose(x)), repr(T.zeros_like(x)), repr(T.one_hot([0], 2)))
    with T.variable_scope("vs"):
        show(repr(T.reduce_sum(x, name="total")), repr(T.range(3)))
    ops(T)


def case_more_errors(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    err(lambda: T.one_hot([0, 1], 3, on_value=1, off_value=0.0))
    err(lambda: T.one_hot([0, 1], 3, on_value=1.0, dtype=T.int32))
    err(lambda: T.where(x > 0, x))
    err(lambda: T.where(x, x, x))
    err(lambda: T.pad(x, [[1, 1]]))
    err(lambda: T.pad(x, [[1, 1], [1, 1]], mode="WRAP"))
    err(lambda: T.range(0, 5, 0))
    err(lambda: T.cast(x, "floaty"))
    err(lambda: T.gather(x, [0], axis=2))
    err(lambda: T.transpose(x, [0, 2]))
    err(lambda: T.slice(x, [0, 0], [3, 1]))
    err(lambda: T.tile(x, [1.5, 2.0]))
    err(lambda: T.split(x, 0))
    err(lambda: T.squeeze(x, axis=[0, 1]))
    err(lambda: T.fill([2, 3], [1.0, 2.0]))
    err(lambda: T.reduce_max(x, [0, 2]))
    err(lambda: T.add_n([x, 1.0]))
    err(lambda: T.random_uniform([2], dtype=T.int32))
    err(lambda: T.random_normal([2], dtype=T.int32))
    err(lambda: T.expand_dims(x, [0, 1]))
    err(lambda: T.unstack(x, num=3))
    ops(T)


def case_shapes_more(T):
    x = T.placeholder(T.float32, [None, None, 3], name="x")
    show(repr(T.reshape(x, [-1, 3])), repr(T.squeeze(x, [2]) if False else ""), repr(T.transpose(x, [2, 0, 1])))
    show(repr(T.reduce_sum(x, [1], keepdims=True)), repr(T.concat([x, x], -1)), repr(T.split(x, 3, axis=-1)))
    show(repr(T.gather(x, [[0, 1]], axis=1)), repr(T.expand_dims(x, -2)), repr(T.tile(x, T.constant([1, 2, 1]))))
    show(repr(T.slice(x, [0, 0, 0], [-1, 2, -1])), repr(T.pad(x, [[0, 0], [1, 2], [0, 0]])))
    show(repr(T.range(10, 2, -3)), repr(T.range(2.0, 1.0, -0.3)), repr(T.one_hot(T.placeholder(T.int64, [2, 2]), 4, axis=1)))
    show(repr(T.argmax(x, -1)), repr(T.reduce_prod(x, -1, keepdims=True)), repr(T.size(x)), repr(T.rank(x)))
    ops(T)


if __name__ == "__main__":
    main(globals())
