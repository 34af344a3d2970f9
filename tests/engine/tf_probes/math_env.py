"""Shared environment of the math_*.py probes.

Every case runs on a fresh graph holding the same operands, bound to the
names a `.scope` program would use (the same text is a valid expression in
both languages):

    f i l b d h   variables [2] of float32 int32 int64 bool float64 float16
    ft it bt      tensors: identity(f), identity(i), identity(b)
    st            const "abc" (a string tensor)
    o             op o (a no_op Operation);  vs: a variable scope object

and the language's functions (add, matmul, multiply, relu, tanh, sigmoid,
identity, global_variables).  For each case it prints the result (a
tensor's name, dtype and shape) or the error, then the ops the case added.
An object's address in a message is replaced by ADDR.  A case may add
variables of other shapes: a named set, printed once as a `## shapes`
line and named in the case's line (tests/engine/test_ops.py replays the
recordings through scopesim).
"""
from h import *

import re

from tensorflow.python.framework import ops

ZEROS = T.zeros_initializer()
VARIABLES = [("f", tf.float32), ("i", tf.int32), ("l", tf.int64), ("b", tf.bool),
             ("d", tf.float64), ("h", tf.float16)]
FUNCTIONS = dict(add=T.add, matmul=T.matmul, multiply=T.multiply, relu=T.nn.relu,
                 tanh=T.tanh, sigmoid=T.sigmoid, identity=T.identity,
                 global_variables=lambda: [v.name for v in T.global_variables()],
                 auto=T.AUTO_REUSE, true=True, false=False, none=None)
ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def shape_set(label, shapes):
    """Declare a named set of extra variables: {name: (shape, dtype)}."""
    print("## shapes %s: %s" % (label, ", ".join(
        "%s=%s:%s" % (n, s, dt.name) for n, (s, dt) in shapes.items())))
    return label, shapes


def operands(shapes=None):
    env = dict(FUNCTIONS, T=T, tf=tf, ops=ops)
    for name, dtype in VARIABLES:
        env[name] = T.get_variable(name, [2], dtype=dtype, initializer=ZEROS)
    env["ft"] = T.identity(env["f"], name="ft")
    env["it"] = T.identity(env["i"], name="it")
    env["bt"] = T.identity(env["b"], name="bt")
    env["st"] = T.constant("abc", name="st")
    env["o"] = T.no_op(name="o")
    with T.variable_scope("vs") as vs:
        pass
    env["vs"] = vs
    for name, (shape, dtype) in (shapes[1] if shapes else {}).items():
        env[name] = T.get_variable(name, shape, dtype=dtype, initializer=ZEROS)
    return env


def describe(value):
    if hasattr(value, "dtype") and hasattr(value, "name"):
        return "%s %s %s" % (value.name, value.dtype.name, value.shape)
    return repr(value)


def evaluate(expr, env):
    try:
        return "ok " + describe(eval(expr, env))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, ADDRESS.sub(" at ADDR>", str(e)))


def run(exprs, shapes=None, scope=None):
    """Evaluate the expressions of `exprs` (separated by " ; ") in turn, in
    the name scope `scope` if given."""
    T.reset_default_graph()
    g = T.get_default_graph()
    env = operands(shapes)
    start = len(g.get_operations())
    results = []
    for expr in exprs.split(" ; "):
        if scope is None:
            results.append(evaluate(expr, env))
        else:
            with T.name_scope(scope):
                results.append(evaluate(expr, env))
    where = "" if shapes is None else " [shapes %s]" % shapes[0]
    where += "" if scope is None else " [in name_scope %r]" % scope
    print("==", exprs + where, "->", " ; ".join(results))
    print("   ops:", [(op.name, op.type) for op in g.get_operations()[start:]])


TENSORS = ["f", "i", "l", "b", "d", "h", "ft", "it", "bt", "st"]
OTHERS = ["o", "vs", "2", "2.0", "1.5", "True", '"s"', "None", "f.shape", "f.dtype",
          "global_variables()", "auto"]
