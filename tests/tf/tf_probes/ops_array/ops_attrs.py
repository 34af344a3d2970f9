"""Probe: what a program reads of the array and math ops: `op.get_attr`,
`str(op)` (the NodeDef), inputs and outputs; tensordot on partly known
shapes, one rule per case.

`~/tfvenv/bin/python ops_attrs.py > ops_attrs.out`; tests/tf/test_ops_attrs.py
replays each case with scopesim's tf.compat.v1."""

from ops_common import err, main, ops, show


def case_get_attr(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    r = T.reshape(x, [3, 2])
    s = T.reduce_sum(x, 1, keepdims=True)
    q = T.squeeze(T.expand_dims(x, 0), [0])
    a = T.argmax(x, 1, output_type=T.int32)
    o = T.one_hot([1], 3, axis=0)
    p = T.pad(x, [[1, 1], [0, 0]], mode="SYMMETRIC")
    u = T.unstack(x)
    show(r.op.get_attr("T"), r.op.get_attr("Tshape"), s.op.get_attr("keep_dims"), s.op.get_attr("Tidx"))
    show(q.op.get_attr("squeeze_dims"), a.op.get_attr("output_type"), o.op.get_attr("axis"))
    show(p.op.get_attr("mode"), u[0].op.get_attr("num"), u[0].op.get_attr("axis"))
    show(T.concat([x, x], 0).op.get_attr("N"), T.equal(x, x).op.get_attr("incompatible_shape_error"))
    err(lambda: r.op.get_attr("foo"))
    show([t.name for t in r.op.inputs], [t.name for t in r.op.outputs], r.op.type, len(u[0].op.outputs))


def case_node_defs(T):
    x = T.placeholder(T.float32, [2, 3], name="x")
    for t in (T.reshape(x, [-1]), T.concat([x, x], 1), T.reduce_mean(x, keep_dims=True),
              T.squeeze(T.expand_dims(x, 0)), T.one_hot([0], 2), T.split(x, 3, 1)[0],
              T.pad(x, [[0, 1], [0, 0]], mode="reflect"), T.gather(x, [1]), T.cast(x, T.int64),
              T.random_uniform([2], seed=5), T.einsum("ij->ji", x)):
        print(str(t.op).strip().replace("\n", " | "))


def case_tensordot_partial(T):
    a = T.placeholder(T.float32, [None, 3, 4], name="a")
    b = T.placeholder(T.float32, [4, 5], name="b")
    show(repr(T.tensordot(a, b, [[2], [0]])), repr(T.tensordot(b, a, [[0], [2]])))
    ops(T)


if __name__ == "__main__":
    main(globals())
