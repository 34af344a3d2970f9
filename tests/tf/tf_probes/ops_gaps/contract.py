"""Probe: tf.tensordot and tf.einsum edge cases: tensordot's axes as an int
(0 too), a list, pairs of ints, negative axes, a tensor; operands of partly
known and unknown shapes and ranks; its errors.  einsum's implicit output,
spaces, ellipses, repeated indices (diagonal, trace), one and two operands,
unknown shapes, and its errors.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import err, main, ops, tensor


def _x(T, shape, name="a"):
    return T.placeholder(T.float32, shape, name=name)


def case_tensordot_int_axes(T):
    tensor(T.tensordot(_x(T, (2, 3, 4)), _x(T, (3, 4, 5), "b"), 2))
    tensor(T.tensordot(_x(T, (2, 3)), _x(T, (4, 5), "b"), 0))
    ops(T)


def case_tensordot_pair_of_ints_and_negative(T):
    tensor(T.tensordot(_x(T, (2, 3, 4)), _x(T, (4, 5), "b"), (-1, 0)))
    tensor(T.tensordot(_x(T, (2, 3, 4)), _x(T, (3, 4, 5), "b"), [[1, -1], [0, 1]]))
    ops(T)


def case_tensordot_transposes(T):
    tensor(T.tensordot(_x(T, (2, 3, 4)), _x(T, (5, 2), "b"), [[0], [1]]))
    ops(T)


def case_tensordot_partly_known(T):
    tensor(T.tensordot(_x(T, (None, 3)), _x(T, (3, None), "b"), 1))
    ops(T)


def case_tensordot_unknown_rank_int_axes(T):
    tensor(T.tensordot(_x(T, None), _x(T, (3, 4), "b"), 1))
    ops(T)


def case_tensordot_unknown_rank_list_axes(T):
    tensor(T.tensordot(_x(T, (2, 3)), _x(T, None, "b"), [[1], [0]]))
    ops(T)


def case_tensordot_tensor_axes(T):
    axes = T.constant([[1], [0]])
    tensor(T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), axes))
    ops(T)


def case_tensordot_errors(T):
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), -1))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), 3))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), [[1]]))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), [[1, 0], [0]]))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), [[1], 0]))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), [[5], [0]]))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (4, 4), "b"), 1))
    err(lambda: T.tensordot(_x(T, (2, 3)), _x(T, (3, 4), "b"), 1.0))
    ops(T)


def case_einsum_implicit_and_spaces(T):
    tensor(T.einsum("ij,jk", _x(T, (2, 3)), _x(T, (3, 4), "b")))
    tensor(T.einsum("ba", _x(T, (2, 3))))
    tensor(T.einsum(" ij , jk -> ki ", _x(T, (2, 3)), _x(T, (3, 4), "b")))
    ops(T)


def case_einsum_ellipsis(T):
    tensor(T.einsum("...ij,...jk->...ik", _x(T, (5, 2, 3)), _x(T, (5, 3, 4), "b")))
    tensor(T.einsum("...ij,jk->...ik", _x(T, (7, 5, 2, 3)), _x(T, (3, 4), "b")))
    tensor(T.einsum("i...->...", _x(T, (2, 3, 4))))
    tensor(T.einsum("...ij,...jk", _x(T, (1, 2, 3)), _x(T, (6, 3, 4), "b")))
    ops(T)


def case_einsum_repeated_indices(T):
    tensor(T.einsum("ii->i", _x(T, (3, 3))))
    tensor(T.einsum("ii", _x(T, (3, 3))))
    tensor(T.einsum("ij,ij->i", _x(T, (2, 3)), _x(T, (2, 3), "b")))
    tensor(T.einsum("ij->", _x(T, (2, 3))))
    ops(T)


def case_einsum_unknown_shapes(T):
    tensor(T.einsum("ij,jk->ik", _x(T, (None, 3)), _x(T, (None, None), "b")))
    tensor(T.einsum("ij,jk->ik", _x(T, None), _x(T, (3, 4), "b")))
    tensor(T.einsum("...j,jk->...k", _x(T, None), _x(T, (3, 4), "b")))
    ops(T)


def case_einsum_named(T):
    tensor(T.einsum("ij->ji", _x(T, (2, 3)), name="e"))
    ops(T)


def case_einsum_errors(T):
    err(lambda: T.einsum("ij,jk->ik", _x(T, (2, 3))))
    err(lambda: T.einsum("ij->ii", _x(T, (2, 3))))
    err(lambda: T.einsum("ij->k", _x(T, (2, 3))))
    err(lambda: T.einsum("i.j->ij", _x(T, (2, 3))))
    err(lambda: T.einsum("ij,jk->ik", _x(T, (2, 3)), _x(T, (4, 5), "b")))
    err(lambda: T.einsum("ijk->i", _x(T, (2, 3))))
    err(lambda: T.einsum("ii->i", _x(T, (2, 3))))
    err(lambda: T.einsum("...i->......", _x(T, (2, 3))))
    err(lambda: T.einsum("0i->i", _x(T, (2, 3))))
    err(lambda: T.einsum("...i0->i", _x(T, (2, 3))))
    err(lambda: T.einsum("ij", [[1.0, 2.0]]))
    err(lambda: T.einsum("ij->ji", _x(T, (2, 3)), bogus=1))
    ops(T)


if __name__ == "__main__":
    main(globals())
