"""Python's operators + - * / @, == and !=, unary - and `not` between the values of a
program that are not tensors: Python's own values (str, int, float, bool,
None, a list of names) and TensorFlow's other objects (a TensorShape, a
DType, an Operation, a VariableScope, a caught exception, AUTO_REUSE).
Each line shows the result (its class, str and repr) or the error, then the
ops the case added (see math_env.py for the operands; `e` is the ValueError
caught from T.constant(None); `global_variables(scope)` is the list of
names, as in math_env.py)."""
from math_env import *

VALUES = ['"s"', '""', "2", "0", "-1", "2.0", "True", "None", "global_variables()",
          "global_variables('zzz')", "f.shape", "f.dtype", "o", "vs", "e", "auto"]


def show(value):
    return "ok %s | %s | %r" % (type(value).__name__, value, value)


def case(expr, env):
    g = T.get_default_graph()
    start = len(g.get_operations())
    try:
        result = show(eval(expr, env))
    except Exception as err:
        result = "%s: %s" % (type(err).__name__, ADDRESS.sub(" at ADDR>", str(err)))
    print("==", expr, "->", ADDRESS.sub(" at ADDR>", result))
    print("   ops:", [(op.name, op.type) for op in g.get_operations()[start:]])


T.reset_default_graph()
env = operands()
env["global_variables"] = lambda scope=None: [v.name for v in T.global_variables(scope)]
try:
    T.constant(None)
except ValueError as caught:
    env["e"] = caught
for symbol in ["+", "-", "*", "/", "@", "==", "!="]:
    for left in VALUES:
        for right in VALUES:
            case("%s %s %s" % (left, symbol, right), env)
for value in VALUES:
    case("-" + value, env)
    case("not " + value, env)
# comparisons that reach a tensor, a DType's own equality (as_dtype of the
# other side), and TensorShapes of other ranks
for text in ["f.shape == f", "f == f.shape", "f.shape == ft", "ft == f.shape", "f.shape != ft",
             "f == f", "f != f", "ft == ft", "ft != ft", "f == ft", "f.dtype == ft", "ft == f.dtype",
             "f.dtype == 'float32_ref'", "f.dtype == 'float32'", "'float32' == ft.dtype",
             "ft.dtype == 'float32'", "ft.dtype == 'float'", "ft.dtype != 'float32'",
             "ft.dtype == 1", "ft.dtype == 1.0", "ft.dtype == True", "f.dtype == 101",
             "ft.dtype == f.dtype", "ft.dtype == None", "ft.dtype != None", "ft.dtype == 'x'",
             "it.dtype == 3", "f.shape == ft.shape", "st.shape == ''", "st.shape == global_variables('zzz')",
             "st.shape == None", "f.shape == True", "vs == vs", "o == o", "ft.dtype == 1e400",
             "ft.dtype != -1e400"]:
    case(text, env)
