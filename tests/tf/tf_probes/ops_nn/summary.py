"""Probe: tf.summary.scalar, histogram, image, merge, merge_all: the summary
scope and tag (family, outer scopes, tag sanitising), the tag constants, op
types, shapes, the `summaries` collection and errors.
tests/tf/test_summary.py replays it."""

from nn_common import err, main, ops, show, tensor


def _x(T, shape=(), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def _summaries(T):
    show([t.name for t in T.get_collection(T.GraphKeys.SUMMARIES)])


def case_scalar(T):
    tensor(T.summary.scalar("loss", _x(T)))
    tensor(T.summary.scalar("loss", _x(T)))
    tensor(T.summary.scalar("acc", 1.0))
    tensor(T.summary.scalar("lr", _x(T, (), T.int32), family="train"))
    with T.name_scope("outer"):
        tensor(T.summary.scalar("loss", _x(T)))
        tensor(T.summary.scalar("loss", _x(T), family="fam"))
    tensor(T.summary.scalar("bad name:1 (x)", _x(T)))
    tensor(T.summary.scalar("/lead", _x(T)))
    tensor(T.summary.scalar("c", _x(T), collections=["mine"]))
    tensor(T.summary.scalar("d", _x(T), collections=[]))
    _summaries(T)
    show([t.name for t in T.get_collection("mine")])
    ops(T)


def case_scalar_errors(T):
    err(lambda: T.summary.scalar("s", _x(T, (), T.bool)))
    err(lambda: T.summary.scalar("s", "a"))
    err(lambda: T.summary.scalar(None, _x(T)))
    _summaries(T)
    ops(T)


def case_histogram(T):
    tensor(T.summary.histogram("w", _x(T, (3, 4))))
    tensor(T.summary.histogram("w", [1.0, 2.0], family="f"))
    tensor(T.summary.histogram(None, _x(T, (2,))))
    tensor(T.summary.histogram("h h", _x(T, None, T.int32)))
    err(lambda: T.summary.histogram("b", _x(T, (2,), T.bool)))
    _summaries(T)
    ops(T)


def case_image(T):
    tensor(T.summary.image("img", _x(T, (None, 8, 8, 3))))
    tensor(T.summary.image("img", _x(T, (2, 8, 8, 1), T.uint8), max_outputs=5, family="f"))
    tensor(T.summary.image("img2", _x(T, None)))
    err(lambda: T.summary.image("bad", _x(T, (8, 8, 3))))
    err(lambda: T.summary.image("bad", _x(T, (1, 8, 8, 3), T.int32)))
    err(lambda: T.summary.image("bad", _x(T, (1, 8, 8, 3)), max_outputs="a"))
    _summaries(T)
    ops(T)


def case_image_node_def(T):
    show(T.summary.image("img", _x(T, (1, 8, 8, 3)), max_outputs=2).op)


def case_merge_and_merge_all(T):
    show(T.summary.merge_all())
    a = T.summary.scalar("a", _x(T))
    b = T.summary.histogram("b", _x(T, (2,)))
    tensor(T.summary.merge([a, b]))
    tensor(T.summary.merge([a], name="m"))
    tensor(T.summary.merge([a], name="bad name", collections=["merged"]))
    tensor(T.summary.merge_all())
    tensor(T.summary.merge_all(name="all"))
    tensor(T.summary.merge_all(key="merged"))
    show(T.summary.merge_all(key="nothing"))
    with T.name_scope("tower"):
        T.summary.scalar("t", _x(T))
    tensor(T.summary.merge_all(scope="tower"))
    err(lambda: T.summary.merge([_x(T)]))
    err(lambda: T.summary.merge(a))
    _summaries(T)
    show([t.name for t in T.get_collection("merged")])
    ops(T)


if __name__ == "__main__":
    main(globals())
