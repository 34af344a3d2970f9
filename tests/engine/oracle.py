"""What the tests of tests/engine run against, and the few helpers they share.

`T` is scopesim's `tf.compat.v1`, or real TensorFlow's with
`SCOPESIM_ORACLE=tf` (tests/tf/tfvars_oracle.py), so each expected value
here can be checked against TensorFlow 2.21:

    SCOPESIM_ORACLE=tf ~/tfvenv/bin/python tools/run_tests_on_tf.py tests/engine/test_names.py

Each test module binds `setup_function = fresh` (a new default graph per
test, under pytest and under that tool alike) and spells a parametrized
test with `cases`, which that tool expands too.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tf"))

from tfvars_oracle import ORACLE, T, fresh, glorot_ops, op_names, ops, pending  # noqa: E402

__all__ = ["ORACLE", "T", "cases", "error", "fresh", "glorot_ops", "new_ops", "op_names", "ops",
           "pending", "zeros"]


def cases(argnames: str, values: list):
    """`pytest.mark.parametrize(argnames, values)`; under TensorFlow the
    values are kept on the function (`fn.cases`, one argument tuple each)."""
    if not ORACLE:
        import pytest
        return pytest.mark.parametrize(argnames, values)
    single = "," not in argnames

    def mark(fn):
        fn.cases = [(value,) if single else tuple(value) for value in values]
        return fn
    return mark


def error(fn, exc_type=Exception) -> BaseException:
    """Run `fn`; it must raise `exc_type`: the exception."""
    try:
        fn()
    except exc_type as e:
        return e
    raise AssertionError(f"no {exc_type.__name__} raised")


def new_ops(fn):
    """`(fn(), [(name, type) of the ops fn created])`."""
    start = len(T.get_default_graph().get_operations())
    result = fn()
    return result, ops()[start:]


def zeros():
    return T.zeros_initializer()
