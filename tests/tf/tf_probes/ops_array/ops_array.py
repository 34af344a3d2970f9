"""Probe: the array ops of issue 8 (reshape, concat, stack, unstack, split,
expand_dims, squeeze, transpose, shape, tile, gather, cast, zeros_like,
ones_like, fill, range, one_hot, where, slice, pad), one rule per case.

`~/tfvenv/bin/python ops_array.py > ops_array.out`; tests/tf/test_ops_array.py
replays each case with scopesim's tf.compat.v1."""

from ops_common import err, main, ops, show


def case_reshape(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    show(repr(T.reshape(x, [3, 2])), repr(T.reshape(x, [-1])), repr(T.reshape(x, [-1, 2], name="r")))
    show(repr(T.reshape(x, (1, 6, 1))), repr(T.reshape(x, [])) if False else "")
    ops(T)


def case_reshape_partial(T):
    x = T.placeholder(T.float32, [None, 3], name="x")
    u = T.placeholder(T.float32, name="u")
    s = T.placeholder(T.int32, [3], name="s")
    show(repr(T.reshape(x, [-1])), repr(T.reshape(x, [-1, 6])), repr(T.reshape(x, [2, -1])))
    show(repr(T.reshape(u, [2, -1])), repr(T.reshape(x, s)), repr(T.reshape(u, [-1])))
    show(repr(T.reshape(x, T.shape(x))), repr(T.reshape(x, [T.shape(x)[0], 3])))
    show(repr(T.reshape(x, T.constant([6], T.int64))))
    ops(T)


def case_reshape_errors(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    err(lambda: T.reshape(x, [4]))
    err(lambda: T.reshape(x, [-1, 4]))
    err(lambda: T.reshape(x, [-1, -1]))
    err(lambda: T.reshape(x, [2.0, 3.0]))
    err(lambda: T.reshape(x, [[6]]))
    err(lambda: T.reshape(x, [0, -1]))
    err(lambda: T.reshape(x, [-2, 3]))
    ops(T)


def case_reshape_scalar(T):
    x = T.placeholder(T.float32, [1, 1], name="x")
    show(repr(T.reshape(x, [])), repr(T.reshape(5, [1])), repr(T.reshape([1, 2, 3, 4], [2, 2])))
    ops(T)


def case_concat(T):
    a = T.placeholder(T.float32, [2, 3], name="a")
    b = T.placeholder(T.float32, [2, 3], name="b")
    show(repr(T.concat([a, b], 0)), repr(T.concat([a, b], axis=1)), repr(T.concat([a, b], -1, name="c")))
    show(repr(T.concat([a], 0)), repr(T.concat(a, 0)), repr(T.concat([a, a, b], 0)))
    ops(T)


def case_concat_partial(T):
    a = T.placeholder(T.float32, [None, 3], name="a")
    b = T.placeholder(T.float32, [2, None], name="b")
    u = T.placeholder(T.float32, name="u")
    ax = T.placeholder(T.int32, [], name="ax")
    show(repr(T.concat([a, b], 0)), repr(T.concat([a, b], 1)), repr(T.concat([a, u], 1)))
    show(repr(T.concat([a, b], ax)), repr(T.concat([u, u], 0)), repr(T.concat([a, [[1.0, 2.0, 3.0]]], 0)))
    ops(T)


def case_concat_errors(T):
    a = T.placeholder(T.float32, [2, 3], name="a")
    b = T.placeholder(T.float32, [2, 4], name="b")
    c = T.placeholder(T.float32, [2], name="c")
    i = T.placeholder(T.int32, [2, 3], name="i")
    err(lambda: T.concat([a, b], 0))
    err(lambda: T.concat([a, c], 0))
    err(lambda: T.concat([a, a], 2))
    err(lambda: T.concat([a, a], -3))
    err(lambda: T.concat([a, i], 0))
    err(lambda: T.concat([], 0))
    err(lambda: T.concat([a, a], 0.5))
    ops(T)


def case_stack(T):
    a = T.placeholder(T.float32, [2, 3], name="a")
    b = T.placeholder(T.float32, [None, 3], name="b")
    show(repr(T.stack([a, b])), repr(T.stack([a, b], axis=1)), repr(T.stack([a, b], -1, name="s")))
    show(repr(T.stack([a])), repr(T.stack([1, 2])), repr(T.stack([a, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]])))
    err(lambda: T.stack([a, a], axis=3))
    err(lambda: T.stack([a, a], axis=-4))
    err(lambda: T.stack([a, T.placeholder(T.float32, [3])]))
    ops(T)


def case_unstack(T):
    x = T.placeholder(T.float32, [3, 2], name="x")
    y = T.placeholder(T.float32, [None, 2], name="y")
    show(T.unstack(x), T.unstack(x, axis=1), T.unstack(x, axis=-1, name="u"))
    show(T.unstack(y, axis=1), T.unstack(y, num=4))
    err(lambda: T.unstack(y))
    err(lambda: T.unstack(x, axis=2))
    err(lambda: T.unstack(T.placeholder(T.float32)))
    ops(T)


def case_split(T):
    x = T.placeholder(T.float32, [4, 6], name="x")
    show(T.split(x, 2), T.split(x, 3, axis=1), T.split(x, [2, 4], 1, name="sp"))
    show(T.split(x, [1, -1, 2], axis=1))
    err(lambda: T.split(x, 4, axis=1))
    err(lambda: T.split(x, [2, 5], 1))
    ops(T)


def case_expand_dims(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    show(repr(T.expand_dims(x, 0)), repr(T.expand_dims(x, -1)), repr(T.expand_dims(x, axis=1, name="e")))
    show(repr(T.expand_dims(x, dim=2)), repr(T.expand_dims(T.placeholder(T.float32), 0)))
    err(lambda: T.expand_dims(x, 3))
    err(lambda: T.expand_dims(x))
    err(lambda: T.expand_dims(x, 1, dim=1))
    ops(T)


def case_squeeze(T):
    x = T.placeholder(T.float32, [1, 3, 1], name="x")
    y = T.placeholder(T.float32, [None, 1, 3], name="y")
    show(repr(T.squeeze(x)), repr(T.squeeze(x, [0])), repr(T.squeeze(x, axis=-1, name="q")))
    show(repr(T.squeeze(y)), repr(T.squeeze(y, [1])), repr(T.squeeze(x, squeeze_dims=[2])))
    show(repr(T.squeeze(T.placeholder(T.float32))), repr(T.squeeze(x, 0)))
    err(lambda: T.squeeze(x, [1]))
    err(lambda: T.squeeze(x, [3]))
    ops(T)


def case_transpose(T):
    x = T.placeholder(T.float32, [2, 3, 4], name="x")
    u = T.placeholder(T.float32, name="u")
    show(repr(T.transpose(x)), repr(T.transpose(x, [1, 0, 2])), repr(T.transpose(x, perm=[2, 0, 1], name="t")))
    show(repr(T.transpose(u)), repr(T.transpose(u, [1, 0])))
    err(lambda: T.transpose(x, [1, 0]))
    ops(T)


def case_shape(T):
    x = T.placeholder(T.float32, [None, 3], name="x")
    u = T.placeholder(T.float32, name="u")
    show(repr(T.shape(x)), repr(T.shape(x, out_type=T.int64)), repr(T.shape(u, name="s")))
    show(repr(T.shape([[1, 2]])), repr(T.size(x)), repr(T.rank(x)))
    ops(T)


def case_tile(T):
    x = T.placeholder(T.float32, [2, None], name="x")
    show(repr(T.tile(x, [2, 3])), repr(T.tile(x, [1, 1], name="t")))
    err(lambda: T.tile(x, [2]))
    ops(T)


def case_gather(T):
    p = T.placeholder(T.float32, [5, 3], name="p")
    i = T.placeholder(T.int32, [None], name="i")
    show(repr(T.gather(p, i)), repr(T.gather(p, [0, 2], axis=1)), repr(T.gather(p, 1, name="g")))
    show(repr(T.gather(p, [[0, 1]])))
    err(lambda: T.gather(p, [0.5]))
    ops(T)


def case_cast(T):
    x = T.placeholder(T.float32, [2], name="x")
    show(repr(T.cast(x, T.int32)), repr(T.cast(x, T.float32)), repr(T.cast(x, "float64", name="c")))
    show(repr(T.to_float(T.cast(x, T.int32))), repr(T.to_int32(x)), repr(T.to_float(x)))
    show(repr(T.cast(1, T.float32)), repr(T.to_int64(x)), repr(T.to_double(x)))
    ops(T)


def case_zeros_like(T):
    x = T.placeholder(T.float32, [2, None], name="x")
    show(repr(T.zeros_like(x)), repr(T.ones_like(x)), repr(T.zeros_like(x, dtype=T.int32)))
    show(repr(T.ones_like(x, T.int32, name="o")), repr(T.zeros_like([1, 2])), repr(T.ones_like([1.0])))
    ops(T)


def case_fill(T):
    show(repr(T.fill([2, 3], 1.0)), repr(T.fill([2], 7, name="f")))
    s = T.placeholder(T.int32, [2], name="s")
    show(repr(T.fill(s, 0.5)))
    show(repr(T.zeros([2, 3])), repr(T.zeros([40, 40])), repr(T.ones([2], T.int32)), repr(T.zeros(s)))
    ops(T)


def case_range(T):
    show(repr(T.range(5)), repr(T.range(1, 5, 2)), repr(T.range(0.0, 1.0, 0.25, name="r")))
    show(repr(T.range(3, dtype=T.float32)), repr(T.range(1, 2.5)))
    n = T.placeholder(T.int32, [], name="n")
    show(repr(T.range(n)))
    ops(T)


def case_one_hot(T):
    i = T.placeholder(T.int32, [None], name="i")
    show(repr(T.one_hot(i, 3)), repr(T.one_hot(i, 4, on_value=5.0, off_value=-1.0, name="oh")))
    show(repr(T.one_hot(i, 2, axis=0)), repr(T.one_hot([0, 1], 3, dtype=T.int32)))
    ops(T)


def case_where(T):
    c = T.placeholder(T.bool, [2, 3], name="c")
    x = T.placeholder(T.float32, [2, 3], name="x")
    show(repr(T.where(c)), repr(T.where(c, x, x)), repr(T.where(c, x, x, name="w")))
    show(repr(T.where_v2(c, x, 0.0)))
    ops(T)


def case_slice(T):
    x = T.placeholder(T.float32, [4, 5], name="x")
    show(repr(T.slice(x, [0, 1], [2, 3])), repr(T.slice(x, [1, 0], [-1, 2], name="s")))
    show(repr(T.slice(x, T.constant([0, 0]), [2, 2])))
    ops(T)


def case_pad(T):
    x = T.placeholder(T.float32, [2, None], name="x")
    show(repr(T.pad(x, [[1, 1], [2, 2]])), repr(T.pad(x, [[0, 1], [0, 0]], constant_values=1.0)))
    show(repr(T.pad(x, [[1, 1], [1, 1]], mode="REFLECT")), repr(T.pad(x, [[1, 0], [0, 0]], name="p")))
    ops(T)


def case_identity(T):
    x = T.placeholder(T.float32, [2], name="x")
    show(repr(T.identity(x)), repr(T.identity([1, 2], name="i")))
    ops(T)


if __name__ == "__main__":
    main(globals())
