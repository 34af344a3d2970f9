"""Which `except` clauses catch each error a program can raise: the class
of the error, then for each of ArithmeticError, TypeError, ValueError,
NameError, Exception whether it catches it (see math_env.py for the
operands)."""
from math_env import *

CLAUSES = [ArithmeticError, TypeError, ValueError, NameError, Exception]
env = operands()
env["global_variables"] = lambda scope=None: [v.name for v in T.global_variables(scope)]
for expr in ["i + 18446744073709551616", "1 / 0", "1.0 / 0", "bool(ft)", "global_variables('[')",
             "T.constant(None)", "f + i", "undefined_name", "o.shape", "'s' * o"]:
    try:
        eval(expr, env)
        print("==", expr, "-> ok")
    except Exception as err:
        caught = [c.__name__ for c in CLAUSES if isinstance(err, c)]
        print("==", expr, "->", type(err).__name__, "caught by", " ".join(caught))
