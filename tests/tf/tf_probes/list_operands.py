"""Probe: Python lists and tuples as operator operands (the constant named
after the op, its shape and dtype).  `~/tfvenv/bin/python list_operands.py >
list_operands.out`; tests/tf/test_operands.py."""

from probe_common import err, main, show


def case_list_and_tuple_operands(T):
    v = T.get_variable("v", [2])
    x = T.placeholder(T.int32, [2, 2], name="x")
    for t in (v + [1.0, 2.0], [3.0, 4.0] * v, v - (1.0, 1.0), x * [[1, 2], [3, 4]],
              x + (1, 2), [[1], [2]] - x):
        show(repr(t), [(i.name, str(i.shape), i.dtype.name) for i in t.op.inputs])
    err(lambda: v + [1.0, 2.0, 3.0])
    err(lambda: v + [1, 2])
    err(lambda: x + [1.5, 2])


if __name__ == "__main__":
    main(globals())
