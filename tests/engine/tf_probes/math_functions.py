"""The op functions of the language on every kind of operand, the `name`
argument (by keyword, or bound from an extra positional argument) and
argument-binding errors (see math_env.py for the operands)."""
from math_env import *

NAMES = ['""', '"r"', '"_r"', '"r/"', '"a b"', "0", "False"]
for func in ["add", "multiply", "matmul"]:
    for x in TENSORS + OTHERS:
        for y in TENSORS + OTHERS:
            run("%s(%s, %s)" % (func, x, y))
for func in ["relu", "tanh", "sigmoid", "identity"]:
    for x in TENSORS + OTHERS:
        run("%s(%s)" % (func, x))
# the name: by keyword, or an extra positional argument of any kind
for func, args in [("add", "f, 1.0"), ("multiply", "f, 1.0"), ("relu", "f"), ("tanh", "f"),
                   ("sigmoid", "f"), ("identity", "f"), ("relu", "1.0"), ("identity", "1.0"),
                   ("sigmoid", "1.0"), ("add", "1.0, f")]:
    for name in TENSORS + OTHERS + NAMES:
        run("%s(%s, %s)" % (func, args, name))
    run('%s(%s, name="n")' % (func, args))
    run('%s(%s, name="n") ; %s(%s, name="n")' % (func, args, func, args))
    run('%s(%s, name="n")' % (func, args), scope="s")
    run('%s(%s, "")' % (func, args), scope="s")
    run('%s(%s)' % (func, args), scope="s")
    run('%s(%s, "_r")' % (func, args), scope="s")
    run('%s(%s, "n", name="n")' % (func, args))
# matmul's extra positional arguments: transpose_a, transpose_b, adjoint_a,
# adjoint_b, a_is_sparse, b_is_sparse, output_type, grad_a, grad_b, name
M = {"m23": ([2, 3], tf.float32), "m32": ([3, 2], tf.float32), "m22": ([2, 2], tf.float32),
     "n23": ([2, 3], tf.int32), "n32": ([3, 2], tf.int32), "c22": ([2, 2], tf.bool),
     "k234": ([2, 3, 4], tf.float32), "d23": ([2, 3], tf.float64)}
M = shape_set("M", M)
for extra in TENSORS + OTHERS + NAMES + ["True", "1"]:
    run("matmul(m23, m32, %s)" % extra, shapes=M)
    run("matmul(m23, m23, False, %s)" % extra, shapes=M)
for args in ["m23, m23, True", "m23, m23, False, True", "m32, m32, True", "m23, m23, True, True",
             "m23, m32, True, True", "m23, m23, False, False, True", "m23, m23, False, False, False, True",
             "m23, m32, False, False, 'x'", "m23, m32, 'x', False, 'y'", "m23, m32, True, False, True",
             "m23, m32, False, True, False, True", "m23, m32, False, False, False, False, True",
             "m23, m32, False, False, False, False, False, True", "m23, m32, False, False, False, False, True, True",
             "d23, d23, False, True, False, False, True", "n23, n32, False, False, False, False, True",
             "m23, m32, False, False, False, False, False, False, None, True",
             "m23, m32, False, False, False, False, False, False, None, False, True",
             "m23, m32, False, False, False, False, False, False, None, 'x'",
             "m23, m32, False, False, False, False, False, False, None, False, False, 'nm'",
             "m23, m32, False, False, False, False, False, False, None, False, False, 'nm', 1",
             "m23, m32, False, False, False, False, False, False, 'float32'",
             "m23, m32, False, False, False, False, False, False, m23.dtype",
             "m23, m32, False, False, False, False, False, False, 'x'",
             "m23, m32, False, False, False, False, False, False, 0",
             "n23, n32, False, False, False, False, False, False, 'float32'",
             "c22, c22, True", "c22, c22", "st, st, True", "k234, k234, True", "k234, m32, False, False, 'x'",
             "k234, m32, 'x'", "k234, k234, False, False, False, False, True",
             "m22, m22, False, False, False, False, False, False, None, 1",
             "m22, m22, 0, 0", "m22, m22, None, None, None, None, None, None, None, None, None, None"]:
    run("matmul(%s)" % args, shapes=M)
# arity
for call in ["add()", "add(f)", "add(f, f, 'n', 'm')", "add(name='n')", "add(f, name='n')",
             "add(f, f, 'n', 'm', name='k')", "multiply()", "multiply(f)", "multiply(f, f, 'n', 'm')",
             "matmul()", "matmul(f)", "matmul(f, name='n')", "relu()", "relu(f, 'n', 'm')",
             "relu(name='n')", "relu(f, 'n', 'm', name='k')", "tanh()", "tanh(f, 'n', 'm')",
             "tanh(name='n')", "sigmoid()", "sigmoid(f, 'n', 'm')", "sigmoid(name='n')",
             "identity()", "identity(f, 'n', 'm')", "identity(name='n')",
             "sigmoid(f, 'n', 'm', name='k')", "identity(f, 'n', name='k')", "add(f, f, 'n', name='k')",
             "matmul(f, f, False, False, False, False, False, False, None, False, False, 'n', name='k')"]:
    run(call)
# fast path (all inputs tensors): a type error comes before the op's name scope
for seq in ["relu(bt) ; relu(f)", "relu(b) ; relu(f)", "multiply(bt, bt) ; multiply(f, f)",
            "multiply(b, b) ; multiply(f, f)", "identity(o) ; identity(f)", "tanh(it) ; tanh(f)",
            "tanh(i) ; tanh(f)", "sigmoid(i) ; sigmoid(f)", "add(b, b) ; add(f, f)",
            "-b ; -f", "-st ; -f", "multiply(ft, it) ; multiply(f, f)", "multiply(f, it) ; multiply(f, f)",
            "relu(bt, '_r') ; relu(b, '_r')", "f + i ; f + f", "f - i ; f - f", "b / b ; f / f",
            "f @ i ; f @ f", "multiply(f, i) ; multiply(f, f)"]:
    run(seq)
