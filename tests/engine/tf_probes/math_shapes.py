"""Shape inference of the math ops: broadcasting, matmul (MatMul,
BatchMatMulV2, SparseMatMul) and their error messages, with the node text
(op name, attributes, input names) and input shapes they quote."""
from math_env import *

F, I, B, D, H, L = tf.float32, tf.int32, tf.bool, tf.float64, tf.float16, tf.int64
S = {"a21": ([2, 1], F), "a3": ([3], F), "a23": ([2, 3], F), "a2": ([2], F), "a0": ([0], F),
     "a1": ([1], F), "a": ([], F), "a234": ([2, 3, 4], F), "a31": ([3, 1], F), "a34": ([3, 4], F),
     "a45": ([4, 5], F), "a345": ([3, 4, 5], F), "a256": ([2, 5, 6], F), "a245": ([2, 4, 5], F),
     "a1345": ([1, 3, 4, 5], F), "a32": ([3, 2], F), "a22": ([2, 2], F), "a13": ([1, 3], F),
     "i2": ([2], I), "i3": ([3], I), "i23": ([2, 3], I), "i34": ([3, 4], I), "l3": ([3], L),
     "b2": ([2], B), "b3": ([3], B), "d2": ([2], D), "d3": ([3], D), "h2": ([2], H), "h3": ([3], H),
     "d23": ([2, 3], D), "d34": ([3, 4], D)}
S = shape_set("S", S)
for x, y in [("a21", "a3"), ("a23", "a3"), ("a23", "a2"), ("a23", "a21"), ("a", "a23"), ("a1", "a3"),
             ("a234", "a31"), ("a0", "a2"), ("a0", "a1"), ("a2", "a3"), ("a23", "a32"), ("a13", "a23"),
             ("a234", "a23"), ("a234", "a34")]:
    for symbol in ["+", "-", "*", "/"]:
        run("%s %s %s" % (x, symbol, y), shapes=S)
        run("%s %s %s" % (y, symbol, x), shapes=S)
for x, y in [("i2", "i3"), ("b2", "b3"), ("d2", "d3"), ("h2", "h3"), ("l3", "i2")]:
    for symbol in ["+", "-", "*", "/", "@"]:
        run("%s %s %s" % (x, symbol, y), shapes=S)
for expr in ["add(a2, a3)", "multiply(a2, a3)", "add(a2, a3, 'n')", "multiply(i2, i3)", "add(i2, 2.0)",
             "a2 + [1.0, 2.0, 3.0]", "a2 * global_variables()", "st + global_variables()",
             "a2 - f.shape", "i3 - f.shape", "i3 + f.shape", "f.shape + i3", "f.shape * i3", "f.shape * f",
             "f.shape / i3", "i3 @ f.shape", "f.shape @ i3"]:
    run(expr, shapes=S)
for x, y in [("a23", "a34"), ("a23", "a23"), ("a2", "a23"), ("a23", "a2"), ("a", "a23"), ("a234", "a45"),
             ("a234", "a345"), ("a234", "a256"), ("a234", "a245"), ("a1345", "a245"), ("a2", "a234"),
             ("a234", "a2"), ("a23", "a345"), ("i23", "i34"), ("d23", "d34"), ("a23", "i34"), ("a22", "2.0"),
             ("2.0", "a22"), ("a22", "a22")]:
    run("%s @ %s" % (x, y), shapes=S)
    run("matmul(%s, %s)" % (x, y), shapes=S)
for args in ["a23, a23, True", "a23, a23, False, True", "a234, a234, True", "a234, a234, False, True",
             "a234, a234, False, False, True", "a234, a34, False, False, False, True",
             "a23, a23, False, False, False, False, True", "a2, a23, False, False, False, False, True",
             "a23, a34, False, False, False, False, False, False, None, True, True",
             "a234, a45, False, False, False, False, False, False, None, True, True",
             "i23, i34, False, False, False, False, True", "d23, d34, False, False, False, False, True",
             "a23, i34, False, False, False, False, True", "i23, a34, False, False, False, False, True",
             "b2, b2, True", "st, st, True", "b2, b2, False, False, True", "a2, a2, True",
             "a234, a45, False, False, False, False, False, False, 'float32'",
             "a234, a245, False, False, False, False, False, False, 'float64'",
             "i23, i34, False, False, False, False, False, False, 'float32'",
             "i23, i34, False, False, False, False, False, False, 'bool'",
             "i23, i34, False, False, False, False, False, False, 'float'",
             "i23, i34, False, False, False, False, False, False, 'int32'",
             "i23, i34, False, False, False, False, False, False, 'int32_ref'",
             "i23, i34, False, False, False, False, False, False, 1",
             "i23, i34, False, False, False, False, False, False, True",
             "i23, i34, False, False, False, False, False, False, 2.0",
             "i23, i34, False, False, False, False, False, False, f",
             "i23, i34, False, False, False, False, False, False, ft",
             "i23, i34, False, False, False, False, False, False, o",
             "i23, i34, False, False, False, False, False, False, vs",
             "i23, i34, False, False, False, False, False, False, global_variables()",
             "i23, i34, False, False, False, False, False, False, f.shape",
             "i23, i34, False, False, False, False, False, False, auto",
             "a23, a34, False, False, False, False, False, False, 'float32', True",
             "a23, a34, True, False, False, False, False, False, 'float64'",
             "a23, a34, False, False, True, False, False, False, 'float64'",
             "a23, i34, False, False, False, False, False, False, 'float32'",
             "a23, a34, False, False, False, False, True, False, 'float64'",
             "a23, a34, False, False, False, False, False, False, 'string'",
             "a23, a34, False, False, False, False, False, False, 'float16'"]:
    run("matmul(%s)" % args, shapes=S)
# names: ops inside name scopes, and their node text
for expr in ["a2 + a3", "matmul(a23, a23)", "i2 / i3", "b2 * b3"]:
    run(expr, shapes=S, scope="s")
    run("%s ; %s" % (expr, expr), shapes=S)
