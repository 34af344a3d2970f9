"""Probe: tf.nn.zero_fraction: zero_fraction/ with its int64 Size, the v1 cond
(Switch, switch_t/switch_f pivots, pred_id, each branch's count_nonzero/ with
the Switch of the outside value made after the op reading it, the pivots as
control inputs of ops without inputs, Merge), counts_to_fraction/ and
fraction.  tests/tf/test_ops_nn2.py replays it."""

from nn2_common import err, main, ops, show, tensor


def _control(T):
    for op in T.get_default_graph().get_operations():
        if op.control_inputs:
            show("control", op.name, [c.name for c in op.control_inputs])


def case_zero_fraction(T):
    tensor(T.nn.zero_fraction(T.placeholder(T.float32, (2, 3), name="x")))
    ops(T)
    _control(T)


def case_zero_fraction_unknown(T):
    tensor(T.nn.zero_fraction(T.placeholder(T.float32, None, name="x"), name="zf"))
    ops(T)


def case_zero_fraction_cond_context(T):
    T.nn.zero_fraction(T.placeholder(T.float32, (2, 3), name="x"))
    contexts = T.get_collection("cond_context")
    show([type(c).__name__ for c in contexts], [c.name for c in contexts])
    show([c.branch for c in contexts], [c.pred.name for c in contexts],
         [c.pivot.name for c in contexts], [c.outer_context for c in contexts])
    show(T.get_default_graph().unique_name("zero_fraction/cond/cond_text", mark_as_used=False))
    show(T.get_default_graph().get_all_collection_keys())


def case_zero_fraction_values(T):
    tensor(T.nn.zero_fraction([[0, 1], [2, 0]]))
    tensor(T.nn.zero_fraction(T.placeholder(T.int32, (None, 2), name="x")))
    x = T.placeholder(T.float32, (3,), name="y")
    with T.control_dependencies([T.no_op(name="before")]):
        tensor(T.nn.zero_fraction(x))
    ops(T)
    _control(T)
    show(T.math.zero_fraction is T.nn.zero_fraction)


if __name__ == "__main__":
    main(globals())
