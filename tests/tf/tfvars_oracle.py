"""The `tf.compat.v1` the variable tests run against.

scopesim's own (`scopesim.tf.compat_v1`) by default.  With
`SCOPESIM_ORACLE=tf` it is real TensorFlow's, so the tests themselves can
be checked against TensorFlow 2.21 (`tools/run_tests_on_tf.py`).
"""

import os

if os.environ.get("SCOPESIM_ORACLE") == "tf":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as _tf
    _tf.compat.v1.disable_v2_behavior()
    T = _tf.compat.v1
    ORACLE = True
else:
    from scopesim.tf import compat_v1 as T
    ORACLE = False


def fresh():
    """A fresh default graph (`tf.reset_default_graph()`), returned."""
    T.reset_default_graph()
    return T.get_default_graph()


def ops(g=None):
    """`[(op.name, op.type) for op in g.get_operations()]`."""
    g = g or T.get_default_graph()
    return [(o.name, o.type) for o in g.get_operations()]


def op_names(g=None):
    g = g or T.get_default_graph()
    return [o.name for o in g.get_operations()]


def names(items):
    return [x.name for x in items]


def collections(g=None):
    """Every collection key of `get_all_collection_keys()` with its items' names."""
    g = g or T.get_default_graph()
    return {k: [getattr(x, "name", repr(x)) for x in g.get_collection(k)]
            for k in g.get_all_collection_keys()}


def raises(exc_type, fn):
    """Run fn; it must raise exc_type: return str(error)."""
    try:
        fn()
    except exc_type as e:
        return str(e)
    raise AssertionError(f"no {exc_type.__name__} raised")


#: the ops glorot_uniform (the default initializer of floats) makes under `<v>/`
def glorot_ops(v):
    p = v + "/Initializer/random_uniform"
    return [(p + "/shape", "Const"), (p + "/min", "Const"), (p + "/max", "Const"),
            (p + "/RandomUniform", "RandomUniform"), (p + "/sub", "Sub"), (p + "/mul", "Mul"),
            (p, "AddV2")]


def var_ops(v):
    """The VariableV2, Assign and read ops of variable `v`."""
    return [(v, "VariableV2"), (v + "/Assign", "Assign"), (v + "/read", "Identity")]


def pending(reason):
    """A test of TensorFlow's behaviour that waits on another part of the API
    (named in `reason`): an expected failure for scopesim (strict, so it is
    noticed once it passes), a plain test against TensorFlow."""
    if ORACLE:
        return lambda fn: fn
    import pytest
    return pytest.mark.xfail(strict=True, reason=reason)
