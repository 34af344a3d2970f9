"""Probe: the math ops of issue 8 (reductions, argmax, add_n, maximum,
minimum, sqrt, rsqrt, exp, log, equal, not_equal, random functions), one
rule per case.

`~/tfvenv/bin/python ops_math.py > ops_math.out`; tests/tf/test_ops_math.py replays
each case with scopesim's tf.compat.v1."""

from ops_common import err, main, ops, show


def case_reduce_sum(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    show(repr(T.reduce_sum(x)), repr(T.reduce_sum(x, 1)), repr(T.reduce_sum(x, axis=[0, 1], name="s")))
    show(repr(T.reduce_sum(x, 0, keepdims=True)), repr(T.reduce_sum(x, keep_dims=True)))
    show(repr(T.reduce_sum(x, reduction_indices=-1)), repr(T.reduce_sum(x, [])))
    ops(T)


def case_reductions(T):
    x = T.placeholder(T.float32, [2, None], name="x")
    show(repr(T.reduce_mean(x)), repr(T.reduce_max(x, 1)), repr(T.reduce_min(x, 0, keepdims=True)))
    show(repr(T.reduce_prod(x, -1)), repr(T.reduce_mean(x, axis=1, name="m")))
    ops(T)


def case_reduce_unknown_rank(T):
    u = T.placeholder(T.float32, name="u")
    a = T.placeholder(T.int32, [None], name="a")
    show(repr(T.reduce_sum(u)), repr(T.reduce_mean(u, 0)), repr(T.reduce_sum(T.placeholder(T.float32, [2, 3]), a)))
    show(repr(T.reduce_mean(u, keepdims=True)))
    ops(T)


def case_reduce_errors(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    err(lambda: T.reduce_sum(x, 2))
    err(lambda: T.reduce_sum(x, -3))
    err(lambda: T.reduce_sum(x, 0, keepdims=True, keep_dims=True))
    err(lambda: T.reduce_sum(x, 0, reduction_indices=0))
    err(lambda: T.reduce_mean(T.placeholder(T.bool, [2])))
    err(lambda: T.reduce_sum(x, 0.5))
    ops(T)


def case_reduce_python(T):
    show(repr(T.reduce_sum([1, 2, 3])), repr(T.reduce_mean([[1.0, 2.0]], 1)))
    ops(T)


def case_argmax(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    show(repr(T.argmax(x)), repr(T.argmax(x, 1)), repr(T.argmax(x, axis=1, output_type=T.int32, name="a")))
    show(repr(T.argmax(x, dimension=1)), repr(T.argmin(x, 1)))
    err(lambda: T.argmax(x, 2))
    err(lambda: T.argmax(x, 1, dimension=1))
    ops(T)


def case_add_n(T):
    a = T.placeholder(T.float32, [2, 3], name="a")
    b = T.placeholder(T.float32, [None, 3], name="b")
    show(repr(T.add_n([a, b])), repr(T.add_n([a, b, a], name="n")), repr(T.add_n([a])))
    err(lambda: T.add_n([]))
    err(lambda: T.add_n(a))
    err(lambda: T.add_n([a, T.placeholder(T.int32, [2, 3])]))
    err(lambda: T.add_n([a, T.placeholder(T.float32, [3, 3])]))
    show(repr(T.add_n([a, 1.0])) if False else "")
    ops(T)


def case_binary(T):
    a = T.placeholder(T.float32, [2, 1], name="a")
    b = T.placeholder(T.float32, [3], name="b")
    show(repr(T.maximum(a, b)), repr(T.minimum(a, 0.0)), repr(T.maximum(1.0, b, name="mx")))
    show(repr(T.equal(a, b)), repr(T.not_equal(a, 1.0)), repr(T.equal(a, b, name="eq")))
    err(lambda: T.maximum(a, T.placeholder(T.int32, [2])))
    err(lambda: T.maximum(a, T.placeholder(T.float32, [4])))
    err(lambda: T.equal(a, "s"))
    ops(T)


def case_unary(T):
    x = T.placeholder(T.float32, [2, None], name="x")
    show(repr(T.sqrt(x)), repr(T.rsqrt(x)), repr(T.exp(x)), repr(T.log(x, name="l")))
    show(repr(T.square(x)), repr(T.sqrt(4.0)), repr(T.exp([1.0, 2.0])))
    i = T.placeholder(T.int32, [2], name="i")
    err(lambda: T.sqrt(i))
    err(lambda: T.exp(i))
    err(lambda: T.log(i))
    err(lambda: T.rsqrt(i))
    ops(T)


def case_random(T):
    show(repr(T.random_normal([2, 3])), repr(T.random_uniform([2], name="u")))
    show(repr(T.truncated_normal([3], mean=1.0, stddev=2.0)), repr(T.random_uniform([2], 0, 10, dtype=T.int32)))
    s = T.placeholder(T.int32, [2], name="s")
    show(repr(T.random_normal(s, seed=3)))
    ops(T)


if __name__ == "__main__":
    main(globals())
